"""Fuzzy claim matching across German and English."""

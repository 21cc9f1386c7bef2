"""Turning articles and claim files into claims and attributions."""

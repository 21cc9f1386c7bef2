"""Fetching, extracting and archiving the documents reviewers check against."""

"""Workbench: fact-check and source-tracing workbench for newsrooms."""

__version__ = "0.1.0"

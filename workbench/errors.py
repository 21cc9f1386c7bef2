"""Errors a fact-checker can cause or meet; the CLI and UI show their message without a traceback."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base for errors whose message is written for the person using Workbench."""


class FetchError(WorkbenchError):
    """A reference could not be fetched.

    `reason` is a stable code for callers ("timeout", "refused_address", "too_large", "not_text",
    "http_error", "too_many_redirects", "connection", "bad_url"); the message is for people.
    """

    REASONS = frozenset(
        {
            "timeout",
            "refused_address",
            "too_large",
            "not_text",
            "http_error",
            "too_many_redirects",
            "connection",
            "bad_url",
        }
    )

    def __init__(self, url: str, reason: str, message: str, *, status: int | None = None):
        if reason not in self.REASONS:
            raise ValueError(f"unknown fetch failure reason: {reason!r}")
        super().__init__(message)
        self.url = url
        self.reason = reason
        self.status = status


class ExtractionError(WorkbenchError):
    """No usable text could be taken from a fetched document."""


class ArchiveError(WorkbenchError):
    """The archive of fetched documents is missing a file or holds a damaged one."""


# Restored from their use in review.py / sources.py after this file was overwritten by the
# references work; the lead's original wording may have differed.
class InvalidInputError(WorkbenchError):
    """Input a fact-checker gave cannot be used as it is (empty name, unknown rating, ...)."""


class NotFoundError(WorkbenchError):
    """A claim, source or other record the user asked for does not exist."""


class StaleEditError(WorkbenchError):
    """Someone else changed the record while this user was editing it."""

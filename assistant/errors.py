"""Errors that reach a user: a Vietnamese message to show, an English one for the logs."""

from __future__ import annotations


class AssistantError(Exception):
    """Base error. ``str(err)`` is the Vietnamese message; ``err.log_message`` is English."""

    def __init__(self, message_vi: str, log_message: str | None = None) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.log_message = log_message or message_vi


class ModelError(AssistantError):
    """The embedding model could not be provisioned, verified or loaded."""


class IndexMismatchError(AssistantError):
    """The index on disk was built with another model or chunker."""


class IndexMissingError(AssistantError):
    """No index exists yet at the requested home."""


class DocumentError(AssistantError):
    """A file could not be read as a document (unknown type, empty, encrypted, corrupt)."""

"""Typed errors. Every message says what happened and, where it can, what to do."""

from __future__ import annotations


class ArtifactsError(Exception):
    """Base of every error this package raises on purpose.

    ``str()`` is the message for every front end. ``hint`` (optional) is what a command-line
    user can do next, in CLI terms (which ``artifacts`` command lists the ids, which flag
    helps); the CLI prints it after the message, the TUI leaves it out.
    """

    hint: str | None = None  # also for subclasses whose own __init__ does not pass it on

    def __init__(self, *args: object, hint: str | None = None) -> None:
        super().__init__(*args)
        self.hint = hint


class ConfigError(ArtifactsError):
    pass


class NotFound(ArtifactsError):
    pass


class AmbiguousId(ArtifactsError):
    pass


class LibraryError(ArtifactsError):
    """The library file cannot be used (newer schema, not a library, corrupt)."""


class SchemaTooNew(LibraryError):
    pass


class InvalidInput(ArtifactsError):
    pass


class StorageError(ArtifactsError):
    """A ``window.storage`` call broke one of its rules; ``code`` is stable for the page."""

    code = "storage_error"


class InvalidKey(StorageError):
    code = "invalid_key"


class InvalidValue(StorageError):
    code = "invalid_value"


class ValueTooLarge(StorageError):
    code = "value_too_large"


class QuotaExceeded(StorageError):
    code = "quota_exceeded"


class KeyNotFound(StorageError):
    code = "key_not_found"


# --------------------------------------------------------------------------- the model


class ModelError(ArtifactsError):
    """A call to Claude failed. ``status`` is the HTTP status (None when there was no answer,
    200 for an error reported in the middle of a stream); ``error_type`` and ``api_message``
    are what the API said (``overloaded_error``, ...). ``str()`` is one sentence for a person,
    saying what to do."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        error_type: str | None = None,
        api_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error_type = error_type
        self.api_message = api_message


class ModelUnavailable(ModelError):
    """No API key is set, or the API refused the one given (401)."""


class RateLimited(ModelError):
    """Too many calls: this artifact's own limit, or the API's 429 after our retries.

    ``retry_after`` is the number of seconds after which a call may succeed."""

    def __init__(self, message: str, *, retry_after: float, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class ModelOverloaded(ModelError):
    """The API stayed overloaded (529 / ``overloaded_error``) through every retry."""


class ConnectionLost(ModelError):
    """The API could not be reached, or the connection dropped in the middle of a reply."""

"""Typed errors. Every message says what happened and, where it can, what to do."""

from __future__ import annotations


class ArtifactsError(Exception):
    """Base of every error this package raises on purpose."""


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

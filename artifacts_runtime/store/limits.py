"""The rules of ``window.storage``, as claude.ai applies them.

Keys: fewer than 200 characters, no whitespace, no slashes, no quotes. Values: strings of at
most 5 MB. Each artifact has a total quota (default 20 MB, ``[storage] quota_mb`` in the
config), counted over all its keys in both scopes. Each broken rule raises its own error, and
the message says which limit was hit and by how much.
"""

from __future__ import annotations

import re

from ..errors import InvalidKey, InvalidValue, ValueTooLarge

MAX_KEY_LENGTH = 200  # keys must be shorter than this
MAX_VALUE_BYTES = 5 * 1024 * 1024

_FORBIDDEN = re.compile(r"[\s/\\'\"`]|[\x00-\x1f\x7f]")


def check_key(key: object) -> str:
    if not isinstance(key, str):
        raise InvalidKey(f"storage keys must be strings, not {type(key).__name__}")
    if not key:
        raise InvalidKey("storage keys must not be empty")
    if len(key) >= MAX_KEY_LENGTH:
        raise InvalidKey(f"storage key is {len(key)} characters; keys must be shorter than {MAX_KEY_LENGTH}")
    bad = _FORBIDDEN.search(key)
    if bad:
        raise InvalidKey(
            f"storage key {key[:40]!r} contains {bad.group()!r}; keys may not contain whitespace, slashes or quotes"
        )
    return key


def check_value(value: object) -> tuple[str, int]:
    """Return the value and its size in bytes (UTF-8)."""
    if not isinstance(value, str):
        raise InvalidValue(
            f"storage values must be strings, not {type(value).__name__}; "
            "store JSON.stringify(value) and parse it when you read it"
        )
    size = len(value.encode("utf-8", "surrogatepass"))
    if size > MAX_VALUE_BYTES:
        raise ValueTooLarge(f"storage value is {size:,} bytes; a value may be at most 5 MB ({MAX_VALUE_BYTES:,} bytes)")
    return value, size

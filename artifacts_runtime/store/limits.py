"""The rules of ``window.storage``, as claude.ai applies them.

Keys: fewer than 200 characters, no whitespace, no slashes, no quotes. Values: strings of at
most 5 MB. Both must be well-formed Unicode (no lone UTF-16 surrogate: UTF-8 cannot carry one).

Each artifact has a total quota (default 20 MB, ``[storage] quota_mb`` in the config). A key
costs its value's bytes, its own bytes and ``ROW_OVERHEAD`` (what a stored row costs besides
them), so empty values under long keys count too. The library's user pays for their personal
keys and the shared keys they wrote; the visitors of the artifact's published links pay, all
together, into a second pool of the same size (so they can never fill the owner's). One scope
(the personal keys of one person, or the shared keys) holds at most ``MAX_KEYS_PER_SCOPE``
keys, and all visitors of an artifact together at most ``MAX_VISITOR_KEYS``. Each broken rule
raises its own error, and the message says which limit was hit and by how much.
"""

from __future__ import annotations

import re

from ..errors import InvalidKey, InvalidValue, ValueTooLarge

MAX_KEY_LENGTH = 200  # keys must be shorter than this
MAX_VALUE_BYTES = 5 * 1024 * 1024
#: Counted for every key on top of its key and value bytes (SQLite's own bytes for the row: its
#: artifact, scope, owner, times and record header).
ROW_OVERHEAD = 100
MAX_KEYS_PER_SCOPE = 10_000
MAX_VISITOR_KEYS = 10_000

_SURROGATE = re.compile("[\ud800-\udfff]")

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
    lone = _SURROGATE.search(key)
    if lone:
        raise InvalidKey(
            f"storage key {key[:40]!r} contains a lone surrogate (U+{ord(lone.group()):04X} at character "
            f"{lone.start()}); keys must be well-formed Unicode"
        )
    return key


def check_value(value: object) -> tuple[str, int]:
    """Return the value and its size in bytes (UTF-8)."""
    if not isinstance(value, str):
        raise InvalidValue(
            f"storage values must be strings, not {type(value).__name__}; "
            "store JSON.stringify(value) and parse it when you read it"
        )
    lone = _SURROGATE.search(value)
    if lone:
        raise InvalidValue(
            f"storage value contains a lone surrogate (U+{ord(lone.group()):04X} at character {lone.start()}); "
            "values must be well-formed Unicode: pair each surrogate or drop it"
        )
    size = len(value.encode("utf-8"))
    if size > MAX_VALUE_BYTES:
        raise ValueTooLarge(f"storage value is {size:,} bytes; a value may be at most 5 MB ({MAX_VALUE_BYTES:,} bytes)")
    return value, size


def row_cost(key: str, size: int) -> int:
    """What one stored key counts against a quota: its value's bytes, its own, the overhead."""
    return size + len(key.encode("utf-8")) + ROW_OVERHEAD

"""The Anthropic API key entered in the app (``ANTHROPIC_API_KEY`` in the environment wins).

Kept in the library's data folder (0700) in a file of its own, mode 0600, written atomically;
never printed, logged or put in an error message. A key looks like ``sk-ant-…``: anything with
whitespace or control characters inside, or absurdly short or long, is refused with a reason
(a paste that caught a line break, or the wrong clipboard).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InvalidInput
from .paths import PRIVATE_FILE, Paths

FILE_NAME = "anthropic-api-key"
MIN_LENGTH, MAX_LENGTH = 20, 512


def key_file(paths: Paths) -> Path:
    return paths.data / FILE_NAME


def check_key(key: str) -> str:
    """The key, stripped; :class:`InvalidInput` (saying why) when it cannot be one."""
    key = key.strip()
    if not key:
        raise InvalidInput("the key is empty")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in key):
        raise InvalidInput("a key has no spaces or line breaks inside: paste it again, on its own")
    if not MIN_LENGTH <= len(key) <= MAX_LENGTH:
        raise InvalidInput(f"a key is {MIN_LENGTH} to {MAX_LENGTH} characters; this is {len(key)}")
    if not key.isascii():
        raise InvalidInput("a key is plain ASCII (letters, digits, - and _)")
    return key


def load_key(paths: Paths) -> str | None:
    """The stored key, or None (no file, unreadable, or not a key)."""
    try:
        text = key_file(paths).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return check_key(text)
    except InvalidInput:
        return None


def save_key(paths: Paths, key: str) -> None:
    """Store ``key`` (checked) for the next starts: 0600, replaced atomically."""
    key = check_key(key)
    paths.data.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".key-", dir=paths.data)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key + "\n")
        os.chmod(tmp, PRIVATE_FILE)
        os.replace(tmp, key_file(paths))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def forget_key(paths: Paths) -> bool:
    """Remove the stored key; whether there was one."""
    try:
        key_file(paths).unlink()
    except FileNotFoundError:
        return False
    return True

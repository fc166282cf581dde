"""The JSON-lines protocol between the app (``manager.py``) and the window host (``host.py``).

Pure functions and constants only: no GUI, no asyncio, cheap to import on either side. The
package docstring (``artifacts_runtime/preview/__init__.py``) describes every message.
"""

from __future__ import annotations

import json
from typing import Any

#: Bumped when a message changes meaning; the host reports it in its ``ready`` event.
PROTOCOL_VERSION = 1

#: Commands the host understands, and the fields each one requires besides ``cmd``.
COMMANDS: dict[str, tuple[str, ...]] = {
    "open": ("id", "url"),
    "focus": ("id",),
    "reload": ("id",),
    "title": ("id", "title"),
    "close": ("id",),
    "list": (),
    "screenshot": ("id", "path"),
    "quit": (),
}

#: Events the host writes. ``crashed`` is never written by the host: the manager makes it up
#: when the host's stdout ends without a ``quit`` having been asked for.
EVENTS = frozenset(
    {
        "ready",
        "opened",
        "focused",
        "loaded",
        "closed",
        "windows",
        "screenshot",
        "error",
        "crashed",
    }
)

#: A line longer than this is refused (an artifact's URL and title are far shorter).
MAX_LINE = 64 * 1024


class ProtocolError(ValueError):
    """A line that is not a valid message; ``str()`` says what is wrong with it."""


def _dump(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _load(line: bytes | str) -> dict[str, Any]:
    if isinstance(line, bytes):
        if len(line) > MAX_LINE:
            raise ProtocolError(f"line longer than {MAX_LINE} bytes")
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolError("line is not UTF-8") from exc
    text = line.strip()
    if not text:
        raise ProtocolError("empty line")
    try:
        message = json.loads(text)
    except ValueError as exc:
        raise ProtocolError(f"line is not JSON ({exc.msg})") from exc
    if not isinstance(message, dict):
        raise ProtocolError("a message must be a JSON object")
    return message


def encode_command(cmd: str, **fields: Any) -> bytes:
    """One command as a line for the host's stdin (``None`` fields are left out)."""
    message = {"cmd": cmd, **{k: v for k, v in fields.items() if v is not None}}
    check_command(message)
    return _dump(message)


def check_command(message: dict[str, Any]) -> dict[str, Any]:
    cmd = message.get("cmd")
    if not isinstance(cmd, str) or cmd not in COMMANDS:
        raise ProtocolError(f"unknown command {cmd!r}; expected one of {', '.join(COMMANDS)}")
    for name in COMMANDS[cmd]:
        value = message.get(name)
        if not isinstance(value, str) or not value:
            raise ProtocolError(f"{cmd!r} needs a non-empty string {name!r}")
    title = message.get("title")
    if title is not None and not isinstance(title, str):
        raise ProtocolError("'title' must be a string")
    url = message.get("url")
    if url is not None and not url.startswith(("http://", "https://")):
        raise ProtocolError("'url' must be an http(s) URL")
    return message


def decode_command(line: bytes | str) -> dict[str, Any]:
    """A command line read by the host; raises :class:`ProtocolError` when it is not valid."""
    return check_command(_load(line))


def encode_event(event: str, **fields: Any) -> bytes:
    """One event as a line for the host's stdout."""
    if event not in EVENTS:
        raise ProtocolError(f"unknown event {event!r}")
    return _dump({"event": event, **fields})


def decode_event(line: bytes | str) -> dict[str, Any]:
    """An event line read by the manager; raises :class:`ProtocolError` when it is not valid."""
    message = _load(line)
    if message.get("event") not in EVENTS:
        raise ProtocolError(f"unknown event {message.get('event')!r}")
    return message

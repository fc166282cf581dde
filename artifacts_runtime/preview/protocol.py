"""The JSON-lines protocol between the app (``manager.py``) and the window host (``host.py``).

Pure functions and constants only: no GUI, no asyncio, cheap to import on either side. The
package docstring (``artifacts_runtime/preview/__init__.py``) describes every message.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal, NotRequired, Required, TypedDict, cast

#: Bumped when a message changes meaning; the host reports it in its ``ready`` event.
PROTOCOL_VERSION = 2  # 2: events say what they are in "type" (was "event")

#: Commands the host understands, and the fields each one requires besides ``cmd``.
COMMANDS: dict[str, tuple[str, ...]] = {
    "open": ("id", "url"),
    "focus": ("id",),
    "reload": ("id",),
    "title": ("id", "title"),
    "close": ("id",),
    "list": (),
    "screenshot": ("id", "path"),
    "describe": (),
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
        "described",
        "error",
        "crashed",
    }
)

#: The key that says what an event is: ``type``, as in the event hub's and the chat's events.
DISCRIMINATOR = "type"

CommandName = Literal["open", "focus", "reload", "title", "close", "list", "screenshot", "describe", "quit"]
EventName = Literal[
    "ready", "opened", "focused", "loaded", "closed", "windows", "screenshot", "described", "error", "crashed"
]


class Command(TypedDict, total=False):
    """A command, app -> host. ``check_command`` ensures the fields its ``cmd`` requires."""

    cmd: Required[CommandName]
    id: str
    url: str
    title: str
    path: str


class Rect(TypedDict):
    """A rectangle on the screen, in Qt's logical pixels."""

    x: int
    y: int
    width: int
    height: int


class AppInfo(TypedDict):
    """The application the windows belong to, as Qt reports it (``described``)."""

    name: str  # QCoreApplication.applicationName: X11's WM_CLASS class
    display_name: str  # applicationDisplayName: what title bars add ("Title — name")
    desktop_file: str  # desktopFileName: Wayland's app_id
    platform: str  # the Qt platform plugin: xcb, wayland, offscreen...


class WindowInfo(TypedDict):
    """One open window, as the ``windows`` event lists it (no token: ``url_path``); the
    ``described`` event adds where it is and what its title bar is given."""

    id: str
    title: str
    url_path: str
    renders: int
    slot: NotRequired[int | None]  # its place in the cascade (None: placed by the toolkit)
    geometry: NotRequired[Rect | None]  # x, y of its frame; width, height of its contents
    shown_title: NotRequired[str]  # the title the toolkit shows (Qt: after "[*]" is handled)


class PreviewEvent(TypedDict, total=False):
    """An event, host -> app (and the manager's own ``crashed``). Which fields an event has
    depends on its ``type``; the package docstring lists them."""

    type: Required[EventName]
    id: str | None
    title: str
    message: str
    # ready
    pid: int
    gui: str
    renderer: str | None
    protocol: int
    startup_ms: int
    # loaded
    version: int | None
    renders: int
    # closed: "user" | "app"
    by: str
    # windows
    windows: list[WindowInfo]
    # screenshot
    path: str
    ok: bool
    # described (and windows)
    app: AppInfo | None
    screen: Rect | None
    # crashed
    returncode: int
    ids: list[str]
    log: str


#: A line longer than this is refused (an artifact's URL and its title, cut to ``MAX_TITLE``,
#: are far shorter).
MAX_LINE = 64 * 1024

#: The longest window title either side sends (characters): titles have no limit in the
#: library, and a title bar shows far less.
MAX_TITLE = 200

#: What a title bar cannot show on one line: C0 and C1 controls (newlines, tabs, escapes), DEL,
#: the line and paragraph separators.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class ProtocolError(ValueError):
    """A line that is not a valid message; ``str()`` says what is wrong with it."""


def clean_title(text: str, limit: int = MAX_TITLE) -> str:
    """A title fit for a window's title bar and for one protocol line: control characters
    become spaces, runs of white space one space, a lone surrogate (which UTF-8 cannot carry)
    U+FFFD, and a title longer than ``limit`` characters is cut, ending in "…". May be empty."""
    text = " ".join(_UNPRINTABLE.sub(" ", _SURROGATE.sub("\ufffd", text)).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


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
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"line is not JSON ({exc.msg})") from exc
    if not isinstance(message, dict):
        raise ProtocolError("a message must be a JSON object")
    return message


def encode_command(cmd: str, **fields: Any) -> bytes:
    """One command as a line for the host's stdin (``None`` fields are left out)."""
    message = {"cmd": cmd, **{k: v for k, v in fields.items() if v is not None}}
    check_command(message)
    return _dump(message)


def check_command(message: dict[str, Any]) -> Command:
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
    return cast(Command, message)


def decode_command(line: bytes | str) -> Command:
    """A command line read by the host; raises :class:`ProtocolError` when it is not valid."""
    return check_command(_load(line))


def encode_event(event: EventName, **fields: Any) -> bytes:
    """One event as a line for the host's stdout."""
    if event not in EVENTS:
        raise ProtocolError(f"unknown event {event!r}")
    return _dump({DISCRIMINATOR: event, **fields})


def decode_event(line: bytes | str) -> PreviewEvent:
    """An event line read by the manager; raises :class:`ProtocolError` when it is not valid."""
    message = _load(line)
    if message.get(DISCRIMINATOR) not in EVENTS:
        raise ProtocolError(f"unknown event {message.get(DISCRIMINATOR)!r}")
    return cast(PreviewEvent, message)

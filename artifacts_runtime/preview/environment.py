"""Can this machine show a preview window, and with which backend? Answered without importing
pywebview or Qt (the app must not pay for them): environment variables and files on disk only.

Used by the manager (``availability``) and by the host (``choose_gui``, ``prepare_environment``).
"""

from __future__ import annotations

import glob
import importlib.util
import os
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Literal, get_args

#: Qt platform plugins that draw without any display server.
HEADLESS_QPA = ("offscreen", "vnc")

REASON_SSH = "running over SSH with no display to draw on (DISPLAY/WAYLAND_DISPLAY unset)"
REASON_NO_DISPLAY = "no display (DISPLAY/WAYLAND_DISPLAY unset)"
REASON_NO_BACKEND = (
    "no GUI backend: install the preview extra (pip install 'live-artifacts[preview]') "
    "and the Debian libraries from the README's set-up"
)

_GIR_DIRS = (
    "/usr/lib/*/girepository-1.0",
    "/usr/lib/girepository-1.0",
    "/usr/lib64/girepository-1.0",
    "/usr/local/lib/girepository-1.0",
)


def _spec_dirs(name: str) -> list[str]:
    """The folders of a top-level package, found without importing it (``[]`` when absent)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    return list(spec.submodule_search_locations or [])


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def qt_available() -> bool:
    """pywebview's Qt backend can load: PyQt6 with its WebEngine module, and qtpy."""
    if not (has_module("webview") and has_module("qtpy")):
        return False
    return any(glob.glob(os.path.join(d, "QtWebEngineWidgets.*")) for d in _spec_dirs("PyQt6"))


def gtk_available() -> bool:
    """pywebview's GTK backend can load: PyGObject and a WebKit2GTK typelib."""
    if not (has_module("webview") and has_module("gi")):
        return False
    return any(glob.glob(os.path.join(d, "WebKit2-4.*.typelib")) for d in _gir_dirs())


def _gir_dirs() -> list[str]:
    found: list[str] = []
    for pattern in _GIR_DIRS:
        found.extend(glob.glob(pattern))
    return found


#: The backends ``webview.start(gui=...)`` accepts.
GuiName = Literal["qt", "gtk", "cef", "mshtml", "edgechromium", "android", "cocoa"]
GUI_NAMES: tuple[GuiName, ...] = get_args(GuiName)


def gui_name(name: str | None) -> GuiName | None:
    """``name`` (from ``--gui`` or ``PYWEBVIEW_GUI``) as a backend pywebview knows; ``None``:
    pywebview's own choice. Raises ValueError for a name pywebview does not know."""
    if not name:
        return None
    for known in GUI_NAMES:
        if name == known:
            return known
    raise ValueError(f"unknown pywebview backend {name!r}; expected one of {', '.join(GUI_NAMES)}")


def choose_gui(environ: Mapping[str, str] | None = None) -> str | None:
    """The pywebview ``gui`` to ask for: ``"qt"`` when it is installed (our default), else
    ``None`` (pywebview's own detection: GTK on a machine that has it). ``PYWEBVIEW_GUI``
    in the environment wins, as it does in pywebview."""
    environ = os.environ if environ is None else environ
    forced = environ.get("PYWEBVIEW_GUI", "").strip().lower()
    if forced:
        return forced
    return "qt" if qt_available() else None


def _needs_display(platform: str) -> bool:
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def availability(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str | None = None,
    qt: bool | None = None,
    gtk: bool | None = None,
) -> str | None:
    """``None`` when a preview window can be shown here, else one sentence saying why not.

    The keyword arguments stand in for the machine in tests; by default they are looked up.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if qt is None:
        qt = qt_available()
    forced = environ.get("PYWEBVIEW_GUI", "").strip().lower()

    # Qt told to draw without a display (QT_QPA_PLATFORM=offscreen: tests, headless use).
    headless_qt = forced in ("", "qt") and environ.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_QPA
    if headless_qt and qt:
        return None
    if _needs_display(platform) and not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        if headless_qt:  # asked for offscreen Qt, and Qt is what is missing
            return REASON_NO_BACKEND
        over_ssh = bool(environ.get("SSH_CONNECTION") or environ.get("SSH_CLIENT") or environ.get("SSH_TTY"))
        return REASON_SSH if over_ssh else REASON_NO_DISPLAY

    def gtk_ok() -> bool:
        return gtk_available() if gtk is None else gtk

    if forced == "qt":
        usable = qt
    elif forced == "gtk":
        usable = gtk_ok()
    elif forced:  # another pywebview backend the user asked for by name: trust them
        usable = has_module("webview")
    else:
        usable = qt or gtk_ok() or (not _needs_display(platform) and has_module("webview"))
    return None if usable else REASON_NO_BACKEND


def is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def prepare_environment(environ: MutableMapping[str, str], *, root: bool | None = None) -> None:
    """What the host sets before Qt loads: WebEngine refuses to start as root without
    ``--no-sandbox``; pywebview must not print its own log lines on our protocol channel."""
    root = is_root() if root is None else root
    if root and environ.get("QTWEBENGINE_DISABLE_SANDBOX") != "1":
        flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
        if "--no-sandbox" not in flags:
            flags.append("--no-sandbox")
        environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)


def package_root() -> Path:
    """The folder that holds ``artifacts_runtime`` (put on the host's PYTHONPATH)."""
    return Path(__file__).resolve().parent.parent.parent

"""The host's Qt plumbing: what pywebview has no call for, done on the GUI thread.

Everything Qt is imported inside the functions, so the host imports (and runs, on GTK) without
Qt. ``make_invoker`` is made on the GUI (main) thread before the loop starts; from any other
thread, ``invoker.call.emit(fn)`` runs ``fn`` on the GUI thread, and ``call(invoker, fn)``
waits for its result. The functions that read or change windows run on the GUI thread.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from .protocol import AppInfo, Rect

log = logging.getLogger("artifacts.preview.host")

T = TypeVar("T")


class _Signal(Protocol):
    def emit(self, *args: Any) -> None: ...


class Invoker(Protocol):
    """Runs a function on the GUI thread: ``invoker.call.emit(fn)`` (see :func:`make_invoker`)."""

    @property
    def call(self) -> _Signal: ...


def make_invoker() -> Invoker:
    """A QObject living on the GUI (main) thread; ``invoker.call.emit(fn)`` from any thread runs
    ``fn`` there (a queued connection), which is how Qt wants cross-thread calls made."""
    # PyQt6 itself: it is the binding qtpy (and so pywebview) uses here (``qt_available``
    # requires it), and the one whose signal class the type checker knows.
    from PyQt6.QtCore import QObject, pyqtSignal

    class _Invoker(QObject):
        call = pyqtSignal(object)

        def __init__(self) -> None:
            super().__init__()
            self.call.connect(self._run)

        def _run(self, fn: Any) -> None:
            try:
                fn()
            except Exception:
                log.exception("a GUI call failed")

    return _Invoker()


def call(invoker: Invoker, fn: Callable[[], T], timeout: float = 5.0) -> T | None:
    """Run ``fn`` on the GUI thread and wait for what it returns: None when it failed (logged)
    or the GUI thread did not get to it within ``timeout`` s. Never from the GUI thread."""
    done = threading.Event()
    result: list[T] = []

    def run() -> None:
        try:
            result.append(fn())
        finally:
            done.set()

    invoker.call.emit(run)
    if not done.wait(timeout):
        log.warning("the GUI thread did not answer within %.0f s", timeout)
        return None
    return result[0] if result else None


def prepare_application(name: str) -> None:
    """Before pywebview creates its ``QApplication`` (Qt keeps what these static setters say
    for the application made later; pywebview adopts an existing one, ``QApplication.instance()
    or QApplication(sys.argv)``, so this holds either way). Every window is then the product's:

    - ``applicationName``: the class part of X11's ``WM_CLASS``; ``RESOURCE_NAME`` its instance
      part (Qt reads it when the first window is made; without it, ``argv[0]``: "python3");
    - ``desktopFileName``: Wayland's ``app_id`` (what docks group windows by);
    - ``applicationDisplayName``: X11 and Wayland title bars show "Title — name".

    And closing the last visible window must not end the GUI loop: the host outlives its
    windows (the hidden anchor keeps pywebview's loop alive; this keeps Qt's)."""
    from PyQt6.QtGui import QGuiApplication

    os.environ.setdefault("RESOURCE_NAME", name)
    QGuiApplication.setApplicationName(name)
    QGuiApplication.setApplicationDisplayName(name)
    QGuiApplication.setDesktopFileName(name)
    QGuiApplication.setQuitOnLastWindowClosed(False)


def application() -> AppInfo:
    """The application's names as Qt reports them (GUI thread)."""
    from PyQt6.QtGui import QGuiApplication

    return {
        "name": QGuiApplication.applicationName(),
        "display_name": QGuiApplication.applicationDisplayName(),
        "desktop_file": QGuiApplication.desktopFileName(),
        "platform": QGuiApplication.platformName(),
    }


def _rect(rect: Any) -> Rect:
    return {"x": rect.x(), "y": rect.y(), "width": rect.width(), "height": rect.height()}


def screen() -> tuple[Rect, Rect] | None:
    """The primary screen (where pywebview opens windows): its whole geometry, and the part of
    it windows may use (without panels and docks); None when Qt knows no screen (GUI thread)."""
    from PyQt6.QtGui import QGuiApplication

    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return None
    return _rect(primary.geometry()), _rect(primary.availableGeometry())


def geometry(native: Any) -> tuple[Rect, str]:
    """Where a window is (its frame's corner, its contents' size) and the title it shows
    (GUI thread)."""
    handle = native.windowHandle()
    shown = handle.title() if handle is not None else native.windowTitle()
    return {"x": native.x(), "y": native.y(), "width": native.width(), "height": native.height()}, str(shown)


def raise_window(native: Any) -> None:
    """Bring a window to the front, un-minimised but not un-maximised (GUI thread)."""
    from qtpy.QtCore import Qt

    state = native.windowState()
    if state & Qt.WindowState.WindowMinimized:
        native.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    native.show()
    native.raise_()
    native.activateWindow()


def discard_page(native: Any) -> None:
    """Discard a window's page, which frees its renderer process (GUI thread)."""
    from qtpy.QtWebEngineCore import QWebEnginePage

    native.webview.page().setLifecycleState(QWebEnginePage.LifecycleState.Discarded)


def escape_title(title: str) -> str:
    """A window title for ``QWidget.setWindowTitle`` that shows as ``title``: Qt takes ``[*]``
    as the place of its "modified" mark and shows ``[*][*]`` as ``[*]``."""
    return title.replace("[*]", "[*][*]")

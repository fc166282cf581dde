"""The host's Qt plumbing: what pywebview has no call for, done on the GUI thread.

Everything Qt is imported inside the functions, so the host imports (and runs, on GTK) without
Qt. ``make_invoker`` is made on the GUI (main) thread before the loop starts; from any other
thread, ``invoker.call.emit(fn)`` runs ``fn`` on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

log = logging.getLogger("artifacts.preview.host")


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

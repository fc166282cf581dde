"""The window host: :class:`Host` holds every preview window of one app in one process and
serves the manager's commands (protocol: see the package docstring). ``__main__.py`` starts it:
``python -m artifacts_runtime.preview``.

Threads, as pywebview wants them:

- the **main thread** runs the GUI loop (``webview.start``), which a hidden anchor window keeps
  alive while no preview is open;
- the **reader thread** (pywebview's ``start(func)`` thread) reads commands from stdin and acts on
  them through pywebview's thread-safe calls (``create_window`` after start, ``Window.destroy``,
  ``set_title``, ``run_js``...). On Qt what pywebview has no call for (raising a window without
  un-maximising it; reading the screen and the windows' geometry) is queued onto the GUI thread
  by a Qt signal (``qt.Invoker``, ``qt.call``);
- pywebview's own short threads deliver window events and shared-state changes (how the page
  reports a render); they write events.

Events go to the original stdout (``__main__`` keeps it as a private descriptor and points
file descriptor 1 at stderr, the log file the manager gave us), so nothing a library prints can
corrupt the protocol. stdin closing means the app is gone: the host closes its windows and exits.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from ..paths import APP_NAME
from . import qt
from .cascade import cascade, next_slot
from .environment import GuiName
from .navigation import origin_of
from .protocol import (
    PROTOCOL_VERSION,
    AppInfo,
    Command,
    EventName,
    ProtocolError,
    Rect,
    WindowInfo,
    clean_title,
    decode_command,
    encode_event,
)

if TYPE_CHECKING:
    from webview import Window

log = logging.getLogger("artifacts.preview.host")


#: Installed in every shell page once pywebview's bridge is there: reports each finished render
#: of the artifact (the shell sets ``body[data-rendered]`` to the version it rendered, again on
#: every reload) with the page title (the artifact's title, kept current by the shell).
#:
#: It reports through pywebview's shared state (``pywebview.state``), not a ``js_api`` method:
#: pywebview builds ``js_api`` stubs with ``new Function``, which the shell's Content-Security-
#: Policy (no ``unsafe-eval``) forbids. ``at`` makes every report a change.
RENDER_HOOK = """
(function () {
  if (window.__liveArtifactsPreview) return;
  var body = document.body;
  if (!body || !body.hasAttribute("data-artifact")) return;
  window.__liveArtifactsPreview = true;
  function report() {
    var version = body.getAttribute("data-rendered");
    if (version === null) return;
    window.pywebview.state.rendered = { version: version, title: document.title || "", at: performance.now() };
  }
  function start() {
    new MutationObserver(report).observe(body, { attributes: true, attributeFilter: ["data-rendered"] });
    report();
  }
  var pv = window.pywebview;
  if (pv && pv.state && (pv.platform !== "qtwebengine" || pv._QWebChannel)) start();
  else window.addEventListener("pywebviewready", start, { once: true });
})();
"""

ANCHOR_HTML = f"<!doctype html><meta charset=utf-8><title>{APP_NAME} preview host</title>"
WINDOW_SIZE = (1000, 760)
QUIT_GRACE = 6.0  # seconds the GUI gets to close down before the host exits by force


@dataclass
class _Entry:
    artifact_id: str
    window: Window
    url: str
    title: str
    renders: int = 0
    slot: int | None = None  # its place in the cascade; None: the toolkit placed it
    closing: bool = False
    closed: threading.Event = field(default_factory=threading.Event)


class Host:
    def __init__(self, webview: Any, out: BinaryIO, gui: GuiName | None) -> None:
        self.webview = webview
        self.out = out
        self.gui = gui
        self.windows: dict[str, _Entry] = {}
        self.lock = threading.RLock()
        self.out_lock = threading.Lock()
        self.anchor: Window | None = None
        self.invoker: qt.Invoker | None = None
        self.quitting = threading.Event()
        self.started = time.monotonic()
        self.allowed: set[str] = set()

    def origins(self) -> set[str]:
        """The origins preview windows were opened at (the local server's, one per server the
        app ran): the only ones their pages may navigate to (``navigation.navigation_allowed``)."""
        with self.lock:
            return set(self.allowed)

    def allow(self, url: str) -> None:
        """Before a window loads ``url``: its origin is one the pages may navigate to."""
        origin = origin_of(url)
        if origin is not None:
            with self.lock:
                self.allowed.add(origin)

    # ------------------------------------------------------------------ output

    def emit(self, event: EventName, **fields: Any) -> None:
        line = encode_event(event, **fields)
        with self.out_lock:
            try:
                self.out.write(line)
                self.out.flush()
            except (BrokenPipeError, OSError, ValueError):
                # The app is gone; nobody is listening. Close down.
                if not self.quitting.is_set():
                    threading.Thread(target=self.quit, daemon=True).start()

    # ------------------------------------------------------------------ the reader thread

    def run(self) -> None:
        """pywebview's ``start(func)``: wait for the GUI loop, say ready, then serve stdin."""
        anchor = self.anchor
        assert anchor is not None, "main() creates the anchor before the GUI loop starts"
        if not anchor.events.shown.wait(30):
            log.error("the GUI loop did not start within 30 s")
            self.emit("error", id=None, message="the GUI loop did not start")
            os._exit(2)
        if self.invoker is not None:
            threading.Thread(target=self._discard_anchor_page, daemon=True).start()
        renderer = getattr(self.webview, "renderer", None)
        self.emit(
            "ready",
            pid=os.getpid(),
            gui=self.gui or "auto",
            renderer=renderer,
            protocol=PROTOCOL_VERSION,
            startup_ms=round((time.monotonic() - self.started) * 1000),
        )
        stdin = sys.stdin.buffer
        while not self.quitting.is_set():
            try:
                line = stdin.readline()
            except (OSError, ValueError):
                line = b""
            if not line:
                log.info("stdin closed: the app is gone; closing down")
                break
            if not line.strip():
                continue
            try:
                command = decode_command(line)
            except ProtocolError as exc:
                self.emit("error", id=None, message=f"bad command: {exc}")
                continue
            try:
                if self.handle(command) == "quit":
                    return
            except Exception as exc:  # keep serving; say what went wrong
                log.exception("command %s failed", command.get("cmd"))
                self.emit("error", id=command.get("id"), message=f"{command['cmd']} failed: {exc}")
        self.quit()

    def _discard_anchor_page(self) -> None:
        """The hidden anchor needs no renderer process: once its page has loaded (so no
        pywebview thread waits on it), discard the page, which frees its renderer (~90 MB)."""
        anchor, invoker = self.anchor, self.invoker
        if anchor is None or invoker is None or not anchor.events.loaded.wait(10):
            return
        native = anchor.native
        if native is None:
            return

        invoker.call.emit(lambda: qt.discard_page(native))

    def handle(self, command: Command) -> str | None:
        cmd = command["cmd"]
        artifact_id = command.get("id", "")
        if cmd == "open":
            self.open(artifact_id, command["url"], clean_title(command.get("title", "")) or artifact_id)
        elif cmd == "quit":
            self.quit()
            return "quit"
        elif cmd == "list":
            with self.lock:
                items = [_info(e) for e in self.windows.values()]
            self.emit("windows", windows=items)
        elif cmd == "describe":
            self.describe()
        else:
            with self.lock:
                entry = self.windows.get(artifact_id)
            if entry is None:
                self.emit("error", id=artifact_id, message=f"no preview window is open for {artifact_id}")
            elif cmd == "focus":
                self.focus(entry)
                self.emit("focused", id=artifact_id)
            elif cmd == "reload":
                entry.window.run_js("location.reload()")
            elif cmd == "title":
                self.set_title(entry, clean_title(command["title"]) or artifact_id)
            elif cmd == "close":
                entry.closing = True
                entry.window.destroy()
            elif cmd == "screenshot":
                self.screenshot(entry, command["path"])
        return None

    # ------------------------------------------------------------------ windows

    def open(self, artifact_id: str, url: str, title: str) -> None:
        with self.lock:
            entry = self.windows.get(artifact_id)
        if entry is not None and entry.closing:  # closing now: wait, then open a new one
            if not entry.closed.wait(5):
                self.on_closed(entry)
            entry = None
        self.allow(url)
        if entry is not None:
            if url != entry.url:  # the app's server restarted: follow it
                same_document = _path(url) == _path(entry.url)
                entry.url = url
                if same_document:  # only the token changed: a fragment change would not reload
                    entry.window.run_js(f"location.replace({json.dumps(url)}); location.reload();")
                else:
                    entry.window.load_url(url)
            if title != entry.title:
                self.set_title(entry, title)
            self.focus(entry)
            self.emit("focused", id=artifact_id)
            return
        slot, corner = self.place()
        x, y = corner if corner is not None else (None, None)
        # No js_api: see RENDER_HOOK.
        window = self.webview.create_window(
            self.native_title(title),
            url,
            width=WINDOW_SIZE[0],
            height=WINDOW_SIZE[1],
            x=x,
            y=y,
            text_select=True,
            zoomable=True,
            background_color="#FFFFFF",
        )
        if window is None:
            self.emit("error", id=artifact_id, message="the window could not be created")
            return
        entry = _Entry(artifact_id, window, url, title, slot=slot)
        with self.lock:
            self.windows[artifact_id] = entry

        def loaded() -> None:
            try:
                window.run_js(RENDER_HOOK)
            except Exception as exc:  # the page went away meanwhile
                log.warning("could not install the render hook for %s: %s", artifact_id, exc)

        def closed() -> None:
            self.on_closed(entry)

        def state_changed(kind: Any, key: Any, value: Any) -> None:
            if key == "rendered" and str(kind) == "change" and isinstance(value, dict):
                self.on_rendered(artifact_id, value.get("version"), value.get("title"))

        window.state += state_changed
        window.events.loaded += loaded
        window.events.closed += closed
        if window.events.loaded.is_set():  # it loaded before we listened
            threading.Thread(target=loaded, daemon=True).start()
        self.emit("opened", id=artifact_id, title=title)

    def place(self) -> tuple[int | None, tuple[int, int] | None]:
        """A new window's cascade slot and top-left corner, relative to the primary screen as
        ``create_window`` takes it (``cascade.py`` has the rule). Without Qt, or when Qt knows
        no screen: (None, None), and the toolkit places the window (pywebview centres it)."""
        found = qt.call(self.invoker, qt.screen, timeout=2) if self.invoker is not None else None
        if found is None:
            return None, None
        whole, usable = found
        area: Rect = {
            "x": usable["x"] - whole["x"],
            "y": usable["y"] - whole["y"],
            "width": usable["width"],
            "height": usable["height"],
        }
        corners = cascade(area, WINDOW_SIZE)
        with self.lock:
            taken = [e.slot for e in self.windows.values() if e.slot is not None]
        slot = next_slot(len(corners), taken)
        return slot, corners[slot]

    def focus(self, entry: _Entry) -> None:
        """Bring the window to the front (un-minimised, but not un-maximised)."""
        window = entry.window
        window.events.shown.wait(10)
        native = getattr(window, "native", None)
        if self.invoker is not None and native is not None:
            self.invoker.call.emit(lambda: qt.raise_window(native))
        else:
            window.show()
            window.restore()

    def screenshot(self, entry: _Entry, path: str) -> None:
        """Save the window's contents as a PNG (Qt only; works offscreen too)."""
        native = getattr(entry.window, "native", None)
        if self.invoker is None or native is None:
            self.emit("error", id=entry.artifact_id, message="screenshots need the Qt backend")
            return

        def grab() -> None:
            ok = bool(native.grab().save(path, "PNG"))
            self.emit("screenshot", id=entry.artifact_id, path=path, ok=ok)

        self.invoker.call.emit(grab)

    def describe(self) -> None:
        """The ``described`` event: the application, the screen and each window's place and
        shown title, as Qt reports them on the GUI thread (null on other toolkits)."""
        with self.lock:
            entries = list(self.windows.values())
        invoker = self.invoker
        if invoker is None:
            self.emit("described", app=None, screen=None, windows=[_info(e) for e in entries])
            return
        for entry in entries:
            entry.window.events.shown.wait(5)  # a window made just now has no native one yet

        def gather() -> tuple[AppInfo, Rect | None, list[WindowInfo]]:
            found = qt.screen()
            windows = []
            for entry in entries:
                info = _info(entry)
                info["slot"] = entry.slot
                native = getattr(entry.window, "native", None)
                info["geometry"] = None
                if native is not None:
                    info["geometry"], info["shown_title"] = qt.geometry(native)
                windows.append(info)
            return qt.application(), found[1] if found else None, windows

        described = qt.call(invoker, gather)
        if described is None:
            self.emit("error", id=None, message="describe failed: the GUI thread did not answer")
            return
        app, screen, windows = described
        self.emit("described", app=app, screen=screen, windows=windows)

    def set_title(self, entry: _Entry, title: str) -> None:
        entry.title = title
        entry.window.set_title(self.native_title(title))

    def native_title(self, title: str) -> str:
        """``title`` as the toolkit must be given it to show it as it is (Qt takes ``[*]`` for
        its "modified" mark, and drops it)."""
        return qt.escape_title(title) if self.invoker is not None else title

    def on_rendered(self, artifact_id: str, version: Any, title: Any) -> None:
        with self.lock:
            entry = self.windows.get(artifact_id)
        if entry is None:
            return
        entry.renders += 1
        try:
            number: int | None = int(version)
        except (TypeError, ValueError):
            number = None
        title = clean_title(title) if isinstance(title, str) else ""
        if title and title != entry.title:
            self.set_title(entry, title)  # a rename, or a new version with a new title
        self.emit("loaded", id=artifact_id, version=number, title=entry.title, renders=entry.renders)

    def on_closed(self, entry: _Entry) -> None:
        with self.lock:
            if self.windows.get(entry.artifact_id) is entry:
                del self.windows[entry.artifact_id]
        if not entry.closed.is_set():
            self.emit("closed", id=entry.artifact_id, by="app" if entry.closing else "user")
            entry.closed.set()

    # ------------------------------------------------------------------ the end

    def quit(self) -> None:
        if self.quitting.is_set():
            return
        self.quitting.set()
        watchdog = threading.Timer(QUIT_GRACE, _force_exit)
        watchdog.daemon = True
        watchdog.start()
        with self.lock:
            entries = list(self.windows.values())
        for entry in entries:
            entry.closing = True
            try:
                entry.window.destroy()
            except Exception:
                log.exception("closing the window of %s failed", entry.artifact_id)
        for entry in entries:
            if not entry.closed.wait(3):
                self.on_closed(entry)  # say it anyway: the process is about to end
        if self.anchor is not None:
            self.anchor.destroy()  # the last window: the GUI loop ends, webview.start returns


def _info(entry: _Entry) -> WindowInfo:
    return {"id": entry.artifact_id, "title": entry.title, "url_path": _path(entry.url), "renders": entry.renders}


def _path(url: str) -> str:
    """A URL without its fragment (which holds the token)."""
    return url.split("#", 1)[0]


def _force_exit() -> None:
    log.error("the GUI did not close down within %.0f s; exiting by force", QUIT_GRACE)
    logging.shutdown()
    os._exit(3)

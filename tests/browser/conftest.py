"""Real headless Chromium (Debian's package) driven by Playwright."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import missing_component

CHROMIUM = os.environ.get("ARTIFACTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="package")
def chromium() -> Iterator[object]:
    """One browser for the browser tests; each test takes a fresh context (see ``page``).

    Package scope, not session: while Playwright's sync API is started, the main thread counts
    as running an asyncio loop, and every async test collected after tests/browser/ (all of
    tests/runtime/) would fail with "cannot be called from a running event loop"."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        missing_component(f"Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_component("the playwright Python package")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.page_errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


# --------------------------------------------------------------------------- the live server

import asyncio  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Awaitable, Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def home_paths(home: Path):
    """The ``Paths`` that ``ARTIFACTS_HOME=home`` gives (without touching the environment)."""
    from artifacts_runtime.paths import Paths

    root = home.resolve()
    return Paths(data=root / "data", cache=root / "cache", logs=root / "logs", runtime=root / "run")


class LiveServer:
    """A Workspace and its local server, running in a background thread with its own asyncio
    loop, so that sync Playwright tests can drive a browser against it.

    ``run(coro_fn)`` runs ``coro_fn()`` in the server's loop and returns its result; store
    operations go through it (the store belongs to that loop). Events the workspace publishes
    are recorded in ``events``; ``wait_event(predicate)`` waits for one.
    """

    def __init__(self, home: Path) -> None:
        self.home = home
        self.paths = home_paths(home)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="live-server", daemon=True)
        self._thread.start()
        self.events: list[dict[str, Any]] = []
        self._events_changed = threading.Condition()
        from artifacts_runtime.workspace import Workspace

        try:
            self.workspace = self.run(lambda: Workspace.open(self.paths))
            self.server = self.run(lambda: self.workspace.start_server())
        except BaseException:
            self._stop_loop()
            raise
        self.workspace.events.subscribe(self._record)

    # -- the loop

    def run(self, coro_fn: Callable[[], Awaitable[Any]], timeout: float = 60.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coro_fn(), self.loop).result(timeout)

    def stop(self) -> None:
        try:
            self.run(self.workspace.close, timeout=15)
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()

    # -- the store

    @property
    def store(self):
        return self.workspace.store

    def import_artifact(
        self,
        source: str,
        *,
        type: str | None = None,
        title: str | None = None,
        language: str | None = None,
        filename: str | None = None,
    ) -> str:
        """Create an artifact (version 1 = ``source``) and return its id."""
        artifact = self.run(
            lambda: self.store.create(
                source, type=type, title=title, language=language, filename=filename, source="import"
            )
        )
        return artifact.id

    def add_version(self, artifact_id: str, source: str, **kw: Any) -> int:
        version = self.run(lambda: self.store.add_version(artifact_id, source, source="user", **kw))
        return version.number

    def state(self, artifact_id: str, key: str, *, shared: bool = False) -> str | None:
        entry = self.run(lambda: self.store.state_get(artifact_id, key, shared=shared))
        return None if entry is None else entry.value

    def set_state(self, artifact_id: str, key: str, value: str, *, shared: bool = False) -> None:
        self.run(lambda: self.store.state_set(artifact_id, key, value, shared=shared))

    # -- addresses

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def token(self) -> str:
        return self.server.token

    def view_url(self, artifact_id: str, *, version: int | None = None) -> str:
        return self.server.view_url(artifact_id, version=version)

    def frame_url(self, artifact_id: str, version: int = 1) -> str:
        return f"{self.base_url}/frame/{artifact_id}/{version}?ticket={self.server.frame_ticket(artifact_id)}"

    # -- events

    def _record(self, event: dict[str, Any]) -> None:
        with self._events_changed:
            self.events.append(event)
            self._events_changed.notify_all()

    def wait_event(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._events_changed:
            while True:
                for event in self.events:
                    if predicate(event):
                        return event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no matching event within {timeout} s; got {self.events!r}")
                self._events_changed.wait(left)


@pytest.fixture(scope="module")
def live_server(runtime_assets, tmp_path_factory) -> Iterator[LiveServer]:
    """One running workspace + server for the module (tests take fresh artifacts)."""
    server = LiveServer(tmp_path_factory.mktemp("live-home"))
    yield server
    server.stop()


def open_view(page, url: str, *, timeout: float = 20_000):
    """Open a view URL in ``page``, wait for the frame's first render, return the frame."""
    page.goto(url)
    page.wait_for_selector("body[data-rendered]", state="attached", timeout=timeout)
    return artifact_frame(page)


def artifact_frame(page):
    frame = page.locator("#frame").element_handle().content_frame()
    assert frame is not None
    return frame


def wait_overlay(frame, *, timeout: float = 15_000) -> str:
    """The text of the frame's error overlay, once it shows."""
    frame.wait_for_selector("#__artifact_error", timeout=timeout)
    return frame.inner_text("#__artifact_error")


def mouse_away(page) -> None:
    """Rest the mouse in the frame's bottom-right corner, off every control. (Moving it out of
    the iframe altogether leaves the frame's :hover state as it was.)"""
    box = page.locator("#frame").bounding_box()
    page.mouse.move(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)


class DataServer:
    """A JSON endpoint on 127.0.0.1 in a thread: ``payload`` is what it serves, ``delay`` how
    long it waits before answering, ``hits`` how many requests reached it."""

    def __init__(self) -> None:
        self.payload: Any = {"price": 1}
        self.delay = 0.0
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits.append(self.path)
                time.sleep(outer.delay)
                body = json.dumps(outer.payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

"""Navigations out of a real preview window (pywebview + Qt WebEngine, offscreen).

Who attacks: an artifact's code in the preview window's frame.
What it tries: navigate the frame (``location = …``, a meta refresh) to an address that
carries its data, in the URL or in the host name: even a navigation the shell's frame-src
blocks made the engine resolve and preconnect the host first.
What must hold: no connection reaches the target and the artifact keeps working in its window.
Two things refuse it: the shell's ``frame-src`` (Qt WebEngine applies it before the navigation
reaches the browser side, so it never gets as far as a request) and, for any navigation that
does get that far, the host's guard on Qt's ``acceptNavigationRequest`` (its decision:
tests/runtime/preview/test_navigation.py), which must be on in every host.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import eventually

pytestmark = pytest.mark.slow


class Listener:
    """A local HTTP server that counts every TCP connection and request it gets."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: list[str] = []
        wire = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                wire.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request: socket.socket, client_address: object) -> bool:
                wire.connections += 1
                return True

        self.http = Server(("127.0.0.1", 0), Handler)
        self.port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    wire = Listener()
    yield wire
    wire.close()


@pytest.mark.parametrize(
    "how",
    [
        "location.href = T + '/self'",
        "document.head.insertAdjacentHTML('beforeend', '<meta http-equiv=refresh content=\"0;url=' + T + '/meta\">')",
        "var a = document.createElement('a'); a.href = T + '/link'; document.body.appendChild(a);"
        " a.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true})); location.assign(a.href)",
    ],
    ids=["location", "meta-refresh", "link-then-assign"],
)
async def test_the_preview_window_refuses_an_off_origin_navigation_before_it_starts(
    workspace, manager, listener, how
) -> None:
    target = f"http://127.0.0.1:{listener.port}"
    source = (
        "<!doctype html><p id=p>navigator</p><script>"
        f"var T = {target!r}; window.storage.set('opened', 'yes').then(function () {{ {how}; }});"
        "</script>"
    )
    artifact = await workspace.store.create(source, title="Navigator", type="text/html")
    await manager.open(artifact.id)
    await manager.recorder.wait("loaded", artifact.id)

    log = manager.log_path.read_text(encoding="utf-8", errors="replace")
    assert "navigation guard on: preview pages navigate only to the local server" in log
    await asyncio.sleep(2.0)  # the navigation is attempted once storage.set has answered
    assert await eventually(lambda: _stored(workspace, artifact.id)) == "yes"
    assert listener.requests == [] and listener.connections == 0


async def _stored(workspace, artifact_id: str) -> str | None:
    entry = await workspace.store.state_get(artifact_id, "opened")
    return entry.value if entry else None

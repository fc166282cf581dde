"""Live data attacked through real Chromium pages: the owner's view and share visitors.

Who attacks: a visitor of a published dashboard (a browser context of their own, no token),
and a granted data server that answers a compressed bomb. What they try: be served the JSON
the owner fetched with the token kept in the owner's personal storage (a cache hit), or stall
the app with an answer that decodes to gigabytes. What must hold: the visitor's page gets the
visitor's own answer and the owner's stays the owner's; the bomb is a clear error in the page.
"""

from __future__ import annotations

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.browser.conftest import artifact_frame, open_view

pytestmark = pytest.mark.slow

OWNER_TOKEN = "Bearer owner-only-91c2"

DASHBOARD = """<!doctype html><html><body><pre id="out">loading</pre><script>
window.__log = [];
(async () => {
  let token = null;
  try { token = (await window.storage.get("token")).value; } catch (e) {}
  try {
    const r = await fetch(%s, token ? { headers: { Authorization: token } } : {});
    window.__log.push({ data: await r.json(), cache: r.headers.get("x-artifacts-cache") });
  } catch (e) {
    window.__log.push({ error: e.message, code: e.code });
  }
})();
</script></body></html>"""


class PersonalApi:
    """Answers by the credential it is given (gzip-encoded); ``/bomb`` is 64 MB of zeros in
    about 64 KB of gzip."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        co = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        bomb = b"".join(co.compress(bytes(1 << 20)) for _ in range(64)) + co.flush()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                auth = self.headers.get("Authorization")
                outer.seen.append({"path": self.path, "authorization": auth})
                if self.path.startswith("/bomb"):
                    body = bomb
                else:
                    data = {"notes": "private" if auth == OWNER_TOKEN else "public", "n": len(outer.seen)}
                    body = gzip.compress(json.dumps(data).encode())
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def api():
    server = PersonalApi()
    yield server
    server.stop()


@pytest.fixture
def visitor_context(chromium):
    context = chromium.new_context()
    yield context
    context.close()


def logged(frame) -> dict:
    frame.wait_for_function("window.__log && window.__log.length >= 1", timeout=15_000)
    return frame.evaluate("window.__log")[0]


def test_a_visitor_of_the_dashboard_never_sees_the_owners_cached_answer(live_server, page, api, visitor_context):
    url = api.origin + "/notes"
    artifact = live_server.import_artifact(DASHBOARD % json.dumps(url), type="html", title="Notes")
    live_server.set_state(artifact, "token", OWNER_TOKEN)
    live_server.run(lambda: live_server.store.grant(artifact, api.origin, visitors=True))

    owner = logged(open_view(page, live_server.view_url(artifact)))
    assert owner == {"data": {"notes": "private", "n": 1}, "cache": "miss"}

    token = live_server.run(lambda: live_server.store.publish(artifact))
    visitor_page = visitor_context.new_page()
    visitor_page.goto(f"{live_server.base_url}/s/{token}")
    visitor_page.wait_for_selector("body[data-rendered]", state="attached", timeout=20_000)
    seen = logged(artifact_frame(visitor_page))
    assert seen == {"data": {"notes": "public", "n": 2}, "cache": "miss"}
    assert api.seen[-1]["authorization"] is None

    second_view = page.context.new_page()  # the owner opens the dashboard again
    again = logged(open_view(second_view, live_server.view_url(artifact)))
    assert again == {"data": {"notes": "private", "n": 1}, "cache": "hit"}
    assert len(api.seen) == 2
    assert page.page_errors == []


def test_a_compressed_bomb_is_a_clear_error_in_the_page(live_server, page, api):
    url = api.origin + "/bomb"
    artifact = live_server.import_artifact(DASHBOARD % json.dumps(url), type="html", title="Bomb")
    live_server.run(lambda: live_server.store.grant(artifact, api.origin))
    result = logged(open_view(page, live_server.view_url(artifact)))
    assert "decodes to more than 10 MB" in result["error"]
    # the app still answers at once: a storage round trip from the same page
    frame = artifact_frame(page)
    assert frame.evaluate("async () => (await window.storage.set('k', 'v')).value") == "v"

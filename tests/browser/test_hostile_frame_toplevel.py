"""A frame document opened outside its shell, in real Chromium.

Who attacks: an artifact's own code, once its frame URL is opened as a top-level page (a
link, a bookmark, the address bar, the same tab as the shell), or a foreign page embedding it.
What they try: run with the local server's origin and read what the shell keeps there (the
session token in sessionStorage, cookies) or call the API as that origin.
What must hold: the frame's header policy sandboxes it to an opaque origin wherever it is
opened (``sandbox``), only this server's pages may embed it (``frame-ancestors``), and inside
the shell everything still works.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.conftest import open_view

pytestmark = pytest.mark.slow

PROBE = """<!doctype html><title>probe</title><p id=p>probe</p><script>
window.__probe = (async () => {
  const out = {};
  const attempt = (name, fn) => { try { out[name] = "ok: " + String(fn()); } catch (e) { out[name] = "threw " + e.name; } };
  attempt("origin", () => self.origin);
  attempt("sessionStorage", () => sessionStorage.getItem("live-artifacts-token"));
  attempt("localStorage", () => localStorage.length);
  attempt("cookie", () => document.cookie);
  // frame-compat.js's storages above are the artifact's own; the browser's, reached through a
  // fresh frame of this document's origin, must still refuse.
  const fresh = document.createElement("iframe");
  document.documentElement.appendChild(fresh);
  attempt("real sessionStorage", () => fresh.contentWindow.sessionStorage.getItem("live-artifacts-token"));
  attempt("real localStorage", () => fresh.contentWindow.localStorage.length);
  const token = out.sessionStorage.startsWith("ok: ") ? out.sessionStorage.slice(4) : "none";
  // XMLHttpRequest: the page's own network API (frame.js answers fetch() through the shell).
  const xhr = (path) => new Promise((resolve) => {
    const x = new XMLHttpRequest();
    try {
      x.open("GET", path); x.setRequestHeader("Authorization", "Bearer " + token);
      x.onload = () => resolve("status " + x.status); x.onerror = () => resolve("error"); x.send();
    } catch (e) { resolve("threw " + e.name); }
    setTimeout(() => resolve("no answer"), 3000);
  });
  out.api = await xhr("/api/artifacts/" + (window.__ARTIFACT__ || {}).id);
  out.health = await xhr("/health");
  return out;
})();
</script>"""


def test_a_frame_opened_top_level_in_the_shells_tab_cannot_read_the_token(live_server, page) -> None:
    aid = live_server.import_artifact(PROBE, type="html")
    frame = open_view(page, live_server.view_url(aid))
    inside = frame.evaluate("window.__probe")
    assert inside["origin"] == "ok: null"  # control: in the shell's iframe, opaque as before
    assert page.evaluate("sessionStorage.getItem('live-artifacts-token')") == live_server.token  # the shell keeps it
    api_statuses: list[int] = []
    page.on("response", lambda r: api_statuses.append(r.status) if "/api/" in r.url else None)
    # The same tab: same top-level browsing context, so the same sessionStorage, were the
    # frame to run with the server's origin.
    page.goto(live_server.frame_url(aid))
    page.wait_for_selector("#p")
    out = page.evaluate("window.__probe")
    assert out["origin"] == "ok: null", out
    # The artifact's own storages (frame-compat.js) hold nothing of the shell's.
    assert out["sessionStorage"] == "ok: null" and out["localStorage"] == "ok: 0", out
    for name in ("real sessionStorage", "real localStorage", "cookie"):
        assert out[name] == "threw SecurityError", (name, out)
    assert out["api"] in ("error", "threw SecurityError") and out["health"] in ("error", "threw SecurityError")
    assert live_server.token not in str(out)
    assert api_statuses == []


def test_the_frame_is_still_sandboxed_when_its_url_is_opened_in_a_new_context(live_server, chromium) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(live_server.view_url(live_server.import_artifact("<p>warm</p>", type="html")))
        aid = live_server.import_artifact(PROBE, type="html")
        page.goto(live_server.frame_url(aid))
        page.wait_for_selector("#p")
        out = page.evaluate("window.__probe")
        assert out["origin"] == "ok: null"
        assert out["sessionStorage"] == "ok: null"  # the artifact's own, empty
        assert out["real sessionStorage"] == "threw SecurityError"
    finally:
        context.close()


class ForeignPage:
    """A page on another local port that embeds a frame URL of ours."""

    def __init__(self) -> None:
        self.html = b""
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(outer.html)))
                self.end_headers()
                self.wfile.write(outer.html)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def foreign() -> Iterator[ForeignPage]:
    server = ForeignPage()
    yield server
    server.close()


def test_a_foreign_page_cannot_embed_a_frame(live_server, page, foreign) -> None:
    aid = live_server.import_artifact("<!doctype html><p id=p>embedded?</p>", type="html")
    foreign.html = f'<!doctype html><iframe id=f src="{live_server.frame_url(aid)}"></iframe>'.encode()
    page.goto(foreign.origin + "/")
    page.wait_for_timeout(1500)
    embedded = [f for f in page.frames if f.parent_frame is not None]
    assert len(embedded) == 1
    assert embedded[0].locator("#p").count() == 0  # blocked by frame-ancestors: nothing rendered
    # Control: our own shell still embeds it.
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#p") == "embedded?"

"""Live data in real Chromium: an artifact's ``fetch()`` to a data server of the test's own on
loopback, through the frame, the shell, the bridge and ``DataFetcher`` — grants, refusals, and
the cache that answers at once when the artifact opens and then refreshes behind it.
"""

from __future__ import annotations

import json
import threading
import time

import pytest

from artifacts_runtime import connectors
from tests.browser.conftest import open_view

pytestmark = pytest.mark.slow


from tests.browser.conftest import DataServer  # noqa: E402


@pytest.fixture
def data_server():
    server = DataServer()
    yield server
    server.stop()


def dashboard(url: str) -> str:
    """A small dashboard that fetches ``url`` on load and again on every ``artifact-data``
    event, logging what it saw in ``window.__log``."""
    return f"""<!doctype html><html><body><h1>Prices</h1><pre id="out">loading</pre><script>
window.__log = [];
async function load(why) {{
  try {{
    const r = await fetch({json.dumps(url)});
    const data = await r.json();
    window.__log.push({{ why, data, status: r.status, at: r.headers.get("x-artifacts-fetched-at"),
                         cache: r.headers.get("x-artifacts-cache") }});
    document.getElementById("out").textContent = JSON.stringify(data);
  }} catch (e) {{
    window.__log.push({{ why, error: e.message, name: e.name }});
    document.getElementById("out").textContent = "error: " + e.message;
  }}
}}
window.addEventListener("artifact-data", (e) => {{ window.__log.push({{ event: e.detail }}); load("event"); }});
load("open");
</script></body></html>"""


@pytest.fixture
def reset_fetcher(live_server):
    """The live server is shared by the module: put the asker back after each test."""
    fetcher = live_server.workspace.bridge.fetcher
    yield fetcher
    fetcher.asker = None


def grant(live_server, artifact_id: str, origin: str, decision: str = "allow") -> None:
    live_server.run(lambda: live_server.store.grant(artifact_id, origin, decision))


def log(frame, count: int = 1, timeout: float = 15_000) -> list[dict]:
    frame.wait_for_function(f"window.__log && window.__log.length >= {count}", timeout=timeout)
    return frame.evaluate("window.__log")


def test_a_granted_fetch_gets_the_json_and_when_it_was_fetched(live_server, page, data_server, reset_fetcher):
    url = data_server.origin + "/prices.json"
    artifact = live_server.import_artifact(dashboard(url), type="html", title="Prices")
    grant(live_server, artifact, data_server.origin)
    before = time.time()
    frame = open_view(page, live_server.view_url(artifact))
    (entry,) = log(frame)
    assert entry["data"] == {"price": 1} and entry["status"] == 200
    assert entry["cache"] == "miss"
    assert before - 1 <= float(entry["at"]) <= time.time() + 1
    assert frame.inner_text("#out") == '{"price":1}'
    assert data_server.hits == ["/prices.json"]
    assert page.page_errors == []


def test_without_a_grant_the_fetch_rejects_naming_the_origin(live_server, page, data_server, reset_fetcher):
    reset_fetcher.asker = None
    url = data_server.origin + "/prices.json"
    artifact = live_server.import_artifact(dashboard(url), type="html", title="No grant")
    frame = open_view(page, live_server.view_url(artifact))
    (entry,) = log(frame)
    assert entry["name"] == "TypeError"
    assert data_server.origin in entry["error"]
    assert f"artifacts grant {artifact} {data_server.origin}" in entry["error"]
    assert data_server.hits == []


def test_when_the_person_denies_the_fetch_rejects_and_is_not_asked_again(live_server, page, data_server, reset_fetcher):
    asked: list[tuple[str, str]] = []

    async def deny(artifact_id: str, origin: str) -> str:
        asked.append((artifact_id, origin))
        return "deny"

    reset_fetcher.asker = deny
    url = data_server.origin + "/prices.json"
    artifact = live_server.import_artifact(dashboard(url), type="html", title="Denied")
    frame = open_view(page, live_server.view_url(artifact))
    (entry,) = log(frame)
    assert entry["name"] == "TypeError" and data_server.origin in entry["error"] and "denied" in entry["error"]
    assert asked == [(artifact, data_server.origin)]
    grants = live_server.run(lambda: live_server.store.grants(artifact))
    assert [(g.origin, g.decision) for g in grants] == [(data_server.origin, "deny")]
    # opening it again: refused without asking
    page.reload()
    page.wait_for_selector("body[data-rendered]", state="attached")
    frame = page.locator("#frame").element_handle().content_frame()
    (again,) = log(frame)
    assert "denied" in again["error"] and len(asked) == 1
    assert data_server.hits == []


def test_when_the_person_allows_once_the_data_arrives(live_server, page, data_server, reset_fetcher):
    async def once(artifact_id: str, origin: str) -> str:
        return "once"

    reset_fetcher.asker = once
    url = data_server.origin + "/once.json"
    artifact = live_server.import_artifact(dashboard(url), type="html", title="Once")
    frame = open_view(page, live_server.view_url(artifact))
    assert log(frame)[0]["data"] == {"price": 1}
    assert live_server.run(lambda: live_server.store.grants(artifact)) == []


def test_reopening_shows_the_cached_data_first_then_the_fresh_data(
    live_server, page, data_server, reset_fetcher, monkeypatch: pytest.MonkeyPatch
):
    url = data_server.origin + "/live.json"
    artifact = live_server.import_artifact(dashboard(url), type="html", title="Live")
    grant(live_server, artifact, data_server.origin)
    frame = open_view(page, live_server.view_url(artifact))
    first = log(frame)[0]
    assert first["data"] == {"price": 1} and first["cache"] == "miss"

    # The data changes at the source; the cache is now old. The source is slow to answer, so
    # the cached answer has nowhere to come from but the cache.
    data_server.payload = {"price": 2}
    data_server.delay = 1.0
    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 0.0)
    live_server.events.clear()
    page.goto("about:blank")  # close the view (a goto differing only by #token would not reload)
    opened = time.monotonic()
    frame = open_view(page, live_server.view_url(artifact))
    cached = log(frame)[0]
    assert time.monotonic() - opened < 5
    assert cached["why"] == "open" and cached["data"] == {"price": 1} and cached["cache"] == "hit"
    assert cached["at"] == first["at"]

    monkeypatch.setattr(connectors.fetcher, "FRESH_SECONDS", 30.0)  # the event's reload reads the fresh cache
    entries = log(frame, 3)
    event, fresh = entries[1], entries[2]
    assert event["event"]["url"] == url and event["event"]["fetchedAt"] > float(first["at"])
    assert fresh["why"] == "event" and fresh["data"] == {"price": 2}
    assert float(fresh["at"]) == pytest.approx(event["event"]["fetchedAt"], abs=0.001)
    frame.wait_for_function("document.getElementById('out').textContent === '{\"price\":2}'")
    refreshed = live_server.wait_event(lambda e: e["type"] == "data.refreshed" and e["artifact_id"] == artifact)
    assert refreshed["url"] == url
    assert data_server.hits == ["/live.json", "/live.json"]
    assert page.page_errors == []


def test_a_204_answer_reaches_the_page_as_a_response(live_server, page, data_server, reset_fetcher):
    """A DELETE answered with 204 No Content: the artifact's fetch resolves (a Response with a
    body would throw for 204)."""
    import http.server

    class NoContent(http.server.BaseHTTPRequestHandler):
        def do_DELETE(self) -> None:
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NoContent)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        origin = f"http://127.0.0.1:{httpd.server_address[1]}"
        artifact = live_server.import_artifact("<!doctype html><p>x</p>", type="html", title="Deleter")
        grant(live_server, artifact, origin)
        frame = open_view(page, live_server.view_url(artifact))
        reply = frame.evaluate(
            """async (url) => {
          try { const r = await fetch(url, { method: "DELETE" }); return { status: r.status, text: await r.text() }; }
          catch (e) { return { error: e.message }; }
        }""",
            origin + "/item/1",
        )
        assert reply == {"status": 204, "text": ""}
    finally:
        httpd.shutdown()
        httpd.server_close()

"""Visiting a published link in real Chromium: fresh browser contexts (other people) open
``/s/TOKEN`` without the session token and use the artifact — storage of their own, a shared
scope in common (writable when published read-write), no model — until the link is unpublished.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import artifact_frame

pytestmark = pytest.mark.slow

PAGE = """<!doctype html><html><body><h1 id="title">Team board</h1><script>
window.__ready = true;
</script></body></html>"""

CALL = """async ([method, args]) => {
  try { return { ok: true, result: await window.storage[method](...args) }; }
  catch (e) { return { ok: false, name: e.name, code: e.code, message: e.message }; }
}"""


def storage(frame, method: str, *args):
    return frame.evaluate(CALL, [method, list(args)])


def visit(context, url: str):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.page_errors = errors  # type: ignore[attr-defined]
    response = page.goto(url)
    assert response is not None and response.status == 200
    page.wait_for_selector("body[data-rendered]", state="attached", timeout=20_000)
    return page, artifact_frame(page)


@pytest.fixture
def published(live_server):
    artifact = live_server.import_artifact(PAGE, type="html", title="Team board")
    token = live_server.run(lambda: live_server.store.publish(artifact, shared_state="read-write"))
    return artifact, token, f"{live_server.base_url}/s/{token}"


@pytest.fixture
def two_visitors(chromium):
    contexts = [chromium.new_context(), chromium.new_context()]
    yield contexts
    for context in contexts:
        context.close()


def test_a_visitor_opens_the_link_without_the_token(live_server, published, two_visitors):
    _, _, url = published
    page, frame = visit(two_visitors[0], url)
    assert frame.inner_text("#title") == "Team board"
    assert page.inner_text("#title") == "Team board"
    assert live_server.token not in page.content()
    assert page.evaluate("sessionStorage.getItem('live-artifacts-token')") is None
    cookies = {c["name"]: c for c in two_visitors[0].cookies()}
    assert cookies["la_visitor"]["httpOnly"] is True and cookies["la_visitor"]["path"] == "/s/"
    assert page.page_errors == []


def test_each_visitor_has_personal_storage_and_the_shared_scope_is_common(live_server, published, two_visitors):
    artifact, _, url = published
    live_server.set_state(artifact, "name", "the owner")
    _, alice = visit(two_visitors[0], url)
    _, bob = visit(two_visitors[1], url)

    assert storage(alice, "set", "name", "alice")["ok"]
    assert storage(bob, "get", "name")["code"] == "key_not_found"
    assert storage(bob, "set", "name", "bob")["ok"]
    assert storage(alice, "get", "name")["result"]["value"] == "alice"
    assert storage(bob, "get", "name")["result"] == {"key": "name", "value": "bob", "shared": False}

    assert storage(alice, "set", "cards", '["write tests"]', True)["ok"]
    assert storage(bob, "get", "cards", True)["result"]["value"] == '["write tests"]'
    assert storage(bob, "list", "", True)["result"]["keys"] == ["cards"]

    # the owner's own personal value is untouched; the shared one is the artifact's
    assert live_server.state(artifact, "name") == "the owner"
    assert live_server.state(artifact, "cards", shared=True) == '["write tests"]'

    # a visitor's storage lasts: the same browser comes back to the same values
    _, again = visit(two_visitors[0], url)
    assert storage(again, "get", "name")["result"]["value"] == "alice"


def test_a_visitor_cannot_call_the_model(live_server, published, two_visitors):
    _, _, url = published
    _, frame = visit(two_visitors[0], url)
    reply = frame.evaluate("""async () => {
      try { await window.claude.complete("hello"); return { ok: true }; }
      catch (e) { return { ok: false, code: e.code, message: e.message }; }
    }""")
    assert reply["ok"] is False and reply["code"] == "not_available"
    assert "shared link" in reply["message"]


def test_after_unpublish_the_link_is_404(live_server, published, two_visitors):
    artifact, _, url = published
    page, frame = visit(two_visitors[0], url)
    assert storage(frame, "set", "k", "v")["ok"]
    assert live_server.run(lambda: live_server.store.unpublish(artifact)) == 1
    # the open page loses its bridge at once ...
    reply = storage(frame, "get", "k")
    assert reply["ok"] is False and "unpublished" in reply["message"]
    # ... and the link itself is gone, for this visitor and for a new one
    response = page.goto(url)
    assert response is not None and response.status == 404
    assert "does not exist or was unpublished" in page.inner_text("body")
    other = two_visitors[1].new_page()
    response = other.goto(url)
    assert response is not None and response.status == 404

"""The model, from inside an artifact: ``window.claude.complete(prompt)`` and
``fetch("https://api.anthropic.com/v1/messages", …)`` are answered through the bridge, which
adds the user's key. The page never sees the key, and no request the page makes carries it.

The model is the fake Messages API (``anthropic_env``: ANTHROPIC_BASE_URL points at it and
ANTHROPIC_API_KEY is a test key). Each test runs its own server, so the model client it builds
reads this test's environment.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.browser.conftest import LiveServer, open_view
from tests.fakes.fixtures import TEST_API_KEY

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>asks Claude</h1></body></html>"

COMPLETE = """async (prompt) => {
  try { return { ok: true, text: await window.claude.complete(prompt) }; }
  catch (e) { return { ok: false, name: e.name, code: e.code, message: e.message }; }
}"""

MESSAGES_FETCH = """async (body) => {
  const response = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get("content-type"), data: await response.json() };
}"""


@pytest.fixture
def server(runtime_assets, tmp_path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "live")
    yield live
    live.stop()


def traffic(page) -> list[str]:
    """Everything the page sends and receives, as text: URLs, headers, bodies, and the frames
    of its WebSocket (which carries the shell's bridge calls)."""
    seen: list[str] = []

    def on_websocket(ws) -> None:
        seen.append(ws.url)
        ws.on("framesent", lambda payload: seen.append(str(payload)))
        ws.on("framereceived", lambda payload: seen.append(str(payload)))

    def on_request(request) -> None:
        seen.append(request.url)
        seen.append(json.dumps(request.headers))
        seen.append(request.post_data or "")

    def on_response(response) -> None:
        if "/api/" in response.url:
            try:
                seen.append(response.text())
            except Exception:
                pass

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("websocket", on_websocket)
    return seen


def key_in_page(frame, page) -> bool:
    return bool(
        frame.evaluate(
            """(key) => document.documentElement.outerHTML.includes(key)
                 || Object.getOwnPropertyNames(window).some((k) => {
                      try { const v = window[k]; return typeof v === "string" && v.includes(key); }
                      catch (e) { return false; } })""",
            TEST_API_KEY,
        )
        or TEST_API_KEY in page.content()
    )


def test_claude_complete_is_answered_through_the_bridge(server, page, anthropic_env) -> None:
    anthropic_env.responder = lambda body: "Paris, of course."
    seen = traffic(page)
    aid = server.import_artifact(PAGE, type="html")
    frame = open_view(page, server.view_url(aid))
    result = frame.evaluate(COMPLETE, "What is the capital of France?")
    assert result == {"ok": True, "text": "Paris, of course."}
    [request] = anthropic_env.requests
    assert request.api_key == TEST_API_KEY  # the bridge added the user's key ...
    assert request.messages == [{"role": "user", "content": "What is the capital of France?"}]
    assert not key_in_page(frame, page)  # ... which the page never sees
    assert not [s for s in seen if TEST_API_KEY in s]
    assert page.page_errors == []


def test_fetch_to_the_messages_api_is_answered_through_the_bridge(server, page, anthropic_env) -> None:
    anthropic_env.responder = lambda body: "pong: " + body["messages"][-1]["content"]
    seen = traffic(page)
    aid = server.import_artifact(PAGE, type="html")
    frame = open_view(page, server.view_url(aid))
    result = frame.evaluate(
        MESSAGES_FETCH,
        {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 1000,
            "messages": [{"role": "user", "content": "ping"}],
        },
    )
    assert result["status"] == 200
    assert result["type"] == "application/json"
    assert result["data"]["type"] == "message"
    assert result["data"]["role"] == "assistant"
    assert result["data"]["content"] == [{"type": "text", "text": "pong: ping"}]
    [request] = anthropic_env.requests
    assert request.api_key == TEST_API_KEY
    assert request.body["max_tokens"] == 1000
    assert not key_in_page(frame, page)
    assert not [s for s in seen if TEST_API_KEY in s]
    # The page's own request (shell -> server) carried the artifact's body, not a key.
    calls = [s for s in seen if '"claude.messages"' in s]
    assert calls and all("x-api-key" not in s.lower() for s in calls)
    assert page.page_errors == []


def test_without_an_api_key_the_page_gets_a_clear_error(server, page, messages_api) -> None:
    aid = server.import_artifact(PAGE, type="html")
    frame = open_view(page, server.view_url(aid))
    result = frame.evaluate(COMPLETE, "hello?")
    assert result["ok"] is False
    assert result["code"] == "model_unavailable"
    assert "ANTHROPIC_API_KEY" in result["message"]
    answer = frame.evaluate(MESSAGES_FETCH, {"max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]})
    assert answer["status"] == 401
    assert answer["data"]["type"] == "error"
    assert "ANTHROPIC_API_KEY" in answer["data"]["error"]["message"]
    assert messages_api.requests == []  # nothing was sent anywhere

"""Hostile, in a real page: what artifact code learns from a failed model call.

Who attacks: the artifact's code, reading the errors its model calls get. What it tries: to
learn the user's credentials when the configured base URL holds them (``user:password@``, a
token in the query). What must hold: the error the page gets is a code and a short message —
no base URL, userinfo, query token or key, in the answer or anywhere in the page.
Real server, real sockets, the real SDK; the base URL points at a closed port.
"""

from __future__ import annotations

import socket

import pytest

from tests.browser.conftest import LiveServer, open_view
from tests.fakes.fixtures import TEST_API_KEY

pytestmark = pytest.mark.slow

PAGE = "<!doctype html><html><body><h1>asks Claude</h1></body></html>"
MESSAGES_FETCH = """async (body) => {
  const response = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: response.status, data: await response.json() };
}"""


def test_credentials_in_the_base_url_never_reach_the_page(runtime_assets, tmp_path, page, monkeypatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("ANTHROPIC_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", f"http://alice:hunter2pass@127.0.0.1:{port}/?token=qsecret123")
    live = LiveServer(tmp_path / "live")
    try:
        frame = open_view(page, live.view_url(live.import_artifact(PAGE, type="html")))
        answer = frame.evaluate(MESSAGES_FETCH, {"max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]})
        html = frame.evaluate("() => document.documentElement.outerHTML")
    finally:
        live.stop()
    message = answer["data"]["error"]["message"]
    assert "could not reach" in message
    for secret in ("hunter2pass", "qsecret123", "alice", TEST_API_KEY, f"127.0.0.1:{port}"):
        assert secret not in message and secret not in html

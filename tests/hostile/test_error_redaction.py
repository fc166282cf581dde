"""Hostile: what a failed model call tells the page, the person and the logs.

Who attacks: artifact code that makes model calls fail on purpose (or just reads the errors it
gets) to learn the user's credentials: a base URL with ``user:password@`` or a token in its query
string, an API key echoed in an error body by the API or a proxy. What must hold: an error that
reaches a page is a code and a short message — no base URL, no credentials; the person (the chat,
the TUI) sees where the API is (scheme, host, port) but never userinfo, query secrets or keys;
nothing logged holds them either. Real ``anthropic`` SDK, local fake Messages API, real sockets.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator

import pytest

from artifacts_runtime.bridge import Bridge, BridgeError
from artifacts_runtime.chat import ChatEngine
from artifacts_runtime.errors import ConnectionLost
from artifacts_runtime.events import EventHub
from artifacts_runtime.model import ModelService, RetryPolicy
from artifacts_runtime.store import Store
from tests.fakes.fixtures import TEST_API_KEY
from tests.fakes.messages_api import FakeMessagesAPI, HttpError

from .model_support import _model_env, caller, config

__all__ = ["_model_env", "caller", "config"]

USER, PASSWORD, QUERY_TOKEN = "alice", "hunter2pass", "qsecret123"
LEAKED_KEY = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
FAST = RetryPolicy(max_retries=1, base_delay=0.001, max_delay=0.002, max_wait=1.0)
#: Substrings that no page, chat error or log line may hold.
SECRETS = (PASSWORD, QUERY_TOKEN, f"{USER}:", TEST_API_KEY, LEAKED_KEY, "AbCdEfGhIjKlMnOp")


def with_credentials(base: str, *, query: bool = False) -> str:
    url = base.replace("http://", f"http://{USER}:{PASSWORD}@", 1)
    return url + (f"/?token={QUERY_TOKEN}" if query else "")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


async def service_for(store: Store, config, base_url: str, *, env: pytest.MonkeyPatch | None = None) -> ModelService:
    if env is not None:  # the way users set it: ANTHROPIC_BASE_URL
        env.setenv("ANTHROPIC_BASE_URL", base_url)
        env.setenv("ANTHROPIC_API_KEY", TEST_API_KEY)
        return ModelService(store, config, retry=FAST, artifact_retry=FAST)
    return ModelService(store, config, api_key=TEST_API_KEY, base_url=base_url, retry=FAST, artifact_retry=FAST)


@pytest.fixture
async def echoing(store: Store, config, messages_api: FakeMessagesAPI, monkeypatch) -> AsyncIterator[ModelService]:
    """A reachable API (from the environment) whose error bodies echo what they were sent."""
    service = await service_for(store, config, messages_api.base_url, env=monkeypatch)
    yield service
    await service.aclose()


async def page_error(service: ModelService, artifact_id: str, method: str = "claude.complete") -> BridgeError:
    bridge = Bridge(service.store, EventHub(), model=lambda: service)
    params = (
        {"prompt": "hi"} if method == "claude.complete" else {"body": {"messages": [{"role": "user", "content": "hi"}]}}
    )
    with pytest.raises(BridgeError) as info:
        await bridge.call(artifact_id, method, params)
    return info.value


@pytest.mark.parametrize("method", ["claude.complete", "claude.messages"])
async def test_an_error_body_echoing_the_url_and_key_reaches_the_page_redacted(
    echoing, messages_api, caller, logs, method
) -> None:
    base = with_credentials(messages_api.base_url, query=True)  # as a proxy might echo it
    messages_api.queue(
        HttpError(
            400,
            message=f"upstream {base} refused x-api-key: {TEST_API_KEY} (also tried {LEAKED_KEY}, Bearer {QUERY_TOKEN})",
        )
    )
    error = await page_error(echoing, caller, method)
    assert messages_api.requests, "the call did reach the API"
    assert messages_api.last_request.api_key == TEST_API_KEY  # the key still works for the call
    assert error.code == "model_error" and "refused the request" in error.message
    assert leaks(error.message) == [], error.message
    assert "127.0.0.1" not in error.message  # a page never learns where the API is
    assert leaks(logs.text) == []


async def test_a_401_echoing_the_key_is_redacted(echoing, messages_api, caller) -> None:
    messages_api.queue(HttpError(401, message=f"invalid x-api-key {TEST_API_KEY}"))
    error = await page_error(echoing, caller)
    assert error.code == "model_unavailable" and "ANTHROPIC_API_KEY" in error.message
    assert leaks(error.message) == [], error.message


@pytest.mark.parametrize("query", [False, True], ids=["userinfo", "userinfo+query"])
async def test_a_reachable_credential_url_is_not_shown_to_the_page(
    store, config, messages_api, caller, logs, monkeypatch, query
) -> None:
    """The SDK sends userinfo as Basic auth (the fake answers 401) and appends the path after a
    query (the fake answers 404): either way the answer must not carry the URL to the page."""
    base = with_credentials(messages_api.base_url, query=query)
    service = await service_for(store, config, base, env=monkeypatch)
    try:
        error = await page_error(service, caller, "claude.messages")
    finally:
        await service.aclose()
    assert messages_api.requests, "the call did reach the API"
    assert error.code in ("model_unavailable", "model_error")
    assert leaks(error.message) == [], error.message
    assert "127.0.0.1" not in error.message
    assert leaks(logs.text) == []


@pytest.mark.parametrize("query", [False, True], ids=["userinfo", "userinfo+query"])
async def test_an_unreachable_credential_url_is_not_shown_to_the_page(store, config, caller, logs, query) -> None:
    base = with_credentials(f"http://127.0.0.1:{closed_port()}", query=query)
    service = await service_for(store, config, base)
    try:
        error = await page_error(service, caller, "claude.messages")
    finally:
        await service.aclose()
    assert error.code == "model_error" and "could not reach" in error.message
    assert leaks(error.message) == [], error.message
    assert "127.0.0.1" not in error.message and "http" not in error.message
    assert leaks(logs.text) == []


async def test_the_chat_says_where_but_not_the_credentials(store, config, logs) -> None:
    port = closed_port()
    service = await service_for(store, config, with_credentials(f"http://127.0.0.1:{port}", query=True))
    engine = ChatEngine(store, config, service=service, save_interval=0.0)
    try:
        result = await engine.send("hello")
    finally:
        await engine.aclose()
        await service.aclose()
    assert isinstance(result.error, ConnectionLost)
    shown = str(result.error)
    assert f"http://127.0.0.1:{port}" in shown  # the person learns which address failed …
    assert leaks(shown) == [], shown  # … without what is in it
    assert leaks(repr(service)) == [] and leaks(service.base_url) == []
    assert leaks(logs.text) == []

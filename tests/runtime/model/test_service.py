"""ModelService: model calls from inside artifacts (window.claude.complete, the Messages fetch)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from artifacts_runtime.errors import ModelError, ModelOverloaded, ModelUnavailable, RateLimited
from artifacts_runtime.model import ModelService
from artifacts_runtime.model.anthropic import AnthropicProvider
from tests.fakes.fixtures import TEST_API_KEY
from tests.fakes.messages_api import HttpError, Reply, Usage

from .conftest import FAST_RETRY, MODEL


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def artifact(store):
    return await store.create("<p>x</p>", type="html", title="Caller")


@pytest.fixture
async def limited(store, config, messages_api):
    clock = Clock()
    s = ModelService(
        store,
        replace(config, artifact_calls_per_minute=6, artifact_burst=2),
        api_key=TEST_API_KEY,
        base_url=messages_api.base_url,
        artifact_retry=FAST_RETRY,
        clock=clock,
    )
    s.test_clock = clock
    yield s
    await s.aclose()


async def test_complete_returns_the_text_and_records_usage(service, messages_api, store, artifact) -> None:
    messages_api.reply("Paris.", usage=Usage(input_tokens=12, output_tokens=3))
    assert await service.complete(artifact.id, "Capital of France?") == "Paris."
    request = messages_api.last_request
    assert request.messages == [{"role": "user", "content": "Capital of France?"}]
    assert request.model == MODEL and request.body["max_tokens"] == 4096 and not request.stream
    usage = await store.usage(artifact_id=artifact.id)
    assert (usage.input_tokens, usage.output_tokens, usage.calls) == (12, 3, 1)


async def test_messages_forwards_cleans_and_clamps(service, messages_api, artifact) -> None:
    messages_api.reply("Hi there")
    body = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 100_000,
        "messages": [{"role": "user", "content": "Hi"}],
        "system": "Be brief.",
        "temperature": 0.3,
        "stream": True,
        "api_key": "sk-from-page",
        "betas": ["x"],
    }
    data = await service.messages(artifact.id, body)
    sent = messages_api.last_request.body
    assert sent == {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 4096,
        "messages": body["messages"],
        "system": "Be brief.",
        "temperature": 0.3,
    }
    assert data["type"] == "message" and data["content"] == [{"type": "text", "text": "Hi there"}]
    assert data["usage"]["output_tokens"] >= 1


async def test_messages_defaults(service, messages_api, artifact) -> None:
    messages_api.reply("ok")
    await service.messages(artifact.id, {"messages": [{"role": "user", "content": "x"}], "max_tokens": 50})
    assert messages_api.last_request.model == MODEL and messages_api.last_request.body["max_tokens"] == 50


async def test_bad_bodies(service, messages_api, artifact) -> None:
    for body in ({}, {"messages": []}, {"messages": "hi"}, ["not", "a", "dict"]):
        with pytest.raises(ModelError) as info:
            await service.messages(artifact.id, body)
        assert info.value.status == 400
    with pytest.raises(ModelError):
        await service.complete(artifact.id, "  ")
    assert messages_api.requests == []


async def test_retired_model_falls_back_to_the_default(service, messages_api, artifact) -> None:
    messages_api.queue(HttpError(404, type="not_found_error", message="model: claude-2"))
    messages_api.reply("ok")
    data = await service.messages(artifact.id, {"model": "claude-2", "messages": [{"role": "user", "content": "x"}]})
    assert data["content"][0]["text"] == "ok"
    assert [r.model for r in messages_api.requests] == ["claude-2", MODEL]


async def test_rate_limit_per_artifact(limited, messages_api, store, artifact) -> None:
    other = await store.create("<p>y</p>", type="html")
    for _ in range(2):
        await limited.complete(artifact.id, "hi")
    with pytest.raises(RateLimited) as info:
        await limited.complete(artifact.id, "hi")
    assert info.value.retry_after == pytest.approx(10.0)  # 6 a minute: one every 10 s
    assert "too often" in str(info.value)
    assert len(messages_api.requests) == 2  # the refused call never left
    await limited.complete(other.id, "hi")  # another artifact has its own bucket
    limited.test_clock.now += 10
    await limited.complete(artifact.id, "hi")


async def test_no_key(store, config, messages_api, artifact) -> None:
    service = ModelService(store, config, base_url=messages_api.base_url)
    with pytest.raises(ModelUnavailable, match="ANTHROPIC_API_KEY"):
        await service.complete(artifact.id, "hi")
    assert messages_api.requests == [] and not service.has_key()


async def test_key_from_the_environment(anthropic_env, store, config, artifact) -> None:
    service = ModelService(store, config)  # ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL from the env
    anthropic_env.reply("env ok")
    assert await service.complete(artifact.id, "hi") == "env ok"
    assert anthropic_env.last_request.api_key == TEST_API_KEY
    await service.aclose()


async def test_401(store, config, messages_api, artifact) -> None:
    messages_api.bad_keys.add("sk-revoked")
    service = ModelService(store, config, api_key="sk-revoked", base_url=messages_api.base_url)
    with pytest.raises(ModelUnavailable) as info:
        await service.complete(artifact.id, "hi")
    assert "ANTHROPIC_API_KEY" in str(info.value) and info.value.status == 401
    assert "sk-revoked" not in str(info.value) and "sk-revoked" not in repr(service)
    await service.aclose()


async def test_429_retried_then_success(service, messages_api, artifact) -> None:
    messages_api.queue(HttpError(429, retry_after_ms=1), HttpError(529, retry_after_ms=1))
    messages_api.reply("finally")
    assert await service.complete(artifact.id, "hi") == "finally"
    assert len(messages_api.requests) == 3


async def test_429_exhausted_is_rate_limited_with_retry_after(service, messages_api, artifact) -> None:
    messages_api.queue(*[HttpError(429, retry_after=0.001) for _ in range(4)])
    with pytest.raises(RateLimited) as info:
        await service.complete(artifact.id, "hi")
    assert info.value.status == 429 and info.value.retry_after == pytest.approx(0.001)


async def test_529_exhausted(service, messages_api, artifact) -> None:
    messages_api.queue(*[HttpError(529, retry_after_ms=1) for _ in range(4)])
    with pytest.raises(ModelOverloaded) as info:
        await service.complete(artifact.id, "hi")
    assert isinstance(info.value, ModelError) and info.value.status == 529
    assert info.value.error_type == "overloaded_error"


async def test_400_carries_the_api_message(service, messages_api, artifact) -> None:
    messages_api.queue(HttpError(400, message="messages.0.content: bad"))
    with pytest.raises(ModelError) as info:
        await service.messages(artifact.id, {"messages": [{"role": "user", "content": "x"}]})
    assert info.value.status == 400 and info.value.api_message == "messages.0.content: bad"
    assert "messages.0.content: bad" in str(info.value)
    assert len(messages_api.requests) == 1


async def test_one_client_for_concurrent_calls(service, messages_api, artifact) -> None:
    messages_api.responder = lambda body: Reply("same")
    results = await asyncio.gather(*(service.complete(artifact.id, "hi") for _ in range(3)))
    assert results == ["same"] * 3
    provider = service.provider
    assert isinstance(provider, AnthropicProvider)
    assert provider._client is not None and len({id(await provider.client()) for _ in range(2)}) == 1


async def test_usage_of_a_deleted_artifact_is_kept(service, messages_api, store) -> None:
    gone = await store.create("x", type="html")
    messages_api.reply("ok", usage=Usage(input_tokens=5, output_tokens=1))
    await store.purge(gone.id)
    await service.complete(gone.id, "hi")  # the rate limiter and the call do not need the row
    assert (await store.usage()).input_tokens == 5

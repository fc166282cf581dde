"""The engine when things go wrong: cancel, max_tokens, keys, retries, broken streams."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import pytest

from artifacts_runtime.chat import (
    ArtifactCreated,
    ChatEngine,
    Error,
    Retrying,
    RetryPolicy,
    TextDelta,
    ToolInputProgress,
    TurnDone,
)
from artifacts_runtime.errors import ConnectionLost, ModelError, ModelOverloaded, ModelUnavailable, RateLimited
from artifacts_runtime.model import ModelService
from tests.fakes.messages_api import HttpError, Reply, StreamError, text, tool_use

from .conftest import FAST_RETRY, collect, of

PAGE = "<html><body>" + "<p>row</p>\n" * 400 + "</body></html>"


def create(content: str = PAGE) -> dict:
    return {"command": "create", "id": "page", "type": "text/html", "title": "Long page", "content": content}


# ---------------------------------------------------------------------------- cancel


async def test_cancel_mid_stream_keeps_what_arrived(engine, messages_api, store) -> None:
    messages_api.reply("Writing it now.", tool_use("artifacts", create(), chunk_size=20), delay=0.005)
    events: list = []
    progressed = asyncio.Event()

    def on_event(event) -> None:
        events.append(event)
        if isinstance(event, ToolInputProgress) and event.size > 500:
            progressed.set()

    task = asyncio.create_task(engine.send("Make a long page", on_event=on_event))
    await asyncio.wait_for(progressed.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    done = events[-1]
    assert isinstance(done, TurnDone) and done.stop_reason == "cancelled" and done.incomplete
    stored = await store.messages(done.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant", "user"]
    reply = stored[1]
    assert reply.incomplete and reply.stop_reason == "cancelled"
    assert reply.content[0] == {"type": "text", "text": "Writing it now."}
    partial = reply.content[1]["input"]["content"]
    assert 500 < len(partial) < len(PAGE) and PAGE.startswith(partial)
    # the partial artifact is kept as an incomplete version, and the model will be told
    (created,) = of(events, ArtifactCreated)
    version = await store.version(created.artifact_id)
    assert version.incomplete and version.content == partial
    assert stored[2].content[0]["is_error"] and "cancelled" in stored[2].content[0]["content"]
    assert messages_api.requests[0].wait_finished() in ("client_disconnected", "dropped", "ok")


async def test_cancel_by_leaving_the_iterator(engine, messages_api, store) -> None:
    messages_api.reply(text("word " * 400, chunk_size=5), delay=0.002)
    turn = engine.turn("Talk")
    count = 0
    async for event in turn:
        if isinstance(event, TextDelta):
            count += 1
            if count == 20:
                break
    await asyncio.sleep(0)  # the generator is closed when dropped; give the loop a turn
    for _ in range(100):
        stored = await store.messages(turn.conversation_id)
        if len(stored) == 2 and stored[1].incomplete and stored[1].stop_reason == "cancelled":
            break
        await asyncio.sleep(0.02)
    assert stored[1].incomplete and stored[1].content[0]["text"].startswith("word word")


# ---------------------------------------------------------------------------- max_tokens


async def test_max_tokens_keeps_the_partial_artifact_and_says_so(engine, messages_api, store) -> None:
    raw = '{"command": "create", "id": "page", "type": "text/html", "title": "Long page", "content": "<html><body><p>cut he'
    messages_api.reply("Here goes.", tool_use("artifacts", {}, raw_json=raw), stop_reason="max_tokens")
    events = []
    result = await engine.send("Make a long page", on_event=events.append)

    assert result.stop_reason == "max_tokens" and result.incomplete
    assert "max_tokens" in result.notice and "incomplete version" in result.notice
    (created,) = of(events, ArtifactCreated)
    assert created.incomplete
    version = await store.version(created.artifact_id)
    assert version.incomplete and version.content == "<html><body><p>cut he"
    stored = await store.messages(result.conversation_id)
    assert stored[1].stop_reason == "max_tokens" and stored[1].incomplete
    assert stored[2].content[0]["is_error"] and "max_tokens" in stored[2].content[0]["content"]
    assert len(messages_api.requests) == 1  # the turn stops: no automatic continuation

    messages_api.reply("Continuing.")
    await engine.send("continue", conversation_id=result.conversation_id)
    sent = messages_api.last_request.messages
    assert sent[2]["content"][0]["type"] == "tool_result" and sent[2]["content"][-1]["text"] == "continue"


async def test_max_tokens_inside_an_inline_artifact(engine, messages_api, store) -> None:
    messages_api.reply('<antArtifact identifier="n" type="text/markdown" title="N">\n# Half', stop_reason="max_tokens")
    events = []
    result = await engine.send("Write", on_event=events.append)
    (created,) = of(events, ArtifactCreated)
    assert created.incomplete and (await store.version(created.artifact_id)).content == "# Half"
    assert result.incomplete and "incomplete version" in result.notice


# ---------------------------------------------------------------------------- keys


async def test_no_key_is_detected_before_calling(store, config, messages_api) -> None:
    service = ModelService(store, config, base_url=messages_api.base_url)  # no key anywhere
    engine = ChatEngine(store, config, service=service)
    events = await collect(engine.turn("Hello"))
    error = of(events, Error)[0]
    assert isinstance(error.error, ModelUnavailable)
    assert "ANTHROPIC_API_KEY" in error.message
    assert events[-1].stop_reason == "error"
    assert messages_api.requests == [] and await store.conversations() == []
    await service.aclose()


async def test_401_says_to_set_the_key(store, config, messages_api) -> None:
    messages_api.bad_keys.add("sk-bad")
    service = ModelService(store, config, api_key="sk-bad", base_url=messages_api.base_url, retry=FAST_RETRY)
    engine = ChatEngine(store, config, service=service)
    result = await engine.send("Hello")
    assert isinstance(result.error, ModelUnavailable)
    assert "ANTHROPIC_API_KEY" in str(result.error) and "401" in str(result.error)
    assert "sk-bad" not in str(result.error)
    assert len(messages_api.requests) == 1  # not retried
    await service.aclose()


# ---------------------------------------------------------------------------- retries


@pytest.mark.parametrize("status", [429, 529])
async def test_retried_then_success(engine, messages_api, store, status) -> None:
    messages_api.queue(HttpError(status, retry_after_ms=1), HttpError(status, retry_after_ms=1))
    messages_api.reply("Made it.")
    events = []
    started = time.monotonic()
    result = await engine.send("Hello", on_event=events.append)
    assert time.monotonic() - started < 2
    retrying = of(events, Retrying)
    assert [r.attempt for r in retrying] == [2, 3] and all(r.delay == 0.001 for r in retrying)
    assert result.error is None and result.text == "Made it."
    assert len(messages_api.requests) == 3
    stored = await store.messages(result.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant"] and not stored[1].incomplete


async def test_retry_after_seconds_is_honoured(engine, messages_api) -> None:
    messages_api.queue(HttpError(429, retry_after=0.2))
    messages_api.reply("ok")
    events = []
    started = time.monotonic()
    await engine.send("Hello", on_event=events.append)
    assert time.monotonic() - started >= 0.2
    assert of(events, Retrying)[0].delay == pytest.approx(0.2)


async def test_retries_exhausted_are_reported(engine, messages_api, store) -> None:
    messages_api.queue(*[HttpError(529, retry_after_ms=1) for _ in range(4)])
    events = []
    result = await engine.send("Hello", on_event=events.append)
    assert isinstance(result.error, ModelOverloaded)
    assert "overloaded" in str(result.error) and "4 attempts" in str(result.error)
    assert len(messages_api.requests) == 4  # 1 + FAST_RETRY.max_retries
    assert of(events, Error)[0].error is result.error
    assert events[-1].stop_reason == "error"
    stored = await store.messages(result.conversation_id)
    assert [m.role for m in stored] == ["user"]  # the prompt is kept; send again continues


async def test_rate_limit_exhausted_says_when(engine, messages_api) -> None:
    messages_api.queue(*[HttpError(429, retry_after_ms=1) for _ in range(4)])
    result = await engine.send("Hello")
    assert isinstance(result.error, RateLimited) and "rate limit" in str(result.error)


async def test_retry_after_too_long_is_not_waited(engine, messages_api) -> None:
    messages_api.queue(HttpError(429, retry_after=3600))
    started = time.monotonic()
    result = await engine.send("Hello")
    assert time.monotonic() - started < 1
    assert isinstance(result.error, RateLimited) and result.error.retry_after == 3600
    assert "3600 s" in str(result.error)


async def test_again_answers_the_waiting_message(engine, messages_api, store) -> None:
    messages_api.queue(HttpError(400, message="bad thing"))
    first = await engine.send("Hello")
    assert isinstance(first.error, ModelError) and "bad thing" in str(first.error)
    messages_api.reply("Now it works.")
    again = await engine.send(None, conversation_id=first.conversation_id)
    assert again.text == "Now it works."
    assert [m.role for m in await store.messages(first.conversation_id)] == ["user", "assistant"]


async def test_mid_stream_overloaded_is_retried_and_replaces_the_partial(engine, messages_api, store) -> None:
    messages_api.reply("Partial answ", error=StreamError("overloaded_error", after=4))
    messages_api.reply("Whole answer.")
    events = []
    result = await engine.send("Hello", on_event=events.append)
    (retry,) = of(events, Retrying)
    assert retry.discarded and "overloaded" in retry.reason
    assert result.error is None and result.text == "Whole answer."
    stored = await store.messages(result.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant"]
    assert stored[1].content == [{"type": "text", "text": "Whole answer."}] and not stored[1].incomplete
    assert (await store.usage(conversation_id=result.conversation_id)).calls == 2  # both were billed


async def test_mid_stream_overloaded_after_an_applied_tool_goes_on(engine, messages_api, store) -> None:
    block = tool_use("artifacts", create("<p>done</p>"))
    sequence = Reply(block, "And now the sec").events({})
    tool_done = next(i for i, (name, data) in enumerate(sequence) if name == "content_block_stop")
    messages_api.reply(block, "And now the sec", error=StreamError("overloaded_error", after=tool_done + 3))
    messages_api.reply("And now the second part.")
    events = []
    result = await engine.send("Hello", on_event=events.append)
    assert result.error is None
    assert len(of(events, ArtifactCreated)) == 1  # applied once, not again on the retry
    sent = messages_api.requests[1].messages
    assert sent[1]["content"] == [
        {"type": "tool_use", "id": block.id, "name": "artifacts", "input": create("<p>done</p>")}
    ]
    assert sent[2]["content"][0]["tool_use_id"] == block.id
    assert "cut off" in sent[2]["content"][1]["text"]
    stored = await store.messages(result.conversation_id)
    assert stored[1].incomplete and stored[-1].content == [{"type": "text", "text": "And now the second part."}]


async def test_mid_stream_overloaded_exhausted_keeps_the_partial(engine, messages_api, store) -> None:
    for _ in range(4):
        messages_api.reply("Partial answ", error=StreamError("overloaded_error", after=4))
    result = await engine.send("Hello")
    assert isinstance(result.error, ModelOverloaded) and result.error.status == 200
    stored = await store.messages(result.conversation_id)
    assert stored[1].incomplete and stored[1].content[0]["text"].startswith("Partial")


async def test_partial_of_a_failed_attempt_survives_later_failures(engine, messages_api, store) -> None:
    messages_api.reply("Partial answ", error=StreamError("overloaded_error", after=4))
    messages_api.queue(*[HttpError(529, retry_after_ms=1) for _ in range(3)])
    result = await engine.send("Hello")
    assert isinstance(result.error, ModelOverloaded)
    stored = await store.messages(result.conversation_id)
    assert [m.role for m in stored] == ["user", "assistant"]
    assert stored[1].incomplete and stored[1].content[0]["text"].startswith("Partial")


async def test_dropped_connection_is_reported_and_nothing_lost(engine, messages_api, store) -> None:
    messages_api.reply("Here is half of", tool_use("artifacts", create(), chunk_size=50), drop_after=30)
    events = []
    result = await engine.send("Make a page", on_event=events.append)
    assert isinstance(result.error, ConnectionLost)
    assert "dropped" in str(result.error) and "kept" in str(result.error)
    assert len(messages_api.requests) == 1  # reported, not retried
    stored = await store.messages(result.conversation_id)
    assert stored[1].incomplete and stored[1].content[0]["text"] == "Here is half of"
    (created,) = of(events, ArtifactCreated)
    version = await store.version(created.artifact_id)
    assert version.incomplete and PAGE.startswith(version.content) and version.content


async def test_unreachable_api_is_reported(store, config, messages_api) -> None:
    service = ModelService(
        store, config, api_key="k", base_url="http://127.0.0.1:9", retry=RetryPolicy(max_retries=1, base_delay=0.001)
    )
    engine = ChatEngine(store, config, service=service)
    result = await engine.send("Hello")
    assert isinstance(result.error, ConnectionLost) and "could not reach" in str(result.error)
    assert "127.0.0.1:9" in str(result.error)
    await service.aclose()


async def test_server_error_then_success(engine, messages_api) -> None:
    messages_api.queue(HttpError(500, retry_after_ms=1))
    messages_api.reply("fine")
    result = await engine.send("Hello")
    assert result.text == "fine"


async def test_config_max_rounds_one(store, config, service, messages_api) -> None:
    engine = ChatEngine(store, replace(config, max_rounds=1), service=service)
    messages_api.reply(tool_use("artifacts", create("<p>x</p>")))
    result = await engine.send("Make")
    assert len(messages_api.requests) == 1 and result.incomplete and result.artifacts

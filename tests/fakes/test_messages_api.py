"""The fake Messages API, driven by the real ``anthropic`` SDK.

These tests double as the fake's documentation: each shows one way to script it and what the
SDK then does. The fixtures ``messages_api`` and ``anthropic_env`` come from
``tests/fakes/fixtures.py``.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import anthropic
import httpx
import httpx2
import pytest

from tests.fakes.fixtures import TEST_API_KEY
from tests.fakes.messages_api import (
    FakeMessagesAPI,
    HttpError,
    Reply,
    StreamError,
    Usage,
    iter_sse,
    text,
    tool_use,
)

MODEL = "claude-test-model"
HELLO = [{"role": "user", "content": "Hello"}]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def client(messages_api: FakeMessagesAPI) -> Iterator[anthropic.Anthropic]:
    """A sync client on the fake, without retries unless a test asks for them."""
    with anthropic.Anthropic(base_url=messages_api.base_url, api_key="test-key", max_retries=0) as c:
        yield c


@pytest.fixture
async def aclient(messages_api: FakeMessagesAPI) -> AsyncIterator[anthropic.AsyncAnthropic]:
    async with anthropic.AsyncAnthropic(base_url=messages_api.base_url, api_key="test-key", max_retries=0) as c:
        yield c


def raw_post(fake: FakeMessagesAPI, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    """A plain HTTP request, for what the SDK hides (the wire format, missing headers)."""
    h = {"x-api-key": "test-key", "anthropic-version": "2023-06-01"} if headers is None else headers
    return httpx.post(f"{fake.base_url}/v1/messages", json=body, headers=h)


# --------------------------------------------------------------------------- replies


def test_stream_text_with_the_sdk_helper(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    messages_api.reply(text("Hello, world! How are you?", chunk_size=5))

    with client.messages.stream(model=MODEL, max_tokens=100, messages=HELLO) as stream:
        pieces = list(stream.text_stream)
        final = stream.get_final_message()

    assert pieces == ["Hello", ", wor", "ld! H", "ow ar", "e you", "?"]
    assert final.content[0].type == "text" and final.content[0].text == "Hello, world! How are you?"
    assert final.stop_reason == "end_turn"
    assert final.model == MODEL  # the request's model, unless Reply(model=...) says otherwise
    assert final.id.startswith("msg_")


def test_wire_format_is_the_apis_sse_sequence(messages_api: FakeMessagesAPI) -> None:
    """What the SDK parses: ``event: NAME\\ndata: JSON\\n\\n``, a ping after the first block start."""
    call = tool_use("artifact", {"command": "create"}, id="toolu_1", chunk_size=12)
    messages_api.reply("Hi", call, usage=Usage(input_tokens=7, output_tokens=9, cache_read_input_tokens=3))

    response = raw_post(messages_api, {"model": MODEL, "max_tokens": 10, "messages": HELLO, "stream": True})

    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.startswith('event: message_start\ndata: {"type": "message_start"')
    events = list(iter_sse(response.content))
    assert [name for name, _ in events] == [
        "message_start",
        "content_block_start",
        "ping",
        "content_block_delta",
        "content_block_stop",
        "content_block_start",
        "content_block_delta",  # partial_json "" first, like the API
        "content_block_delta",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    assert all(data["type"] == name for name, data in events)
    start = events[0][1]["message"]
    assert start["content"] == [] and start["stop_reason"] is None and start["role"] == "assistant"
    assert start["usage"] == {
        "input_tokens": 7,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 3,
        "output_tokens": 1,
    }
    assert events[5][1]["content_block"] == {"type": "tool_use", "id": "toolu_1", "name": "artifact", "input": {}}
    assert [d["delta"]["partial_json"] for _, d in events[6:9]] == ["", '{"command": ', '"create"}']
    assert events[10][1] == {
        "type": "message_delta",
        "delta": {"stop_reason": "tool_use", "stop_sequence": None},
        "usage": {"output_tokens": 9},
    }


def test_ping_every_adds_pings(messages_api: FakeMessagesAPI) -> None:
    messages_api.reply("abc", ping_every=2)

    response = raw_post(messages_api, {"model": MODEL, "max_tokens": 10, "messages": HELLO, "stream": True})

    assert [name for name, _ in iter_sse(response.content)] == [
        "message_start",
        "content_block_start",
        "ping",
        "content_block_delta",
        "content_block_stop",
        "ping",
        "message_delta",
        "message_stop",
    ]


def test_raw_create_stream_true(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    """The low-level stream: the SDK drops pings and yields typed events."""
    messages_api.reply("One block")

    events = list(client.messages.create(model=MODEL, max_tokens=100, messages=HELLO, stream=True))

    assert [e.type for e in events] == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    assert events[2].delta.text == "One block"  # type: ignore[union-attr]


def test_non_streaming_create_returns_a_message(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    call = tool_use("artifact", {"command": "rewrite", "content": "<h1>Hi</h1>"})
    messages_api.reply("Rewriting it.", call)

    message = client.messages.create(model=MODEL, max_tokens=100, messages=HELLO)

    assert [b.type for b in message.content] == ["text", "tool_use"]
    block = message.content[1]
    assert block.type == "tool_use" and block.id == call.id and block.name == "artifact"
    assert block.input == {"command": "rewrite", "content": "<h1>Hi</h1>"}
    assert message.stop_reason == "tool_use"  # the default when a reply has a tool_use block
    assert message.usage.input_tokens > 0 and message.usage.output_tokens > 0


def test_big_tool_input_streams_in_chunks_and_reassembles(
    messages_api: FakeMessagesAPI, client: anthropic.Anthropic
) -> None:
    big = {"command": "create", "title": "Chart", "content": "<div>" + "x" * 5_000 + "</div>", "n": [1, 2.5, None]}
    messages_api.reply(tool_use("artifact", big, chunk_size=10))

    partials: list[str] = []
    with client.messages.stream(model=MODEL, max_tokens=100, messages=HELLO) as stream:
        for event in stream:
            if event.type == "input_json":
                partials.append(event.partial_json)
        final = stream.get_final_message()

    assert "".join(partials) == json.dumps(big)
    assert partials[0] == "" and max(map(len, partials)) == 10 and len(partials) > 500
    assert final.content[0].type == "tool_use" and final.content[0].input == big
    assert final.stop_reason == "tool_use"


def test_max_tokens_stop_and_usage(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    messages_api.reply(
        "The answer is cut o",
        stop_reason="max_tokens",
        usage=Usage(input_tokens=120, output_tokens=5, cache_creation_input_tokens=100, cache_read_input_tokens=20),
    )

    with client.messages.stream(model=MODEL, max_tokens=5, messages=HELLO) as stream:
        final = stream.get_final_message()

    assert final.stop_reason == "max_tokens"
    assert (final.usage.input_tokens, final.usage.output_tokens) == (120, 5)
    assert final.usage.cache_creation_input_tokens == 100 and final.usage.cache_read_input_tokens == 20


def test_a_tool_loop_over_two_requests(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    call = tool_use("artifact", {"command": "create", "content": "v1"})
    messages_api.queue(Reply("Creating.", call), Reply("Done: version 1."))
    tools = [{"name": "artifact", "description": "Edit artifacts", "input_schema": {"type": "object"}}]

    first = client.messages.create(model=MODEL, max_tokens=100, tools=tools, messages=HELLO)
    history = [
        *HELLO,
        {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in first.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": call.id, "content": "created v1"}]},
    ]
    second = client.messages.create(model=MODEL, max_tokens=100, tools=tools, messages=history)

    assert second.content[0].type == "text" and second.content[0].text == "Done: version 1."
    sent = messages_api.requests[1].messages
    assert sent[1]["content"][1] == {"type": "tool_use", "id": call.id, "name": "artifact", "input": call.input}
    assert sent[2]["content"][0]["tool_use_id"] == call.id
    assert messages_api.pending == 0


def test_default_reply_echoes_the_last_user_text(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    """Nothing queued, no responder: the reply is the last user message's text."""
    history = [
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "ok"},
        {"role": "user", "content": [{"type": "text", "text": "make a"}, {"type": "text", "text": "chart"}]},
    ]
    message = client.messages.create(model=MODEL, max_tokens=100, messages=history)

    assert message.content[0].type == "text" and message.content[0].text == "make a\nchart"
    assert message.stop_reason == "end_turn"


def test_responder_answers_from_the_request(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    """For replies that depend on the request (e.g. completions from inside an artifact)."""
    messages_api.responder = lambda body: Reply(f"{body['system']}: {body['messages'][-1]['content'].upper()}")
    messages_api.queue("queued answers come first")

    first = client.messages.create(model=MODEL, max_tokens=100, system="echo", messages=HELLO)
    second = client.messages.create(model=MODEL, max_tokens=100, system="echo", messages=HELLO)

    assert first.content[0].text == "queued answers come first"  # type: ignore[union-attr]
    assert second.content[0].text == "echo: HELLO"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- recording


def test_records_every_request(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    system = [
        {"type": "text", "text": "You build artifacts."},
        {"type": "text", "text": "Library: ...", "cache_control": {"type": "ephemeral"}},
    ]
    tools = [
        {
            "name": "artifact",
            "input_schema": {"type": "object"},
            "cache_control": {"type": "ephemeral"},
        }
    ]
    messages = [{"role": "user", "content": [{"type": "text", "text": "Hi", "cache_control": {"type": "ephemeral"}}]}]

    with client.messages.stream(model=MODEL, max_tokens=64, system=system, tools=tools, messages=messages) as s:
        s.until_done()

    (request,) = messages_api.requests
    assert (request.method, request.path) == ("POST", "/v1/messages")
    assert request.headers["authorization"] == "Bearer test-key"  # SDK 2.x; x-api-key works too
    assert request.api_key == "test-key"
    assert request.headers["anthropic-version"]
    assert request.stream and request.model == MODEL and request.body["max_tokens"] == 64
    assert request.system == system and request.tools == tools and request.messages == messages
    assert request.cache_breakpoints == ["system.1", "tools.0", "messages.0.content.0"]
    assert request.outcome == "ok" and request.status == 200


def test_x_api_key_header_is_accepted(messages_api: FakeMessagesAPI) -> None:
    response = raw_post(messages_api, {"model": MODEL, "max_tokens": 10, "messages": HELLO})

    assert response.status_code == 200
    assert response.json()["type"] == "message"
    assert messages_api.last_request.api_key == "test-key"


def test_anthropic_env_fixture_serves_a_client_without_arguments(anthropic_env: FakeMessagesAPI) -> None:
    anthropic_env.reply("from the environment")

    with anthropic.Anthropic() as c:
        message = c.messages.create(model=MODEL, max_tokens=10, messages=HELLO)

    assert message.content[0].text == "from the environment"  # type: ignore[union-attr]
    assert anthropic_env.last_request.api_key == TEST_API_KEY


def test_a_subprocess_reaches_the_fake_through_the_environment(anthropic_env: FakeMessagesAPI) -> None:
    anthropic_env.reply("hello, child")
    child = textwrap.dedent(
        """
        import json, os, urllib.request
        request = urllib.request.Request(
            os.environ["ANTHROPIC_BASE_URL"] + "/v1/messages",
            data=json.dumps({"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}).encode(),
            headers={"x-api-key": os.environ["ANTHROPIC_API_KEY"], "anthropic-version": "2023-06-01",
                     "content-type": "application/json"},
        )
        print(json.load(urllib.request.urlopen(request))["content"][0]["text"])
        """
    )
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=10, check=True)

    assert out.stdout.strip() == "hello, child"
    assert anthropic_env.wait_for_requests(1)[0].api_key == TEST_API_KEY


def test_the_fake_modules_do_not_import_anthropic() -> None:
    code = "import sys, tests.fakes.fixtures; assert 'anthropic' not in sys.modules, 'anthropic was imported'"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=10)


# --------------------------------------------------------------------------- refusals


def test_bad_key_is_a_401_authentication_error(messages_api: FakeMessagesAPI, client: anthropic.Anthropic) -> None:
    messages_api.bad_keys.add("test-key")
    messages_api.reply("never sent")

    with pytest.raises(anthropic.AuthenticationError) as caught:
        client.messages.create(model=MODEL, max_tokens=10, messages=HELLO)

    assert caught.value.status_code == 401
    assert caught.value.body["error"]["type"] == "authentication_error"  # type: ignore[index]
    assert caught.value.body["type"] == "error"  # type: ignore[index]
    assert len(messages_api.requests) == 1 and messages_api.requests[0].outcome == "refused"
    assert messages_api.pending == 1  # a refused request consumes no scripted reply


def test_missing_key_is_a_401(messages_api: FakeMessagesAPI) -> None:
    response = raw_post(messages_api, {"model": MODEL, "max_tokens": 10, "messages": HELLO}, headers={})

    assert response.status_code == 401
    assert response.json()["error"] == {"type": "authentication_error", "message": "x-api-key header is required"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"max_tokens": 10, "messages": HELLO}, "model: Field required"),
        ({"model": MODEL, "messages": HELLO}, "max_tokens: Field required"),
        ({"model": MODEL, "max_tokens": 10}, "messages: Field required"),
        ({"model": MODEL, "max_tokens": 10, "messages": []}, "messages: at least one message is required"),
    ],
)
def test_invalid_requests_are_400(messages_api: FakeMessagesAPI, body: dict[str, object], message: str) -> None:
    response = raw_post(messages_api, body)

    assert response.status_code == 400
    assert response.json()["error"] == {"type": "invalid_request_error", "message": message}


def test_tool_use_without_tool_result_is_a_bad_request(
    messages_api: FakeMessagesAPI, client: anthropic.Anthropic
) -> None:
    """The fake checks the history like the API does, so a broken tool loop fails in tests."""
    history = [
        *HELLO,
        {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_9", "name": "artifact", "input": {}}]},
        {"role": "user", "content": "and now?"},
    ]

    with pytest.raises(anthropic.BadRequestError) as caught:
        client.messages.create(model=MODEL, max_tokens=10, messages=history)

    assert caught.value.body["error"]["type"] == "invalid_request_error"  # type: ignore[index]
    assert "toolu_9" in caught.value.body["error"]["message"]  # type: ignore[index]


def test_unknown_paths_are_404(messages_api: FakeMessagesAPI) -> None:
    got = httpx.get(f"{messages_api.base_url}/v1/models")
    head = httpx.head(f"{messages_api.base_url}/nothing")

    assert got.status_code == 404
    assert got.json()["error"]["type"] == "not_found_error"
    assert head.status_code == 404 and head.content == b""


# --------------------------------------------------------------------------- failures


def test_sdk_retries_a_429_with_retry_after_ms(messages_api: FakeMessagesAPI) -> None:
    messages_api.queue(HttpError(429, retry_after_ms=1), Reply("after the retry"))

    # the client keeps its default max_retries=2
    with (
        anthropic.Anthropic(base_url=messages_api.base_url, api_key="k") as c,
        c.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream,
    ):
        final = stream.get_final_message()

    assert final.content[0].text == "after the retry"  # type: ignore[union-attr]
    first, second = messages_api.requests
    assert (first.status, first.outcome, second.outcome) == (429, "http_error", "ok")
    assert second.headers["x-stainless-retry-count"] == "1"


def test_retries_run_out_on_repeated_overload(messages_api: FakeMessagesAPI) -> None:
    messages_api.queue(*[HttpError(529, retry_after_ms=1)] * 3)

    with (
        anthropic.Anthropic(base_url=messages_api.base_url, api_key="k", max_retries=2) as c,
        pytest.raises(anthropic.OverloadedError) as caught,
    ):
        c.messages.create(model=MODEL, max_tokens=10, messages=HELLO)

    assert caught.value.status_code == 529
    assert caught.value.body["error"] == {"type": "overloaded_error", "message": "Overloaded"}  # type: ignore[index]
    assert caught.value.request_id and caught.value.request_id.startswith("req_")
    assert len(messages_api.requests) == 3


@pytest.mark.parametrize(
    ("error", "exception", "error_type"),
    [
        (HttpError(429, retry_after=30), anthropic.RateLimitError, "rate_limit_error"),
        (HttpError(500), anthropic.InternalServerError, "api_error"),
        (HttpError(401), anthropic.AuthenticationError, "authentication_error"),
        (HttpError(400, message="prompt is too long"), anthropic.BadRequestError, "invalid_request_error"),
    ],
)
def test_http_errors_before_the_stream(
    messages_api: FakeMessagesAPI,
    client: anthropic.Anthropic,
    error: HttpError,
    exception: type[anthropic.APIStatusError],
    error_type: str,
) -> None:
    messages_api.queue(error)

    with (
        pytest.raises(exception) as caught,
        client.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream,
    ):
        stream.until_done()

    assert caught.value.status_code == error.status
    assert caught.value.body["error"]["type"] == error_type  # type: ignore[index]
    if error.retry_after is not None:
        assert caught.value.response.headers["retry-after"] == "30"
    if error.message:
        assert caught.value.body["error"]["message"] == error.message  # type: ignore[index]


def test_mid_stream_error_is_an_api_status_error_with_status_200(
    messages_api: FakeMessagesAPI, client: anthropic.Anthropic
) -> None:
    """After 4 events (start, block start, ping, first delta) comes ``event: error``."""
    messages_api.reply(text("Partial answer...", chunk_size=8), error=StreamError("overloaded_error", after=4))

    received: list[str] = []
    with (
        pytest.raises(anthropic.APIStatusError) as caught,
        client.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream,
    ):
        for piece in stream.text_stream:
            received.append(piece)

    assert type(caught.value) is anthropic.APIStatusError
    assert caught.value.status_code == 200
    assert caught.value.body["error"]["type"] == "overloaded_error"  # type: ignore[index]
    assert received == ["Partial "]
    assert len(messages_api.requests) == 1  # the SDK does not retry a started stream
    assert messages_api.last_request.outcome == "stream_error"


#: How a socket closed mid-stream reaches the caller: SDKs before 2.17 let the transport's
#: error through unwrapped; 2.17 wraps it in its own connection error (the cause kept).
MID_STREAM_DROP = (httpx2.RemoteProtocolError, anthropic.APIConnectionError)


def is_mid_stream_drop(exc: BaseException) -> bool:
    """The transport's "incomplete chunked read", itself or as the SDK error's cause."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, httpx2.RemoteProtocolError):
            return True
        seen = seen.__cause__
    return False


def test_dropped_connection_raises_the_transports_remote_protocol_error(
    messages_api: FakeMessagesAPI, client: anthropic.Anthropic
) -> None:
    """A socket closed mid-stream reaches the caller as the transport's error (or, on newer
    SDKs, the SDK's connection error caused by it)."""
    messages_api.reply(text("Partial answer...", chunk_size=8), drop_after=4)

    received: list[str] = []
    with (
        pytest.raises(MID_STREAM_DROP, match="incomplete chunked read") as caught,
        client.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream,
    ):
        for piece in stream.text_stream:
            received.append(piece)

    assert is_mid_stream_drop(caught.value)

    assert received == ["Partial "]
    assert len(messages_api.requests) == 1
    assert messages_api.last_request.outcome == "dropped"


def test_dropped_before_any_response_is_an_api_connection_error(
    messages_api: FakeMessagesAPI, client: anthropic.Anthropic
) -> None:
    messages_api.reply("never arrives", drop_after=0)

    with pytest.raises(anthropic.APIConnectionError) as caught:
        client.messages.create(model=MODEL, max_tokens=10, messages=HELLO)

    assert isinstance(caught.value.__cause__, httpx2.RemoteProtocolError)


# --------------------------------------------------------------------------- async


async def test_async_stream_with_tool_use(messages_api: FakeMessagesAPI, aclient: anthropic.AsyncAnthropic) -> None:
    call = tool_use("artifact", {"command": "update", "old_str": "a", "new_str": "b"})
    messages_api.reply("Updating.", call)

    async with aclient.messages.stream(model=MODEL, max_tokens=100, messages=HELLO) as stream:
        texts = [piece async for piece in stream.text_stream]
        final = await stream.get_final_message()

    assert texts == ["Updating."]
    assert final.content[1].type == "tool_use" and final.content[1].input == call.input
    assert final.stop_reason == "tool_use"


async def test_async_failures_match_the_sync_ones(
    messages_api: FakeMessagesAPI, aclient: anthropic.AsyncAnthropic
) -> None:
    messages_api.queue(
        Reply("x", error=StreamError("overloaded_error", after=2)),
        Reply("x", drop_after=2),
    )

    with pytest.raises(anthropic.APIStatusError) as caught:
        async with aclient.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream:
            await stream.until_done()
    assert caught.value.status_code == 200 and caught.value.body["error"]["type"] == "overloaded_error"  # type: ignore[index]

    with pytest.raises(MID_STREAM_DROP) as dropped:
        async with aclient.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream:
            await stream.until_done()
    assert is_mid_stream_drop(dropped.value)


async def test_a_slow_stream_can_be_cancelled_while_the_loop_stays_responsive(
    messages_api: FakeMessagesAPI, aclient: anthropic.AsyncAnthropic
) -> None:
    """``delay`` spaces the events; the event loop keeps running; closing the stream early
    shows up on the fake as ``client_disconnected``."""
    messages_api.reply(text("abcdefghij" * 10, chunk_size=5), delay=0.1)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticking = asyncio.create_task(ticker())
    started = time.monotonic()
    received: list[str] = []
    async with aclient.messages.stream(model=MODEL, max_tokens=100, messages=HELLO) as stream:
        async for piece in stream.text_stream:
            received.append(piece)
            if len(received) == 3:
                break  # leaving the block closes the response
    ticking.cancel()

    assert received == ["abcde", "fghij", "abcde"]
    assert time.monotonic() - started < 1.5  # all 20 deltas would take over 2 s
    assert ticks >= 5
    outcome = await asyncio.to_thread(messages_api.last_request.wait_finished, 3.0)
    assert outcome == "client_disconnected"


def test_stop_closes_open_connections_promptly() -> None:
    """Stopping the fake mid-stream does not wait for the scripted delays."""
    fake = FakeMessagesAPI().start()
    fake.reply("slow" * 20, delay=10)
    with (
        anthropic.Anthropic(base_url=fake.base_url, api_key="k", max_retries=0) as c,
        c.messages.stream(model=MODEL, max_tokens=10, messages=HELLO) as stream,
    ):
        next(iter(stream))  # message_start arrived; the next event is 10 s away
        started = time.monotonic()
        fake.stop()
        with pytest.raises(MID_STREAM_DROP) as caught:
            stream.until_done()
        assert is_mid_stream_drop(caught.value)
    assert time.monotonic() - started < 2
    with pytest.raises(RuntimeError):
        _ = fake.base_url

"""A faithful local fake of the Anthropic Messages API, for tests.

The fake is a real HTTP server on ``127.0.0.1`` (random port, background thread). The real
``anthropic`` SDK reaches it through ``base_url`` (or ``ANTHROPIC_BASE_URL`` in a subprocess),
so tests exercise the SDK's own streaming, retry and error code paths. No test touches the
internet.

Scripting, in short::

    with FakeMessagesAPI() as fake:
        fake.reply("Here is your chart.", tool_use("artifact", {"command": "create"}))
        fake.queue(HttpError(429, retry_after_ms=1), Reply("after the retry"))
        fake.responder = lambda body: Reply(f"echo: {body['messages'][-1]['content']}")
        client = anthropic.Anthropic(base_url=fake.base_url, api_key="test-key")
        ...
        assert fake.requests[0].system == "You are ..."

Every ``POST /v1/messages`` takes its answer from, in this order:

1. the queue (``fake.queue(...)`` / ``fake.reply(...)``), first in first out;
2. ``fake.responder(request_body)`` if set (may return a ``Reply``, an ``HttpError`` or a
   ``str``, which is a one-text-block reply);
3. otherwise a plain text reply that echoes the text of the last user message (text blocks
   joined with a newline; ``"(no text)"`` when it has none, e.g. only tool results).

Requests the real API refuses are refused before a queued answer is consumed: 401
``authentication_error`` for a missing key or one in ``fake.bad_keys``; 400
``invalid_request_error`` for a missing ``anthropic-version`` header, a body that is not a
JSON object, a missing/invalid ``model``/``max_tokens``/``messages``, a ``tool_use`` without its
``tool_result`` in the next message (and the reverse), or more than 4 ``cache_control``
breakpoints. Other paths answer 404 ``not_found_error``.

Streaming replies follow the API's SSE sequence exactly: ``message_start``,
then per block ``content_block_start`` / ``content_block_delta``\\* / ``content_block_stop``
(a ``ping`` after the first block's start, like the API), ``message_delta``, ``message_stop``.
Each event is ``event: NAME\\ndata: JSON\\n\\n``, sent as one HTTP/1.1 chunk, so a dropped
connection (``drop_after``) is visible to the client as an incomplete body.

This module does not import ``anthropic``: it stays cheap to import in unrelated tests.
"""

from __future__ import annotations

import json
import secrets
import socket
import string
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal, Self, TypeAlias

__all__ = [
    "Block",
    "FakeMessagesAPI",
    "HttpError",
    "Outcome",
    "RecordedRequest",
    "Reply",
    "Responder",
    "StreamError",
    "TextBlock",
    "ThinkingBlock",
    "ToolUseBlock",
    "Usage",
    "iter_sse",
    "text",
    "thinking",
    "tool_use",
]

StopReason: TypeAlias = Literal["end_turn", "tool_use", "max_tokens", "stop_sequence", "pause_turn", "refusal"]
Outcome: TypeAlias = Literal[
    "pending",  # still being answered
    "ok",  # a complete reply was sent
    "refused",  # 400/401/404 from the fake's own checks
    "http_error",  # a scripted HttpError was sent
    "stream_error",  # a scripted mid-stream `event: error` was sent
    "dropped",  # the fake closed the connection on purpose (drop_after)
    "client_disconnected",  # the client went away while the fake was still writing
]

_ALPHABET = string.ascii_letters + string.digits

#: The API's error type (and default message) for an HTTP status.
ERROR_TYPES: dict[int, tuple[str, str]] = {
    400: ("invalid_request_error", "Invalid request"),
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Your API key does not have permission to use the specified resource."),
    404: ("not_found_error", "Not found"),
    413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
    429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
    500: ("api_error", "Internal server error"),
    529: ("overloaded_error", "Overloaded"),
}
_STATUS_FOR_TYPE = {kind: status for status, (kind, _) in ERROR_TYPES.items()}


def _random_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(24))


def _chunks(s: str, size: int) -> list[str]:
    size = max(1, size)
    return [s[i : i + size] for i in range(0, len(s), size)]


# --------------------------------------------------------------------------- scripting


@dataclass(frozen=True)
class TextBlock:
    """A text content block, streamed as ``text_delta`` events of ``chunk_size`` characters."""

    text: str
    chunk_size: int = 20


@dataclass(frozen=True)
class ToolUseBlock:
    """A ``tool_use`` content block.

    Streamed like the API: ``content_block_start`` carries ``id``, ``name`` and ``input: {}``;
    then an empty ``input_json_delta`` and the JSON of ``input`` in ``partial_json`` pieces of
    ``chunk_size`` characters. ``id`` is fixed when the block is built, so a test can use it
    to build the matching ``tool_result``.

    ``raw_json``, when set, is streamed instead of the JSON of ``input`` (e.g. a JSON text cut
    short, as a reply stopped by ``max_tokens`` leaves it).
    """

    name: str
    input: dict[str, Any]
    id: str = field(default_factory=lambda: _random_id("toolu_"))
    chunk_size: int = 10
    raw_json: str | None = None

    def streamed_json(self) -> str:
        return self.raw_json if self.raw_json is not None else json.dumps(self.input, ensure_ascii=False)


@dataclass(frozen=True)
class ThinkingBlock:
    """A ``thinking`` block (adaptive thinking): ``content_block_start`` with empty
    ``thinking`` and ``signature``, ``thinking_delta`` pieces of ``chunk_size`` characters, then
    one ``signature_delta``."""

    thinking: str
    signature: str = "sig-fake-0123456789"
    chunk_size: int = 20


Block: TypeAlias = TextBlock | ToolUseBlock | ThinkingBlock


def text(s: str, *, chunk_size: int = 20) -> TextBlock:
    """A text block; ``chunk_size`` is the length of each streamed ``text_delta``."""
    return TextBlock(s, chunk_size)


def tool_use(
    name: str, input: dict[str, Any], *, id: str | None = None, chunk_size: int = 10, raw_json: str | None = None
) -> ToolUseBlock:
    """A tool_use block; its input JSON (or ``raw_json``) streams in pieces of ``chunk_size`` characters."""
    if id is None:
        return ToolUseBlock(name, input, chunk_size=chunk_size, raw_json=raw_json)
    return ToolUseBlock(name, input, id, chunk_size, raw_json)


def thinking(s: str, *, signature: str = "sig-fake-0123456789", chunk_size: int = 20) -> ThinkingBlock:
    """A thinking block, streamed as ``thinking_delta`` pieces and a ``signature_delta``."""
    return ThinkingBlock(s, signature, chunk_size)


@dataclass(frozen=True)
class Usage:
    """Token counts reported for a reply. ``None`` means estimated (about 4 characters a token)."""

    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0


@dataclass(frozen=True)
class StreamError:
    """A mid-stream failure: after ``after`` SSE events (pings included), the fake sends
    ``event: error`` with ``{"type": "error", "error": {"type": type, "message": message}}``
    and ends the response, as the API does when it overloads during a stream.

    For a non-streaming request it becomes an HTTP error of the matching status instead
    (``overloaded_error`` -> 529, ``api_error`` -> 500, ``rate_limit_error`` -> 429).
    """

    type: str = "overloaded_error"
    message: str = "Overloaded"
    after: int = 1


@dataclass(frozen=True)
class HttpError:
    """An HTTP error answered before any stream starts, with the API's JSON error body
    ``{"type": "error", "error": {"type": ..., "message": ...}, "request_id": ...}``.

    ``type``/``message`` default from the status (429 ``rate_limit_error``, 529
    ``overloaded_error``, 500 ``api_error``, 401 ``authentication_error``, 400
    ``invalid_request_error``, ...). ``retry_after`` (seconds) and ``retry_after_ms`` become the
    ``retry-after`` / ``retry-after-ms`` headers, which the SDK's retry honours; ``headers`` adds
    any others (e.g. ``{"x-should-retry": "false"}``). ``delay`` waits before answering.
    """

    status: int = 500
    type: str | None = None
    message: str | None = None
    retry_after: float | None = None
    retry_after_ms: float | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def body(self, request_id: str) -> dict[str, Any]:
        """The JSON error body."""
        kind, default_message = ERROR_TYPES.get(self.status, ("api_error", "Internal server error"))
        return _error_body(self.type or kind, self.message or default_message, request_id)

    def all_headers(self) -> dict[str, str]:
        """Extra response headers (``retry-after``, ``retry-after-ms`` and ``headers``)."""
        out: dict[str, str] = {}
        if self.retry_after is not None:
            out["retry-after"] = _number(self.retry_after)
        if self.retry_after_ms is not None:
            out["retry-after-ms"] = _number(self.retry_after_ms)
        out.update(self.headers)
        return out


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _error_body(kind: str, message: str, request_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "error", "error": {"type": kind, "message": message}}
    if request_id:
        body["request_id"] = request_id
    return body


class Reply:
    """One scripted assistant message.

    ``Reply("Hello", tool_use("artifact", {...}), stop_reason="tool_use")`` -- strings are text
    blocks. Keyword options:

    - ``stop_reason``: default ``"tool_use"`` if there is a tool_use block, else ``"end_turn"``.
    - ``stop_sequence``: reported with ``stop_reason="stop_sequence"``.
    - ``usage``: a :class:`Usage`; unset counts are estimated.
    - ``model`` / ``id``: default to the request's model and a fresh ``msg_...`` id.
    - ``delay``: seconds to wait before each SSE event after the first (cancellation tests).
    - ``start_delay``: seconds to wait before sending the response status line at all.
    - ``ping_every``: also send a ``ping`` after every N other events.
    - ``error``: a :class:`StreamError` to send mid-stream.
    - ``drop_after``: close the socket after N SSE events, without finishing the body (a
      non-streaming request is dropped before any response).
    """

    def __init__(
        self,
        *content: Block | str,
        stop_reason: StopReason | None = None,
        stop_sequence: str | None = None,
        usage: Usage | None = None,
        model: str | None = None,
        id: str | None = None,
        delay: float = 0.0,
        start_delay: float = 0.0,
        ping_every: int | None = None,
        error: StreamError | None = None,
        drop_after: int | None = None,
    ) -> None:
        self.content: list[Block] = [TextBlock(c) if isinstance(c, str) else c for c in content]
        self.stop_reason = stop_reason
        self.stop_sequence = stop_sequence
        self.usage = usage or Usage()
        self.model = model
        self.id = id
        self.delay = delay
        self.start_delay = start_delay
        self.ping_every = ping_every
        self.error = error
        self.drop_after = drop_after

    def __repr__(self) -> str:
        return f"Reply({', '.join(map(repr, self.content))}, stop_reason={self.final_stop_reason!r})"

    @property
    def final_stop_reason(self) -> StopReason:
        """The stop reason that will be reported."""
        if self.stop_reason is not None:
            return self.stop_reason
        return "tool_use" if any(isinstance(b, ToolUseBlock) for b in self.content) else "end_turn"

    # The wire format ---------------------------------------------------------------

    def _usage(self, request_body: Mapping[str, Any]) -> dict[str, int]:
        u = self.usage
        input_tokens = u.input_tokens
        if input_tokens is None:
            input_tokens = max(1, len(json.dumps(request_body.get("messages", []))) // 4)
        output_tokens = u.output_tokens
        if output_tokens is None:
            size = sum(
                len(b.text)
                if isinstance(b, TextBlock)
                else len(b.thinking)
                if isinstance(b, ThinkingBlock)
                else len(b.streamed_json())
                for b in self.content
            )
            output_tokens = max(1, size // 4)
        return {
            "input_tokens": input_tokens,
            "cache_creation_input_tokens": u.cache_creation_input_tokens,
            "cache_read_input_tokens": u.cache_read_input_tokens,
            "output_tokens": output_tokens,
        }

    def message(self, request_body: Mapping[str, Any], *, message_id: str | None = None) -> dict[str, Any]:
        """The complete Message object, as a non-streaming request gets it."""
        content: list[dict[str, Any]] = []
        for b in self.content:
            if isinstance(b, TextBlock):
                content.append({"type": "text", "text": b.text})
            elif isinstance(b, ThinkingBlock):
                content.append({"type": "thinking", "thinking": b.thinking, "signature": b.signature})
            else:
                content.append({"type": "tool_use", "id": b.id, "name": b.name, "input": b.input})
        return {
            "id": message_id or self.id or _random_id("msg_"),
            "type": "message",
            "role": "assistant",
            "model": self.model or request_body.get("model", "claude-fake"),
            "content": content,
            "stop_reason": self.final_stop_reason,
            "stop_sequence": self.stop_sequence,
            "usage": self._usage(request_body),
        }

    def events(
        self, request_body: Mapping[str, Any], *, message_id: str | None = None
    ) -> list[tuple[str, dict[str, Any]]]:
        """The full SSE sequence as ``(event name, data)`` pairs, without scripted failures.

        Useful to work out a ``drop_after``/``error.after`` count: the failure comes after that
        many items of this list.
        """
        usage = self._usage(request_body)
        start_message = self.message(request_body, message_id=message_id)
        start_message.update(
            content=[],
            stop_reason=None,
            stop_sequence=None,
            usage={**usage, "output_tokens": min(1, usage["output_tokens"])},
        )
        events: list[tuple[str, dict[str, Any]]] = [
            ("message_start", {"type": "message_start", "message": start_message})
        ]
        ping = ("ping", {"type": "ping"})
        if not self.content:
            events.append(ping)
        for index, block in enumerate(self.content):
            if isinstance(block, TextBlock):
                start = {"type": "text", "text": ""}
                deltas = [{"type": "text_delta", "text": piece} for piece in _chunks(block.text, block.chunk_size)]
            elif isinstance(block, ThinkingBlock):
                start = {"type": "thinking", "thinking": "", "signature": ""}
                deltas = [
                    {"type": "thinking_delta", "thinking": piece} for piece in _chunks(block.thinking, block.chunk_size)
                ]
                deltas.append({"type": "signature_delta", "signature": block.signature})
            else:
                start = {"type": "tool_use", "id": block.id, "name": block.name, "input": {}}
                pieces = ["", *_chunks(block.streamed_json(), block.chunk_size)]
                deltas = [{"type": "input_json_delta", "partial_json": piece} for piece in pieces]
            events.append(
                ("content_block_start", {"type": "content_block_start", "index": index, "content_block": start})
            )
            if index == 0:
                events.append(ping)
            events.extend(
                ("content_block_delta", {"type": "content_block_delta", "index": index, "delta": d}) for d in deltas
            )
            events.append(("content_block_stop", {"type": "content_block_stop", "index": index}))
        events.append(
            (
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": self.final_stop_reason, "stop_sequence": self.stop_sequence},
                    "usage": {"output_tokens": usage["output_tokens"]},
                },
            )
        )
        events.append(("message_stop", {"type": "message_stop"}))
        if self.ping_every:
            spaced: list[tuple[str, dict[str, Any]]] = []
            counted = 0
            for n, event in enumerate(events):
                spaced.append(event)
                if event[0] == "ping":
                    continue
                counted += 1
                following = events[n + 1][0] if n + 1 < len(events) else None
                if counted % self.ping_every == 0 and following not in (None, "ping"):
                    spaced.append(ping)
            events = spaced
        return events


Answer: TypeAlias = Reply | HttpError
Responder: TypeAlias = Callable[[dict[str, Any]], "Reply | HttpError | str"]


# --------------------------------------------------------------------------- recording


@dataclass
class RecordedRequest:
    """One request the fake received. ``headers`` keys are lower-case; ``body`` is the parsed
    JSON (``None`` if there was none or it did not parse). ``outcome`` says how it was answered
    (see :data:`Outcome`); it is final by the time the client has seen the end of the response,
    except ``"client_disconnected"``, which the fake notices later: ``wait_finished()`` waits
    until the fake is done with the request."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw_body: bytes = b""
    outcome: Outcome = "pending"
    status: int | None = None
    _finished: threading.Event = field(default_factory=threading.Event, repr=False, compare=False)

    @property
    def api_key(self) -> str | None:
        """The key sent as ``x-api-key`` or ``authorization: Bearer ...``."""
        if key := self.headers.get("x-api-key"):
            return key
        auth = self.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip() or None
        return None

    def _get(self, name: str, default: Any = None) -> Any:
        return self.body.get(name, default) if isinstance(self.body, dict) else default

    @property
    def model(self) -> str | None:
        return self._get("model")

    @property
    def system(self) -> Any:
        """The ``system`` field: a string, a list of blocks, or ``None``."""
        return self._get("system")

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self._get("messages", [])

    @property
    def tools(self) -> list[dict[str, Any]]:
        return self._get("tools", [])

    @property
    def stream(self) -> bool:
        return bool(self._get("stream", False))

    @property
    def cache_breakpoints(self) -> list[str]:
        """Where ``cache_control`` is set, as paths like ``"system.1"``, ``"tools.3"``,
        ``"messages.4.content.0"``."""
        return _cache_breakpoints(self.body) if isinstance(self.body, dict) else []

    def wait_finished(self, timeout: float = 5.0) -> Outcome:
        """Wait until the fake has finished answering; return the outcome."""
        if not self._finished.wait(timeout):
            raise TimeoutError(f"request {self.path} still {self.outcome} after {timeout}s")
        return self.outcome


def _cache_breakpoints(body: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    system = body.get("system")
    if isinstance(system, list):
        found += [f"system.{i}" for i, b in enumerate(system) if isinstance(b, dict) and "cache_control" in b]
    for i, tool in enumerate(body.get("tools") or []):
        if isinstance(tool, dict) and "cache_control" in tool:
            found.append(f"tools.{i}")
    for i, message in enumerate(body.get("messages") or []):
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, list):
            found += [
                f"messages.{i}.content.{j}"
                for j, b in enumerate(content)
                if isinstance(b, dict) and "cache_control" in b
            ]
    return found


# --------------------------------------------------------------------------- validation


class _Refusal(Exception):
    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


def _invalid(message: str) -> _Refusal:
    return _Refusal(400, "invalid_request_error", message)


def _blocks(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, list):
        return [b for b in content if isinstance(b, dict)]
    return []


def _validate(body: Any) -> None:
    """The API's own checks, minimally: required fields and the tool_use/tool_result pairing."""
    if not isinstance(body, dict):
        raise _invalid("Request body must be a JSON object")
    for name in ("model", "max_tokens", "messages"):
        if name not in body:
            raise _invalid(f"{name}: Field required")
    if not isinstance(body["model"], str) or not body["model"]:
        raise _invalid("model: Input should be a valid string")
    max_tokens = body["max_tokens"]
    if not isinstance(max_tokens, int) or isinstance(max_tokens, bool):
        raise _invalid("max_tokens: Input should be a valid integer")
    if max_tokens < 1:
        raise _invalid("max_tokens: Input should be greater than or equal to 1")
    if "stream" in body and not isinstance(body["stream"], bool):
        raise _invalid("stream: Input should be a valid boolean")
    messages = body["messages"]
    if not isinstance(messages, list):
        raise _invalid("messages: Input should be a valid list")
    if not messages:
        raise _invalid("messages: at least one message is required")
    for i, m in enumerate(messages):
        if not isinstance(m, dict):
            raise _invalid(f"messages.{i}: Input should be a valid dictionary")
        if m.get("role") not in ("user", "assistant"):
            raise _invalid(f"messages.{i}.role: Input should be 'user' or 'assistant'")
        if "content" not in m:
            raise _invalid(f"messages.{i}.content: Field required")
        if not isinstance(m["content"], (str, list)):
            raise _invalid(f"messages.{i}.content: Input should be a valid string or list")
    for i, tool in enumerate(body.get("tools") or []):
        if not isinstance(tool, dict):
            raise _invalid(f"tools.{i}: Input should be a valid dictionary")
        if tool.get("type") in (None, "custom"):
            for name in ("name", "input_schema"):
                if name not in tool:
                    raise _invalid(f"tools.{i}.custom.{name}: Field required")
    for i, m in enumerate(messages):
        uses = [b.get("id") for b in _blocks(m["content"]) if b.get("type") == "tool_use"]
        results = [b.get("tool_use_id") for b in _blocks(m["content"]) if b.get("type") == "tool_result"]
        prev = messages[i - 1] if i else None
        prev_uses = (
            [b.get("id") for b in _blocks(prev["content"]) if b.get("type") == "tool_use"]
            if prev and prev.get("role") == "assistant"
            else []
        )
        if results and (m["role"] != "user" or any(r not in prev_uses for r in results)):
            raise _invalid(
                f"messages.{i}.content: unexpected `tool_use_id` found in `tool_result` blocks: "
                f"{next(r for r in results if r not in prev_uses) if prev_uses else results[0]}. "
                "Each `tool_result` block must have a corresponding `tool_use` block in the previous message."
            )
        if uses and m["role"] == "assistant" and i + 1 < len(messages):
            following = messages[i + 1]
            answered = {
                b.get("tool_use_id") for b in _blocks(following.get("content")) if b.get("type") == "tool_result"
            }
            missing = [u for u in uses if u not in answered]
            if missing or following.get("role") != "user":
                raise _invalid(
                    f"messages.{i + 1}: `tool_use` ids were found without `tool_result` blocks immediately after: "
                    f"{', '.join(map(str, missing or uses))}. Each `tool_use` block must have a corresponding "
                    "`tool_result` block in the next message."
                )
    breakpoints = _cache_breakpoints(body)
    if len(breakpoints) > 4:
        raise _invalid(f"A maximum of 4 blocks with cache_control may be provided. Found {len(breakpoints)}.")


def _last_user_text(body: Mapping[str, Any]) -> str:
    for m in reversed(body.get("messages") or []):
        if isinstance(m, dict) and m.get("role") == "user":
            content = m.get("content")
            if isinstance(content, str):
                return content or "(no text)"
            texts = [b.get("text", "") for b in _blocks(content) if b.get("type") == "text"]
            return "\n".join(texts) or "(no text)"
    return "(no text)"


# --------------------------------------------------------------------------- the server


class _ClientGone(Exception):
    pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # we close live connections ourselves in FakeMessagesAPI.stop()
    fake: FakeMessagesAPI


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.server.fake._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.fake._track(self.connection, False)

    # -- entry points

    def do_POST(self) -> None:
        self._handle()

    def do_GET(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    # -- helpers

    def _read_body(self) -> bytes:
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(data)
                data += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        fake = self.server.fake
        raw = self._read_body()
        try:
            body = json.loads(raw) if raw else None
            body_error = False
        except ValueError:
            body, body_error = None, True
        record = RecordedRequest(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            raw_body=raw,
        )
        fake._record(record)
        try:
            self._answer(record, body, body_error)
        except _ClientGone:
            record.outcome = "client_disconnected"
            self.close_connection = True
        finally:
            record._finished.set()

    def _answer(self, record: RecordedRequest, body: Any, body_error: bool) -> None:
        fake = self.server.fake
        path = self.path.split("?", 1)[0].rstrip("/")
        try:
            if path != "/v1/messages" or self.command != "POST":
                raise _Refusal(404, "not_found_error", "Not found")
            key = record.api_key
            if not key:
                raise _Refusal(401, "authentication_error", "x-api-key header is required")
            if key in fake.bad_keys:
                raise _Refusal(401, "authentication_error", "invalid x-api-key")
            if "anthropic-version" not in record.headers:
                raise _invalid("anthropic-version: header is required")
            if body_error:
                raise _invalid("There was an issue with your request body: it is not valid JSON")
            _validate(body)
        except _Refusal as refusal:
            record.outcome = "refused"
            self._send_json(record, refusal.status, _error_body(refusal.kind, refusal.message, _random_id("req_")))
            return

        answer = fake._next_answer(body)
        if isinstance(answer, HttpError):
            fake._sleep(answer.delay)
            record.outcome = "http_error"
            request_id = _random_id("req_")
            self._send_json(record, answer.status, answer.body(request_id), answer.all_headers(), request_id=request_id)
        elif body.get("stream"):
            self._stream(record, answer, body)
        else:
            self._respond_whole(record, answer, body)

    def _send_json(
        self,
        record: RecordedRequest,
        status: int,
        payload: Any,
        extra_headers: Mapping[str, str] | None = None,
        *,
        request_id: str | None = None,
    ) -> None:
        record.status = status
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.send_header("request-id", request_id or _random_id("req_"))
            for k, v in (extra_headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        except OSError as e:
            raise _ClientGone from e

    def _respond_whole(self, record: RecordedRequest, reply: Reply, body: dict[str, Any]) -> None:
        fake = self.server.fake
        fake._sleep(reply.start_delay)
        if reply.drop_after is not None:
            record.outcome = "dropped"
            self.close_connection = True
            return
        if reply.error is not None:
            status = _STATUS_FOR_TYPE.get(reply.error.type, 500)
            record.outcome = "http_error"
            self._send_json(record, status, _error_body(reply.error.type, reply.error.message, _random_id("req_")))
            return
        record.outcome = "ok"  # set before the client can see the end of the response
        self._send_json(record, 200, reply.message(body))

    def _stream(self, record: RecordedRequest, reply: Reply, body: dict[str, Any]) -> None:
        fake = self.server.fake
        fake._sleep(reply.start_delay)
        events = reply.events(body)
        record.status = 200
        try:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream; charset=utf-8")
            self.send_header("cache-control", "no-cache")
            self.send_header("transfer-encoding", "chunked")
            self.send_header("request-id", _random_id("req_"))
            self.end_headers()
        except OSError as e:
            raise _ClientGone from e
        for sent, (name, data) in enumerate(events):
            if reply.drop_after is not None and sent >= reply.drop_after:
                record.outcome = "dropped"
                self.close_connection = True  # the socket closes without the final 0-length chunk
                return
            if reply.error is not None and sent >= reply.error.after:
                record.outcome = "stream_error"
                self._chunk(_sse("error", _error_body(reply.error.type, reply.error.message)))
                self._chunk(b"")
                return
            if sent and reply.delay and fake._sleep(reply.delay):
                self.close_connection = True
                record.outcome = "dropped"
                return
            if name == "message_stop":
                record.outcome = "ok"  # set before the client can see the end of the stream
            self._chunk(_sse(name, data))
        self._chunk(b"")

    def _chunk(self, data: bytes) -> None:
        try:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        except OSError as e:
            raise _ClientGone from e


def _sse(name: str, data: Mapping[str, Any]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


class FakeMessagesAPI:
    """The fake server. Use as a context manager (or ``start()`` / ``stop()``).

    - ``base_url``: ``http://127.0.0.1:PORT`` -- give it to ``anthropic.Anthropic(base_url=...)``
      or set ``ANTHROPIC_BASE_URL``.
    - ``queue(*answers)`` / ``reply(*content, **options)``: script the next answers.
    - ``responder``: a callable ``(request_body) -> Reply | HttpError | str`` used when the
      queue is empty.
    - ``bad_keys``: keys answered with 401 ``authentication_error``.
    - ``requests``: every request received (a snapshot list of :class:`RecordedRequest`).
    """

    def __init__(self, *, bad_keys: Iterable[str] = (), responder: Responder | None = None) -> None:
        self.bad_keys: set[str] = set(bad_keys)
        self.responder: Responder | None = responder
        self._lock = threading.Condition()
        self._queue: deque[Answer] = deque()
        self._requests: list[RecordedRequest] = []
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle

    def start(self) -> Self:
        """Bind a random port on 127.0.0.1 and serve in a background thread."""
        if self._server is not None:
            return self
        self._stopping.clear()
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, name="fake-messages-api", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection (idle keep-alive or mid-stream)."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash, no ``/v1``)."""
        if self._server is None:
            raise RuntimeError("the fake Messages API is not running; call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- scripting

    def queue(self, *answers: Reply | HttpError | str) -> None:
        """Append answers for the next requests, in order. A ``str`` is a one-text-block reply."""
        with self._lock:
            self._queue.extend(Reply(a) if isinstance(a, str) else a for a in answers)

    def reply(self, *content: Block | str, **options: Any) -> Reply:
        """Queue ``Reply(*content, **options)`` and return it."""
        r = Reply(*content, **options)
        self.queue(r)
        return r

    @property
    def pending(self) -> int:
        """How many queued answers no request has consumed yet."""
        with self._lock:
            return len(self._queue)

    def reset(self) -> None:
        """Forget queued answers, the responder and recorded requests."""
        with self._lock:
            self._queue.clear()
            self._requests.clear()
            self.responder = None

    # -- recording

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy; safe from any thread)."""
        with self._lock:
            return list(self._requests)

    @property
    def last_request(self) -> RecordedRequest:
        with self._lock:
            if not self._requests:
                raise LookupError("the fake Messages API has received no request")
            return self._requests[-1]

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> list[RecordedRequest]:
        """Block until at least ``count`` requests arrived (e.g. from a subprocess or another
        thread); return them. Raises ``TimeoutError``."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._requests) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self._requests)} of {count} requests after {timeout}s")
                self._lock.wait(left)
            return list(self._requests)

    # -- internals used by the handler

    def _record(self, record: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(record)
            self._lock.notify_all()

    def _track(self, conn: socket.socket, alive: bool) -> None:
        with self._lock:
            if alive:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _next_answer(self, body: dict[str, Any]) -> Answer:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
            responder = self.responder
        if responder is not None:
            answer = responder(body)
            return Reply(answer) if isinstance(answer, str) else answer
        return Reply(_last_user_text(body))

    def _sleep(self, seconds: float) -> bool:
        """Sleep, waking early when the server stops; True if it is stopping."""
        if seconds > 0:
            return self._stopping.wait(seconds)
        return self._stopping.is_set()


def iter_sse(raw: bytes) -> Iterator[tuple[str, dict[str, Any]]]:
    """Parse an SSE body back into ``(event, data)`` pairs (for tests that use plain HTTP)."""
    for frame in raw.decode().split("\n\n"):
        name, data = "", ""
        for line in frame.splitlines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data += line[6:]
        if name:
            yield name, json.loads(data)

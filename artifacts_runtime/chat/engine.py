"""The conversation engine: one user turn, streamed, with the artifact tool, stored as it goes.

A turn is a loop of model calls ("rounds"): the reply streams; tool calls are applied as soon
as their block ends; if the model stopped for tool use, the results go back and the next round
starts, up to ``config.max_rounds``. See docs/chat.md for the decisions behind it.

Use it either way::

    turn = engine.turn("Make a habit tracker")
    async for event in turn:           # typed events (events.py); breaking out cancels the turn
        ...
    result = await engine.send("…", on_event=callback)   # callback style; returns TurnResult

Cancelling the task that runs a turn keeps what arrived (marked incomplete) and re-raises.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..config import Config, with_overrides
from ..errors import ArtifactsError, InvalidInput, ModelError, ModelUnavailable
from ..humanize import format_bytes
from ..store import Store
from . import events as ev
from .antartifact import Segment
from .attachments import describe_conversation_files
from .blocks import BlockState, InlineArtifact, OtherState, TextState, ThinkingState, ToolState
from .history import build_messages, mark_cache_breakpoint
from .prompt import system_blocks
from .retry import NO_KEY_MESSAGE, Failure, RetryPolicy, classify, to_error
from .tool import TOOL_NAME, Catalog, Outcome, apply, tool_definition

if TYPE_CHECKING:  # pragma: no cover
    from ..llm import ModelService

T = TypeVar("T")
EventCallback = Callable[[ev.ChatEvent], "Awaitable[None] | None"]
Attachment = Path | str | tuple[str, bytes]

SAVE_INTERVAL = 0.5  # seconds between saves of a streaming reply
STREAM_FIELDS = ("content", "old_str", "new_str")
META_FIELDS = ("command", "id", "type", "title")
RESUME_NOTE = (
    "(Your previous reply was cut off by an error of the API after the tool calls above; "
    "their results are here. Continue where you stopped.)"
)


@dataclass
class TurnResult:
    conversation_id: str
    stop_reason: str | None
    incomplete: bool
    artifacts: list[ev.ArtifactChange] = field(default_factory=list)
    message_ids: list[str] = field(default_factory=list)
    text: str = ""
    error: ModelError | None = None
    notice: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0

    def raise_for_error(self) -> TurnResult:
        if self.error is not None:
            raise self.error
        return self


@dataclass
class _Round:
    """One model call: the blocks of its reply and what was applied."""

    message_id: str | None = None
    model: str | None = None
    blocks: dict[int, BlockState] = field(default_factory=dict)
    stop_reason: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read: int = 0
    cache_write: int = 0
    started: bool = False
    has_content: bool = False
    applied: list[Outcome] = field(default_factory=list)
    last_save: float = 0.0
    visible: list[str] = field(default_factory=list)
    finishing: bool = False

    def ordered(self) -> list[BlockState]:
        return [self.blocks[i] for i in sorted(self.blocks)]

    def content(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for block in self.ordered():
            out.extend(block.to_blocks())
        return out


@dataclass
class _Outcome:
    """How a round ended, for the turn loop."""

    stop_reason: str | None
    go_on: bool = False
    error: ModelError | None = None
    notice: str | None = None
    incomplete: bool = False


class _Context:
    """What one turn carries from round to round."""

    def __init__(
        self,
        turn: Turn,
        conversation_id: str,
        config: Config,
        catalog: Catalog,
        emit: Callable[[ev.ChatEvent], Awaitable[None]],
    ) -> None:
        self.turn = turn
        self.conversation_id = conversation_id
        self.config = config
        self.catalog = catalog
        self.emit = emit
        self.failures = 0
        self.inline_count = 0
        self.changes: list[ev.ArtifactChange] = []
        self.message_ids: list[str] = []
        self.text: list[str] = []
        self.input_tokens = 0
        self.output_tokens = 0


class ChatEngine:
    """Conversations with Claude that create and edit artifacts in ``store``."""

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        service: ModelService | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        retry: RetryPolicy | None = None,
        save_interval: float = SAVE_INTERVAL,
    ) -> None:
        if service is None:
            from ..llm import ModelService

            service = ModelService(store, config, api_key=api_key, base_url=base_url)
            self._owns_service = True
        else:
            self._owns_service = False
        self.store = store
        self.config = config
        self.service = service
        self.retry = retry or service.retry
        self.save_interval = save_interval

    async def aclose(self) -> None:
        if self._owns_service:
            await self.service.aclose()

    def turn(
        self,
        prompt: str | None,
        *,
        conversation_id: str | None = None,
        attachments: Sequence[Attachment] = (),
        model: str | None = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
    ) -> Turn:
        """A turn, not started yet: iterate it, or ``await turn.run(on_event)``.

        ``prompt=None`` answers the conversation's last user message again (after an error).
        ``attachments``: file paths, or ``(name, data)`` pairs, attached to the conversation.
        """
        config = with_overrides(self.config, model=model, max_tokens=max_tokens, temperature=temperature)
        return Turn(self, prompt, conversation_id=conversation_id, attachments=attachments, config=config)

    async def send(self, prompt: str | None, *, on_event: EventCallback | None = None, **kwargs: Any) -> TurnResult:
        return await self.turn(prompt, **kwargs).run(on_event)

    def fix(self, artifact_id: str, report: Mapping[str, Any] | Any, **kwargs: Any) -> Turn:
        """ "Fix with Claude": a turn that sends ``report`` (a runtime error of the artifact)
        into the artifact's conversation (one linked to it is made if it has none)."""
        config = with_overrides(
            self.config,
            model=kwargs.pop("model", None),
            max_tokens=kwargs.pop("max_tokens", None),
            temperature=kwargs.pop("temperature", None),
        )
        if kwargs:
            raise TypeError(f"unexpected arguments: {', '.join(kwargs)}")
        return Turn(self, None, config=config, fix=(artifact_id, report))


class Turn:
    """One user turn. Iterate for events, or ``await run(on_event)`` for the result."""

    def __init__(
        self,
        engine: ChatEngine,
        prompt: str | None,
        *,
        config: Config,
        conversation_id: str | None = None,
        attachments: Sequence[Attachment] = (),
        fix: tuple[str, Any] | None = None,
    ) -> None:
        self.engine = engine
        self.store = engine.store
        self.prompt = prompt
        self.config = config
        self.conversation_id = conversation_id
        self.attachments = list(attachments)
        self.fix_request = fix
        self.result: TurnResult | None = None
        self._ran = False

    # ------------------------------------------------------------------ driving

    def __aiter__(self) -> AsyncIterator[ev.ChatEvent]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[ev.ChatEvent]:
        queue: asyncio.Queue[ev.ChatEvent | None] = asyncio.Queue()

        async def produce() -> None:
            try:
                await self.run(queue.put_nowait)
            finally:
                queue.put_nowait(None)

        task = asyncio.create_task(produce(), name="chat-turn")
        try:
            while True:
                item = await queue.get()
                if item is None:
                    break
                yield item
            await task
        finally:
            if not task.done():
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task

    async def run(self, on_event: EventCallback | None = None) -> TurnResult:
        if self._ran:
            raise RuntimeError("a turn runs once; start another with engine.turn()")
        self._ran = True

        async def emit(event: ev.ChatEvent) -> None:
            if on_event is not None:
                result = on_event(event)
                if inspect.isawaitable(result):
                    await result

        if not self.engine.service.has_key():
            error = ModelUnavailable(NO_KEY_MESSAGE)
            await emit(ev.Error(str(error), error, type(error).__name__))
            await emit(ev.TurnDone(self.conversation_id or "", "error", True, notice=str(error)))
            self.result = TurnResult(self.conversation_id or "", "error", True, error=error)
            return self.result

        ctx = await self._begin(emit)
        try:
            outcome = await self._loop(ctx)
        except asyncio.CancelledError:
            self.result = self._result(ctx, "cancelled", True, None, "the reply was cancelled; what arrived is kept")
            with suppress(Exception):
                await emit(self._done(ctx, "cancelled", True, self.result.notice))
            raise
        if outcome.error is not None:
            await emit(ev.Error(str(outcome.error), outcome.error, type(outcome.error).__name__, outcome.error.status))
        self.result = self._result(ctx, outcome.stop_reason, outcome.incomplete, outcome.error, outcome.notice)
        await emit(self._done(ctx, outcome.stop_reason, outcome.incomplete, outcome.notice))
        return self.result

    def _result(
        self, ctx: _Context, stop: str | None, incomplete: bool, error: ModelError | None, notice: str | None
    ) -> TurnResult:
        return TurnResult(
            ctx.conversation_id,
            stop,
            incomplete,
            list(ctx.changes),
            list(ctx.message_ids),
            "".join(ctx.text),
            error,
            notice,
            ctx.input_tokens,
            ctx.output_tokens,
        )

    def _done(self, ctx: _Context, stop: str | None, incomplete: bool, notice: str | None) -> ev.TurnDone:
        return ev.TurnDone(ctx.conversation_id, stop, incomplete, tuple(ctx.changes), tuple(ctx.message_ids), notice)

    # ------------------------------------------------------------------ setting up

    async def _begin(self, emit: Callable[[ev.ChatEvent], Awaitable[None]]) -> _Context:
        store = self.store
        prompt = self.prompt
        files = await self._read_attachments()  # before anything is stored: a bad path stores nothing
        if prompt is not None and not prompt.strip() and not files:
            raise InvalidInput("the message is empty")
        if self.fix_request is not None:
            from .fix import prepare_fix

            self.conversation_id, prompt = await prepare_fix(store, *self.fix_request, model=self.config.model)
        if self.conversation_id:
            conversation = await store.conversation(self.conversation_id)
        else:
            if prompt is None:
                raise InvalidInput("a new conversation needs a prompt")
            conversation = await store.create_conversation(title=_title(prompt), model=self.config.model)
        self.conversation_id = conversation.id
        names = []
        for name, data in files:
            stored_file = await store.attach_file(name, data, conversation_id=conversation.id)
            names.append(f"{stored_file.name} ({format_bytes(stored_file.size)})")
        user_message_id = None
        if prompt is not None:
            content: list[dict[str, Any]] = []
            if prompt.strip():
                content.append({"type": "text", "text": prompt})
            if names:
                content.append({"type": "text", "text": "Attached: " + ", ".join(names)})
            message = await store.add_message(conversation.id, "user", content)
            user_message_id = message.id
        else:
            stored = await store.messages(conversation.id)
            if not stored or stored[-1].role != "user":
                raise InvalidInput("there is no message waiting for an answer in this conversation")
        blocks = [b for m in await store.messages(conversation.id) for b in m.content]
        known = [conversation.artifact_id] if conversation.artifact_id else []
        catalog = Catalog.from_blocks(blocks, known)
        ctx = _Context(self, conversation.id, self.config, catalog, emit)
        await emit(ev.TurnStarted(conversation.id, user_message_id, self.config.model))
        return ctx

    async def _read_attachments(self) -> list[tuple[str, bytes]]:
        out = []
        for item in self.attachments:
            if isinstance(item, tuple):
                out.append((item[0], item[1]))
                continue
            path = Path(item)
            try:
                data = await asyncio.to_thread(path.read_bytes)
            except OSError as exc:
                raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from exc
            out.append((path.name, data))
        return out

    # ------------------------------------------------------------------ the rounds

    async def _loop(self, ctx: _Context) -> _Outcome:
        try:
            client = await self.engine.service.client()
        except ModelError as exc:
            return _Outcome("error", error=exc, incomplete=True)
        files_text = await describe_conversation_files(self.store, ctx.conversation_id)
        system = system_blocks(files_text)
        tools = [tool_definition()]
        outcome = _Outcome(None)
        for _ in range(ctx.config.max_rounds):
            stored = await self.store.messages(ctx.conversation_id)
            messages = build_messages(stored, model=ctx.config.model)
            mark_cache_breakpoint(messages)
            params: dict[str, Any] = {
                "model": ctx.config.model,
                "max_tokens": ctx.config.max_tokens,
                "system": system,
                "tools": tools,
                "messages": messages,
                "stream": True,
            }
            if ctx.config.temperature is not None:
                # not a parameter of the SDK any more (current models refuse it); older ones take it
                params["extra_body"] = {"temperature": ctx.config.temperature}
            outcome = await self._round(ctx, client, params)
            if not outcome.go_on:
                return outcome
        return _Outcome(
            outcome.stop_reason,
            incomplete=True,
            notice=f"stopped after {ctx.config.max_rounds} model calls in one turn (the limit); "
            "send a message to let Claude continue",
        )

    async def _round(self, ctx: _Context, client: Any, params: dict[str, Any]) -> _Outcome:
        policy = self.engine.retry
        message_id: str | None = None
        attempt = 0
        while True:
            attempt += 1
            rnd = _Round(message_id=message_id)
            stream = None
            try:
                stream = await client.messages.create(**params)
                async for event in stream:
                    await self._on_event(ctx, rnd, event)
                return await self._finish(ctx, rnd)
            except asyncio.CancelledError:
                await asyncio.shield(self._interrupt(ctx, rnd, "cancelled"))
                raise
            except Exception as exc:
                if isinstance(exc, ArtifactsError) and not isinstance(exc, ModelError):
                    await self._interrupt(ctx, rnd, "error")
                    raise
                failure = classify(exc)
                if failure.kind == "other":  # not the API's doing: a bug to see, after saving
                    await self._interrupt(ctx, rnd, "error")
                    raise
                message_id = rnd.message_id
                ctx.failures += 1
                mid_stream = rnd.started
                if failure.kind == "connection" and mid_stream:
                    error = to_error(failure, mid_stream=True)
                    await self._interrupt(ctx, rnd, "error")
                    return _Outcome("error", error=error, incomplete=True)
                delay = policy.delay(ctx.failures, failure.retry_after) if failure.retryable else None
                if delay is None:
                    error = to_error(
                        failure, attempts=attempt, model=params["model"], base_url=self.engine.service.base_url
                    )
                    await self._interrupt(ctx, rnd, "error")
                    return _Outcome("error", error=error, incomplete=True)
                await ctx.emit(
                    ev.Retrying(
                        ctx.failures + 1,
                        policy.max_retries + 1,
                        delay,
                        _reason(failure),
                        discarded=rnd.has_content and not rnd.applied,
                    )
                )
                if rnd.applied:
                    # Tools were applied: keep what was complete and let the model go on.
                    await self._interrupt(ctx, rnd, "error", resume=True)
                    await asyncio.sleep(delay)
                    return _Outcome(None, go_on=True)
                if rnd.started:  # keep this attempt's partial reply until the next one replaces it
                    await self._save(rnd, incomplete=True, force=True)
                    await self._record_usage(ctx, rnd)
                await asyncio.sleep(delay)
            finally:
                if stream is not None:
                    with suppress(Exception):
                        await asyncio.shield(stream.close())

    # ------------------------------------------------------------------ stream events

    async def _on_event(self, ctx: _Context, rnd: _Round, event: Any) -> None:
        kind = event.type
        if kind == "content_block_delta":
            block = rnd.blocks.get(event.index)
            delta = event.delta
            dkind = delta.type
            if dkind == "text_delta" and isinstance(block, TextState):
                await self._text(ctx, rnd, block, delta.text)
            elif dkind == "input_json_delta" and isinstance(block, ToolState):
                await self._tool_input(ctx, rnd, block, delta.partial_json)
            elif dkind == "thinking_delta" and isinstance(block, ThinkingState):
                block.thinking.append(delta.thinking)
            elif dkind == "signature_delta" and isinstance(block, ThinkingState):
                block.signature += delta.signature
            if rnd.message_id and time.monotonic() - rnd.last_save >= self.engine.save_interval:
                await self._save(rnd, incomplete=True)
        elif kind == "content_block_start":
            rnd.has_content = True
            cb = event.content_block
            btype = cb.type
            if btype == "text":
                state: BlockState = TextState()
                if getattr(cb, "text", ""):
                    rnd.blocks[event.index] = state
                    await self._text(ctx, rnd, state, cb.text)
            elif btype == "tool_use":
                state = ToolState(cb.id, cb.name)
            elif btype == "thinking":
                state = ThinkingState()
                state.thinking.append(getattr(cb, "thinking", "") or "")
                state.signature = getattr(cb, "signature", "") or ""
            elif btype == "redacted_thinking":
                state = ThinkingState(redacted_data=cb.data)
            else:
                state = OtherState(cb.model_dump(mode="json", exclude_none=True))
            rnd.blocks[event.index] = state
        elif kind == "content_block_stop":
            block = rnd.blocks.get(event.index)
            if block is not None:
                await self._block_stop(ctx, rnd, block)
                await self._save(rnd, incomplete=True, force=True)
        elif kind == "message_start":
            message = event.message
            rnd.started = True
            rnd.model = message.model
            _usage(rnd, message.usage)
            if rnd.message_id is None:
                stored = await self.store.add_message(
                    ctx.conversation_id,
                    "assistant",
                    [],
                    model=message.model,
                    incomplete=True,
                    input_tokens=rnd.input_tokens,
                )
                rnd.message_id = stored.id
                ctx.message_ids.append(stored.id)
            rnd.last_save = time.monotonic()
        elif kind == "message_delta":
            rnd.stop_reason = event.delta.stop_reason or rnd.stop_reason
            _usage(rnd, event.usage)

    async def _text(self, ctx: _Context, rnd: _Round, block: TextState, text: str) -> None:
        if not text:
            return
        block.text.append(text)
        await self._segments(ctx, rnd, block, block.scanner.feed(text))

    async def _segments(self, ctx: _Context, rnd: _Round, block: TextState, segments: Iterable[Segment]) -> None:
        for seg in segments:
            if seg.kind == "text":
                block.visible.append(seg.text)
                rnd.visible.append(seg.text)
                await ctx.emit(ev.TextDelta(seg.text, rnd.message_id))
            elif seg.kind == "open":
                ctx.inline_count += 1
                block.inline = InlineArtifact(ctx.inline_count, seg.attrs)
                await self._inline_progress(ctx, block.inline, "")
            elif seg.kind == "content" and block.inline is not None:
                block.inline.content.append(seg.text)
                await self._inline_progress(ctx, block.inline, seg.text)
            elif seg.kind == "close" and block.inline is not None:
                await self._apply_inline(ctx, rnd, block, incomplete=False)
            elif seg.kind == "unclosed" and block.inline is not None:
                await self._apply_inline(ctx, rnd, block, incomplete=True)

    async def _inline_progress(self, ctx: _Context, inline: InlineArtifact, delta: str) -> None:
        attrs = inline.attrs
        identifier = attrs.get("identifier")
        text = inline.content
        await ctx.emit(
            ev.ToolInputProgress(
                inline.progress_id,
                "rewrite" if ctx.catalog.lookup(identifier) else "create",
                identifier,
                ctx.catalog.lookup(identifier),
                attrs.get("title"),
                attrs.get("type"),
                "content",
                text.size,
                delta,
                text,
                text.length,
            )
        )

    async def _apply_inline(self, ctx: _Context, rnd: _Round, block: TextState, *, incomplete: bool) -> Outcome | None:
        inline = block.inline
        block.inline = None
        if inline is None or rnd.message_id is None:
            return None
        if incomplete and not inline.content.length:
            return None
        attrs = inline.attrs
        identifier = attrs.get("identifier") or f"inline-artifact-{inline.number}"
        data = {
            "command": "rewrite" if ctx.catalog.lookup(identifier) else "create",
            "id": identifier,
            "type": attrs.get("type"),
            "title": attrs.get("title"),
            "language": attrs.get("language"),
            "content": inline.content.value,
        }
        outcome, cancelled = await _finish_anyway(
            apply(
                self.store,
                ctx.catalog,
                data,
                conversation_id=ctx.conversation_id,
                message_id=rnd.message_id,
                incomplete=incomplete,
            )
        )
        if cancelled:  # written: record it, then let the cancellation go on
            if outcome.ok:
                block.refs.append(
                    {
                        "type": "artifact_ref",
                        "identifier": identifier,
                        "artifact_id": outcome.artifact_id,
                        "version": outcome.version,
                        "incomplete": incomplete,
                    }
                )
            rnd.applied.append(outcome)
            raise asyncio.CancelledError
        if outcome.ok:
            block.refs.append(
                {
                    "type": "artifact_ref",
                    "identifier": identifier,
                    "artifact_id": outcome.artifact_id,
                    "version": outcome.version,
                    "incomplete": incomplete,
                }
            )
        rnd.applied.append(outcome)
        await self._report(ctx, outcome, inline.progress_id)
        return outcome

    async def _tool_input(self, ctx: _Context, rnd: _Round, block: ToolState, piece: str) -> None:
        meta = block.meta
        for key, text, closed in block.parser.feed(piece):
            if key in STREAM_FIELDS:
                value = block.parser.strings[key]
                await ctx.emit(
                    ev.ToolInputProgress(
                        block.id,
                        meta.get("command"),
                        meta.get("id"),
                        block.artifact_id,
                        block.title or meta.get("title"),
                        meta.get("type"),
                        key,
                        value.size,
                        text,
                        value,
                        value.length,
                    )
                )
            elif closed and key in META_FIELDS:
                meta[key] = block.field(key)
                if key == "id":
                    existing = ctx.catalog.lookup(meta[key])
                    if existing:
                        block.artifact_id = existing
                        with suppress(ArtifactsError):
                            block.title = (await self.store.get(existing)).title

    async def _block_stop(self, ctx: _Context, rnd: _Round, block: BlockState) -> None:
        block.stopped = True
        if isinstance(block, TextState):
            if block.inline is not None:
                # the text ended inside an <antArtifact>: decided when the stop reason is known
                for seg in block.scanner.finish():
                    if seg.kind == "content" and block.inline is not None:
                        block.inline.content.append(seg.text)
                    elif seg.kind == "text":
                        await self._segments(ctx, rnd, block, [seg])
            else:
                await self._segments(ctx, rnd, block, block.scanner.finish())
            return
        if not isinstance(block, ToolState):
            return
        if not block.parser.done and block.parser.error is None:
            return  # cut short (max_tokens): handled when the message ends
        data = block.parser.result()
        block.input = data
        if block.name != TOOL_NAME:
            outcome = Outcome(False, f"there is no tool named {block.name!r}; use {TOOL_NAME!r}", "unknown")
        elif block.parser.error:
            outcome = Outcome(False, f"the tool input could not be read: {block.parser.error}", "unknown")
        else:
            outcome, cancelled = await _finish_anyway(
                apply(
                    self.store,
                    ctx.catalog,
                    data,
                    conversation_id=ctx.conversation_id,
                    message_id=rnd.message_id,
                )
            )
            if cancelled:  # written: record it, then let the cancellation go on
                block.outcome = outcome
                rnd.applied.append(outcome)
                raise asyncio.CancelledError
        block.outcome = outcome
        rnd.applied.append(outcome)
        await self._report(ctx, outcome, block.id)

    async def _report(self, ctx: _Context, outcome: Outcome, tool_use_id: str) -> None:
        if outcome.ok and outcome.artifact_id and outcome.version:
            ctx.changes.append(
                ev.ArtifactChange(
                    outcome.artifact_id,
                    outcome.version,
                    outcome.title or "",
                    outcome.created,
                    outcome.incomplete,
                )
            )
            if outcome.created:
                await ctx.emit(
                    ev.ArtifactCreated(
                        outcome.artifact_id,
                        outcome.version,
                        outcome.title or "",
                        outcome.type or "",
                        outcome.identifier,
                        outcome.incomplete,
                        tool_use_id,
                    )
                )
            else:
                await ctx.emit(
                    ev.ArtifactUpdated(
                        outcome.artifact_id,
                        outcome.version,
                        outcome.title or "",
                        outcome.type or "",
                        outcome.command,
                        outcome.identifier,
                        outcome.incomplete,
                        tool_use_id,
                    )
                )
        elif not outcome.ok:
            await ctx.emit(ev.ToolError(tool_use_id, outcome.command, outcome.message, outcome.artifact_id))

    # ------------------------------------------------------------------ ending a round

    async def _finish(self, ctx: _Context, rnd: _Round) -> _Outcome:
        """The stream ended normally."""
        rnd.finishing = True
        cut = rnd.stop_reason == "max_tokens"
        saved_partial = await self._settle_unfinished(ctx, rnd, "max_tokens" if cut else "incomplete")
        ctx.text.extend(rnd.visible)
        await self._save(rnd, incomplete=cut, force=True, stop_reason=rnd.stop_reason)
        await self._store_results(ctx, rnd)
        await self._record_usage(ctx, rnd)
        stop = rnd.stop_reason
        if cut:
            notice = f"the reply reached the max_tokens limit ({ctx.config.max_tokens})"
            if saved_partial:
                notice += "; the unfinished artifact was saved as an incomplete version: " + ", ".join(saved_partial)
            notice += " — ask Claude to continue, or raise max_tokens (--max-tokens or config.toml)"
            return _Outcome(stop, notice=notice, incomplete=True)
        if stop == "refusal":
            return _Outcome(stop, notice="Claude declined to continue this reply (refusal)")
        tools = any(isinstance(b, ToolState) for b in rnd.blocks.values())
        if (stop == "tool_use" and tools) or stop == "pause_turn":
            return _Outcome(stop, go_on=True)
        return _Outcome(stop)

    async def _interrupt(self, ctx: _Context, rnd: _Round, reason: str, *, resume: bool = False) -> None:
        """The stream stopped early (cancel, error): keep what arrived, marked incomplete."""
        if rnd.message_id is None or not rnd.started or rnd.finishing:
            # nothing arrived in this attempt (an earlier attempt's partial reply, if any, stays
            # stored as it was), or the normal ending is already storing it
            return
        for block in rnd.ordered():
            if isinstance(block, TextState) and not block.stopped and block.inline is not None:
                for seg in block.scanner.finish():
                    if seg.kind == "content":
                        block.inline.content.append(seg.text)
        if resume:
            # drop the unfinished last blocks: the model redoes them in the next round
            for index in [
                i for i, b in rnd.blocks.items() if not b.stopped or (isinstance(b, ToolState) and b.outcome is None)
            ]:
                del rnd.blocks[index]
        else:
            await self._settle_unfinished(ctx, rnd, reason)
        ctx.text.extend(rnd.visible)
        await self._save(rnd, incomplete=True, force=True, stop_reason=reason)
        await self._store_results(ctx, rnd, note=RESUME_NOTE if resume else None)
        await self._record_usage(ctx, rnd)

    async def _settle_unfinished(self, ctx: _Context, rnd: _Round, reason: str) -> list[str]:
        """Artifacts still being written when the reply stopped: a create or rewrite with
        content becomes an incomplete version; anything else is reported as not applied."""
        saved: list[str] = []
        why = {
            "max_tokens": "the reply reached max_tokens",
            "cancelled": "the user cancelled the reply",
        }.get(reason, "the reply was interrupted by an error")
        for block in rnd.ordered():
            if isinstance(block, TextState) and block.inline is not None:
                done = await self._apply_inline(ctx, rnd, block, incomplete=reason != "incomplete")
                if done is not None and done.ok and done.incomplete:
                    saved.append(f"{done.artifact_id} v{done.version}")
            elif isinstance(block, ToolState) and block.outcome is None:
                data = block.parser.snapshot()
                block.input = data
                command = data.get("command")
                if (
                    block.name == TOOL_NAME
                    and command in ("create", "rewrite")
                    and isinstance(data.get("content"), str)
                    and data["content"]
                ):
                    outcome = await apply(
                        self.store,
                        ctx.catalog,
                        data,
                        conversation_id=ctx.conversation_id,
                        message_id=rnd.message_id,
                        incomplete=True,
                    )
                    if outcome.ok:
                        outcome.ok = False  # for the model: the command did not finish
                        outcome.message = (
                            f"Not finished: {why} while this artifact was being written. The partial "
                            f"content was saved as incomplete version {outcome.version} of artifact "
                            f"{outcome.artifact_id}; rewrite it to finish it."
                        )
                        ctx.changes.append(
                            ev.ArtifactChange(
                                outcome.artifact_id or "",
                                outcome.version or 0,
                                outcome.title or "",
                                outcome.created,
                                True,
                            )
                        )
                        await self._emit_partial(ctx, outcome, block.id)
                        saved.append(f"{outcome.artifact_id} v{outcome.version}")
                else:
                    outcome = Outcome(
                        False, f"Not applied: {why} before this tool call was complete.", str(command or "unknown")
                    )
                    await ctx.emit(ev.ToolError(block.id, outcome.command, outcome.message))
                block.outcome = outcome
                rnd.applied.append(outcome)
        return saved

    async def _emit_partial(self, ctx: _Context, outcome: Outcome, tool_use_id: str) -> None:
        if outcome.created:
            await ctx.emit(
                ev.ArtifactCreated(
                    outcome.artifact_id or "",
                    outcome.version or 0,
                    outcome.title or "",
                    outcome.type or "",
                    outcome.identifier,
                    True,
                    tool_use_id,
                )
            )
        else:
            await ctx.emit(
                ev.ArtifactUpdated(
                    outcome.artifact_id or "",
                    outcome.version or 0,
                    outcome.title or "",
                    outcome.type or "",
                    outcome.command,
                    outcome.identifier,
                    True,
                    tool_use_id,
                )
            )

    async def _store_results(self, ctx: _Context, rnd: _Round, note: str | None = None) -> None:
        results = [
            b.outcome.result_block(b.id) for b in rnd.ordered() if isinstance(b, ToolState) and b.outcome is not None
        ]
        if not results:
            return
        if note:
            results.append({"type": "text", "text": note})
        await self.store.add_message(ctx.conversation_id, "user", results)

    async def _save(
        self, rnd: _Round, *, incomplete: bool, force: bool = False, stop_reason: str | None = None
    ) -> None:
        if rnd.message_id is None:
            return
        now = time.monotonic()
        if not force and now - rnd.last_save < self.engine.save_interval:
            return
        rnd.last_save = now
        await self.store.update_message(
            rnd.message_id,
            content=rnd.content(),
            stop_reason=stop_reason,
            incomplete=incomplete,
            input_tokens=rnd.input_tokens,
            output_tokens=rnd.output_tokens,
        )

    async def _record_usage(self, ctx: _Context, rnd: _Round) -> None:
        tokens = (rnd.input_tokens, rnd.output_tokens, rnd.cache_read, rnd.cache_write)
        if not rnd.started or not any(tokens):
            return
        ctx.input_tokens += rnd.input_tokens
        ctx.output_tokens += rnd.output_tokens
        model = rnd.model or ctx.config.model
        touched = list(dict.fromkeys(o.artifact_id for o in rnd.applied if o.artifact_id and o.version))
        shares = _split(tokens, len(touched) or 1)
        for artifact_id, share in zip(touched or [None], shares):
            await self.store.record_usage(
                kind="chat",
                model=model,
                input_tokens=share[0],
                output_tokens=share[1],
                cache_read_tokens=share[2],
                cache_write_tokens=share[3],
                conversation_id=ctx.conversation_id,
                artifact_id=artifact_id,
            )
        await ctx.emit(ev.Usage(model, *tokens))
        rnd.input_tokens = rnd.output_tokens = rnd.cache_read = rnd.cache_write = 0


async def _finish_anyway(coro: Awaitable[T]) -> tuple[T, bool]:
    """Run ``coro`` (a store write) to its end even if the task is cancelled meanwhile, so that
    what was written is known. Returns (result, whether a cancellation arrived)."""
    task = asyncio.ensure_future(coro)
    try:
        return await asyncio.shield(task), False
    except asyncio.CancelledError:
        return await task, True


def _usage(rnd: _Round, usage: Any) -> None:
    if usage is None:
        return
    value = getattr(usage, "input_tokens", None)
    if value is not None:
        rnd.input_tokens = value
    value = getattr(usage, "output_tokens", None)
    if value is not None:
        rnd.output_tokens = value
    value = getattr(usage, "cache_read_input_tokens", None)
    if value is not None:
        rnd.cache_read = value
    value = getattr(usage, "cache_creation_input_tokens", None)
    if value is not None:
        rnd.cache_write = value


def _split(tokens: tuple[int, ...], n: int) -> list[tuple[int, ...]]:
    """``tokens`` shared among ``n`` rows, summing exactly to the totals."""
    rows = []
    for i in range(n):
        rows.append(tuple(t // n + (t % n if i == 0 else 0) for t in tokens))
    return rows


def _reason(failure: Failure) -> str:
    names = {
        "rate_limit": "rate limited",
        "overloaded": "Claude is overloaded",
        "server": "API error",
        "connection": "could not connect",
    }
    return f"{names.get(failure.kind, failure.kind)} ({failure.describe()})"


def _title(prompt: str) -> str:
    line = " ".join(prompt.split())
    return line if len(line) <= 60 else line[:59].rstrip() + "…"


__all__ = ["ChatEngine", "Turn", "TurnResult"]

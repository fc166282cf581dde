"""One user turn: the loop of model calls ("rounds"), their retries, and how each ends.

A turn stores the user's message, then calls the model; the reply streams through the
:class:`~.reduce.Reducer` (tool calls are applied as soon as their block ends); if the model
stopped for tool use, the results go back and the next round starts, up to
``config.max_rounds``. Failures are retried by the model service's policy; what arrived is
kept. See docs/chat.md for the decisions behind it.

Cancelling the task that runs a turn keeps what arrived (marked incomplete) and re-raises.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ArtifactsError, InvalidInput, ModelError, ModelUnavailable
from ..humanize import format_bytes
from ..model import MessageStream, ModelService, RetryPolicy
from ..model.retry import NO_KEY_MESSAGE, Failure, to_error
from ..store import Store
from . import events as ev
from .attachments import describe_conversation_files
from .blocks import ToolState
from .context import context_blocks
from .fix import prepare_fix
from .history import build_messages, mark_cache_breakpoint
from .inline import InlineArtifacts
from .persist import Persister
from .prompt import system_blocks
from .reduce import Reducer
from .state import Emit, Round, RoundEnd, TurnContext
from .tool import Catalog, tool_definition

EventCallback = Callable[[ev.ChatEvent], "Awaitable[None] | None"]
Attachment = Path | str | tuple[str, bytes]

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


class Turn:
    """One user turn. Iterate for events, or ``await run(on_event)`` for the result.

    Made by :meth:`ChatEngine.turn` / :meth:`ChatEngine.fix`."""

    def __init__(
        self,
        store: Store,
        service: ModelService,
        prompt: str | None,
        *,
        config: Config,
        retry: RetryPolicy,
        save_interval: float,
        conversation_id: str | None = None,
        attachments: Sequence[Attachment] = (),
        fix: tuple[str, Any] | None = None,
        keep_unanswered: bool = True,
    ) -> None:
        self.store = store
        self.service = service
        self.prompt = prompt
        self.config = config
        self.retry = retry
        self.conversation_id = conversation_id
        self.attachments = list(attachments)
        self.fix_request = fix
        self.keep_unanswered = keep_unanswered
        self._created_conversation = False
        self.result: TurnResult | None = None
        self._ran = False
        inline = InlineArtifacts(store)
        self.persist = Persister(store, save_interval, inline)
        self.inline = inline
        self.reducer = Reducer(store, self.persist, inline)

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

        if not self.service.has_key():
            error = ModelUnavailable(NO_KEY_MESSAGE)
            await emit(ev.error_event(error))
            await emit(ev.TurnDone(self.conversation_id or "", "error", True, notice=str(error)))
            self.result = TurnResult(self.conversation_id or "", "error", True, error=error)
            return self.result

        ctx = await self._begin(emit)
        try:
            end = await self._loop(ctx)
        except asyncio.CancelledError:
            self.result = _result(ctx, "cancelled", True, None, "the reply was cancelled; what arrived is kept")
            with suppress(Exception):
                await emit(_done(ctx, "cancelled", True, self.result.notice))
            raise
        if end.error is not None:
            await emit(ev.error_event(end.error))
            if self._created_conversation and not self.keep_unanswered and not ctx.message_ids:
                # Nothing arrived: no conversation to announce, only the one-line error.
                await self.store.delete_conversation(ctx.conversation_id)
                ctx.conversation_id = ""
        self.result = _result(ctx, end.stop_reason, end.incomplete, end.error, end.notice)
        await emit(_done(ctx, end.stop_reason, end.incomplete, end.notice))
        return self.result

    # ------------------------------------------------------------------ setting up

    async def _begin(self, emit: Emit) -> TurnContext:
        store = self.store
        prompt = self.prompt
        files = await self._read_attachments()  # before anything is stored: a bad path stores nothing
        if prompt is not None and not prompt.strip() and not files:
            raise InvalidInput("the message is empty")
        if self.fix_request is not None:
            self.conversation_id, prompt = await prepare_fix(store, *self.fix_request, model=self.config.model)
        if self.conversation_id:
            conversation = await store.conversation(self.conversation_id)
        else:
            if prompt is None:
                raise InvalidInput("a new conversation needs a prompt")
            conversation = await store.create_conversation(title=_title(prompt), model=self.config.model)
            self._created_conversation = True
        self.conversation_id = conversation.id
        names = []
        for name, data in files:
            stored_file = await store.attach_file(name, data, conversation_id=conversation.id)
            names.append(f"{stored_file.name} ({format_bytes(stored_file.size)})")
        user_message_id = None
        # The conversation's artifacts, read once: the user's message below adds none (only
        # tool results and inline artifact refs name them).
        earlier = await store.messages(conversation.id)
        linked = [conversation.artifact_id] if conversation.artifact_id else []
        catalog = Catalog.from_blocks((b for m in earlier for b in m.content), linked)
        if prompt is not None:
            # What the model has not seen of those artifacts goes first.
            known = sorted(catalog.known)
            content: list[dict[str, Any]] = await context_blocks(store, earlier, [*linked, *known])
            if prompt.strip():
                content.append({"type": "text", "text": prompt})
            if names:
                content.append({"type": "text", "text": "Attached: " + ", ".join(names)})
            message = await store.add_message(conversation.id, "user", content)
            user_message_id = message.id
        elif not earlier or earlier[-1].role != "user":
            raise InvalidInput("there is no message waiting for an answer in this conversation")
        ctx = TurnContext(conversation.id, self.config, catalog, emit)
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

    async def _loop(self, ctx: TurnContext) -> RoundEnd:
        try:
            await self.service.connect()
        except ModelError as exc:
            return RoundEnd("error", error=exc, incomplete=True)
        files_text = await describe_conversation_files(self.store, ctx.conversation_id)
        system = system_blocks(files_text)
        tools = [tool_definition()]
        end = RoundEnd(None)
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
            }
            if ctx.config.temperature is not None:
                # not a parameter of the SDK any more (current models refuse it); older ones take it
                params["extra_body"] = {"temperature": ctx.config.temperature}
            end = await self._round(ctx, params)
            if not end.go_on:
                return end
        return RoundEnd(
            end.stop_reason,
            incomplete=True,
            notice=f"stopped after {ctx.config.max_rounds} model calls in one turn (the limit); "
            "send a message to let Claude continue",
        )

    async def _round(self, ctx: TurnContext, params: dict[str, Any]) -> RoundEnd:
        policy = self.retry
        message_id: str | None = None
        attempt = 0
        while True:
            attempt += 1
            rnd = Round(message_id=message_id)
            stream: MessageStream | None = None
            try:
                stream = await self.service.stream(params)
                async for event in stream:
                    await self.reducer.on_event(ctx, rnd, event)
                return await self._finish(ctx, rnd)
            except asyncio.CancelledError:
                await asyncio.shield(self._interrupt(ctx, rnd, "cancelled"))
                raise
            except Exception as exc:
                if isinstance(exc, ArtifactsError) and not isinstance(exc, ModelError):
                    await self._interrupt(ctx, rnd, "error")
                    raise
                failure = self.service.classify(exc)
                if failure.kind == "other":  # not the API's doing: a bug to see, after saving
                    await self._interrupt(ctx, rnd, "error")
                    raise
                message_id = rnd.message_id
                ctx.failures += 1
                mid_stream = rnd.started
                if failure.kind == "connection" and mid_stream:
                    error = to_error(failure, mid_stream=True)
                    await self._interrupt(ctx, rnd, "error")
                    return RoundEnd("error", error=error, incomplete=True)
                delay = policy.delay(ctx.failures, failure.retry_after) if failure.retryable else None
                if delay is None:
                    error = to_error(failure, attempts=attempt, model=params["model"], base_url=self.service.base_url)
                    await self._interrupt(ctx, rnd, "error")
                    return RoundEnd("error", error=error, incomplete=True)
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
                    return RoundEnd(None, go_on=True)
                if rnd.started:  # keep this attempt's partial reply until the next one replaces it
                    await self.persist.save(rnd, incomplete=True, force=True)
                    await self.persist.record_usage(ctx, rnd)
                await asyncio.sleep(delay)
            finally:
                if stream is not None:
                    with suppress(Exception):
                        await asyncio.shield(stream.close())

    # ------------------------------------------------------------------ ending a round

    async def _finish(self, ctx: TurnContext, rnd: Round) -> RoundEnd:
        """The stream ended normally."""
        rnd.finishing = True
        cut = rnd.stop_reason == "max_tokens"
        saved_partial = await self.persist.settle_unfinished(ctx, rnd, "max_tokens" if cut else "incomplete")
        ctx.text.extend(rnd.visible)
        await self.persist.save(rnd, incomplete=cut, force=True, stop_reason=rnd.stop_reason)
        await self.persist.store_results(ctx, rnd)
        await self.persist.record_usage(ctx, rnd)
        stop = rnd.stop_reason
        if cut:
            notice = f"the reply reached the max_tokens limit ({ctx.config.max_tokens})"
            if saved_partial:
                notice += "; the unfinished artifact was saved as an incomplete version: " + ", ".join(saved_partial)
            notice += " — ask Claude to continue, or raise max_tokens (--max-tokens or config.toml)"
            return RoundEnd(stop, notice=notice, incomplete=True)
        if stop == "refusal":
            return RoundEnd(stop, notice="Claude declined to continue this reply (refusal)")
        tools = any(isinstance(b, ToolState) for b in rnd.blocks.values())
        if (stop == "tool_use" and tools) or stop == "pause_turn":
            return RoundEnd(stop, go_on=True)
        return RoundEnd(stop)

    async def _interrupt(self, ctx: TurnContext, rnd: Round, reason: str, *, resume: bool = False) -> None:
        """The stream stopped early (cancel, error): keep what arrived, marked incomplete."""
        if rnd.message_id is None or not rnd.started or rnd.finishing:
            # nothing arrived in this attempt (an earlier attempt's partial reply, if any, stays
            # stored as it was), or the normal ending is already storing it
            return
        self.inline.take_held_back(rnd)
        if resume:
            # drop the unfinished last blocks: the model redoes them in the next round
            for index in [
                i for i, b in rnd.blocks.items() if not b.stopped or (isinstance(b, ToolState) and b.outcome is None)
            ]:
                del rnd.blocks[index]
        else:
            await self.persist.settle_unfinished(ctx, rnd, reason)
        ctx.text.extend(rnd.visible)
        await self.persist.save(rnd, incomplete=True, force=True, stop_reason=reason)
        await self.persist.store_results(ctx, rnd, note=RESUME_NOTE if resume else None)
        await self.persist.record_usage(ctx, rnd)


def _result(
    ctx: TurnContext, stop: str | None, incomplete: bool, error: ModelError | None, notice: str | None
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


def _done(ctx: TurnContext, stop: str | None, incomplete: bool, notice: str | None) -> ev.TurnDone:
    return ev.TurnDone(ctx.conversation_id, stop, incomplete, tuple(ctx.changes), tuple(ctx.message_ids), notice)


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

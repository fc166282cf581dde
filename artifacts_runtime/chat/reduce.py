"""Reducing the raw stream of one reply into content blocks, acting on each as it completes.

The events are the SDK's raw stream events (``messages.create(stream=True)``; see docs/chat.md
for why not the SDK's ``MessageStream``). Text goes through the ``<antArtifact>`` scanner
(:mod:`.inline`); tool input through the incremental parser, reported as
:class:`~.events.ToolInputProgress` per delta; a tool call is applied as soon as its block
ends. This is the per-delta hot path (``bench/chat_bench.py``): no work here grows with the
size of what streamed so far.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import suppress

from ..errors import ArtifactsError
from ..model import StreamEvent
from ..store import Store
from . import events as ev
from .blocks import BlockState, OtherState, TextState, ThinkingState, ToolState
from .inline import InlineArtifacts
from .persist import Persister, read_usage
from .state import Round, TurnContext, finish_anyway
from .tool import TOOL_NAME, Outcome, apply

STREAM_FIELDS = ("content", "old_str", "new_str")
META_FIELDS = ("command", "id", "type", "title")


class Reducer:
    """Feeds one turn's stream events into its rounds."""

    def __init__(self, store: Store, persist: Persister, inline: InlineArtifacts) -> None:
        self.store = store
        self.persist = persist
        self.inline = inline

    async def on_event(self, ctx: TurnContext, rnd: Round, event: StreamEvent) -> None:
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
            # the throttle of Persister.save, checked here first: this runs at every delta
            if rnd.message_id and time.monotonic() - rnd.last_save >= self.persist.save_interval:
                await self.persist.save(rnd, incomplete=True)
        elif kind == "content_block_start":
            rnd.has_content = True
            cb = event.content_block
            btype = cb.type
            state: BlockState
            if btype == "text":
                state = TextState()
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
            stopped = rnd.blocks.get(event.index)
            if stopped is not None:
                await self._block_stop(ctx, rnd, stopped)
                await self.persist.save(rnd, incomplete=True, force=True)
        elif kind == "message_start":
            message = event.message
            rnd.started = True
            rnd.model = message.model
            read_usage(rnd, message.usage)
            await self.persist.start_message(ctx, rnd, message.model)
        elif kind == "message_delta":
            rnd.stop_reason = event.delta.stop_reason or rnd.stop_reason
            read_usage(rnd, event.usage)

    async def _text(self, ctx: TurnContext, rnd: Round, block: TextState, text: str) -> None:
        if not text:
            return
        block.text.append(text)
        await self.inline.segments(ctx, rnd, block, block.scanner.feed(text))

    async def _tool_input(self, ctx: TurnContext, rnd: Round, block: ToolState, piece: str) -> None:
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

    async def _block_stop(self, ctx: TurnContext, rnd: Round, block: BlockState) -> None:
        block.stopped = True
        if isinstance(block, TextState):
            await self.inline.text_stopped(ctx, rnd, block)
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
            outcome, cancelled = await finish_anyway(
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
        await ctx.report(outcome, block.id)

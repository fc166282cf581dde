"""Storing a reply as it streams: the assistant message (created at ``message_start``, rewritten
at each block's end and at most every ``save_interval`` seconds), the tool results, the usage
of each model call (split evenly among the artifacts it touched), and — when a reply stops
early — the artifacts still being written, as incomplete versions."""

from __future__ import annotations

import time
from typing import Any

from ..store import Store
from . import events as ev
from .blocks import TextState, ToolState
from .inline import InlineArtifacts
from .state import Round, TurnContext
from .tool import TOOL_NAME, Outcome, apply


class Persister:
    """Writes one turn's messages, versions and usage to ``store``."""

    def __init__(self, store: Store, save_interval: float, inline: InlineArtifacts) -> None:
        self.store = store
        self.save_interval = save_interval
        self.inline = inline

    async def start_message(self, ctx: TurnContext, rnd: Round, model: str) -> None:
        """The reply began: store it (incomplete) so that what arrives is never lost."""
        if rnd.message_id is None:
            stored = await self.store.add_message(
                ctx.conversation_id,
                "assistant",
                [],
                model=model,
                incomplete=True,
                input_tokens=rnd.input_tokens,
            )
            rnd.message_id = stored.id
            ctx.message_ids.append(stored.id)
        rnd.last_save = time.monotonic()

    async def save(self, rnd: Round, *, incomplete: bool, force: bool = False, stop_reason: str | None = None) -> None:
        if rnd.message_id is None:
            return
        now = time.monotonic()
        if not force and now - rnd.last_save < self.save_interval:
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

    async def store_results(self, ctx: TurnContext, rnd: Round, note: str | None = None) -> None:
        """The round's tool results, as the user message that answers it."""
        results = [
            b.outcome.result_block(b.id) for b in rnd.ordered() if isinstance(b, ToolState) and b.outcome is not None
        ]
        if not results:
            return
        if note:
            results.append({"type": "text", "text": note})
        await self.store.add_message(ctx.conversation_id, "user", results)

    async def record_usage(self, ctx: TurnContext, rnd: Round) -> None:
        """One usage row per artifact the call touched (or one without), then a Usage event."""
        tokens = (rnd.input_tokens, rnd.output_tokens, rnd.cache_read, rnd.cache_write)
        if not rnd.started or not any(tokens):
            return
        ctx.input_tokens += rnd.input_tokens
        ctx.output_tokens += rnd.output_tokens
        model = rnd.model or ctx.config.model
        touched = list(dict.fromkeys(o.artifact_id for o in rnd.applied if o.artifact_id and o.version))
        shares = split_tokens(tokens, len(touched) or 1)
        targets: list[str | None] = list(touched) or [None]
        for artifact_id, share in zip(targets, shares, strict=True):
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

    async def settle_unfinished(self, ctx: TurnContext, rnd: Round, reason: str) -> list[str]:
        """Artifacts still being written when the reply stopped: a create or rewrite with
        content becomes an incomplete version; anything else is reported as not applied.
        Returns "ID vN" of each version saved."""
        saved: list[str] = []
        why = {
            "max_tokens": "the reply reached max_tokens",
            "cancelled": "the user cancelled the reply",
        }.get(reason, "the reply was interrupted by an error")
        for block in rnd.ordered():
            if isinstance(block, TextState) and block.inline is not None:
                done = await self.inline.apply(ctx, rnd, block, incomplete=reason != "incomplete")
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
                        ctx.changes.append(ev.artifact_change(outcome, incomplete=True))
                        await ctx.emit(ev.artifact_event(outcome, block.id, incomplete=True))
                        saved.append(f"{outcome.artifact_id} v{outcome.version}")
                else:
                    outcome = Outcome(
                        False, f"Not applied: {why} before this tool call was complete.", str(command or "unknown")
                    )
                    await ctx.emit(ev.ToolError(block.id, outcome.command, outcome.message))
                block.outcome = outcome
                rnd.applied.append(outcome)
        return saved


def read_usage(rnd: Round, usage: Any) -> None:
    """Take the token counts the API gave (``message_start``, ``message_delta``) into ``rnd``."""
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


def split_tokens(tokens: tuple[int, ...], n: int) -> list[tuple[int, ...]]:
    """``tokens`` shared among ``n`` rows, summing exactly to the totals."""
    rows = []
    for i in range(n):
        rows.append(tuple(t // n + (t % n if i == 0 else 0) for t in tokens))
    return rows

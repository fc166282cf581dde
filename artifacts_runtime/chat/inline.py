"""Inline ``<antArtifact>`` blocks in the reply's text, applied as commands of the tool.

:mod:`.antartifact` splits the streamed text into segments; this module acts on them: visible
text becomes :class:`~.events.TextDelta`, an opening tag starts an artifact whose content is
reported as :class:`~.events.ToolInputProgress`, and the close (or the text ending inside it)
applies it as a ``create`` (or a ``rewrite`` of an identifier the conversation knows), with an
``artifact_ref`` block kept next to the text so the next turn knows the identifier.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from ..store import Store
from . import events as ev
from .antartifact import Segment
from .blocks import InlineArtifact, TextState
from .state import Round, TurnContext, finish_anyway
from .tool import Outcome, apply


class InlineArtifacts:
    """Acts on the scanner's segments of one turn's text blocks."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def segments(self, ctx: TurnContext, rnd: Round, block: TextState, segments: Iterable[Segment]) -> None:
        for seg in segments:
            if seg.kind == "text":
                block.visible.append(seg.text)
                rnd.visible.append(seg.text)
                await ctx.emit(ev.TextDelta(seg.text, rnd.message_id))
            elif seg.kind == "open":
                ctx.inline_count += 1
                block.inline = InlineArtifact(ctx.inline_count, seg.attrs)
                await self.progress(ctx, block.inline, "")
            elif seg.kind == "content" and block.inline is not None:
                block.inline.content.append(seg.text)
                await self.progress(ctx, block.inline, seg.text)
            elif seg.kind == "close" and block.inline is not None:
                await self.apply(ctx, rnd, block, incomplete=False)
            elif seg.kind == "unclosed" and block.inline is not None:
                await self.apply(ctx, rnd, block, incomplete=True)

    async def text_stopped(self, ctx: TurnContext, rnd: Round, block: TextState) -> None:
        """The text block ended. Inside an artifact, what it holds waits for the stop reason."""
        if block.inline is not None:
            for seg in block.scanner.finish():
                if seg.kind == "content" and block.inline is not None:
                    block.inline.content.append(seg.text)
                elif seg.kind == "text":
                    await self.segments(ctx, rnd, block, [seg])
        else:
            await self.segments(ctx, rnd, block, block.scanner.finish())

    @staticmethod
    def take_held_back(rnd: Round) -> None:
        """The reply stopped early: what the scanners held back joins the open artifacts."""
        for block in rnd.ordered():
            if isinstance(block, TextState) and not block.stopped and block.inline is not None:
                for seg in block.scanner.finish():
                    if seg.kind == "content":
                        block.inline.content.append(seg.text)

    async def progress(self, ctx: TurnContext, inline: InlineArtifact, delta: str) -> None:
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

    async def apply(self, ctx: TurnContext, rnd: Round, block: TextState, *, incomplete: bool) -> Outcome | None:
        """Store the block's open inline artifact as a version (``incomplete`` when cut short)."""
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
        outcome, cancelled = await finish_anyway(
            apply(
                self.store,
                ctx.catalog,
                data,
                conversation_id=ctx.conversation_id,
                message_id=rnd.message_id,
                incomplete=incomplete,
            )
        )
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
        if cancelled:  # written: recorded above, now let the cancellation go on
            raise asyncio.CancelledError
        await ctx.report(outcome, inline.progress_id)
        return outcome

"""What a turn carries while it runs: the per-turn context and the state of one model call.

Plain records, shared by the round loop (:mod:`.turn`), the stream reduction (:mod:`.reduce`),
inline artifacts (:mod:`.inline`) and persistence (:mod:`.persist`), so none of those needs
another to hold its data.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..config import Config
from ..errors import ModelError
from . import events as ev
from .blocks import BlockState
from .tool import Catalog, Outcome

T = TypeVar("T")
Emit = Callable[[ev.ChatEvent], Awaitable[None]]


@dataclass
class Round:
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
class RoundEnd:
    """How a round ended, for the turn loop."""

    stop_reason: str | None
    go_on: bool = False
    error: ModelError | None = None
    notice: str | None = None
    incomplete: bool = False


class TurnContext:
    """What one turn carries from round to round."""

    def __init__(self, conversation_id: str, config: Config, catalog: Catalog, emit: Emit) -> None:
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

    async def report(self, outcome: Outcome, tool_use_id: str, *, incomplete: bool | None = None) -> None:
        """An applied command becomes a change of the turn and an event; a refused one a
        :class:`~.events.ToolError`."""
        if outcome.ok and outcome.artifact_id and outcome.version:
            self.changes.append(ev.artifact_change(outcome, incomplete=incomplete))
            await self.emit(ev.artifact_event(outcome, tool_use_id, incomplete=incomplete))
        elif not outcome.ok:
            await self.emit(ev.ToolError(tool_use_id, outcome.command, outcome.message, outcome.artifact_id))


async def finish_anyway(coro: Awaitable[T]) -> tuple[T, bool]:
    """Run ``coro`` (a store write) to its end even if the task is cancelled meanwhile, so that
    what was written is known. Returns (result, whether a cancellation arrived)."""
    task = asyncio.ensure_future(coro)
    try:
        return await asyncio.shield(task), False
    except asyncio.CancelledError:
        return await task, True

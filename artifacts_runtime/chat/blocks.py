"""The content blocks of one streamed reply, as they grow.

Each block keeps its pieces without copying (see :class:`~.stream_parser.GrowingText`);
``to_block()`` gives the API-shaped dict stored in the message (cost: the block's size, so it
is called when saving, which is throttled, not per delta).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .antartifact import AntArtifactScanner
from .stream_parser import GrowingText, PartialObject
from .tool import Outcome


@dataclass
class InlineArtifact:
    """An ``<antArtifact>`` being written in a text block."""

    number: int
    attrs: dict[str, str]
    content: GrowingText = field(default_factory=GrowingText)

    @property
    def progress_id(self) -> str:
        return f"inline-{self.number}"


class TextState:
    kind = "text"

    def __init__(self) -> None:
        self.text = GrowingText()
        self.visible = GrowingText()
        self.scanner = AntArtifactScanner()
        self.inline: InlineArtifact | None = None
        self.refs: list[dict[str, Any]] = []  # artifact_ref blocks for inline artifacts
        self.stopped = False

    def to_blocks(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{"type": "text", "text": self.text.value}]
        return out + self.refs


class ToolState:
    kind = "tool_use"

    def __init__(self, tool_use_id: str, name: str) -> None:
        self.id = tool_use_id
        self.name = name
        self.parser = PartialObject()
        self.input: dict[str, Any] | None = None  # the final input, once the block stopped
        self.stopped = False
        self.outcome: Outcome | None = None
        self.artifact_id: str | None = None  # the existing artifact it edits, once known
        self.meta: dict[str, str | None] = {}  # command, id, type, title once each has arrived
        self.title: str | None = None

    @property
    def complete(self) -> bool:
        return self.stopped and self.parser.done and self.parser.error is None

    def field(self, key: str) -> str | None:
        value = self.parser.get(key)
        return value if isinstance(value, str) else None

    def to_blocks(self) -> list[dict[str, Any]]:
        data = self.input if self.input is not None else self.parser.snapshot()
        return [{"type": "tool_use", "id": self.id, "name": self.name, "input": data}]


class ThinkingState:
    kind = "thinking"

    def __init__(self, redacted_data: str | None = None) -> None:
        self.thinking = GrowingText()
        self.signature = ""
        self.redacted_data = redacted_data
        self.stopped = False

    def to_blocks(self) -> list[dict[str, Any]]:
        if self.redacted_data is not None:
            return [{"type": "redacted_thinking", "data": self.redacted_data}]
        return [{"type": "thinking", "thinking": self.thinking.value, "signature": self.signature}]


class OtherState:
    """A block type the engine does not act on (kept in the transcript as it came)."""

    kind = "other"

    def __init__(self, block: dict[str, Any]) -> None:
        self.block = block
        self.stopped = False

    def to_blocks(self) -> list[dict[str, Any]]:
        return [self.block]


BlockState = TextState | ToolState | ThinkingState | OtherState

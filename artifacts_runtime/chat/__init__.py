"""Chat with Claude: streamed conversations that create and edit artifacts.

Importing this package does not import ``anthropic`` (about 2 s here): the client is made on
the first model call, by :class:`artifacts_runtime.model.ModelService` (the Workspace builds it).

- :class:`ChatEngine` / :class:`Turn` / :class:`TurnResult` — the conversation engine.
- :mod:`.events` — what a turn reports (text deltas, tool progress, artifacts, errors…).
- :class:`RuntimeErrorReport` — for ``engine.fix(artifact_id, report)`` ("Fix with Claude").
"""

from __future__ import annotations

from ..model import RetryPolicy  # re-exported: tests and callers tune the chat's retries
from . import events
from .engine import ChatEngine
from .events import (
    ArtifactChange,
    ArtifactCreated,
    ArtifactUpdated,
    ChatEvent,
    Error,
    Retrying,
    TextDelta,
    ToolError,
    ToolInputProgress,
    TurnDone,
    TurnStarted,
    Usage,
)
from .fix import RuntimeErrorReport
from .turn import Turn, TurnResult

__all__ = [
    "ArtifactChange",
    "ArtifactCreated",
    "ArtifactUpdated",
    "ChatEngine",
    "ChatEvent",
    "Error",
    "RetryPolicy",
    "Retrying",
    "RuntimeErrorReport",
    "TextDelta",
    "ToolError",
    "ToolInputProgress",
    "Turn",
    "TurnDone",
    "TurnResult",
    "TurnStarted",
    "Usage",
    "events",
]

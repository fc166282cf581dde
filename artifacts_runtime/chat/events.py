"""What a chat turn reports while it runs.

A turn yields these in order: :class:`TurnStarted`; then, per model call ("round"), any of
:class:`TextDelta`, :class:`ToolInputProgress`, :class:`ArtifactCreated` /
:class:`ArtifactUpdated`, :class:`ToolError`, :class:`Retrying`, :class:`Usage`; maybe an
:class:`Error`; always a final :class:`TurnDone`. Match on the classes; each also has
``event_type`` (a stable name) and ``to_json()`` (what ``artifacts chat --json`` prints, one
object per line). The JSON's discriminator is ``"type"``, as in the event hub's and the preview
protocol's messages; an event's own ``type`` field (the artifact's type) is ``"artifact_type"``
there.

The builders at the end (:func:`artifact_event`, :func:`artifact_change`, :func:`error_event`)
are the one place each event is made from what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import ModelError
from .stream_parser import GrowingText
from .tool import Outcome


@dataclass(frozen=True)
class ChatEvent:
    event_type: ClassVar[str] = "event"

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        if "type" in data:  # the artifact's type; "type" names the event
            data["artifact_type"] = data.pop("type")
        return {"type": self.event_type, **data}


@dataclass(frozen=True)
class TurnStarted(ChatEvent):
    """The user's message is stored; ``conversation_id`` is known (new or continued)."""

    event_type: ClassVar[str] = "turn_started"
    conversation_id: str
    user_message_id: str | None
    model: str


@dataclass(frozen=True)
class TextDelta(ChatEvent):
    """More of the reply's visible text (inline ``<antArtifact>`` content is not included)."""

    event_type: ClassVar[str] = "text"
    text: str
    message_id: str | None = None


@dataclass(frozen=True)
class ToolInputProgress(ChatEvent):
    """An artifact being written: a tool call's input (or an inline ``<antArtifact>``) grew.

    ``field_name`` is the field streaming: ``content`` (create, rewrite), ``old_str`` then
    ``new_str`` (update). ``size`` is its UTF-8 bytes so far, ``delta`` what this event added,
    and ``content`` the whole field as of this event: it costs O(size), so read it on a timer
    (a preview), not at every event.
    ``artifact_id`` is known for an existing artifact (update, rewrite), else None until created.
    """

    event_type: ClassVar[str] = "tool_progress"
    tool_use_id: str
    command: str | None
    identifier: str | None
    artifact_id: str | None
    title: str | None
    type: str | None
    field_name: str | None
    size: int
    delta: str = ""
    _text: GrowingText | None = field(default=None, repr=False, compare=False)
    _length: int = field(default=0, repr=False, compare=False)

    @property
    def content(self) -> str:
        if self._text is None:
            return ""
        return self._text.prefix(self._length)

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data.pop("delta", None)  # --json shows progress, not the whole artifact again
        return data


@dataclass(frozen=True)
class ArtifactCreated(ChatEvent):
    event_type: ClassVar[str] = "artifact_created"
    artifact_id: str
    version: int
    title: str
    type: str
    identifier: str | None = None
    incomplete: bool = False
    tool_use_id: str | None = None


@dataclass(frozen=True)
class ArtifactUpdated(ChatEvent):
    """A new version of an existing artifact (``command`` is update or rewrite)."""

    event_type: ClassVar[str] = "artifact_updated"
    artifact_id: str
    version: int
    title: str
    type: str
    command: str
    identifier: str | None = None
    incomplete: bool = False
    tool_use_id: str | None = None


@dataclass(frozen=True)
class ToolError(ChatEvent):
    """A command could not be applied; the model was told why (and may try again)."""

    event_type: ClassVar[str] = "tool_error"
    tool_use_id: str
    command: str | None
    message: str
    artifact_id: str | None = None


@dataclass(frozen=True)
class Retrying(ChatEvent):
    """A model call failed with something passing (429, 529, overloaded); waiting ``delay``
    seconds before attempt ``attempt`` of ``max_attempts``. When ``discarded`` is True the
    visible text of the failed attempt is replaced by what the next attempt streams."""

    event_type: ClassVar[str] = "retrying"
    attempt: int
    max_attempts: int
    delay: float
    reason: str
    discarded: bool = False


@dataclass(frozen=True)
class Usage(ChatEvent):
    """Tokens of one model call (recorded in the store as well)."""

    event_type: ClassVar[str] = "usage"
    model: str
    input_tokens: int
    output_tokens: int
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0


@dataclass(frozen=True)
class Error(ChatEvent):
    """The turn failed. ``message`` says what to do; ``error`` is the typed exception."""

    event_type: ClassVar[str] = "error"
    message: str
    error: ModelError | None = field(default=None, compare=False)
    error_class: str = ""
    status: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.event_type,
            "message": self.message,
            "error_class": self.error_class,
            "status": self.status,
        }


@dataclass(frozen=True)
class ArtifactChange:
    artifact_id: str
    version: int
    title: str
    created: bool
    incomplete: bool = False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class TurnDone(ChatEvent):
    """The turn ended. ``stop_reason``: the API's last (``end_turn``, ``max_tokens`` …) or ours
    (``cancelled``, ``error``, ``max_rounds``). ``notice`` explains an unusual ending."""

    event_type: ClassVar[str] = "turn_done"
    conversation_id: str
    stop_reason: str | None
    incomplete: bool
    artifacts: tuple[ArtifactChange, ...] = ()
    message_ids: tuple[str, ...] = ()
    notice: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data["artifacts"] = [a.to_json() for a in self.artifacts]
        data["message_ids"] = list(self.message_ids)
        return data


# ---------------------------------------------------------------------------- builders


def artifact_change(outcome: Outcome, *, incomplete: bool | None = None) -> ArtifactChange:
    """The change an applied command made, for :class:`TurnDone` and the turn's result."""
    return ArtifactChange(
        outcome.artifact_id or "",
        outcome.version or 0,
        outcome.title or "",
        outcome.created,
        outcome.incomplete if incomplete is None else incomplete,
    )


def artifact_event(
    outcome: Outcome, tool_use_id: str, *, incomplete: bool | None = None
) -> ArtifactCreated | ArtifactUpdated:
    """:class:`ArtifactCreated` or :class:`ArtifactUpdated` for an applied command."""
    done = outcome.incomplete if incomplete is None else incomplete
    if outcome.created:
        return ArtifactCreated(
            outcome.artifact_id or "",
            outcome.version or 0,
            outcome.title or "",
            outcome.type or "",
            outcome.identifier,
            done,
            tool_use_id,
        )
    return ArtifactUpdated(
        outcome.artifact_id or "",
        outcome.version or 0,
        outcome.title or "",
        outcome.type or "",
        outcome.command,
        outcome.identifier,
        done,
        tool_use_id,
    )


def error_event(error: ModelError) -> Error:
    return Error(str(error), error, type(error).__name__, error.status)

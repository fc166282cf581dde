"""Messages that carry the app's flow between widgets.

A pane never reaches into another: it posts one of these, the main screen routes it. Tests
watch them too (a search posts ``LibraryUpdated``; a chat turn posts ``ArtifactChanged``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.chat.events import ToolInputProgress

#: An event of the runtime's EventHub (``{"type": "artifact.updated", "artifact_id": …}``).
HubEvent = dict[str, Any]


class WorkspaceReady(Message):
    """The library is open (posted to the screen once, after the first paint)."""


class WorkspaceFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class RuntimeEvent(Message):
    """Something happened in the runtime (the store, an open preview): the EventHub's dict."""

    def __init__(self, event: HubEvent) -> None:
        super().__init__()
        self.event = event

    @property
    def kind(self) -> str:
        return str(self.event.get("type", ""))

    @property
    def artifact_id(self) -> str | None:
        artifact_id = self.event.get("artifact_id")
        return artifact_id if isinstance(artifact_id, str) else None


class ArtifactSelected(Message):
    """The current artifact changed (the library's cursor, a chat's new artifact…)."""

    def __init__(self, artifact_id: str | None, *, focus: bool = False) -> None:
        super().__init__()
        self.artifact_id = artifact_id
        #: Also show the inspector (Enter in the library) rather than just follow the cursor.
        self.focus = focus


class CatalogEntrySelected(Message):
    """The library's cursor rests on a catalog entry: the inspector shows its code, read-only."""

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref  # "catalog:SLUG"


class RemixRequested(Message):
    """Copy the catalog entry ``ref`` into the library (from the inspector's ``m``)."""

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref


class ArtifactChanged(Message):
    """A chat turn created or changed an artifact."""

    def __init__(self, artifact_id: str, version: int, *, created: bool) -> None:
        super().__init__()
        self.artifact_id = artifact_id
        self.version = version
        self.created = created


class LibraryUpdated(Message):
    """The library list shows new rows (after a search keystroke, a filter, an event)."""

    def __init__(self, query: str, count: int, generation: int) -> None:
        super().__init__()
        self.query = query
        self.count = count
        self.generation = generation


class LiveArtifact:
    """An artifact as the model writes it; the chat pane keeps it up to date."""

    def __init__(self, tool_use_id: str) -> None:
        self.tool_use_id = tool_use_id
        self.title: str | None = None
        self.type: str | None = None
        self.size = 0
        self.artifact_id: str | None = None
        self.command: str | None = None
        self._event: ToolInputProgress | None = None

    def update(self, event: ToolInputProgress) -> None:
        """Take the newest ToolInputProgress event."""
        self._event = event
        self.title = event.title or self.title
        self.type = event.type or self.type
        self.size = event.size
        self.artifact_id = event.artifact_id or self.artifact_id
        self.command = event.command or self.command

    def content(self) -> str:
        """The text so far (costs O(size): read it on a timer, not per event)."""
        return self._event.content if self._event is not None else ""


class StreamingArtifact(Message):
    """An artifact is being written by the model: the inspector may follow it live."""

    def __init__(self, live: LiveArtifact) -> None:
        super().__init__()
        self.live = live

    @property
    def artifact_id(self) -> str | None:
        return self.live.artifact_id


class StreamingFinished(Message):
    """The artifact being written is done (or the reply ended)."""


class ShowView(Message):
    """Show one of the views (library, chat, inspector) and focus it: a pane asks, the screen
    does it (a palette command of a pane shows that pane first)."""

    def __init__(self, view: str, *, focus: bool = True, then: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.view = view
        self.focus = focus
        #: What to do once the view shows (a palette command's action).
        self.then = then


class OpenPreview(Message):
    """Open the preview of an artifact (a pane asks, the app does it)."""

    def __init__(self, artifact_id: str) -> None:
        super().__init__()
        self.artifact_id = artifact_id


class FixWithClaude(Message):
    """Send an artifact's runtime error to Claude (the chat pane runs the turn)."""

    def __init__(self, artifact_id: str, report: dict[str, Any]) -> None:
        super().__init__()
        self.artifact_id = artifact_id
        self.report = report


class ChatAbout(Message):
    """Continue an artifact's conversation in the chat pane."""

    def __init__(self, artifact_id: str) -> None:
        super().__init__()
        self.artifact_id = artifact_id


class TurnFinished(Message):
    """A chat turn ended (done, cancelled or failed)."""

    def __init__(self, conversation_id: str | None, stop_reason: str | None) -> None:
        super().__init__()
        self.conversation_id = conversation_id
        self.stop_reason = stop_reason

"""The main screen: library | chat | inspector side by side in a wide terminal; in a narrow one
the same panes as views, one at a time (F2, F3, F4 switch; so does clicking the top bar).

It owns no data: it routes the panes' messages (Harlequin's habit) — a selection in the
library goes to the inspector, an artifact made in the chat is selected in both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..messages import (
    ArtifactChanged,
    ArtifactSelected,
    ChatAbout,
    FixWithClaude,
    LibraryUpdated,
    OpenPreview,
    RuntimeEvent,
    StreamingArtifact,
    StreamingFinished,
    TurnFinished,
    WorkspaceReady,
)
from ..widgets.top_bar import TopBar

if TYPE_CHECKING:  # pragma: no cover
    from ..widgets.chat import ChatPane
    from ..widgets.inspector import InspectorPane
    from ..widgets.library import LibraryPane

WIDE = 120  # columns from which all three panes show
MEDIUM = 96  # from here: the library and one of chat / inspector
PANES = ("library", "chat", "inspector")
PANE_TITLES = {"library": "Library [dim]F2[/]", "chat": "Chat [dim]F3[/]", "inspector": "Inspector [dim]F4[/]"}
FOLLOW_DELAY = 0.06  # seconds the library's cursor rests before the inspector follows it


def layout_for(width: int) -> str:
    if width >= WIDE:
        return "wide"
    if width >= MEDIUM:
        return "medium"
    return "narrow"


class MainScreen(Screen[None]):
    view: reactive[str] = reactive("library", init=False)
    layout_mode: reactive[str] = reactive("wide", init=False)

    def __init__(self) -> None:
        super().__init__(id="main")
        self.second = "chat"  # in the medium layout: which of chat / inspector shows
        self._select_after_reload: str | None = None
        self._follow_timer: Any = None
        self.built = False
        self._pending_inspect: str | None = None

    def compose(self) -> ComposeResult:
        # The first paint is this frame only: the panes' contents (and the modules behind
        # them) come right after it, in ``build_panes``. Classes and visibility are decided
        # here, before mounting: changing them afterwards restyles every pane.
        mode = layout_for(self.app.size.width)
        self.set_reactive(MainScreen.layout_mode, mode)
        yield TopBar(id="top-bar")
        with Horizontal(id="panes", classes=f"-{mode}"):
            for name, title in PANE_TITLES.items():
                frame = Vertical(id=name, classes="pane")
                frame.border_title = title
                frame.display = self._visible(name, mode)
                yield frame
        yield Footer(id="footer", compact=True)

    async def build_library(self) -> None:
        """Mount the library into its frame (right after the first paint)."""
        from ..widgets.library import LibraryPane

        await self.pane("library").mount(LibraryPane())
        self.library.table.focus()

    async def build_others(self) -> None:
        """Mount the chat and the inspector (once the library shows its first page)."""
        from ..widgets.chat import ChatPane
        from ..widgets.inspector import InspectorPane

        await self.pane("chat").mount(ChatPane())
        await self.pane("inspector").mount(InspectorPane())
        self.built = True
        if self._pending_inspect is not None:
            self._inspect(self._pending_inspect)

    def _visible(self, name: str, mode: str) -> bool:
        if mode == "wide":
            return True
        if mode == "medium":
            return name == "library" or name == self.second
        return name == self.view

    # ------------------------------------------------------------------ access

    @property
    def library(self) -> LibraryPane:
        return self.query_one("LibraryPane")  # type: ignore[return-value]

    @property
    def chat(self) -> ChatPane:
        return self.query_one("ChatPane")  # type: ignore[return-value]

    @property
    def inspector(self) -> InspectorPane:
        return self.query_one("InspectorPane")  # type: ignore[return-value]

    def pane(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    # ------------------------------------------------------------------ layout

    def on_resize(self, event: Resize) -> None:
        mode = layout_for(event.size.width)
        if mode != self.layout_mode:
            self.layout_mode = mode

    def watch_layout_mode(self) -> None:
        self._apply_layout()

    def watch_view(self, view: str) -> None:
        if view in ("chat", "inspector"):
            self.second = view
        self.query_one(TopBar).view = view
        self._apply_layout()

    def _apply_layout(self) -> None:
        mode = self.layout_mode
        panes = self.query_one("#panes")
        for name in ("wide", "medium", "narrow"):
            panes.set_class(mode == name, f"-{name}")
        for name in PANES:
            pane = self.pane(name)
            visible = self._visible(name, mode)
            if pane.display != visible:
                pane.display = visible

    def show_view(self, name: str, *, focus: bool = True) -> None:
        self.view = name
        self._apply_layout()
        if focus and self.built:
            self._focus_view(name)

    def _focus_view(self, name: str) -> None:
        if name == "library":
            self.library.table.focus()
        elif name == "chat":
            self.chat.focus_prompt()
        else:
            self.inspector.focus_current()

    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        node: Any = event.widget
        while node is not None and node is not self:
            if getattr(node, "id", None) in PANES:
                if self.view != node.id:
                    self.view = node.id
                return
            node = node.parent

    @on(TopBar.ViewPicked)
    def _view_picked(self, event: TopBar.ViewPicked) -> None:
        self.show_view(event.name)

    # ------------------------------------------------------------------ routing

    def on_workspace_ready(self, message: WorkspaceReady) -> None:
        self.library.add_catalog()
        self.chat.start()
        self.inspector.reload()

    def on_runtime_event(self, message: RuntimeEvent) -> None:
        if not self.built:
            return
        self.library.on_runtime_event(message)
        self.inspector.on_runtime_event(message)

    @on(ArtifactSelected)
    def _selected(self, message: ArtifactSelected) -> None:
        message.stop()
        self.app.current_artifact_id = message.artifact_id  # type: ignore[attr-defined]
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        if message.focus:
            self._inspect(message.artifact_id)
        else:
            # Following the library's cursor: wait until it rests (holding ↓ loads nothing).
            self._follow_timer = self.set_timer(FOLLOW_DELAY, lambda: self._inspect(message.artifact_id))
        if message.focus:
            if message.artifact_id and not self.library.select(message.artifact_id):
                self._select_after_reload = message.artifact_id
            self.show_view("inspector")

    def _inspect(self, artifact_id: str | None) -> None:
        self._follow_timer = None
        if not self.built:  # the inspector is mounted right after the library's first page
            self._pending_inspect = artifact_id
            return
        if artifact_id != self.inspector.artifact_id:
            self.inspector.artifact_id = artifact_id

    @on(ArtifactChanged)
    def _changed(self, message: ArtifactChanged) -> None:
        message.stop()
        self.inspector.artifact_id = message.artifact_id
        self.inspector.reload()
        self.app.current_artifact_id = message.artifact_id  # type: ignore[attr-defined]
        if not self.library.select(message.artifact_id):
            self._select_after_reload = message.artifact_id

    @on(LibraryUpdated)
    def _library_updated(self, message: LibraryUpdated) -> None:
        if self._select_after_reload and self.library.select(self._select_after_reload):
            self._select_after_reload = None

    @on(StreamingArtifact)
    def _streaming(self, message: StreamingArtifact) -> None:
        message.stop()
        self.inspector.follow_stream(message)

    @on(StreamingFinished)
    def _streaming_done(self, message: StreamingFinished) -> None:
        message.stop()
        self.inspector.stream_finished(message)

    @on(OpenPreview)
    def _open_preview(self, message: OpenPreview) -> None:
        message.stop()
        self.app.open_preview(message.artifact_id)  # type: ignore[attr-defined]

    @on(FixWithClaude)
    def _fix(self, message: FixWithClaude) -> None:
        message.stop()
        if self.chat.fix(message.artifact_id, message.report):
            self.show_view("chat", focus=False)

    @on(ChatAbout)
    def _chat_about(self, message: ChatAbout) -> None:
        message.stop()
        self.run_worker(self._open_artifact_chat(message.artifact_id), exit_on_error=False)

    async def _open_artifact_chat(self, artifact_id: str) -> None:
        store = self.app.workspace.store  # type: ignore[attr-defined]
        artifact = await store.get(artifact_id)
        conversation_id = artifact.conversation_id
        if conversation_id is None:
            linked = [c for c in await store.conversations(limit=None) if c.artifact_id == artifact.id]
            conversation_id = linked[0].id if linked else None
        if conversation_id is None:
            conversation = await store.create_conversation(title=f"About: {artifact.title}", artifact_id=artifact.id)
            conversation_id = conversation.id
        await self.chat.load_conversation(conversation_id)
        self.show_view("chat")

    @on(TurnFinished)
    def _turn_finished(self, message: TurnFinished) -> None:
        self.app.update_status()  # type: ignore[attr-defined]

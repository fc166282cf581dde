"""The main screen: library | chat | inspector side by side in a wide terminal; in a narrow one
the same panes as views, one at a time (F2, F3, F4 switch; so does clicking the top bar).

It owns no data: it routes the panes' messages (Harlequin's habit) — a selection in the
library goes to the inspector, an artifact made in the chat is selected in both — opens
previews, keeps the top bar's status line, and contributes the palette's view commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Static

from artifacts_runtime.errors import ArtifactsError

from ..messages import (
    ArtifactChanged,
    ArtifactSelected,
    CatalogEntrySelected,
    ChatAbout,
    FixWithClaude,
    LibraryUpdated,
    OpenPreview,
    RemixRequested,
    RuntimeEvent,
    ShowView,
    StreamingArtifact,
    StreamingFinished,
    TurnFinished,
    WorkspaceReady,
)
from ..services import services
from ..widgets.library import LibraryPane
from ..widgets.top_bar import TopBar

if TYPE_CHECKING:  # pragma: no cover
    from ..commands import PaletteCommand
    from ..widgets.chat import ChatPane
    from ..widgets.inspector import InspectorPane

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


def library_table_width(width: int, mode: str) -> int:
    """The width the library's list will have in a terminal ``width`` columns wide (app.tcss:
    the library pane's share, its border, the list's gutter and scrollbar), known before the
    first layout so that the first page is drawn once, cut to it. A wrong guess costs one
    more redraw on the first resize, not a wrong screen; tests/tui check it against layout."""
    share = {"wide": 0.32, "medium": 0.40}.get(mode)
    if share is None:  # narrow: the pane fills the width, with no border
        return width - 3
    return int(width * share) - 5


def _artifact_search() -> type[Provider]:
    from ..commands import ArtifactSearch  # the palette's module, imported when it first opens

    return ArtifactSearch


class MainScreen(Screen[None]):
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {_artifact_search}
    AUTO_FOCUS = "#library-table"  # focused as it is mounted (a later focus() restyles the panes again)

    view: reactive[str] = reactive("library", init=False)
    layout_mode: reactive[str] = reactive("wide", init=False)

    def __init__(self) -> None:
        super().__init__(id="main")
        self.second = "chat"  # in the medium layout: which of chat / inspector shows
        self._select_after_reload: str | None = None
        self._follow_timer: Timer | None = None
        self.built = False
        self._pending_inspect: str | None = None

    def compose(self) -> ComposeResult:
        # The first screen is this frame and the library (its first page comes from the read
        # started with the app): the chat and the inspector, and the modules behind them, come
        # right after it, in ``build_others``. Classes and visibility are decided here, before
        # mounting: changing them afterwards restyles every pane.
        mode = layout_for(self.app.size.width)
        self.set_reactive(MainScreen.layout_mode, mode)
        yield TopBar(id="top-bar")
        with Horizontal(id="panes", classes=f"-{mode}"):
            for name, title in PANE_TITLES.items():
                frame = Vertical(id=name, classes="pane")
                frame.border_title = title
                frame.display = self._visible(name, mode)
                with frame:
                    if name == "library":
                        yield LibraryPane(table_width=library_table_width(self.app.size.width, mode))
        yield Footer(id="footer", compact=True)

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
        return self.query_one(LibraryPane)

    @property
    def chat(self) -> ChatPane:
        from ..widgets.chat import ChatPane

        return self.query_one(ChatPane)

    @property
    def inspector(self) -> InspectorPane:
        from ..widgets.inspector import InspectorPane

        return self.query_one(InspectorPane)

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
        node: DOMNode | None = event.widget
        while node is not None and node is not self:
            if node.id in PANES:
                if self.view != node.id:
                    self.view = node.id
                return
            node = node.parent

    @on(ShowView)
    def _show_view_asked(self, message: ShowView) -> None:
        message.stop()
        self.show_view(message.view, focus=message.focus)
        if message.then is not None:
            message.then()

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """The views, search and help (the panes contribute their own commands)."""
        from ..commands import PaletteCommand

        yield PaletteCommand("View: Library", "show the library (F2)", partial(self.show_view, "library"))
        yield PaletteCommand("View: Chat", "show the chat (F3)", partial(self.show_view, "chat"))
        yield PaletteCommand("View: Inspector", "show the inspector (F4)", partial(self.show_view, "inspector"))
        yield PaletteCommand("Library: Search", "search titles and content as you type (/)", self.search)
        yield PaletteCommand("Help: Keys", "every key, by pane (F1)", partial(self.app.run_action, "help"))

    def search(self) -> None:
        """Show the library with the cursor in its search box."""
        self.show_view("library", focus=False)
        if self.built:
            self.library.focus_search()

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
        services(self).current_artifact_id = message.artifact_id
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

    @on(CatalogEntrySelected)
    def _entry_selected(self, message: CatalogEntrySelected) -> None:
        message.stop()
        services(self).current_artifact_id = None  # the palette's "Artifact: …" do not apply
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self._follow_timer = self.set_timer(FOLLOW_DELAY, partial(self._inspect_entry, message.ref))

    def _inspect_entry(self, ref: str) -> None:
        self._follow_timer = None
        from artifacts_runtime import catalog  # not on the first screen's path

        try:
            entry = catalog.get(ref.removeprefix("catalog:"))
        except ArtifactsError:
            return
        if self.built:
            self.inspector.show_entry(entry)

    @on(RemixRequested)
    def _remix_requested(self, message: RemixRequested) -> None:
        message.stop()
        library = self.library
        if library.tab == "catalog" and library.select(message.ref):
            library.action_remix()
        else:
            self.notify("Show the entry in the Catalog tab first ([ ] switches tabs).", severity="warning")

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
        services(self).current_artifact_id = message.artifact_id
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
        self.open_preview(message.artifact_id)

    def open_preview(self, artifact_id: str | None = None) -> None:
        """The preview of ``artifact_id`` (default: the current artifact): its window, or the URL."""
        found = services(self)
        artifact_id = artifact_id or found.current_artifact_id
        if artifact_id is None:
            self.notify("Select an artifact first (F2: library).", severity="warning", timeout=4)
            return
        if found.previews is None:
            self.notify("The library is still opening.", severity="warning", timeout=4)
            return
        self._preview(artifact_id)

    @work(group="preview", exit_on_error=False)
    async def _preview(self, artifact_id: str) -> None:
        found = services(self)
        previews, store = found.previews, found.require_store()
        assert previews is not None
        try:
            artifact = await store.get(artifact_id)
            fallback = await previews.open(artifact_id)
        except ArtifactsError as exc:
            self.notify(str(exc), title="Preview", severity="error", timeout=8, markup=False)
            return
        except OSError as exc:
            self.notify(f"The preview could not start: {exc}", title="Preview", severity="error", markup=False)
            return
        self.update_status()
        if fallback is None:
            verb = "Brought “{}” to the front." if previews.last_open == "focused" else "Opened “{}” in its window."
            self.notify(verb.format(artifact.title), timeout=3, markup=False)
            return
        from ..dialogs.preview_url import PreviewUrlDialog

        await self.app.push_screen(PreviewUrlDialog(artifact.title, fallback.reason, fallback.url, fallback.ssh_hint))

    @work(exit_on_error=False)
    async def pick_conversation(self) -> None:
        """The list of conversations; the one picked (or a new one) opens in the chat."""
        from ..dialogs.conversations import ConversationsDialog

        store = services(self).require_store()
        conversations = await store.conversations(limit=500)

        def done(choice: str | None) -> None:
            if choice is None:
                return
            self.chat.open_conversation(None if choice == "new" else choice)
            self.show_view("chat")

        await self.app.push_screen(
            ConversationsDialog(conversations, services(self).now(), self.chat.conversation_id), done
        )

    def new_chat(self) -> None:
        self.chat.open_conversation(None)
        self.show_view("chat")

    def update_status(self) -> None:
        """The right of the top bar: the server's port, a missing API key, a reply streaming."""
        if not self.built:
            return
        parts = []
        workspace = services(self).workspace
        if workspace is not None:
            if workspace.server is not None:
                parts.append(f"server :{workspace.server.port}")
            if not workspace.model_service().has_key():
                parts.append("[b]no API key[/b]")
        if self.chat.streaming:
            parts.append("[b]● replying[/b]")
        self.query_one(TopBar).status = " · ".join(parts)

    def show_failure(self, text: str) -> None:
        """The library could not open: say so where the list would be."""
        if self.built:
            self.library.query_one("#library-empty", Static).update(Text(f"{text}\n\nCtrl+Q quits."))

    @on(FixWithClaude)
    def _fix(self, message: FixWithClaude) -> None:
        message.stop()
        if self.chat.fix(message.artifact_id, message.report):
            self.show_view("chat", focus=False)

    @on(ChatAbout)
    def _chat_about(self, message: ChatAbout) -> None:
        message.stop()
        self._open_artifact_chat(message.artifact_id)

    @work(exit_on_error=False)
    async def _open_artifact_chat(self, artifact_id: str) -> None:
        from artifacts_runtime.chat.context import conversation_about

        conversation = await conversation_about(services(self).require_store(), artifact_id)
        await self.chat.load_conversation(conversation.id)
        self.show_view("chat")

    @on(TurnFinished)
    def _turn_finished(self, message: TurnFinished) -> None:
        self.update_status()

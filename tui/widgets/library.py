"""The library pane: search as you type, filter by type, sort, the Library / Catalog / Trash
tabs, and rename, pin, trash (with undo), restore.

Loading never blocks: every query runs in a worker (aiosqlite does the SQL in its own thread).
Keystrokes are coalesced rather than delayed: a keystroke starts a query at once when none is
running; while one runs, later keystrokes only mark the list stale, and when the query returns
the newest text is queried next (intermediate texts are skipped). An idle keystroke therefore
costs one query (well under the 50 ms budget at 100,000 artifacts) and fast typing never
queues work behind itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.signal import Signal
from textual.widgets import DataTable, Input, Static
from textual.worker import Worker

from .. import bindings as keys
from ..formatting import type_label
from ..messages import (
    ArtifactSelected,
    CatalogEntrySelected,
    ChatAbout,
    LibraryUpdated,
    OpenPreview,
    RuntimeEvent,
    ShowView,
)
from ..services import services
from . import library_edits
from .artifact_table import (
    ArtifactTable,
    Row,
    SearchInput,
    count_text,
    empty_text,
)
from .footer_state import FooterState
from .library_commands import SORTS, TYPES, library_commands
from .library_query import PAGE, artifact_row, fetch_page
from .tab_strip import TabStrip

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.catalog import CatalogEntry
    from artifacts_runtime.records import Artifact
    from artifacts_runtime.store import Store

    from ..commands import PaletteCommand

TYPE_CYCLE = TYPES
FIRST_PAGE_WAIT = 0.1  # seconds the first screen waits for the page read at start-up
ARTIFACT_EVENTS = {
    "artifact.created",
    "artifact.updated",
    "artifact.renamed",
    "artifact.pinned",
    "artifact.trashed",
    "artifact.restored",
    "artifact.deleted",
    "library.changed",  # by another process (store/changes.py)
}


class LibraryPane(FooterState, Vertical):
    """Library, Catalog (when one exists) and Trash."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.LIBRARY)

    tab: reactive[str] = reactive("library", init=False)
    type_filter: reactive[str | None] = reactive(None, init=False)
    sort: reactive[str] = reactive("updated", init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None, table_width: int | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._table_width = table_width  # the list's width to expect before the first layout
        self.ready = False
        self._generation = 0
        self._loaded_generation = -1
        self._loader: Worker[None] | None = None
        self._paging = False
        self._has_more = False
        self._undo: list[tuple[str, str]] = []  # (artifact id, title) moved to the trash
        self._catalog: tuple[CatalogEntry, ...] = ()
        self._total: int | None = None
        self._trash_count: int | None = None
        self._early: list[Artifact] | None = None  # the page read at start-up (Services.first_page)
        self._early_rows: list[Row] | None = None  # the rows shown from it
        self.last_query = ""
        self.first_page = asyncio.Event()
        #: Published with its generation each time a list from the store is shown.
        self.list_shown: Signal[int] = Signal(self, "list_shown")

    def compose(self) -> ComposeResult:
        yield TabStrip([("library", "Library"), ("trash", "Trash")], id="library-tabs")
        yield SearchInput(placeholder="Search (/)", id="library-search", compact=True)
        with Horizontal(id="library-status"):
            yield Static("", id="library-filters")
            yield Static("", id="library-count")
        # The page read while the app started decides, before mounting, whether the list or
        # the empty text shows: changing it afterwards would restyle and lay out once more.
        found = services(self)
        early, found.first_page = found.first_page, None
        self._early = early.result(wait=FIRST_PAGE_WAIT) if early is not None else None
        listed = bool(self._early)
        table = ArtifactTable(id="library-table", classes="" if listed else "-empty")
        table.loading_list = self.loading_list
        table.pane_enter = lambda: self.tab != "catalog" and self.check_action("inspect", ()) is True
        if self._table_width is not None:
            table.expected_width = self._table_width
        yield table
        empty = Static("", id="library-empty")
        empty.display = not listed
        yield empty

    # ------------------------------------------------------------------ access

    @property
    def table(self) -> ArtifactTable:
        return self.query_one(ArtifactTable)

    @property
    def search_input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def store(self) -> Store:
        return services(self).require_store()

    @property
    def generation(self) -> int:
        """The number of the newest list asked for (each keystroke, filter, sort, tab or change
        to the library asks for one); ``list_shown`` publishes it once that list is shown."""
        return self._generation

    @property
    def loaded(self) -> bool:
        """The list shows the newest query's answer (nothing is loading or stale)."""
        return self._loaded_generation == self._generation and self._loaded_generation >= 0

    @property
    def has_catalog(self) -> bool:
        return bool(self._catalog)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def current_row(self) -> Row | None:
        key = self.table.current_key()
        if key is None:
            return None
        for row in self.table.rows_data:
            if row.key == key:
                return row
        return None

    def current_artifact_id(self) -> str | None:
        row = self.current_row()
        if row is None or row.artifact is None:
            return None
        return row.key

    # ------------------------------------------------------------------ lifecycle

    def on_mount(self) -> None:
        self.table.now = services(self).now
        self._show_filters()
        self.query_one("#library-empty", Static).update("Opening the library…")
        self._show_first_page()
        # Each keystroke queries at once, as the value changes: Input.Changed is handled only
        # after the frame that redraws the box (and its layout pass), 5-10 ms later.
        self.watch(self.search_input, "value", self._search_changed, init=False)

    def _show_first_page(self) -> None:
        """The page read while the app started, on the first screen. Keys stay held and the
        pane is not ``loaded`` until the store's own query confirms it (``_show``)."""
        artifacts, self._early = self._early, None
        if artifacts is None or self._loaded_generation >= 0:
            return
        more = len(artifacts) > PAGE
        rows = [artifact_row(a) for a in artifacts[:PAGE]]
        self.table.show_rows(rows)
        self._early_rows = rows
        self._has_more = more
        self._show_empty(not rows, "")
        self._show_count(len(rows), more, None if more else len(rows), "")

    def start(self) -> None:
        """The library file is open: load the first page."""
        self.ready = True
        self.reload()

    def add_catalog(self) -> None:
        """Show the Catalog tab when this installation has a catalog (after start-up)."""
        from artifacts_runtime import catalog

        self._catalog = catalog.entries()
        if self._catalog:
            self.query_one(TabStrip).set_tabs([("library", "Library"), ("catalog", "Catalog"), ("trash", "Trash")])

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Load the list again (coalesced: see the module's docstring)."""
        self._generation += 1
        if not self.ready:
            return
        if self._loader is None or self._loader.is_finished:
            self._loader = self._load_loop()

    @work(group="library-load", exit_on_error=False)
    async def _load_loop(self) -> None:
        while self._loaded_generation != self._generation:
            generation = self._generation
            query = self.search_input.value.strip()
            try:
                rows, more, total = await self._fetch(query)
            except Exception as exc:
                self._loaded_generation = generation
                self.table.release()
                self.notify(f"Could not read the library: {exc}", severity="error", markup=False)
                return
            self._loaded_generation = generation
            if generation != self._generation:
                continue  # newer text arrived meanwhile: query that instead
            self._show(rows, more, total, query, generation)

    async def _fetch(self, query: str) -> tuple[list[Row], bool, int | None]:
        page = await fetch_page(self.store, self._catalog, query, tab=self.tab, type_=self.type_filter, sort=self.sort)
        total = page.total
        if page.more and self.type_filter is None:
            if self._total is None:
                self._count()
            total = self._total
        return page.rows, page.more, total

    def _show(self, rows: list[Row], more: bool, total: int | None, query: str, generation: int) -> None:
        table = self.table
        # Another list (tab, type, sort) starts at its top; the same list keeps its cursor.
        keep = None if table.holding else table.current_key()
        early, self._early_rows = self._early_rows, None
        if rows != early:  # the page read at start-up, confirmed by the store: nothing to redraw
            table.show_rows(rows, keep=keep)
        if table.holding and generation == self._generation:
            table.release()
        self._has_more = more
        self.last_query = query
        self._show_empty(not rows and not query, query)
        self._show_count(len(rows), more, total, query)
        if self.tab == "trash":
            self._trash_count = len(rows) if not query else self._trash_count
        self.list_shown.publish(generation)
        self.post_message(LibraryUpdated(query, len(rows), generation))
        if not self.first_page.is_set():
            self.call_after_refresh(self.first_page.set)
        if keep is None or table.current_key() != keep:
            self._announce()

    def _show_empty(self, big_empty: bool, query: str) -> None:
        # A search that finds nothing says so on the status line: showing and hiding a block
        # would re-layout the whole screen on such keystrokes.
        table = self.table
        empty = self.query_one("#library-empty", Static)
        if table.has_class("-empty") != big_empty:
            table.set_class(big_empty, "-empty")
            empty.display = big_empty
        if big_empty:
            empty.update(Text(self._empty_text(query)))

    def _empty_text(self, query: str) -> str:
        return empty_text(query, tab=self.tab, type_filter=self.type_filter)

    def _show_count(self, shown: int, more: bool, total: int | None, query: str) -> None:
        count = self.query_one("#library-count", Static)
        text = count_text(shown, more, total, query)
        if str(count.content) != text:
            count.update(text, layout=False)  # fixed width: no layout pass on each keystroke

    def _show_filters(self) -> None:
        kind = type_label(self.type_filter, None) if self.type_filter else "all types"
        query = self.search_input.value.strip()
        order = "ranked · Esc clears" if query else self.sort
        if self.tab == "trash":
            order = "trashed"
        elif self.tab == "catalog":
            order = "curated" if not query else "matching"
        filters = self.query_one("#library-filters", Static)
        text = f"{kind} · {order}"
        if str(filters.content) != text:
            filters.update(text, layout=False)

    @work(group="library-count", exclusive=True, exit_on_error=False)
    async def _count(self) -> None:
        """The library's size, read after its first page is on screen."""
        self._total = await self.store.count()
        if not self.search_input.value.strip() and self.tab == "library" and self.type_filter is None:
            self._show_count(len(self.table.rows_data), self._has_more, self._total, "")

    @work(group="library-page", exclusive=True, exit_on_error=False)
    async def _load_more(self) -> None:
        if self._paging or not self._has_more or self.search_input.value.strip() or self.tab != "library":
            return
        self._paging = True
        try:
            offset = len(self.table.rows_data)
            artifacts = await self.store.list(type=self.type_filter, sort=self.sort, limit=PAGE + 1, offset=offset)
            self._has_more = len(artifacts) > PAGE
            self.table.append_rows([artifact_row(a) for a in artifacts[:PAGE]])
            self._show_count(len(self.table.rows_data), self._has_more, self._total, "")
        finally:
            self._paging = False

    # ------------------------------------------------------------------ events

    def _search_changed(self) -> None:
        self._show_filters()
        self.reload()

    @on(Input.Submitted, "#library-search")
    def _search_submitted(self) -> None:
        if self.table.rows_data:
            self.table.focus()

    @on(TabStrip.Picked)
    def _tab_picked(self, event: TabStrip.Picked) -> None:
        self.query_one(TabStrip).active = event.name
        self.tab = event.name

    def watch_tab(self) -> None:
        self.query_one(TabStrip).active = self.tab
        self._show_filters()
        self.update_bindings()
        self._relist()

    def watch_type_filter(self) -> None:
        self._total = None
        self._show_filters()
        self._relist()

    def watch_sort(self) -> None:
        self._show_filters()
        self._relist()

    def _relist(self) -> None:
        """Another list (tab, filter, sort): keys typed until it shows are kept for it."""
        self.table.hold()
        self.reload()

    def loading_list(self) -> bool:
        """Whether a list is being loaded (a query is running or about to)."""
        return self._loaded_generation != self._generation

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.update_bindings()
        self._announce()
        if self._has_more and event.cursor_row >= len(self.table.rows_data) - 10:
            self._load_more()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_inspect()

    def _announce(self) -> None:
        if self.search_input.has_focus:
            return  # while typing a search, the inspector waits for a choice
        row = self.current_row()
        if row is not None and row.artifact is not None:
            self.post_message(ArtifactSelected(row.key))
        elif row is not None and row.key.startswith("catalog:"):
            self.post_message(CatalogEntrySelected(row.key))  # its code, read before copying

    def on_runtime_event(self, message: RuntimeEvent) -> None:
        if message.kind in ARTIFACT_EVENTS:
            if message.kind in (
                "artifact.created",
                "artifact.deleted",
                "artifact.trashed",
                "artifact.restored",
                "library.changed",
            ):
                self._total = None
            self.reload()

    # ------------------------------------------------------------------ actions

    def binding_key(self) -> tuple[object, ...]:
        row = self.current_row()
        return (self.tab, row is not None, row is not None and row.artifact is not None, bool(self._undo))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = self.tab
        row = self.current_row()
        has_artifact = row is not None and row.artifact is not None
        if action in ("restore", "purge"):
            return tab == "trash" and has_artifact
        if action in ("rename", "pin", "trash", "chat_about"):
            return tab == "library" and has_artifact
        if action == "undo":
            return tab == "library" and bool(self._undo)
        if action == "cycle_sort":  # the catalog and the trash have one order each
            return tab == "library"
        if action == "inspect":  # on a catalog entry Enter remixes it (the table's Enter; m is shown)
            return has_artifact
        if action == "preview":  # a catalog entry has no page until it is copied
            return has_artifact
        if action == "remix":
            return row is not None and tab == "catalog"
        return True

    def action_inspect(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.artifact is None and row.key.startswith("catalog:"):
            self.action_remix()
            return
        self.post_message(ArtifactSelected(row.key, focus=True))

    def action_remix(self) -> None:
        """Copy the catalog entry under the cursor into the library, under a title the person
        confirms ("Habit Tracker (remix)" unless changed)."""
        row = self.current_row()
        if row is not None and self.tab == "catalog":
            library_edits.ask_remix(self, row)

    @work(exit_on_error=False)
    async def remix(self, row: Row, title: str) -> None:
        from artifacts_runtime.remix import remix

        try:
            artifact_id = (await remix(self.store, row.key, title=title)).id
        except Exception as exc:
            self.notify(f"Could not copy “{row.title}” from the catalog: {exc}", severity="error", markup=False)
            return
        self.notify(f"“{title}” is now in your library.", markup=False)
        self.tab = "library"
        self.post_message(ArtifactSelected(artifact_id, focus=True))

    def action_preview(self) -> None:
        artifact_id = self.current_artifact_id()
        if artifact_id:
            self.post_message(OpenPreview(artifact_id))

    def action_chat_about(self) -> None:
        artifact_id = self.current_artifact_id()
        if artifact_id:
            self.post_message(ChatAbout(artifact_id))

    def action_rename(self) -> None:
        row = self.current_row()
        if row is not None and row.artifact is not None:
            library_edits.ask_rename(self, row)

    def action_pin(self) -> None:
        row = self.current_row()
        if row is not None and row.artifact is not None:
            self.store_call(partial(self.store.set_pinned, row.key, not row.pinned))

    def action_trash(self) -> None:
        row = self.current_row()
        if row is None or row.artifact is None:
            return
        self._undo.append((row.key, row.title))
        self.store_call(partial(self.store.trash, row.key))
        self.notify(f"Moved “{row.title}” to the trash. Press u to undo.", title="Trash", timeout=8, markup=False)
        self.update_bindings()

    def action_undo(self) -> None:
        if not self._undo:
            return
        artifact_id, title = self._undo.pop()
        self.store_call(partial(self.store.untrash, artifact_id))
        self.notify(f"Restored “{title}”.", markup=False)
        self.update_bindings()

    def action_restore(self) -> None:
        row = self.current_row()
        if row is not None and row.artifact is not None:
            self.store_call(partial(self.store.untrash, row.key))
            self.notify(f"Restored “{row.title}” to the library.", markup=False)

    def action_purge(self) -> None:
        row = self.current_row()
        if row is not None and row.artifact is not None:
            library_edits.ask_purge(self, row)

    @work(exit_on_error=False)
    async def store_call(self, call: Callable[[], Awaitable[object]]) -> None:
        """A change to the library; the store's event reloads the list, an error is told."""
        try:
            await call()
        except Exception as exc:
            self.notify(str(exc), severity="error", title="Library", markup=False)

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """Filters, sorts, tabs; what can be done to the current artifact; undo."""
        return library_commands(self, services(self).current_artifact_id)

    def show_then(self, action: Callable[[], object]) -> None:
        """``action()`` once the library shows (the screen switches the view first)."""
        self.post_message(ShowView("library", then=action))

    def show_type(self, type_: str | None) -> None:
        self.tab = "library"
        self.set_type_filter(type_)

    def on_current(self, action: str) -> None:
        """Rename, pin or trash the current artifact from the palette: put the cursor on it."""
        current = services(self).current_artifact_id
        if current and not self.select(current):
            self.notify("That artifact is not in the list shown: clear the search or filter first.", severity="warning")
            return
        do = {"rename": self.action_rename, "pin": self.action_pin, "trash": self.action_trash}[action]
        self.show_then(do)

    def action_cycle_type(self) -> None:
        index = TYPE_CYCLE.index(self.type_filter) if self.type_filter in TYPE_CYCLE else 0
        self.type_filter = TYPE_CYCLE[(index + 1) % len(TYPE_CYCLE)]

    def set_type_filter(self, type_: str | None) -> None:
        self.type_filter = type_

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_tab(self, delta: int) -> None:
        self.tab = self.query_one(TabStrip).step(delta)

    def focus_search(self) -> None:
        self.search_input.focus()

    def select(self, artifact_id: str) -> bool:
        """Put the cursor on ``artifact_id`` if it is listed."""
        for index, row in enumerate(self.table.rows_data):
            if row.key == artifact_id:
                self.table.move_cursor(row=index, animate=False, scroll=True)
                return True
        return False

"""The inspector: the current artifact's code, versions and state, with its runtime errors and
"Fix with Claude"."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Static

from artifacts_runtime.catalog import CatalogEntry
from artifacts_runtime.errors import NotFound
from artifacts_runtime.humanize import ago_long, format_bytes

from .. import bindings as keys
from ..commands import PaletteCommand
from ..formatting import one_line, type_label
from ..messages import (
    FixWithClaude,
    OpenPreview,
    RemixRequested,
    RuntimeEvent,
    ShowView,
    StreamingArtifact,
    StreamingFinished,
)
from ..services import RuntimeErrorReport, services
from .code_view import CodeView
from .footer_state import FooterState
from .state_view import StateView
from .tab_strip import TabStrip
from .versions_view import VersionsView

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.records import Artifact

TABS = [("code", "Code"), ("versions", "Versions"), ("state", "State")]
EMPTY = (
    "No artifact selected.\n\n"
    "Pick one in the library (F2), or ask Claude for one in the chat (F3):\n"
    "it shows up here as it is written."
)


class InspectorPane(FooterState, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.INSPECTOR)

    artifact_id: reactive[str | None] = reactive(None, init=False)
    tab: reactive[str] = reactive("code", init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.artifact: Artifact | None = None
        #: A catalog entry shown instead of an artifact (the library's cursor is on it).
        self.entry: CatalogEntry | None = None
        self._stale: set[str] = set()
        self.loads = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="inspector-header")
        yield Static("", id="inspector-error")
        yield TabStrip(TABS, id="inspector-tabs")
        with ContentSwitcher(initial="code", id="inspector-switcher"):
            code = CodeView(id="code")
            code.target = lambda: self.artifact_id  # what the code view is about to show
            yield code
            yield VersionsView(id="versions")
            yield StateView(id="state")
        yield Static(EMPTY, id="inspector-empty")

    @property
    def code(self) -> CodeView:
        return self.query_one(CodeView)

    @property
    def versions(self) -> VersionsView:
        return self.query_one(VersionsView)

    @property
    def state(self) -> StateView:
        return self.query_one(StateView)

    def on_mount(self) -> None:
        self._show_empty(self.artifact_id is None)
        self.query_one("#inspector-error", Static).display = False
        if self.artifact_id is not None:
            self.reload()

    def _show_empty(self, empty: bool) -> None:
        self.query_one("#inspector-empty").display = empty
        self.query_one("#inspector-switcher").display = not empty
        self.query_one("#inspector-tabs").display = not empty
        self.query_one("#inspector-header").display = not empty
        self.set_class(empty, "-empty")

    # ------------------------------------------------------------------ loading

    def watch_artifact_id(self, artifact_id: str | None) -> None:
        if not self.is_mounted:
            return
        if artifact_id is not None:
            self.entry = None
            self._show_empty(False)
        self.reload()

    def show_entry(self, entry: CatalogEntry) -> None:
        """Show a catalog entry's code, read-only, so it can be read before it is copied."""
        if self.code.editing or self.code.live is not None:
            return  # an edit or a reply being written keeps the view
        self.entry = entry
        if self.artifact_id is not None:
            self.artifact_id = None  # reloads
        else:
            self.reload()

    def reload(self, *, parts: tuple[str, ...] = ("code", "versions", "state")) -> None:
        if services(self).workspace is None:
            return
        self._stale.update(parts)
        self._load()

    @work(group="inspector-load", exclusive=True, exit_on_error=False)
    async def _load(self) -> None:
        artifact_id = self.artifact_id
        if artifact_id is None and self.entry is not None and self.code.live is None:
            await self._show_entry(self.entry)
            return
        self.set_class(False, "-entry")
        if artifact_id is None:
            if self.code.live is None:
                self.artifact = None
                self.code.clear_view()
                self.versions.clear_view()
                self.state.clear_view()
                self._show_empty(True)
            self._show_errors()
            return
        store = services(self).require_store()
        try:
            artifact = await store.get(artifact_id)
        except NotFound:
            self.artifact_id = None
            return
        self.artifact = artifact
        self.loads += 1
        self._show_empty(False)
        self._header()
        self._show_errors()
        if "code" in self._stale:
            version = await store.version(artifact.id)
            if self.artifact_id != artifact_id:
                return
            self.code.show(artifact, version)
            self._stale.discard("code")
        await self._load_visible()
        self.update_bindings()

    async def _show_entry(self, entry: CatalogEntry) -> None:
        try:
            source = await asyncio.to_thread(entry.source)
        except OSError as exc:
            source = f"(the catalog file could not be read: {exc})"
        if self.entry is not entry or self.artifact_id is not None:
            return
        self.artifact = None
        self._stale.update(("code", "versions", "state"))
        self._show_empty(False)
        self.set_class(True, "-entry")
        self.query_one("#inspector-tabs").display = False  # no versions or state until copied
        self.tab = "code"
        width = max(20, (self.size.width or 60) - 2)
        self.query_one("#inspector-header", Static).update(
            Text.assemble(
                (one_line(entry.title, width), "bold"),
                "\n",
                (f"{type_label(entry.type, entry.language)} · from the catalog", "dim"),
                "\n",
                entry.description,  # wraps: the whole description, not a cut snippet
            )
        )
        self.code.show_entry(entry, source)
        self._show_errors()
        self.update_bindings()

    async def _load_visible(self) -> None:
        artifact = self.artifact
        if artifact is None:
            return
        if self.tab == "versions" and "versions" in self._stale:
            self._stale.discard("versions")
            await self.versions.load(artifact)
        elif self.tab == "state" and "state" in self._stale:
            self._stale.discard("state")
            await self.state.load(artifact)

    def _header(self) -> None:
        a = self.artifact
        if a is None:
            return
        now = services(self).now()
        width = max(20, (self.size.width or 60) - 2)
        meta = (
            f"{type_label(a.type, a.language)} · v{a.current_version} · {format_bytes(a.size)} · "
            f"{ago_long(a.updated_at, now)}"
        )
        ident = f" · id {a.id}"
        if len(meta) + len(ident) <= width:
            meta += ident
        trash = " · in the trash" if a.trashed else ""
        header = Text.assemble(
            ("★ " if a.pinned else "", "yellow"),
            (one_line(a.title, width - 2), "bold"),
            "\n",
            (meta, "dim"),
            (trash, "bold"),
        )
        self.query_one("#inspector-header", Static).update(header)

    def on_resize(self) -> None:
        if self.artifact is not None and self.code.live is None:
            self._header()

    def _errors(self) -> list[RuntimeErrorReport]:
        return services(self).errors_for(self.artifact_id)

    def _show_errors(self) -> None:
        banner = self.query_one("#inspector-error", Static)
        errors = self._errors()
        if not errors:
            banner.display = False
            self.update_bindings()
            return
        crashes = [e for e in errors if e.get("fatal") is not False]
        latest = (crashes or errors)[-1]
        count = f" · {len(errors)} errors reported" if len(errors) > 1 else ""
        message = str(latest.get("message", "error")).strip().splitlines()[0] if latest.get("message") else "error"
        fatal = latest.get("fatal") is not False
        banner.update(
            Text.assemble(
                ("⚠ " if fatal else "non-fatal: ", "bold" if fatal else "dim"),
                (message[:300], "bold"),
                "\n",
                ("F", "bold reverse"),
                (" Fix with Claude", "bold"),
                (count, ""),
            )
        )
        banner.display = True
        self.update_bindings()

    # ------------------------------------------------------------------ tabs

    @on(TabStrip.Picked, "#inspector-tabs")
    def _picked(self, event: TabStrip.Picked) -> None:
        event.stop()
        self.tab = event.name

    def watch_tab(self, tab: str) -> None:
        self.query_one("#inspector-tabs", TabStrip).active = tab
        self.query_one(ContentSwitcher).current = tab
        if self.artifact is not None:
            self._load_tab()
        self.call_after_refresh(self._focus_tab)

    @work(group="inspector-tab", exclusive=True, exit_on_error=False)
    async def _load_tab(self) -> None:
        await self._load_visible()

    def _focus_tab(self) -> None:
        if not self.has_focus_within and self.app.focused is not None:
            return
        target = {"code": "#code-editor", "versions": "#versions-list", "state": "#state-table"}[self.tab]
        try:
            self.query_one(target).focus()
        except Exception:
            pass

    def action_tab(self, name: str) -> None:
        self.tab = name

    def focus_current(self) -> None:
        target = {"code": "#code-editor", "versions": "#versions-list", "state": "#state-table"}[self.tab]
        if self.artifact_id is None and self.code.live is None and self.entry is None:
            return
        self.query_one(target).focus()

    # ------------------------------------------------------------------ runtime events

    def on_runtime_event(self, message: RuntimeEvent) -> None:
        kind = message.kind
        if kind == "artifact.error":
            if message.artifact_id == self.artifact_id:
                self._show_errors()
            return
        if message.artifact_id != self.artifact_id or self.artifact_id is None:
            return
        if kind == "state.changed":
            if self.tab == "state":
                self.state.schedule_reload()
            else:
                self._stale.add("state")
        elif kind == "artifact.deleted":
            self.artifact_id = None
        elif kind in ("artifact.updated", "artifact.created"):
            self.reload(parts=("code", "versions"))
        elif kind.startswith("artifact."):
            self.reload(parts=())

    def follow_stream(self, message: StreamingArtifact) -> None:
        """Show an artifact as Claude writes it (unless the person is editing code)."""
        if self.code.editing:
            return
        if message.artifact_id is not None and message.artifact_id != self.artifact_id:
            self.artifact_id = message.artifact_id
        self._show_empty(False)
        live = message.live
        if live.artifact_id is None:
            self.query_one("#inspector-header", Static).update(
                Text.assemble(
                    (live.title or "New artifact", "bold"),
                    "\n",
                    (f"{type_label(live.type or '', None)} · being written by Claude", "dim"),
                )
            )
        self.tab = "code"
        self.code.follow(live)

    def stream_finished(self, message: StreamingFinished | None = None) -> None:
        if self.code.live is not None:
            self.code.stop_live()
            if self.artifact_id is not None:
                self.reload()
            else:
                self._show_empty(True)

    # ------------------------------------------------------------------ actions

    def binding_key(self) -> tuple[object, ...]:
        return (self.artifact is not None, self.entry is not None, bool(self._errors()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "fix":
            return bool(self._errors())
        if action == "preview":
            return self.artifact is not None
        if action == "tab":
            return self.artifact is not None
        if action == "remix":
            return self.entry is not None and self.artifact_id is None
        return True

    def action_back(self) -> None:
        """Esc in the inspector (not editing: the code view takes Esc then): the library again,
        which at 80 columns is the pane the inspector replaced."""
        self.post_message(ShowView("library"))

    def action_preview(self) -> None:
        if self.artifact is not None:
            self.post_message(OpenPreview(self.artifact.id))

    def action_remix(self) -> None:
        if self.entry is not None and self.artifact_id is None:
            self.post_message(RemixRequested(self.entry.ref))

    def action_fix(self) -> None:
        report = services(self).fix_report(self.artifact_id)
        if report is None or self.artifact_id is None:
            return
        self.post_message(FixWithClaude(self.artifact_id, report))

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """The current artifact's code, versions and state; Fix with Claude when it failed."""
        found = services(self)
        current = found.current_artifact_id
        if not current:
            return
        yield PaletteCommand("Artifact: Edit code", "saving makes a new version (e)", self._shown(self._edit))
        yield PaletteCommand(
            "Artifact: Versions and diffs",
            "every version, diff to the one before (v)",
            partial(self._tab_shown, "versions"),
        )
        yield PaletteCommand("Artifact: State", "its stored keys and values (s)", partial(self._tab_shown, "state"))
        yield PaletteCommand("Artifact: Add a state key…", "a personal or shared value", self._add_state)
        if found.errors_for(current):
            yield PaletteCommand(
                "Artifact: Fix with Claude", "send the preview's runtime error to Claude (F)", self.action_fix
            )

    def _shown(self, then: Callable[[], object]) -> Callable[[], object]:
        return partial(self.post_message, ShowView("inspector", then=then))

    def _edit(self) -> None:
        self.tab = "code"
        self.code.action_edit()

    def _tab_shown(self, tab: str) -> None:
        self.tab = tab
        self.post_message(ShowView("inspector"))

    def _add_state(self) -> None:
        self.tab = "state"
        self.post_message(ShowView("inspector", then=self.state.action_add))

    @on(CodeView.Saved)
    def _saved(self, event: CodeView.Saved) -> None:
        event.stop()
        self._stale.add("versions")

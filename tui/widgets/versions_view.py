"""The versions tab: every version (newest first) with where it came from, and the diff of the
selected one against the version before it; revert makes a new version equal to an old one."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from artifacts_runtime.humanize import ago, format_bytes

from .. import bindings as keys
from ..dialogs.confirm import ConfirmDialog
from ..diff_view import diff, lexer_for, source_text
from ..services import services
from .footer_state import FooterState

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.records import Artifact, Version

SOURCES = {"model": "Claude", "user": "you", "import": "import", "revert": "revert", "remix": "remix"}


class VersionsView(FooterState, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.VERSIONS)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.artifact: Artifact | None = None
        self.versions: list[Version] = []
        self.showing_source = False

    def compose(self) -> ComposeResult:
        yield OptionList(id="versions-list")
        yield Static("", id="versions-title")
        with VerticalScroll(id="versions-diff-scroll"):
            yield Static("", id="versions-diff")

    async def load(self, artifact: Artifact) -> None:
        """Read the versions of ``artifact`` (keeps the selection on the same number)."""
        found = services(self)
        versions = await found.require_store().versions(artifact.id)
        options = self.query_one("#versions-list", OptionList)
        keep = self.selected_number()
        if self.artifact is None or self.artifact.id != artifact.id:
            keep = None
        self.artifact = artifact
        self.versions = list(reversed(versions))
        now_value = found.now()
        options.clear_options()
        for v in self.versions:
            current = v.number == artifact.current_version
            label = Text.assemble(
                (f"v{v.number:<3}", "bold" if current else ""),
                (f" {SOURCES.get(v.source, v.source):<7}", ""),
                (f" {ago(v.created_at, now_value):>4}", "dim"),
                (f" {format_bytes(v.size):>8}", "dim"),
                (" ●" if current else "", "bold"),
                (" incomplete" if v.incomplete else "", "italic"),
                (f"  {v.label}" if v.label else "", "dim italic"),
            )
            options.add_option(Option(label, id=str(v.number)))
        index = 0
        if keep is not None:
            for i, v in enumerate(self.versions):
                if v.number == keep:
                    index = i
        if self.versions:
            options.highlighted = index
            await self._show_diff(self.versions[index].number)

    def clear_view(self) -> None:
        self.artifact = None
        self.versions = []
        self.query_one("#versions-list", OptionList).clear_options()
        self.query_one("#versions-title", Static).update("")
        self.query_one("#versions-diff", Static).update("")

    def selected_number(self) -> int | None:
        options = self.query_one("#versions-list", OptionList)
        if options.highlighted is None or not self.versions:
            return None
        try:
            return int(options.get_option_at_index(options.highlighted).id or 0)
        except (IndexError, ValueError):
            return None

    @on(OptionList.OptionHighlighted, "#versions-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        number = self.selected_number()
        self.update_bindings()
        if number is not None:
            self._diff_worker(number)

    @on(OptionList.OptionSelected, "#versions-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_view()

    @work(group="versions-diff", exclusive=True, exit_on_error=False)
    async def _diff_worker(self, number: int) -> None:
        await self._show_diff(number)

    async def _show_diff(self, number: int) -> None:
        artifact = self.artifact
        if artifact is None:
            return
        store = services(self).require_store()
        title = self.query_one("#versions-title", Static)
        body = self.query_one("#versions-diff", Static)
        current = await store.version(artifact.id, number)
        lexer = lexer_for(artifact.type, artifact.language)
        if self.showing_source:
            title.update(Content.from_markup("[b]v$number[/b] source · Enter shows the diff", number=str(number)))
            body.update(await asyncio.to_thread(source_text, current.content or "", lexer))
            return
        if number <= 1:
            title.update(
                Content.from_markup(
                    "[b]v1[/b] · the first version ($size) · Enter shows its source", size=format_bytes(current.size)
                )
            )
            body.update(await asyncio.to_thread(source_text, current.content or "", lexer))
            return
        previous = await store.version(artifact.id, number - 1)
        change = await asyncio.to_thread(diff, previous.content or "", current.content or "", lexer)
        label = f" · {current.label}" if current.label else ""
        text = change.text
        if not change.added and not change.removed:
            text = Text("Same code as the version before (title or type changed).", style="dim")
        title.update(
            Content.from_markup(
                "[b]v$number[/b] vs v$before: [green]+$added[/green] [red]−$removed[/red]$label$revert",
                number=str(number),
                before=str(number - 1),
                added=str(change.added),
                removed=str(change.removed),
                label=label,
                revert="" if number == artifact.current_version else " · r reverts to it",
            )
        )
        body.update(text)

    # ------------------------------------------------------------------ actions

    def binding_key(self) -> tuple[object, ...]:
        number = self.selected_number()
        current = self.artifact.current_version if self.artifact else None
        return (self.artifact is not None, bool(self.versions), number is not None and number != current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "revert":
            number = self.selected_number()
            return self.artifact is not None and number is not None and number != self.artifact.current_version
        if action == "view":
            return self.artifact is not None and bool(self.versions)
        return True

    def action_view(self) -> None:
        self.showing_source = not self.showing_source
        number = self.selected_number()
        if number is not None:
            self._diff_worker(number)

    def action_revert(self) -> None:
        artifact = self.artifact
        number = self.selected_number()
        if artifact is None or number is None or number == artifact.current_version:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self._revert(artifact.id, number)

        self.app.push_screen(
            ConfirmDialog(
                f"Revert “{artifact.title}” to v{number}?",
                f"This makes v{artifact.current_version + 1}, equal to v{number}. Nothing is lost: "
                "every version stays in the history.",
                confirm="Revert",
            ),
            done,
        )

    @work(exit_on_error=False)
    async def _revert(self, artifact_id: str, number: int) -> None:
        try:
            version = await services(self).require_store().revert(artifact_id, number)
        except Exception as exc:
            self.notify(f"Could not revert: {exc}", severity="error", markup=False)
            return
        self.notify(f"Reverted: v{version.number} is v{number} again.", timeout=4, markup=False)

"""Command palette (Ctrl+P): every action by name, contributed by whoever owns it, and the
artifacts of the library by title ("Open: Habit tracker").

A screen or pane that has actions worth finding by name implements :class:`CommandSource`:
``palette_commands()`` yields a :class:`PaletteCommand` for each that makes sense now (an
artifact selected, a reply streaming…). :class:`ScreenCommands` gathers them from the screen the
palette was opened over and from its widgets, in the order they appear (Posting's habit: a
provider per screen). Nothing here knows the app or its panes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import Screen

from artifacts_runtime import kinds

from .messages import ArtifactSelected
from .services import services

#: Search hits shown for an artifact query.
ARTIFACT_HITS = 8


@dataclass(frozen=True)
class PaletteCommand:
    name: str
    help: str
    callback: Callable[[], object]


@runtime_checkable
class CommandSource(Protocol):
    """Something that contributes palette commands: a screen, a pane."""

    def palette_commands(self) -> Iterable[PaletteCommand]: ...


def gather(screen: Screen[object]) -> list[PaletteCommand]:
    """The commands of ``screen`` and of its widgets (screen first, then in DOM order)."""
    out: list[PaletteCommand] = []
    if isinstance(screen, CommandSource):
        out.extend(screen.palette_commands())
    for widget in screen.query("*"):
        if isinstance(widget, CommandSource):
            out.extend(widget.palette_commands())
    return out


class ScreenCommands(Provider):
    """Every action of the screen the palette was opened over, then Textual's own (Keys, Theme,
    Screenshot, Quit…).

    The app lists this as its only command provider with a ``discover`` step: Textual merges the
    results of several providers in the order their tasks happen to run, so with the system
    commands in a provider of their own the opened palette listed them first or last from one
    run to the next.
    """

    def commands(self) -> list[PaletteCommand]:
        own = gather(self.screen)
        system = [PaletteCommand(c.title, c.help, c.callback) for c in self.app.get_system_commands(self.screen)]
        return own + system

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.name, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.callback, help=command.help)


def highlight_plain(matcher: Matcher, name: str) -> Content:
    """The matched letters of ``name`` highlighted, ``name`` never read as markup (it holds an
    artifact's title; Textual's highlighter parses markup, so a title with ``[`` stays plain)."""
    if "[" in name:
        return Content(name)
    return matcher.highlight(name)


class ArtifactSearch(Provider):
    """Artifacts by title or content: choosing one shows it in the inspector."""

    async def search(self, query: str) -> Hits:
        store = services(self.app).store
        if store is None or len(query.strip()) < 2:
            return
        try:
            hits = await store.search(query, limit=ARTIFACT_HITS)
        except Exception:
            return
        matcher = self.matcher(query)
        for rank, hit in enumerate(hits):
            artifact = hit.artifact
            name = f"Open: {artifact.title}"
            score = max(matcher.match(name), 0.5 - rank * 0.05)
            yield Hit(
                score,
                highlight_plain(matcher, name),
                partial(self.screen.post_message, ArtifactSelected(artifact.id, focus=True)),
                help=f"{kinds.SHORT_NAMES.get(artifact.type, artifact.type)} · v{artifact.current_version}",
            )

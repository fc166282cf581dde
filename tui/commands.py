"""Command palette (Ctrl+P) providers: every action of the app by name, and the artifacts of
the library by title ("Open: Habit tracker")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from artifacts_runtime import kinds

if TYPE_CHECKING:  # pragma: no cover
    from .app import ArtifactsApp


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[[], Any]


def app_commands(app: ArtifactsApp) -> list[Command]:
    """The commands that make sense now (an artifact selected, a reply streaming…)."""
    screen = app.main_screen
    out: list[Command] = [
        Command("View: Library", "show the library (F2)", partial(app.action_show_view, "library")),
        Command("View: Chat", "show the chat (F3)", partial(app.action_show_view, "chat")),
        Command("View: Inspector", "show the inspector (F4)", partial(app.action_show_view, "inspector")),
        Command("Library: Search", "search titles and content as you type (/)", app.action_search),
        Command("Chat: New conversation", "start over with an empty chat (Ctrl+N)", app.action_new_chat),
        Command("Chat: Conversations…", "open an earlier conversation (Ctrl+R)", app.action_conversations),
        Command(
            "Chat: Attach a file…",
            "Claude sees it; artifacts read it with window.fs.readFile (Ctrl+T)",
            app.command_attach,
        ),
        Command("Help: Keys", "every key, by pane (F1)", app.action_help),
    ]
    if screen is None:
        return out
    library = screen.library
    for type_ in (None, *kinds.TYPES):
        label = kinds.SHORT_NAMES.get(type_, "all types") if type_ else "all types"
        out.append(
            Command(
                f"Library: Show {label}", "filter the library by type (t cycles)", partial(app.command_filter, type_)
            )
        )
    for sort in ("updated", "created", "title"):
        out.append(
            Command(f"Library: Sort by {sort}", "order of the library (s cycles)", partial(app.command_sort, sort))
        )
    tabs = [("library", "Show the library"), ("trash", "Show the trash")]
    if library._catalog:
        tabs.insert(1, ("catalog", "Show the catalog"))
    for tab, label in tabs:
        out.append(Command(f"Library: {label}", "the tabs of the library ([ and ])", partial(app.command_tab, tab)))
    if app.current_artifact_id:
        out += [
            Command(
                "Artifact: Open preview",
                "its window, or the URL to open in a browser (Ctrl+O)",
                app.action_open_preview,
            ),
            Command("Artifact: Rename…", "give it another title (r)", partial(app.command_library, "rename")),
            Command("Artifact: Pin / unpin", "pinned artifacts come first (p)", partial(app.command_library, "pin")),
            Command("Artifact: Move to the trash", "u undoes it (d)", partial(app.command_library, "trash")),
            Command("Artifact: Edit code", "saving makes a new version (e)", app.command_edit),
            Command(
                "Artifact: Versions and diffs",
                "every version, diff to the one before (v)",
                partial(app.command_inspector_tab, "versions"),
            ),
            Command("Artifact: State", "its stored keys and values (s)", partial(app.command_inspector_tab, "state")),
            Command("Artifact: Add a state key…", "a personal or shared value", app.command_add_state),
            Command("Artifact: Continue its conversation", "chat about this artifact (c)", app.command_chat_about),
        ]
        if app.runtime_errors.get(app.current_artifact_id):
            out.append(
                Command("Artifact: Fix with Claude", "send the preview's runtime error to Claude (F)", app.command_fix)
            )
    if library._undo:
        out.append(
            Command(
                "Library: Undo move to trash",
                "bring back the last artifact you trashed (u)",
                partial(app.command_library, "undo"),
            )
        )
    if screen.chat.streaming:
        out.append(Command("Chat: Cancel the reply", "what arrived is kept (Esc)", app.action_cancel_reply))
    return out


class AppCommands(Provider):
    """Every action of the app."""

    @property
    def artifacts_app(self) -> ArtifactsApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for command in app_commands(self.artifacts_app):
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in app_commands(self.artifacts_app):
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)


class ArtifactSearch(Provider):
    """Artifacts by title or content: choosing one shows it in the inspector."""

    async def search(self, query: str) -> Hits:
        app: Any = self.app
        workspace = getattr(app, "workspace", None)
        if workspace is None or len(query.strip()) < 2:
            return
        try:
            hits = await workspace.store.search(query, limit=8)
        except Exception:
            return
        matcher = self.matcher(query)
        for rank, hit in enumerate(hits):
            title = hit.artifact.title
            name = f"Open: {title}"
            score = max(matcher.match(name), 0.5 - rank * 0.05)
            yield Hit(
                score,
                matcher.highlight(name),
                partial(app.select_artifact, hit.artifact.id),
                help=f"{kinds.SHORT_NAMES.get(hit.artifact.type, hit.artifact.type)} · v{hit.artifact.current_version}",
            )

"""The app: ``artifacts`` with no arguments.

Start-up is paint first: the screen is composed from light widgets and drawn before anything
slow happens. Then, in a worker, the workspace opens (the library file, the event hub), the
library loads, and the local server starts in this same loop. The Anthropic SDK (about two
seconds to import) is imported on the first chat only.

Quitting (Ctrl+Q) cancels a streaming reply and waits for the engine to store what arrived,
closes the preview windows (their host process ends), stops the server and closes the library.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from artifacts_runtime.config import Config, load_config
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.paths import Paths, get_paths

from . import bindings as keys
from .commands import AppCommands, ArtifactSearch
from .formatting import one_line
from .gc_tuning import freeze_once
from .messages import RuntimeEvent, WorkspaceReady
from .preview import MANAGER_MODULE, Previews
from .screens.main import MainScreen
from .settings import load_keymap, save_theme

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.workspace import Workspace

log = logging.getLogger(__name__)

DEFAULT_THEME = "textual-dark"
MAX_ERRORS_KEPT = 20  # runtime errors remembered per artifact


class ArtifactsApp(App[int]):
    TITLE = "artifacts"
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    COMMANDS = App.COMMANDS | {AppCommands, ArtifactSearch}
    BINDINGS = [
        *keys.bindings(keys.APP),
        Binding("escape", "cancel_reply", show=False),
    ]
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        paths: Paths | None = None,
        *,
        config: Config | None = None,
        clock: Callable[[], float] = time.time,
        preview_module: str | None = MANAGER_MODULE,
        start_server: bool = True,
    ) -> None:
        super().__init__()
        self.paths = paths or get_paths()
        self.config = config or load_config(self.paths)
        self.clock = clock
        self.preview_module = preview_module
        self.start_server_on_open = start_server
        self.workspace: Workspace | None = None
        self.store: Any = None  # the library's Store: open before the rest of the workspace
        self.previews: Previews | None = None
        self.runtime_errors: dict[str, list[dict[str, Any]]] = {}
        self.current_artifact_id: str | None = None
        self.workspace_error: str | None = None
        self.keymap, self.keymap_problems = load_keymap(self.paths)
        self._unsubscribe: Callable[[], None] | None = None
        self._grant_questions: dict[tuple[str, str], asyncio.Future[str]] = {}
        self._services_closed = False
        self._theme_ready = False
        self.ready = asyncio.Event()
        self.first_paint: float | None = None
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.theme = DEFAULT_THEME

    # ------------------------------------------------------------------ helpers

    def now(self) -> float:
        return self.clock()

    @property
    def main_screen(self) -> MainScreen | None:
        """The main screen once its panes exist (None before, during the first paint)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen) and screen.built:
                return screen
        return None

    # ------------------------------------------------------------------ start-up

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        self.push_screen(MainScreen())
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.first_paint = time.perf_counter()
        self._theme_ready = True
        self.run_worker(self._start, group="workspace", exit_on_error=False)
        for problem in self.keymap_problems:
            self.notify(problem, severity="warning", timeout=10)

    async def _start(self) -> None:
        """After the first paint: the library (its pane and file, side by side), its first
        page, then the chat and the inspector, then the rest of the workspace."""
        screen = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if screen is None:
            return
        opening = asyncio.create_task(self._open_store())
        await screen.build_library()
        if await opening:
            screen.library.start()
            try:  # let the first page reach the screen before anything else
                await asyncio.wait_for(screen.library.first_page.wait(), 2.0)
            except TimeoutError:
                pass
        await screen.build_others()
        if self.store is not None:
            await self._open_workspace()
        else:
            self._workspace_failed(self.workspace_error or "the library could not be opened")

    async def _open_store(self) -> bool:
        try:
            from artifacts_runtime.store import Store

            self.paths.ensure()
            self.store = await Store.open(self.paths.library, quota_bytes=self.config.state_quota_bytes)
            return True
        except ArtifactsError as exc:
            self.workspace_error = str(exc)
        except Exception as exc:
            log.exception("opening the library failed")
            self.workspace_error = f"the library could not be opened: {exc}"
        return False

    async def _open_workspace(self) -> None:
        """Everything besides the library file: events, bridge, server, previews."""
        screen = self.main_screen
        try:
            module = await asyncio.to_thread(importlib.import_module, "artifacts_runtime.workspace")
            assets = importlib.import_module("artifacts_runtime.assets")
            workspace = module.Workspace(self.paths, self.config, self.store, assets.AssetCache())
        except Exception as exc:
            log.exception("opening the workspace failed")
            self._workspace_failed(f"the app could not start its services: {exc}")
            return
        self.workspace = workspace
        self.previews = Previews(workspace, self._preview_event, manager_module=self.preview_module)
        self._unsubscribe = workspace.events.subscribe(self._runtime_event)
        fetcher = getattr(workspace.bridge, "fetcher", None)
        if fetcher is not None and hasattr(fetcher, "asker"):
            fetcher.asker = self.ask_grant  # an artifact's fetch() to a new origin asks here
        if screen is not None:
            screen.post_message(WorkspaceReady())
        self.update_status()
        self.ready.set()
        freeze_once("startup")
        if self.start_server_on_open:
            try:
                await workspace.start_server()
            except OSError as exc:
                self.notify(
                    f"The local server could not start ({exc}); previews are off.", severity="error", timeout=10
                )
            self.update_status()

    def _workspace_failed(self, message: str) -> None:
        self.workspace_error = message
        text = message[:1].upper() + message[1:]
        self.notify(text, title="Library", severity="error", timeout=30)
        screen = self.main_screen
        if screen is not None:
            from textual.widgets import Static

            screen.library.query_one("#library-empty", Static).update(f"{text}\n\nCtrl+Q quits.")

    def update_status(self) -> None:
        screen = self.main_screen
        if screen is None:
            return
        from .widgets.top_bar import TopBar

        parts = []
        workspace = self.workspace
        if workspace is not None:
            if workspace.server is not None:
                parts.append(f"server :{workspace.server.port}")
            if not workspace.model_service().has_key():
                parts.append("[b]no API key[/b]")
        if screen.chat.streaming:
            parts.append("[b]● replying[/b]")
        screen.query_one(TopBar).status = " · ".join(parts)

    # ------------------------------------------------------------------ runtime events

    def _runtime_event(self, event: dict[str, Any]) -> None:
        """From the EventHub (called in this loop, by whoever published)."""
        if event.get("type") == "artifact.error":
            artifact_id = event.get("artifact_id")
            if isinstance(artifact_id, str):
                errors = self.runtime_errors.setdefault(artifact_id, [])
                errors.append(dict(event))
                del errors[:-MAX_ERRORS_KEPT]
                self.run_worker(self._tell_error(artifact_id, event), exit_on_error=False)
        elif event.get("type") in ("artifact.updated", "artifact.deleted"):
            # A new version may well fix it: old errors no longer describe the current code.
            artifact_id = event.get("artifact_id")
            if isinstance(artifact_id, str):
                self.runtime_errors.pop(artifact_id, None)
        screen = self.main_screen
        if screen is not None:
            screen.post_message(RuntimeEvent(event))

    async def _tell_error(self, artifact_id: str, event: dict[str, Any]) -> None:
        title = artifact_id
        if self.workspace is not None:
            try:
                title = (await self.workspace.store.get(artifact_id)).title
            except ArtifactsError:
                pass
        self.notify(
            f"{one_line(str(event.get('message', 'error')), 160)}\nInspector (F4): F sends it to Claude to fix.",
            title=f"“{title}” reported an error",
            severity="warning",
            timeout=10,
        )

    def _preview_event(self, event: dict[str, Any]) -> None:
        kind = event.get("event") or event.get("type")
        if kind == "crashed":
            self.notify(
                f"The preview windows closed unexpectedly; the next preview restarts them. "
                f"Details: {event.get('log', 'the preview log')}",
                severity="error",
                timeout=10,
            )
        elif kind == "error" and event.get("message"):
            self.notify(f"Preview: {event['message']}", severity="error", timeout=8)

    async def ask_grant(self, artifact_id: str, origin: str) -> str:
        """An artifact's fetch() to ``origin``: "once", "always" or "deny", as the person says.
        Requests for the same artifact and origin while one is asked share its answer."""
        key = (artifact_id, origin)
        pending = self._grant_questions.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        from .screens.dialogs import GrantDialog

        loop = asyncio.get_running_loop()
        future: asyncio.Future[str] = loop.create_future()
        self._grant_questions[key] = future
        title = artifact_id
        if self.workspace is not None:
            try:
                title = (await self.workspace.store.get(artifact_id)).title
            except ArtifactsError:
                pass

        def answered(answer: str | None) -> None:
            if not future.done():
                future.set_result(answer or "deny")

        try:
            self.push_screen(GrantDialog(title, origin), answered)
            return await future
        finally:
            self._grant_questions.pop(key, None)

    # ------------------------------------------------------------------ previews

    def open_preview(self, artifact_id: str | None = None) -> None:
        artifact_id = artifact_id or self.current_artifact_id
        if artifact_id is None:
            self.notify("Select an artifact first (F2: library).", severity="warning", timeout=4)
            return
        if self.previews is None:
            self.notify("The library is still opening.", severity="warning", timeout=4)
            return
        self.run_worker(self._open_preview(artifact_id), group="preview", exit_on_error=False)

    async def _open_preview(self, artifact_id: str) -> None:
        assert self.previews is not None and self.workspace is not None
        try:
            artifact = await self.workspace.store.get(artifact_id)
            fallback = await self.previews.open(artifact_id)
        except ArtifactsError as exc:
            self.notify(str(exc), title="Preview", severity="error", timeout=8)
            return
        except OSError as exc:
            self.notify(f"The preview could not start: {exc}", title="Preview", severity="error")
            return
        self.update_status()
        if fallback is None:
            self.notify(f"Opened “{artifact.title}” in its window.", timeout=3)
            return
        from .screens.dialogs import PreviewUrlDialog

        await self.push_screen(PreviewUrlDialog(artifact.title, fallback.reason, fallback.url, fallback.ssh_hint))

    # ------------------------------------------------------------------ actions

    def action_show_view(self, name: str) -> None:
        screen = self.main_screen
        if screen is None:
            return
        if self.screen is not screen:
            return
        screen.show_view(name)

    def action_search(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.show_view("library", focus=False)
            screen.library.focus_search()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    def action_open_preview(self) -> None:
        self.open_preview()

    def action_new_chat(self) -> None:
        screen = self.main_screen
        if screen is None or self.workspace is None:
            return
        self.run_worker(screen.chat.load_conversation(None), exit_on_error=False)
        screen.show_view("chat")

    def action_conversations(self) -> None:
        if self.workspace is None:
            return
        self.run_worker(self._conversations(), exit_on_error=False)

    async def _conversations(self) -> None:
        from .screens.dialogs import ConversationsDialog

        screen = self.main_screen
        assert screen is not None and self.workspace is not None
        conversations = await self.workspace.store.conversations(limit=500)

        def done(choice: str | None) -> None:
            if choice is None:
                return
            self.run_worker(screen.chat.load_conversation(None if choice == "new" else choice), exit_on_error=False)
            screen.show_view("chat")

        self.push_screen(ConversationsDialog(conversations, self.now(), screen.chat.conversation_id), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_reply":
            screen = self.main_screen
            return screen is not None and screen.chat.streaming
        return True

    def action_cancel_reply(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.chat.action_cancel()

    def select_artifact(self, artifact_id: str) -> None:
        from .messages import ArtifactSelected

        screen = self.main_screen
        if screen is not None:
            screen.post_message(ArtifactSelected(artifact_id, focus=True))

    # palette commands that reach into a pane --------------------------------------------

    def command_filter(self, type_: str | None) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.show_view("library")
            screen.library.tab = "library"
            screen.library.set_type_filter(type_)

    def command_sort(self, sort: str) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.show_view("library")
            screen.library.sort = sort

    def command_tab(self, tab: str) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.show_view("library")
            screen.library.tab = tab

    def command_library(self, action: str) -> None:
        screen = self.main_screen
        if screen is None:
            return
        library = screen.library
        if action != "undo" and self.current_artifact_id and not library.select(self.current_artifact_id):
            self.notify("That artifact is not in the list shown: clear the search or filter first.", severity="warning")
            return
        screen.show_view("library")
        getattr(library, f"action_{action}")()

    def command_edit(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.show_view("inspector")
            screen.inspector.tab = "code"
            screen.inspector.code.action_edit()

    def command_inspector_tab(self, tab: str) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.inspector.tab = tab
            screen.show_view("inspector")

    def command_add_state(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.inspector.tab = "state"
            screen.show_view("inspector")
            screen.inspector.state.action_add()

    def command_chat_about(self) -> None:
        from .messages import ChatAbout

        screen = self.main_screen
        if screen is not None and self.current_artifact_id:
            screen.post_message(ChatAbout(self.current_artifact_id))

    def command_fix(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.inspector.action_fix()

    def command_attach(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.show_view("chat")
            screen.chat.action_attach()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly: say so (and log it) rather than fail silently."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        log.error("%s failed", event.worker.name or "a worker", exc_info=error)
        if isinstance(error, ArtifactsError):
            self.notify(str(error), severity="error", timeout=8)
        else:
            self.notify(
                f"Something went wrong: {error!r}. Details are in {self.paths.logs / 'app.log'}.",
                severity="error",
                timeout=10,
            )

    # ------------------------------------------------------------------ theme

    def _theme_changed(self, theme: Any) -> None:
        if not self._theme_ready:
            return
        name = getattr(theme, "name", None) or self.theme
        self.run_worker(asyncio.to_thread(self._save_theme, name), group="theme", exclusive=True, exit_on_error=False)

    def _save_theme(self, name: str) -> None:
        try:
            save_theme(self.paths, name)
        except OSError as exc:
            self.call_from_thread(self.notify, f"Could not remember the theme: {exc}", severity="warning")

    # ------------------------------------------------------------------ quitting

    async def action_quit(self) -> None:
        await self.close_services()
        self.exit(0)

    async def close_services(self) -> None:
        """Stop a reply (keeping what arrived), close previews, the server and the library."""
        if self._services_closed:
            return
        self._services_closed = True
        screen = self.main_screen
        if screen is not None:
            try:
                await asyncio.wait_for(screen.chat.cancel_and_wait(), 10)
            except Exception:
                log.exception("cancelling the reply failed")
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self.previews is not None:
            try:
                await asyncio.wait_for(self.previews.aclose(), 15)
            except Exception:
                log.exception("closing the previews failed")
        workspace, self.workspace = self.workspace, None
        store, self.store = self.store, None
        try:
            if workspace is not None:
                await workspace.close()  # the server, the model client, the store
            elif store is not None:
                await store.close()
        except Exception:
            log.exception("closing the library failed")

    async def on_unmount(self) -> None:
        await self.close_services()


def make_app(**kwargs: Any) -> ArtifactsApp:
    """The app, built and not run (tests and benchmarks use this)."""
    return ArtifactsApp(**kwargs)


def main(argv: list[str] | None = None) -> int:
    try:
        app = make_app()
    except ArtifactsError as exc:
        print(f"artifacts: {exc}", file=sys.stderr)
        return 1
    _log_to_file(app.paths)
    result = app.run()
    if app.workspace_error:
        print(f"artifacts: {app.workspace_error}", file=sys.stderr)
        return 1
    return int(result or 0)


def _log_to_file(paths: Paths) -> None:  # pragma: no cover - wiring
    """Warnings go to logs/app.log: the terminal belongs to the app."""
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(Path(paths.logs) / "app.log", encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)

"""The app: ``artifacts`` with no arguments.

Start-up is the library first: building the app starts reading the library's first page in a
thread (``Services.first_page``), and the first screen drawn is the frame with that page in the
list; nothing else is imported for it. Then, in a worker, the store opens and confirms the page,
the chat and the inspector are mounted, the workspace opens (the event hub, the bridge) and the
local server starts in this same loop. The Anthropic SDK (about two seconds to import) is
imported on the first chat only. docs/tui.md ("Start-up") has the measured steps.

Quitting (Ctrl+Q) cancels a streaming reply and waits for the engine to store what arrived,
closes the preview windows (their host process ends), stops the server and closes the library.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from artifacts_runtime.config import Config, load_config
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.paths import PRIVATE_DIR, Paths, create_private, get_paths

from . import bindings as keys
from . import startup
from .gc_tuning import startup_done
from .messages import FixWithClaude, HubEvent, RuntimeEvent, WorkspaceReady
from .preview import ManagerFactory, Previews, preview_manager
from .screens.main import MainScreen
from .services import FirstPageRead, Services
from .settings import load_keymap, save_theme
from .widgets.library_query import PAGE

if TYPE_CHECKING:  # pragma: no cover
    from textual.command import Provider
    from textual.theme import Theme

    from artifacts_runtime.preview.protocol import PreviewEvent
    from artifacts_runtime.store import Store
    from artifacts_runtime.workspace import Workspace

    from .dialogs.grant import GrantQuestions, Question

log = logging.getLogger(__name__)

DEFAULT_THEME = "textual-dark"
#: The styles of what is mounted after the first frame (app.tcss holds the first screen's).
PANE_CSS = Path(__file__).with_name("panes.tcss")
MAX_ERRORS_KEPT = 20  # runtime errors remembered per artifact


def _screen_commands() -> type[Provider]:
    from .commands import ScreenCommands  # the palette's module, imported when it first opens

    return ScreenCommands


class ArtifactsApp(App[int]):
    TITLE = "artifacts"
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    #: One provider for every screen's commands and Textual's system ones, in a stable order
    #: (see ``ScreenCommands``); the main screen adds the artifact search.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {_screen_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
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
        preview_manager: ManagerFactory | None = preview_manager,
        start_server: bool = True,
    ) -> None:
        super().__init__()
        self.paths = paths or get_paths()
        # The library's first page is read in a thread from now on, while the rest starts.
        first_page = FirstPageRead(self.paths.library, PAGE + 1)
        self.config = config or load_config(self.paths)
        self.preview_manager = preview_manager
        self.start_server_on_open = start_server
        self.workspace_error: str | None = None
        keymap, self.keymap_problems = load_keymap(self.paths, self.config)
        self._services = Services(clock=clock, keymap=keymap, first_page=first_page)
        self._unsubscribe: Callable[[], None] | None = None
        self._grant_questions: GrantQuestions | None = None
        self._services_closed = False
        self._theme_ready = False
        #: Set once the workspace is open and every pane is mounted (tests and benchmarks wait for it).
        self.ready = asyncio.Event()
        self.first_paint: float | None = None
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.theme = DEFAULT_THEME
        startup.mark("app built (config, keymap, theme)")
        startup.log_frames(self)

    # ------------------------------------------------------------------ services

    @property
    def services(self) -> Services:
        """What the panes use of the runtime (``tui.services.services(widget)`` reaches it)."""
        return self._services

    @property
    def keymap(self) -> dict[str, str]:
        return self._services.keymap

    @property
    def workspace(self) -> Workspace | None:
        return self._services.workspace

    @property
    def store(self) -> Store | None:
        return self._services.store

    @property
    def previews(self) -> Previews | None:
        return self._services.previews

    @property
    def grant_questions(self) -> GrantQuestions:
        """Live-data questions waiting for an answer (dialogs/grant.py, imported on the first)."""
        if self._grant_questions is None:
            from .dialogs.grant import GrantQuestions

            self._grant_questions = GrantQuestions()
        return self._grant_questions

    @property
    def runtime_errors(self) -> dict[str, list[HubEvent]]:
        return self._services.runtime_errors

    def now(self) -> float:
        return self._services.now()

    async def wait_ready(self, within: float | None = None) -> None:
        """Until the workspace is open and the panes are mounted (TimeoutError after ``within`` s)."""
        async with asyncio.timeout(within):
            await self.ready.wait()

    @property
    def main_screen(self) -> MainScreen | None:
        """The main screen once its panes exist (None before, during the first paint)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen) and screen.built:
                return screen
        return None

    # ------------------------------------------------------------------ start-up

    def get_default_screen(self) -> MainScreen:
        # The first screen, composed with the app (a pushed screen is laid out and drawn once
        # more, inside Textual's start-up batch, for nothing).
        return MainScreen()

    def on_mount(self) -> None:
        startup.mark("app mounted (driver, CSS)")
        if self.keymap:
            self.set_keymap(self.keymap)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.first_paint = time.perf_counter()
        startup.mark("first frame on screen")
        self._theme_ready = True
        self._start()
        for problem in self.keymap_problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)

    @work(group="workspace", exit_on_error=False)
    async def _start(self) -> None:
        """After the first paint (the library's frame and its first page, read at start-up):
        the store, its own first page, then the chat and the inspector, then the rest of the
        workspace."""
        try:
            self.read_pane_styles()
            screen = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
            if screen is None:
                return
            if await self._open_store():
                startup.mark("store open")
                screen.library.start()
                try:  # let the first page reach the screen before anything else
                    await asyncio.wait_for(screen.library.first_page.wait(), 2.0)
                except TimeoutError:
                    pass
                startup.mark("the store's first page on screen")
            await screen.build_others()
            startup.mark("chat and inspector mounted")
            if self._services.store is not None:
                await self._open_workspace()
            else:
                self._workspace_failed(self.workspace_error or "the library could not be opened")
        finally:
            startup_done()  # freezes the heap once; the collector is on again whatever happened

    def read_pane_styles(self) -> None:
        """Add panes.tcss to the styles (once): before the chat, the inspector or a dialog mounts."""
        if not self.stylesheet.has_source(os.path.abspath(PANE_CSS)):  # the key read() files it under
            self.stylesheet.read(PANE_CSS)
            self.stylesheet.parse()

    async def _open_store(self) -> bool:
        try:
            from artifacts_runtime.store import Store

            self.paths.ensure()
            self._services.store = await Store.open(self.paths.library, quota_bytes=self.config.state_quota_bytes)
            return True
        except ArtifactsError as exc:
            self.workspace_error = str(exc)
        except Exception as exc:
            log.exception("opening the library failed")
            self.workspace_error = f"the library could not be opened: {exc}"
        return False

    async def _open_workspace(self) -> None:
        """Everything besides the library file: events, bridge, server, previews."""
        store = self._services.require_store()
        try:
            # aiohttp and the bridge are imported in a thread: the loop keeps drawing meanwhile.
            workspace_class = await asyncio.to_thread(_workspace_class)
            from artifacts_runtime.assets import AssetCache

            workspace = workspace_class(self.paths, self.config, store, AssetCache())
        except Exception as exc:
            log.exception("opening the workspace failed")
            self._workspace_failed(f"the app could not start its services: {exc}")
            return
        self._services.workspace = workspace
        self._services.previews = Previews(workspace, self._preview_event, manager=self.preview_manager)
        self._unsubscribe = workspace.events.subscribe(self._runtime_event)
        workspace.watch_other_processes()  # an `artifacts import` in another shell shows here
        workspace.bridge.fetcher.asker = self.ask_grant  # an artifact's fetch() to a new origin asks here
        screen = self.main_screen
        if screen is not None:
            screen.post_message(WorkspaceReady())
            screen.update_status()
        self.ready.set()
        startup.mark("workspace ready")
        startup_done()
        if self.start_server_on_open:
            try:
                await workspace.start_server()
            except OSError as exc:
                self.notify(
                    f"The local server could not start ({exc}); previews are off.",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            if screen is not None:
                screen.update_status()
            startup.mark("server started")

    def _workspace_failed(self, message: str) -> None:
        self.workspace_error = message
        text = message[:1].upper() + message[1:]
        self.notify(text, title="Library", severity="error", timeout=30, markup=False)
        screen = self.main_screen
        if screen is not None:
            screen.show_failure(text)

    # ------------------------------------------------------------------ runtime events

    def _runtime_event(self, event: HubEvent) -> None:
        """From the EventHub (called in this loop, by whoever published)."""
        kind = event.get("type")
        artifact_id = event.get("artifact_id")
        if kind == "artifact.error" and isinstance(artifact_id, str):
            errors = self._services.runtime_errors.setdefault(artifact_id, [])
            errors.append(dict(event))
            del errors[:-MAX_ERRORS_KEPT]
            if event.get("fatal") is not False:  # a missing image is listed, not announced
                self._tell_error(artifact_id, event)
        elif kind == "artifact.fix_requested" and isinstance(artifact_id, str):
            self._fix_from_page(artifact_id)
        elif kind == "server.port_taken":
            self.notify(
                str(event.get("message", "")), title="Local server", severity="warning", timeout=15, markup=False
            )
        elif kind in ("artifact.updated", "artifact.deleted") and isinstance(artifact_id, str):
            # A new version may well fix it: old errors no longer describe the current code.
            self._services.runtime_errors.pop(artifact_id, None)
        screen = self.main_screen
        if screen is not None:
            screen.post_message(RuntimeEvent(event))

    def _fix_from_page(self, artifact_id: str) -> None:
        """ "Fix with Claude" clicked in a preview (the shell's button): the last error the app
        recorded for it goes to Claude, as F in the inspector sends it. What the page sent with
        its click is not used: the report is the one the app already holds."""
        report = self._services.fix_report(artifact_id)
        screen = self.main_screen
        if report is None or screen is None:
            self.notify("That preview's error is no longer recorded here: reload the preview.", timeout=6)
            return
        screen.post_message(FixWithClaude(artifact_id, report))

    async def _title_of(self, artifact_id: str) -> str:
        store = self._services.store
        if store is not None:
            try:
                return (await store.get(artifact_id)).title
            except ArtifactsError:
                pass
        return artifact_id

    @work(exit_on_error=False)
    async def _tell_error(self, artifact_id: str, event: HubEvent) -> None:
        from .formatting import one_line

        title = await self._title_of(artifact_id)
        self.notify(
            f"{one_line(str(event.get('message', 'error')), 160)}\nInspector (F4): F sends it to Claude to fix.",
            title=f"“{title}” reported an error",
            severity="warning",
            timeout=10,
            markup=False,
        )

    def _preview_event(self, event: PreviewEvent) -> None:
        kind = event.get("type")
        if kind == "crashed":
            self.notify(
                f"The preview windows closed unexpectedly; the next preview restarts them. "
                f"Details: {event.get('log', 'the preview log')}",
                severity="error",
                timeout=10,
                markup=False,
            )
        elif kind == "error" and event.get("message"):
            self.notify(f"Preview: {event['message']}", severity="error", timeout=8, markup=False)

    async def ask_grant(self, artifact_id: str, origin: str) -> str:
        """An artifact's fetch() to ``origin``: "once", "always" or "deny", as the person says.

        The question waits in the grant bar, without taking the focus, until the person opens it
        (``app.grant``) and answers; requests for the same artifact and origin share it. Too many
        questions raise :class:`~artifacts_runtime.connectors.FetchRefused` (the page's error)."""
        title = await self._title_of(artifact_id)
        question = self.grant_questions.ask(artifact_id, origin, title)
        self._show_grant_bar()
        try:
            return await asyncio.shield(question.answer)
        except asyncio.CancelledError:
            if not question.answer.done():  # the page went away: no one waits for this answer
                self.grant_questions.forget(question)
                self._show_grant_bar()
            raise

    def _show_grant_bar(self) -> None:
        """The bar on the main screen shows the oldest waiting question, or goes."""
        from .dialogs.grant import GrantBar, bar_text

        screen = self.main_screen
        if screen is None:
            return
        question = self.grant_questions.next()
        bars = screen.query(GrantBar)
        if question is None:
            bars.remove()
            return
        text = bar_text(question, len(self.grant_questions), self._grant_key())
        if bars:
            bars.first().show(text)
        else:
            screen.mount(GrantBar(text), after=screen.query_one("#panes"))

    def _grant_key(self) -> str:
        key = next(k for k in keys.APP if k.id == "app.grant")
        return keys.display_keys(replace(key, keys=self.keymap.get(key.id, key.keys)))

    def action_answer_grant(self) -> None:
        """Open the oldest waiting question (the bar's key): a deliberate step, never a typed letter."""
        from .dialogs.grant import GrantDialog

        question = self.grant_questions.next()
        if question is None or any(isinstance(s, GrantDialog) for s in self.screen_stack):
            return

        def answered(answer: str | None, question: Question = question) -> None:
            if answer is not None:  # Esc: later, the question keeps waiting
                self.grant_questions.answer(question, answer)
            self._show_grant_bar()

        waiting = len(self.grant_questions) - 1
        self.push_screen(GrantDialog(question.title, question.origin, waiting=waiting), answered)

    # ------------------------------------------------------------------ actions

    def action_show_view(self, name: str) -> None:
        screen = self.main_screen
        if screen is not None and self.screen is screen:
            screen.show_view(name)

    def action_search(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.search()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.read_pane_styles()  # F1 may come before start-up read them
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    def action_open_preview(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.open_preview()
        else:
            self.notify("The library is still opening.", severity="warning", timeout=4)

    def action_new_chat(self) -> None:
        screen = self.main_screen
        if screen is not None and self.workspace is not None:
            screen.new_chat()

    def action_conversations(self) -> None:
        screen = self.main_screen
        if screen is not None and self.workspace is not None:
            screen.pick_conversation()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_reply":
            screen = self.main_screen
            return screen is not None and screen.chat.streaming
        return True

    def action_cancel_reply(self) -> None:
        screen = self.main_screen
        if screen is not None:
            screen.chat.action_cancel()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly: say so (and log it) rather than fail silently."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        log.error("%s failed", event.worker.name or "a worker", exc_info=error)
        if isinstance(error, ArtifactsError):
            self.notify(str(error), severity="error", timeout=8, markup=False)
        else:
            self.notify(
                f"Something went wrong: {error!r}. Details are in {self.paths.logs / 'app.log'}.",
                severity="error",
                timeout=10,
                markup=False,
            )

    # ------------------------------------------------------------------ theme

    def _theme_changed(self, theme: Theme) -> None:
        if self._theme_ready:
            self._save_theme(theme.name or self.theme)

    @work(thread=True, group="theme", exclusive=True, exit_on_error=False)
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
        found = self._services
        if found.previews is not None:
            try:
                await asyncio.wait_for(found.previews.aclose(), 15)
            except Exception:
                log.exception("closing the previews failed")
        workspace, found.workspace = found.workspace, None
        store, found.store = found.store, None
        try:
            if workspace is not None:
                await workspace.close()  # the server, the model client, the store
            elif store is not None:
                await store.close()
        except Exception:
            log.exception("closing the library failed")

    async def on_unmount(self) -> None:
        await self.close_services()


def _workspace_class() -> type[Workspace]:
    from artifacts_runtime.workspace import Workspace

    return Workspace


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
        paths.logs.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        create_private(Path(paths.logs) / "app.log")
        handler = logging.FileHandler(Path(paths.logs) / "app.log", encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)

"""The chat pane: a conversation with Claude whose replies stream as Markdown, and whose
artifacts land in the library as they are made.

The chat engine (``artifacts_runtime.chat``) is built on the first message; the Anthropic SDK
is imported then (in a thread, by the model service), never at start-up. A turn runs in a
worker; Esc cancels it and the engine keeps what arrived (stored as it went, marked
incomplete).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static, TextArea
from textual.worker import Worker

from artifacts_runtime.chat.events import (
    ArtifactCreated,
    ArtifactUpdated,
    ChatEvent,
    Error,
    Retrying,
    TextDelta,
    ToolError,
    ToolInputProgress,
    TurnDone,
    TurnStarted,
    Usage,
)

from .. import bindings as keys
from ..commands import PaletteCommand
from ..formatting import one_line
from ..gc_tuning import freeze_after_sdk
from ..messages import (
    ArtifactChanged,
    LiveArtifact,
    StreamingArtifact,
    StreamingFinished,
    TurnFinished,
)
from ..services import services
from . import chat_settings
from .chat_log import (
    ArtifactChip,
    AssistantMessage,
    ChatLog,
    Notice,
    UserMessage,
    renders,
    stored_widgets,
    tool_results,
)
from .footer_state import FooterState
from .prompt_input import PromptInput

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.chat import ChatEngine, Turn
    from artifacts_runtime.workspace import Workspace

SHOWN_MESSAGES = 40  # a long conversation shows its newest messages
PROGRESS_INTERVAL = 0.1  # seconds between updates of an artifact's progress line
NO_KEY_HINT = (
    "No Anthropic API key is set, so Claude cannot answer here yet.\n"
    "Enter one now: Ctrl+P, then “API key” (kept for next time, readable only by you).\n"
    "Or set ANTHROPIC_API_KEY before starting artifacts. The library, previews and state work without a key."
)
NO_KEY_TOAST = "Enter your Anthropic API key: Ctrl+P, then “API key”. Your library, previews and state work without it."
WELCOME = (
    "Ask Claude for something you can use — a habit tracker, a budget chart, a regex tester, "
    "a diagram. What it builds becomes an artifact in your library.\n"
    "Enter sends · Ctrl+J new line · ↑ previous message · Ctrl+T attach a file"
)


class ChatPane(FooterState, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CHAT)

    conversation_id: reactive[str | None] = reactive(None, init=False)
    streaming: reactive[bool] = reactive(False, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.engine: ChatEngine | None = None
        self.turn_worker: Worker[None] | None = None
        self.pending_attachments: list[Path] = []
        self.attached_names: list[str] = []
        self.conversation_title = ""
        self._chips: dict[str, ArtifactChip] = {}
        self._live: dict[str, LiveArtifact] = {}
        self._last_progress: dict[str, float] = {}
        self._current_text: AssistantMessage | None = None
        self._attempt_widgets: list[Widget] = []
        self._warmed = False
        self.turns = 0

    def compose(self) -> ComposeResult:
        yield Static("New conversation", id="chat-header")
        yield ChatLog(id="chat-log")
        yield Static("", id="chat-status")
        yield Static("", id="chat-attachments")
        yield PromptInput(id="chat-input", placeholder="Ask Claude to make something…")

    @property
    def log_view(self) -> ChatLog:
        return self.query_one(ChatLog)

    @property
    def prompt(self) -> PromptInput:
        return self.query_one(PromptInput)

    @property
    def workspace(self) -> Workspace | None:
        return services(self).workspace

    def on_mount(self) -> None:
        self.query_one("#chat-status").display = False
        self.query_one("#chat-attachments").display = False

    def start(self) -> None:
        """The workspace is open."""
        self._welcome()

    def has_key(self) -> bool:
        workspace = self.workspace
        return workspace is not None and workspace.model_service().has_key()

    def _welcome(self) -> None:
        log = self.log_view
        if log.children:
            return
        if not self.has_key():
            log.mount(Notice(NO_KEY_HINT, kind="warning"))
        else:
            log.mount(Notice(WELCOME, kind="welcome"))

    # ------------------------------------------------------------------ conversations

    @work(exit_on_error=False)
    async def open_conversation(self, conversation_id: str | None) -> None:
        """Show a stored conversation (None: a new one), in a worker."""
        await self.load_conversation(conversation_id)

    async def load_conversation(self, conversation_id: str | None) -> None:
        """Show a stored conversation (None: a new, empty one)."""
        if self.streaming:
            self.notify("Claude is still replying: Esc cancels the reply first.", severity="warning")
            return
        log = self.log_view
        await log.remove_children()
        self._chips.clear()
        self.pending_attachments.clear()
        self.attached_names = []
        self.conversation_id = conversation_id
        if conversation_id is None:
            self.conversation_title = ""
            self._header()
            self.show_attachments()
            self._welcome()
            return
        store = services(self).require_store()
        conversation = await store.conversation(conversation_id)
        self.conversation_title = conversation.title
        messages = await store.messages(conversation_id)
        self.attached_names = [f.name for f in await store.files(conversation_id=conversation_id)]
        self._header(len(messages))
        self.show_attachments()
        widgets: list[Widget] = []
        visible = [m for m in messages if renders(m)]
        if len(visible) > SHOWN_MESSAGES:
            widgets.append(Notice(f"… {len(visible) - SHOWN_MESSAGES} earlier messages", kind="dim"))
            visible = visible[-SHOWN_MESSAGES:]
        results = tool_results(messages)
        for m in visible:
            widgets.extend(stored_widgets(m, results))
        history = [m.text() for m in messages if m.role == "user" and m.text().strip()]
        self.prompt.sent = history + [h for h in self.prompt.sent if h not in history]
        if widgets:
            await log.mount_all(widgets)
        log.scroll_end(animate=False)

    def _header(self, count: int | None = None) -> None:
        title = self.conversation_title or ("New conversation" if self.conversation_id is None else "(untitled)")
        extra = f" · {count} messages" if count else ""
        self.query_one("#chat-header", Static).update(
            Content.from_markup("[b]$title[/b][dim]$extra[/dim]", title=one_line(title, 60), extra=extra)
        )

    def show_attachments(self) -> None:
        line = self.query_one("#chat-attachments", Static)
        names = self.attached_names + [p.name + " (sent with your next message)" for p in self.pending_attachments]
        line.display = bool(names)
        line.update(Text("📎 " + "  ".join(names)) if names else "")

    # ------------------------------------------------------------------ sending

    @on(PromptInput.Submitted)
    def _submitted(self, event: PromptInput.Submitted) -> None:
        event.stop()
        self.send(event.text)

    @on(TextArea.Changed, "#chat-input")
    def _typing(self) -> None:
        # Start importing the SDK (~2 s) while the person types the first message.
        if not self._warmed and self.workspace is not None and self.has_key():
            self._warmed = True
            self._warm_up()

    @work(group="warm-up", exit_on_error=False)
    async def _warm_up(self) -> None:
        await services(self).require_workspace().model_service().warm_up()
        freeze_after_sdk()

    def send(self, text: str) -> bool:
        """Send ``text`` as the next message. Returns False when it could not be sent."""
        if self.workspace is None:
            self.notify("The library is still opening.", severity="warning")
            return False
        if self.streaming:
            self.notify("Claude is still replying: Esc cancels the reply.", severity="warning")
            return False
        if not self.has_key():
            self.notify(NO_KEY_TOAST, title="No API key", severity="error", timeout=12)
            return False
        engine = self._engine()
        attachments = list(self.pending_attachments)
        turn = engine.turn(text, conversation_id=self.conversation_id, attachments=attachments)
        self.prompt.remember(text)
        self.prompt.load_text("")
        self._begin_turn(UserMessage(text, attachments=[p.name for p in attachments]))
        self.pending_attachments.clear()
        self.attached_names += [p.name for p in attachments]
        self.show_attachments()
        self.turn_worker = self._run(turn)
        return True

    def fix(self, artifact_id: str, report: dict[str, Any]) -> bool:
        """ "Fix with Claude": send the artifact's runtime error into its conversation."""
        if self.workspace is None:
            return False
        if self.streaming:
            self.notify("Claude is still replying: Esc cancels the reply first.", severity="warning")
            return False
        if not self.has_key():
            self.notify(
                "Fix with Claude needs an API key. " + NO_KEY_TOAST, title="No API key", severity="error", timeout=10
            )
            return False
        turn = self._engine().fix(artifact_id, report)
        self._begin_turn(
            Notice(f"Sending the error to Claude: {one_line(report.get('message', ''), 120)}", kind="info")
        )
        self.turn_worker = self._run(turn)
        return True

    def _engine(self) -> ChatEngine:
        if self.engine is None:
            self.engine = services(self).require_workspace().chat_engine()
        return self.engine

    def _begin_turn(self, first: Widget) -> None:
        log = self.log_view
        for notice in list(log.query(Notice)):
            if notice.has_class("-welcome") or notice.has_class("-warning"):
                notice.remove()
        log.mount(first)
        log.anchor()
        log.scroll_end(animate=False)
        self._current_text = None
        self._attempt_widgets = []
        self.streaming = True
        self._status("● Claude is replying · [b]Esc[/b] cancels")

    def _status(self, text: str | Content) -> None:
        status = self.query_one("#chat-status", Static)
        status.display = bool(text)
        status.update(text)

    def watch_streaming(self, streaming: bool) -> None:
        self.set_class(streaming, "-streaming")
        self.update_bindings()
        if not streaming:
            self._status("")

    @work(group="chat-turn", exit_on_error=False)
    async def _run(self, turn: Turn) -> None:
        self.turns += 1
        result = None
        try:
            result = await turn.run(self._on_event)
        finally:
            await self._end_text()
            self._live.clear()
            self.post_message(StreamingFinished())
            self.streaming = False
            for chip in self._chips.values():
                if chip.state == "writing":
                    chip.failed(f"{chip.title or 'the artifact'} was not finished")
            self._chips.clear()
            done = turn.result
            conversation_id = (done.conversation_id if done else None) or self.conversation_id
            stop = done.stop_reason if done else "cancelled"
            self.post_message(TurnFinished(conversation_id, stop))
        freeze_after_sdk()
        if result is not None and result.conversation_id and result.conversation_id != self.conversation_id:
            self.conversation_id = result.conversation_id

    async def _end_text(self) -> None:
        current, self._current_text = self._current_text, None
        if current is not None:
            await current.finish()

    async def _on_event(self, event: ChatEvent) -> None:
        match event:
            case TurnStarted():
                await self._turn_started(event)
            case TextDelta():
                await self._text(event)
            case ToolInputProgress():
                await self._tool_progress(event)
            case ArtifactCreated():
                await self._artifact_done(event, created=True)
            case ArtifactUpdated():
                await self._artifact_done(event, created=False)
            case ToolError():
                await self._tool_error(event)
            case Retrying():
                await self._retrying(event)
            case Usage():
                self._attempt_widgets = []  # that attempt is kept: a later retry keeps it
            case Error():
                await self._error(event)
            case TurnDone():
                await self._turn_done(event)

    async def _turn_started(self, event: TurnStarted) -> None:
        new = event.conversation_id != self.conversation_id
        self.conversation_id = event.conversation_id
        if new:
            conversation = await services(self).require_store().conversation(event.conversation_id)
            self.conversation_title = conversation.title
            self._header()

    async def _text(self, event: TextDelta) -> None:
        if self._current_text is None:
            self._current_text = AssistantMessage()
            self._attempt_widgets.append(self._current_text)
            await self.log_view.mount(self._current_text)
        await self._current_text.write(event.text)

    async def _tool_progress(self, event: ToolInputProgress) -> None:
        tool_id = event.tool_use_id
        chip = self._chips.get(tool_id)
        live = self._live.get(tool_id)
        if chip is None:
            await self._end_text()
            chip = ArtifactChip(tool_id, title=event.title)
            self._chips[tool_id] = chip
            self._attempt_widgets.append(chip)
            await self.log_view.mount(chip)
            live = LiveArtifact(tool_id)
            self._live[tool_id] = live
            live.update(event)
            self.post_message(StreamingArtifact(live))
        assert live is not None
        live.update(event)
        now = time.monotonic()
        if now - self._last_progress.get(tool_id, 0.0) >= PROGRESS_INTERVAL:
            self._last_progress[tool_id] = now
            chip.progress(live.title, live.command, live.size)

    async def _artifact_done(self, event: ArtifactCreated | ArtifactUpdated, *, created: bool) -> None:
        tool_id = event.tool_use_id or f"inline-{event.artifact_id}"
        chip = self._chips.pop(tool_id, None)
        if chip is None:
            await self._end_text()
            chip = ArtifactChip(tool_id, title=event.title)
            await self.log_view.mount(chip)
        chip.done(
            event.artifact_id, event.title, event.type, event.version, created=created, incomplete=event.incomplete
        )
        self._live.pop(tool_id, None)
        self.post_message(StreamingFinished())
        self.post_message(ArtifactChanged(event.artifact_id, event.version, created=created))

    async def _tool_error(self, event: ToolError) -> None:
        chip = self._chips.pop(event.tool_use_id, None)
        if chip is None:
            chip = ArtifactChip(event.tool_use_id)
            await self.log_view.mount(chip)
        chip.failed(event.message, note="Claude was told and may try again")
        self._live.pop(event.tool_use_id, None)
        self.post_message(StreamingFinished())

    async def _retrying(self, event: Retrying) -> None:
        if event.discarded:
            for widget in self._attempt_widgets:
                await widget.remove()
            self._attempt_widgets = []
            self._current_text = None
            self._chips.clear()
        self._status(
            Content.from_markup(
                "$reason: trying again in $delay s ($attempt/$most) · [b]Esc[/b] cancels",
                reason=event.reason,
                delay=f"{event.delay:.0f}",
                attempt=str(event.attempt),
                most=str(event.max_attempts),
            )
        )

    async def _error(self, event: Error) -> None:
        await self._end_text()
        message = event.message[:1].upper() + event.message[1:]
        await self.log_view.mount(Notice(message, kind="error"))
        self.notify(message, title="Claude", severity="error", timeout=12, markup=False)

    async def _turn_done(self, event: TurnDone) -> None:
        await self._end_text()
        if event.conversation_id:
            self.conversation_id = event.conversation_id
        if event.notice and event.stop_reason != "error":
            await self.log_view.mount(Notice(event.notice[:1].upper() + event.notice[1:], kind="dim"))
        if event.conversation_id:
            try:
                conversation = await services(self).require_store().conversation(event.conversation_id)
            except Exception:
                return
            self.conversation_title = conversation.title
            self._header(conversation.message_count)

    # ------------------------------------------------------------------ actions

    def binding_key(self) -> bool:
        return self.streaming

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.streaming
        return True

    def ask_model(self) -> None:
        """Change the model: new turns (and artifacts' calls) use it; config.toml keeps it."""
        chat_settings.ask_model(self)

    def ask_api_key(self) -> None:
        """Ask for the key (shown as dots), store it 0600, use it at once: no quit and restart."""
        chat_settings.ask_api_key(self)

    def action_scroll_log(self, pages: int) -> None:
        if pages < 0:
            self.log_view.scroll_page_up(animate=False)
        else:
            self.log_view.scroll_page_down(animate=False)

    def action_cancel(self) -> None:
        worker = self.turn_worker
        if worker is not None and not worker.is_finished:
            worker.cancel()
            self._status("Cancelling…")

    async def cancel_and_wait(self) -> None:
        """Cancel a streaming reply and wait until the engine has stored what arrived."""
        worker = self.turn_worker
        if worker is None or worker.is_finished:
            return
        worker.cancel()
        try:
            await worker.wait()
        except Exception:
            pass

    def action_attach(self) -> None:
        chat_settings.ask_attachment(self)

    @work(exit_on_error=False)
    async def attach_now(self, path: Path) -> None:
        """Attach ``path`` to the open conversation (its text goes with the next message)."""
        try:
            data = await asyncio.to_thread(path.read_bytes)
            await services(self).require_store().attach_file(path.name, data, conversation_id=self.conversation_id)
        except Exception as exc:
            self.notify(f"Could not attach {path.name}: {exc}", severity="error", markup=False)
            return
        if path.name not in self.attached_names:
            self.attached_names.append(path.name)
        self.show_attachments()
        self.notify(f"Attached {path.name} to this conversation.", timeout=4, markup=False)

    def focus_prompt(self) -> None:
        self.prompt.focus()

    async def show_welcome_if_empty(self) -> None:
        """The welcome text again, when nothing has been said yet (a key was just entered)."""
        if not self.conversation_id and not self.log_view.query(AssistantMessage):
            await self.log_view.remove_children()
            self.log_view.mount(Notice(WELCOME, kind="welcome"))

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """New chat, earlier conversations, attach; cancel while a reply streams; the API key."""
        return chat_settings.chat_commands(self)

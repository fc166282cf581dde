"""What the chat pane asks in dialogs — the model, the API key, a file to attach — and its
palette commands (Ctrl+P). Each dialog acts on the pane when it closes."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.app import App
from textual.screen import Screen

from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.humanize import format_bytes

from ..commands import PaletteCommand
from ..dialogs.text_prompt import TextPrompt
from ..messages import ShowView

if TYPE_CHECKING:  # pragma: no cover
    from textual.message import Message
    from textual.notifications import SeverityLevel
    from textual.worker import Worker

    from artifacts_runtime.chat import ChatEngine
    from artifacts_runtime.workspace import Workspace

MAX_ATTACH = 50 * 1024 * 1024


class ChatHost(Protocol):
    """What the dialogs use of the chat pane."""

    engine: ChatEngine | None
    conversation_id: str | None
    pending_attachments: list[Path]
    streaming: bool

    @property
    def app(self) -> App[object]: ...

    @property
    def screen(self) -> Screen[object]: ...

    @property
    def workspace(self) -> Workspace | None: ...

    def has_key(self) -> bool: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def post_message(self, message: Message) -> bool: ...

    def show_attachments(self) -> None: ...

    def attach_now(self, path: Path) -> Worker[None]: ...

    async def show_welcome_if_empty(self) -> None: ...

    def focus_prompt(self) -> None: ...

    def action_attach(self) -> None: ...

    def action_cancel(self) -> None: ...

    def ask_model(self) -> None: ...

    def ask_api_key(self) -> None: ...


def ask_model(pane: ChatHost) -> None:
    """Change the model: new turns (and artifacts' calls) use it; config.toml keeps it."""
    workspace = pane.workspace
    if workspace is None:
        return

    def valid(text: str) -> str | None:
        name = text.strip()
        return None if name and not any(c.isspace() for c in name) else "A model name is one word."

    def done(name: str | None) -> None:
        if not name or name.strip() == workspace.config.model:
            return
        try:
            note = workspace.set_model(name)
        except (ArtifactsError, OSError) as exc:
            pane.notify(f"The model was not changed: {exc}", severity="error", markup=False)
            return
        pane.engine = None  # the next turn's engine reads the new model
        pane.notify(
            f"New replies use {name.strip()}." + (f" Note: {note}." if note else ""),
            title="Model",
            timeout=6,
            markup=False,
        )

    pane.app.push_screen(
        TextPrompt(
            "Claude model",
            workspace.config.model,
            placeholder="claude-sonnet-5-5",
            confirm="Use it",
            validate=valid,
            detail="Kept in config.toml ([model] name). If the API does not know it, the reply says so.",
        ),
        done,
    )


def ask_api_key(pane: ChatHost) -> None:
    """Ask for the key (shown as dots), store it 0600, use it at once: no quit and restart."""
    from artifacts_runtime.credentials import check_key

    def valid(text: str) -> str | None:
        try:
            check_key(text)
        except ArtifactsError as exc:
            return str(exc)
        return None

    async def done(key: str | None) -> None:
        workspace = pane.workspace
        if not key or workspace is None:
            return
        try:
            await workspace.set_api_key(key)
        except (ArtifactsError, OSError) as exc:
            pane.notify(f"The key was not saved: {exc}", severity="error", markup=False)
            return
        pane.notify("API key saved; Claude can answer now.", title="API key", timeout=5)
        update_status = getattr(pane.screen, "update_status", None)  # the top bar's "no API key"
        if callable(update_status):
            update_status()
        await pane.show_welcome_if_empty()
        pane.focus_prompt()

    pane.app.push_screen(
        TextPrompt(
            "Anthropic API key",
            placeholder="sk-ant-…",
            confirm="Save",
            validate=valid,
            detail="From the Anthropic Console, under API keys. Stored in the library's folder, mode 0600.",
            password=True,
        ),
        done,
    )


def attachment_problem(text: str) -> str | None:
    """Why ``text`` cannot be attached, or None when it names a readable file small enough."""
    path = Path(text.strip()).expanduser()
    if not text.strip():
        return "Type the path of a file."
    if not path.is_file():
        return f"{path} is not a file."
    if path.stat().st_size > MAX_ATTACH:
        return f"{path.name} is {format_bytes(path.stat().st_size)}; files may be at most 50 MB."
    return None


def ask_attachment(pane: ChatHost) -> None:
    """A file for Claude to see: it goes with the next message, or joins the open conversation."""

    def done(text: str | None) -> None:
        if not text:
            return
        path = Path(text.strip()).expanduser().resolve()
        if pane.conversation_id is None:
            pane.pending_attachments.append(path)
            pane.show_attachments()
            pane.notify(f"{path.name} goes with your next message.", timeout=4, markup=False)
        else:
            pane.attach_now(path)

    pane.app.push_screen(
        TextPrompt(
            "Attach a file",
            placeholder="~/data/expenses.csv",
            confirm="Attach",
            validate=attachment_problem,
            detail="Claude sees its text (a CSV's header and first rows); artifacts read it with window.fs.readFile.",
        ),
        done,
    )


def chat_commands(pane: ChatHost) -> Iterator[PaletteCommand]:
    """New chat, earlier conversations, attach; cancel while a reply streams; model and key."""
    workspace = pane.workspace
    if workspace is not None:
        yield PaletteCommand(
            f"Chat: Choose the model… (now {workspace.config.model})",
            "the Claude model for new replies and artifacts' calls; kept in config.toml",
            pane.ask_model,
        )
    yield PaletteCommand(
        "Chat: Enter the Anthropic API key…" if not pane.has_key() else "Chat: Replace the API key…",
        "kept for next time in the library's folder, readable only by you (ANTHROPIC_API_KEY wins)",
        pane.ask_api_key,
    )
    yield PaletteCommand(
        "Chat: New conversation", "start over with an empty chat (Ctrl+N)", partial(pane.app.run_action, "new_chat")
    )
    yield PaletteCommand(
        "Chat: Conversations…",
        "open an earlier conversation (Ctrl+R)",
        partial(pane.app.run_action, "conversations"),
    )
    yield PaletteCommand(
        "Chat: Attach a file…",
        "Claude sees it; artifacts read it with window.fs.readFile (Ctrl+T)",
        partial(pane.post_message, ShowView("chat", then=pane.action_attach)),
    )
    if pane.streaming:
        yield PaletteCommand("Chat: Cancel the reply", "what arrived is kept (Esc)", pane.action_cancel)

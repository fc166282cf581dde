"""What the chat shows: your messages, Claude's replies (Markdown, streamed), the artifacts a
reply writes (with live progress) and notices (cancelled, retrying, errors)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Click
from textual.widgets import Static

from artifacts_runtime.humanize import format_bytes

from .. import bindings as keys
from ..formatting import one_line, type_label
from ..messages import ArtifactSelected

if TYPE_CHECKING:  # pragma: no cover
    from textual.widget import Widget
    from textual.widgets import Markdown
    from textual.widgets.markdown import MarkdownStream

    from artifacts_runtime.records import Message as StoredMessage


class ChatLog(VerticalScroll, can_focus=True):
    """The conversation; stays scrolled to the bottom while a reply streams."""

    def on_mount(self) -> None:
        self.anchor()


class UserMessage(Static):
    def __init__(self, text: str, *, attachments: list[str] | None = None) -> None:
        body = Text(text)
        if attachments:
            body.append("\n" + "  ".join(f"📎 {name}" for name in attachments), style="dim")
        super().__init__(body, classes="user-message")
        self.text = text


class AssistantMessage(Vertical):
    """One run of Claude's text, rendered as Markdown (streamed with MarkdownStream)."""

    def __init__(self, markdown: str = "") -> None:
        super().__init__(classes="assistant-message")
        self._initial = markdown
        self.stream: MarkdownStream | None = None
        self.text = markdown

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # ~25 ms to import: not before the first reply

        yield Markdown(self._initial)

    @property
    def markdown(self) -> Markdown:
        from textual.widgets import Markdown

        return self.query_one(Markdown)

    async def write(self, fragment: str) -> None:
        if self.stream is None:
            from textual.widgets import Markdown

            self.stream = Markdown.get_stream(self.markdown)
        self.text += fragment
        await self.stream.write(fragment)

    async def finish(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            await stream.stop()


class ArtifactChip(Static):
    """An artifact the reply writes: progress while it streams, then what was made. Clicking
    it (or Enter on it) shows the artifact in the inspector; focused, the footer says so."""

    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CHIP)

    def __init__(self, tool_use_id: str, *, title: str | None = None) -> None:
        super().__init__("", classes="artifact-chip")
        self.tool_use_id = tool_use_id
        self.artifact_id: str | None = None
        self.title = title
        self.state = "writing"
        self.summary = ""
        self.details = ""  # a failure's whole message, shown on Enter
        self.expanded = False
        self.set_text(Text.assemble(("✎ ", "bold"), (f"writing {title or 'an artifact'}…", "")))

    def set_text(self, text: Text) -> None:
        self.update(text)

    def progress(self, title: str | None, command: str | None, size: int) -> None:
        self.title = title or self.title
        verb = "updating" if command == "update" else "rewriting" if command == "rewrite" else "writing"
        self.set_text(
            Text.assemble(("✎ ", "bold"), (f"{verb} {self.title or 'an artifact'}… ", ""), (format_bytes(size), "bold"))
        )

    def done(self, artifact_id: str, title: str, type_: str, version: int, *, created: bool, incomplete: bool) -> None:
        self.artifact_id = artifact_id
        self.title = title
        self.state = "done"
        verb = "Created" if created else "Updated"
        self.set_class(incomplete, "-incomplete")
        self.set_text(
            Text.assemble(
                ("✓ " if not incomplete else "◐ ", "bold"),
                (f"{verb} ", ""),
                (title, "bold"),
                (f" · {type_label(type_, None)} · v{version}", "dim"),
                (" · incomplete" if incomplete else "", "italic"),
            )
        )

    def failed(self, message: str, *, note: str = "") -> None:
        """One line says what failed; the whole message (a model's reason can run to a
        paragraph) is there on demand: Enter on the chip shows or hides it."""
        self.state = "failed"
        self.add_class("-failed")
        self.summary = failure_summary(message)
        whole = " ".join(part for part in (" ".join(message.split()), f"({note})" if note else "") if part)
        self.details = whole if whole != self.summary else ""
        self.show_failure()

    def show_failure(self) -> None:
        if self.details and self.expanded:
            self.set_text(Text.assemble(("✗ ", "bold"), (self.details, ""), ("  Enter hides it", "dim")))
        else:
            hint = "  Enter: details" if self.details else ""
            self.set_text(Text.assemble(("✗ ", "bold"), (self.summary, ""), (hint, "dim")))

    def action_details(self) -> None:
        if self.details:
            self.expanded = not self.expanded
            self.show_failure()

    def on_click(self, event: Click) -> None:
        event.stop()
        self._select()

    def action_open(self) -> None:
        self._select()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.artifact_id is not None  # a refused or unfinished one opens nothing
        if action == "details":
            return bool(self.details)
        return super().check_action(action, parameters)

    def _select(self) -> None:
        if self.artifact_id:
            self.post_message(ArtifactSelected(self.artifact_id, focus=True))


class Notice(Static):
    """A line about the turn: cancelled, retrying, an error, a note from the engine."""

    def __init__(self, text: str, *, kind: str = "info") -> None:
        super().__init__(text, classes=f"notice -{kind}", markup=False)


def failure_summary(message: str, width: int = 80) -> str:
    """The first sentence of a failure, on one line."""
    flat = " ".join(message.split()) or "failed"
    cut = flat.find(". ")
    return one_line(flat[: cut + 1] if 0 < cut < width else flat, width)


def renders(message: StoredMessage) -> bool:
    """Whether a stored message shows anything (text or an artifact)."""
    return any(
        b.get("type") in ("text", "tool_use") and (b.get("text") or b.get("type") == "tool_use")
        for b in message.content
    )


def tool_results(messages: Iterable[StoredMessage]) -> dict[str, dict[str, Any]]:
    """The stored outcome of every tool call of a conversation, by tool_use id."""
    return {
        b["tool_use_id"]: b
        for m in messages
        for b in m.content
        if b.get("type") == "tool_result" and isinstance(b.get("tool_use_id"), str)
    }


def stored_chip(block: dict[str, Any], result: dict[str, Any] | None) -> ArtifactChip:
    """An artifact chip as it ended: made (title, type, version, the library id Enter opens),
    refused (the reason Claude was given), or interrupted."""
    data = block.get("input") or {}
    chip = ArtifactChip(block.get("id", ""), title=data.get("title"))
    command = data.get("command") or "create"
    if result is None:
        chip.failed(f"{data.get('title') or 'the artifact'} was not finished")
        return chip
    if result.get("is_error"):
        reason = result.get("content")
        chip.failed(reason if isinstance(reason, str) else f"{command} failed")
        return chip
    artifact_id = result.get("artifact_id")
    version = result.get("version")
    if isinstance(artifact_id, str) and isinstance(version, int):
        chip.done(
            artifact_id,
            result.get("title") or data.get("title") or "an artifact",
            result.get("artifact_type") or data.get("type") or "",
            version,
            created=bool(result.get("created", command == "create")),
            incomplete=bool(result.get("incomplete")),
        )
        return chip
    verb = {"create": "Created", "update": "Updated", "rewrite": "Rewrote"}.get(command, "Changed")
    chip.set_text(Text.assemble(("✓ ", "bold"), (f"{verb} ", ""), (data.get("title") or "an artifact", "bold")))
    return chip


def stored_widgets(message: StoredMessage, results: dict[str, dict[str, Any]] | None = None) -> list[Widget]:
    """The widgets of a stored message: its text, the artifacts it made (as they ended: see
    :func:`stored_chip`; ``results`` from :func:`tool_results`), a note if cut short."""
    results = results or {}
    widgets: list[Widget] = []
    if message.role == "user":
        text = message.text()
        if text.strip():
            widgets.append(UserMessage(text))
        return widgets
    for block in message.content:
        if block.get("type") == "text" and block.get("text"):
            widgets.append(AssistantMessage(block["text"]))
        elif block.get("type") == "tool_use":
            widgets.append(stored_chip(block, results.get(block.get("id", ""))))
    if message.incomplete:
        widgets.append(Notice("(this reply was interrupted; what arrived is kept)", kind="dim"))
    return widgets

"""Small modal dialogs: confirm, one line of text, a state value, the preview URL, the list
of conversations. Each says what its keys do on its last line."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from artifacts_runtime.humanize import ago

from .. import bindings as keys
from ..formatting import compact_json, one_line, pretty_value

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A centred box with a title; Esc closes it with ``None``."""

    BINDINGS = keys.bindings(keys.DIALOG)
    DEFAULT_CLASSES = "dialog"

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDialog(Dialog[bool]):
    BINDINGS = [Binding("y,enter", "confirm", "Yes", show=False), Binding("n", "close", "No", show=False)]

    def __init__(self, question: str, detail: str = "", *, confirm: str = "Yes", danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.confirm_label = confirm
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box" + (" -danger" if self.danger else "")):
            yield Label(self.question, classes="dialog-title")
            if self.detail:
                yield Static(self.detail, classes="dialog-body")
            yield Static(f"[b]Enter[/b] {self.confirm_label}   [b]Esc[/b] Cancel", classes="dialog-keys")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)


class TextPrompt(Dialog[str | None]):
    """One line of text. ``validate`` returns an error to show, or None."""

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        confirm: str = "OK",
        validate: Callable[[str], str | None] | None = None,
        detail: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.confirm_label = confirm
        self.validate = validate
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.detail:
                yield Static(self.detail, classes="dialog-body")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", classes="dialog-error")
            yield Static(f"[b]Enter[/b] {self.confirm_label}   [b]Esc[/b] Cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.validate(event.value) if self.validate else None
        if error:
            self.query_one(".dialog-error", Static).update(error)
            return
        self.dismiss(event.value)


class PreviewUrlDialog(Dialog[None]):
    """No window can be shown: the URL to open in a browser, and the ssh -L line."""

    BINDINGS = [Binding("c", "copy", "Copy URL", show=False), Binding("enter", "close", "Close", show=False)]

    def __init__(self, title: str, reason: str, url: str, ssh_hint: str | None) -> None:
        super().__init__()
        self.artifact_title = title
        self.reason = reason
        self.url = url
        self.ssh_hint = ssh_hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box -wide", id="preview-url"):
            yield Label(f"Preview of “{self.artifact_title}”", classes="dialog-title")
            reason = self.reason[:1].upper() + self.reason[1:]
            yield Static(f"{reason}. Open this address in a browser:", classes="dialog-body")
            yield Static(Text(self.url, style="bold"), classes="dialog-url", id="preview-url-text")
            if self.ssh_hint:
                yield Static(
                    "This app runs over SSH: on your own machine, forward the port first:", classes="dialog-body"
                )
                yield Static(Text(self.ssh_hint, style="bold"), classes="dialog-url", id="preview-ssh")
            yield Static("[b]c[/b] Copy the URL   [b]Esc[/b] Close", classes="dialog-keys")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.url)
        self.notify("URL copied (your terminal must allow OSC 52 clipboard access).", timeout=4)


class ConversationsDialog(Dialog[str | None]):
    """The conversations, newest first; type to filter. Returns an id, ``"new"`` or None."""

    BINDINGS = [
        Binding("ctrl+n", "new", "New", show=False, priority=True),
        Binding("down", "down", show=False),
        Binding("up", "up", show=False),
    ]

    def __init__(self, conversations: list[Any], now: float, current: str | None) -> None:
        super().__init__()
        self.conversations = conversations
        self.now = now
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box -wide -tall"):
            yield Label("Conversations", classes="dialog-title")
            yield Input(placeholder="Filter", id="conversation-filter", compact=True)
            yield OptionList(id="conversation-list")
            yield Static("[b]Enter[/b] Open   [b]Ctrl+N[/b] New   [b]Esc[/b] Close", classes="dialog-keys")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, text: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        lowered = text.lower().strip()
        shown = 0
        for c in self.conversations:
            title = c.title or "(untitled)"
            if lowered and lowered not in title.lower():
                continue
            prompt = Text.assemble(
                ("● " if c.id == self.current else "  ", "bold"),
                (one_line(title, 48), "bold" if c.id == self.current else ""),
                (f"  {c.message_count} msg · {ago(c.updated_at, self.now)}", "dim"),
            )
            options.add_option(Option(prompt, id=c.id))
            shown += 1
        if not shown:
            options.add_option(
                Option(Text("No conversations yet — Ctrl+N starts one.", style="dim"), id="__none__", disabled=True)
            )
        else:
            options.highlighted = 0

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self) -> None:
        self._open()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self._open()

    def _open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id and option.id != "__none__":
            self.dismiss(option.id)

    def action_new(self) -> None:
        self.dismiss("new")

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()


SaveState = Callable[[str, str, bool], Awaitable[str | None]]


def prepare_state_value(text: str, *, was_json: bool) -> tuple[str | None, str | None]:
    """What to store for the edited ``text``: (value, error).

    A value that was JSON must stay JSON (it is stored compact, as ``JSON.stringify`` writes
    it); a new value that parses as JSON is stored compact too; anything else is kept as text.
    """
    try:
        parsed = json.loads(text)
    except ValueError as exc:
        if was_json:
            line = getattr(exc, "lineno", None)
            col = getattr(exc, "colno", None)
            where = f" (line {line}, column {col})" if line else ""
            message = getattr(exc, "msg", str(exc))
            return None, (
                f"This value is JSON and no longer parses: {message}{where}. Fix it, or Esc to leave it unchanged."
            )
        return text, None
    return compact_json(parsed), None


class StateEditDialog(Dialog[bool]):
    """Edit (or add) one state value. Saving is done by ``save``; its error is shown here."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True, show=False)]

    def __init__(
        self, save: SaveState, *, key: str = "", value: str = "", shared: bool = False, new: bool = False
    ) -> None:
        super().__init__()
        self.save = save
        self.key = key
        self.value = value
        self.shared = shared
        self.new = new
        self.pretty, self.was_json = pretty_value(value) if not new else ("", True)

    def compose(self) -> ComposeResult:
        scope = "shared" if self.shared else "personal"
        title = "Add a key" if self.new else f"Edit {self.key} ({scope})"
        with Vertical(classes="dialog-box -wide -tall", id="state-edit"):
            yield Label(title, classes="dialog-title")
            if self.new:
                with Horizontal(classes="dialog-row"):
                    yield Input(
                        self.key, placeholder="key (no spaces, slashes or quotes)", id="state-key", compact=True
                    )
                    yield Checkbox("shared", self.shared, id="state-shared", compact=True)
            yield TextArea(
                self.pretty,
                language="json",
                id="state-value",
                soft_wrap=True,
                show_line_numbers=True,
                tab_behavior="indent",
            )
            yield Static("", classes="dialog-error", id="state-error")
            yield Static(
                "[b]Ctrl+S[/b] Save   [b]Esc[/b] Cancel   JSON is stored compact, other text as it is",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        if self.new:
            self.query_one("#state-key", Input).focus()
        else:
            self.query_one(TextArea).focus()

    @on(Input.Submitted, "#state-key")
    def _key_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(TextArea).focus()

    async def action_save(self) -> None:
        key = self.query_one("#state-key", Input).value.strip() if self.new else self.key
        shared = self.query_one("#state-shared", Checkbox).value if self.new else self.shared
        text = self.query_one(TextArea).text
        value, error = prepare_state_value(text, was_json=self.was_json and not self.new)
        if error is None and value is not None:
            error = await self.save(key, value, shared)
        if error:
            self.query_one("#state-error", Static).update(Text(error, style="bold"))
            self.app.bell()
            return
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)


class GrantDialog(Dialog[str]):
    """An artifact asks to fetch from an origin: allow once, always, or deny."""

    BINDINGS = [
        Binding("o", "answer('once')", "Once", show=False),
        Binding("a", "answer('always')", "Always", show=False),
        Binding("d,n", "answer('deny')", "Deny", show=False),
    ]

    def __init__(self, title: str, origin: str) -> None:
        super().__init__()
        self.artifact_title = title
        self.origin = origin

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="grant"):
            yield Label(f"“{self.artifact_title}” wants live data", classes="dialog-title")
            yield Static("It asks to fetch from:", classes="dialog-body")
            yield Static(Text(self.origin, style="bold"), classes="dialog-url")
            yield Static(
                "Artifacts run offline unless you allow an origin. The request waits for your answer.",
                classes="dialog-body",
            )
            yield Static(
                "[b]o[/b] Allow once   [b]a[/b] Always for this artifact   [b]d[/b] Deny", classes="dialog-keys"
            )

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    def action_close(self) -> None:
        self.dismiss("deny")

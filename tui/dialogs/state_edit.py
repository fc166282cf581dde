"""Edit or add one state value under the storage rules; the rule a value breaks is shown here."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from ..formatting import compact_json, pretty_value
from .base import Dialog

SaveState = Callable[[str, str, bool], Awaitable[str | None]]


def prepare_state_value(text: str, *, was_json: bool) -> tuple[str | None, str | None]:
    """What to store for the edited ``text``: (value, error).

    A value that was JSON must stay JSON (it is stored compact, as ``JSON.stringify`` writes
    it); a new value that parses as JSON is stored compact too; anything else is kept as text.
    """
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        if was_json:
            where = f" (line {exc.lineno}, column {exc.colno})" if exc.lineno else ""
            message = exc.msg
            return None, (
                f"This value is JSON and no longer parses: {message}{where}. Fix it, or Esc to leave it unchanged."
            )
        return text, None
    return compact_json(parsed), None


class StateEditDialog(Dialog[bool]):
    """Edit (or add) one state value. Saving is done by ``save``; its error is shown here."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "save", "Save", priority=True)]

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
            yield Label(title, classes="dialog-title", markup=False)
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

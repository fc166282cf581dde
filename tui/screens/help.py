"""The help screen (F1 or ?): every key, by pane, made from :mod:`tui.bindings` (with the
user's keymap applied), and a few words on how the app works."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from .. import bindings as keys

ABOUT = (
    "Everything Claude builds in the chat becomes an artifact: named, versioned, searchable, "
    "with its own stored state. Previews open in their own window (or, over SSH, at a URL you "
    "open in your browser). Ctrl+P finds every action by name. Your choice of theme is kept in "
    "config.toml; keys can be changed there too, under [ui.keymap], by the ids in the right-hand "
    'column (e.g. "library.trash" = "x").'
)


def help_table(title: str, group: list[keys.Key]) -> Table:
    table = Table(
        title=title, title_justify="left", title_style="bold", show_header=False, box=None, padding=(0, 1), expand=True
    )
    table.add_column("keys", style="bold", no_wrap=True, width=18)
    table.add_column("what", ratio=1)
    table.add_column("id", style="dim", no_wrap=True)  # what [ui.keymap] in config.toml names
    for key in group:
        table.add_row(keys.display_keys(key), Text(key.help or key.description), Text(key.id))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q,question_mark", "dismiss", "Close", key_display="Esc")
    ]
    DEFAULT_CLASSES = "dialog"

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__(id="help")
        self.keymap = keymap or {}

    def _apply(self, group: list[keys.Key]) -> list[keys.Key]:
        return [replace(k, keys=self.keymap.get(k.id, k.keys)) for k in group]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box -wide -tall", id="help-box"):
            yield Label("Keys", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                for title, group in keys.GROUPS:
                    yield Static(help_table(title, self._apply(group)), classes="help-group")
                yield Static(Text(ABOUT, style="dim"), classes="help-about")
            yield Static("[b]Esc[/b] Close   [b]Ctrl+P[/b] every action by name", classes="dialog-keys")

    def on_mount(self) -> None:
        self.mount(Footer(show_command_palette=False))  # over the screen's: only Close acts here
        self.query_one("#help-scroll").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

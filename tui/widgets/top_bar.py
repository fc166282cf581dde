"""The top line: the app's name, the three views with their keys (the current one marked), and
the state of things on the right (library size, the local server, the API key, a reply)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label, Static

VIEWS = [("library", "Library", "F2"), ("chat", "Chat", "F3"), ("inspector", "Inspector", "F4")]


class ViewLabel(Label):
    def __init__(self, name: str, label: str, key: str, *, active: bool = False) -> None:
        super().__init__(
            f"{label} [dim]{key}[/dim]", classes="view-label -active" if active else "view-label", name=name
        )
        self.view_name = name

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(TopBar.ViewPicked(self.view_name))


class TopBar(Horizontal):
    class ViewPicked(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    view: reactive[str] = reactive("library", init=False)
    status: reactive[str] = reactive("", init=False)

    def compose(self) -> ComposeResult:
        yield Label("◆ artifacts", id="app-name")
        for name, label, key in VIEWS:
            yield ViewLabel(name, label, key, active=name == self.view)
        yield Static("", id="top-status")

    def watch_view(self, view: str) -> None:
        for label in self.query(ViewLabel):
            label.set_class(label.view_name == view, "-active")

    def watch_status(self, status: str) -> None:
        self.query_one("#top-status", Static).update(status)

"""A one-line row of tabs (``Library  Trash``): lighter than Textual's Tabs, not in the focus
chain (the pane's keys switch it), clickable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label


class TabLabel(Label):
    def __init__(self, name: str, label: str, *, active: bool = False) -> None:
        super().__init__(label, classes="tab -active" if active else "tab", name=name)
        self.tab_name = name

    def on_click(self, event: Click) -> None:
        event.stop()
        strip = self.parent
        if isinstance(strip, TabStrip):
            strip.post_message(TabStrip.Picked(strip, self.tab_name))


class TabStrip(Horizontal, can_focus=False):
    """Tabs as ``(name, label)``; ``active`` is the name of the current one."""

    class Picked(Message):
        def __init__(self, strip: TabStrip, name: str) -> None:
            super().__init__()
            self.strip = strip
            self.name = name

        @property
        def control(self) -> TabStrip:
            return self.strip

    active: reactive[str] = reactive("")

    def __init__(self, tabs: list[tuple[str, str]], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._tabs = list(tabs)
        if self._tabs:
            self.set_reactive(TabStrip.active, self._tabs[0][0])

    def compose(self) -> ComposeResult:
        for name, label in self._tabs:
            yield TabLabel(name, label, active=name == self.active)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._tabs]

    def watch_active(self) -> None:
        if self.is_mounted:
            self._mark()

    def _mark(self) -> None:
        for label in self.query(TabLabel):
            label.set_class(label.tab_name == self.active, "-active")

    def set_tabs(self, tabs: list[tuple[str, str]]) -> None:
        """Change the tabs (e.g. the Catalog appears); keeps ``active`` when it still exists."""
        if tabs == self._tabs:
            return
        self._tabs = list(tabs)
        self.remove_children()
        self.mount_all([TabLabel(name, label, active=name == self.active) for name, label in tabs])
        if self.active not in self.names and self._tabs:
            self.active = self._tabs[0][0]
        self.call_after_refresh(self._mark)

    def set_label(self, name: str, label: str) -> None:
        for tab in self.query(TabLabel):
            if tab.tab_name == name:
                tab.update(label)
        self._tabs = [(n, label if n == name else old) for n, old in self._tabs]

    def step(self, delta: int) -> str:
        names = self.names
        if not names:
            return self.active
        index = names.index(self.active) if self.active in names else 0
        self.active = names[(index + delta) % len(names)]
        return self.active

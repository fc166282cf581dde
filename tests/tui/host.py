"""A small app that mounts one widget (or pushes one dialog) alone, with its own services
(Posting's habit): a widget test needs neither the main screen nor the workspace.

    async with HostApp(TabStrip([("a", "A"), ("b", "B")])).run_test() as pilot:
        ...
    host = HostApp(store=store)          # services(widget).store is this store
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget

from artifacts_runtime.store import Store
from tui.services import Services

from .app_builder import NOW

#: The app's styles: the first screen's and the rest's (the app reads the second after its first frame).
CSS_PATH = [str(Path(__file__).parents[2] / "tui" / name) for name in ("app.tcss", "panes.tcss")]


class HostApp(App[Any]):
    """Mounts ``widget`` (if given) on its default screen; ``services`` as the real app has them."""

    CSS_PATH = CSS_PATH

    def __init__(
        self,
        widget: Widget | None = None,
        *,
        store: Store | None = None,
        clock: Callable[[], float] = lambda: NOW,
        keymap: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._widget = widget
        self._services = Services(clock=clock, keymap=keymap or {}, store=store)
        self.results: list[Any] = []

    @property
    def services(self) -> Services:
        return self._services

    def compose(self) -> ComposeResult:
        if self._widget is not None:
            yield self._widget

    async def show(self, dialog: Screen[Any]) -> None:
        """Push ``dialog``; what it returns is appended to ``results``."""
        await self.push_screen(dialog, self.results.append)

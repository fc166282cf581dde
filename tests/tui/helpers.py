"""Pilot helpers (oterm's habit): wait for a condition instead of guessing pauses."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

DEFAULT_TIMEOUT = 10.0


async def wait_until(
    pilot: Pilot, predicate: Callable[[], Any], *, timeout: float = DEFAULT_TIMEOUT, what: str = ""
) -> Any:
    """Let the app run until ``predicate()`` is truthy (returns its value) or fail after ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        await pilot.pause(0.01)


async def ready(pilot: Pilot) -> None:
    """The workspace is open and the library shows its first page (public signals only)."""
    app: Any = pilot.app
    await app.wait_ready(DEFAULT_TIMEOUT)
    library = app.main_screen.library
    await wait_until(pilot, lambda: library.loaded, what="the first page of the library")
    await pilot.pause()


def no_blink(pilot: Pilot) -> None:
    """Stop cursors blinking, so a screenshot does not depend on when it is taken."""
    for widget in pilot.app.screen.query("*"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False


def notifications(app: Any) -> list[str]:
    return [n.message for n in app._notifications]


def footer_keys(screen: Screen[Any]) -> dict[str, str]:
    """What the footer shows on ``screen``: {key: description} of the enabled, shown bindings."""
    return {
        key: active.binding.description
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    }

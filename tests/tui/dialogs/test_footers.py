"""Every dialog has a footer of its own: the keys it shows are the ones that act in it (the
screen's footer behind it showed the library's keys, none of which did anything there)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Footer

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.preview_url import PreviewUrlDialog
from tui.dialogs.text_prompt import TextPrompt
from tui.dialogs.unsaved import UnsavedDialog
from tui.screens.help import HelpScreen

from ..host import HostApp


async def _never_saves(*_: Any) -> None:  # pragma: no cover - not called
    raise AssertionError


def _dialogs() -> list[tuple[str, Screen[Any], set[str]]]:
    return [
        ("confirm", ConfirmDialog("Delete “x” for good?", confirm="Delete forever"), {"Close", "Yes", "No"}),
        ("unsaved", UnsavedDialog("Habit tracker", 3), {"Close", "Save", "Discard", "Keep editing"}),
        (
            "preview url",
            PreviewUrlDialog("Habit tracker", "no display", "http://127.0.0.1:1/a", None),
            {"Close", "Copy URL", "Print URL"},
        ),
        ("text prompt", TextPrompt("Rename", "x"), {"Close"}),
        ("help", HelpScreen(), {"Close"}),
    ]


@pytest.mark.parametrize("index", range(len(_dialogs())), ids=[name for name, _, _ in _dialogs()])
async def test_a_dialog_shows_only_its_own_keys(index: int) -> None:
    _, dialog, expected = _dialogs()[index]
    host = HostApp()
    async with host.run_test(size=(100, 30)) as pilot:
        await host.show(dialog)
        await pilot.pause()
        assert host.screen is dialog and dialog.query(Footer)
        shown = {b.binding.description for b in dialog.active_bindings.values() if b.binding.show and b.enabled}
        app_keys = {b.description for b in host.BINDINGS if not isinstance(b, tuple) and b.show}  # none here
        assert expected <= shown and shown - expected <= app_keys, shown
        footer = dialog.query_one(Footer)
        assert footer.region.bottom == host.screen.region.bottom  # over the screen's footer row

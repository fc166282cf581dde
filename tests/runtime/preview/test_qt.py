"""The host's Qt helpers that need no Qt: what a title must become for Qt to show it as it is
(the real window: tests/gui/test_window_identity.py)."""

from __future__ import annotations

import pytest

from artifacts_runtime.preview.qt import escape_title


@pytest.mark.parametrize(
    ("title", "given"),
    [
        ("Expense Tracker", "Expense Tracker"),
        ("Todo [*] list", "Todo [*][*] list"),
        ("[*][*]", "[*][*][*][*]"),
        ("[*", "[*"),
    ],
)
def test_qt_s_modified_mark_is_escaped(title: str, given: str) -> None:
    assert escape_title(title) == given

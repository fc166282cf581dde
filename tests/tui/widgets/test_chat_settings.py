"""What the chat's attach dialog refuses, before anything is read."""

from __future__ import annotations

from pathlib import Path

from tui.widgets import chat_settings
from tui.widgets.chat_settings import attachment_problem


def test_an_attachment_must_be_a_file_of_at_most_50_mb(tmp_path: Path, monkeypatch) -> None:
    assert attachment_problem("  ") == "Type the path of a file."
    assert attachment_problem(str(tmp_path)) == f"{tmp_path} is not a file."
    small = tmp_path / "expenses.csv"
    small.write_text("date,amount\n")
    assert attachment_problem(f"  {small}  ") is None
    monkeypatch.setattr(chat_settings, "MAX_ATTACH", 5)
    problem = attachment_problem(str(small))
    assert problem is not None and problem.startswith("expenses.csv is 12 B") and "at most 50 MB" in problem

"""Pure helpers that turn records into the short strings the panes show."""

from __future__ import annotations

from textual.widgets import TextArea

from artifacts_runtime import kinds
from artifacts_runtime.humanize import ago, ago_long, format_bytes
from tui.formatting import editor_language, one_line, pretty_value, table_type


def test_ages_are_short() -> None:
    now = 1_000_000_000.0
    assert [ago(now - s, now) for s in (5, 90, 7200, 3 * 86400, 20 * 86400, 90 * 86400, 800 * 86400)] == [
        "now",
        "1m",
        "2h",
        "3d",
        "2w",
        "3mo",
        "2y",
    ]
    assert ago(None, now) == "-"
    assert ago_long(now - 60, now) == "1 min ago" and ago_long(now - 5 * 86400, now) == "5 days ago"


def test_sizes_types_and_languages() -> None:
    languages = TextArea().available_languages  # what the editor highlights here
    assert [format_bytes(n) for n in (12, 3174, 5 * 1048576)] == ["12 B", "3.1 KB", "5 MB"]
    assert table_type(kinds.MARKDOWN, None) == "md" and table_type(kinds.CODE, "javascript") == "js"
    assert table_type(kinds.REACT, None) == "react"
    assert editor_language(kinds.REACT, None, languages) == "javascript"
    assert editor_language(kinds.CODE, "python", languages) == "python"
    assert editor_language(kinds.MERMAID, None, languages) is None
    assert pretty_value('{"a":[1]}') == ('{\n  "a": [\n    1\n  ]\n}', True)
    assert pretty_value("plain") == ("plain", False)


def test_one_line_flattens_and_cuts() -> None:
    assert one_line("a\n  b", 10) == "a b"
    assert one_line("abcdef", 4) == "abc…" and one_line("abc", 0) == ""

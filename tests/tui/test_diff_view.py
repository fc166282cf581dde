"""Diffs and sources as the versions tab shows them: highlighted, changed words marked, lines
that wrap in a narrow pane instead of being cut off."""

from __future__ import annotations

from rich.console import Console

from artifacts_runtime import kinds
from tui.diff_view import ADDED_WORDS, REMOVED_WORDS, diff, highlighted_lines, lexer_for, source_text


def test_a_diff_counts_lines_and_marks_the_changed_words_inside_them() -> None:
    change = diff("const a = 1;\nconst b = 2;\nfoo();\n", "const a = 1;\nconst b = 3;\nfoo();\nbar();\n", "jsx")
    assert (change.added, change.removed) == (2, 1)
    assert change.text.plain == "@@ -1,3 +1,4 @@\n const a = 1;\n-const b = 2;\n+const b = 3;\n foo();\n+bar();\n"
    plain = change.text.plain
    removed_digit = plain.index("-const b = 2") + len("-const b = ")
    added_digit = plain.index("+const b = 3") + len("+const b = ")
    marked = {(s.start, s.end, str(s.style)) for s in change.text.spans}
    assert (removed_digit, removed_digit + 1, REMOVED_WORDS) in marked  # only the 2, not the line
    assert (added_digit, added_digit + 1, ADDED_WORDS) in marked


def test_highlighting_keeps_the_lines_and_drops_the_themes_background() -> None:
    source = "<div>\n  {/* a comment\n  over two lines */}\n</div>\n"
    lines = highlighted_lines(source, "jsx")
    assert [line.plain for line in lines] == ["<div>", "  {/* a comment", "  over two lines */}", "</div>"]
    assert any(span.style for line in lines for span in line.spans)  # coloured
    assert all(getattr(span.style, "bgcolor", None) is None for line in lines for span in line.spans)


def test_long_lines_wrap_so_a_change_at_their_end_is_seen_at_40_columns() -> None:
    before = "const message = 'a sentence long enough to pass the pane: ' + 'the old ending';\n"
    after = "const message = 'a sentence long enough to pass the pane: ' + 'THE NEW ENDING';\n"
    console = Console(width=38, color_system=None, record=True)
    console.print(diff(before, after, "jsx").text)
    shown = console.export_text()
    assert "THE NEW ENDING" in shown.replace("\n", "") and "the old ending" in shown.replace("\n", "")
    assert max(len(line) for line in shown.splitlines()) <= 38

    console = Console(width=38, color_system=None, record=True)
    console.print(source_text(after, "jsx"))
    assert "THE NEW ENDING" in console.export_text().replace("\n", "")


def test_lexers_by_type_and_language() -> None:
    assert lexer_for(kinds.REACT, None) == "jsx"
    assert lexer_for(kinds.HTML, None) == "html"
    assert lexer_for(kinds.CODE, "py") == "python"
    assert lexer_for(kinds.CODE, "ts") == "typescript"
    assert lexer_for(kinds.CODE, "no-such-language") is None  # plain text, not an error
    assert lexer_for(kinds.MERMAID, None) is None


def test_identical_sources_have_an_empty_diff_and_big_ones_are_capped() -> None:
    assert diff("a\n", "a\n", None).text.plain == ""
    many = diff("".join(f"{i}\n" for i in range(4000)), "".join(f"x{i}\n" for i in range(4000)), None)
    assert many.added == 4000 and many.removed == 4000
    assert many.text.plain.rstrip().endswith("more lines")

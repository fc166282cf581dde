"""Diffs and sources for reading in a narrow pane: syntax-highlighted, lines that wrap instead of
being cut off, changed words marked inside changed lines.

Pure functions from text to ``rich.text.Text`` (run in a thread: highlighting a 40 KB source
takes tens of milliseconds). The backgrounds are fixed colours chosen for dark themes; the
``+``/``-`` in front of each line says the same without colour.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rich.style import Style
from rich.syntax import Syntax
from rich.text import Span, Text

from artifacts_runtime import kinds

MAX_DIFF_LINES = 3000
CONTEXT = 3
THEME = "monokai"
ADDED, ADDED_WORDS = "on #12361f", "on #1f6b38"
REMOVED, REMOVED_WORDS = "on #3b1417", "on #7a2630"
#: Lexers (Pygments names) by artifact type; code artifacts name their language.
TYPE_LEXERS = {
    kinds.HTML: "html",
    kinds.REACT: "jsx",
    kinds.SVG: "xml",
    kinds.MARKDOWN: "markdown",
}
LANGUAGE_LEXERS = {"js": "javascript", "ts": "typescript", "py": "python", "sh": "bash", "yml": "yaml"}


def lexer_for(type_: str, language: str | None) -> str | None:
    """The Pygments lexer for an artifact, or None (Mermaid, plain text, unknown languages)."""
    if type_ == kinds.CODE:
        if not language or language == "text":
            return None
        name = LANGUAGE_LEXERS.get(language.lower(), language.lower())
        if Syntax("", name).lexer is None:  # a language Pygments does not know: plain text
            return None
        return name
    return TYPE_LEXERS.get(type_)


def _lines(source: str) -> list[str]:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start another
    return lines


def _foreground_only(text: Text) -> Text:
    """The theme's colours without its background: the pane's (or a diff line's) shows."""
    spans = []
    for span in text.spans:
        style = span.style
        if isinstance(style, Style):
            style = Style(color=style.color, bold=style.bold, italic=style.italic, underline=style.underline)
        spans.append(Span(span.start, span.end, style))
    text.spans = spans
    text.style = ""
    return text


def highlighted_lines(source: str, lexer: str | None) -> list[Text]:
    """One Text per line of ``source``, highlighted as a whole (strings and comments that span
    lines keep their colour)."""
    lines = _lines(source)
    if lexer is None:
        return [Text(line) for line in lines]
    syntax = Syntax("", lexer, theme=THEME, background_color="default")
    text = _foreground_only(syntax.highlight("\n".join(lines)))
    split = text.split("\n", allow_blank=True)
    highlighted = list(split)[: len(lines)]
    while len(highlighted) < len(lines):
        highlighted.append(Text(""))
    return highlighted


def source_text(source: str, lexer: str | None) -> Text:
    """A whole source, highlighted, wrapping in the pane."""
    text = Text(no_wrap=False, overflow="fold")
    for line in highlighted_lines(source, lexer):
        text.append_text(line)
        text.append("\n")
    return text


@dataclass(frozen=True)
class Diff:
    text: Text
    added: int
    removed: int


def _marked(prefix: str, line: Text, style: str) -> Text:
    out = Text(prefix, style="bold")
    out.append_text(line.copy())
    out.stylize(style)
    return out


def _mark_words(before: Text, after: Text) -> None:
    """Give the changed characters of a changed pair of lines a stronger background."""
    matcher = difflib.SequenceMatcher(None, before.plain[1:], after.plain[1:], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            before.stylize(REMOVED_WORDS, i1 + 1, i2 + 1)
        if j2 > j1:
            after.stylize(ADDED_WORDS, j1 + 1, j2 + 1)


def diff(before: str, after: str, lexer: str | None) -> Diff:
    """What changed from ``before`` to ``after``: hunks with three lines of context, highlighted."""
    a, b = _lines(before), _lines(after)
    a_hl, b_hl = highlighted_lines(before, lexer), highlighted_lines(after, lexer)
    out: list[Text] = []
    added = removed = 0
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(CONTEXT):
        first, last = group[0], group[-1]
        out.append(
            Text(f"@@ -{first[1] + 1},{last[2] - first[1]} +{first[3] + 1},{last[4] - first[3]} @@", style="cyan")
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(_marked(" ", line, "dim") for line in a_hl[i1:i2])
                continue
            gone = [_marked("-", line, REMOVED) for line in a_hl[i1:i2]]
            came = [_marked("+", line, ADDED) for line in b_hl[j1:j2]]
            if tag == "replace":
                for old, new in zip(gone, came, strict=False):
                    _mark_words(old, new)
            out.extend(gone)
            out.extend(came)
            removed += len(gone)
            added += len(came)
    text = Text(no_wrap=False, overflow="fold")
    for line in out[:MAX_DIFF_LINES]:
        text.append_text(line)
        text.append("\n")
    if len(out) > MAX_DIFF_LINES:
        text.append(f"… {len(out) - MAX_DIFF_LINES} more lines\n", style="bold")
    return Diff(text, added, removed)

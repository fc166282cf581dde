"""Recognising <antArtifact> blocks in streamed text."""

from __future__ import annotations

import pytest

from artifacts_runtime.chat.antartifact import AntArtifactScanner, InlineArtifact, parse_attrs, split_text

TEXT = (
    "Here is the chart.\n"
    '<antArtifact identifier="sales-chart" type="application/vnd.ant.react" title="Sales > 2024" language=\'jsx\'>\n'
    "export default function Sales() {\n  return <div>a < b</div>;\n}\n"
    "</antArtifact>\n"
    "Tell me if you want changes."
)
BODY = "export default function Sales() {\n  return <div>a < b</div>;\n}"


def scan(pieces: list[str]) -> list[tuple[str, str, dict]]:
    scanner = AntArtifactScanner()
    out = []
    for piece in pieces:
        out.extend(scanner.feed(piece))
    out.extend(scanner.finish())
    return [(s.kind, s.text, s.attrs) for s in out]


def merged(segments: list[tuple[str, str, dict]]) -> list[tuple[str, object]]:
    """Adjacent text/content pieces joined (how they are split depends on the deltas)."""
    out: list[tuple[str, object]] = []
    for kind, text, attrs in segments:
        if kind in ("text", "content") and out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        elif kind in ("text", "content"):
            out.append((kind, text))
        elif kind == "open":
            out.append((kind, attrs))
        else:
            out.append((kind, None))
    return out


EXPECTED = [
    ("text", "Here is the chart.\n"),
    (
        "open",
        {"identifier": "sales-chart", "type": "application/vnd.ant.react", "title": "Sales > 2024", "language": "jsx"},
    ),
    ("content", BODY),
    ("close", None),
    ("text", "\nTell me if you want changes."),
]


def test_whole_text() -> None:
    assert merged(scan([TEXT])) == EXPECTED


@pytest.mark.parametrize("size", [1, 2, 3, 5, 10, 13, 14, 15])
def test_every_split_gives_the_same(size: int) -> None:
    pieces = [TEXT[i : i + size] for i in range(0, len(TEXT), size)]
    assert merged(scan(pieces)) == EXPECTED


def test_each_single_cut() -> None:
    for at in range(1, len(TEXT)):
        assert merged(scan([TEXT[:at], TEXT[at:]])) == EXPECTED, at


def test_lookalikes_stay_text() -> None:
    text = "a <antArtifacts> b <ant c <antArtifact"
    assert merged(scan([text])) == [("text", text)]
    assert merged(scan(list(text))) == [("text", text)]


def test_unclosed_at_the_end() -> None:
    segs = merged(scan(['Hi <antArtifact identifier="x" type="text/html">\n<p>par', "tial"]))
    assert segs == [
        ("text", "Hi "),
        ("open", {"identifier": "x", "type": "text/html"}),
        ("content", "<p>partial"),
        ("unclosed", None),
    ]


def test_two_artifacts() -> None:
    text = '<antArtifact identifier="a">A</antArtifact> and <antArtifact identifier="b">B</antArtifact>'
    parts = split_text(text)
    assert parts == [
        InlineArtifact({"identifier": "a"}, "A", True),
        " and ",
        InlineArtifact({"identifier": "b"}, "B", True),
    ]


def test_text_is_not_held_back_more_than_a_tag_prefix() -> None:
    scanner = AntArtifactScanner()
    segs = scanner.feed("Hello there <ant")
    assert "".join(s.text for s in segs) == "Hello there "
    segs = scanner.feed("elope>")
    assert "".join(s.text for s in segs) == "<antelope>"


def test_attrs() -> None:
    assert parse_attrs(' identifier="a-b" title=\'It\'s\' type = "text/html"') == {
        "identifier": "a-b",
        "type": "text/html",
        "title": "It",
    }

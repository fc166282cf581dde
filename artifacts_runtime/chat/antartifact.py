"""Recognising ``<antArtifact …>…</antArtifact>`` blocks in plain text, incrementally.

Older transcripts and other models write artifacts inline instead of calling the tool::

    Here is the chart.
    <antArtifact identifier="sales-chart" type="application/vnd.ant.react" title="Sales">
    export default function Sales() { … }
    </antArtifact>

:class:`AntArtifactScanner` is fed the text deltas as they stream and splits them into
segments: visible text, the opening tag's attributes, the artifact's content, the close. Each
delta is scanned once; at most a few characters (a possible beginning of a tag) are held back
until the next delta shows what they are, so the cost is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["AntArtifactScanner", "InlineArtifact", "Segment", "split_text"]

OPEN = "<antArtifact"
CLOSE = "</antArtifact>"
MAX_TAG = 4000  # an opening tag longer than this is not one

_ATTR = re.compile(r"""([A-Za-z_][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Segment:
    """``kind`` is ``text`` (visible text), ``open`` (``attrs`` of a new artifact),
    ``content`` (more of its content), ``close`` (it ended) or ``unclosed`` (the text ended
    inside it)."""

    kind: str
    text: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


def parse_attrs(tag: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag)}


def _held_back(s: str, token: str) -> int:
    """Where the longest suffix of ``s`` that could start ``token`` begins (len(s) if none)."""
    start = max(0, len(s) - len(token) + 1)
    k = s.find("<", start)
    while k != -1:
        if token.startswith(s[k:]):
            return k
        k = s.find("<", k + 1)
    return len(s)


class AntArtifactScanner:
    """Feed text deltas with :meth:`feed`; call :meth:`finish` when the text ends."""

    def __init__(self) -> None:
        self._state = "text"
        self._carry = ""
        self._tag: list[str] = []
        self._tag_len = 0
        self._quote: str | None = None
        self._body_start = False
        self.inside = False

    def feed(self, delta: str) -> list[Segment]:
        out: list[Segment] = []
        s = self._carry + delta if self._carry else delta
        self._carry = ""
        while s:
            if self._state == "text":
                s = self._text(s, out)
            elif self._state == "tag":
                s = self._open_tag(s, out)
            else:
                s = self._body(s, out)
        return out

    def finish(self) -> list[Segment]:
        out: list[Segment] = []
        if self._state == "text":
            if self._carry:
                out.append(Segment("text", self._carry))
        elif self._state == "tag":
            out.append(Segment("text", OPEN + "".join(self._tag) + self._carry))
        else:
            if self._carry:
                out.append(Segment("content", self._carry))
            out.append(Segment("unclosed"))
        self._carry = ""
        self._tag = []
        self._state = "text"
        self.inside = False
        return out

    # ------------------------------------------------------------------ states

    def _text(self, s: str, out: list[Segment]) -> str:
        idx = s.find(OPEN)
        while idx != -1:
            after = idx + len(OPEN)
            if after >= len(s):  # "<antArtifact" at the very end: wait for the next character
                break
            if s[after] in " \t\r\n>":
                if idx:
                    out.append(Segment("text", s[:idx]))
                self._state = "tag"
                self._tag, self._tag_len, self._quote = [], 0, None
                return s[after:]
            idx = s.find(OPEN, idx + 1)
        keep = _held_back(s, OPEN) if idx == -1 else idx
        if keep:
            out.append(Segment("text", s[:keep]))
        self._carry = s[keep:]
        return ""

    def _open_tag(self, s: str, out: list[Segment]) -> str:
        quote = self._quote
        for i, c in enumerate(s):
            if quote:
                if c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c == ">":
                self._tag.append(s[:i])
                attrs = parse_attrs("".join(self._tag))
                self._tag = []
                self._state = "body"
                self._body_start = True
                self.inside = True
                out.append(Segment("open", attrs=attrs))
                return s[i + 1 :]
            if self._tag_len + i > MAX_TAG:  # not a tag after all: give it back as text
                text = OPEN + "".join(self._tag) + s[: i + 1]
                self._state = "text"
                self._tag = []
                out.append(Segment("text", text))
                return s[i + 1 :]
        self._quote = quote
        self._tag.append(s)
        self._tag_len += len(s)
        return ""

    def _body(self, s: str, out: list[Segment]) -> str:
        if self._body_start:
            if s.startswith("\r\n"):
                s = s[2:]
            elif s.startswith("\n"):
                s = s[1:]
            elif s == "\r":
                self._carry = s
                return ""
            if not s:
                return ""
            self._body_start = False
        idx = s.find(CLOSE)
        if idx != -1:
            content = s[:idx]
            if content.endswith("\n"):
                content = content[:-1]
            if content:
                out.append(Segment("content", content))
            out.append(Segment("close"))
            self._state = "text"
            self.inside = False
            return s[idx + len(CLOSE) :]
        keep = _held_back(s, CLOSE)
        if keep and s[keep - 1] == "\n":  # a newline just before the close tag is not content
            keep -= 1
        if keep:
            out.append(Segment("content", s[:keep]))
        self._carry = s[keep:]
        return ""


@dataclass(frozen=True)
class InlineArtifact:
    attrs: dict[str, str]
    content: str
    closed: bool


def split_text(text: str) -> list[str | InlineArtifact]:
    """A whole text as visible strings and the artifacts written inline in it."""
    scanner = AntArtifactScanner()
    parts: list[str | InlineArtifact] = []
    current: tuple[dict[str, str], list[str]] | None = None
    for seg in [*scanner.feed(text), *scanner.finish()]:
        if seg.kind == "text":
            if parts and isinstance(parts[-1], str):
                parts[-1] += seg.text
            else:
                parts.append(seg.text)
        elif seg.kind == "open":
            current = (seg.attrs, [])
        elif seg.kind == "content" and current is not None:
            current[1].append(seg.text)
        elif seg.kind in ("close", "unclosed") and current is not None:
            parts.append(InlineArtifact(current[0], "".join(current[1]), seg.kind == "close"))
            current = None
    return parts

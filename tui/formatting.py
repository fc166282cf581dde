"""Small pure helpers that turn records into the short strings the panes show."""

from __future__ import annotations

import json
from typing import Any

from artifacts_runtime import kinds

#: TextArea (tree-sitter) language for each artifact type; code artifacts map their language.
TYPE_LANGUAGES: dict[str, str | None] = {
    kinds.HTML: "html",
    kinds.REACT: "javascript",
    kinds.SVG: "xml",
    kinds.MARKDOWN: "markdown",
    kinds.MERMAID: None,
    kinds.CODE: None,
}
CODE_LANGUAGES: dict[str, str] = {
    "python": "python",
    "py": "python",
    "javascript": "javascript",
    "js": "javascript",
    "jsx": "javascript",
    "typescript": "javascript",
    "ts": "javascript",
    "tsx": "javascript",
    "json": "json",
    "css": "css",
    "scss": "css",
    "html": "html",
    "xml": "xml",
    "svg": "xml",
    "bash": "bash",
    "sh": "bash",
    "shell": "bash",
    "zsh": "bash",
    "rust": "rust",
    "go": "go",
    "java": "java",
    "sql": "sql",
    "toml": "toml",
    "yaml": "yaml",
    "yml": "yaml",
    "markdown": "markdown",
    "md": "markdown",
    "regex": "regex",
}


def short_type(type_: str) -> str:
    return kinds.SHORT_NAMES.get(type_, type_)


def type_label(type_: str, language: str | None) -> str:
    """``html``, ``react``… and for code its language (``python``)."""
    if type_ == kinds.CODE and language and language != "text":
        return language
    return short_type(type_)


SHORT_LANGUAGES = {
    "javascript": "js",
    "typescript": "ts",
    "markdown": "md",
    "dockerfile": "docker",
    "haskell": "hs",
    "clojure": "clj",
    "csharp": "c#",
    "kotlin": "kt",
}
TABLE_TYPES = {kinds.MARKDOWN: "md"}


def table_type(type_: str, language: str | None) -> str:
    """At most 7 characters for the library's type column: ``html``, ``react``, ``md``, ``py``…"""
    if type_ == kinds.CODE and language and language != "text":
        return SHORT_LANGUAGES.get(language, language)[:7]
    return TABLE_TYPES.get(type_, short_type(type_))[:7]


def editor_language(type_: str, language: str | None, available: set[str] | frozenset[str]) -> str | None:
    """The TextArea language for an artifact, or None when it has no highlighter here."""
    name = CODE_LANGUAGES.get((language or "").lower()) if type_ == kinds.CODE else TYPE_LANGUAGES.get(type_)
    return name if name in available else None


def pretty_value(value: str) -> tuple[str, bool]:
    """A stored state value for reading: pretty JSON when it is JSON. Returns (text, is_json)."""
    try:
        parsed = json.loads(value)
    except (ValueError, TypeError):
        return value, False
    return json.dumps(parsed, indent=2, ensure_ascii=False), True


def compact_json(value: Any) -> str:
    """What ``JSON.stringify`` gives: no spaces."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def one_line(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if width <= 0:
        return ""
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"

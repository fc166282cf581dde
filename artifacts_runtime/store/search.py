"""Turning what a person types into a safe FTS5 query.

FTS5 has its own query language (quotes, ``*``, ``NEAR``, ``AND``/``OR``/``NOT``, ``-``,
column filters); a search box must not expose it, or an innocent ``"`` raises a syntax error.
Every word becomes a quoted string (so operators are just words), words with no letters or
digits are dropped (the tokenizer would drop them anyway), and the last word is a prefix, so
that results follow the typing.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")
# NUL ends an FTS5 query string even inside quotes ("unterminated string"), and a lone
# surrogate (JSON from a page may hold one) cannot be encoded for SQLite: both separate words.
_SEPARATORS = re.compile("[\x00\ud800-\udfff]")


def _has_token_chars(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def fts_query(text: str, *, prefix_last: bool = True, max_words: int = 16) -> str | None:
    """A MATCH expression for ``text``, or None when nothing in it can match."""
    words = [w for w in _WORD.findall(_SEPARATORS.sub(" ", text)) if _has_token_chars(w)][:max_words]
    if not words:
        return None
    parts = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix_last and len(words[-1]) > 1:  # a one-letter prefix would match half the index
        parts[-1] += "*"
    return " ".join(parts)

"""Full-text search: turning what a person types into a safe FTS5 query, and running it.

FTS5 has its own query language (quotes, ``*``, ``NEAR``, ``AND``/``OR``/``NOT``, ``-``,
column filters); a search box must not expose it, or an innocent ``"`` raises a syntax error.
Every word becomes a quoted string (so operators are just words), words with no letters or
digits are dropped (the tokenizer would drop them anyway), and the last word is a prefix, so
that results follow the typing.
"""

from __future__ import annotations

import re
from typing import Any

from .. import kinds
from ..records import SearchHit
from . import rows
from .connection import Connections

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


# ---------------------------------------------------------------------------- the queries

#: Above this many matches, BM25 over every match costs more than it tells apart (docs/store.md).
BROAD_MATCHES = 5000
SEARCH_COUNT_CAPPED = "SELECT count(*) AS n FROM (SELECT 1 FROM artifact_fts WHERE artifact_fts MATCH ? LIMIT ?)"
SEARCH_RANKED = (
    "SELECT f.rowid AS rowid, bm25(artifact_fts, 10.0, 1.0) AS score FROM artifact_fts f"
    " JOIN artifacts a ON a.rowid = f.rowid"
    " WHERE artifact_fts MATCH ?{filters} ORDER BY score LIMIT ?"
)
SEARCH_NEWEST = (
    "SELECT f.rowid AS rowid, 0.0 AS score FROM artifact_fts f JOIN artifacts a ON a.rowid = f.rowid"
    " WHERE artifact_fts MATCH ?{filters} ORDER BY f.rowid DESC LIMIT ?"
)
SEARCH_SNIPPETS = (
    "SELECT rowid, snippet(artifact_fts, -1, ?, ?, '…', 12) AS snippet FROM artifact_fts"
    " WHERE artifact_fts MATCH ? AND rowid IN ({placeholders})"
)
SEARCH_ARTIFACTS = (
    f"SELECT a.rowid AS rowid, {rows.ARTIFACT_COLUMNS} FROM {rows.ARTIFACT_FROM} WHERE a.rowid IN ({{placeholders}})"
)


class SearchMixin(Connections):
    """Full-text search over the ``artifact_fts`` index (titles and current content)."""

    async def search(
        self,
        text: str,
        *,
        limit: int = 20,
        type: str | None = None,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Ranked full-text search over titles (weighted ×10) and current content.

        Any string is safe: it is quoted word by word (see ``fts_query``). A query that
        matches more than ``BROAD_MATCHES`` artifacts tells them apart too little for BM25 to be
        worth ranking them all: then title matches come first (ranked), followed by the newest
        content matches. That keeps every search fast at 100,000 artifacts (docs/store.md).
        """
        query = fts_query(text)
        if query is None:
            return []
        filters = " AND a.trashed_at IS NULL"
        extra: list[Any] = []
        if type:
            filters += " AND a.type = ?"
            extra.append(kinds.normalize_type(type))
        ranking = SEARCH_RANKED.format(filters=filters)
        matches = await self._scalar(SEARCH_COUNT_CAPPED, (query, BROAD_MATCHES + 1))
        if matches <= BROAD_MATCHES:
            ranked = await self._fetchall(ranking, [query, *extra, limit])
        else:
            ranked = await self._fetchall(ranking, [f"title : ( {query} )", *extra, limit])
            if len(ranked) < limit:
                seen = {r["rowid"] for r in ranked}
                newest = await self._fetchall(
                    SEARCH_NEWEST.format(filters=filters), [query, *extra, limit + len(ranked)]
                )
                ranked += [r for r in newest if r["rowid"] not in seen][: limit - len(ranked)]
        if not ranked:
            return []
        rowids = [r["rowid"] for r in ranked]
        placeholders = ",".join("?" * len(rowids))
        snippets = {
            r["rowid"]: r["snippet"]
            for r in await self._fetchall(
                SEARCH_SNIPPETS.format(placeholders=placeholders),
                [marks[0], marks[1], query, *rowids],
            )
        }
        found = await self._fetchall(SEARCH_ARTIFACTS.format(placeholders=placeholders), rowids)
        by_rowid = {r["rowid"]: rows.artifact(r) for r in found}
        return [
            SearchHit(by_rowid[r["rowid"]], snippets.get(r["rowid"], ""), r["score"])
            for r in ranked
            if r["rowid"] in by_rowid
        ]

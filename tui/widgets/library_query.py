"""What the library lists: one page of a tab (Library, Catalog, Trash), filtered by type and
text, as table rows. Pure reads; the pane decides when to run them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .artifact_table import MARK_CLOSE, MARK_OPEN, SEARCH_LIMIT, Row

if TYPE_CHECKING:  # pragma: no cover
    from artifacts_runtime.catalog import CatalogEntry
    from artifacts_runtime.records import Artifact
    from artifacts_runtime.store import Store

PAGE = 100


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    more: bool  # another page follows (the library tab, unfiltered by text)
    total: int | None  # how many there are, when known without another query


def artifact_row(artifact: Artifact, *, snippet: str = "", when: float | None = None) -> Row:
    return Row(
        artifact.id,
        artifact.title,
        artifact.type,
        artifact.language,
        when if when is not None else artifact.updated_at,
        artifact.pinned,
        snippet,
        artifact,
    )


def catalog_rows(entries: Sequence[CatalogEntry], query: str, type_: str | None) -> list[Row]:
    lowered = query.lower()
    return [
        Row(entry.ref, entry.title, entry.type, None, None, snippet=entry.description)
        for entry in entries
        if (not lowered or lowered in entry.title.lower() or lowered in entry.description.lower())
        and (not type_ or entry.type == type_)
    ]


async def fetch_page(
    store: Store, catalog: Sequence[CatalogEntry], query: str, *, tab: str, type_: str | None, sort: str
) -> Page:
    """The first page of ``tab`` for ``query`` (ranked search when there is text)."""
    if tab == "catalog":
        return Page(catalog_rows(catalog, query, type_), False, len(catalog))
    if tab == "trash":
        artifacts = await store.list(trashed=True, type=type_, limit=None)
        if query:
            lowered = query.lower()
            artifacts = [a for a in artifacts if lowered in a.title.lower()]
        return Page([artifact_row(a, when=a.trashed_at) for a in artifacts], False, len(artifacts))
    if query:
        hits = await store.search(query, limit=SEARCH_LIMIT, type=type_, marks=(MARK_OPEN, MARK_CLOSE))
        return Page([artifact_row(h.artifact, snippet=h.snippet) for h in hits], False, None)
    artifacts = await store.list(type=type_, sort=sort, limit=PAGE + 1)
    more = len(artifacts) > PAGE
    return Page([artifact_row(a) for a in artifacts[:PAGE]], more, None if more else len(artifacts))

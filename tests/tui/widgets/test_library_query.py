"""What the library lists for each tab, read from a real library file."""

from __future__ import annotations

from artifacts_runtime import catalog
from artifacts_runtime.store import Store
from tui.widgets.library_query import PAGE, catalog_rows, fetch_page


async def test_the_library_tab_pages_and_counts_only_when_it_knows(store: Store) -> None:
    for n in range(PAGE + 3):
        await store.create(f"<p>{n}</p>", title=f"Note {n}", type="html")
    first = await fetch_page(store, (), "", tab="library", type_=None, sort="title")
    assert len(first.rows) == PAGE and first.more and first.total is None
    assert first.rows[0].title == "Note 0"

    svgs = await fetch_page(store, (), "", tab="library", type_="svg", sort="title")
    assert svgs.rows == [] and not svgs.more and svgs.total == 0


async def test_search_ranks_and_marks_the_snippet(store: Store) -> None:
    await store.create("<p>Monthly budget by category</p>", title="Budget", type="html")
    await store.create("<p>Nothing to see</p>", title="Other", type="html")
    page = await fetch_page(store, (), "budget", tab="library", type_=None, sort="updated")
    assert [r.title for r in page.rows] == ["Budget"]
    assert page.total is None and not page.more


async def test_the_trash_lists_trashed_artifacts_by_when_they_were_trashed(store: Store) -> None:
    kept = await store.create("<p>a</p>", title="Kept", type="html")
    gone = await store.create("<p>b</p>", title="Gone", type="html")
    await store.trash(gone.id)
    page = await fetch_page(store, (), "", tab="trash", type_=None, sort="updated")
    assert [r.key for r in page.rows] == [gone.id] and kept.id not in [r.key for r in page.rows]
    trashed = page.rows[0].artifact
    assert trashed is not None and trashed.trashed_at is not None
    assert page.rows[0].updated == trashed.trashed_at  # the Age column says when it was trashed


def test_catalog_rows_filter_by_text_and_type_without_a_store() -> None:
    entries = catalog.entries()
    assert entries, "the bundled catalog ships with the app"
    everything = catalog_rows(entries, "", None)
    assert len(everything) == len(entries) and all(r.artifact is None for r in everything)
    first = entries[0]
    assert first.ref in [r.key for r in catalog_rows(entries, first.title.upper(), None)]
    assert catalog_rows(entries, "", "no-such-type") == []

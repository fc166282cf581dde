"""Artifacts and their versions, listings, id prefixes, events (store/artifacts.py).

Every test uses a real library file in a temporary ARTIFACTS_HOME (the ``store`` fixture).
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from artifacts_runtime import kinds
from artifacts_runtime.errors import AmbiguousId, InvalidInput, NotFound
from artifacts_runtime.ids import ALPHABET
from artifacts_runtime.store import Store

HTML_PAGE = "<!doctype html><html><head><title>Budget</title></head><body>money</body></html>"


def _count(store: Store, sql: str, *params) -> int:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def _insert_artifact(store: Store, artifact_id: str, title: str) -> None:
    """An artifact with a chosen id, written straight into the file (to build prefix clashes)."""
    conn = sqlite3.connect(store.path, isolation_level=None, timeout=5)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO artifacts (id, title, type, created_at, updated_at, current_version)"
            " VALUES (?, ?, 'text/markdown', 1.0, 1.0, 0)",
            (artifact_id, title),
        )
        conn.execute(
            "INSERT INTO versions (artifact_id, number, title, type, source, created_at, size, content)"
            " VALUES (?, 1, ?, 'text/markdown', 'import', 1.0, 1, 'x')",
            (artifact_id, title),
        )
        conn.execute("UPDATE artifacts SET current_version = 1 WHERE id = ?", (artifact_id,))
        conn.execute("COMMIT")
    finally:
        conn.close()


# ---------------------------------------------------------------------------- create


async def test_create_gives_a_short_url_safe_id_and_version_1_from_import(store: Store):
    artifact = await store.create("# Notes\n\nhello\n")
    assert len(artifact.id) == 8
    assert re.fullmatch(r"[A-Za-z0-9_-]{8}", artifact.id)
    assert set(artifact.id) <= set(ALPHABET)
    assert artifact.current_version == 1
    version = await store.version(artifact.id)
    assert version.number == 1
    assert version.source == "import"
    assert version.content == "# Notes\n\nhello\n"
    assert version.size == len("# Notes\n\nhello\n")


async def test_create_infers_type_and_title_unless_given(store: Store):
    inferred = await store.create(HTML_PAGE)
    assert (inferred.type, inferred.title) == (kinds.HTML, "Budget")
    given = await store.create(HTML_PAGE, title="  My page  ", type="markdown")
    assert (given.type, given.title) == (kinds.MARKDOWN, "My page")


async def test_create_uses_the_file_name_for_type_and_language(store: Store):
    artifact = await store.create("print('hi')\n", filename="hello_world.py")
    assert (artifact.type, artifact.language, artifact.title) == (kinds.CODE, "python", "Hello world")


async def test_code_always_has_a_language_and_other_types_never_do(store: Store):
    code = await store.create("x = 1", type="code")
    assert code.language == "text"
    html = await store.create("<p>x</p>", type="html", language="python")
    assert html.language is None


async def test_create_counts_size_in_utf8_bytes(store: Store):
    artifact = await store.create("héllo ☃")
    assert artifact.size == len("héllo ☃".encode())


async def test_create_refuses_an_unknown_type_and_a_bad_source(store: Store):
    with pytest.raises(ValueError, match="unknown artifact type"):
        await store.create("x", type="pdf")
    with pytest.raises(InvalidInput, match="version source"):
        await store.create("x", source="magic")
    assert await store.count() == 0


# ---------------------------------------------------------------------------- versions


async def test_add_version_increments_the_number_and_becomes_current(store: Store):
    artifact = await store.create("one")
    v2 = await store.add_version(artifact.id, "two", source="model", label="second")
    v3 = await store.add_version(artifact.id, "three", source="user")
    assert (v2.number, v2.source, v2.label, v2.content) == (2, "model", "second", "two")
    assert (v3.number, v3.source) == (3, "user")
    current = await store.get(artifact.id)
    assert current.current_version == 3
    assert (await store.version(artifact.id)).content == "three"
    assert (await store.version(artifact.id, 1)).content == "one"


async def test_add_version_updates_title_and_type_when_given_and_keeps_them_otherwise(store: Store):
    artifact = await store.create("print(1)", filename="a.py")
    await store.add_version(artifact.id, "print(2)", source="model")
    same = await store.get(artifact.id)
    assert (same.title, same.type, same.language) == (artifact.title, kinds.CODE, "python")

    await store.add_version(artifact.id, "# Now prose", source="model", title="Essay", type="markdown")
    changed = await store.get(artifact.id)
    assert (changed.title, changed.type, changed.language) == ("Essay", kinds.MARKDOWN, None)
    assert (await store.version(artifact.id, 2)).title == artifact.title


async def test_versions_lists_every_version_in_order_without_content(store: Store):
    artifact = await store.create("a")
    await store.add_version(artifact.id, "bb", source="model")
    versions = await store.versions(artifact.id)
    assert [(v.number, v.source, v.size) for v in versions] == [(1, "import", 1), (2, "model", 2)]
    assert all(v.content is None for v in versions)


async def test_asking_for_a_missing_version_says_which_exist(store: Store):
    artifact = await store.create("a")
    with pytest.raises(NotFound, match="versions 1 to 1"):
        await store.version(artifact.id, 5)


async def test_revert_makes_a_new_version_equal_to_the_old_one_with_a_label(store: Store):
    artifact = await store.create("# First\n", filename="n.md")
    await store.add_version(artifact.id, "# Second\n", source="model", title="Second")
    reverted = await store.revert(artifact.id, 1)
    assert reverted.number == 3
    assert reverted.source == "revert"
    assert reverted.label == "revert to v1"
    assert reverted.content == "# First\n"
    assert reverted.title == artifact.title
    assert [v.number for v in await store.versions(artifact.id)] == [1, 2, 3]
    assert (await store.version(artifact.id, 2)).content == "# Second\n"  # history kept


# ---------------------------------------------------------------------------- rename, pin, trash


async def test_rename_changes_the_title_and_refuses_an_empty_one(store: Store):
    artifact = await store.create("x")
    renamed = await store.rename(artifact.id, "  New name ")
    assert renamed.title == "New name"
    assert renamed.updated_at >= artifact.updated_at
    with pytest.raises(InvalidInput, match="empty"):
        await store.rename(artifact.id, "   ")


async def test_pin_and_unpin(store: Store):
    artifact = await store.create("x")
    assert (await store.set_pinned(artifact.id, True)).pinned is True
    assert (await store.set_pinned(artifact.id, False)).pinned is False


async def test_a_trashed_artifact_is_hidden_from_list_and_search_but_listed_in_the_trash(store: Store):
    kept = await store.create("zebra one", title="Kept")
    gone = await store.create("zebra two", title="Gone")
    trashed = await store.trash(gone.id)
    assert trashed.trashed is True and trashed.trashed_at is not None

    assert [a.id for a in await store.list()] == [kept.id]
    assert [h.artifact.id for h in await store.search("zebra")] == [kept.id]
    in_trash = await store.list(trashed=True)
    assert [a.id for a in in_trash] == [gone.id]
    assert in_trash[0].trashed is True
    assert (await store.count(), await store.count(trashed=True)) == (1, 1)


async def test_untrash_restores_an_artifact(store: Store):
    artifact = await store.create("zebra")
    await store.trash(artifact.id)
    restored = await store.untrash(artifact.id)
    assert restored.trashed is False
    assert [a.id for a in await store.list()] == [artifact.id]
    assert len(await store.search("zebra")) == 1


async def test_purge_deletes_the_artifact_with_its_versions_state_and_files(store: Store):
    artifact = await store.create("one")
    await store.add_version(artifact.id, "two", source="model")
    await store.state_set(artifact.id, "k", "v")
    await store.state_set(artifact.id, "k", "v", shared=True)
    await store.attach_file("a.txt", b"abc", artifact_id=artifact.id)
    other = await store.create("other")
    await store.state_set(other.id, "k", "v")

    await store.purge(artifact.id)

    with pytest.raises(NotFound):
        await store.get(artifact.id)
    for table in ("versions", "state", "files"):
        assert _count(store, f"SELECT count(*) FROM {table} WHERE artifact_id = ?", artifact.id) == 0
    assert await store.state_get(other.id, "k") is not None  # others untouched
    assert _count(store, "SELECT count(*) FROM versions") == 1


# ---------------------------------------------------------------------------- listing


async def test_list_sorts_by_updated_created_or_title_with_pinned_first(store: Store):
    banana = await store.create("b", title="banana")
    apple = await store.create("a", title="Apple")
    cherry = await store.create("c", title="cherry")
    await store.add_version(banana.id, "b2", source="model")  # banana is now the freshest

    async def ids(sort: str) -> list[str]:
        return [a.id for a in await store.list(sort=sort)]

    assert await ids("updated") == [banana.id, cherry.id, apple.id]
    assert await ids("created") == [cherry.id, apple.id, banana.id]
    assert await ids("title") == [apple.id, banana.id, cherry.id]  # case-insensitive

    await store.set_pinned(cherry.id, True)
    assert await ids("updated") == [cherry.id, banana.id, apple.id]
    assert await ids("created") == [cherry.id, apple.id, banana.id]
    assert await ids("title") == [cherry.id, apple.id, banana.id]


async def test_list_refuses_an_unknown_sort(store: Store):
    with pytest.raises(InvalidInput, match="updated, created, title"):
        await store.list(sort="size")


async def test_list_filters_by_type_given_as_alias_or_identifier(store: Store):
    svg = await store.create('<svg viewBox="0 0 1 1"></svg>')
    await store.create("# notes")
    assert [a.id for a in await store.list(type="svg")] == [svg.id]
    assert [a.id for a in await store.list(type=kinds.SVG)] == [svg.id]
    assert await store.list(type="mermaid") == []


async def test_list_pages_with_limit_and_offset(store: Store):
    created = [await store.create(f"n{i}", title=f"t{i:02d}") for i in range(7)]
    titles = [a.title for a in created]
    page1 = await store.list(sort="title", limit=3)
    page3 = await store.list(sort="title", limit=3, offset=6)
    everything = await store.list(sort="title", limit=None)
    assert [a.title for a in page1] == titles[:3]
    assert [a.title for a in page3] == titles[6:]
    assert len(everything) == 7


async def test_a_listed_artifact_carries_the_size_of_its_current_version(store: Store):
    artifact = await store.create("abc")
    await store.add_version(artifact.id, "abcdef", source="model")
    assert [a.size for a in await store.list()] == [6]


# ---------------------------------------------------------------------------- ids and prefixes


async def test_any_unique_prefix_resolves_to_the_full_id(store: Store):
    artifact = await store.create("x")
    for n in range(1, 9):
        assert await store.resolve(artifact.id[:n]) == artifact.id
    assert (await store.get(artifact.id[:3].upper())).id == artifact.id  # typed in capitals


async def test_an_ambiguous_prefix_raises_naming_the_candidates(store: Store):
    _insert_artifact(store, "abcdefgh", "First")
    _insert_artifact(store, "abcdxyzw", "Second")
    with pytest.raises(AmbiguousId) as caught:
        await store.resolve("abcd")
    message = str(caught.value)
    assert "abcdefgh (First)" in message and "abcdxyzw (Second)" in message
    assert "type more of it" in message
    assert await store.resolve("abcde") == "abcdefgh"
    assert await store.resolve("abcdx") == "abcdxyzw"


@pytest.mark.parametrize("ref", ["zzzzzzzz", "", "   ", "ab/cd", "a b", "'; --", "l01"])
async def test_an_unknown_id_raises_not_found_saying_what_to_do(store: Store, ref: str):
    await store.create("x")
    with pytest.raises(NotFound) as info:
        await store.get(ref)
    # The core says what is wrong; which command lists the ids is a hint the CLI prints.
    assert "no artifact with id" in str(info.value) and "`artifacts" not in str(info.value)
    assert info.value.hint is not None and "`artifacts ls` lists the ids" in info.value.hint


# ---------------------------------------------------------------------------- events


async def test_changes_are_announced_to_listeners(store: Store):
    events: list[dict] = []
    store.listeners.append(events.append)
    artifact = await store.create("x")
    await store.add_version(artifact.id, "y", source="model")
    await store.rename(artifact.id, "New")
    await store.set_pinned(artifact.id, True)
    await store.trash(artifact.id)
    await store.untrash(artifact.id)
    await store.state_set(artifact.id, "k", "v", shared=True)
    await store.state_delete(artifact.id, "k", shared=True)
    await store.purge(artifact.id)
    assert [e["type"] for e in events] == [
        "artifact.created",
        "artifact.updated",
        "artifact.renamed",
        "artifact.pinned",
        "artifact.trashed",
        "artifact.restored",
        "state.changed",
        "state.changed",
        "artifact.deleted",
    ]
    assert all(e["artifact_id"] == artifact.id for e in events)
    assert events[1]["version"] == 2
    assert events[6] == {
        "type": "state.changed",
        "artifact_id": artifact.id,
        "scope": "shared",
        "owner": "",
        "key": "k",
        "deleted": False,
    }
    assert events[7]["deleted"] is True


async def test_a_failing_listener_does_not_break_a_write(store: Store):
    def broken(event: dict) -> None:
        raise RuntimeError("listener bug")

    seen: list[dict] = []
    store.listeners.extend([broken, seen.append])
    artifact = await store.create("x")
    assert (await store.get(artifact.id)).id == artifact.id
    assert seen and seen[0]["type"] == "artifact.created"

"""Full-text search: ranked, with snippets, following the current version, safe for any input.

User input is quoted word by word before it reaches FTS5, so no string a person can type (or
paste) raises an error; the last word is a prefix so that results follow the typing.
"""

from __future__ import annotations

import sqlite3

import pytest

from artifacts_runtime.store import Store
from artifacts_runtime.store.search import fts_query


async def _ids(store: Store, query: str) -> list[str]:
    return [hit.artifact.id for hit in await store.search(query)]


# ---------------------------------------------------------------------------- ranking, snippets


async def test_a_title_match_outranks_a_content_only_match(store: Store):
    in_content = await store.create(
        "habit habit habit: notes about the habit of writing every habit down",
        title="Journal",
        type="markdown",
    )
    in_title = await store.create("<p>check the boxes each day</p>", title="Habit tracker", type="html")
    hits = await store.search("habit")
    assert [h.artifact.id for h in hits] == [in_title.id, in_content.id]
    assert hits[0].rank <= hits[1].rank  # bm25: lower is better


async def test_snippets_mark_the_matching_words(store: Store):
    await store.create(
        "Long introduction. " * 20 + "The quarterly budget is here. " + "More text. " * 20,
        title="Report",
        type="markdown",
    )
    [hit] = await store.search("budget")
    assert "[budget]" in hit.snippet
    assert "…" in hit.snippet  # cut around the match
    [hit] = await store.search("budget", marks=("<mark>", "</mark>"))
    assert "<mark>budget</mark>" in hit.snippet


async def test_the_last_word_is_a_prefix_so_results_follow_the_typing(store: Store):
    habit = await store.create("daily streaks", title="Habit tracker")
    await store.create("nothing related", title="Other")
    for typed in ("ha", "hab", "habi", "habit", "habit tr", "HABIT TRACK"):
        assert await _ids(store, typed) == [habit.id], typed


async def test_only_the_last_word_is_a_prefix(store: Store):
    await store.create("habit tracker", title="x")
    assert await _ids(store, "hab tracker") == []


async def test_every_word_must_match(store: Store):
    both = await store.create("apples and oranges", title="Fruit")
    await store.create("apples only", title="Apple pie")
    assert await _ids(store, "oranges apples") == [both.id]


async def test_search_can_be_limited_to_a_type(store: Store):
    md = await store.create("# Garden plan", type="markdown")
    await store.create("<p>Garden</p>", type="html", title="Garden page")
    assert await _ids(store, "garden") != [md.id]
    assert [h.artifact.id for h in await store.search("garden", type="md")] == [md.id]


async def test_search_results_respect_the_limit(store: Store):
    for i in range(5):
        await store.create(f"common word {i}", title=f"Item {i}")
    assert len(await store.search("common", limit=2)) == 2


# ---------------------------------------------------------------------------- what is indexed


async def test_search_follows_the_current_version_only(store: Store):
    artifact = await store.create("the old walrus text", title="Poem")
    await store.add_version(artifact.id, "the new penguin text", source="model")
    assert await _ids(store, "walrus") == []
    assert await _ids(store, "penguin") == [artifact.id]

    await store.revert(artifact.id, 1)
    assert await _ids(store, "walrus") == [artifact.id]
    assert await _ids(store, "penguin") == []


async def test_search_after_rename_finds_the_new_title_not_the_old(store: Store):
    artifact = await store.create("body text", title="Grocery list")
    await store.rename(artifact.id, "Camping checklist")
    assert await _ids(store, "camping") == [artifact.id]
    assert await _ids(store, "grocery") == []


async def test_a_purged_artifact_is_gone_from_search(store: Store):
    artifact = await store.create("unique zeppelin", title="Z")
    await store.purge(artifact.id)
    assert await _ids(store, "zeppelin") == []


async def test_accents_are_ignored_both_ways(store: Store):
    cafe = await store.create("Our café menu", title="Menu")
    naive = await store.create("a naive plan", title="Plan")
    assert await _ids(store, "cafe") == [cafe.id]
    assert await _ids(store, "CAFÉ") == [cafe.id]
    assert await _ids(store, "naïve") == [naive.id]


async def test_cjk_and_emoji_content_is_searchable(store: Store):
    japanese = await store.create("日本語のテキスト", title="ノート")
    party = await store.create("party 🎉 time", title="Invite")
    assert await _ids(store, "日本語") == [japanese.id]
    assert await _ids(store, "ノート") == [japanese.id]
    assert await _ids(store, "party 🎉") == [party.id]
    assert await store.search("🎉") == []  # symbols alone are not words


# ---------------------------------------------------------------------------- hostile input

HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "**",
    "NEAR",
    "NEAR(a b)",
    "a NEAR b",
    "NEAR/2",
    "-",
    "-foo",
    "+",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "AND a",
    "a OR",
    "NOT a",
    "(",
    ")",
    "()",
    "title:foo",
    "content:foo",
    "{title content}: foo",
    "^",
    "^foo",
    "{a}",
    "a:",
    ":",
    "'; DROP TABLE artifacts; --",
    "\\",
    "\x00",
    "a\x00b",
    "\u200b",
    "café",
    "日本語",
    "🎉",
    "👩‍👩‍👧",
    "ﷺ",
    "\ufeff",
    "",
    " ",
    "   \t\n ",
    "a" * 10_000,
    "word " * 2_000,
    '"unterminated',
    "foo*bar",
    "*foo",
    "%",
    "_",
    "?",
    "a OR b OR c NOT d",
    "\ud800",
    "caf\ud800e",
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q)[:30])
async def test_no_query_string_raises_and_every_result_is_a_list(store: Store, query: str):
    await store.create("foo bar title content near and or not", title="Foo NEAR title")
    result = await store.search(query)
    assert isinstance(result, list)


async def test_operator_words_are_searched_as_plain_words(store: Store):
    near = await store.create("stay NEAR the shore", title="Beach")
    await store.create("far away", title="Mountain")
    assert await _ids(store, "NEAR") == [near.id]
    assert await _ids(store, "near the") == [near.id]


async def test_sql_in_a_query_is_just_text(store: Store):
    artifact = await store.create("x", title="Tables")
    await store.search("'; DROP TABLE artifacts; --")
    assert (await store.get(artifact.id)).title == "Tables"


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "*", '"', "-", "🎉 ✨", "()"])
def test_a_query_without_any_word_becomes_no_match_expression(query: str):
    assert fts_query(query) is None


def test_the_query_is_quoted_word_by_word_with_a_prefix_on_the_last():
    assert fts_query('say "hi" NEAR') == '"say" """hi""" "NEAR"*'
    assert fts_query("one two", prefix_last=False) == '"one" "two"'
    assert fts_query(" ".join(f"w{i}" for i in range(40))).count('"w') == 16


# ---------------------------------------------------------------------------- index integrity


async def test_the_full_text_index_stays_consistent_through_every_kind_of_change(store: Store):
    ids = []
    for i in range(12):
        artifact = await store.create(f"content number {i} café 日本 " * (i + 1), title=f"Title {i}")
        ids.append(artifact.id)
    for i, artifact_id in enumerate(ids):
        if i % 2 == 0:
            await store.add_version(artifact_id, f"changed {i}", source="model", title=f"New {i}")
        if i % 3 == 0:
            await store.rename(artifact_id, f"Renamed {i}")
        if i % 4 == 0:
            await store.revert(artifact_id, 1)
        if i % 5 == 0:
            await store.trash(artifact_id)
        if i % 6 == 1:
            await store.purge(artifact_id)
    await store.untrash(ids[5])

    conn = sqlite3.connect(store.path)
    try:
        conn.execute("INSERT INTO artifact_fts(artifact_fts) VALUES('integrity-check')")
        indexed = conn.execute("SELECT count(*) FROM artifact_fts").fetchone()[0]
        artifacts = conn.execute("SELECT count(*) FROM artifacts").fetchone()[0]
    finally:
        conn.close()
    assert indexed == artifacts == 12 - 2  # two were purged
    assert await _ids(store, "renamed 3") == [ids[3]]
    assert await _ids(store, "changed 2") == [ids[2]]


async def test_search_survives_vacuum(store, paths):
    """VACUUM may renumber implicit rowids; the index is keyed on an explicit one, so it holds."""
    import sqlite3

    doomed = await store.create("# Doomed\n\nephemeral words", title="Doomed")
    keeper = await store.create("# Keeper\n\nlasting words about zebras", title="Keeper")
    await store.purge(doomed.id)
    conn = sqlite3.connect(paths.library)
    conn.execute("VACUUM")
    conn.execute("INSERT INTO artifact_fts(artifact_fts) VALUES ('integrity-check')")
    conn.close()
    hits = await store.search("zebras")
    assert [h.artifact.id for h in hits] == [keeper.id]
    await store.rename(keeper.id, "Keeper renamed")
    assert [h.artifact.id for h in await store.search("renamed")] == [keeper.id]

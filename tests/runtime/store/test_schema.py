"""The library file: migrations by ``PRAGMA user_version``, and files that must be refused.

Every migration is checked from an empty file and from the schema just before it (a file built
with only the first k migrations, holding some rows), and must end with exactly the schema of
a fresh file. A file from a newer release, another program's SQLite database, or something
that is not SQLite at all is refused with a clear message and left byte-for-byte unchanged.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from artifacts_runtime.errors import LibraryError, SchemaTooNew
from artifacts_runtime.store import Store, schema


def _schema_of(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        conn.close()


def _pragma(path: Path, name: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables (not SQLite's own, not the full-text index's shadow tables)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'artifact_fts%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def _columns_of(path: Path, tables: list[str]) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    finally:
        conn.close()


def _rows_of(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Each table's rows, in the columns given (those it had before a migration added some)."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
            for t, cols in columns.items()
        }
    finally:
        conn.close()


def _rows_of_before(rows: dict[str, list[tuple]], columns: dict[str, list[str]], kept: dict[str, list[str]]):
    """``rows`` (read with ``columns``) narrowed to the ``kept`` columns."""
    out = {}
    for t, table_rows in rows.items():
        index = [columns[t].index(c) for c in kept[t]]
        out[t] = sorted((tuple(r[i] for i in index) for r in table_rows), key=repr)
    return out


# Rows to put in a partly migrated file, for each table as soon as it exists.
SEED: dict[str, list[str]] = {
    "conversations": [
        "INSERT INTO conversations (id, title, model, created_at, updated_at)"
        " VALUES ('cccccccc', 'Planning', 'claude-test', 1.0, 2.0)",
    ],
    "messages": [
        "INSERT INTO messages (id, conversation_id, seq, role, content, created_at)"
        """ VALUES ('mmmmmmmmmm', 'cccccccc', 1, 'user', '[{"type": "text", "text": "hi"}]', 1.5)""",
    ],
    "artifacts": [
        "INSERT INTO artifacts (id, title, type, created_at, updated_at, current_version, conversation_id)"
        " VALUES ('habithab', 'Habit tracker', 'text/html', 1.0, 2.0, 2, 'cccccccc')",
        "INSERT INTO artifacts (id, title, type, language, created_at, updated_at, current_version)"
        " VALUES ('scriptpy', 'Loader', 'application/vnd.ant.code', 'python', 1.0, 1.0, 1)",
    ],
    "versions": [
        "INSERT INTO versions (artifact_id, number, title, type, source, created_at, size, content)"
        " VALUES ('habithab', 1, 'Habit tracker', 'text/html', 'import', 1.0, 12, '<p>first</p>')",
        "INSERT INTO versions (artifact_id, number, title, type, source, created_at, size, content)"
        " VALUES ('habithab', 2, 'Habit tracker', 'text/html', 'model', 2.0, 21, '<p>streak counter</p>')",
        "INSERT INTO versions (artifact_id, number, title, type, language, source, created_at, size, content)"
        " VALUES ('scriptpy', 1, 'Loader', 'application/vnd.ant.code', 'python', 'import', 1.0, 11, 'import csv\n')",
    ],
    "state": [
        "INSERT INTO state (artifact_id, scope, key, size, updated_at, value)"
        " VALUES ('habithab', 'personal', 'streak', 1, 3.0, '7')",
        "INSERT INTO state (artifact_id, scope, key, size, updated_at, value)"
        " VALUES ('habithab', 'shared', 'votes', 2, 3.0, '12')",
        "INSERT INTO state (artifact_id, scope, owner, key, size, updated_at, value)"
        " VALUES ('habithab', 'personal', 'visitor:old-unsigned-id-1234', 'streak', 2, 3.0, '99')",
    ],
    "shares": [
        "INSERT INTO shares (token, artifact_id, version, created_at) VALUES ('tokentokentoken1', 'habithab', NULL, 2.0)",
    ],
    "files": [
        "INSERT INTO files (id, artifact_id, name, mime, size, created_at, data)"
        " VALUES ('ffffffffff', 'habithab', 'data.csv', 'text/csv', 3, 1.0, X'613B62')",
    ],
    "usage": [
        "INSERT INTO usage (artifact_id, conversation_id, kind, model, input_tokens, output_tokens, created_at)"
        " VALUES ('habithab', 'cccccccc', 'chat', 'claude-test', 100, 50, 2.0)",
    ],
}


def _build_partial(path: Path, k: int) -> None:
    """A file with only the first ``k`` migrations, seeded with rows where tables exist."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        schema.apply_migrations(conn, target=k)
        existing = set(_user_tables(conn))
        for table, statements in SEED.items():
            if table in existing:
                for statement in statements:
                    conn.execute(statement)
        conn.execute("COMMIT")
    finally:
        conn.close()


async def _open_and_close(path: Path) -> None:
    store = await Store.open(path)
    await store.close()


def _fts_integrity_check(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO artifact_fts(artifact_fts) VALUES('integrity-check')")
    finally:
        conn.close()


# ---------------------------------------------------------------------------- migrations


def test_the_migrations_are_named_and_latest_counts_them():
    names = [m.name for m in schema.MIGRATIONS]
    assert schema.LATEST == len(names) >= 1
    assert len(set(names)) == len(names)
    assert names == sorted(names)


async def test_a_new_library_reaches_the_latest_schema_and_is_marked_as_ours(tmp_path: Path):
    path = tmp_path / "library.db"
    await _open_and_close(path)
    assert _pragma(path, "user_version") == schema.LATEST
    assert _pragma(path, "application_id") == schema.APPLICATION_ID
    assert _pragma(path, "journal_mode") == "wal"


async def test_an_empty_existing_file_is_treated_as_a_new_library(tmp_path: Path):
    path = tmp_path / "library.db"
    path.touch()
    await _open_and_close(path)
    assert _pragma(path, "user_version") == schema.LATEST


async def test_opening_an_up_to_date_library_changes_nothing_in_its_schema(tmp_path: Path):
    path = tmp_path / "library.db"
    await _open_and_close(path)
    before = _schema_of(path)
    await _open_and_close(path)
    assert _schema_of(path) == before
    assert _pragma(path, "user_version") == schema.LATEST


@pytest.mark.parametrize("k", range(schema.LATEST + 1), ids=lambda k: f"from_{k}")
async def test_a_file_with_the_first_k_migrations_upgrades_to_the_fresh_schema_keeping_its_rows(tmp_path: Path, k: int):
    fresh = tmp_path / "fresh.db"
    await _open_and_close(fresh)

    old = tmp_path / "old.db"
    _build_partial(old, k)
    assert _pragma(old, "user_version") == k
    conn = sqlite3.connect(old)
    tables_before = _user_tables(conn)
    conn.close()
    columns_before = _columns_of(old, tables_before)
    rows_before = _rows_of(old, columns_before)

    await _open_and_close(old)

    assert _pragma(old, "user_version") == schema.LATEST
    assert _pragma(old, "application_id") == schema.APPLICATION_ID
    assert _schema_of(old) == _schema_of(fresh)
    # Compared on the columns that survive: 0004 replaced the fetch cache's ``url`` by a digest
    # of the request (test_live_data_migration.py checks those rows).
    columns_after = _columns_of(old, list(columns_before))
    kept = {t: [c for c in cols if c in columns_after[t]] for t, cols in columns_before.items()}
    assert _rows_of(old, kept) == _rows_of_before(rows_before, columns_before, kept)
    _fts_integrity_check(old)


async def test_rows_from_before_the_search_index_are_searchable_after_upgrading(tmp_path: Path):
    """Artifacts saved before full-text search existed are indexed by the upgrade."""
    search_migration = next(i for i, m in enumerate(schema.MIGRATIONS) if m.name.endswith("_search"))
    path = tmp_path / "library.db"
    _build_partial(path, search_migration)  # everything before the search index
    store = await Store.open(path)
    try:
        hits = await store.search("streak")
        assert [h.artifact.id for h in hits] == ["habithab"]
        assert await store.search("first") == []  # only the current version is indexed
        # Changing the old artifact keeps the index consistent.
        await store.rename("habithab", "Streak keeper")
        await store.add_version("habithab", "<p>new</p>", source="user")
        await store.purge("scriptpy")
    finally:
        await store.close()
    _fts_integrity_check(path)


# ---------------------------------------------------------------------------- refused files


def _snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
async def test_a_library_from_a_newer_release_is_refused_and_left_untouched(tmp_path: Path, journal_mode: str):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("BEGIN IMMEDIATE")
    schema.apply_migrations(conn)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.execute("COMMIT")
    conn.close()
    before = _snapshot(path)
    assert before[2] == ["library.db"]

    with pytest.raises(SchemaTooNew) as caught:
        await Store.open(path)

    message = str(caught.value)
    assert "newer release" in message
    assert "not changed" in message
    assert "upgrade" in message
    assert _snapshot(path) == before  # same bytes, same mtime, no -wal or -shm beside it
    assert not (tmp_path / "library.db-wal").exists()


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
async def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path: Path, journal_mode: str):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_bookmarks (url) VALUES ('https://example.org')")
    conn.close()
    assert _pragma(path, "application_id") == 0
    before = _snapshot(path)

    with pytest.raises(LibraryError) as caught:
        await Store.open(path)

    message = str(caught.value)
    assert "another program" in message
    assert "move it away" in message or "ARTIFACTS_HOME" in message
    assert _snapshot(path) == before


async def test_a_database_marked_by_another_application_id_is_refused(tmp_path: Path):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="another program"):
        await Store.open(path)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(os.urandom(4096), id="random-bytes"),
        pytest.param(b"These are my notes, not a database.\n" * 20, id="text-file"),
        pytest.param(b"SQLite", id="tiny-file"),
    ],
)
async def test_a_file_that_is_not_sqlite_is_refused_with_what_to_do(tmp_path: Path, content: bytes):
    path = tmp_path / "library.db"
    path.write_bytes(content)
    before = _snapshot(path)

    with pytest.raises(LibraryError) as caught:
        await Store.open(path)

    message = str(caught.value)
    assert str(path) in message
    assert "not an SQLite file" in message
    assert "move it away" in message and "ARTIFACTS_HOME" in message
    assert _snapshot(path) == before


async def test_a_damaged_library_is_refused_with_what_to_do(tmp_path: Path):
    path = tmp_path / "library.db"
    await _open_and_close(path)
    data = bytearray(path.read_bytes())
    data[100:] = os.urandom(len(data) - 100)  # keep the header, wreck the pages
    path.write_bytes(bytes(data))

    with pytest.raises(LibraryError) as caught:
        await Store.open(path)
    assert "restore a backup or move it away" in str(caught.value)


async def test_the_visitors_migration_sorts_existing_state_into_pools_and_makes_old_links_read_only(tmp_path: Path):
    """0005: rows written before it keep their values; a visitor's personal key goes to the
    visitors' pool, the owner's keys and every shared key to the owner's; links published before
    it are read-only for shared state (what the README promised); visitor ids get a signing key."""
    number = next(i for i, m in enumerate(schema.MIGRATIONS) if m.name.endswith("_visitors"))
    path = tmp_path / "library.db"
    _build_partial(path, number)
    store = await Store.open(path)
    try:
        pools = await store._fetchall("SELECT scope, owner, key, pool, value FROM state ORDER BY scope, owner")
        assert [tuple(r) for r in pools] == [
            ("personal", "", "streak", "owner", "7"),
            ("personal", "visitor:old-unsigned-id-1234", "streak", "visitors", "99"),
            ("shared", "", "votes", "owner", "12"),
        ]
        share = await store.share("tokentokentoken1")
        assert share is not None and share.shared_state == "read-only"
        # the visitor's key is not the owner's to pay for
        assert await store.state_usage("habithab") == (1 + 6 + 100) + (2 + 5 + 100)
        assert await store.state_usage("habithab", owner="visitor:x") == 2 + 6 + 100
        secret = await store.visitor_secret()
        assert len(secret) >= 40 and await store.visitor_secret() == secret
    finally:
        await store.close()

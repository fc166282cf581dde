"""The connections every aggregate shares (store/connection.py): pragmas, the read-only
reader, rows by name, transactions, events, and errors that keep CLI wording in a hint."""

from __future__ import annotations

import sqlite3

import pytest

from artifacts_runtime.errors import ArtifactsError, NotFound
from artifacts_runtime.store import Store
from artifacts_runtime.store.connection import integrity_error

# ---------------------------------------------------------------------------- connections


async def test_both_connections_use_wal_foreign_keys_and_a_busy_timeout(store: Store):
    for conn in (store._writer, store._reader):
        assert (await (await conn.execute("PRAGMA journal_mode")).fetchone())[0] == "wal"
        assert (await (await conn.execute("PRAGMA foreign_keys")).fetchone())[0] == 1
        assert (await (await conn.execute("PRAGMA busy_timeout")).fetchone())[0] > 0


async def test_the_reader_connection_cannot_write(store: Store):
    with pytest.raises(sqlite3.OperationalError):
        await store._reader.execute("DELETE FROM artifacts")


async def test_both_connections_hand_out_rows_by_column_name(store: Store):
    artifact = await store.create("# Hello", title="Named")
    for conn in (store._writer, store._reader):
        cursor = await conn.execute("SELECT id, title FROM artifacts")
        row = await cursor.fetchone()
        assert isinstance(row, sqlite3.Row)
        assert (row["id"], row["title"]) == (artifact.id, "Named")


async def test_a_failed_transaction_leaves_nothing_behind_and_the_writer_usable(store: Store):
    with pytest.raises(RuntimeError):
        async with store.transaction() as db:
            await db.execute(
                "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('cccccccc', '', 1, 1)"
            )
            raise RuntimeError("boom")
    assert await store.conversations() == []
    conversation = await store.create_conversation(title="after")
    assert [c.id for c in await store.conversations()] == [conversation.id]


async def test_a_missing_parent_is_not_found_and_another_refusal_is_invalid_input():
    assert isinstance(integrity_error(sqlite3.IntegrityError("FOREIGN KEY constraint failed"), "x"), NotFound)
    other = integrity_error(sqlite3.IntegrityError("CHECK constraint failed: size"))
    assert isinstance(other, ArtifactsError) and "refused the change" in str(other)


def test_an_error_carries_an_optional_hint_outside_its_message():
    plain = NotFound("no artifact with id 'x'")
    assert plain.hint is None and str(plain) == "no artifact with id 'x'"
    hinted = NotFound("no artifact with id 'x'", hint="`artifacts ls` lists the ids")
    assert str(hinted) == "no artifact with id 'x'" and hinted.hint == "`artifacts ls` lists the ids"


async def test_conversation_ids_not_found_keep_the_command_in_the_hint(store: Store):
    with pytest.raises(NotFound) as info:
        await store.conversation("zzzz")
    assert "`artifacts" not in str(info.value)
    assert info.value.hint == "`artifacts conversations` lists them"

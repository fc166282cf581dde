"""Rows to records by column name (store/rows.py).

The mappers read ``row["name"]``, so the column lists must name exactly the fields of their
records: each list is run against a fresh library and its column names compared with the
record's fields. Then the mappers are checked on rows whose columns come in another order.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields

import pytest

from artifacts_runtime.records import (
    Artifact,
    AttachedFile,
    CachedResponse,
    Conversation,
    Grant,
    Message,
    Share,
    StateEntry,
    Usage,
    Version,
)
from artifacts_runtime.store import Store, rows
from artifacts_runtime.store.shares import SHARE_COLUMNS


def _names(record: type) -> list[str]:
    return [f.name for f in fields(record)]


COLUMN_LISTS = [
    (f"SELECT {rows.ARTIFACT_COLUMNS} FROM {rows.ARTIFACT_FROM}", Artifact, []),
    (f"SELECT {rows.VERSION_COLUMNS} FROM versions", Version, ["content"]),
    (f"SELECT {rows.STATE_COLUMNS} FROM state", StateEntry, []),
    (f"SELECT {rows.CONVERSATION_COLUMNS} FROM conversations c", Conversation, []),
    (f"SELECT {rows.MESSAGE_COLUMNS} FROM messages", Message, []),
    (f"SELECT {rows.FILE_COLUMNS} FROM files", AttachedFile, ["data"]),
    (f"SELECT {rows.GRANT_COLUMNS} FROM grants", Grant, []),
    (f"SELECT {rows.CACHED_RESPONSE_COLUMNS} FROM fetch_cache", CachedResponse, []),
    (f"SELECT {rows.USAGE_COLUMNS} FROM usage", Usage, []),
    (f"SELECT {SHARE_COLUMNS}, a.title AS title FROM shares s JOIN artifacts a ON a.id = s.artifact_id", Share, []),
]


@pytest.mark.parametrize(("sql", "record", "apart"), COLUMN_LISTS, ids=[r.__name__ for _, r, _ in COLUMN_LISTS])
async def test_each_column_list_names_exactly_the_fields_of_its_record(
    store: Store, sql: str, record: type, apart: list[str]
):
    conn = sqlite3.connect(store.path)
    try:
        cursor = conn.execute(sql + " LIMIT 0")
        selected = [d[0] for d in cursor.description]
    finally:
        conn.close()
    assert sorted(selected) == sorted(n for n in _names(record) if n not in apart)


def _row(**values: object) -> sqlite3.Row:
    """A real ``sqlite3.Row`` with the columns in the order given (not the record's order)."""
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    try:
        names = ", ".join(f"? AS {name}" for name in values)
        row: sqlite3.Row = conn.execute(f"SELECT {names}", tuple(values.values())).fetchone()
        return row
    finally:
        conn.close()


def test_an_artifact_is_mapped_by_name_whatever_the_column_order():
    row = _row(
        size=12,
        conversation_id=None,
        remixed_from="r",
        trashed_at=None,
        pinned=1,
        current_version=3,
        updated_at=2.0,
        created_at=1.0,
        language=None,
        type="text/markdown",
        title="T",
        id="abcdefgh",
    )
    assert rows.artifact(row) == Artifact(
        "abcdefgh", "T", "text/markdown", None, 1.0, 2.0, 3, True, None, "r", None, 12
    )


def test_a_version_comes_with_or_without_its_text():
    values = dict(
        size=1,
        created_at=1.0,
        incomplete=0,
        message_id=None,
        label=None,
        source="user",
        language=None,
        type="text/markdown",
        title="T",
        number=2,
        artifact_id="a",
    )
    listed = rows.version(_row(**values))
    assert listed.content is None and listed.number == 2 and listed.incomplete is False
    assert rows.version_with_content(_row(**values, content="x")).content == "x"


def test_a_message_decodes_its_content_and_flags():
    row = _row(
        created_at=1.0,
        output_tokens=2,
        input_tokens=1,
        incomplete=1,
        stop_reason=None,
        model="m",
        content=json.dumps([{"type": "text", "text": "hi"}]),
        role="user",
        seq=1,
        conversation_id="c",
        id="m1",
    )
    message = rows.message(row)
    assert message.content == [{"type": "text", "text": "hi"}] and message.incomplete is True
    assert message.text() == "hi"


def test_a_cached_response_decodes_headers_and_copies_the_body():
    row = _row(body=b"data", fetched_at=3.0, headers=json.dumps({"content-type": "text/csv"}), status=200)
    assert rows.cached_response(row) == CachedResponse(200, {"content-type": "text/csv"}, 3.0, b"data")


def test_state_grant_usage_file_conversation_and_share_rows():
    assert rows.state_entry(
        _row(updated_at=1.0, size=1, value="v", key="k", scope="shared", artifact_id="a")
    ) == StateEntry("a", "shared", "k", "v", 1, 1.0)
    assert rows.grant(
        _row(visitors=1, path="/v1", created_at=1.0, decision="deny", origin="https://x", artifact_id="a")
    ) == Grant("a", "https://x", "deny", 1.0, "/v1", True)
    assert rows.usage(
        _row(calls=2, cache_write_tokens=4, cache_read_tokens=3, output_tokens=2, input_tokens=1)
    ) == Usage(1, 2, 3, 4, 2)
    file_row = _row(conversation_id=None, artifact_id="a", created_at=1.0, size=2, mime="text/plain", name="n", id="f")
    assert rows.attached_file(file_row, b"hi") == AttachedFile("f", "n", "text/plain", 2, 1.0, "a", None, b"hi")
    assert rows.conversation(
        _row(message_count=3, artifact_id=None, updated_at=2.0, created_at=1.0, model=None, title="t", id="c")
    ) == Conversation("c", "t", None, 1.0, 2.0, None, 3)
    assert rows.share(
        _row(
            shared_state="read-write",
            title="T",
            revoked_at=None,
            created_at=1.0,
            version=None,
            artifact_id="a",
            token="tok",
        )
    ) == Share("tok", "a", None, 1.0, "T", None, "read-write")

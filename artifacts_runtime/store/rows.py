"""Rows to records, by column NAME.

Every query that feeds a record selects the columns listed here (with ``AS`` names where an
expression or a join would otherwise name them differently), and every mapper reads
``row["name"]``. Adding, reordering or joining columns can therefore never shift a field.
The connections use ``sqlite3.Row`` as their row factory (connection.py); any mapping from
names to values works, so a second backend can reuse these functions with its own rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

from .. import kinds
from ..errors import InvalidInput
from ..records import (
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


class Row(Protocol):
    """What a mapper needs of a row: values by column name (``sqlite3.Row`` is one)."""

    def __getitem__(self, key: str, /) -> Any: ...


#: An artifact with the size of its current version (``a`` artifacts, ``v`` versions).
ARTIFACT_COLUMNS = (
    "a.id AS id, a.title AS title, a.type AS type, a.language AS language, a.created_at AS created_at,"
    " a.updated_at AS updated_at, a.current_version AS current_version, a.pinned AS pinned,"
    " a.trashed_at AS trashed_at, a.remixed_from AS remixed_from, a.conversation_id AS conversation_id,"
    " coalesce(v.size, 0) AS size"
)
ARTIFACT_FROM = "artifacts a LEFT JOIN versions v ON v.artifact_id = a.id AND v.number = a.current_version"
#: The orders of ``Store.list`` (pinned artifacts first); each has an index (schema.py).
SORTS = {
    "updated": "a.pinned DESC, a.updated_at DESC",
    "created": "a.pinned DESC, a.created_at DESC",
    "title": "a.pinned DESC, a.title COLLATE NOCASE",
}
#: A version's metadata, in the order of ``versions`` table inserts (content is selected apart).
VERSION_FIELDS = (
    "artifact_id",
    "number",
    "title",
    "type",
    "language",
    "source",
    "label",
    "message_id",
    "incomplete",
    "created_at",
    "size",
)
VERSION_COLUMNS = ", ".join(VERSION_FIELDS)
STATE_COLUMNS = "artifact_id, scope, key, value, size, updated_at"
CONVERSATION_COLUMNS = (
    "c.id AS id, c.title AS title, c.model AS model, c.created_at AS created_at, c.updated_at AS updated_at,"
    " c.artifact_id AS artifact_id,"
    " (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count"
)
MESSAGE_COLUMNS = (
    "id, conversation_id, seq, role, content, model, stop_reason, incomplete, input_tokens, output_tokens, created_at"
)
FILE_COLUMNS = "id, name, mime, size, created_at, artifact_id, conversation_id"
GRANT_COLUMNS = "artifact_id, origin, decision, created_at, path, visitors"
CACHED_RESPONSE_COLUMNS = "status, headers, fetched_at, body"
USAGE_COLUMNS = (
    "coalesce(sum(input_tokens), 0) AS input_tokens, coalesce(sum(output_tokens), 0) AS output_tokens,"
    " coalesce(sum(cache_read_tokens), 0) AS cache_read_tokens,"
    " coalesce(sum(cache_write_tokens), 0) AS cache_write_tokens, count(*) AS calls"
)


def list_query(
    *, type: str | None = None, sort: str = "updated", limit: int | None = 50, offset: int = 0, trashed: bool = False
) -> tuple[str, list[Any]]:
    """The statement and parameters of ``Store.list`` (``peek.first_page`` runs the same)."""
    if sort not in SORTS:
        raise InvalidInput(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    where = ["a.trashed_at IS NOT NULL" if trashed else "a.trashed_at IS NULL"]
    params: list[Any] = []
    if type:
        where.append("a.type = ?")
        params.append(kinds.normalize_type(type))
    order = "a.trashed_at DESC" if trashed else SORTS[sort]
    sql = f"SELECT {ARTIFACT_COLUMNS} FROM {ARTIFACT_FROM} WHERE {' AND '.join(where)} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return sql, params


def artifact(row: Row) -> Artifact:
    return Artifact(
        id=row["id"],
        title=row["title"],
        type=row["type"],
        language=row["language"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        current_version=row["current_version"],
        pinned=bool(row["pinned"]),
        trashed_at=row["trashed_at"],
        remixed_from=row["remixed_from"],
        conversation_id=row["conversation_id"],
        size=row["size"],
    )


def version(row: Row) -> Version:
    """A version as listed: its metadata, without its text."""
    return _version(row, None)


def version_with_content(row: Row) -> Version:
    """A version with its text (the row has the ``content`` column too)."""
    return _version(row, row["content"])


def _version(row: Row, content: str | None) -> Version:
    return Version(
        artifact_id=row["artifact_id"],
        number=row["number"],
        title=row["title"],
        type=row["type"],
        language=row["language"],
        source=row["source"],
        label=row["label"],
        message_id=row["message_id"],
        incomplete=bool(row["incomplete"]),
        created_at=row["created_at"],
        size=row["size"],
        content=content,
    )


def state_entry(row: Row) -> StateEntry:
    return StateEntry(
        artifact_id=row["artifact_id"],
        scope=row["scope"],
        key=row["key"],
        value=row["value"],
        size=row["size"],
        updated_at=row["updated_at"],
    )


def conversation(row: Row) -> Conversation:
    return Conversation(
        id=row["id"],
        title=row["title"],
        model=row["model"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        artifact_id=row["artifact_id"],
        message_count=row["message_count"],
    )


def message(row: Row) -> Message:
    return Message(
        id=row["id"],
        conversation_id=row["conversation_id"],
        seq=row["seq"],
        role=row["role"],
        content=json.loads(row["content"]),
        model=row["model"],
        stop_reason=row["stop_reason"],
        incomplete=bool(row["incomplete"]),
        input_tokens=row["input_tokens"],
        output_tokens=row["output_tokens"],
        created_at=row["created_at"],
    )


def attached_file(row: Row, data: bytes | None = None) -> AttachedFile:
    return AttachedFile(
        id=row["id"],
        name=row["name"],
        mime=row["mime"],
        size=row["size"],
        created_at=row["created_at"],
        artifact_id=row["artifact_id"],
        conversation_id=row["conversation_id"],
        data=data,
    )


def usage(row: Row) -> Usage:
    return Usage(
        input_tokens=row["input_tokens"],
        output_tokens=row["output_tokens"],
        cache_read_tokens=row["cache_read_tokens"],
        cache_write_tokens=row["cache_write_tokens"],
        calls=row["calls"],
    )


def grant(row: Row) -> Grant:
    return Grant(
        artifact_id=row["artifact_id"],
        origin=row["origin"],
        decision=row["decision"],
        created_at=row["created_at"],
        path=row["path"],
        visitors=bool(row["visitors"]),
    )


def cached_response(row: Row) -> CachedResponse:
    headers: Mapping[str, str] = json.loads(row["headers"])
    return CachedResponse(
        status=row["status"],
        headers=dict(headers),
        fetched_at=row["fetched_at"],
        body=bytes(row["body"]),
    )


def share(row: Row) -> Share:
    return Share(
        token=row["token"],
        artifact_id=row["artifact_id"],
        version=row["version"],
        created_at=row["created_at"],
        title=row["title"],
        revoked_at=row["revoked_at"],
        shared_state=row["shared_state"],
    )

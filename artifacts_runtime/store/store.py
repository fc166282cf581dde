"""The artifact library: one SQLite file reached through aiosqlite.

Connection rules (see docs/store.md):

- WAL journal, ``synchronous=NORMAL`` (a committed write survives the process being killed),
  ``busy_timeout``, ``foreign_keys`` on every connection.
- Two connections: a writer and a read-only reader, so reads never see a half-done write of
  this process and never wait behind it.
- Every multi-statement write runs in ``BEGIN IMMEDIATE`` (the write lock is taken first, so
  a transaction never fails half-way on a lock). A single-statement write runs on its own:
  SQLite takes the write lock when the statement starts, which is the same guarantee.
- Another process holding the lock is waited for (busy timeout, then retries with backoff for
  up to ``LOCK_PATIENCE`` seconds) and never surfaces as "database is locked".
- Migrations run before anything else touches the file; a newer or foreign file is refused
  and left exactly as it was.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from .. import kinds
from ..errors import (
    AmbiguousId,
    InvalidInput,
    LibraryError,
    NotFound,
    QuotaExceeded,
    SchemaTooNew,
)
from ..humanize import format_bytes
from ..ids import ALPHABET, new_id
from ..records import (
    VERSION_SOURCES,
    Artifact,
    AttachedFile,
    CachedResponse,
    Conversation,
    Grant,
    Message,
    SearchHit,
    Share,
    StateEntry,
    Usage,
    Version,
)
from . import limits
from .schema import APPLICATION_ID, LATEST, apply_migrations
from .search import fts_query

BUSY_TIMEOUT_MS = 5000
LOCK_PATIENCE = 60.0
DEFAULT_QUOTA = 20 * 1024 * 1024
MAX_FILE_BYTES = 50 * 1024 * 1024
BROAD_MATCHES = 5000
SORTS = {
    "updated": "a.pinned DESC, a.updated_at DESC",
    "created": "a.pinned DESC, a.created_at DESC",
    "title": "a.pinned DESC, a.title COLLATE NOCASE",
}

T = TypeVar("T")
Listener = Callable[[dict[str, Any]], None]

_ARTIFACT_COLUMNS = (
    "a.id, a.title, a.type, a.language, a.created_at, a.updated_at, a.current_version, "
    "a.pinned, a.trashed_at, a.remixed_from, a.conversation_id, coalesce(v.size, 0)"
)
_ARTIFACT_FROM = "artifacts a LEFT JOIN versions v ON v.artifact_id = a.id AND v.number = a.current_version"
_VERSION_COLUMNS = "artifact_id, number, title, type, language, source, label, message_id, incomplete, created_at, size"
SEARCH_COUNT_CAPPED = "SELECT count(*) FROM (SELECT 1 FROM artifact_fts WHERE artifact_fts MATCH ? LIMIT ?)"
SEARCH_RANKED = (
    "SELECT f.rowid, bm25(artifact_fts, 10.0, 1.0) AS score FROM artifact_fts f"
    " JOIN artifacts a ON a.rowid = f.rowid"
    " WHERE artifact_fts MATCH ?{filters} ORDER BY score LIMIT ?"
)
SEARCH_NEWEST = (
    "SELECT f.rowid, 0.0 FROM artifact_fts f JOIN artifacts a ON a.rowid = f.rowid"
    " WHERE artifact_fts MATCH ?{filters} ORDER BY f.rowid DESC LIMIT ?"
)
SEARCH_SNIPPETS = (
    "SELECT rowid, snippet(artifact_fts, -1, ?, ?, '…', 12) FROM artifact_fts"
    " WHERE artifact_fts MATCH ? AND rowid IN ({placeholders})"
)
_SET_STATE = """
INSERT INTO state (artifact_id, scope, owner, key, size, updated_at, value)
SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
WHERE (SELECT coalesce(sum(size), 0) FROM state
       WHERE artifact_id = ?1 AND (owner = ?3 OR scope = 'shared')
         AND NOT (scope = ?2 AND owner = ?3 AND key = ?4)) + ?5
      <= coalesce((SELECT state_quota FROM artifacts WHERE id = ?1), ?8)
ON CONFLICT (artifact_id, scope, owner, key)
DO UPDATE SET size = excluded.size, updated_at = excluded.updated_at, value = excluded.value
"""


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _artifact(row: Iterable[Any]) -> Artifact:
    r = tuple(row)
    return Artifact(
        id=r[0],
        title=r[1],
        type=r[2],
        language=r[3],
        created_at=r[4],
        updated_at=r[5],
        current_version=r[6],
        pinned=bool(r[7]),
        trashed_at=r[8],
        remixed_from=r[9],
        conversation_id=r[10],
        size=r[11],
    )


def _version(row: Iterable[Any], content: str | None = None) -> Version:
    r = tuple(row)
    return Version(
        artifact_id=r[0],
        number=r[1],
        title=r[2],
        type=r[3],
        language=r[4],
        source=r[5],
        label=r[6],
        message_id=r[7],
        incomplete=bool(r[8]),
        created_at=r[9],
        size=r[10],
        content=content,
    )


def _message(row: Iterable[Any]) -> Message:
    r = tuple(row)
    return Message(
        id=r[0],
        conversation_id=r[1],
        seq=r[2],
        role=r[3],
        content=json.loads(r[4]),
        model=r[5],
        stop_reason=r[6],
        incomplete=bool(r[7]),
        input_tokens=r[8],
        output_tokens=r[9],
        created_at=r[10],
    )


def _scope(shared: bool) -> str:
    return "shared" if shared else "personal"


def inspect_file(path: Path) -> int:
    """Check, without changing it, that ``path`` is a library this release can open.

    Returns its schema version (0 for a new, empty file).
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    with path.open("rb") as fh:
        header = fh.read(100)
    if header[:16] != b"SQLite format 3\x00":
        raise LibraryError(
            f"{path} is not a live-artifacts library (not an SQLite file); "
            "move it away or set ARTIFACTS_HOME to use another folder"
        )
    # First judge by the file header alone: opening a WAL-mode file with SQLite, even
    # read-only, creates -wal and -shm files next to it, and a file we refuse must be left
    # exactly as it was. (When the header is stale, a -wal file exists already, and the
    # check through SQLite below sees the committed values.)
    if len(header) == 100:
        _refuse(
            path,
            version=int.from_bytes(header[60:64], "big"),
            app_id=int.from_bytes(header[68:72], "big"),
            has_schema=int.from_bytes(header[40:44], "big") != 0,
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(
            f"{path} cannot be read ({exc}); it may be damaged — restore a backup or move it away"
        ) from exc
    _refuse(path, version=version, app_id=app_id, has_schema=bool(tables))
    return version


def _refuse(path: Path, *, version: int, app_id: int, has_schema: bool) -> None:
    if app_id != APPLICATION_ID and (app_id != 0 or has_schema):
        raise LibraryError(
            f"{path} is an SQLite database of another program, not a live-artifacts library; "
            "it was not changed — move it away or set ARTIFACTS_HOME"
        )
    if version > LATEST:
        raise SchemaTooNew(
            f"{path} was written by a newer release of live-artifacts (schema {version}, this "
            f"release knows {LATEST}); it was not changed — upgrade live-artifacts to open it"
        )


async def _configure(conn: aiosqlite.Connection, *, read_only: bool) -> None:
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA foreign_keys = ON")
    await conn.execute("PRAGMA synchronous = NORMAL")
    if read_only:
        await conn.execute("PRAGMA query_only = ON")


class Store:
    """Async access to one library file. Open with ``await Store.open(path)``."""

    def __init__(self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection, quota: int) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._lock = asyncio.Lock()
        self.default_quota = quota
        self.listeners: list[Listener] = []

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    async def open(cls, path: Path | str, *, quota_bytes: int = DEFAULT_QUOTA) -> Store:
        path = Path(path)
        await asyncio.to_thread(prepare_file, path)
        writer = await aiosqlite.connect(path, isolation_level=None)
        try:
            await _configure(writer, read_only=False)
            reader = await aiosqlite.connect(path, isolation_level=None)
            await _configure(reader, read_only=True)
        except BaseException:
            await writer.close()
            raise
        return cls(path, writer, reader, quota_bytes)

    async def close(self) -> None:
        await self._reader.close()
        await self._writer.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------------ plumbing

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``); commits on success, rolls back on error."""
        async with self._lock:
            db = self._writer
            try:
                await _with_patience(lambda: db.execute("BEGIN IMMEDIATE"))
            except asyncio.CancelledError:
                # aiosqlite runs a queued statement even when its awaiter is cancelled: undo the
                # BEGIN (if it ran) or the connection stays inside a transaction for good.
                with suppress(sqlite3.OperationalError):
                    await asyncio.shield(db.execute("ROLLBACK"))
                raise
            try:
                yield db
            except BaseException:
                await db.execute("ROLLBACK")
                raise
            else:
                await db.execute("COMMIT")

    async def _fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        return list(await self._reader.execute_fetchall(sql, tuple(params)))

    async def _fetchone(self, sql: str, params: Iterable[Any] = ()) -> Any:
        rows = await self._fetchall(sql, params)
        return rows[0] if rows else None

    def _emit(self, event: dict[str, Any]) -> None:
        for listener in list(self.listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not break a write
                pass

    # ------------------------------------------------------------------ artifacts

    async def resolve(self, ref: str) -> str:
        """The full id for ``ref`` (an id or any unique prefix of one)."""
        ref = ref.strip().lower()
        if not ref or any(ch not in ALPHABET for ch in ref):
            raise NotFound(f"no artifact with id {ref!r}; `artifacts ls` lists the ids")
        rows = await self._fetchall(
            "SELECT id, title FROM artifacts WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (ref, ref + "\U0010ffff"),
        )
        if not rows:
            raise NotFound(f"no artifact with id {ref!r}; `artifacts ls` lists the ids")
        for row in rows:
            if row[0] == ref:
                return ref
        if len(rows) > 1:
            choices = ", ".join(f"{r[0]} ({r[1]})" for r in rows[:5])
            raise AmbiguousId(f"id prefix {ref!r} matches several artifacts: {choices}; type more of it")
        return rows[0][0]

    async def get(self, ref: str) -> Artifact:
        artifact_id = await self.resolve(ref)
        row = await self._fetchone(f"SELECT {_ARTIFACT_COLUMNS} FROM {_ARTIFACT_FROM} WHERE a.id = ?", (artifact_id,))
        if row is None:
            raise NotFound(f"artifact {artifact_id} no longer exists")
        return _artifact(row)

    async def create(
        self,
        content: str,
        *,
        title: str | None = None,
        type: str | None = None,
        language: str | None = None,
        filename: str | None = None,
        source: str = "import",
        label: str | None = None,
        message_id: str | None = None,
        conversation_id: str | None = None,
        remixed_from: str | None = None,
        incomplete: bool = False,
    ) -> Artifact:
        """A new artifact whose version 1 is ``content``."""
        if not isinstance(content, str):
            raise InvalidInput("artifact content must be text")
        if type is None:
            type, sniffed_language = kinds.infer_type(filename, content)
            language = language or sniffed_language
        else:
            type = kinds.normalize_type(type)
        if type == kinds.CODE and not language:
            language = "text"
        if type != kinds.CODE:
            language = None
        title = (title or "").strip() or kinds.infer_title(content, type, filename)
        _check_source(source)
        now = time.time()
        async with self.transaction() as db:
            for _ in range(8):
                artifact_id = new_id()
                try:
                    await db.execute(
                        "INSERT INTO artifacts (id, title, type, language, created_at, updated_at,"
                        " conversation_id, remixed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (artifact_id, title, type, language, now, now, conversation_id, remixed_from),
                    )
                    break
                except sqlite3.IntegrityError as exc:
                    if "UNIQUE" not in str(exc):
                        raise _integrity(exc) from exc
            else:  # pragma: no cover - 33**8 ids
                raise LibraryError("could not find a free artifact id")
            await self._insert_version(
                db,
                artifact_id,
                1,
                content,
                title,
                type,
                language,
                source,
                label,
                message_id,
                incomplete,
                now,
            )
        artifact = await self.get(artifact_id)
        self._emit({"type": "artifact.created", "artifact_id": artifact_id, "version": 1})
        return artifact

    async def _insert_version(
        self,
        db: aiosqlite.Connection,
        artifact_id: str,
        number: int,
        content: str,
        title: str,
        type_: str,
        language: str | None,
        source: str,
        label: str | None,
        message_id: str | None,
        incomplete: bool,
        now: float,
    ) -> None:
        await db.execute(
            f"INSERT INTO versions ({_VERSION_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                artifact_id,
                number,
                title,
                type_,
                language,
                source,
                label,
                message_id,
                int(incomplete),
                now,
                len(content.encode("utf-8", "surrogatepass")),
                content,
            ),
        )
        await db.execute(
            "UPDATE artifacts SET current_version = ?, title = ?, type = ?, language = ?, updated_at = ? WHERE id = ?",
            (number, title, type_, language, now, artifact_id),
        )

    async def add_version(
        self,
        ref: str,
        content: str,
        *,
        source: str,
        title: str | None = None,
        type: str | None = None,
        language: str | None = None,
        label: str | None = None,
        message_id: str | None = None,
        incomplete: bool = False,
    ) -> Version:
        """Append a version and make it current. Metadata not given stays as it was."""
        if not isinstance(content, str):
            raise InvalidInput("artifact content must be text")
        _check_source(source)
        artifact_id = await self.resolve(ref)
        now = time.time()
        async with self.transaction() as db:
            cur = await db.execute(
                "SELECT title, type, language, (SELECT max(number) FROM versions WHERE artifact_id = ?)"
                " FROM artifacts WHERE id = ?",
                (artifact_id, artifact_id),
            )
            row = await cur.fetchone()
            if row is None:
                raise NotFound(f"artifact {artifact_id} no longer exists")
            new_type = kinds.normalize_type(type) if type else row[1]
            new_language = language if language is not None else row[2]
            if new_type != kinds.CODE:
                new_language = None
            elif not new_language:
                new_language = "text"
            new_title = (title or "").strip() or row[0]
            number = (row[3] or 0) + 1
            await self._insert_version(
                db,
                artifact_id,
                number,
                content,
                new_title,
                new_type,
                new_language,
                source,
                label,
                message_id,
                incomplete,
                now,
            )
        self._emit({"type": "artifact.updated", "artifact_id": artifact_id, "version": number})
        return await self.version(artifact_id, number)

    async def version(self, ref: str, number: int | None = None) -> Version:
        """One version with its content (the current one when ``number`` is None)."""
        artifact_id = await self.resolve(ref)
        if number is None:
            row = await self._fetchone(
                f"SELECT {_VERSION_COLUMNS}, content FROM versions WHERE artifact_id = ?"
                " AND number = (SELECT current_version FROM artifacts WHERE id = ?)",
                (artifact_id, artifact_id),
            )
        else:
            row = await self._fetchone(
                f"SELECT {_VERSION_COLUMNS}, content FROM versions WHERE artifact_id = ? AND number = ?",
                (artifact_id, number),
            )
        if row is None:
            count = await self._fetchone("SELECT count(*) FROM versions WHERE artifact_id = ?", (artifact_id,))
            raise NotFound(f"artifact {artifact_id} has no version {number}; it has versions 1 to {count[0]}")
        return _version(row[:-1], row[-1])

    async def versions(self, ref: str) -> list[Version]:
        artifact_id = await self.resolve(ref)
        rows = await self._fetchall(
            f"SELECT {_VERSION_COLUMNS} FROM versions WHERE artifact_id = ? ORDER BY number",
            (artifact_id,),
        )
        return [_version(r) for r in rows]

    async def revert(self, ref: str, number: int) -> Version:
        """A new version equal to version ``number`` (history is never rewritten)."""
        old = await self.version(ref, number)
        return await self.add_version(
            old.artifact_id,
            old.content or "",
            source="revert",
            title=old.title,
            type=old.type,
            language=old.language,
            label=f"revert to v{number}",
        )

    async def list(
        self,
        *,
        type: str | None = None,
        sort: str = "updated",
        limit: int | None = 50,
        offset: int = 0,
        trashed: bool = False,
    ) -> list[Artifact]:
        if sort not in SORTS:
            raise InvalidInput(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
        where = ["a.trashed_at IS NOT NULL" if trashed else "a.trashed_at IS NULL"]
        params: list[Any] = []
        if type:
            where.append("a.type = ?")
            params.append(kinds.normalize_type(type))
        order = "a.trashed_at DESC" if trashed else SORTS[sort]
        sql = f"SELECT {_ARTIFACT_COLUMNS} FROM {_ARTIFACT_FROM} WHERE {' AND '.join(where)} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_artifact(r) for r in await self._fetchall(sql, params)]

    async def count(self, *, trashed: bool = False) -> int:
        row = await self._fetchone(
            "SELECT count(*) FROM artifacts WHERE trashed_at IS " + ("NOT NULL" if trashed else "NULL")
        )
        return row[0]

    async def search(
        self,
        text: str,
        *,
        limit: int = 20,
        type: str | None = None,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Ranked full-text search over titles (weighted ×10) and current content.

        Any string is safe: it is quoted word by word (see ``search.fts_query``). A query that
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
        matches = await self._fetchone(SEARCH_COUNT_CAPPED, (query, BROAD_MATCHES + 1))
        if matches[0] <= BROAD_MATCHES:
            ranked = await self._fetchall(ranking, [query, *extra, limit])
        else:
            ranked = await self._fetchall(ranking, [f"title : ( {query} )", *extra, limit])
            if len(ranked) < limit:
                seen = {r[0] for r in ranked}
                newest = await self._fetchall(
                    SEARCH_NEWEST.format(filters=filters), [query, *extra, limit + len(ranked)]
                )
                ranked += [r for r in newest if r[0] not in seen][: limit - len(ranked)]
        if not ranked:
            return []
        rowids = [r[0] for r in ranked]
        placeholders = ",".join("?" * len(rowids))
        snippets = {
            r[0]: r[1]
            for r in await self._fetchall(
                SEARCH_SNIPPETS.format(placeholders=placeholders),
                [marks[0], marks[1], query, *rowids],
            )
        }
        rows = await self._fetchall(
            f"SELECT a.rowid, {_ARTIFACT_COLUMNS} FROM {_ARTIFACT_FROM} WHERE a.rowid IN ({placeholders})",
            rowids,
        )
        by_rowid = {r[0]: _artifact(r[1:]) for r in rows}
        return [
            SearchHit(by_rowid[rowid], snippets.get(rowid, ""), score) for rowid, score in ranked if rowid in by_rowid
        ]

    async def _update_artifact(self, ref: str, sql: str, params: tuple[Any, ...], event: str) -> Artifact:
        artifact_id = await self.resolve(ref)
        async with self.transaction() as db:
            await db.execute(sql, (*params, artifact_id))
        self._emit({"type": event, "artifact_id": artifact_id})
        return await self.get(artifact_id)

    async def rename(self, ref: str, title: str) -> Artifact:
        title = title.strip()
        if not title:
            raise InvalidInput("a title cannot be empty")
        return await self._update_artifact(
            ref,
            "UPDATE artifacts SET title = ?, updated_at = ? WHERE id = ?",
            (title, time.time()),
            "artifact.renamed",
        )

    async def set_pinned(self, ref: str, pinned: bool) -> Artifact:
        return await self._update_artifact(
            ref, "UPDATE artifacts SET pinned = ? WHERE id = ?", (int(pinned),), "artifact.pinned"
        )

    async def trash(self, ref: str) -> Artifact:
        return await self._update_artifact(
            ref, "UPDATE artifacts SET trashed_at = ? WHERE id = ?", (time.time(),), "artifact.trashed"
        )

    async def untrash(self, ref: str) -> Artifact:
        return await self._update_artifact(
            ref, "UPDATE artifacts SET trashed_at = NULL WHERE id = ?", (), "artifact.restored"
        )

    async def purge(self, ref: str) -> None:
        """Delete for good: versions, state, files, grants and shares go with it."""
        artifact_id = await self.resolve(ref)
        async with self.transaction() as db:
            await db.execute("DELETE FROM artifacts WHERE id = ?", (artifact_id,))
        self._emit({"type": "artifact.deleted", "artifact_id": artifact_id})

    # ------------------------------------------------------------------ state

    async def state_get(
        self, artifact_id: str, key: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry | None:
        limits.check_key(key)
        row = await self._fetchone(
            "SELECT value, size, updated_at FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?",
            (artifact_id, _scope(shared), owner, key),
        )
        if row is None:
            return None
        return StateEntry(artifact_id, _scope(shared), key, row[0], row[1], row[2])

    async def state_set(
        self, artifact_id: str, key: str, value: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry:
        """Write one value (last write wins). Raises a ``StorageError`` naming the broken rule."""
        limits.check_key(key)
        value, size = limits.check_value(value)
        scope = _scope(shared)
        now = time.time()
        async with self._lock:
            try:
                cur = await _with_patience(
                    lambda: self._writer.execute(
                        _SET_STATE,
                        (artifact_id, scope, owner, key, size, now, value, self.default_quota),
                    )
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity(exc, artifact_id) from exc
        if cur.rowcount == 0:
            quota = await self._quota(artifact_id)
            used = await self.state_usage(artifact_id, owner=owner)
            raise QuotaExceeded(
                f"storage quota exceeded: this artifact already stores {format_bytes(used)}, the new "
                f"value is {format_bytes(size)} and the quota is {format_bytes(quota)}; delete keys or raise "
                "[storage] quota_mb in config.toml"
            )
        self._emit(
            {
                "type": "state.changed",
                "artifact_id": artifact_id,
                "scope": scope,
                "owner": owner,
                "key": key,
                "deleted": False,
            }
        )
        return StateEntry(artifact_id, scope, key, value, size, now)

    async def state_delete(self, artifact_id: str, key: str, *, shared: bool = False, owner: str = "") -> bool:
        limits.check_key(key)
        scope = _scope(shared)
        async with self._lock:
            cur = await _with_patience(
                lambda: self._writer.execute(
                    "DELETE FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?",
                    (artifact_id, scope, owner, key),
                )
            )
        deleted = cur.rowcount > 0
        if deleted:
            self._emit(
                {
                    "type": "state.changed",
                    "artifact_id": artifact_id,
                    "scope": scope,
                    "owner": owner,
                    "key": key,
                    "deleted": True,
                }
            )
        return deleted

    async def state_keys(
        self, artifact_id: str, prefix: str = "", *, shared: bool = False, owner: str = ""
    ) -> list[str]:
        rows = await self._fetchall(
            "SELECT key FROM state WHERE artifact_id = ? AND scope = ? AND owner = ?"
            " AND key >= ? AND key < ? ORDER BY key",
            (artifact_id, _scope(shared), owner, prefix, prefix + "\U0010ffff"),
        )
        return [r[0] for r in rows]

    async def state_entries(self, artifact_id: str, *, shared: bool = False, owner: str = "") -> list[StateEntry]:
        scope = _scope(shared)
        rows = await self._fetchall(
            "SELECT key, value, size, updated_at FROM state WHERE artifact_id = ? AND scope = ?"
            " AND owner = ? ORDER BY key",
            (artifact_id, scope, owner),
        )
        return [StateEntry(artifact_id, scope, r[0], r[1], r[2], r[3]) for r in rows]

    async def state_usage(self, artifact_id: str, *, owner: str = "") -> int:
        row = await self._fetchone(
            "SELECT coalesce(sum(size), 0) FROM state WHERE artifact_id = ? AND (owner = ? OR scope = 'shared')",
            (artifact_id, owner),
        )
        return row[0]

    async def _quota(self, artifact_id: str) -> int:
        row = await self._fetchone("SELECT state_quota FROM artifacts WHERE id = ?", (artifact_id,))
        if row is None:
            raise NotFound(f"no artifact with id {artifact_id!r}")
        return row[0] if row[0] is not None else self.default_quota

    # ------------------------------------------------------------------ conversations

    async def create_conversation(
        self, *, title: str = "", model: str | None = None, artifact_id: str | None = None
    ) -> Conversation:
        now = time.time()
        conversation_id = new_id()
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO conversations (id, title, model, artifact_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (conversation_id, title, model, artifact_id, now, now),
            )
        return Conversation(conversation_id, title, model, now, now, artifact_id, 0)

    async def resolve_conversation(self, ref: str) -> str:
        ref = ref.strip().lower()
        rows = (
            await self._fetchall(
                "SELECT id FROM conversations WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
                (ref, ref + "\U0010ffff"),
            )
            if ref
            else []
        )
        if not rows:
            raise NotFound(f"no conversation with id {ref!r}; `artifacts conversations` lists them")
        if len(rows) > 1 and rows[0][0] != ref:
            raise AmbiguousId(f"conversation prefix {ref!r} matches several; type more of it")
        return rows[0][0]

    async def conversation(self, ref: str) -> Conversation:
        conversation_id = await self.resolve_conversation(ref)
        row = await self._fetchone(
            "SELECT c.id, c.title, c.model, c.created_at, c.updated_at, c.artifact_id,"
            " (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)"
            " FROM conversations c WHERE c.id = ?",
            (conversation_id,),
        )
        return Conversation(*row)

    async def conversations(self, *, limit: int | None = 100) -> list[Conversation]:
        sql = (
            "SELECT c.id, c.title, c.model, c.created_at, c.updated_at, c.artifact_id,"
            " (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)"
            " FROM conversations c ORDER BY c.updated_at DESC"
        )
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [Conversation(*r) for r in await self._fetchall(sql, params)]

    async def set_conversation_title(self, conversation_id: str, title: str) -> None:
        async with self.transaction() as db:
            await db.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id))

    async def add_message(
        self,
        conversation_id: str,
        role: str,
        content: list[dict[str, Any]],
        *,
        model: str | None = None,
        stop_reason: str | None = None,
        incomplete: bool = False,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> Message:
        if role not in ("user", "assistant"):
            raise InvalidInput(f"message role must be user or assistant, not {role!r}")
        now = time.time()
        message_id = new_id(10)
        body = json.dumps(content, ensure_ascii=False)
        async with self.transaction() as db:
            cur = await db.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE conversation_id = ?",
                (conversation_id,),
            )
            seq = (await cur.fetchone())[0]
            try:
                await db.execute(
                    "INSERT INTO messages (id, conversation_id, seq, role, content, model,"
                    " stop_reason, incomplete, input_tokens, output_tokens, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        message_id,
                        conversation_id,
                        seq,
                        role,
                        body,
                        model,
                        stop_reason,
                        int(incomplete),
                        input_tokens,
                        output_tokens,
                        now,
                    ),
                )
            except sqlite3.IntegrityError as exc:
                raise NotFound(f"no conversation with id {conversation_id!r}") from exc
            await db.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id))
        return Message(
            message_id,
            conversation_id,
            seq,
            role,
            content,
            model,
            stop_reason,
            incomplete,
            input_tokens,
            output_tokens,
            now,
        )

    async def update_message(
        self,
        message_id: str,
        *,
        content: list[dict[str, Any]],
        stop_reason: str | None = None,
        incomplete: bool = False,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> None:
        """Replace a message's content as it grows (a streamed reply is saved as it goes)."""
        async with self.transaction() as db:
            await db.execute(
                "UPDATE messages SET content = ?, stop_reason = ?, incomplete = ?,"
                " input_tokens = ?, output_tokens = ? WHERE id = ?",
                (
                    json.dumps(content, ensure_ascii=False),
                    stop_reason,
                    int(incomplete),
                    input_tokens,
                    output_tokens,
                    message_id,
                ),
            )

    async def messages(self, conversation_id: str) -> list[Message]:
        rows = await self._fetchall(
            "SELECT id, conversation_id, seq, role, content, model, stop_reason, incomplete,"
            " input_tokens, output_tokens, created_at FROM messages WHERE conversation_id = ?"
            " ORDER BY seq",
            (conversation_id,),
        )
        return [_message(r) for r in rows]

    # ------------------------------------------------------------------ files

    async def attach_file(
        self,
        name: str,
        data: bytes,
        *,
        mime: str | None = None,
        artifact_id: str | None = None,
        conversation_id: str | None = None,
    ) -> AttachedFile:
        """Attach ``data`` under ``name`` (replacing a file of that name there)."""
        if artifact_id is None and conversation_id is None:
            raise InvalidInput("a file is attached to an artifact or a conversation")
        if not name or "/" in name or "\\" in name or name in (".", ".."):
            raise InvalidInput(f"{name!r} is not a plain file name")
        if len(data) > MAX_FILE_BYTES:
            raise InvalidInput(
                f"{name} is {len(data) / 1048576:.1f} MB; attached files may be at most {MAX_FILE_BYTES // 1048576} MB"
            )
        mime = mime or mimetypes.guess_type(name)[0] or "application/octet-stream"
        now = time.time()
        file_id = new_id(10)
        async with self.transaction() as db:
            await db.execute(
                "DELETE FROM files WHERE name = ? AND artifact_id IS ? AND conversation_id IS ?",
                (name, artifact_id, conversation_id),
            )
            try:
                await db.execute(
                    "INSERT INTO files (id, artifact_id, conversation_id, name, mime, size,"
                    " created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (file_id, artifact_id, conversation_id, name, mime, len(data), now, data),
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity(exc, artifact_id or conversation_id) from exc
        return AttachedFile(file_id, name, mime, len(data), now, artifact_id, conversation_id)

    async def files(self, *, artifact_id: str | None = None, conversation_id: str | None = None) -> list[AttachedFile]:
        """Files an artifact can read: its own, then its conversation's (own ones win)."""
        rows = await self._fetchall(
            "SELECT id, name, mime, size, created_at, artifact_id, conversation_id FROM files"
            " WHERE (artifact_id = ?1 AND ?1 IS NOT NULL)"
            "    OR (conversation_id = ?2 AND ?2 IS NOT NULL)"
            "    OR (?1 IS NOT NULL AND conversation_id = (SELECT conversation_id FROM artifacts WHERE id = ?1))"
            " ORDER BY artifact_id IS NULL, name",
            (artifact_id, conversation_id),
        )
        seen: set[str] = set()
        out = []
        for r in rows:
            if r[1] not in seen:
                seen.add(r[1])
                out.append(AttachedFile(*r))
        return out

    async def read_file(
        self, name: str, *, artifact_id: str | None = None, conversation_id: str | None = None
    ) -> AttachedFile:
        for f in await self.files(artifact_id=artifact_id, conversation_id=conversation_id):
            if f.name == name:
                row = await self._fetchone("SELECT data FROM files WHERE id = ?", (f.id,))
                return AttachedFile(
                    f.id, f.name, f.mime, f.size, f.created_at, f.artifact_id, f.conversation_id, bytes(row[0])
                )
        raise NotFound(f"no file named {name!r} is attached")

    # ------------------------------------------------------------------ usage

    async def record_usage(
        self,
        *,
        kind: str,
        model: str | None,
        input_tokens: int = 0,
        output_tokens: int = 0,
        cache_read_tokens: int = 0,
        cache_write_tokens: int = 0,
        artifact_id: str | None = None,
        conversation_id: str | None = None,
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO usage (artifact_id, conversation_id, kind, model, input_tokens,"
                " output_tokens, cache_read_tokens, cache_write_tokens, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    artifact_id,
                    conversation_id,
                    kind,
                    model,
                    input_tokens,
                    output_tokens,
                    cache_read_tokens,
                    cache_write_tokens,
                    time.time(),
                ),
            )

    async def usage(self, *, artifact_id: str | None = None, conversation_id: str | None = None) -> Usage:
        row = await self._fetchone(
            "SELECT coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),"
            " coalesce(sum(cache_read_tokens), 0), coalesce(sum(cache_write_tokens), 0), count(*)"
            " FROM usage WHERE (?1 IS NULL OR artifact_id = ?1) AND (?2 IS NULL OR conversation_id = ?2)",
            (artifact_id, conversation_id),
        )
        return Usage(*row)

    # ------------------------------------------------------------------ grants (live data)

    async def grant(self, artifact_id: str, origin: str, decision: str = "allow") -> None:
        if decision not in ("allow", "deny"):
            raise InvalidInput("a grant is 'allow' or 'deny'")
        async with self.transaction() as db:
            try:
                await db.execute(
                    "INSERT INTO grants (artifact_id, origin, decision, created_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (artifact_id, origin) DO UPDATE SET decision = excluded.decision,"
                    " created_at = excluded.created_at",
                    (artifact_id, origin, decision, time.time()),
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity(exc, artifact_id) from exc
        self._emit({"type": "grant.changed", "artifact_id": artifact_id, "origin": origin, "decision": decision})

    async def revoke(self, artifact_id: str, origin: str) -> bool:
        async with self.transaction() as db:
            cur = await db.execute("DELETE FROM grants WHERE artifact_id = ? AND origin = ?", (artifact_id, origin))
        if cur.rowcount:
            self._emit({"type": "grant.changed", "artifact_id": artifact_id, "origin": origin, "decision": None})
        return cur.rowcount > 0

    async def grant_for(self, artifact_id: str, origin: str) -> str | None:
        row = await self._fetchone(
            "SELECT decision FROM grants WHERE artifact_id = ? AND origin = ?", (artifact_id, origin)
        )
        return row[0] if row else None

    async def grants(self, artifact_id: str) -> list[Grant]:
        rows = await self._fetchall(
            "SELECT origin, decision, created_at FROM grants WHERE artifact_id = ? ORDER BY origin",
            (artifact_id,),
        )
        return [Grant(artifact_id, r[0], r[1], r[2]) for r in rows]

    # ------------------------------------------------------------------ the fetch cache

    async def cache_put(self, artifact_id: str, url: str, status: int, headers: dict[str, str], body: bytes) -> float:
        now = time.time()
        async with self._lock:
            await _with_patience(
                lambda: self._writer.execute(
                    "INSERT INTO fetch_cache (artifact_id, url, status, headers, fetched_at, size, body)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (artifact_id, url) DO UPDATE SET"
                    " status = excluded.status, headers = excluded.headers,"
                    " fetched_at = excluded.fetched_at, size = excluded.size, body = excluded.body",
                    (artifact_id, url, status, json.dumps(headers), now, len(body), body),
                )
            )
        return now

    async def cache_get(self, artifact_id: str, url: str) -> CachedResponse | None:
        row = await self._fetchone(
            "SELECT status, headers, fetched_at, body FROM fetch_cache WHERE artifact_id = ? AND url = ?",
            (artifact_id, url),
        )
        if row is None:
            return None
        return CachedResponse(row[0], json.loads(row[1]), row[2], bytes(row[3]))

    # ------------------------------------------------------------------ shares

    async def publish(self, artifact_id: str, version: int | None = None) -> str:
        """A new unguessable share token for the artifact (``version`` None: follow the current one)."""
        from ..ids import new_token

        if version is not None:
            await self.version(artifact_id, version)  # raises NotFound with the range
        token = new_token(18)
        async with self.transaction() as db:
            try:
                await db.execute(
                    "INSERT INTO shares (token, artifact_id, version, created_at) VALUES (?, ?, ?, ?)",
                    (token, artifact_id, version, time.time()),
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity(exc, artifact_id) from exc
        return token

    async def unpublish(self, artifact_id: str) -> int:
        async with self.transaction() as db:
            cur = await db.execute(
                "UPDATE shares SET revoked_at = ? WHERE artifact_id = ? AND revoked_at IS NULL",
                (time.time(), artifact_id),
            )
        if cur.rowcount:
            self._emit({"type": "share.revoked", "artifact_id": artifact_id})
        return cur.rowcount

    async def share(self, token: str) -> Share | None:
        """The live share for ``token`` (None when unknown, revoked, or its artifact is trashed)."""
        row = await self._fetchone(
            "SELECT s.token, s.artifact_id, s.version, s.created_at FROM shares s"
            " JOIN artifacts a ON a.id = s.artifact_id"
            " WHERE s.token = ? AND s.revoked_at IS NULL AND a.trashed_at IS NULL",
            (token,),
        )
        if row is None:
            return None
        return Share(row[0], row[1], row[2], row[3])

    async def shares(self, *, include_revoked: bool = False) -> list[Share]:
        rows = await self._fetchall(
            "SELECT s.token, s.artifact_id, a.title, s.version, s.created_at, s.revoked_at"
            " FROM shares s JOIN artifacts a ON a.id = s.artifact_id"
            + ("" if include_revoked else " WHERE s.revoked_at IS NULL")
            + " ORDER BY s.created_at DESC"
        )
        return [Share(r[0], r[1], r[3], r[4], title=r[2], revoked_at=r[5]) for r in rows]

    # ------------------------------------------------------------------ bundles

    async def import_bundle(
        self,
        *,
        title: str,
        versions: list[dict[str, Any]],
        state: list[dict[str, Any]] = (),  # type: ignore[assignment]
        files: list[dict[str, Any]] = (),  # type: ignore[assignment]
        created_at: float | None = None,
        updated_at: float | None = None,
        pinned: bool = False,
        remixed_from: str | None = None,
    ) -> Artifact:
        """A new artifact with every version, its state and files, in one transaction.

        ``versions`` are dicts with number, content, title, type, language, source, label,
        incomplete, created_at — already validated by ``share.bundle``.
        """
        if not versions:
            raise InvalidInput("a bundle needs at least one version")
        versions = sorted(versions, key=lambda v: v["number"])
        last = versions[-1]
        created = created_at if created_at is not None else versions[0]["created_at"]
        updated = updated_at if updated_at is not None else last["created_at"]
        # The state must fit the quota it will live under (a bundle's state is not exempt).
        state_bytes = sum(limits.check_value(e["value"])[1] for e in state)
        if state_bytes > self.default_quota:
            raise QuotaExceeded(
                f"the bundle's stored state is {format_bytes(state_bytes)} and the quota per artifact is "
                f"{format_bytes(self.default_quota)}; import it with --no-state, or raise [storage] quota_mb "
                "in config.toml"
            )
        async with self.transaction() as db:
            artifact_id = new_id()
            await db.execute(
                "INSERT INTO artifacts (id, title, type, language, created_at, updated_at, pinned,"
                " remixed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    artifact_id,
                    title,
                    last["type"],
                    last["language"],
                    created,
                    last["created_at"],
                    int(pinned),
                    remixed_from,
                ),
            )
            for v in versions:
                await db.execute(
                    f"INSERT INTO versions ({_VERSION_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        artifact_id,
                        v["number"],
                        v["title"],
                        v["type"],
                        v["language"],
                        v["source"],
                        v["label"],
                        None,
                        int(v["incomplete"]),
                        v["created_at"],
                        len(v["content"].encode("utf-8", "surrogatepass")),
                        v["content"],
                    ),
                )
            await db.execute(
                "UPDATE artifacts SET current_version = ?, title = ?, updated_at = ? WHERE id = ?",
                (last["number"], title, updated, artifact_id),
            )
            for e in state:
                value, size = limits.check_value(e["value"])
                limits.check_key(e["key"])
                await db.execute(
                    "INSERT INTO state (artifact_id, scope, owner, key, size, updated_at, value)"
                    " VALUES (?, ?, '', ?, ?, ?, ?)",
                    (artifact_id, e["scope"], e["key"], size, e["updated_at"], value),
                )
            for f in files:
                await db.execute(
                    "INSERT INTO files (id, artifact_id, name, mime, size, created_at, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (new_id(10), artifact_id, f["name"], f["mime"], len(f["data"]), f["created_at"], f["data"]),
                )
        self._emit({"type": "artifact.created", "artifact_id": artifact_id, "version": last["number"]})
        return await self.get(artifact_id)

    async def all_state(self, artifact_id: str) -> list[StateEntry]:
        """The library user's state in both scopes (what a bundle carries)."""
        return (await self.state_entries(artifact_id)) + (await self.state_entries(artifact_id, shared=True))


def _check_source(source: str) -> None:
    if source not in VERSION_SOURCES:
        raise InvalidInput(f"version source must be one of {', '.join(VERSION_SOURCES)}")


def _integrity(exc: sqlite3.IntegrityError, ref: str | None = None) -> Exception:
    if "FOREIGN KEY" in str(exc):
        return NotFound(f"no artifact or conversation with id {ref!r}")
    return InvalidInput(f"the library refused the change: {exc}")


async def _with_patience(call: Callable[[], Awaitable[T]]) -> T:
    """Run ``call``; while another process holds the write lock, wait and try again."""
    deadline = time.monotonic() + LOCK_PATIENCE
    delay = 0.01
    while True:
        try:
            return await call()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                if _is_busy(exc):
                    raise LibraryError(
                        "the library stayed locked by another process for over a minute; "
                        "close other live-artifacts windows or commands and try again"
                    ) from exc
                raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.5)


def prepare_file(path: Path) -> int:
    """Check the file, switch it to WAL and bring its schema up to date (synchronous).

    Runs before any other connection touches the file. Returns the version found.
    """
    found = inspect_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + LOCK_PATIENCE
    while True:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                found = conn.execute("PRAGMA user_version").fetchone()[0]
                if found > LATEST:  # a newer release migrated it since we looked
                    raise SchemaTooNew(
                        f"{path} was just upgraded by a newer release of live-artifacts; upgrade this one to open it"
                    )
                apply_migrations(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return found
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise LibraryError(f"cannot prepare the library {path}: {exc}") from exc
            time.sleep(0.05)
        finally:
            conn.close()

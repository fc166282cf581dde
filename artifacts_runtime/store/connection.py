"""Opening the library file and the connections every aggregate shares.

Connection rules (see docs/store.md):

- WAL journal, ``synchronous=NORMAL`` (a committed write survives the process being killed),
  ``busy_timeout``, ``foreign_keys`` on every connection.
- Two connections: a writer and a read-only reader, so reads never see a half-done write of
  this process and never wait behind it. Both map rows by column name (``sqlite3.Row``).
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
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any, Self, TypeVar

import aiosqlite

from .. import ids
from ..errors import InvalidInput, LibraryError, NotFound, SchemaTooNew
from ..paths import PRIVATE_DIR, create_private
from .schema import APPLICATION_ID, LATEST, apply_migrations

BUSY_TIMEOUT_MS = 5000
LOCK_PATIENCE = 60.0
DEFAULT_QUOTA = 20 * 1024 * 1024

T = TypeVar("T")
Event = dict[str, Any]
Listener = Callable[[Event], None]
Params = Iterable[Any]


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


async def with_patience(call: Callable[[], Awaitable[T]]) -> T:
    """Run ``call``; while another process holds the write lock, wait and try again."""
    deadline = time.monotonic() + LOCK_PATIENCE
    delay = 0.01
    while True:
        try:
            return await call()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                if is_busy(exc):
                    raise LibraryError(
                        "the library stayed locked by another process for over a minute; "
                        "close other live-artifacts windows or commands and try again"
                    ) from exc
                raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.5)


def integrity_error(exc: sqlite3.IntegrityError, ref: str | None = None) -> Exception:
    """The error a person should see for a refused write (a missing parent, a broken rule)."""
    if "FOREIGN KEY" in str(exc):
        return NotFound(f"no artifact or conversation with id {ref!r}")
    return InvalidInput(f"the library refused the change: {exc}")


# ---------------------------------------------------------------------------- the file


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
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
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


def prepare_file(path: Path) -> int:
    """Check the file, switch it to WAL and bring its schema up to date (synchronous).

    Runs before any other connection touches the file. Returns the version found.
    """
    found = inspect_file(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    # SQLite gives the -wal and -shm files the database file's mode: owner-only from the start.
    create_private(path)
    deadline = time.monotonic() + LOCK_PATIENCE
    while True:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                found = int(conn.execute("PRAGMA user_version").fetchone()[0])
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
            if not is_busy(exc) or time.monotonic() > deadline:
                raise LibraryError(f"cannot prepare the library {path}: {exc}") from exc
            time.sleep(0.05)
        finally:
            conn.close()


async def _configure(conn: aiosqlite.Connection, *, read_only: bool) -> None:
    conn.row_factory = sqlite3.Row  # every aggregate maps rows by column name (rows.py)
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA foreign_keys = ON")
    await conn.execute("PRAGMA synchronous = NORMAL")
    if read_only:
        await conn.execute("PRAGMA query_only = ON")


# ---------------------------------------------------------------------------- the connections


class Connections:
    """The state every aggregate shares: the file, its two connections, the write lock, the
    quota default and the event listeners. The aggregates are mixins over this base."""

    def __init__(self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection, quota: int) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._lock = asyncio.Lock()
        self.default_quota = quota
        self.listeners: list[Listener] = []

    @classmethod
    async def open(cls, path: Path | str, *, quota_bytes: int = DEFAULT_QUOTA) -> Self:
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

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``); commits on success, rolls back on error."""
        async with self._lock:
            db = self._writer
            try:
                await with_patience(lambda: db.execute("BEGIN IMMEDIATE"))
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

    async def _write_one(self, sql: str, params: Params) -> aiosqlite.Cursor:
        """One write statement on its own (no BEGIN/COMMIT round trips): the lock of this
        process, then SQLite's, waited for with patience."""
        values = tuple(params)
        async with self._lock:
            return await with_patience(lambda: self._writer.execute(sql, values))

    async def _fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self._reader.execute_fetchall(sql, tuple(params)))

    async def _fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self._fetchall(sql, params)
        return rows[0] if rows else None

    async def _scalar(self, sql: str, params: Params = ()) -> int:
        """The integer a ``count(*)``/``sum`` query answers in its column ``n`` (0 for no row)."""
        row = await self._fetchone(sql, params)
        return int(row["n"] or 0) if row is not None else 0

    def _emit(self, event: Event) -> None:
        for listener in list(self.listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not break a write
                pass

    def _new_id(self, length: int = 8) -> str:
        """A fresh id for a new row (the facade overrides this so tests can fix ids)."""
        return ids.new_id(length)

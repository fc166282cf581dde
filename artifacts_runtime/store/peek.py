"""The library's first page, read before a ``Store`` is open.

A program that starts by showing the library (the terminal app) reads the first page here while
the rest of it is still loading: the standard library's ``sqlite3`` on a read-only connection,
no aiosqlite, no migrations, nothing written, safe to call from a thread of its own. The file is
read only when this release would open it as it is (our application id, the schema at
``LATEST``); otherwise the answer is None and the caller waits for ``Store.open``, which
migrates the file or refuses it with the reason. The statement is ``Store.list``'s own
(``rows.list_query``), so both list the same rows in the same order.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..records import Artifact
from . import rows
from .schema import APPLICATION_ID, LATEST

#: How long a read waits for a lock another process holds (a migration, a checkpoint) before
#: giving up: the caller then waits for the store instead.
PATIENCE_SECONDS = 0.25


def first_page(path: Path, *, limit: int, sort: str = "updated") -> list[Artifact] | None:
    """The first ``limit`` artifacts of the library (not trashed, ``sort`` order), ``[]`` when
    there is no library file yet, None when it cannot be read as it is."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return []
        with path.open("rb") as fh:
            header = fh.read(100)
        # Judged by the header before SQLite opens the file: opening a WAL file, even read-only,
        # creates its -wal and -shm files, and a file the store would refuse is left alone.
        if (
            len(header) < 100
            or header[:16] != b"SQLite format 3\x00"
            or int.from_bytes(header[68:72], "big") != APPLICATION_ID
            or int.from_bytes(header[60:64], "big") > LATEST
        ):
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=PATIENCE_SECONDS)
        try:
            conn.row_factory = sqlite3.Row
            # The header can be stale while a -wal file holds newer pages: ask SQLite too.
            if conn.execute("PRAGMA user_version").fetchone()[0] != LATEST:
                return None
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            sql, params = rows.list_query(sort=sort, limit=limit)
            return [rows.artifact(r) for r in conn.execute(sql, params)]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return None

"""Files attached to an artifact or a conversation (what ``window.fs.readFile`` reads)."""

from __future__ import annotations

import mimetypes
import sqlite3
import time

from ..errors import InvalidInput, NotFound
from ..records import AttachedFile
from . import rows
from .connection import Connections, integrity_error

MAX_FILE_BYTES = 50 * 1024 * 1024


class FilesMixin(Connections):
    """The ``files`` table. An artifact reads its own files, then its conversation's."""

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
        file_id = self._new_id(10)
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
                raise integrity_error(exc, artifact_id or conversation_id) from exc
        return AttachedFile(file_id, name, mime, len(data), now, artifact_id, conversation_id)

    async def files(self, *, artifact_id: str | None = None, conversation_id: str | None = None) -> list[AttachedFile]:
        """Files an artifact can read: its own, then its conversation's (own ones win)."""
        found = await self._fetchall(
            f"SELECT {rows.FILE_COLUMNS} FROM files"
            " WHERE (artifact_id = ?1 AND ?1 IS NOT NULL)"
            "    OR (conversation_id = ?2 AND ?2 IS NOT NULL)"
            "    OR (?1 IS NOT NULL AND conversation_id = (SELECT conversation_id FROM artifacts WHERE id = ?1))"
            " ORDER BY artifact_id IS NULL, name",
            (artifact_id, conversation_id),
        )
        seen: set[str] = set()
        out = []
        for r in found:
            if r["name"] not in seen:
                seen.add(r["name"])
                out.append(rows.attached_file(r))
        return out

    async def read_file(
        self, name: str, *, artifact_id: str | None = None, conversation_id: str | None = None
    ) -> AttachedFile:
        for f in await self.files(artifact_id=artifact_id, conversation_id=conversation_id):
            if f.name == name:
                row = await self._fetchone(f"SELECT {rows.FILE_COLUMNS}, data FROM files WHERE id = ?", (f.id,))
                if row is None:
                    break  # deleted since it was listed
                return rows.attached_file(row, bytes(row["data"]))
        raise NotFound(f"no file named {name!r} is attached")

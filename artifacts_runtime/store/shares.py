"""Shares: published links to an artifact (a fixed version, or following the current one)."""

from __future__ import annotations

import sqlite3
import time

from ..ids import new_token
from ..records import Share
from . import rows
from .artifacts import ArtifactsMixin
from .connection import integrity_error

SHARE_COLUMNS = (
    "s.token AS token, s.artifact_id AS artifact_id, s.version AS version, s.created_at AS created_at,"
    " s.revoked_at AS revoked_at"
)


class SharesMixin(ArtifactsMixin):
    """The ``shares`` table. Needs the artifacts (a fixed version must exist)."""

    async def publish(self, artifact_id: str, version: int | None = None) -> str:
        """A new unguessable share token for the artifact (``version`` None: follow the current one)."""
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
                raise integrity_error(exc, artifact_id) from exc
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
        """The live share for ``token`` (None when unknown, revoked, or its artifact is trashed).

        Its ``title`` stays empty, as it always has: callers look the artifact up themselves."""
        row = await self._fetchone(
            f"SELECT {SHARE_COLUMNS}, '' AS title FROM shares s"
            " JOIN artifacts a ON a.id = s.artifact_id"
            " WHERE s.token = ? AND s.revoked_at IS NULL AND a.trashed_at IS NULL",
            (token,),
        )
        return None if row is None else rows.share(row)

    async def shares(self, *, include_revoked: bool = False) -> list[Share]:
        found = await self._fetchall(
            f"SELECT {SHARE_COLUMNS}, a.title AS title FROM shares s JOIN artifacts a ON a.id = s.artifact_id"
            + ("" if include_revoked else " WHERE s.revoked_at IS NULL")
            + " ORDER BY s.created_at DESC"
        )
        return [rows.share(r) for r in found]

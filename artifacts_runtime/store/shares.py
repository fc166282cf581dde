"""Shares: published links to an artifact (a fixed version, or following the current one), each
saying whether its visitors may change the shared keys; and the secret that signs visitor ids."""

from __future__ import annotations

import sqlite3
import time

from ..errors import InvalidInput
from ..ids import new_token
from ..records import Share
from . import rows
from .artifacts import ArtifactsMixin
from .connection import integrity_error

SHARE_COLUMNS = (
    "s.token AS token, s.artifact_id AS artifact_id, s.version AS version, s.created_at AS created_at,"
    " s.revoked_at AS revoked_at, s.shared_state AS shared_state"
)
#: What a link lets its visitors do to the artifact's shared keys.
SHARED_STATES = ("read-only", "read-write")
VISITOR_SECRET = "visitor-ids"


class SharesMixin(ArtifactsMixin):
    """The ``shares`` table. Needs the artifacts (a fixed version must exist)."""

    async def publish(self, artifact_id: str, version: int | None = None, *, shared_state: str = "read-only") -> str:
        """A new unguessable share token for the artifact (``version`` None: follow the current one).

        ``shared_state``: ``read-only`` (visitors read the shared keys) or ``read-write`` (they
        may also set and delete them, the owner's included)."""
        if shared_state not in SHARED_STATES:
            raise InvalidInput(f"shared state must be read-only or read-write, not {shared_state!r}")
        if version is not None:
            await self.version(artifact_id, version)  # raises NotFound with the range
        token = new_token(18)
        async with self.transaction() as db:
            try:
                await db.execute(
                    "INSERT INTO shares (token, artifact_id, version, created_at, shared_state) VALUES (?, ?, ?, ?, ?)",
                    (token, artifact_id, version, time.time(), shared_state),
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

    async def visitor_secret(self) -> str:
        """The library's key for signing visitor ids, made on first use and kept in the library
        (so a visitor keeps their id across restarts; another library does not accept it)."""
        row = await self._fetchone("SELECT value FROM secrets WHERE name = ?", (VISITOR_SECRET,))
        if row is None:
            await self._write_one(
                "INSERT OR IGNORE INTO secrets (name, value, created_at) VALUES (?, ?, ?)",
                (VISITOR_SECRET, new_token(32), time.time()),
            )
            row = await self._fetchone("SELECT value FROM secrets WHERE name = ?", (VISITOR_SECRET,))
        assert row is not None  # written just above
        return str(row["value"])

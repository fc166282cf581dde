"""Grants: a person's answer (allow / deny) about one origin for one artifact's live data."""

from __future__ import annotations

import sqlite3
import time

from ..errors import InvalidInput
from ..records import Grant
from . import rows
from .connection import Connections, integrity_error

DECISIONS = ("allow", "deny")


class GrantsMixin(Connections):
    """The ``grants`` table."""

    async def grant(self, artifact_id: str, origin: str, decision: str = "allow") -> None:
        if decision not in DECISIONS:
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
                raise integrity_error(exc, artifact_id) from exc
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
        return None if row is None else str(row["decision"])

    async def grants(self, artifact_id: str) -> list[Grant]:
        found = await self._fetchall(
            f"SELECT {rows.GRANT_COLUMNS} FROM grants WHERE artifact_id = ? ORDER BY origin", (artifact_id,)
        )
        return [rows.grant(r) for r in found]

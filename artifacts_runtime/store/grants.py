"""Grants: a person's answer (allow / deny) about one origin, or one path prefix of it, for one
artifact's live data; and whether visitors of the artifact's shared links may use it too."""

from __future__ import annotations

import sqlite3
import time

from ..errors import InvalidInput
from ..records import Grant
from . import rows
from .connection import Connections, integrity_error

DECISIONS = ("allow", "deny")


def _checked_path(path: str) -> str:
    """``/v1/`` and ``/v1//`` are the prefix ``/v1``; ``/`` is the whole origin."""
    if not path.startswith("/") or "?" in path or "#" in path:
        raise InvalidInput(f"a grant's path is a prefix such as /v1, not {path[:80]!r}")
    return "/" + "/".join(segment for segment in path.split("/") if segment)


class GrantsMixin(Connections):
    """The ``grants`` table: one row per (artifact, origin, path prefix); ``/`` is the whole
    origin. ``connectors.grant_scope`` reads both from what a person types."""

    async def grant(
        self, artifact_id: str, origin: str, decision: str = "allow", *, path: str = "/", visitors: bool = False
    ) -> None:
        if decision not in DECISIONS:
            raise InvalidInput("a grant is 'allow' or 'deny'")
        path = _checked_path(path)
        async with self.transaction() as db:
            try:
                await db.execute(
                    "INSERT INTO grants (artifact_id, origin, path, decision, visitors, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (artifact_id, origin, path) DO UPDATE SET"
                    " decision = excluded.decision, visitors = excluded.visitors, created_at = excluded.created_at",
                    (artifact_id, origin, path, decision, int(visitors), time.time()),
                )
            except sqlite3.IntegrityError as exc:
                raise integrity_error(exc, artifact_id) from exc
        self._emit(
            {
                "type": "grant.changed",
                "artifact_id": artifact_id,
                "origin": origin,
                "path": path,
                "decision": decision,
                "visitors": visitors,
            }
        )

    async def revoke(self, artifact_id: str, origin: str, *, path: str = "/") -> bool:
        path = _checked_path(path)
        async with self.transaction() as db:
            cur = await db.execute(
                "DELETE FROM grants WHERE artifact_id = ? AND origin = ? AND path = ?", (artifact_id, origin, path)
            )
        if cur.rowcount:
            self._emit(
                {"type": "grant.changed", "artifact_id": artifact_id, "origin": origin, "path": path, "decision": None}
            )
        return cur.rowcount > 0

    async def grant_for(self, artifact_id: str, origin: str, *, path: str = "/") -> str | None:
        """The decision stored for exactly this origin and prefix (``connectors`` decides what
        covers a URL: the most specific grant whose prefix holds its path)."""
        row = await self._fetchone(
            "SELECT decision FROM grants WHERE artifact_id = ? AND origin = ? AND path = ?", (artifact_id, origin, path)
        )
        return None if row is None else str(row["decision"])

    async def grants(self, artifact_id: str, *, origin: str | None = None) -> list[Grant]:
        """An artifact's grants, by origin then path; only those of ``origin`` when given."""
        where, params = "artifact_id = ?", [artifact_id]
        if origin is not None:
            where, params = "artifact_id = ? AND origin = ?", [artifact_id, origin]
        found = await self._fetchall(
            f"SELECT {rows.GRANT_COLUMNS} FROM grants WHERE {where} ORDER BY origin, path", params
        )
        return [rows.grant(r) for r in found]

"""An artifact's own stored state (``window.storage``): personal and shared keys, the quota.

``owner`` is ``''`` for the library's user and a visitor id for people using a published link.
The quota counts what one owner can see: their personal keys and the shared ones. A set is one
statement that writes only when the new total fits (docs/store.md), so it needs no transaction.
"""

from __future__ import annotations

import sqlite3
import time

from ..errors import NotFound, QuotaExceeded
from ..humanize import format_bytes
from ..records import StateEntry
from . import limits, rows
from .connection import Connections, integrity_error

SET_STATE = """
INSERT INTO state (artifact_id, scope, owner, key, size, updated_at, value)
SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
WHERE (SELECT coalesce(sum(size), 0) FROM state
       WHERE artifact_id = ?1 AND (owner = ?3 OR scope = 'shared')
         AND NOT (scope = ?2 AND owner = ?3 AND key = ?4)) + ?5
      <= coalesce((SELECT state_quota FROM artifacts WHERE id = ?1), ?8)
ON CONFLICT (artifact_id, scope, owner, key)
DO UPDATE SET size = excluded.size, updated_at = excluded.updated_at, value = excluded.value
"""
GET_STATE = f"SELECT {rows.STATE_COLUMNS} FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?"
DELETE_STATE = "DELETE FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?"


def scope_name(shared: bool) -> str:
    return "shared" if shared else "personal"


class StateMixin(Connections):
    """The ``state`` table: one value per (artifact, scope, owner, key)."""

    async def state_get(
        self, artifact_id: str, key: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry | None:
        limits.check_key(key)
        row = await self._fetchone(GET_STATE, (artifact_id, scope_name(shared), owner, key))
        return None if row is None else rows.state_entry(row)

    async def state_set(
        self, artifact_id: str, key: str, value: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry:
        """Write one value (last write wins). Raises a ``StorageError`` naming the broken rule."""
        limits.check_key(key)
        value, size = limits.check_value(value)
        scope = scope_name(shared)
        now = time.time()
        try:
            cur = await self._write_one(
                SET_STATE, (artifact_id, scope, owner, key, size, now, value, self.default_quota)
            )
        except sqlite3.IntegrityError as exc:
            raise integrity_error(exc, artifact_id) from exc
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
        scope = scope_name(shared)
        cur = await self._write_one(DELETE_STATE, (artifact_id, scope, owner, key))
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
        found = await self._fetchall(
            "SELECT key FROM state WHERE artifact_id = ? AND scope = ? AND owner = ?"
            " AND key >= ? AND key < ? ORDER BY key",
            (artifact_id, scope_name(shared), owner, prefix, prefix + "\U0010ffff"),
        )
        return [str(r["key"]) for r in found]

    async def state_entries(self, artifact_id: str, *, shared: bool = False, owner: str = "") -> list[StateEntry]:
        found = await self._fetchall(
            f"SELECT {rows.STATE_COLUMNS} FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? ORDER BY key",
            (artifact_id, scope_name(shared), owner),
        )
        return [rows.state_entry(r) for r in found]

    async def state_usage(self, artifact_id: str, *, owner: str = "") -> int:
        return await self._scalar(
            "SELECT coalesce(sum(size), 0) AS n FROM state WHERE artifact_id = ? AND (owner = ? OR scope = 'shared')",
            (artifact_id, owner),
        )

    async def all_state(self, artifact_id: str) -> list[StateEntry]:
        """The library user's state in both scopes (what a bundle carries)."""
        return (await self.state_entries(artifact_id)) + (await self.state_entries(artifact_id, shared=True))

    async def _quota(self, artifact_id: str) -> int:
        row = await self._fetchone("SELECT state_quota FROM artifacts WHERE id = ?", (artifact_id,))
        if row is None:
            raise NotFound(f"no artifact with id {artifact_id!r}")
        return int(row["state_quota"]) if row["state_quota"] is not None else self.default_quota

"""An artifact's own stored state (``window.storage``): personal and shared keys, the quotas.

``owner`` names who calls: ``''`` for the library's user, a visitor id for someone using a
published link. Personal keys are the caller's own; the shared keys are one set for everyone.

Two pools per artifact, each as large as its quota (limits.py): the library user's (their
personal keys and the shared keys they wrote last) and the visitors' (every visitor's personal
keys and the shared keys a visitor wrote last). A visitor's write is counted in the visitors'
pool only, so visitors can never make the owner's writes fail. A key costs its value, its own
bytes and ``limits.ROW_OVERHEAD``; a scope holds at most ``limits.MAX_KEYS_PER_SCOPE`` keys. A
set is one statement that writes only when every rule holds (docs/store.md), so it needs no
transaction; when it writes nothing, the rule it broke is looked up for the message.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Literal

from ..errors import NotFound, QuotaExceeded
from ..humanize import format_bytes
from ..records import StateEntry
from . import limits, rows
from .connection import Connections, integrity_error

Pool = Literal["owner", "visitors"]

_COST = f"coalesce(sum(size + length(CAST(key AS BLOB)) + {limits.ROW_OVERHEAD}), 0)"
_OTHER_ROWS = "NOT (scope = ?2 AND owner = ?3 AND key = ?4)"


def _pool_ranges(pool: Pool) -> tuple[str, str]:
    """The two key ranges of a pool: personal keys (by owner) and shared keys (by writer)."""
    personal = "scope = 'personal' AND owner = ''" if pool == "owner" else "scope = 'personal' AND owner > ''"
    return personal, f"scope = 'shared' AND owner = '' AND pool = '{pool}'"


def _pool_sum(pool: Pool, what: str, extra: str = "") -> str:
    """SQL summing ``what`` over a pool of artifact ?1 (``extra``: a further condition)."""
    cond = f" AND {extra}" if extra else ""
    return " + ".join(f"(SELECT {what} FROM state WHERE artifact_id = ?1 AND {r}{cond})" for r in _pool_ranges(pool))


def _set_sql(pool: Pool) -> str:
    # ?1 artifact ?2 scope ?3 row owner ?4 key ?5 pool ?6 size ?7 time ?8 value ?9 cost
    # ?10 default quota ?11 keys per scope (?12 keys of all visitors)
    sql = f"""
INSERT INTO state (artifact_id, scope, owner, key, pool, size, updated_at, value)
SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
WHERE {_pool_sum(pool, _COST, _OTHER_ROWS)} + ?9
      <= coalesce((SELECT state_quota FROM artifacts WHERE id = ?1), ?10)
  AND (EXISTS (SELECT 1 FROM state WHERE artifact_id = ?1 AND scope = ?2 AND owner = ?3 AND key = ?4)
       OR (SELECT count(*) FROM state WHERE artifact_id = ?1 AND scope = ?2 AND owner = ?3) < ?11)
"""
    if pool == "visitors":
        sql += f"""  AND (EXISTS (SELECT 1 FROM state WHERE artifact_id = ?1 AND scope = ?2 AND owner = ?3 AND key = ?4
                    AND pool = 'visitors')
       OR {_pool_sum(pool, "count(*)")} < ?12)
"""
    return (
        sql + "ON CONFLICT (artifact_id, scope, owner, key)\n"
        "DO UPDATE SET pool = excluded.pool, size = excluded.size, updated_at = excluded.updated_at,"
        " value = excluded.value"
    )


SET_STATE: dict[Pool, str] = {"owner": _set_sql("owner"), "visitors": _set_sql("visitors")}
GET_STATE = f"SELECT {rows.STATE_COLUMNS} FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?"
DELETE_STATE = "DELETE FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?"
POOL_USAGE: dict[Pool, str] = {p: f"SELECT {_pool_sum(p, _COST)} AS n" for p in ("owner", "visitors")}
POOL_KEYS: dict[Pool, str] = {p: f"SELECT {_pool_sum(p, 'count(*)')} AS n" for p in ("owner", "visitors")}


def scope_name(shared: bool) -> str:
    return "shared" if shared else "personal"


def pool_of(owner: str) -> Pool:
    """Whose pool a caller's writes count against."""
    return "visitors" if owner else "owner"


def row_owner(owner: str, shared: bool) -> str:
    """The ``owner`` column of the row a caller reads or writes: the shared keys are everyone's."""
    return "" if shared else owner


class StateMixin(Connections):
    """The ``state`` table: one value per (artifact, scope, owner, key)."""

    async def state_get(
        self, artifact_id: str, key: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry | None:
        limits.check_key(key)
        row = await self._fetchone(GET_STATE, (artifact_id, scope_name(shared), row_owner(owner, shared), key))
        return None if row is None else rows.state_entry(row)

    async def state_set(
        self, artifact_id: str, key: str, value: str, *, shared: bool = False, owner: str = ""
    ) -> StateEntry:
        """Write one value (last write wins). Raises a ``StorageError`` naming the broken rule."""
        limits.check_key(key)
        value, size = limits.check_value(value)
        scope = scope_name(shared)
        pool = pool_of(owner)
        who = row_owner(owner, shared)
        cost = limits.row_cost(key, size)
        now = time.time()
        params: tuple[object, ...] = (
            artifact_id,
            scope,
            who,
            key,
            pool,
            size,
            now,
            value,
            cost,
            self.default_quota,
            limits.MAX_KEYS_PER_SCOPE,
        )
        if pool == "visitors":
            params += (limits.MAX_VISITOR_KEYS,)
        try:
            cur = await self._write_one(SET_STATE[pool], params)
        except sqlite3.IntegrityError as exc:
            raise integrity_error(exc, artifact_id) from exc
        if cur.rowcount == 0:
            raise await self._refusal(artifact_id, scope, who, key, pool, cost)
        self._emit(
            {
                "type": "state.changed",
                "artifact_id": artifact_id,
                "scope": scope,
                "owner": who,
                "key": key,
                "deleted": False,
            }
        )
        return StateEntry(artifact_id, scope, key, value, size, now)

    async def _refusal(self, artifact_id: str, scope: str, who: str, key: str, pool: Pool, cost: int) -> QuotaExceeded:
        """Which rule a set that wrote nothing broke, in a sentence."""
        exists = await self._fetchone(
            "SELECT pool FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? AND key = ?",
            (artifact_id, scope, who, key),
        )
        if exists is None:
            in_scope = await self._scalar(
                "SELECT count(*) AS n FROM state WHERE artifact_id = ? AND scope = ? AND owner = ?",
                (artifact_id, scope, who),
            )
            if in_scope >= limits.MAX_KEYS_PER_SCOPE:
                return QuotaExceeded(
                    f"too many keys: this {scope} storage already holds {in_scope:,} keys, the most one scope may "
                    f"hold ({limits.MAX_KEYS_PER_SCOPE:,}); delete keys before adding new ones, or keep related "
                    "values together under one key"
                )
        if pool == "visitors" and (exists is None or exists["pool"] != "visitors"):
            keys = await self._scalar(POOL_KEYS["visitors"], (artifact_id,))
            if keys >= limits.MAX_VISITOR_KEYS:
                return QuotaExceeded(
                    f"storage for visitors of this shared link is full: they hold {keys:,} keys together, the most "
                    f"they may ({limits.MAX_VISITOR_KEYS:,}); delete keys you no longer need"
                )
        quota = await self._quota(artifact_id)
        used = await self.state_usage(artifact_id, owner="" if pool == "owner" else "visitor")
        if pool == "visitors":
            return QuotaExceeded(
                f"storage for visitors of this shared link is full: they store {format_bytes(used)} together, the "
                f"new key needs {format_bytes(cost)} and their limit is {format_bytes(quota)}; delete keys you no "
                "longer need"
            )
        return QuotaExceeded(
            f"storage quota exceeded: this artifact already stores {format_bytes(used)}, the new key needs "
            f"{format_bytes(cost)} (its value, its name and {limits.ROW_OVERHEAD} bytes a key) and the quota is "
            f"{format_bytes(quota)}; delete keys or raise [storage] quota_mb in config.toml"
        )

    async def state_delete(self, artifact_id: str, key: str, *, shared: bool = False, owner: str = "") -> bool:
        limits.check_key(key)
        scope = scope_name(shared)
        who = row_owner(owner, shared)
        cur = await self._write_one(DELETE_STATE, (artifact_id, scope, who, key))
        deleted = cur.rowcount > 0
        if deleted:
            self._emit(
                {
                    "type": "state.changed",
                    "artifact_id": artifact_id,
                    "scope": scope,
                    "owner": who,
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
            (artifact_id, scope_name(shared), row_owner(owner, shared), prefix, prefix + "\U0010ffff"),
        )
        return [str(r["key"]) for r in found]

    async def state_entries(self, artifact_id: str, *, shared: bool = False, owner: str = "") -> list[StateEntry]:
        found = await self._fetchall(
            f"SELECT {rows.STATE_COLUMNS} FROM state WHERE artifact_id = ? AND scope = ? AND owner = ? ORDER BY key",
            (artifact_id, scope_name(shared), row_owner(owner, shared)),
        )
        return [rows.state_entry(r) for r in found]

    async def state_usage(self, artifact_id: str, *, owner: str = "") -> int:
        """Bytes counted against the pool ``owner`` writes into (``''``: the library user's;
        any visitor: the one pool all visitors share), keys and overhead included."""
        return await self._scalar(POOL_USAGE[pool_of(owner)], (artifact_id,))

    async def all_state(self, artifact_id: str) -> list[StateEntry]:
        """The library user's state in both scopes (what a bundle carries)."""
        return (await self.state_entries(artifact_id)) + (await self.state_entries(artifact_id, shared=True))

    async def state_quota(self, artifact_id: str) -> int:
        """The size of each of the artifact's two pools (the owner's, the visitors'), in bytes."""
        return await self._quota(artifact_id)

    async def _quota(self, artifact_id: str) -> int:
        row = await self._fetchone("SELECT state_quota FROM artifacts WHERE id = ?", (artifact_id,))
        if row is None:
            raise NotFound(f"no artifact with id {artifact_id!r}")
        return int(row["state_quota"]) if row["state_quota"] is not None else self.default_quota

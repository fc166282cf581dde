"""The fetch cache: live-data answers kept per artifact, per principal and per request, served
again when offline; bounded in size, the oldest answers dropped first."""

from __future__ import annotations

import json
import time

from ..records import CachedResponse
from . import rows
from .connection import Connections
from .fetch_rules import PER_ARTIFACT_BYTES, TOTAL_BYTES, request_key

__all__ = ["PER_ARTIFACT_BYTES", "TOTAL_BYTES", "FetchCacheMixin", "request_key"]

PUT_RESPONSE = (
    "INSERT INTO fetch_cache (artifact_id, principal, request_key, status, headers, fetched_at, size, body)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (artifact_id, principal, request_key) DO UPDATE SET"
    " status = excluded.status, headers = excluded.headers,"
    " fetched_at = excluded.fetched_at, size = excluded.size, body = excluded.body"
)
#: The answers of one share of an artifact (the owner's, or all visitors'), newest first,
#: beyond the first ``?`` bytes. ``id`` breaks ties between answers of the same instant.
OVER_SHARE = (
    "SELECT id FROM (SELECT id, sum(size) OVER (ORDER BY fetched_at DESC, id DESC) AS running"
    " FROM fetch_cache WHERE artifact_id = ? AND (principal = '') = ?) WHERE running > ?"
)
OVER_TOTAL = (
    "SELECT id FROM (SELECT id, sum(size) OVER (ORDER BY fetched_at DESC, id DESC) AS running"
    " FROM fetch_cache) WHERE running > ?"
)


class FetchCacheMixin(Connections):
    """The ``fetch_cache`` table: one answer per (artifact, principal, request), the last wins.

    ``principal`` is ``''`` for the library's user and ``visitor:…`` for a visitor of a shared
    link; ``key`` is :func:`request_key` of the request the answer is for."""

    async def cache_put(
        self,
        artifact_id: str,
        principal: str,
        key: str,
        status: int,
        headers: dict[str, str],
        body: bytes,
        *,
        per_artifact_bytes: int = PER_ARTIFACT_BYTES,
        total_bytes: int = TOTAL_BYTES,
    ) -> float:
        """Keep an answer, then drop the oldest ones over the limits. An answer larger than the
        per-artifact limit is not kept (an older answer to the same request goes too)."""
        now = time.time()
        async with self.transaction() as db:
            if len(body) > min(per_artifact_bytes, total_bytes):
                await db.execute(
                    "DELETE FROM fetch_cache WHERE artifact_id = ? AND principal = ? AND request_key = ?",
                    (artifact_id, principal, key),
                )
                return now
            await db.execute(
                PUT_RESPONSE, (artifact_id, principal, key, status, json.dumps(headers), now, len(body), body)
            )
            await db.execute(
                f"DELETE FROM fetch_cache WHERE id IN ({OVER_SHARE})",
                (artifact_id, principal == "", per_artifact_bytes),
            )
            cur = await db.execute("SELECT total(size) FROM fetch_cache")
            row = await cur.fetchone()
            if row is not None and row[0] > total_bytes:
                await db.execute(f"DELETE FROM fetch_cache WHERE id IN ({OVER_TOTAL})", (total_bytes,))
        return now

    async def cache_get(self, artifact_id: str, principal: str, key: str) -> CachedResponse | None:
        row = await self._fetchone(
            f"SELECT {rows.CACHED_RESPONSE_COLUMNS} FROM fetch_cache"
            " WHERE artifact_id = ? AND principal = ? AND request_key = ?",
            (artifact_id, principal, key),
        )
        return None if row is None else rows.cached_response(row)

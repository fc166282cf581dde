"""The fetch cache: live-data answers kept per artifact, served again when offline."""

from __future__ import annotations

import json
import time

from ..records import CachedResponse
from . import rows
from .connection import Connections

PUT_RESPONSE = (
    "INSERT INTO fetch_cache (artifact_id, url, status, headers, fetched_at, size, body)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (artifact_id, url) DO UPDATE SET"
    " status = excluded.status, headers = excluded.headers,"
    " fetched_at = excluded.fetched_at, size = excluded.size, body = excluded.body"
)


class FetchCacheMixin(Connections):
    """The ``fetch_cache`` table: one answer per (artifact, URL), the last one wins."""

    async def cache_put(self, artifact_id: str, url: str, status: int, headers: dict[str, str], body: bytes) -> float:
        now = time.time()
        await self._write_one(PUT_RESPONSE, (artifact_id, url, status, json.dumps(headers), now, len(body), body))
        return now

    async def cache_get(self, artifact_id: str, url: str) -> CachedResponse | None:
        row = await self._fetchone(
            f"SELECT {rows.CACHED_RESPONSE_COLUMNS} FROM fetch_cache WHERE artifact_id = ? AND url = ?",
            (artifact_id, url),
        )
        return None if row is None else rows.cached_response(row)

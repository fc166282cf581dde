"""Token usage of every model call, per artifact and per conversation."""

from __future__ import annotations

import time

from ..records import Usage
from . import rows
from .connection import Connections


class UsageMixin(Connections):
    """The ``usage`` table: one row per call, summed on demand."""

    async def record_usage(
        self,
        *,
        kind: str,
        model: str | None,
        input_tokens: int = 0,
        output_tokens: int = 0,
        cache_read_tokens: int = 0,
        cache_write_tokens: int = 0,
        artifact_id: str | None = None,
        conversation_id: str | None = None,
    ) -> None:
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO usage (artifact_id, conversation_id, kind, model, input_tokens,"
                " output_tokens, cache_read_tokens, cache_write_tokens, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    artifact_id,
                    conversation_id,
                    kind,
                    model,
                    input_tokens,
                    output_tokens,
                    cache_read_tokens,
                    cache_write_tokens,
                    time.time(),
                ),
            )

    async def usage(self, *, artifact_id: str | None = None, conversation_id: str | None = None) -> Usage:
        row = await self._fetchone(
            f"SELECT {rows.USAGE_COLUMNS} FROM usage"
            " WHERE (?1 IS NULL OR artifact_id = ?1) AND (?2 IS NULL OR conversation_id = ?2)",
            (artifact_id, conversation_id),
        )
        return Usage() if row is None else rows.usage(row)

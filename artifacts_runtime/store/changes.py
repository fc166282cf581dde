"""Changes made by another process (the CLI in another shell, a second app, a sync tool).

This process's own writes announce themselves (``_emit``). Another process's do not, so the
app asks SQLite: ``PRAGMA data_version`` on the writer connection changes exactly when some
other connection committed to the file (the reader never writes), and reading it costs no
table access. Only then are the artifacts and state changed since the last look read (by
``updated_at``), and announced as this process's own changes are: ``artifact.updated`` (with
the version, so open previews reload), ``state.changed``, and one ``library.changed`` for
lists (an artifact purged elsewhere leaves no row to find). Events carry ``"elsewhere": True``.
"""

from __future__ import annotations

import asyncio
import time

from .connection import Connections

#: How often the app looks (seconds): a change elsewhere shows within this.
WATCH_INTERVAL = 0.5
#: Clocks of two processes on one machine agree; a write stamped just before our last look
#: (committed just after) is still caught.
SLACK = 2.0


class ChangesMixin(Connections):
    """``foreign_commit()`` and ``announce_foreign_changes()``; :func:`watch` runs them."""

    _data_version: int | None = None
    _last_look: float = 0.0
    _announced: frozenset[tuple[str, int, float]] = frozenset()

    async def foreign_commit(self) -> bool:
        """Whether another connection committed since the last call (False on the first)."""
        cursor = await self._writer.execute("PRAGMA data_version")
        row = await cursor.fetchone()
        version = int(row[0]) if row is not None else 0
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed

    async def announce_foreign_changes(self) -> int:
        """Announce what changed since the last look; returns the number of events."""
        now = time.time()
        since = (self._last_look or now) - SLACK
        self._last_look = now
        artifacts = await self._fetchall(
            "SELECT id, current_version, updated_at FROM artifacts WHERE updated_at > ?", (since,)
        )
        seen = {(r["id"], int(r["current_version"]), float(r["updated_at"])) for r in artifacts}
        events = 0
        for artifact_id, version, _ in sorted(seen - self._announced):
            self._emit({"type": "artifact.updated", "artifact_id": artifact_id, "version": version, "elsewhere": True})
            events += 1
        self._announced = frozenset(seen)
        state = await self._fetchall(
            "SELECT artifact_id, scope, owner, key FROM state WHERE updated_at > ? ORDER BY artifact_id, key",
            (since,),
        )
        for row in state:
            # As this process announces its own writes (state.py); a deletion elsewhere leaves
            # no row to find: the page sees it on its next read.
            self._emit(
                {
                    "type": "state.changed",
                    "artifact_id": row["artifact_id"],
                    "scope": row["scope"],
                    "owner": row["owner"],
                    "key": row["key"],
                    "deleted": False,
                    "elsewhere": True,
                }
            )
            events += 1
        self._emit({"type": "library.changed", "elsewhere": True})
        return events + 1


async def watch(store: ChangesMixin, *, interval: float = WATCH_INTERVAL) -> None:
    """Until cancelled: announce other processes' changes within ``interval`` seconds."""
    await store.foreign_commit()  # the starting point
    store._last_look = time.time()
    while True:
        await asyncio.sleep(interval)
        try:
            if await store.foreign_commit():
                await store.announce_foreign_changes()
        except Exception:  # a locked or closing file: look again next time
            continue

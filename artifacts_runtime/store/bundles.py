"""The store side of importing a bundle: one artifact with all its versions, state and files,
written in one transaction (validation of the bundle itself lives in ``artifacts_runtime.bundles``)."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InvalidInput, QuotaExceeded
from ..humanize import format_bytes
from ..records import Artifact
from . import limits
from .artifacts import INSERT_VERSION, ArtifactsMixin, text_size
from .interface import BundleFile, BundleState, BundleVersion

#: How a person imports a bundle without its state (a CLI hint, shown after the message).
NO_STATE_HINT = "`artifacts import --no-state` leaves the stored state out"


class BundlesMixin(ArtifactsMixin):
    """Writes across the artifacts, versions, state and files tables at once."""

    async def import_bundle(
        self,
        *,
        title: str,
        versions: Sequence[BundleVersion],
        state: Sequence[BundleState] = (),
        files: Sequence[BundleFile] = (),
        created_at: float | None = None,
        updated_at: float | None = None,
        pinned: bool = False,
        remixed_from: str | None = None,
    ) -> Artifact:
        """A new artifact with every version, its state and files, in one transaction.

        ``versions`` hold number, content, title, type, language, source, label,
        incomplete, created_at — already validated by ``artifacts_runtime.bundles``.
        """
        if not versions:
            raise InvalidInput("a bundle needs at least one version")
        ordered = sorted(versions, key=lambda v: v["number"])
        last = ordered[-1]
        created = created_at if created_at is not None else ordered[0]["created_at"]
        updated = updated_at if updated_at is not None else last["created_at"]
        # The state must fit the quota it will live under (a bundle's state is not exempt).
        state_bytes = sum(limits.check_value(e["value"])[1] for e in state)
        if state_bytes > self.default_quota:
            raise QuotaExceeded(
                f"the bundle's stored state is {format_bytes(state_bytes)} and the quota per artifact is "
                f"{format_bytes(self.default_quota)}; import it without its state, or raise [storage] quota_mb "
                "in config.toml",
                hint=NO_STATE_HINT,
            )
        async with self.transaction() as db:
            artifact_id = self._new_id()
            await db.execute(
                "INSERT INTO artifacts (id, title, type, language, created_at, updated_at, pinned,"
                " remixed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    artifact_id,
                    title,
                    last["type"],
                    last["language"],
                    created,
                    last["created_at"],
                    int(pinned),
                    remixed_from,
                ),
            )
            for v in ordered:
                await db.execute(
                    INSERT_VERSION,
                    (
                        artifact_id,
                        v["number"],
                        v["title"],
                        v["type"],
                        v["language"],
                        v["source"],
                        v["label"],
                        None,
                        int(v["incomplete"]),
                        v["created_at"],
                        text_size(v["content"]),
                        v["content"],
                    ),
                )
            await db.execute(
                "UPDATE artifacts SET current_version = ?, title = ?, updated_at = ? WHERE id = ?",
                (last["number"], title, updated, artifact_id),
            )
            for e in state:
                value, size = limits.check_value(e["value"])
                limits.check_key(e["key"])
                await db.execute(
                    "INSERT INTO state (artifact_id, scope, owner, key, size, updated_at, value)"
                    " VALUES (?, ?, '', ?, ?, ?, ?)",
                    (artifact_id, e["scope"], e["key"], size, e["updated_at"], value),
                )
            for f in files:
                await db.execute(
                    "INSERT INTO files (id, artifact_id, name, mime, size, created_at, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (self._new_id(10), artifact_id, f["name"], f["mime"], len(f["data"]), f["created_at"], f["data"]),
                )
        self._emit({"type": "artifact.created", "artifact_id": artifact_id, "version": last["number"]})
        return await self.get(artifact_id)

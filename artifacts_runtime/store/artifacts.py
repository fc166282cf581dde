"""Artifacts and their versions: create, resolve ids, list, new versions, revert, trash, purge.

Versions are immutable: every change of content is a new version made current, and a revert
is a new version equal to an old one (history is never rewritten).
"""

from __future__ import annotations

import builtins
import sqlite3
import time
from typing import Any

import aiosqlite

from .. import kinds
from ..errors import AmbiguousId, InvalidInput, LibraryError, NotFound
from ..ids import ALPHABET
from ..records import VERSION_SOURCES, Artifact, Version
from . import rows
from .connection import Connections, integrity_error

#: Where a person finds the ids the core's "no such artifact" errors speak of (CLI hint).
LIST_HINT = "`artifacts ls` lists the ids"
INSERT_VERSION = f"INSERT INTO versions ({rows.VERSION_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def check_source(source: str) -> None:
    if source not in VERSION_SOURCES:
        raise InvalidInput(f"version source must be one of {', '.join(VERSION_SOURCES)}")


def text_size(content: str) -> int:
    """The stored size of a version's text (UTF-8; lone surrogates count as 3 bytes)."""
    return len(content.encode("utf-8", "surrogatepass"))


class ArtifactsMixin(Connections):
    """Artifacts and versions (the ``artifacts`` and ``versions`` tables)."""

    async def resolve(self, ref: str) -> str:
        """The full id for ``ref`` (an id or any unique prefix of one)."""
        ref = ref.strip().lower()
        if not ref or any(ch not in ALPHABET for ch in ref):
            raise NotFound(f"no artifact with id {ref!r}", hint=LIST_HINT)
        found = await self._fetchall(
            "SELECT id, title FROM artifacts WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (ref, ref + "\U0010ffff"),
        )
        if not found:
            raise NotFound(f"no artifact with id {ref!r}", hint=LIST_HINT)
        for row in found:
            if row["id"] == ref:
                return ref
        if len(found) > 1:
            choices = ", ".join(f"{r['id']} ({r['title']})" for r in found[:5])
            raise AmbiguousId(f"id prefix {ref!r} matches several artifacts: {choices}; type more of it")
        return str(found[0]["id"])

    async def get(self, ref: str) -> Artifact:
        artifact_id = await self.resolve(ref)
        row = await self._fetchone(
            f"SELECT {rows.ARTIFACT_COLUMNS} FROM {rows.ARTIFACT_FROM} WHERE a.id = ?", (artifact_id,)
        )
        if row is None:
            raise NotFound(f"artifact {artifact_id} no longer exists")
        return rows.artifact(row)

    async def create(
        self,
        content: str,
        *,
        title: str | None = None,
        type: str | None = None,
        language: str | None = None,
        filename: str | None = None,
        source: str = "import",
        label: str | None = None,
        message_id: str | None = None,
        conversation_id: str | None = None,
        remixed_from: str | None = None,
        incomplete: bool = False,
    ) -> Artifact:
        """A new artifact whose version 1 is ``content``."""
        if not isinstance(content, str):
            raise InvalidInput("artifact content must be text")
        if type is None:
            type, sniffed_language = kinds.infer_type(filename, content)
            language = language or sniffed_language
        else:
            type = kinds.normalize_type(type)
        if type == kinds.CODE and not language:
            language = "text"
        if type != kinds.CODE:
            language = None
        title = (title or "").strip() or kinds.infer_title(content, type, filename)
        check_source(source)
        now = time.time()
        async with self.transaction() as db:
            for _ in range(8):
                artifact_id = self._new_id()
                try:
                    await db.execute(
                        "INSERT INTO artifacts (id, title, type, language, created_at, updated_at,"
                        " conversation_id, remixed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (artifact_id, title, type, language, now, now, conversation_id, remixed_from),
                    )
                    break
                except sqlite3.IntegrityError as exc:
                    if "UNIQUE" not in str(exc):
                        raise integrity_error(exc) from exc
            else:  # pragma: no cover - 33**8 ids
                raise LibraryError("could not find a free artifact id")
            await self._insert_version(
                db, artifact_id, 1, content, title, type, language, source, label, message_id, incomplete, now
            )
        artifact = await self.get(artifact_id)
        self._emit({"type": "artifact.created", "artifact_id": artifact_id, "version": 1})
        return artifact

    async def _insert_version(
        self,
        db: aiosqlite.Connection,
        artifact_id: str,
        number: int,
        content: str,
        title: str,
        type_: str,
        language: str | None,
        source: str,
        label: str | None,
        message_id: str | None,
        incomplete: bool,
        now: float,
    ) -> None:
        await db.execute(
            INSERT_VERSION,
            (
                artifact_id,
                number,
                title,
                type_,
                language,
                source,
                label,
                message_id,
                int(incomplete),
                now,
                text_size(content),
                content,
            ),
        )
        await db.execute(
            "UPDATE artifacts SET current_version = ?, title = ?, type = ?, language = ?, updated_at = ? WHERE id = ?",
            (number, title, type_, language, now, artifact_id),
        )

    async def add_version(
        self,
        ref: str,
        content: str,
        *,
        source: str,
        title: str | None = None,
        type: str | None = None,
        language: str | None = None,
        label: str | None = None,
        message_id: str | None = None,
        incomplete: bool = False,
    ) -> Version:
        """Append a version and make it current. Metadata not given stays as it was."""
        if not isinstance(content, str):
            raise InvalidInput("artifact content must be text")
        check_source(source)
        artifact_id = await self.resolve(ref)
        now = time.time()
        async with self.transaction() as db:
            cur = await db.execute(
                "SELECT title, type, language,"
                " (SELECT max(number) FROM versions WHERE artifact_id = ?) AS last_number"
                " FROM artifacts WHERE id = ?",
                (artifact_id, artifact_id),
            )
            row = await cur.fetchone()
            if row is None:
                raise NotFound(f"artifact {artifact_id} no longer exists")
            new_type: str = kinds.normalize_type(type) if type else row["type"]
            new_language: str | None = language if language is not None else row["language"]
            if new_type != kinds.CODE:
                new_language = None
            elif not new_language:
                new_language = "text"
            new_title: str = (title or "").strip() or row["title"]
            number = int(row["last_number"] or 0) + 1
            await self._insert_version(
                db,
                artifact_id,
                number,
                content,
                new_title,
                new_type,
                new_language,
                source,
                label,
                message_id,
                incomplete,
                now,
            )
        self._emit({"type": "artifact.updated", "artifact_id": artifact_id, "version": number})
        return await self.version(artifact_id, number)

    async def version(self, ref: str, number: int | None = None) -> Version:
        """One version with its content (the current one when ``number`` is None)."""
        artifact_id = await self.resolve(ref)
        if number is None:
            row = await self._fetchone(
                f"SELECT {rows.VERSION_COLUMNS}, content FROM versions WHERE artifact_id = ?"
                " AND number = (SELECT current_version FROM artifacts WHERE id = ?)",
                (artifact_id, artifact_id),
            )
        else:
            row = await self._fetchone(
                f"SELECT {rows.VERSION_COLUMNS}, content FROM versions WHERE artifact_id = ? AND number = ?",
                (artifact_id, number),
            )
        if row is None:
            count = await self._scalar("SELECT count(*) AS n FROM versions WHERE artifact_id = ?", (artifact_id,))
            raise NotFound(f"artifact {artifact_id} has no version {number}; it has versions 1 to {count}")
        return rows.version_with_content(row)

    async def versions(self, ref: str) -> builtins.list[Version]:
        artifact_id = await self.resolve(ref)
        found = await self._fetchall(
            f"SELECT {rows.VERSION_COLUMNS} FROM versions WHERE artifact_id = ? ORDER BY number",
            (artifact_id,),
        )
        return [rows.version(r) for r in found]

    async def revert(self, ref: str, number: int) -> Version:
        """A new version equal to version ``number`` (history is never rewritten)."""
        old = await self.version(ref, number)
        return await self.add_version(
            old.artifact_id,
            old.content or "",
            source="revert",
            title=old.title,
            type=old.type,
            language=old.language,
            label=f"revert to v{number}",
        )

    async def list(
        self,
        *,
        type: str | None = None,
        sort: str = "updated",
        limit: int | None = 50,
        offset: int = 0,
        trashed: bool = False,
    ) -> builtins.list[Artifact]:
        sql, params = rows.list_query(type=type, sort=sort, limit=limit, offset=offset, trashed=trashed)
        return [rows.artifact(r) for r in await self._fetchall(sql, params)]

    async def count(self, *, trashed: bool = False) -> int:
        return await self._scalar(
            "SELECT count(*) AS n FROM artifacts WHERE trashed_at IS " + ("NOT NULL" if trashed else "NULL")
        )

    async def _update_artifact(self, ref: str, sql: str, params: tuple[Any, ...], event: str) -> Artifact:
        artifact_id = await self.resolve(ref)
        async with self.transaction() as db:
            await db.execute(sql, (*params, artifact_id))
        self._emit({"type": event, "artifact_id": artifact_id})
        return await self.get(artifact_id)

    async def rename(self, ref: str, title: str) -> Artifact:
        title = title.strip()
        if not title:
            raise InvalidInput("a title cannot be empty")
        return await self._update_artifact(
            ref,
            "UPDATE artifacts SET title = ?, updated_at = ? WHERE id = ?",
            (title, time.time()),
            "artifact.renamed",
        )

    async def set_pinned(self, ref: str, pinned: bool) -> Artifact:
        return await self._update_artifact(
            ref, "UPDATE artifacts SET pinned = ? WHERE id = ?", (int(pinned),), "artifact.pinned"
        )

    async def trash(self, ref: str) -> Artifact:
        return await self._update_artifact(
            ref, "UPDATE artifacts SET trashed_at = ? WHERE id = ?", (time.time(),), "artifact.trashed"
        )

    async def untrash(self, ref: str) -> Artifact:
        return await self._update_artifact(
            ref, "UPDATE artifacts SET trashed_at = NULL WHERE id = ?", (), "artifact.restored"
        )

    async def purge(self, ref: str) -> None:
        """Delete for good: versions, state, files, grants and shares go with it."""
        artifact_id = await self.resolve(ref)
        async with self.transaction() as db:
            await db.execute("DELETE FROM artifacts WHERE id = ?", (artifact_id,))
        self._emit({"type": "artifact.deleted", "artifact_id": artifact_id})

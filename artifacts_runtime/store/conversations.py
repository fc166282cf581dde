"""Conversations with Claude and their messages (a streamed reply is saved as it grows)."""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from ..errors import AmbiguousId, InvalidInput, NotFound
from ..records import Conversation, Message
from . import rows
from .connection import Connections

#: Where a person finds conversation ids (a CLI hint, shown after the message).
LIST_HINT = "`artifacts conversations` lists them"
INSERT_MESSAGE = f"INSERT INTO messages ({rows.MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


class ConversationsMixin(Connections):
    """The ``conversations`` and ``messages`` tables."""

    async def create_conversation(
        self, *, title: str = "", model: str | None = None, artifact_id: str | None = None
    ) -> Conversation:
        now = time.time()
        conversation_id = self._new_id()
        async with self.transaction() as db:
            await db.execute(
                "INSERT INTO conversations (id, title, model, artifact_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (conversation_id, title, model, artifact_id, now, now),
            )
        return Conversation(conversation_id, title, model, now, now, artifact_id, 0)

    async def delete_conversation(self, conversation_id: str) -> None:
        """Remove a conversation with its messages and files (artifacts it made stay, unlinked)."""
        async with self.transaction() as db:
            await db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    async def resolve_conversation(self, ref: str) -> str:
        ref = ref.strip().lower()
        found = (
            await self._fetchall(
                "SELECT id FROM conversations WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
                (ref, ref + "\U0010ffff"),
            )
            if ref
            else []
        )
        if not found:
            raise NotFound(f"no conversation with id {ref!r}", hint=LIST_HINT)
        if len(found) > 1 and found[0]["id"] != ref:
            raise AmbiguousId(f"conversation prefix {ref!r} matches several; type more of it")
        return str(found[0]["id"])

    async def conversation(self, ref: str) -> Conversation:
        conversation_id = await self.resolve_conversation(ref)
        row = await self._fetchone(
            f"SELECT {rows.CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = ?", (conversation_id,)
        )
        if row is None:
            raise NotFound(f"conversation {conversation_id} no longer exists")
        return rows.conversation(row)

    async def conversations(self, *, limit: int | None = 100) -> list[Conversation]:
        sql = f"SELECT {rows.CONVERSATION_COLUMNS} FROM conversations c ORDER BY c.updated_at DESC"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [rows.conversation(r) for r in await self._fetchall(sql, params)]

    async def set_conversation_title(self, conversation_id: str, title: str) -> None:
        async with self.transaction() as db:
            await db.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id))

    async def add_message(
        self,
        conversation_id: str,
        role: str,
        content: list[dict[str, Any]],
        *,
        model: str | None = None,
        stop_reason: str | None = None,
        incomplete: bool = False,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> Message:
        if role not in ("user", "assistant"):
            raise InvalidInput(f"message role must be user or assistant, not {role!r}")
        now = time.time()
        message_id = self._new_id(10)
        body = json.dumps(content, ensure_ascii=False)
        async with self.transaction() as db:
            cur = await db.execute(
                "SELECT coalesce(max(seq), 0) + 1 AS next_seq FROM messages WHERE conversation_id = ?",
                (conversation_id,),
            )
            next_row = await cur.fetchone()
            seq = int(next_row["next_seq"]) if next_row is not None else 1
            try:
                await db.execute(
                    INSERT_MESSAGE,
                    (
                        message_id,
                        conversation_id,
                        seq,
                        role,
                        body,
                        model,
                        stop_reason,
                        int(incomplete),
                        input_tokens,
                        output_tokens,
                        now,
                    ),
                )
            except sqlite3.IntegrityError as exc:
                raise NotFound(f"no conversation with id {conversation_id!r}") from exc
            await db.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id))
        return Message(
            message_id,
            conversation_id,
            seq,
            role,
            content,
            model,
            stop_reason,
            incomplete,
            input_tokens,
            output_tokens,
            now,
        )

    async def update_message(
        self,
        message_id: str,
        *,
        content: list[dict[str, Any]],
        stop_reason: str | None = None,
        incomplete: bool = False,
        input_tokens: int = 0,
        output_tokens: int = 0,
    ) -> None:
        """Replace a message's content as it grows (a streamed reply is saved as it goes)."""
        async with self.transaction() as db:
            await db.execute(
                "UPDATE messages SET content = ?, stop_reason = ?, incomplete = ?,"
                " input_tokens = ?, output_tokens = ? WHERE id = ?",
                (
                    json.dumps(content, ensure_ascii=False),
                    stop_reason,
                    int(incomplete),
                    input_tokens,
                    output_tokens,
                    message_id,
                ),
            )

    async def messages(self, conversation_id: str) -> list[Message]:
        found = await self._fetchall(
            f"SELECT {rows.MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq",
            (conversation_id,),
        )
        return [rows.message(r) for r in found]

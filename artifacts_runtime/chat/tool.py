"""The ``artifacts`` tool: its definition for the API, and applying its commands to the store.

Input, as on claude.ai: ``{command: create | update | rewrite, id, type, title, language,
content, old_str, new_str}``. ``id`` is the model's own identifier (``"habit-tracker"``); the
store's ids are random, so each conversation keeps a :class:`Catalog` from the model's
identifiers to store ids (rebuilt from the stored tool results when a conversation continues).
The store id is accepted too: tool results tell the model what it is.

Every applied command is a new version (``source="model"``) linked to the assistant message
that asked for it. A command that cannot be applied returns an error result saying why, so the
model can correct itself (``update`` with an ``old_str`` found zero or several times, above all).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import kinds
from ..errors import ArtifactsError, NotFound
from ..store import Store

TOOL_NAME = "artifacts"
COMMANDS = ("create", "update", "rewrite")

TOOL_DESCRIPTION = """\
Create and edit artifacts: substantial, self-contained content the user will see in a preview \
next to the chat, keep in their library, reuse and edit (apps, documents, diagrams, code).

Commands:
- create: a new artifact. Give id (a short kebab-case identifier you choose, e.g. \
"habit-tracker"), type, title, content (the complete source), and language for code.
- update: change part of an existing artifact. Give id, old_str and new_str. old_str must match \
the artifact's current content exactly (whitespace and indentation included) and occur exactly \
once; include enough surrounding lines to make it unique. Prefer update for small changes: it \
is faster and keeps the rest intact. Several updates in a row are fine.
- rewrite: replace the whole content of an existing artifact (id, content; title and type \
may change). Use it for large changes.

Every successful command makes a new version the user can see and revert. Send fields in the \
order command, id, type, title, language, then content / old_str / new_str."""


def tool_definition(*, cache: bool = True) -> dict[str, Any]:
    """The tool as the Messages API takes it (with a prompt-caching breakpoint)."""
    tool: dict[str, Any] = {
        "name": TOOL_NAME,
        "description": TOOL_DESCRIPTION,
        "input_schema": {
            "type": "object",
            "properties": {
                "command": {"type": "string", "enum": list(COMMANDS)},
                "id": {
                    "type": "string",
                    "description": "The artifact's identifier: one you choose on create "
                    "(kebab-case), the same one (or the id a tool result gave) afterwards.",
                },
                "type": {"type": "string", "enum": list(kinds.TYPES)},
                "title": {"type": "string", "description": "A short human-readable title."},
                "language": {
                    "type": "string",
                    "description": "For application/vnd.ant.code: the language, e.g. python.",
                },
                "content": {"type": "string", "description": "create/rewrite: the complete source."},
                "old_str": {"type": "string", "description": "update: the exact text to replace."},
                "new_str": {"type": "string", "description": "update: the replacement text."},
            },
            "required": ["command", "id"],
        },
    }
    if cache:
        tool["cache_control"] = {"type": "ephemeral"}
    return tool


@dataclass
class Outcome:
    """What one command did. ``message`` is the tool_result text for the model."""

    ok: bool
    message: str
    command: str
    artifact_id: str | None = None
    version: int | None = None
    created: bool = False
    title: str | None = None
    type: str | None = None
    incomplete: bool = False
    identifier: str | None = None

    def result_block(self, tool_use_id: str) -> dict[str, Any]:
        """The stored ``tool_result`` block (extra keys are ours; they are not sent)."""
        block: dict[str, Any] = {
            "type": "tool_result",
            "tool_use_id": tool_use_id,
            "content": self.message,
        }
        if not self.ok:
            block["is_error"] = True
        if self.artifact_id:
            block["artifact_id"] = self.artifact_id
            block["version"] = self.version
            if self.identifier:
                block["identifier"] = self.identifier
        if self.ok:
            # What the chat shows when the conversation is reopened: the real outcome.
            block.update(command=self.command, title=self.title, artifact_type=self.type, created=self.created)
            if self.incomplete:
                block["incomplete"] = True
        return block


class Catalog:
    """The artifacts a conversation knows: model identifiers -> store ids."""

    def __init__(self, artifact_ids: Iterable[str] = ()) -> None:
        self.aliases: dict[str, str] = {}
        self.known: set[str] = set(artifact_ids)

    def add(self, artifact_id: str, identifier: str | None = None) -> None:
        self.known.add(artifact_id)
        if identifier:
            self.aliases[identifier] = artifact_id

    def lookup(self, ref: str | None) -> str | None:
        if not ref:
            return None
        ref = ref.strip()
        if ref in self.aliases:
            return self.aliases[ref]
        if ref in self.known:
            return ref
        low = ref.lower()
        if low in self.known:
            return low
        return None

    def describe(self) -> str:
        if not self.known:
            return "this conversation has no artifacts yet"
        names = {v: k for k, v in self.aliases.items()}
        listed = ", ".join(f'"{names[a]}" (id {a})' if a in names else f"id {a}" for a in sorted(self.known))
        return f"the artifacts of this conversation are: {listed}"

    @classmethod
    def from_blocks(cls, blocks: Iterable[Mapping[str, Any]], extra: Iterable[str] = ()) -> Catalog:
        """Rebuild from stored blocks (in order): our keys on tool results, and the
        ``artifact_ref`` blocks that record inline ``<antArtifact>`` artifacts."""
        catalog = cls(extra)
        for block in blocks:
            if block.get("type") in ("tool_result", "artifact_ref") and block.get("artifact_id"):
                catalog.add(block["artifact_id"], block.get("identifier"))
        return catalog


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _normalize_type(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return kinds.normalize_type(value)


def find_once(content: str, old: str) -> tuple[int, int]:
    """(position of the first match, number of matches up to 2; overlapping ones count)."""
    first = content.find(old)
    if first == -1:
        return -1, 0
    second = content.find(old, first + 1)
    return first, 1 if second == -1 else 2


async def apply(
    store: Store,
    catalog: Catalog,
    data: Mapping[str, Any],
    *,
    conversation_id: str | None,
    message_id: str | None,
    incomplete: bool = False,
) -> Outcome:
    """Apply one command of the tool. Never raises for the model's mistakes: the outcome
    carries the error message for it."""
    command = data.get("command")
    identifier = _text(data.get("id"))
    if command not in COMMANDS:
        return Outcome(False, f"unknown command {command!r}: use create, update or rewrite", str(command))
    try:
        type_ = _normalize_type(data.get("type"))
    except kinds.UnknownType:
        return Outcome(
            False,
            f"unknown type {data.get('type')!r}; use one of: {', '.join(kinds.TYPES)}",
            command,
        )
    title = (_text(data.get("title")) or "").strip() or None
    language = (_text(data.get("language")) or "").strip() or None
    existing = catalog.lookup(identifier)
    try:
        if command == "create" and existing is None:
            content = _text(data.get("content"))
            if content is None:
                return Outcome(False, "create needs content: the complete source of the artifact", command)
            artifact = await store.create(
                content,
                title=title,
                type=type_,
                language=language,
                source="model",
                message_id=message_id,
                conversation_id=conversation_id,
                incomplete=incomplete,
            )
            catalog.add(artifact.id, identifier)
            note = " (incomplete: the reply was cut off)" if incomplete else ""
            return Outcome(
                True,
                f'Created artifact "{artifact.title}" (id {artifact.id}, version 1){note}. '
                f"Use id {identifier or artifact.id!r} to update it.",
                command,
                artifact.id,
                1,
                True,
                artifact.title,
                artifact.type,
                incomplete,
                identifier,
            )
        if existing is None:
            what = f"no artifact with id {identifier!r}" if identifier else "an id is needed"
            return Outcome(False, f"{command} failed: {what}; {catalog.describe()}", command)
        if command in ("rewrite", "create"):
            content = _text(data.get("content"))
            if content is None:
                return Outcome(False, f"{command} needs content: the complete new source", command)
            version = await store.add_version(
                existing,
                content,
                source="model",
                title=title,
                type=type_,
                language=language,
                message_id=message_id,
                incomplete=incomplete,
            )
            catalog.add(existing, identifier)
            again = " (it already existed, so this is a new version)" if command == "create" else ""
            note = " (incomplete: the reply was cut off)" if incomplete else ""
            return Outcome(
                True,
                f'Rewrote artifact "{version.title}" (id {existing}): now version {version.number}{again}{note}.',
                command,
                existing,
                version.number,
                False,
                version.title,
                version.type,
                incomplete,
                identifier,
            )
        # update
        old, new = _text(data.get("old_str")), _text(data.get("new_str"))
        if not old:
            return Outcome(False, "update needs old_str: the exact text to replace (not empty)", command, existing)
        if new is None:
            return Outcome(False, "update needs new_str: the replacement text (may be empty)", command, existing)
        current = await store.version(existing)
        content = current.content or ""
        at, count = find_once(content, old)
        if count == 0:
            return Outcome(
                False,
                f"update failed: old_str was not found in the current content of artifact {identifier!r} "
                f"(version {current.number}). It must match exactly, including whitespace and "
                "indentation; copy a unique passage from the current content, or use rewrite.",
                command,
                existing,
            )
        if count > 1:
            return Outcome(
                False,
                f"update failed: old_str occurs more than once in artifact {identifier!r} "
                f"(version {current.number}); include more surrounding lines so that it matches "
                "exactly once.",
                command,
                existing,
            )
        updated = content[:at] + new + content[at + len(old) :]
        version = await store.add_version(
            existing,
            updated,
            source="model",
            title=title,
            type=type_,
            language=language,
            message_id=message_id,
            incomplete=incomplete,
        )
        catalog.add(existing, identifier)
        return Outcome(
            True,
            f'Updated artifact "{version.title}" (id {existing}): now version {version.number}.',
            command,
            existing,
            version.number,
            False,
            version.title,
            version.type,
            incomplete,
            identifier,
        )
    except NotFound as exc:
        catalog.known.discard(existing or "")
        return Outcome(False, f"{command} failed: {exc}", command)
    except ArtifactsError as exc:
        return Outcome(False, f"{command} failed: {exc}", command, existing)

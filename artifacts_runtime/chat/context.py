"""What the model must know about a conversation's artifacts before it answers.

The model edits an artifact by quoting its current source (``update``'s ``old_str``), so it
must have seen that source. It has, for what it wrote itself: every tool result says "now
version N". It has not for an artifact the conversation was opened about (remixed, imported,
made in the CLI: no chat made it), nor for versions made outside the model since (an edit in
the app, a revert, ``artifacts save``, another process). For each such artifact the user's
next message carries a block, before the person's own words, that says what changed and
gives the current source — or a diff from the version the model last saw, when that is
smaller.

The block is stored with the message (so every later request replays the same history and
prompt caching keeps working) and marked with :data:`CONTEXT_KEY`, so the chat shows only
what the person typed (``Message.text()`` skips it). Versions the model has seen are read back
from the stored messages: tool results (``artifact_id`` + ``version``) and earlier context
blocks.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import NotFound
from ..humanize import format_bytes
from ..records import CONTEXT_KEY, Artifact, Conversation, Message, Version
from ..store import Store

#: Larger sources are not sent whole: the model is told to ask or to rewrite.
MAX_SOURCE_CHARS = 200_000
#: A diff is sent instead of the source when it is at most this share of the source's size.
DIFF_SHARE = 0.5

WHO = {"user": "the user, in the app", "import": "an import", "revert": "a revert", "remix": "a remix"}


async def conversation_about(
    store: Store, artifact_id: str, *, title: str | None = None, model: str | None = None
) -> Conversation:
    """The conversation to continue an artifact in: the one that made it, else the newest one
    opened about it, else a new one (``title``, by default "About: <title>"), linked to it."""
    artifact = await store.get(artifact_id)
    if artifact.conversation_id is not None:
        try:
            return await store.conversation(artifact.conversation_id)
        except NotFound:
            pass
    linked = [c for c in await store.conversations(limit=None) if c.artifact_id == artifact.id]
    if linked:
        return linked[0]
    return await store.create_conversation(
        title=title or f"About: {artifact.title}", model=model, artifact_id=artifact.id
    )


def seen_versions(messages: Iterable[Message]) -> dict[str, int]:
    """The version of each artifact the model last saw in this conversation."""
    seen: dict[str, int] = {}
    for message in messages:
        for block in message.content:
            if block.get("type") == "tool_result" and not block.get("is_error"):
                artifact_id, version = block.get("artifact_id"), block.get("version")
            elif isinstance(block.get(CONTEXT_KEY), dict):
                artifact_id = block[CONTEXT_KEY].get("artifact_id")
                version = block[CONTEXT_KEY].get("version")
            else:
                continue
            if isinstance(artifact_id, str) and isinstance(version, int):
                seen[artifact_id] = version
    return seen


async def context_blocks(
    store: Store, messages: Sequence[Message], artifact_ids: Iterable[str]
) -> list[dict[str, Any]]:
    """One text block per artifact whose current version the model has not seen."""
    seen = seen_versions(messages)
    blocks: list[dict[str, Any]] = []
    for artifact_id in dict.fromkeys(artifact_ids):
        try:
            artifact = await store.get(artifact_id)
        except NotFound:
            continue
        if artifact.trashed or seen.get(artifact.id) == artifact.current_version:
            continue
        text = await _describe(store, artifact, seen.get(artifact.id))
        blocks.append(
            {
                "type": "text",
                "text": text,
                CONTEXT_KEY: {"artifact_id": artifact.id, "version": artifact.current_version},
            }
        )
    return blocks


async def _describe(store: Store, artifact: Artifact, seen: int | None) -> str:
    current = await store.version(artifact.id)
    source = current.content or ""
    head = (
        f'<artifact_context id="{artifact.id}" type="{artifact.type}" version="{current.number}">\n'
        f"Title: {artifact.title}\n"
    )
    how = (
        f'To change it, call the artifacts tool with id "{artifact.id}" (update for small changes, rewrite for large).'
    )
    if seen is None:
        intro = (
            f"The user's message is about this artifact from their library; it was not made in this conversation. {how}"
        )
        return head + intro + "\n" + _source(source, current.number) + "</artifact_context>"
    changes = await _changes(store, artifact.id, seen, current.number)
    intro = (
        f"This artifact changed outside this conversation since you last saw it (version {seen}): "
        f"it is now version {current.number} ({changes}). Base any edit on version {current.number}, "
        f"not on version {seen}. {how}"
    )
    diff = await _diff(store, artifact.id, seen, current)
    if diff is not None and len(diff) <= DIFF_SHARE * max(len(source), 1):
        mark = fence(diff)
        body = f"The changes from version {seen} to version {current.number}, as a unified diff:\n{mark}diff\n{diff}\n{mark}\n"
    else:
        body = _source(source, current.number)
    return head + intro + "\n" + body + "</artifact_context>"


def fence(source: str) -> str:
    """A Markdown fence longer than any run of backticks in ``source``, so that no source (an
    imported file can hold anything) closes it early and speaks outside it."""
    longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
    return "`" * max(3, longest + 1)


def _source(source: str, number: int) -> str:
    if len(source) > MAX_SOURCE_CHARS:
        return (
            f"Its source (version {number}) is {format_bytes(len(source.encode()))}, too large to include here: "
            "ask the user for the part to change, or rewrite it whole.\n"
        )
    mark = fence(source)
    return f"Its current source (version {number}), exactly:\n{mark}\n{source}\n{mark}\n"


async def _changes(store: Store, artifact_id: str, seen: int, current: int) -> str:
    versions: list[Version] = [v for v in await store.versions(artifact_id) if seen < v.number <= current]
    parts = []
    for v in versions[-5:]:
        who = "Claude in another conversation" if v.source == "model" else WHO.get(v.source, v.source)
        parts.append(f"v{v.number} by {who}" + (f": {v.label}" if v.label else ""))
    if len(versions) > 5:
        parts.insert(0, f"{len(versions) - 5} earlier")
    return "; ".join(parts) or "changed"


async def _diff(store: Store, artifact_id: str, seen: int, current: Version) -> str | None:
    try:
        before = await store.version(artifact_id, seen)
    except NotFound:
        return None
    lines = difflib.unified_diff(
        (before.content or "").splitlines(),
        (current.content or "").splitlines(),
        f"version {seen}",
        f"version {current.number}",
        lineterm="",
        n=3,
    )
    return "\n".join(lines)

"""Turning stored messages back into the ``messages`` of a request.

Stored messages are the API's content blocks plus a few keys of ours (``artifact_id`` on a
tool_result, …), and may be incomplete (a cancelled or failed reply). The API is strict: every
``tool_use`` needs its ``tool_result`` in the very next message, roles alternate, no empty text
blocks, thinking blocks only back to the model that wrote them. :func:`build_messages` makes a
valid history out of whatever is stored, without changing the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Message

INTERRUPTED_TOOL = (
    "This tool call was interrupted before it finished (the reply was cancelled or failed); nothing was applied."
)
INTERRUPTED_REPLY = "[This reply was interrupted here.]"

_KEEP: dict[str, tuple[str, ...]] = {
    "text": ("type", "text"),
    "tool_use": ("type", "id", "name", "input"),
    "tool_result": ("type", "tool_use_id", "content", "is_error"),
    "image": ("type", "source"),
    "document": ("type", "source", "title", "context"),
    "thinking": ("type", "thinking", "signature"),
    "redacted_thinking": ("type", "data"),
}


def _clean(block: dict[str, Any], *, keep_thinking: bool) -> dict[str, Any] | None:
    kind = block.get("type")
    keys = _KEEP.get(kind or "")
    if keys is None:
        return None
    if kind in ("thinking", "redacted_thinking") and (
        not keep_thinking or (kind == "thinking" and not block.get("signature"))
    ):
        return None
    if kind == "text" and not block.get("text"):
        return None
    out = {k: block[k] for k in keys if k in block}
    if kind == "tool_use" and not isinstance(out.get("input"), dict):
        out["input"] = {}
    if kind == "tool_result" and not out.get("is_error"):
        out.pop("is_error", None)
    return out


def build_messages(stored: Iterable[Message], *, model: str) -> list[dict[str, Any]]:
    """A valid ``messages`` list from stored messages (oldest first)."""
    cleaned: list[dict[str, Any]] = []
    for m in stored:
        keep_thinking = m.role == "assistant" and m.model == model  # signed blocks only
        blocks = [b for b in (_clean(dict(x), keep_thinking=keep_thinking) for x in m.content) if b]
        if m.role == "assistant" and m.incomplete and blocks and blocks[-1]["type"] == "text":
            blocks.append({"type": "text", "text": INTERRUPTED_REPLY})
        if blocks:
            cleaned.append({"role": m.role, "content": blocks})

    out: list[dict[str, Any]] = []
    for msg in cleaned:
        content = msg["content"]
        if msg["role"] == "user":
            if out and out[-1]["role"] == "assistant":
                ids = _tool_use_ids(out[-1])
                results = {
                    b.get("tool_use_id"): b
                    for b in content
                    if b["type"] == "tool_result" and b.get("tool_use_id") in ids
                }
                others = [b for b in content if b["type"] != "tool_result"]
                content = [results.get(i) or _interrupted(i) for i in ids] + others
            else:
                content = [b for b in content if b["type"] != "tool_result"]
            if not content:
                continue
            if out and out[-1]["role"] == "user":
                out[-1]["content"] = out[-1]["content"] + content
            else:
                out.append({"role": "user", "content": content})
            continue
        if not out:  # the history must start with the user
            continue
        _answer_missing(out)
        if out[-1]["role"] == "assistant":
            out[-1]["content"] = out[-1]["content"] + content
        else:
            out.append({"role": "assistant", "content": list(content)})
    _answer_missing(out)
    return out


def _tool_use_ids(message: dict[str, Any]) -> list[str]:
    return [b["id"] for b in message["content"] if b["type"] == "tool_use"]


def _interrupted(tool_use_id: str) -> dict[str, Any]:
    return {"type": "tool_result", "tool_use_id": tool_use_id, "content": INTERRUPTED_TOOL, "is_error": True}


def _answer_missing(out: list[dict[str, Any]]) -> None:
    """If the last message is an assistant one whose tool calls have no results, add them."""
    if not out or out[-1]["role"] != "assistant":
        return
    ids = _tool_use_ids(out[-1])
    if ids:
        out.append({"role": "user", "content": [_interrupted(i) for i in ids]})


def mark_cache_breakpoint(messages: list[dict[str, Any]]) -> None:
    """Put a prompt-caching breakpoint on the last block of the last message, so the next
    round (and the next turn) reads the whole history from the cache."""
    if not messages:
        return
    content = messages[-1]["content"]
    if isinstance(content, str):
        messages[-1]["content"] = content = [{"type": "text", "text": content}]
    for block in reversed(content):
        if block.get("type") in ("text", "tool_result", "image", "document", "tool_use"):
            block["cache_control"] = {"type": "ephemeral"}
            return

"""Stored messages -> a history the Messages API accepts."""

from __future__ import annotations

from artifacts_runtime.chat.history import (
    INTERRUPTED_REPLY,
    INTERRUPTED_TOOL,
    build_messages,
    mark_cache_breakpoint,
)
from artifacts_runtime.records import Message


def msg(role: str, content: list[dict], *, incomplete: bool = False, model: str | None = "m", seq: int = 0) -> Message:
    return Message(
        f"id{seq}", "c", seq, role, content, model if role == "assistant" else None, None, incomplete, 0, 0, 0.0
    )


def text(t: str) -> dict:
    return {"type": "text", "text": t}


def use(i: str) -> dict:
    return {"type": "tool_use", "id": i, "name": "artifacts", "input": {"command": "create"}}


def result(i: str) -> dict:
    return {"type": "tool_result", "tool_use_id": i, "content": "ok", "artifact_id": "a1", "version": 1}


def test_our_keys_are_stripped_and_pairs_kept() -> None:
    out = build_messages(
        [
            msg("user", [text("make it")]),
            msg("assistant", [text("sure"), use("t1")]),
            msg("user", [result("t1")]),
            msg("assistant", [text("done"), {"type": "artifact_ref", "artifact_id": "a1"}]),
            msg("user", [text("thanks")]),
        ],
        model="m",
    )
    assert [m["role"] for m in out] == ["user", "assistant", "user", "assistant", "user"]
    assert out[2]["content"] == [{"type": "tool_result", "tool_use_id": "t1", "content": "ok"}]
    assert out[3]["content"] == [text("done")]


def test_unanswered_tool_use_gets_an_error_result_and_users_merge() -> None:
    out = build_messages(
        [
            msg("user", [text("make it")]),
            msg("assistant", [text("sure"), use("t1")], incomplete=True),
            msg("user", [text("again please")]),
        ],
        model="m",
    )
    assert [m["role"] for m in out] == ["user", "assistant", "user"]
    first = out[2]["content"][0]
    assert first["type"] == "tool_result" and first["tool_use_id"] == "t1" and first["is_error"]
    assert first["content"] == INTERRUPTED_TOOL
    assert out[2]["content"][1] == text("again please")


def test_interrupted_text_reply_is_marked_and_empty_blocks_dropped() -> None:
    out = build_messages(
        [
            msg("user", [text("hi")]),
            msg("assistant", [text("Hel")], incomplete=True),
            msg("assistant", [text("")]),
            msg("user", [text("go on")]),
        ],
        model="m",
    )
    assert out[1]["content"] == [text("Hel"), text(INTERRUPTED_REPLY)]
    assert len(out) == 3


def test_thinking_only_back_to_its_model_and_when_signed() -> None:
    thinking = {"type": "thinking", "thinking": "hmm", "signature": "sig"}
    unsigned = {"type": "thinking", "thinking": "cut", "signature": ""}
    stored = [msg("user", [text("q")]), msg("assistant", [thinking, unsigned, text("a")]), msg("user", [text("q2")])]
    assert build_messages(stored, model="m")[1]["content"] == [thinking, text("a")]
    assert build_messages(stored, model="other")[1]["content"] == [text("a")]


def test_orphan_results_and_leading_assistant_dropped() -> None:
    out = build_messages(
        [
            msg("assistant", [text("stray")]),
            msg("user", [result("zz"), text("hello")]),
        ],
        model="m",
    )
    assert out == [{"role": "user", "content": [text("hello")]}]


def test_cache_breakpoint_on_last_block() -> None:
    messages = [{"role": "user", "content": "plain"}]
    mark_cache_breakpoint(messages)
    assert messages[0]["content"] == [{"type": "text", "text": "plain", "cache_control": {"type": "ephemeral"}}]

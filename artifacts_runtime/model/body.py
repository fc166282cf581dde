"""What a Messages request body from an artifact may hold: an allowlist, checked all the way down.

A page's body goes out with the user's key, and some parts of the Messages API make the
provider fetch on the page's behalf: an ``image``/``document`` whose source is a URL (the URL
can carry the page's data), server tools (web search, web fetch, code execution …), MCP
servers, file ids (the account's uploaded files). None of that needs a live-data grant, so
none of it is allowed: the page fetches through its grant (``fetch()``) and passes base64.

The check is an allowlist of block types, source types and keys — anything not known to be
inert is refused, with a :class:`BodyRefused` naming where it is (``messages[2].content[0]``)
and what to do. Top-level parameters that are not Messages parameters are dropped, as before
(``stream``, ``api_key`` …); ``mcp_servers`` is refused, it is not supported yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ModelError

#: The Messages API parameters an artifact may send; anything else at the top is dropped.
MESSAGES_PARAMS = frozenset(
    {
        "model",
        "messages",
        "max_tokens",
        "system",
        "temperature",
        "top_p",
        "top_k",
        "stop_sequences",
        "tools",
        "tool_choice",
        "thinking",
        "metadata",
    }
)
#: Top-level parameters that are refused rather than dropped: dropping them would change what
#: the call means without a word.
REFUSED_PARAMS = {
    "mcp_servers": "MCP servers are not supported yet for calls from artifacts; remove 'mcp_servers' "
    "(fetch the data in the page through a live-data grant and pass it in a message)",
    "container": "code execution containers are not available to artifacts; remove 'container'",
}
FETCH_HINT = "fetch it in the page with fetch() (the user grants the origin) and pass it as base64"
SERVER_TOOL_HINT = (
    "server tools make the provider fetch or run code for the page, without a grant; define a "
    "client tool (name, description, input_schema), answer its tool_use in the page with a "
    "tool_result, and fetch data through a live-data grant"
)

_CACHE_CONTROL = "cache_control"
#: Keys each content block type may carry (besides ``type``), by where the block is.
TEXT_KEYS = frozenset({"text", _CACHE_CONTROL, "citations"})
IMAGE_KEYS = frozenset({"source", _CACHE_CONTROL})
DOCUMENT_KEYS = frozenset({"source", _CACHE_CONTROL, "title", "context", "citations"})
TOOL_USE_KEYS = frozenset({"id", "name", "input", _CACHE_CONTROL})
TOOL_RESULT_KEYS = frozenset({"tool_use_id", "content", "is_error", _CACHE_CONTROL})
THINKING_KEYS = frozenset({"thinking", "signature"})
REDACTED_THINKING_KEYS = frozenset({"data"})
CLIENT_TOOL_KEYS = frozenset({"type", "name", "description", "input_schema", _CACHE_CONTROL, "strict"})
#: Citations a request may quote back: locations in the request's own documents.
CITATION_TYPES = frozenset({"char_location", "page_location", "content_block_location"})


class BodyRefused(ModelError):
    """A body from an artifact holds something it may not send; says where, what, what to do."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}", status=400, error_type="invalid_request_error")
        self.where = where


def _type_name(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def _object(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise BodyRefused(where, f"must be an object, not {_type_name(value)}")
    return value


def _keys(block: Mapping[str, Any], allowed: frozenset[str], where: str, what: str) -> None:
    for key in block:
        if key != "type" and key not in allowed:
            raise BodyRefused(
                where, f"key {str(key)[:40]!r} is not allowed in {what} (allowed: {', '.join(sorted(allowed))})"
            )


def _string(value: object, where: str) -> None:
    if not isinstance(value, str):
        raise BodyRefused(where, f"must be a string, not {_type_name(value)}")


def _number(value: object, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BodyRefused(where, f"must be a number, not {_type_name(value)}")


def _cache_control(block: Mapping[str, Any], where: str) -> None:
    if _CACHE_CONTROL not in block or block[_CACHE_CONTROL] is None:
        return
    cc = _object(block[_CACHE_CONTROL], f"{where}.cache_control")
    if cc.get("type") != "ephemeral":
        raise BodyRefused(f"{where}.cache_control", "type must be 'ephemeral'")
    _keys(cc, frozenset({"ttl"}), f"{where}.cache_control", "cache_control")
    if "ttl" in cc:
        _string(cc["ttl"], f"{where}.cache_control.ttl")


def _citations_list(value: object, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, list):
        raise BodyRefused(where, f"must be a list, not {_type_name(value)}")
    for i, c in enumerate(value):
        here = f"{where}[{i}]"
        citation = _object(c, here)
        kind = citation.get("type")
        if kind not in CITATION_TYPES:
            raise BodyRefused(
                here,
                f"citation type {str(kind)[:40]!r} is not allowed; only citations of the request's own "
                f"documents ({', '.join(sorted(CITATION_TYPES))})",
            )
        for key, v in citation.items():
            if v is not None and not isinstance(v, str | int | float):
                raise BodyRefused(f"{here}.{key}", "must be a string or a number")


def _text_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, TEXT_KEYS, where, "a text block")
    _string(block.get("text"), f"{where}.text")
    _cache_control(block, where)
    _citations_list(block.get("citations"), f"{where}.citations")


def _source(block: Mapping[str, Any], where: str, what: str) -> Mapping[str, Any]:
    source = _object(block.get("source"), f"{where}.source")
    kind = source.get("type")
    allowed = ("base64", "text", "content") if what == "document" else ("base64",)
    if kind not in allowed:
        only = ", ".join(repr(a) for a in allowed)
        if not isinstance(kind, str):
            raise BodyRefused(where, f"{what} source needs a type ({only})")
        raise BodyRefused(where, f"{what} source type {kind[:40]!r} is not allowed (only {only}): {FETCH_HINT}")
    return source


def _image_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, IMAGE_KEYS, where, "an image block")
    source = _source(block, where, "image")
    _keys(source, frozenset({"media_type", "data"}), f"{where}.source", "a base64 image source")
    _string(source.get("media_type"), f"{where}.source.media_type")
    _string(source.get("data"), f"{where}.source.data")
    _cache_control(block, where)


def _document_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, DOCUMENT_KEYS, where, "a document block")
    source = _source(block, where, "document")
    here = f"{where}.source"
    if source.get("type") == "content":
        _keys(source, frozenset({"content"}), here, "a content document source")
        content = source.get("content")
        if isinstance(content, str):
            pass
        elif isinstance(content, list):
            for i, b in enumerate(content):
                _block(b, f"{here}.content[{i}]", ("text", "image"))
        else:
            raise BodyRefused(f"{here}.content", "must be a string or a list of text and image blocks")
    else:
        _keys(source, frozenset({"media_type", "data"}), here, f"a {source.get('type')} document source")
        _string(source.get("media_type"), f"{here}.media_type")
        _string(source.get("data"), f"{here}.data")
    for key in ("title", "context"):
        if block.get(key) is not None:
            _string(block[key], f"{where}.{key}")
    if block.get("citations") is not None:
        citations = _object(block["citations"], f"{where}.citations")
        _keys(citations, frozenset({"enabled"}), f"{where}.citations", "document citations")
    _cache_control(block, where)


def _tool_use_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, TOOL_USE_KEYS, where, "a tool_use block")
    _string(block.get("id"), f"{where}.id")
    _string(block.get("name"), f"{where}.name")
    _object(block.get("input"), f"{where}.input")  # the model's own arguments, sent back as data
    _cache_control(block, where)


def _tool_result_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, TOOL_RESULT_KEYS, where, "a tool_result block")
    _string(block.get("tool_use_id"), f"{where}.tool_use_id")
    content = block.get("content")
    if isinstance(content, list):
        for i, b in enumerate(content):
            _block(b, f"{where}.content[{i}]", ("text", "image", "document"))
    elif content is not None and not isinstance(content, str):
        raise BodyRefused(f"{where}.content", "must be a string or a list of text, image and document blocks")
    if block.get("is_error") is not None and not isinstance(block["is_error"], bool):
        raise BodyRefused(f"{where}.is_error", "must be a boolean")
    _cache_control(block, where)


def _thinking_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, THINKING_KEYS, where, "a thinking block")
    _string(block.get("thinking"), f"{where}.thinking")
    _string(block.get("signature"), f"{where}.signature")


def _redacted_thinking_block(block: Mapping[str, Any], where: str) -> None:
    _keys(block, REDACTED_THINKING_KEYS, where, "a redacted_thinking block")
    _string(block.get("data"), f"{where}.data")


_BLOCKS = {
    "text": _text_block,
    "image": _image_block,
    "document": _document_block,
    "tool_use": _tool_use_block,
    "tool_result": _tool_result_block,
    "thinking": _thinking_block,
    "redacted_thinking": _redacted_thinking_block,
}
MESSAGE_BLOCKS = tuple(_BLOCKS)


def _block(value: object, where: str, allowed: tuple[str, ...]) -> None:
    block = _object(value, where)
    kind = block.get("type")
    if kind not in allowed:
        shown = str(kind)[:40] if kind is not None else None
        why = (
            f"block type {shown!r} is not allowed here (allowed: {', '.join(allowed)})"
            if shown is not None
            else f"a content block needs a type ({', '.join(allowed)})"
        )
        if isinstance(kind, str) and ("server_tool" in kind or kind.endswith("_tool_result") or "mcp" in kind):
            why += f"; {SERVER_TOOL_HINT}"
        raise BodyRefused(where, why)
    _BLOCKS[str(kind)](block, where)


def _messages(value: object) -> None:
    if not isinstance(value, list) or not value:
        raise BodyRefused("messages", "the request needs a non-empty 'messages' list")
    for i, m in enumerate(value):
        where = f"messages[{i}]"
        message = _object(m, where)
        if message.get("role") not in ("user", "assistant"):
            raise BodyRefused(where, f"role must be 'user' or 'assistant', not {str(message.get('role'))[:40]!r}")
        _keys(message, frozenset({"role", "content"}), where, "a message")
        if "type" in message:
            raise BodyRefused(where, "key 'type' is not allowed in a message")
        content = message.get("content")
        if isinstance(content, str):
            continue
        if not isinstance(content, list):
            raise BodyRefused(f"{where}.content", "must be a string or a list of content blocks")
        for j, b in enumerate(content):
            _block(b, f"{where}.content[{j}]", MESSAGE_BLOCKS)


def _system(value: object) -> None:
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        raise BodyRefused("system", "must be a string or a list of text blocks")
    for i, b in enumerate(value):
        block = _object(b, f"system[{i}]")
        if block.get("type") != "text":
            raise BodyRefused(
                f"system[{i}]",
                f"system holds text blocks only, not {str(block.get('type'))[:40]!r}; put images and "
                "documents in a user message (as base64)",
            )
        _text_block(block, f"system[{i}]")


def _tools(value: object) -> None:
    if not isinstance(value, list):
        raise BodyRefused("tools", "must be a list of tools")
    for i, t in enumerate(value):
        where = f"tools[{i}]"
        tool = _object(t, where)
        kind = tool.get("type")
        if kind not in (None, "custom"):
            raise BodyRefused(
                where, f"tool type {str(kind)[:40]!r} is a server tool and is not allowed: {SERVER_TOOL_HINT}"
            )
        _keys(tool, CLIENT_TOOL_KEYS, where, "a client tool")
        _string(tool.get("name"), f"{where}.name")
        if tool.get("description") is not None:
            _string(tool["description"], f"{where}.description")
        _object(tool.get("input_schema"), f"{where}.input_schema")
        if tool.get("strict") is not None and not isinstance(tool["strict"], bool):
            raise BodyRefused(f"{where}.strict", "must be a boolean")
        _cache_control(tool, where)


def _tool_choice(value: object) -> None:
    choice = _object(value, "tool_choice")
    if choice.get("type") not in ("auto", "any", "tool", "none"):
        raise BodyRefused("tool_choice", "type must be 'auto', 'any', 'tool' or 'none'")
    _keys(choice, frozenset({"name", "disable_parallel_tool_use"}), "tool_choice", "tool_choice")


def _thinking(value: object) -> None:
    thinking = _object(value, "thinking")
    if thinking.get("type") not in ("enabled", "disabled", "adaptive"):
        raise BodyRefused("thinking", "type must be 'enabled', 'disabled' or 'adaptive'")
    _keys(thinking, frozenset({"budget_tokens"}), "thinking", "thinking")


def _metadata(value: object) -> None:
    metadata = _object(value, "metadata")
    _keys(metadata, frozenset({"user_id"}), "metadata", "metadata")


def _stop_sequences(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise BodyRefused("stop_sequences", "must be a list of strings")


_PARAMS = {
    "system": _system,
    "tools": _tools,
    "tool_choice": _tool_choice,
    "thinking": _thinking,
    "metadata": _metadata,
    "stop_sequences": _stop_sequences,
}


def check_body(body: Mapping[str, Any]) -> dict[str, Any]:
    """The Messages parameters of ``body``, checked all the way down; raises :class:`BodyRefused`.

    Returns a new dict (the parameters kept); nested values are the page's own, unchanged."""
    for name, why in REFUSED_PARAMS.items():
        if name in body:
            raise BodyRefused(name, why)
    params = {k: v for k, v in body.items() if k in MESSAGES_PARAMS}
    _messages(params.get("messages"))
    for name, check in _PARAMS.items():
        if params.get(name) is not None:
            check(params[name])
    for name in ("temperature", "top_p", "top_k"):
        if params.get(name) is not None:
            _number(params[name], name)
    return params

"""The artifacts tool applied to the store (no model involved)."""

from __future__ import annotations

from artifacts_runtime import kinds
from artifacts_runtime.chat.tool import Catalog, apply, find_once, tool_definition

PAGE = "<h1>Title</h1>\n<p>one</p>\n<p>two</p>\n<p>two</p>\n"


async def make(store, catalog, **fields):
    conversation = await store.create_conversation(title="t")
    data = {"command": "create", "id": "page", "type": "text/html", "title": "Page", "content": PAGE, **fields}
    outcome = await apply(store, catalog, data, conversation_id=conversation.id, message_id=None)
    return conversation, outcome


def test_definition_shape() -> None:
    tool = tool_definition()
    assert tool["name"] == "artifacts"
    props = tool["input_schema"]["properties"]
    assert list(props)[:5] == ["command", "id", "type", "title", "language"]  # metadata streams first
    assert props["command"]["enum"] == ["create", "update", "rewrite"]
    assert props["type"]["enum"] == list(kinds.TYPES)
    assert tool["cache_control"] == {"type": "ephemeral"}


async def test_create_links_the_conversation(store) -> None:
    catalog = Catalog()
    conversation, outcome = await make(store, catalog)
    assert outcome.ok and outcome.created and outcome.version == 1
    artifact = await store.get(outcome.artifact_id)
    assert artifact.title == "Page" and artifact.type == kinds.HTML
    assert artifact.conversation_id == conversation.id
    version = await store.version(artifact.id)
    assert version.source == "model" and version.content == PAGE
    assert catalog.lookup("page") == artifact.id
    assert catalog.lookup(artifact.id) == artifact.id  # the store id works too
    assert "page" in outcome.message and artifact.id in outcome.message


async def test_update_exactly_once(store) -> None:
    catalog = Catalog()
    conversation, created = await make(store, catalog)
    outcome = await apply(
        store,
        catalog,
        {"command": "update", "id": "page", "old_str": "<p>one</p>", "new_str": "<p>ONE</p>"},
        conversation_id=conversation.id,
        message_id=None,
    )
    assert outcome.ok and outcome.version == 2 and not outcome.created
    assert (await store.version(created.artifact_id)).content == PAGE.replace("one", "ONE")


async def test_update_not_found_says_why(store) -> None:
    catalog = Catalog()
    conversation, created = await make(store, catalog)
    outcome = await apply(
        store,
        catalog,
        {"command": "update", "id": "page", "old_str": "<p>three</p>", "new_str": "x"},
        conversation_id=conversation.id,
        message_id=None,
    )
    assert not outcome.ok
    assert "not found" in outcome.message and "exactly" in outcome.message
    assert len(await store.versions(created.artifact_id)) == 1


async def test_update_twice_says_why(store) -> None:
    catalog = Catalog()
    conversation, _created = await make(store, catalog)
    outcome = await apply(
        store,
        catalog,
        {"command": "update", "id": "page", "old_str": "<p>two</p>", "new_str": "x"},
        conversation_id=conversation.id,
        message_id=None,
    )
    assert not outcome.ok and "more than once" in outcome.message
    block = outcome.result_block("toolu_1")
    assert block["is_error"] is True and block["tool_use_id"] == "toolu_1"


def test_overlapping_matches_count() -> None:
    assert find_once("aaa", "aa") == (0, 2)
    assert find_once("abc", "b") == (1, 1)
    assert find_once("abc", "x") == (-1, 0)


async def test_rewrite_and_metadata(store) -> None:
    catalog = Catalog()
    conversation, created = await make(store, catalog)
    outcome = await apply(
        store,
        catalog,
        {"command": "rewrite", "id": "page", "title": "Renamed", "content": "# Now markdown", "type": "markdown"},
        conversation_id=conversation.id,
        message_id=None,
    )
    assert outcome.ok and outcome.version == 2
    artifact = await store.get(created.artifact_id)
    assert artifact.title == "Renamed" and artifact.type == kinds.MARKDOWN


async def test_create_with_a_known_id_is_a_new_version(store) -> None:
    catalog = Catalog()
    conversation, created = await make(store, catalog)
    again = await apply(
        store,
        catalog,
        {"command": "create", "id": "page", "content": "<p>v2</p>"},
        conversation_id=conversation.id,
        message_id=None,
    )
    assert again.ok and again.artifact_id == created.artifact_id and again.version == 2


async def test_mistakes_are_results_not_exceptions(store) -> None:
    catalog = Catalog()
    conversation = await store.create_conversation()
    cases = [
        ({"command": "delete", "id": "x"}, "unknown command"),
        ({"command": "create", "id": "x", "type": "video/mp4", "content": "x"}, "unknown type"),
        ({"command": "create", "id": "x"}, "needs content"),
        ({"command": "update", "id": "nope", "old_str": "a", "new_str": "b"}, "no artifact with id 'nope'"),
        ({"command": "rewrite", "id": "nope", "content": "a"}, "no artifact with id"),
    ]
    for data, expected in cases:
        outcome = await apply(store, catalog, data, conversation_id=conversation.id, message_id=None)
        assert not outcome.ok and expected in outcome.message, data


async def test_other_conversations_artifacts_are_out_of_reach(store) -> None:
    other = await store.create("<p>theirs</p>", type="html")
    conversation = await store.create_conversation()
    outcome = await apply(
        store,
        Catalog(),
        {"command": "rewrite", "id": other.id, "content": "mine"},
        conversation_id=conversation.id,
        message_id=None,
    )
    assert not outcome.ok
    assert (await store.version(other.id)).content == "<p>theirs</p>"


async def test_incomplete_create(store) -> None:
    conversation = await store.create_conversation()
    outcome = await apply(
        store,
        Catalog(),
        {"command": "create", "id": "x", "type": "html", "content": "<p>cut"},
        conversation_id=conversation.id,
        message_id=None,
        incomplete=True,
    )
    assert outcome.ok and outcome.incomplete
    assert (await store.version(outcome.artifact_id)).incomplete


def test_catalog_from_stored_blocks() -> None:
    blocks = [
        {
            "type": "tool_result",
            "tool_use_id": "t1",
            "content": "ok",
            "artifact_id": "aaaa1111",
            "version": 1,
            "identifier": "chart",
        },
        {"type": "artifact_ref", "identifier": "notes", "artifact_id": "bbbb2222", "version": 1},
        {"type": "text", "text": "hello"},
    ]
    catalog = Catalog.from_blocks(blocks, ["cccc3333"])
    assert catalog.lookup("chart") == "aaaa1111"
    assert catalog.lookup("notes") == "bbbb2222"
    assert catalog.lookup("cccc3333") == "cccc3333"
    assert catalog.lookup("other") is None

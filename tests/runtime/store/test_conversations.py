"""Conversations and their messages (store/conversations.py).

Every test uses a real library file in a temporary ARTIFACTS_HOME (the ``store`` fixture).
"""

from __future__ import annotations

import pytest

from artifacts_runtime.errors import InvalidInput, NotFound
from artifacts_runtime.store import Store

# ---------------------------------------------------------------------------- conversations


async def test_conversations_hold_messages_in_order(store: Store):
    conversation = await store.create_conversation(title="Ideas", model="claude-test")
    first = await store.add_message(conversation.id, "user", [{"type": "text", "text": "Make a game"}])
    second = await store.add_message(
        conversation.id,
        "assistant",
        [{"type": "text", "text": "Here it is"}],
        model="claude-test",
        stop_reason="end_turn",
        input_tokens=10,
        output_tokens=20,
    )
    assert (first.seq, second.seq) == (1, 2)
    messages = await store.messages(conversation.id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[1].text() == "Here it is"
    assert (messages[1].input_tokens, messages[1].output_tokens) == (10, 20)
    loaded = await store.conversation(conversation.id[:4])
    assert (loaded.title, loaded.message_count) == ("Ideas", 2)
    assert [c.id for c in await store.conversations()] == [conversation.id]


async def test_update_message_replaces_a_growing_reply(store: Store):
    conversation = await store.create_conversation()
    message = await store.add_message(conversation.id, "assistant", [{"type": "text", "text": "Hel"}], incomplete=True)
    await store.update_message(
        message.id,
        content=[{"type": "text", "text": "Hello, world"}],
        stop_reason="end_turn",
        output_tokens=3,
    )
    [saved] = await store.messages(conversation.id)
    assert saved.text() == "Hello, world"
    assert saved.incomplete is False
    assert (saved.stop_reason, saved.output_tokens) == ("end_turn", 3)


async def test_a_message_needs_a_real_role_and_conversation(store: Store):
    conversation = await store.create_conversation()
    with pytest.raises(InvalidInput, match="role"):
        await store.add_message(conversation.id, "system", [])
    with pytest.raises(NotFound):
        await store.add_message("nosuchconv", "user", [])


async def test_set_conversation_title(store: Store):
    conversation = await store.create_conversation()
    await store.set_conversation_title(conversation.id, "Renamed")
    assert (await store.conversation(conversation.id)).title == "Renamed"


async def test_an_artifact_links_to_the_message_and_conversation_that_made_it(store: Store):
    conversation = await store.create_conversation()
    message = await store.add_message(conversation.id, "assistant", [])
    artifact = await store.create("<p>x</p>", source="model", message_id=message.id, conversation_id=conversation.id)
    assert artifact.conversation_id == conversation.id
    assert (await store.version(artifact.id)).message_id == message.id

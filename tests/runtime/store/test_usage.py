"""Token usage per artifact and conversation (store/usage.py).

Every test uses a real library file in a temporary ARTIFACTS_HOME (the ``store`` fixture).
"""

from __future__ import annotations

from artifacts_runtime.store import Store

# ---------------------------------------------------------------------------- usage


async def test_usage_sums_tokens_per_artifact_per_conversation_and_overall(store: Store):
    conversation = await store.create_conversation()
    artifact = await store.create("x")
    await store.record_usage(
        kind="chat", model="m", input_tokens=100, output_tokens=10, conversation_id=conversation.id
    )
    await store.record_usage(
        kind="artifact", model="m", input_tokens=5, output_tokens=1, cache_read_tokens=7, artifact_id=artifact.id
    )
    await store.record_usage(
        kind="artifact", model="m", input_tokens=3, output_tokens=2, cache_write_tokens=4, artifact_id=artifact.id
    )

    per_artifact = await store.usage(artifact_id=artifact.id)
    assert (per_artifact.input_tokens, per_artifact.output_tokens, per_artifact.calls) == (8, 3, 2)
    assert (per_artifact.cache_read_tokens, per_artifact.cache_write_tokens) == (7, 4)
    per_conversation = await store.usage(conversation_id=conversation.id)
    assert (per_conversation.input_tokens, per_conversation.calls) == (100, 1)
    overall = await store.usage()
    assert (overall.input_tokens, overall.output_tokens, overall.calls) == (108, 13, 3)


async def test_usage_of_nothing_is_zero(store: Store):
    usage = await store.usage(artifact_id="zzzzzzzz")
    assert usage.to_json() == {
        "input_tokens": 0,
        "output_tokens": 0,
        "cache_read_tokens": 0,
        "cache_write_tokens": 0,
        "calls": 0,
    }

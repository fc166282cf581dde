"""Storage quotas under attack: the library's real SQLite file, and share visitors over real HTTP.

Who attacks: artifact code (the owner's own page, or a page a visitor opens from a published
link) and the visitors themselves. What they try: store tens of thousands of empty values under
long keys (the quota once counted value bytes only), flood a scope with keys, fill the storage
so that the owner's own writes fail, and change or delete the owner's shared keys through a
link. What must hold: keys and a per-row overhead count; a scope holds at most 10,000 keys;
visitors pay into their own pool and the owner's writes keep working; a read-only link refuses
every shared write with a clear error and the owner's values stay as they were.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from artifacts_runtime.assets import AssetCache
from artifacts_runtime.bridge import Bridge
from artifacts_runtime.errors import QuotaExceeded
from artifacts_runtime.events import EventHub
from artifacts_runtime.paths import Paths
from artifacts_runtime.server import ArtifactServer
from artifacts_runtime.store import Store, limits

KB = 1024
QUOTA = 64 * KB
LONG_KEY = 199  # the longest key allowed


def cost(key: str, value: str) -> int:
    return len(key.encode()) + len(value.encode()) + limits.ROW_OVERHEAD


@pytest.fixture
async def small(paths: Paths) -> AsyncIterator[Store]:
    s = await Store.open(paths.library, quota_bytes=QUOTA)
    yield s
    await s.close()


@pytest.fixture
async def artifact_id(small: Store) -> str:
    return (await small.create("<p>board</p>", title="Board", type="text/html")).id


@pytest.fixture
async def server(small: Store, paths: Paths) -> AsyncIterator[ArtifactServer]:
    events = EventHub()
    s = ArtifactServer(small, Bridge(small, events), events, AssetCache(root=paths.cache / "assets"), paths)
    await s.start()
    yield s
    await s.stop()
    await s.bridge.fetcher.aclose()


# ---------------------------------------------------------------------------- keys cost


async def test_empty_values_under_long_keys_count_against_the_quota(small: Store, artifact_id: str):
    """The reported attack: 40,000 keys of 199 characters with empty values were all stored."""
    stored = 0
    refused: QuotaExceeded | None = None
    for i in range(40_000):
        try:
            await small.state_set(artifact_id, f"{i:06d}".ljust(LONG_KEY, "k"), "")
        except QuotaExceeded as exc:
            refused = exc
            break
        stored += 1
    per_key = LONG_KEY + limits.ROW_OVERHEAD
    assert stored == QUOTA // per_key  # 219 keys, not 40,000
    assert refused is not None and "quota" in str(refused) and "its name" in str(refused)
    assert await small.state_usage(artifact_id) == stored * per_key <= QUOTA
    assert len(await small.state_keys(artifact_id)) == stored


async def test_a_scope_holds_at_most_10000_keys_whatever_the_quota(store: Store):
    """A 20 MB quota would still allow some 200,000 one-letter keys; the key cap stops that.
    The first 9,999 keys are written with plain SQL to keep the test fast; the rule is checked
    by the store's own writes."""
    assert limits.MAX_KEYS_PER_SCOPE == 10_000
    aid = (await store.create("x")).id
    conn = sqlite3.connect(store.path)
    conn.executemany(
        "INSERT INTO state (artifact_id, scope, owner, key, size, updated_at, value) VALUES (?, 'personal', '', ?, 0, 1, '')",
        [(aid, f"k{i}") for i in range(9_999)],
    )
    conn.commit()
    conn.close()
    await store.state_set(aid, "last", "")  # the 10,000th
    with pytest.raises(QuotaExceeded) as caught:
        await store.state_set(aid, "one-more", "")
    assert "10,000 keys" in str(caught.value) and "delete keys" in str(caught.value)
    assert await store.state_get(aid, "one-more") is None
    # an existing key may still change, the other scope and other people have their own caps
    await store.state_set(aid, "last", "changed")
    await store.state_set(aid, "one-more", "", shared=True)
    await store.state_set(aid, "one-more", "", owner="visitor:abc")
    # deleting a key makes room for a new one
    await store.state_delete(aid, "k0")
    await store.state_set(aid, "one-more", "")
    assert len(await store.state_keys(aid)) == 10_000


async def test_a_set_stays_fast_with_every_pool_at_its_key_cap(store: Store):
    """The quota check sums the caller's pool in one statement: with the owner's scopes and the
    visitors' pool all full, a write still takes milliseconds (a budget, not a benchmark)."""
    aid = (await store.create("x")).id
    conn = sqlite3.connect(store.path)
    for scope, owner_of, pool in (("personal", lambda i: "", "owner"), ("shared", lambda i: "", "owner")):
        conn.executemany(
            "INSERT INTO state (artifact_id, scope, owner, key, pool, size, updated_at, value)"
            " VALUES (?, ?, ?, ?, ?, 0, 1, '')",
            [(aid, scope, owner_of(i), f"k{i:05d}".ljust(LONG_KEY, "x"), pool) for i in range(9_999)],
        )
    conn.executemany(
        "INSERT INTO state (artifact_id, scope, owner, key, pool, size, updated_at, value)"
        " VALUES (?, 'personal', ?, 'k', 'visitors', 0, 1, '')",
        [(aid, f"visitor:{i:022d}") for i in range(9_999)],
    )
    conn.commit()
    conn.close()
    for owner, shared in (("", False), ("", True), ("visitor:someone", False)):
        started = time.perf_counter()
        for _ in range(20):
            await store.state_set(aid, "probe", "v" * 100, shared=shared, owner=owner)
        assert (time.perf_counter() - started) / 20 < 0.05


# ---------------------------------------------------------------------------- visitors


def browser(server: ArtifactServer) -> httpx.AsyncClient:
    """A browser of its own (a fresh cookie jar): a new visitor each time, as dropping cookies gives."""
    return httpx.AsyncClient(base_url=server.base_url, timeout=10, trust_env=False)


async def visitor_call(client: httpx.AsyncClient, token: str, method: str, **params) -> dict:
    response = await client.post(f"/s/{token}/call", json={"method": method, "params": params})
    return response.json()


async def test_a_read_only_link_lets_visitors_read_but_never_change_the_shared_keys(
    server: ArtifactServer, small: Store, artifact_id: str
):
    token = await small.publish(artifact_id)  # read-only is the default
    await small.state_set(artifact_id, "board", '["the owner\'s card"]', shared=True)
    async with browser(server) as client:
        await client.get(f"/s/{token}")
        read = await visitor_call(client, token, "storage.get", key="board", shared=True)
        assert read["result"]["value"] == '["the owner\'s card"]'
        assert (await visitor_call(client, token, "storage.list", shared=True))["result"]["keys"] == ["board"]
        for method, params in (
            ("storage.set", {"key": "board", "value": "[]", "shared": True}),
            ("storage.set", {"key": "new", "value": "x", "shared": 1}),
            ("storage.set", {"key": "new", "value": "x", "shared": "yes"}),
            ("storage.delete", {"key": "board", "shared": True}),
        ):
            reply = await visitor_call(client, token, method, **params)
            assert reply["ok"] is False and reply["error"]["code"] == "read_only", reply
            assert "read the shared values, not change them" in reply["error"]["message"]
        # their own personal values work as usual
        assert (await visitor_call(client, token, "storage.set", key="mine", value="v"))["ok"] is True
    assert (await small.state_get(artifact_id, "board", shared=True)).value == '["the owner\'s card"]'
    assert await small.state_keys(artifact_id, shared=True) == ["board"]


async def test_visitors_filling_storage_never_make_the_owners_writes_fail(
    server: ArtifactServer, small: Store, artifact_id: str
):
    """Fresh visitors (new cookie jars, as dropping cookies gives) write until their pool is
    full, into personal and shared keys; the owner's quota stays whole."""
    token = await small.publish(artifact_id, shared_state="read-write")
    await small.state_set(artifact_id, "mine", "x" * 1000)
    owner_before = await small.state_usage(artifact_id)
    chunk = "v" * (8 * KB)
    full: dict | None = None
    for n in range(40):
        async with browser(server) as client:
            await client.get(f"/s/{token}")
            reply = await visitor_call(client, token, "storage.set", key=f"k{n}", value=chunk, shared=n % 2 == 0)
        if not reply["ok"]:
            full = reply
            break
    assert full is not None and full["error"]["code"] == "quota_exceeded"
    assert "visitors of this shared link" in full["error"]["message"]
    visitors = await small.state_usage(artifact_id, owner="visitor:any")
    assert QUOTA - cost("k00", chunk) < visitors <= QUOTA
    assert await small.state_usage(artifact_id) == owner_before  # untouched by every visitor
    # the owner still has their whole quota, in both scopes
    room = QUOTA - owner_before
    await small.state_set(artifact_id, "more", "x" * (room // 2 - cost("more", "")))
    await small.state_set(artifact_id, "notes", "x" * (room // 2 - cost("notes", "")), shared=True)
    assert await small.state_usage(artifact_id) <= QUOTA


async def test_a_visitor_overwriting_a_shared_key_moves_its_cost_to_the_visitors_pool(
    server: ArtifactServer, small: Store, artifact_id: str
):
    token = await small.publish(artifact_id, shared_state="read-write")
    await small.state_set(artifact_id, "board", "x" * 5000, shared=True)
    owner_before = await small.state_usage(artifact_id)
    async with browser(server) as client:
        await client.get(f"/s/{token}")
        assert (await visitor_call(client, token, "storage.set", key="board", value="[1]", shared=True))["ok"]
    assert await small.state_usage(artifact_id) == owner_before - cost("board", "x" * 5000)
    assert await small.state_usage(artifact_id, owner="visitor:any") == cost("board", "[1]")
    # the owner writing it again makes it the owner's
    await small.state_set(artifact_id, "board", "[1,2]", shared=True)
    assert await small.state_usage(artifact_id, owner="visitor:any") == 0


async def test_all_visitors_together_hold_at_most_their_key_cap(
    server: ArtifactServer, small: Store, artifact_id: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(limits, "MAX_VISITOR_KEYS", 12)
    token = await small.publish(artifact_id, shared_state="read-write")
    replies = []
    for n in range(8):
        async with browser(server) as client:
            await client.get(f"/s/{token}")
            for k in range(2):
                key = f"k{n}-{k}"
                replies.append(await visitor_call(client, token, "storage.set", key=key, value="", shared=k == 1))
    assert sum(r["ok"] for r in replies) == 12  # of 16 keys (8 personal, 8 shared) the first 12 fit
    refused = [r for r in replies if not r["ok"]]
    assert refused and all("keys together" in r["error"]["message"] for r in refused)
    assert await small.state_usage(artifact_id) == 0

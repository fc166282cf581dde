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

"""An artifact's stored state, with the semantics of claude.ai's ``window.storage``.

Keys: shorter than 200 characters, no whitespace, slashes or quotes. Values: strings of at most
5 MB. A total quota per artifact (20 MB by default, configurable), counting each key's value, its
name and a per-row overhead (tests/hostile/test_storage_quota.py has the attacks on it: empty
values under long keys, key floods, visitors). Personal and shared scopes.
Last write wins. Every broken rule raises its own error type, whose message names the limit,
and leaves the stored state exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from artifacts_runtime.errors import (
    InvalidKey,
    InvalidValue,
    NotFound,
    QuotaExceeded,
    StorageError,
    ValueTooLarge,
)
from artifacts_runtime.paths import Paths
from artifacts_runtime.store import Store
from artifacts_runtime.store.limits import MAX_KEY_LENGTH, MAX_VALUE_BYTES, ROW_OVERHEAD

MB = 1024 * 1024


@pytest.fixture
async def artifact_id(store: Store) -> str:
    return (await store.create("<p>counter</p>", title="Counter")).id


async def _everything(store: Store, artifact_id: str) -> list[tuple]:
    """The whole stored state of an artifact, to show that a failed write changed nothing."""
    out = []
    for shared in (False, True):
        for e in await store.state_entries(artifact_id, shared=shared):
            out.append((e.scope, e.key, e.value, e.size))
    return out


# ---------------------------------------------------------------------------- get, set, delete, keys


async def test_set_then_get_returns_the_value_with_its_size(store: Store, artifact_id: str):
    written = await store.state_set(artifact_id, "score", '{"best": 42}')
    assert (written.key, written.value, written.scope, written.size) == ("score", '{"best": 42}', "personal", 12)
    read = await store.state_get(artifact_id, "score")
    assert read is not None
    assert (read.value, read.size, read.shared) == ('{"best": 42}', 12, False)


async def test_get_of_a_missing_key_is_none(store: Store, artifact_id: str):
    assert await store.state_get(artifact_id, "nothing") is None


async def test_delete_removes_a_key_and_reports_whether_it_existed(store: Store, artifact_id: str):
    await store.state_set(artifact_id, "k", "v")
    assert await store.state_delete(artifact_id, "k") is True
    assert await store.state_get(artifact_id, "k") is None
    assert await store.state_delete(artifact_id, "k") is False


async def test_keys_are_listed_in_order_and_filtered_by_prefix(store: Store, artifact_id: str):
    for key in ("todo:2", "todo:1", "settings", "todo:10", "tod"):
        await store.state_set(artifact_id, key, "x")
    assert await store.state_keys(artifact_id) == ["settings", "tod", "todo:1", "todo:10", "todo:2"]
    assert await store.state_keys(artifact_id, "todo:") == ["todo:1", "todo:10", "todo:2"]
    assert await store.state_keys(artifact_id, "todo:1") == ["todo:1", "todo:10"]
    assert await store.state_keys(artifact_id, "zzz") == []


async def test_a_prefix_is_matched_literally_not_as_a_pattern(store: Store, artifact_id: str):
    for key in ("a%b", "axb", "a_c", "abc"):
        await store.state_set(artifact_id, key, "x")
    assert await store.state_keys(artifact_id, "a%") == ["a%b"]
    assert await store.state_keys(artifact_id, "a_") == ["a_c"]


async def test_the_last_write_wins(store: Store, artifact_id: str):
    await store.state_set(artifact_id, "k", "first")
    await store.state_set(artifact_id, "k", "second, longer")
    entry = await store.state_get(artifact_id, "k")
    assert (entry.value, entry.size) == ("second, longer", 14)
    assert await store.state_keys(artifact_id) == ["k"]


async def test_the_empty_string_is_a_value(store: Store, artifact_id: str):
    await store.state_set(artifact_id, "k", "")
    assert (await store.state_get(artifact_id, "k")).value == ""


async def test_values_keep_unicode_exactly_and_size_counts_utf8_bytes(store: Store, artifact_id: str):
    value = "naïve ☃ 日本 🎉 \x00 end"
    written = await store.state_set(artifact_id, "k", value)
    assert written.size == len(value.encode())
    assert (await store.state_get(artifact_id, "k")).value == value


# ---------------------------------------------------------------------------- scopes and owners


async def test_personal_and_shared_scopes_are_separate(store: Store, artifact_id: str):
    await store.state_set(artifact_id, "k", "mine")
    await store.state_set(artifact_id, "k", "everyone's", shared=True)
    assert (await store.state_get(artifact_id, "k")).value == "mine"
    shared = await store.state_get(artifact_id, "k", shared=True)
    assert (shared.value, shared.scope, shared.shared) == ("everyone's", "shared", True)

    await store.state_delete(artifact_id, "k", shared=True)
    assert (await store.state_get(artifact_id, "k")).value == "mine"
    assert await store.state_keys(artifact_id, shared=True) == []


async def test_owners_have_separate_personal_state(store: Store, artifact_id: str):
    await store.state_set(artifact_id, "k", "library user")
    await store.state_set(artifact_id, "k", "visitor", owner="visitor-1")
    assert (await store.state_get(artifact_id, "k")).value == "library user"
    assert (await store.state_get(artifact_id, "k", owner="visitor-1")).value == "visitor"
    assert await store.state_get(artifact_id, "k", owner="visitor-2") is None
    assert await store.state_keys(artifact_id, owner="visitor-1") == ["k"]


async def test_artifacts_have_separate_state(store: Store, artifact_id: str):
    other = (await store.create("x")).id
    await store.state_set(artifact_id, "k", "one")
    assert await store.state_get(other, "k") is None
    assert await store.state_keys(other) == []


# ---------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "key", ["a", "x" * (MAX_KEY_LENGTH - 1), "todo:1", "a.b-c_d", "ключ", "日本", "🎉", "a%b", "[x]"]
)
async def test_these_keys_are_accepted(store: Store, artifact_id: str, key: str):
    await store.state_set(artifact_id, key, "v")
    assert (await store.state_get(artifact_id, key)).value == "v"


@pytest.mark.parametrize(
    "key, named",
    [
        ("", "must not be empty"),
        ("x" * MAX_KEY_LENGTH, "shorter than 200"),
        ("x" * 1000, "shorter than 200"),
        ("a b", "whitespace, slashes or quotes"),
        ("a\tb", "whitespace, slashes or quotes"),
        ("a\nb", "whitespace, slashes or quotes"),
        ("a\u00a0b", "whitespace, slashes or quotes"),
        ("a/b", "whitespace, slashes or quotes"),
        ("a\\b", "whitespace, slashes or quotes"),
        ("it's", "whitespace, slashes or quotes"),
        ('say"hi"', "whitespace, slashes or quotes"),
        ("a\x00b", "whitespace, slashes or quotes"),
        ("a\ud800b", "lone surrogate (U+D800 at character 1)"),
        ("\udcff", "well-formed Unicode"),  # what a non-UTF-8 byte in a command-line argument becomes
    ],
    ids=repr,
)
async def test_a_key_breaking_a_rule_raises_invalid_key_naming_the_rule(
    store: Store, artifact_id: str, key: str, named: str
):
    for call in (
        lambda: store.state_set(artifact_id, key, "v"),
        lambda: store.state_get(artifact_id, key),
        lambda: store.state_delete(artifact_id, key),
    ):
        with pytest.raises(InvalidKey) as caught:
            await call()
        assert named in str(caught.value)
        assert caught.value.code == "invalid_key"
    assert await _everything(store, artifact_id) == []


async def test_a_key_that_is_not_a_string_is_an_invalid_key(store: Store, artifact_id: str):
    with pytest.raises(InvalidKey, match="must be strings, not int"):
        await store.state_set(artifact_id, 7, "v")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- values


@pytest.mark.parametrize("value", [None, 42, 1.5, True, b"bytes", ["a"], {"a": 1}], ids=repr)
async def test_a_value_that_is_not_a_string_raises_invalid_value(store: Store, artifact_id: str, value):
    with pytest.raises(InvalidValue) as caught:
        await store.state_set(artifact_id, "k", value)  # type: ignore[arg-type]
    assert "must be strings" in str(caught.value)
    assert "JSON.stringify" in str(caught.value)
    assert caught.value.code == "invalid_value"
    assert await store.state_get(artifact_id, "k") is None


@pytest.mark.parametrize("value", ["\ud800", "ok \udfff", "\ud83d alone", "x" * 1000 + "\udcff"], ids=repr)
async def test_a_value_with_a_lone_surrogate_raises_invalid_value_and_stores_nothing(
    store: Store, artifact_id: str, value: str
):
    """SQLite stores UTF-8, which cannot carry half a surrogate pair: refused with a reason,
    instead of an encoding error from deep inside the driver."""
    await store.state_set(artifact_id, "k", "old")
    with pytest.raises(InvalidValue, match="lone surrogate") as caught:
        await store.state_set(artifact_id, "k", value)
    assert caught.value.code == "invalid_value"
    assert (await store.state_get(artifact_id, "k")).value == "old"


async def test_a_value_of_exactly_5_mb_is_accepted(store: Store, artifact_id: str):
    entry = await store.state_set(artifact_id, "big", "a" * MAX_VALUE_BYTES)
    assert entry.size == 5 * MB
    assert len((await store.state_get(artifact_id, "big")).value) == 5 * MB


async def test_a_value_one_byte_over_5_mb_raises_value_too_large(store: Store, artifact_id: str):
    await store.state_set(artifact_id, "big", "old")
    with pytest.raises(ValueTooLarge) as caught:
        await store.state_set(artifact_id, "big", "a" * (MAX_VALUE_BYTES + 1))
    assert "5 MB" in str(caught.value)
    assert "5,242,881 bytes" in str(caught.value)
    assert caught.value.code == "value_too_large"
    assert (await store.state_get(artifact_id, "big")).value == "old"


async def test_the_value_limit_counts_utf8_bytes_not_characters(store: Store, artifact_id: str):
    two_byte = "é" * (MAX_VALUE_BYTES // 2)  # exactly 5 MB in UTF-8
    await store.state_set(artifact_id, "k", two_byte)
    with pytest.raises(ValueTooLarge):
        await store.state_set(artifact_id, "k", two_byte + "a")


# ---------------------------------------------------------------------------- quota


QUOTA = 400  # the small library's quota, in bytes


def cost(key: str, value: str) -> int:
    """What one key counts against a quota: its value, its name and the per-row overhead."""
    return len(value.encode()) + len(key.encode()) + ROW_OVERHEAD


@pytest.fixture
async def small_store(paths: Paths):
    """A library whose per-artifact quota is 400 bytes."""
    s = await Store.open(paths.library, quota_bytes=QUOTA)
    yield s
    await s.close()


async def test_the_default_quota_is_20_mb(store: Store):
    assert store.default_quota == 20 * MB


async def test_writes_within_the_quota_succeed_up_to_exactly_the_quota(small_store: Store):
    aid = (await small_store.create("x")).id
    await small_store.state_set(aid, "a", "x" * 100)
    rest = QUOTA - cost("a", "x" * 100) - cost("b", "")
    await small_store.state_set(aid, "b", "x" * rest)
    assert await small_store.state_usage(aid) == QUOTA


async def test_a_write_that_would_pass_the_quota_raises_quota_exceeded_naming_the_limit(
    small_store: Store,
):
    aid = (await small_store.create("x")).id
    await small_store.state_set(aid, "a", "x" * 100)  # costs 201 B
    before = await _everything(small_store, aid)
    with pytest.raises(QuotaExceeded) as caught:
        await small_store.state_set(aid, "b", "x" * 99)  # would cost 200 B: 401 > 400
    message = str(caught.value)
    assert "quota" in message
    assert "400 B" in message  # the limit
    assert "201 B" in message  # what is already used
    assert "200 B" in message  # what did not fit
    assert "quota_mb" in message  # what to do
    assert caught.value.code == "quota_exceeded"
    assert await _everything(small_store, aid) == before


async def test_overwriting_a_key_counts_only_its_new_size(small_store: Store):
    aid = (await small_store.create("x")).id
    full = "y" * (QUOTA - cost("a", ""))
    await small_store.state_set(aid, "a", "x" * 250)
    await small_store.state_set(aid, "a", full)  # old + new > quota, but the old value goes
    assert await small_store.state_usage(aid) == QUOTA
    with pytest.raises(QuotaExceeded):
        await small_store.state_set(aid, "a", full + "z")
    assert (await small_store.state_get(aid, "a")).value == full


async def test_the_quota_counts_both_scopes_together(small_store: Store):
    aid = (await small_store.create("x")).id
    await small_store.state_set(aid, "k", "x" * 150)
    rest = QUOTA - cost("k", "x" * 150) - cost("k", "")
    with pytest.raises(QuotaExceeded):
        await small_store.state_set(aid, "k", "x" * (rest + 1), shared=True)
    await small_store.state_set(aid, "k", "x" * rest, shared=True)
    assert await small_store.state_usage(aid) == QUOTA


async def test_the_quota_is_per_artifact(small_store: Store):
    first = (await small_store.create("x")).id
    second = (await small_store.create("y")).id
    full = "x" * (QUOTA - cost("k", ""))
    await small_store.state_set(first, "k", full)
    await small_store.state_set(second, "k", full)
    assert await small_store.state_usage(second) == QUOTA


async def test_deleting_keys_frees_quota(small_store: Store):
    aid = (await small_store.create("x")).id
    full = "x" * (QUOTA - cost("a", ""))
    await small_store.state_set(aid, "a", full)
    await small_store.state_delete(aid, "a")
    await small_store.state_set(aid, "b", full)
    assert await small_store.state_keys(aid) == ["b"]


# ---------------------------------------------------------------------------- unknown artifacts, errors


async def test_a_set_on_an_unknown_artifact_raises_not_found_and_writes_nothing(store: Store):
    with pytest.raises(NotFound, match="zzzzzzzz"):
        await store.state_set("zzzzzzzz", "k", "v")
    assert await store.state_keys("zzzzzzzz") == []


async def test_every_storage_error_is_a_storage_error_with_a_stable_code():
    codes = {cls.code for cls in (InvalidKey, InvalidValue, ValueTooLarge, QuotaExceeded)}
    assert codes == {"invalid_key", "invalid_value", "value_too_large", "quota_exceeded"}
    for cls in (InvalidKey, InvalidValue, ValueTooLarge, QuotaExceeded):
        assert issubclass(cls, StorageError)


async def test_state_is_kept_after_the_library_is_closed_and_opened_again(paths: Paths):
    store = await Store.open(paths.library)
    aid = (await store.create("x")).id
    await store.state_set(aid, "k", "persisted", shared=True)
    await store.close()
    again = await Store.open(Path(paths.library))
    try:
        assert (await again.state_get(aid, "k", shared=True)).value == "persisted"
    finally:
        await again.close()

"""A well-formed archive with bad contents: the manifest, the versions, the state and the files
are each checked, and a refusal says which field and why, writing nothing."""

from __future__ import annotations

from typing import Any

import pytest

from artifacts_runtime.bundles import import_bundle
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.store import Store
from artifacts_runtime.store.limits import MAX_VALUE_BYTES
from tests.runtime.bundles.support import (
    build,
    members,
    rebuild,
    refused,
    rows,
    sha,
    with_state,
)

# ---------------------------------------------------------------------------- the manifest


async def test_not_a_zip_is_refused(store: Store):
    await refused(store, b"hello, I am not a zip file", "not a bundle")


async def test_an_empty_file_is_refused(store: Store):
    await refused(store, b"", "not a bundle")


@pytest.mark.parametrize("keep", [0.9, 0.5, 0.1])
async def test_a_truncated_zip_is_refused(store: Store, bundle: bytes, keep: float):
    await refused(store, bundle[: int(len(bundle) * keep)])


async def test_a_missing_manifest_is_refused(store: Store, bundle: bytes):
    m = members(bundle)
    del m["manifest.json"]
    await refused(store, build(m), "manifest.json is missing")


@pytest.mark.parametrize(
    "text", [b"{not json", b"\xff\xfe{}", b"", b"[]", b"null", b'"a string"', b"[" * 100_000 + b"]" * 100_000]
)
async def test_a_manifest_that_is_not_a_json_object_is_refused(store: Store, bundle: bytes, text: bytes):
    m = members(bundle)
    m["manifest.json"] = text
    await refused(store, build(m), "manifest")


@pytest.mark.parametrize("value", ["something-else", None, 1])
async def test_a_wrong_or_missing_format_is_refused(store: Store, bundle: bytes, value):
    def change(man, m):
        if value is None:
            del man["format"]
        else:
            man["format"] = value

    await refused(store, rebuild(bundle, change), "not a live-artifacts bundle")


async def test_a_newer_format_version_asks_for_an_upgrade(store: Store, bundle: bytes):
    error = await refused(store, rebuild(bundle, lambda man, m: man.update(format_version=2)), "upgrade", "newer")
    assert "format 2" in str(error)


@pytest.mark.parametrize("value", [0, -1, "1", 1.5, True, None])
async def test_an_invalid_format_version_is_refused(store: Store, bundle: bytes, value):
    await refused(store, rebuild(bundle, lambda man, m: man.update(format_version=value)), "format_version")


async def test_a_missing_version_file_is_refused(store: Store, bundle: bytes):
    await refused(store, rebuild(bundle, lambda man, m: m.pop("versions/2.txt")), "versions/2.txt", "missing")


async def test_a_checksum_mismatch_is_refused(store: Store, bundle: bytes):
    await refused(
        store,
        rebuild(bundle, lambda man, m: m.update({"versions/1.txt": b"<h1>Altered</h1>\n"})),
        "versions/1.txt",
        "checksum",
    )


async def test_a_file_checksum_mismatch_is_refused(store: Store, bundle: bytes):
    await refused(store, rebuild(bundle, lambda man, m: m.update({"files/0": b"changed"})), "files/0", "checksum")


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("type", "application/x-evil", ("unknown type",)),
        ("type", 7, ("type",)),
        ("source", "hacker", ("unknown source",)),
        ("number", "1", ("number",)),
        ("number", 0, ("number",)),
        ("title", None, ("title",)),
        ("created_at", "yesterday", ("created_at",)),
        ("created_at", float("nan"), ("created_at",)),
        ("created_at", 10**400, ("created_at",)),
        ("incomplete", "yes", ("incomplete",)),
        ("label", 5, ("label",)),
        ("sha256", None, ("sha256",)),
    ],
)
async def test_bad_version_fields_are_refused(store: Store, bundle: bytes, field: str, value: Any, words):
    def change(man, m):
        if value is None:
            del man["versions"][0][field]
        else:
            man["versions"][0][field] = value

    await refused(store, rebuild(bundle, change), *words)


async def test_repeated_version_numbers_are_refused(store: Store, bundle: bytes):
    await refused(store, rebuild(bundle, lambda man, m: man["versions"].append(dict(man["versions"][0]))), "repeated")


@pytest.mark.parametrize("versions", [[], None, "all", [1]])
async def test_a_bundle_without_valid_versions_is_refused(store: Store, bundle: bytes, versions):
    await refused(store, rebuild(bundle, lambda man, m: man.update(versions=versions)), "version")


async def test_a_non_utf8_version_is_refused(store: Store, bundle: bytes):
    raw = b"<p>\xff\xfe caf\xe9</p>"

    def change(man, m):
        m["versions/1.txt"] = raw
        man["versions"][0]["sha256"] = sha(raw)

    await refused(store, rebuild(bundle, change), "versions/1.txt", "UTF-8")


async def test_a_bad_artifact_section_is_refused(store: Store, bundle: bytes):
    await refused(store, rebuild(bundle, lambda man, m: man.update(artifact="nope")), "artifact")
    await refused(store, rebuild(bundle, lambda man, m: man["artifact"].update(title=["x"])), "title")
    await refused(store, rebuild(bundle, lambda man, m: man["artifact"].update(created_at=float("inf"))), "created_at")


# ---------------------------------------------------------------------------- state


@pytest.mark.parametrize(
    "entry, words",
    [
        ({"scope": "personal", "key": "has space", "value": "v", "updated_at": 1.0}, ("state[0]", "whitespace")),
        ({"scope": "personal", "key": "a/b", "value": "v", "updated_at": 1.0}, ("state[0]", "slashes")),
        ({"scope": "personal", "key": "k" * 300, "value": "v", "updated_at": 1.0}, ("state[0]", "300 characters")),
        ({"scope": "personal", "key": "", "value": "v", "updated_at": 1.0}, ("state[0]", "empty")),
        ({"scope": "personal", "key": "k", "value": 5, "updated_at": 1.0}, ("state[0]", "value")),
        ({"scope": "personal", "key": "k", "value": None, "updated_at": 1.0}, ("state[0]", "value")),
        ({"scope": "visitor", "key": "k", "value": "v", "updated_at": 1.0}, ("state[0]", "scope")),
        ({"scope": "personal", "key": "k", "value": "v"}, ("state[0]", "updated_at")),
        ({"scope": "personal", "key": "k", "value": "v", "updated_at": "now"}, ("state[0]", "updated_at")),
        ("not an object", ("state[0]",)),
    ],
)
async def test_invalid_state_entries_are_refused(store: Store, bundle: bytes, entry, words):
    await refused(store, rebuild(bundle, with_state([entry])), *words)


async def test_a_value_one_byte_over_5_mb_is_refused(store: Store, bundle: bytes):
    entry = {"scope": "shared", "key": "big", "value": "x" * (MAX_VALUE_BYTES + 1), "updated_at": 1.0}
    await refused(store, rebuild(bundle, with_state([entry])), "state[0]", "5 MB")


async def test_a_value_of_exactly_5_mb_is_accepted(store: Store, bundle: bytes):
    entry = {"scope": "shared", "key": "big", "value": "x" * MAX_VALUE_BYTES, "updated_at": 1.0}
    imported = await import_bundle(store, rebuild(bundle, with_state([entry])))
    assert len((await store.state_get(imported.id, "big", shared=True)).value) == MAX_VALUE_BYTES


async def test_the_same_key_twice_in_one_scope_is_refused(store: Store, bundle: bytes):
    entry = {"scope": "personal", "key": "k", "value": "v", "updated_at": 1.0}
    await refused(store, rebuild(bundle, with_state([entry, dict(entry, value="w")])), "twice")


async def test_the_same_key_in_both_scopes_is_fine(store: Store, bundle: bytes):
    entries = [{"scope": s, "key": "k", "value": s, "updated_at": 1.0} for s in ("personal", "shared")]
    imported = await import_bundle(store, rebuild(bundle, with_state(entries)))
    assert (await store.state_get(imported.id, "k", shared=True)).value == "shared"


async def test_state_beyond_the_quota_is_refused(store: Store, bundle: bytes):
    store.default_quota = 1000
    entries = [{"scope": "personal", "key": f"k{i}", "value": "x" * 400, "updated_at": 1.0} for i in range(3)]
    before = rows(store)
    with pytest.raises(ArtifactsError) as info:
        await import_bundle(store, rebuild(bundle, with_state(entries)))
    # The command to leave the state out is the CLI's hint, not part of the core's message.
    assert "quota" in str(info.value) and "--no-state" in (info.value.hint or "")
    assert rows(store) == before


@pytest.mark.parametrize("text", [b"{", b"{}", b'"x"', b"\xff", b"[" * 100_000 + b"]" * 100_000])
async def test_a_state_file_that_is_not_a_json_list_is_refused(store: Store, bundle: bytes, text: bytes):
    await refused(store, rebuild(bundle, lambda man, m: m.update({"state.json": text})), "state.json")


# ---------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["../evil", "a/b", "a\\b", "..", ".", "", "nul\x00byte"])
async def test_unsafe_file_names_are_refused(store: Store, bundle: bytes, name: str):
    await refused(store, rebuild(bundle, lambda man, m: man["files"][0].update(name=name)), "files[0]")


async def test_duplicate_file_names_are_refused(store: Store, bundle: bytes):
    await refused(
        store, rebuild(bundle, lambda man, m: man["files"][1].update(name=man["files"][0]["name"])), "repeated"
    )


async def test_a_missing_file_member_is_refused(store: Store, bundle: bytes):
    await refused(store, rebuild(bundle, lambda man, m: m.pop("files/1")), "files/1", "missing")


@pytest.mark.parametrize("files", ["x", [1], [{"index": "0"}]])
async def test_a_malformed_file_list_is_refused(store: Store, bundle: bytes, files):
    await refused(store, rebuild(bundle, lambda man, m: man.update(files=files)), "files")

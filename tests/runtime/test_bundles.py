"""Bundles: one zip file with an artifact's every version, metadata, state and files.

An export imports back exactly; a bundle is untrusted input, and every hostile or broken one is
refused with a ``BundleError`` that says why, before anything is written: the library has the
same rows afterwards as before.
"""

from __future__ import annotations

import io
import json
import random
import sqlite3
import stat
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from artifacts_runtime import bundles
from artifacts_runtime.bundles import BundleError, export_bundle, import_bundle, parse_bundle
from artifacts_runtime.errors import ArtifactsError
from artifacts_runtime.store import Store
from artifacts_runtime.store.limits import MAX_VALUE_BYTES

BINARY = bytes(range(256)) * 4


@pytest.fixture
async def rich(store: Store) -> str:
    """An artifact with three versions of three types, state in both scopes and two files."""
    a = await store.create("<h1>Budget</h1>\n", title="Budget", type="text/html", source="model")
    await store.add_version(
        a.id,
        "def total(xs):\r\n    return sum(xs)\n",
        source="user",
        type="application/vnd.ant.code",
        language="python",
        label="as code",
        title="Budget in Python",
        incomplete=True,
    )
    await store.add_version(
        a.id,
        "# Budget ✓\n\nÜnïcødé, emoji 🎉, tabs\tand \\ backslashes\n",
        source="revert",
        type="text/markdown",
        title="Budget notes",
    )
    await store.rename(a.id, "Budget (final)")
    await store.set_pinned(a.id, True)
    await store.state_set(a.id, "count", "3")
    await store.state_set(a.id, "ключ", json.dumps({"nested": ["ü", 1]}))
    await store.state_set(a.id, "board", '{"cards": []}', shared=True)
    await store.state_set(a.id, "visitor-only", "v", owner="visitor:abcdefghijklmnop")
    await store.attach_file("data.csv", b"a,b\n1,2\n", mime="text/csv", artifact_id=a.id)
    await store.attach_file("blob.bin", BINARY, artifact_id=a.id)
    return a.id


async def snapshot(store: Store, artifact_id: str) -> dict[str, Any]:
    """Everything a bundle carries, in comparable form (no id)."""
    a = await store.get(artifact_id)
    versions = []
    for v in await store.versions(artifact_id):
        full = await store.version(artifact_id, v.number)
        versions.append(
            {
                k: getattr(full, k)
                for k in (
                    "number",
                    "title",
                    "type",
                    "language",
                    "source",
                    "label",
                    "incomplete",
                    "created_at",
                    "content",
                    "size",
                )
            }
        )
    state = sorted((e.scope, e.key, e.value, e.updated_at) for e in await store.all_state(artifact_id))
    files = []
    for f in await store.files(artifact_id=artifact_id):
        data = (await store.read_file(f.name, artifact_id=artifact_id)).data
        files.append((f.name, f.mime, f.size, f.created_at, data))
    return {
        "artifact": {
            k: getattr(a, k)
            for k in (
                "title",
                "type",
                "language",
                "created_at",
                "updated_at",
                "pinned",
                "remixed_from",
                "current_version",
            )
        },
        "versions": versions,
        "state": state,
        "files": files,
    }


def rows(store: Store) -> dict[str, int]:
    """How many rows each table holds (read with a separate connection)."""
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("artifacts", "versions", "state", "files", "grants", "shares", "fetch_cache")
        }
    finally:
        conn.close()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def build(entries: dict[str, bytes | str], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def rebuild(data: bytes, change: Callable[[dict[str, Any], dict[str, bytes]], None]) -> bytes:
    """The bundle with ``change(manifest, members)`` applied (the manifest is re-serialised)."""
    m = members(data)
    manifest = json.loads(m["manifest.json"])
    change(manifest, m)
    m["manifest.json"] = json.dumps(manifest).encode()
    return build(m)


def sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.fixture
async def bundle(store: Store, rich: str) -> bytes:
    return await export_bundle(store, rich)


async def refused(store: Store, data: bytes, *words: str) -> BundleError:
    """Import ``data``: it must fail with a BundleError naming ``words`` and change nothing."""
    before = rows(store)
    with pytest.raises(BundleError) as info:
        await import_bundle(store, data)
    assert rows(store) == before
    message = str(info.value)
    assert message and len(message) < 400
    for word in words:
        assert word.lower() in message.lower(), message
    return info.value


# ---------------------------------------------------------------------------- the round trip


async def test_export_then_import_round_trips_exactly(store: Store, rich: str, bundle: bytes):
    imported = await import_bundle(store, bundle)
    assert imported.id != rich
    assert await snapshot(store, imported.id) == await snapshot(store, rich)


async def test_the_round_trip_keeps_every_version_field(store: Store, rich: str, bundle: bytes):
    imported = await import_bundle(store, bundle)
    original = await store.versions(rich)
    copy = await store.versions(imported.id)
    assert [v.number for v in copy] == [1, 2, 3]
    assert [(v.type, v.language, v.source, v.label, v.incomplete) for v in copy] == [
        ("text/html", None, "model", None, False),
        ("application/vnd.ant.code", "python", "user", "as code", True),
        ("text/markdown", None, "revert", None, False),
    ]
    assert [v.created_at for v in copy] == [v.created_at for v in original]
    assert (await store.version(imported.id, 2)).content == "def total(xs):\r\n    return sum(xs)\n"
    assert imported.title == "Budget (final)" and imported.pinned


async def test_the_round_trip_carries_state_in_both_scopes_but_not_visitors_state(
    store: Store, rich: str, bundle: bytes
):
    imported = await import_bundle(store, bundle)
    assert (await store.state_get(imported.id, "ключ")).value == json.dumps({"nested": ["ü", 1]})
    assert (await store.state_get(imported.id, "board", shared=True)).value == '{"cards": []}'
    assert await store.state_get(imported.id, "visitor-only", owner="visitor:abcdefghijklmnop") is None


async def test_the_imported_artifact_is_searchable_and_its_files_readable(store: Store, bundle: bytes):
    imported = await import_bundle(store, bundle)
    hits = await store.search("backslashes")
    assert imported.id in [h.artifact.id for h in hits]
    assert (await store.read_file("blob.bin", artifact_id=imported.id)).data == BINARY


async def test_exporting_the_imported_artifact_gives_the_same_bundle_but_for_id_and_time(
    store: Store, rich: str, bundle: bytes
):
    imported = await import_bundle(store, bundle)
    again = await export_bundle(store, imported.id)
    first, second = members(bundle), members(again)
    assert set(first) == set(second)
    for name in first:
        if name != "manifest.json":
            assert first[name] == second[name], name
    m1, m2 = json.loads(first["manifest.json"]), json.loads(second["manifest.json"])
    assert m1["artifact"].pop("id") == rich and m2["artifact"].pop("id") == imported.id
    m1.pop("exported_at"), m2.pop("exported_at")
    assert m1 == m2


async def test_without_state_the_bundle_has_none_and_imports_none(store: Store, rich: str):
    data = await export_bundle(store, rich, with_state=False)
    assert "state.json" not in members(data)
    assert json.loads(members(data)["manifest.json"])["has_state"] is False
    imported = await import_bundle(store, data)
    assert await store.all_state(imported.id) == []
    assert len(await store.versions(imported.id)) == 3
    assert [f.name for f in await store.files(artifact_id=imported.id)] == ["blob.bin", "data.csv"]


async def test_importing_with_state_left_out(store: Store, bundle: bytes):
    imported = await import_bundle(store, bundle, with_state=False)
    assert await store.all_state(imported.id) == []


async def test_an_empty_artifact_round_trips(store: Store):
    a = await store.create("", title="Empty", type="text/markdown")
    imported = await import_bundle(store, await export_bundle(store, a.id))
    assert (await store.version(imported.id)).content == ""
    assert imported.title == "Empty"


async def test_the_manifest_is_plain_json_with_the_format(bundle: bytes):
    manifest = json.loads(members(bundle)["manifest.json"])
    assert manifest["format"] == "live-artifacts-bundle" and manifest["format_version"] == 1
    assert [v["number"] for v in manifest["versions"]] == [1, 2, 3]
    assert sorted(members(bundle)) == [
        "files/0",
        "files/1",
        "manifest.json",
        "state.json",
        "versions/1.txt",
        "versions/2.txt",
        "versions/3.txt",
    ]


# ---------------------------------------------------------------------------- hostile member names


def with_member(data: bytes, name: str, content: bytes = b"x") -> bytes:
    m = members(data)
    m[name] = content
    return build(m)


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "../../etc/passwd",
        "/abs",
        "/etc/cron.d/x",
        "versions/../../x",
        "versions/..\\..\\x",
        "..\\x",
        "C:\\x",
        "versions\\1.txt",
        "versions/1.txt/../../x",
        "./manifest.json",
        "files/../../x",
        "evil.sh",
        "versions/1.html",
        "versions/0.txt",
        "files/a",
        "state.json.bak",
    ],
)
async def test_members_outside_the_layout_are_refused(store: Store, bundle: bytes, name: str):
    await refused(store, with_member(bundle, name), "unexpected member")


async def test_a_symbolic_link_member_is_refused(store: Store, bundle: bytes):
    m = members(bundle)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in m.items():
            if name == "versions/1.txt":
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, "/etc/passwd")
            else:
                zf.writestr(name, data)
    await refused(store, buf.getvalue(), "symbolic link")


async def test_a_version_file_not_named_in_the_manifest_is_refused(store: Store, bundle: bytes):
    await refused(store, with_member(bundle, "versions/9.txt", b"hidden"), "versions/9.txt")


async def test_a_file_member_not_named_in_the_manifest_is_refused(store: Store, bundle: bytes):
    await refused(store, with_member(bundle, "files/7", b"hidden"), "files/7")


async def test_a_member_twice_is_refused(store: Store, bundle: bytes):
    m = members(bundle)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in m.items():
            zf.writestr(name, data)
        with pytest.warns(UserWarning):
            zf.writestr("versions/1.txt", b"<p>second</p>")
    await refused(store, buf.getvalue(), "twice")


# ---------------------------------------------------------------------------- sizes


async def test_an_oversized_member_is_refused(store: Store, bundle: bytes, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(bundles, "MAX_MEMBER_BYTES", 4000)
    data = rebuild(bundle, lambda man, m: m.update({"files/1": BINARY * 8}))
    error = await refused(store, data, "files/1")
    assert "8 KB" in str(error) and "3.9 KB" in str(error)


async def test_a_zip_bomb_is_refused_before_it_is_expanded(store: Store, bundle: bytes):
    def change(man, m):
        bomb = b"\0" * (80 * 1024 * 1024)  # more than a member may be; compresses to about 80 KB
        m["files/1"] = bomb
        man["files"][0]["sha256"] = sha(bomb)

    data = rebuild(bundle, change)  # the 80 MB are freed once it returns
    assert len(data) < 200_000
    started = time.perf_counter()
    error = await refused(store, data, "files/1", "80 MB", "at most 64 MB")
    assert time.perf_counter() - started < 0.5, "refused from the declared size, without expanding it"
    assert error


async def test_many_small_bombs_adding_up_are_refused_before_they_are_expanded(
    store: Store, bundle: bytes, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(bundles, "MAX_TOTAL_BYTES", 10 * 1024 * 1024)
    chunk = b"\0" * (1024 * 1024)

    def change(man, m):
        for i in range(2, 14):
            m[f"files/{i}"] = chunk
            man["files"].append(
                {
                    "index": i,
                    "name": f"zeros{i}",
                    "mime": "application/octet-stream",
                    "created_at": 1.0,
                    "sha256": sha(chunk),
                }
            )

    await refused(store, rebuild(bundle, change), "expands to more than 10 MB")


async def test_a_large_repetitive_value_of_our_own_export_imports(store: Store, rich: str):
    """Highly compressible is not hostile: 5 MB of one letter compresses about 1000x."""
    await store.state_set(rich, "big", "x" * MAX_VALUE_BYTES, shared=True)
    imported = await import_bundle(store, await export_bundle(store, rich))
    assert (await store.state_get(imported.id, "big", shared=True)).value == "x" * MAX_VALUE_BYTES


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size that the local and central headers give for ``name``."""
    out = bytearray(data)
    encoded = name.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            length = struct.unpack_from("<H", out, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(out[start + name_at : start + name_at + length]) == encoded:
                struct.pack_into("<I", out, start + offset, size)
            start += 4
    return bytes(out)


async def test_a_member_larger_than_its_header_claims_is_refused(store: Store, bundle: bytes):
    big = b"\0" * (20 * 1024 * 1024)

    def change(man, m):
        m["files/1"] = big
        man["files"][0]["sha256"] = sha(big)

    data = _patch_sizes(rebuild(bundle, change), "files/1", 1000)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.getinfo("files/1").file_size == 1000
    await refused(store, data, "files/1")


async def test_a_bundle_expanding_beyond_the_total_limit_is_refused(
    store: Store, bundle: bytes, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(bundles, "MAX_TOTAL_BYTES", 2000)
    await refused(store, bundle, "expands to more than")


async def test_too_many_members_are_refused(store: Store, bundle: bytes, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(bundles, "MAX_MEMBERS", 5)
    await refused(store, bundle, "members")


async def test_an_attached_file_over_the_attachment_limit_is_refused(
    store: Store, bundle: bytes, monkeypatch: pytest.MonkeyPatch
):
    from artifacts_runtime.store import store as store_module

    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", 100)
    await refused(store, bundle, "blob.bin")


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


def with_state(entries: list[Any]) -> Callable[[dict, dict], None]:
    def change(man, m):
        m["state.json"] = json.dumps(entries).encode()

    return change


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


# ---------------------------------------------------------------------------- damaged archives


async def test_an_unsupported_compression_method_is_refused(store: Store, bundle: bytes):
    data = bytearray(bundle)
    # the compression method of every entry: local headers at +8, central headers at +10
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            struct.pack_into("<H", data, start + offset, 99)
            start += 4
    await refused(store, bytes(data))


async def test_a_corrupt_compressed_stream_is_refused(store: Store, rich: str):
    text = "".join(f"line {i} of a long version\n" for i in range(5000))
    await store.add_version(rich, text, source="user")
    data = bytearray(await export_bundle(store, rich))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("versions/4.txt")
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    await refused(store, bytes(data))


async def test_random_damage_is_refused_cleanly_or_imported_whole(store: Store, bundle: bytes):
    """Flip bytes anywhere: the only outcomes are a BundleError that changed nothing, or (when
    the damage hit a field nobody reads, such as a timestamp) a complete import."""
    rng = random.Random(7)
    for _ in range(150):
        data = bytearray(bundle)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        before = rows(store)
        try:
            imported = await import_bundle(store, bytes(data))
        except BundleError as exc:
            assert str(exc)
            assert rows(store) == before
        else:
            assert len(await store.versions(imported.id)) == 3


async def test_parse_bundle_writes_nothing(store: Store, bundle: bytes):
    before = rows(store)
    parsed = parse_bundle(bundle)
    assert parsed["title"] == "Budget (final)" and len(parsed["versions"]) == 3
    assert rows(store) == before


def test_is_bundle_looks_at_the_first_bytes(tmp_path: Path):
    from artifacts_runtime.bundles import is_bundle

    (tmp_path / "a.zip").write_bytes(build({"manifest.json": "{}"}))
    (tmp_path / "b.html").write_text("<p>PK</p>")
    assert is_bundle(tmp_path / "a.zip") and not is_bundle(tmp_path / "b.html")
    assert not is_bundle(tmp_path / "missing")

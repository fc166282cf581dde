"""Bundles: one zip file with an artifact's every version, metadata, state and files. An export
imports back exactly."""

from __future__ import annotations

import json
from pathlib import Path

from artifacts_runtime.bundles import export_bundle, import_bundle
from artifacts_runtime.store import Store
from tests.runtime.bundles.support import (
    BINARY,
    build,
    members,
    snapshot,
)

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


def test_is_bundle_looks_at_the_first_bytes(tmp_path: Path):
    from artifacts_runtime.bundles import is_bundle

    (tmp_path / "a.zip").write_bytes(build({"manifest.json": "{}"}))
    (tmp_path / "b.html").write_text("<p>PK</p>")
    assert is_bundle(tmp_path / "a.zip") and not is_bundle(tmp_path / "b.html")
    assert not is_bundle(tmp_path / "missing")

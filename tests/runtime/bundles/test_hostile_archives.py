"""A bundle is untrusted input: hostile member names, sizes and zip bombs, damaged archives are
refused with a ``BundleError`` that says why, before anything is written (the library has the
same rows afterwards as before)."""

from __future__ import annotations

import io
import random
import stat
import struct
import zipfile

import pytest

from artifacts_runtime import bundles
from artifacts_runtime.bundles import BundleError, export_bundle, import_bundle, parse_bundle
from artifacts_runtime.store import Store
from artifacts_runtime.store.limits import MAX_VALUE_BYTES
from tests.runtime.bundles.support import (
    BINARY,
    members,
    patch_sizes,
    rebuild,
    refused,
    rows,
    sha,
    with_member,
)

# ---------------------------------------------------------------------------- hostile member names


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


async def test_a_zip_bomb_is_refused_before_it_is_expanded(
    store: Store, bundle: bytes, monkeypatch: pytest.MonkeyPatch
):
    def change(man, m):
        bomb = b"\0" * (80 * 1024 * 1024)  # more than a member may be; compresses to about 80 KB
        m["files/1"] = bomb
        man["files"][0]["sha256"] = sha(bomb)

    data = rebuild(bundle, change)  # the 80 MB are freed once it returns
    assert len(data) < 200_000
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    error = await refused(store, data, "files/1", "80 MB", "at most 64 MB")
    assert "files/1" not in opened, "refused from the declared size, without expanding it"
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


async def test_a_member_larger_than_its_header_claims_is_refused(store: Store, bundle: bytes):
    big = b"\0" * (20 * 1024 * 1024)

    def change(man, m):
        m["files/1"] = big
        man["files"][0]["sha256"] = sha(big)

    data = patch_sizes(rebuild(bundle, change), "files/1", 1000)
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

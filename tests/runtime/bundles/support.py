"""Building and changing bundles for the tests, and the check that a refusal changed nothing."""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import zipfile
from collections.abc import Callable
from typing import Any

import pytest

from artifacts_runtime.bundles import BundleError, import_bundle
from artifacts_runtime.store import Store

BINARY = bytes(range(256)) * 4


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


def with_member(data: bytes, name: str, content: bytes = b"x") -> bytes:
    m = members(data)
    m[name] = content
    return build(m)


def patch_sizes(data: bytes, name: str, size: int) -> bytes:
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


def with_state(entries: list[Any]) -> Callable[[dict, dict], None]:
    def change(man, m):
        m["state.json"] = json.dumps(entries).encode()

    return change

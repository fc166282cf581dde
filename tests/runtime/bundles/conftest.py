"""An artifact with everything a bundle carries (versions, state in both scopes, files), and its bundle."""

from __future__ import annotations

import json

import pytest

from artifacts_runtime.bundles import export_bundle
from artifacts_runtime.store import Store
from tests.runtime.bundles.support import (
    BINARY,
)


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


@pytest.fixture
async def bundle(store: Store, rich: str) -> bytes:
    return await export_bundle(store, rich)

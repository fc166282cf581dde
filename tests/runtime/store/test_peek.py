"""The first page read before a store is open (store/peek.py): the same rows as ``Store.list``,
nothing written, and no answer rather than a wrong one for a file the store would migrate or
refuse."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from artifacts_runtime.paths import Paths
from artifacts_runtime.store import Store
from artifacts_runtime.store.peek import first_page
from artifacts_runtime.store.schema import LATEST


async def test_it_lists_what_the_store_lists(store: Store) -> None:
    for i in range(7):
        await store.create(f"# Note {i}\n", title=f"Note {i}")
    pinned = (await store.list())[-1]
    await store.set_pinned(pinned.id, True)
    trashed = (await store.list())[-1]
    await store.trash(trashed.id)

    assert first_page(store.path, limit=4) == await store.list(limit=4)
    assert first_page(store.path, limit=50) == await store.list(limit=50)
    assert first_page(store.path, limit=50, sort="title") == await store.list(limit=50, sort="title")
    assert trashed.id not in {a.id for a in first_page(store.path, limit=50) or []}


def test_no_file_is_an_empty_library_and_stays_without_a_file(paths: Paths) -> None:
    assert first_page(paths.library, limit=10) == []
    assert not paths.library.exists()


async def test_a_file_the_store_would_migrate_or_refuse_gets_no_answer(store: Store, tmp_path: Path) -> None:
    await store.create("# One\n", title="One")
    await store.close()
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {LATEST - 1}")  # an older release's file
    conn.close()
    assert first_page(store.path, limit=10) is None

    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = foreign.read_bytes()
    assert first_page(foreign, limit=10) is None
    assert foreign.read_bytes() == before and not Path(f"{foreign}-wal").exists()

    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello " * 50)
    assert first_page(not_sqlite, limit=10) is None


def test_it_imports_neither_aiosqlite_nor_the_store() -> None:
    """A program reads the page while it is still starting: the import must stay light."""
    code = (
        "import sys\nimport artifacts_runtime.store.peek\n"
        "print(sorted(m for m in ('aiosqlite', 'artifacts_runtime.store.store') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""Durability and several processes on one library.

- A write that the store acknowledged survives the writing process being killed (SIGKILL).
- Two processes writing the same library at once never surface "database is locked".
- A command run while another process holds the write lock waits for it instead of failing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from artifacts_runtime.cli.main import main
from artifacts_runtime.paths import Paths
from artifacts_runtime.store import Store


def _spawn(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def _new_artifact(library: Path) -> str:
    store = await Store.open(library)
    try:
        return (await store.create("<p>x</p>", title="Shared target")).id
    finally:
        await store.close()


def _integrity(library: Path) -> str:
    conn = sqlite3.connect(library)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------------------- durability

WRITE_FOREVER = """
    import asyncio, sys
    from artifacts_runtime.store import Store

    async def run(library, artifact_id):
        store = await Store.open(library)
        i = 0
        while True:
            key = f"key{i:06d}"
            await store.state_set(artifact_id, key, f"value {i} " + "x" * 200)
            print(key, flush=True)  # acknowledged: the await returned
            i += 1

    asyncio.run(run(sys.argv[1], sys.argv[2]))
"""


@pytest.mark.slow
def test_every_acknowledged_write_survives_a_sigkill(paths: Paths):
    artifact_id = asyncio.run(_new_artifact(paths.library))
    child = _spawn(WRITE_FOREVER, str(paths.library), artifact_id)
    acked: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while len(acked) < 300 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acked.append(line.strip())
        assert len(acked) >= 300, child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)  # in the middle of the stream of writes
    finally:
        if child.poll() is None:
            child.kill()
        rest, _err = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL
    # Lines still in the pipe were acknowledged too; a cut-off last line was not.
    acked += [line for line in rest.splitlines(keepends=True) if line.endswith("\n")]
    acked = [key.strip() for key in acked]

    assert _integrity(paths.library) == "ok"
    conn = sqlite3.connect(paths.library)
    try:
        stored = {
            row[0]
            for row in conn.execute(
                "SELECT key FROM state WHERE artifact_id = ? AND scope = 'personal'", (artifact_id,)
            )
        }
    finally:
        conn.close()
    missing = [key for key in acked if key not in stored]
    assert missing == []
    assert len(stored) >= len(acked)


@pytest.mark.slow
async def test_the_library_opens_normally_after_a_writer_was_killed(paths: Paths):
    artifact_id = await _new_artifact(paths.library)
    child = _spawn(WRITE_FOREVER, str(paths.library), artifact_id)
    try:
        for _ in range(50):
            assert child.stdout.readline()
    finally:
        child.kill()
        child.communicate(timeout=10)
    store = await Store.open(paths.library)
    try:
        await store.state_set(artifact_id, "after", "ok")
        assert (await store.state_get(artifact_id, "key000049")) is not None
        assert (await store.state_get(artifact_id, "after")).value == "ok"
    finally:
        await store.close()


# ---------------------------------------------------------------------------- two writers

WRITER = """
    import asyncio, sys
    from artifacts_runtime.store import Store

    async def run(library, artifact_id, name):
        store = await Store.open(library)
        try:
            for i in range(300):
                await store.state_set(artifact_id, f"{name}-{i}", "v" * 100)
                if i % 6 == 0:
                    await store.create(f"# {name} {i}\\n\\nbody", title=f"{name} {i}")
                if i % 50 == 0:
                    await store.search(name)
        finally:
            await store.close()
        print("done", name, flush=True)

    asyncio.run(run(*sys.argv[1:]))
"""


@pytest.mark.slow
def test_two_processes_writing_at_once_never_see_database_is_locked(paths: Paths):
    artifact_id = asyncio.run(_new_artifact(paths.library))
    children = [_spawn(WRITER, str(paths.library), artifact_id, name) for name in ("left", "right")]
    outputs = [child.communicate(timeout=60) for child in children]

    for child, (out, err) in zip(children, outputs, strict=True):
        assert "locked" not in (out + err).lower(), err
        assert child.returncode == 0, err
        assert out.startswith("done")

    conn = sqlite3.connect(paths.library)
    try:
        keys = conn.execute("SELECT count(*) FROM state WHERE artifact_id = ?", (artifact_id,)).fetchone()[0]
        artifacts = conn.execute("SELECT count(*) FROM artifacts").fetchone()[0]
        versions = conn.execute("SELECT count(*) FROM versions").fetchone()[0]
        conn.execute("INSERT INTO artifact_fts(artifact_fts) VALUES('integrity-check')")
    finally:
        conn.close()
    assert keys == 2 * 300
    assert artifacts == versions == 1 + 2 * 50
    assert _integrity(paths.library) == "ok"


async def test_two_stores_in_one_process_share_the_library(paths: Paths):
    """Two open stores (like the app and a CLI command) see each other's writes."""
    first = await Store.open(paths.library)
    second = await Store.open(paths.library)
    try:
        artifact = await first.create("shared", title="Seen by both")
        await second.state_set(artifact.id, "k", "from second")
        assert (await first.state_get(artifact.id, "k")).value == "from second"
        results = await asyncio.gather(
            *[first.state_set(artifact.id, f"a{i}", "x") for i in range(30)],
            *[second.state_set(artifact.id, f"b{i}", "y") for i in range(30)],
        )
        assert len(results) == 60
        assert len(await first.state_keys(artifact.id)) == 61
    finally:
        await first.close()
        await second.close()


# ---------------------------------------------------------------------------- waiting for a lock


def _hold_write_lock(library: Path, seconds: float, locked: threading.Event) -> threading.Thread:
    """Another "process" (a plain sqlite3 connection) holding the write lock for ``seconds``."""

    def hold() -> None:
        conn = sqlite3.connect(library, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            locked.set()
            time.sleep(seconds)
            conn.execute("COMMIT")
        finally:
            conn.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    assert locked.wait(5)
    return thread


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _library_with_one_artifact(paths: Paths, capsys, tmp_path: Path) -> str:
    source = tmp_path / "notes.md"
    source.write_text("# Notes\n")
    code, out, err = _cli(capsys, "import", str(source))
    assert code == 0, err
    return out.strip()


def test_a_cli_command_waits_for_another_writer_instead_of_failing(paths: Paths, capsys, tmp_path: Path):
    artifact_id = _library_with_one_artifact(paths, capsys, tmp_path)
    locked = threading.Event()
    holder = _hold_write_lock(paths.library, 1.0, locked)

    started = time.monotonic()
    code, _out, err = _cli(capsys, "rename", artifact_id, "Renamed while locked")
    waited = time.monotonic() - started
    holder.join()

    assert code == 0, err
    assert "locked" not in err.lower()
    assert waited >= 0.5  # it did wait for the other writer
    assert _cli(capsys, "show", artifact_id, "--json")[1].count("Renamed while locked") == 1


def test_a_state_write_waits_for_another_writer_instead_of_failing(paths: Paths, capsys, tmp_path: Path):
    artifact_id = _library_with_one_artifact(paths, capsys, tmp_path)
    locked = threading.Event()
    holder = _hold_write_lock(paths.library, 1.0, locked)
    code, _out, err = _cli(capsys, "state", artifact_id, "set", "k", "v")
    holder.join()
    assert code == 0, err
    assert _cli(capsys, "state", artifact_id, "get", "k")[1] == "v\n"


@pytest.mark.slow
def test_a_lock_held_longer_than_the_busy_timeout_is_still_waited_for(paths: Paths, capsys, tmp_path: Path):
    """Past SQLite's own busy timeout (5 s), the store keeps retrying instead of failing."""
    artifact_id = _library_with_one_artifact(paths, capsys, tmp_path)
    locked = threading.Event()
    holder = _hold_write_lock(paths.library, 6.0, locked)
    code, _out, err = _cli(capsys, "state", artifact_id, "set", "k", "patient")
    holder.join()
    assert code == 0, err
    assert "locked" not in err.lower()
    assert _cli(capsys, "state", artifact_id, "get", "k")[1] == "patient\n"

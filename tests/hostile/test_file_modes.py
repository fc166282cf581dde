"""Private files on a shared host.

Who attacks: another local user of the same machine (a shared SSH host), reading files.
What they try: read ``library.db`` (every conversation, state value and share token), its
``-wal``/``-shm`` companions, the logs, the config and the runtime file with the server's token.
What must hold: everything the app writes is owner-only (folders 0700, files 0600) from the
moment it is created, whatever the umask; and what an older release, a copy or a restore left
readable is made private again at the next start.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from artifacts_runtime.paths import Paths, get_paths
from artifacts_runtime.store import Store


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask, under which files are created 0644 in 0755 folders."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def others_can_reach(path: Path) -> bool:
    return bool(path.lstat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def readable_by_others(paths: Paths) -> list[str]:
    found = []
    for folder in paths.folders:
        for root, dirs, files in os.walk(folder):
            for name in [*dirs, *files, ""]:
                p = Path(root) / name
                if others_can_reach(p):
                    found.append(str(p))
    return found


async def test_a_new_library_with_its_wal_is_owner_only(artifacts_home: Path, open_umask: None) -> None:
    paths = get_paths().ensure()
    store = await Store.open(paths.library)
    try:
        a = await store.create("<p>secret</p>", title="Diary", type="text/html", source="import")
        await store.state_set(a.id, "token", '"hunter2"')
        assert Path(str(paths.library) + "-wal").exists()
        assert readable_by_others(paths) == []
        assert stat.S_IMODE(paths.library.stat().st_mode) == 0o600
        assert stat.S_IMODE(paths.data.stat().st_mode) == 0o700
    finally:
        await store.close()


async def test_a_library_left_readable_is_made_private_at_start(artifacts_home: Path, open_umask: None) -> None:
    paths = get_paths().ensure()
    store = await Store.open(paths.library)
    await store.close()
    # What a release before this one, `cp -r`, or a backup restore leaves.
    for folder in paths.folders:
        folder.chmod(0o755)
    paths.library.chmod(0o644)
    (paths.logs / "app.log").write_text("a conversation title\n")
    (paths.logs / "app.log").chmod(0o644)
    (paths.data / "config.toml").write_text("[model]\n")
    (paths.data / "config.toml").chmod(0o666)

    get_paths().ensure()  # what every start does (the TUI, the CLI, the workspace)

    assert readable_by_others(paths) == []
    assert stat.S_IMODE(paths.library.stat().st_mode) == 0o600


def test_a_symlink_in_the_data_folder_is_not_followed(artifacts_home: Path, tmp_path: Path, open_umask: None) -> None:
    paths = get_paths().ensure()
    outside = tmp_path / "someone-elses-file"
    outside.write_text("x")
    outside.chmod(0o644)
    (paths.data / "link").symlink_to(outside)
    get_paths().ensure()
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644


async def test_the_cli_and_the_server_file_are_private_too(artifacts_home: Path, open_umask: None) -> None:
    from artifacts_runtime.workspace import Workspace

    workspace = await Workspace.open()
    try:
        await workspace.start_server()
        paths = workspace.paths
        assert paths.server_file.exists()
        assert readable_by_others(paths) == []
    finally:
        await workspace.close()

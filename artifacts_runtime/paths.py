"""Where live-artifacts keeps its files.

Everything lives under platform directories (XDG on Linux) unless the environment variable
``ARTIFACTS_HOME`` is set, in which case all of it (library, cache, logs, runtime files) goes
below that one folder. Tests always set it to a temporary directory.

Everything here is private to the user, as on a shared SSH host it must be: folders are 0700
and the files the app keeps in them 0600 (the library holds every conversation, state value and
share token). :meth:`Paths.ensure` creates them so and, at every start, tightens what an older
release, a copy or a restore left readable to others.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "live-artifacts"
log = logging.getLogger(__name__)

#: Owner-only modes for what the app writes.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_OTHERS = stat.S_IRWXG | stat.S_IRWXO


@dataclass(frozen=True)
class Paths:
    data: Path
    cache: Path
    logs: Path
    runtime: Path

    @property
    def library(self) -> Path:
        return self.data / "library.db"

    @property
    def config_file(self) -> Path:
        return self.data / "config.toml"

    @property
    def server_file(self) -> Path:
        """The running server's address and token (readable only by the user)."""
        return self.runtime / "server.json"

    @property
    def folders(self) -> tuple[Path, ...]:
        return (self.data, self.cache, self.logs, self.runtime)

    def ensure(self) -> Paths:
        """Create the folders (0700) and make what is in them private again (see :meth:`secure`)."""
        for folder in self.folders:
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        tightened = self.secure()
        if tightened:
            log.warning(
                "made private %d path(s) that other users could read: %s",
                len(tightened),
                ", ".join(str(p) for p in tightened[:10]),
            )
        return self

    def secure(self) -> list[Path]:
        """Take group and other permissions off the folders and the files in the library,
        log and runtime folders (the asset cache's files are public libraries, unreachable
        once its folder is 0700). Returns what was tightened; what cannot be (another
        owner's file) is left and reported by the caller's next open failing clearly."""
        tightened: list[Path] = []
        for folder in self.folders:
            if _tighten(folder, PRIVATE_DIR):
                tightened.append(folder)
        for folder in (self.data, self.logs, self.runtime):
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                mode = PRIVATE_DIR if entry.is_dir(follow_symlinks=False) else PRIVATE_FILE
                if not entry.is_symlink() and _tighten(Path(entry.path), mode):
                    tightened.append(Path(entry.path))
        return tightened


def get_paths() -> Paths:
    home = os.environ.get("ARTIFACTS_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(
            data=root / "data",
            cache=root / "cache",
            logs=root / "logs",
            runtime=root / "run",
        )
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    if sys.platform.startswith("linux") and not os.environ.get("XDG_RUNTIME_DIR"):
        # No runtime dir (some SSH and container sessions): a private folder in the cache
        # rather than platformdirs' warning and its shared /tmp fallback.
        runtime = Path(dirs.user_cache_dir) / "run"
    else:
        runtime = Path(dirs.user_runtime_dir)
    return Paths(
        data=Path(dirs.user_data_dir),
        cache=Path(dirs.user_cache_dir),
        logs=Path(dirs.user_log_dir),
        runtime=runtime,
    )


def _tighten(path: Path, mode: int) -> bool:
    """chmod ``path`` to ``mode`` if group or others have any permission on it."""
    try:
        current = path.lstat().st_mode
        if stat.S_ISLNK(current) or not current & _OTHERS:
            return False
        path.chmod(mode)
    except OSError:
        return False
    return True


def create_private(path: Path) -> None:
    """Create ``path`` empty and owner-only if it does not exist yet (files the app appends to
    or that a library such as SQLite creates with the process umask)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)

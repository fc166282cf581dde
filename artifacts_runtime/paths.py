"""Where live-artifacts keeps its files.

Everything lives under platform directories (XDG on Linux) unless the environment variable
``ARTIFACTS_HOME`` is set, in which case all of it (library, cache, logs, runtime files) goes
below that one folder. Tests always set it to a temporary directory.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "live-artifacts"


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

    def ensure(self) -> Paths:
        for folder in (self.data, self.cache, self.logs, self.runtime):
            folder.mkdir(parents=True, exist_ok=True)
        try:
            self.runtime.chmod(0o700)
        except OSError:
            pass
        return self


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

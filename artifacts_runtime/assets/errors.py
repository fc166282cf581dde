"""What can go wrong with the runtime libraries, each error saying what to do next."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ArtifactsError

FETCH_COMMAND = "artifacts assets fetch"


class AssetError(ArtifactsError):
    """A runtime library could not be loaded, fetched or served."""


class LockError(AssetError):
    """The lock file is missing, malformed or names something unsafe."""


class AssetIntegrityError(AssetError):
    """A downloaded tarball did not match the lock; it was discarded."""

    def __init__(self, name: str, version: str, detail: str) -> None:
        self.name = name
        self.version = version
        super().__init__(
            f"{name} {version}: {detail}; the download was discarded. If this persists, the "
            "registry's copy changed: regenerate the lock with "
            "`python -m artifacts_runtime.assets_lock` and review the difference."
        )


class AssetArchiveError(AssetError):
    """A verified tarball lacks a listed file, or holds it as something other than a file."""


class AssetsUnavailable(AssetError):
    """Libraries are not cached and cannot be downloaded right now (offline, registry down)."""

    def __init__(self, names: Sequence[str], reason: str) -> None:
        self.names = list(names)
        self.reason = reason
        listed = ", ".join(self.names[:4])
        if len(self.names) > 4:
            listed += f" and {len(self.names) - 4} more"
        super().__init__(f"runtime libraries not available: {listed} ({reason}). Run `{FETCH_COMMAND}` once online.")

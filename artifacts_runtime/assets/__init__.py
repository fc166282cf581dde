"""Runtime browser libraries: the lock, and a cache that fetches, verifies, stores and serves them.

Artifacts run offline, so the JavaScript they use (React, recharts, d3, three, ...) is pinned in
``assets.lock.json`` next to this package's modules (version + sha512 integrity of each npm
tarball, the files served from it, the UMD global each defines, the import specifiers and CDN URLs
that resolve to it) and downloaded once into the user cache. No third-party JavaScript lives in
the repository.

- ``lock``: the lock file and its records (``AssetLock``, ``LibraryLock``, ``AssetRef``)
- ``cache``: ``AssetCache``, which downloads, verifies and installs libraries atomically
- ``archive``: unpacking only the listed files of a verified tarball
- ``errors``: the ``AssetError`` family

Cache layout (``<cache>/assets`` or ``$ARTIFACTS_ASSETS_DIR``)::

    assets/
      react@18.3.1/
        .complete.json               # written last; its presence means "complete"
        umd/react.production.min.js
      .tmp-d3@7.9.2-<pid>-<rand>/    # a download in progress (removed when its process is gone)

A library directory only ever appears by an atomic rename of a fully extracted and verified
temporary directory, so a killed download leaves nothing half-written behind.

Typical use::

    cache = AssetCache()
    await cache.ensure()                       # downloads whatever is missing (no I/O otherwise)
    path = cache.file_path("react")            # the main file of a library
    ref = cache.lock.resolve("recharts")       # -> AssetRef(library="recharts", file=..., ...)
"""

from __future__ import annotations

from .archive import CHUNK, extract_listed_files
from .cache import (
    ASSETS_DIR_ENV,
    DEFAULT_CONCURRENCY,
    DEFAULT_REGISTRY,
    MARKER,
    MAX_TARBALL_BYTES,
    REGISTRY_ENV,
    TMP_PREFIX,
    AssetCache,
    AssetStatus,
    Progress,
    cached_path,
    default_root,
    registry_url,
    sri_sha512,
)
from .errors import (
    FETCH_COMMAND,
    AssetArchiveError,
    AssetError,
    AssetIntegrityError,
    AssetsUnavailable,
    LockError,
)
from .lock import LOCK_FILE, LOCKFILE_VERSION, AssetLock, AssetRef, LibraryLock, load_lock, safe_relative_path

__all__ = [
    "ASSETS_DIR_ENV",
    "CHUNK",
    "DEFAULT_CONCURRENCY",
    "DEFAULT_REGISTRY",
    "FETCH_COMMAND",
    "LOCKFILE_VERSION",
    "LOCK_FILE",
    "MARKER",
    "MAX_TARBALL_BYTES",
    "REGISTRY_ENV",
    "TMP_PREFIX",
    "AssetArchiveError",
    "AssetCache",
    "AssetError",
    "AssetIntegrityError",
    "AssetLock",
    "AssetRef",
    "AssetStatus",
    "AssetsUnavailable",
    "LibraryLock",
    "LockError",
    "Progress",
    "cached_path",
    "default_root",
    "extract_listed_files",
    "load_lock",
    "registry_url",
    "safe_relative_path",
    "sri_sha512",
]

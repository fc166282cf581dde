"""The asset cache: fetches locked libraries from the npm registry, verifies and stores them, and
answers where their files are (layout and guarantees in the package docstring)."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import hashlib
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..paths import get_paths
from .archive import CHUNK, extract_listed_files
from .errors import AssetError, AssetIntegrityError, AssetsUnavailable
from .lock import AssetLock, AssetRef, LibraryLock, load_lock

DEFAULT_REGISTRY = "https://registry.npmjs.org"
REGISTRY_ENV = "ARTIFACTS_NPM_REGISTRY"
ASSETS_DIR_ENV = "ARTIFACTS_ASSETS_DIR"
MARKER = ".complete.json"
TMP_PREFIX = ".tmp-"
DEFAULT_CONCURRENCY = 4
MAX_TARBALL_BYTES = 256 * 1024 * 1024  # when the lock does not say how big a tarball is

#: ``progress(name, bytes_done, bytes_total)``; ``bytes_total`` is 0 when unknown.
Progress = Callable[[str, int, int], None]


def registry_url() -> str:
    return (os.environ.get(REGISTRY_ENV) or DEFAULT_REGISTRY).rstrip("/")


def default_root() -> Path:
    override = os.environ.get(ASSETS_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return get_paths().cache / "assets"


def sri_sha512(data: bytes) -> str:
    """The npm/SRI form of a sha512 digest: ``sha512-<base64>``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


@dataclass(frozen=True)
class AssetStatus:
    name: str
    package: str
    version: str
    cached: bool
    size: int  # bytes of the served files (on disk when cached, else as the lock says)
    download_size: int  # bytes of the tarball
    path: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class AssetCache:
    """Fetches locked libraries into ``root`` and answers where their files are."""

    def __init__(
        self,
        lock: AssetLock | None = None,
        root: Path | str | None = None,
        *,
        registry: str | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        timeout: float = 60.0,
        transport: Any = None,
    ) -> None:
        self.lock = lock if lock is not None else load_lock()
        self.root = Path(root).expanduser() if root is not None else default_root()
        self.registry = (registry or registry_url()).rstrip("/")
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self._transport = transport  # an httpx transport, for tests

    # -- where things are ------------------------------------------------------------------------

    def library_dir(self, name: str) -> Path:
        return self.root / self.lock.get(name).folder

    def tarball_url(self, name: str) -> str:
        return f"{self.registry}/{self.lock.get(name).tarball}"

    def _marker(self, lib: LibraryLock) -> dict[str, Any] | None:
        try:
            data = json.loads((self.root / lib.folder / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("integrity") != lib.integrity:
            return None
        return data

    def is_cached(self, name: str) -> bool:
        """True when the library's folder is complete and matches the lock."""
        lib = self.lock.get(name)
        marker = self._marker(lib)
        if marker is None:
            return False
        sizes = marker.get("files") or {}
        folder = self.root / lib.folder
        for file in lib.files:
            try:
                if (folder / file).stat().st_size != sizes.get(file):
                    return False
            except OSError:
                return False
        return True

    def missing(self, names: Iterable[str] | None = None) -> list[str]:
        wanted = self._names(names)
        return [name for name in wanted if not self.is_cached(name)]

    def file_path(self, name: str, file: str | None = None) -> Path:
        """The cached path of one of a library's files (its main file by default)."""
        lib = self.lock.get(name)
        file = lib.main if file is None else file
        if file not in lib.files:
            raise AssetError(f"{lib.name} {lib.version} does not serve {file!r}")
        if not self.is_cached(lib.name):
            raise AssetsUnavailable([f"{lib.name} {lib.version}"], "not downloaded yet")
        return self.root / lib.folder / file

    def resolve(self, ref: str) -> AssetRef | None:
        return self.lock.resolve(ref)

    def status(self) -> list[AssetStatus]:
        rows = []
        for lib in self.lock:
            cached = self.is_cached(lib.name)
            folder = self.root / lib.folder
            size = lib.size
            if cached:
                size = sum((folder / f).stat().st_size for f in lib.files)
            rows.append(
                AssetStatus(
                    name=lib.name,
                    package=lib.package,
                    version=lib.version,
                    cached=cached,
                    size=size,
                    download_size=lib.tarball_size,
                    path=str(folder) if cached else None,
                )
            )
        return rows

    def _names(self, names: Iterable[str] | None) -> list[str]:
        if names is None:
            return list(self.lock.libraries)
        return [self.lock.get(n).name for n in dict.fromkeys(names)]

    # -- fetching --------------------------------------------------------------------------------

    async def ensure(
        self,
        names: Iterable[str] | None = None,
        progress: Progress | None = None,
    ) -> list[str]:
        """Download, verify and extract whichever of ``names`` (default: all) is not cached.

        Returns the names that were fetched. Touches no network when everything is cached.
        Raises :class:`AssetIntegrityError` on a hash mismatch and :class:`AssetsUnavailable`
        when the registry cannot be reached; the other libraries still complete first.
        """
        todo = self.missing(names)
        if not todo:
            return []
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AssetError(f"cannot create the asset cache {self.root}: {exc}") from None
        self._remove_abandoned_temporaries()
        import httpx

        limits = httpx.Limits(max_connections=self.concurrency)
        kwargs: dict[str, Any] = {"timeout": httpx.Timeout(self.timeout), "limits": limits, "follow_redirects": True}
        if self._transport is not None:
            kwargs["transport"] = self._transport
        gate = asyncio.Semaphore(self.concurrency)
        async with httpx.AsyncClient(**kwargs) as client:

            async def one(name: str) -> None:
                async with gate:
                    await self._fetch_one(client, name, progress)

            results = await asyncio.gather(*(one(n) for n in todo), return_exceptions=True)
        failures = [(n, r) for n, r in zip(todo, results, strict=True) if isinstance(r, BaseException)]
        for _, failure in failures:
            if not isinstance(failure, Exception):
                raise failure  # cancellation, KeyboardInterrupt
        unavailable: list[tuple[str, AssetsUnavailable]] = []
        for name, failure in failures:
            if not isinstance(failure, AssetsUnavailable):
                raise failure
            unavailable.append((name, failure))
        if unavailable:
            labels = [f"{n} {self.lock.get(n).version}" for n, _ in unavailable]
            reasons = dict.fromkeys(exc.reason for _, exc in unavailable)
            raise AssetsUnavailable(labels, "; ".join(reasons))
        return todo

    def ensure_blocking(self, names: Iterable[str] | None = None, progress: Progress | None = None) -> list[str]:
        """:meth:`ensure` from synchronous code, even where an event loop is already running."""
        names = list(names) if names is not None else None
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, self.ensure(names, progress)).result()

    async def _fetch_one(self, client: Any, name: str, progress: Progress | None) -> None:
        import httpx

        lib = self.lock.get(name)
        url = self.tarball_url(name)
        tmp = self.root / f"{TMP_PREFIX}{lib.folder}-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            tmp.mkdir(parents=True)
        except OSError as exc:
            raise AssetError(f"cannot write to the asset cache {self.root}: {exc}") from None
        try:
            download = tmp / "package.tgz"
            try:
                digest = await self._download(client, lib, url, download, progress)
            except httpx.HTTPStatusError as exc:
                raise AssetsUnavailable(
                    [f"{lib.name} {lib.version}"],
                    f"the registry answered {exc.response.status_code} for {lib.tarball}",
                ) from None
            except httpx.TransportError as exc:
                detail = str(exc) or type(exc).__name__
                raise AssetsUnavailable(
                    [f"{lib.name} {lib.version}"], f"cannot reach {self.registry}: {detail}"
                ) from None
            except OSError as exc:
                raise AssetError(f"cannot write to the asset cache {self.root}: {exc}") from None
            got = "sha512-" + base64.b64encode(digest).decode("ascii")
            if got != lib.integrity:
                raise AssetIntegrityError(
                    lib.name, lib.version, "the downloaded tarball does not match the lock's sha512 integrity"
                )
            staged = tmp / "package"
            sizes = await asyncio.to_thread(extract_listed_files, download, staged, lib)
            marker = {
                "package": lib.package,
                "version": lib.version,
                "integrity": lib.integrity,
                "files": sizes,
                "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            }
            (staged / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
            self._install(lib, staged, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    async def _download(self, client: Any, lib: LibraryLock, url: str, dest: Path, progress: Progress | None) -> bytes:
        hasher = hashlib.sha512()
        done = 0
        async with client.stream("GET", url) as response:
            response.raise_for_status()
            total = lib.tarball_size or int(response.headers.get("content-length") or 0)
            limit = lib.tarball_size or MAX_TARBALL_BYTES
            if progress:
                progress(lib.name, 0, total)
            with dest.open("wb") as out:
                async for chunk in response.aiter_bytes(CHUNK):
                    done += len(chunk)
                    if done > limit:
                        raise AssetIntegrityError(
                            lib.name, lib.version, f"the download is larger than the lock's {limit} bytes"
                        )
                    hasher.update(chunk)
                    out.write(chunk)
                    if progress:
                        progress(lib.name, done, total)
        if progress:
            progress(lib.name, done, total or done)
        return hasher.digest()

    def _install(self, lib: LibraryLock, staged: Path, tmp: Path) -> None:
        """Move a complete folder into place; tolerate another process having done it first."""
        final = self.root / lib.folder
        if final.exists():
            if self.is_cached(lib.name):
                return
            stale = tmp / "stale"  # an older or broken copy: move it aside, removed with tmp
            os.rename(final, stale)
        try:
            os.rename(staged, final)
        except OSError:
            if not self.is_cached(lib.name):
                raise

    def _remove_abandoned_temporaries(self) -> None:
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return
        for entry in entries:
            if not entry.name.startswith(TMP_PREFIX):
                continue
            m = re.search(r"-(\d+)-[0-9a-f]+$", entry.name)
            if m and _process_alive(int(m.group(1))):
                continue
            shutil.rmtree(entry, ignore_errors=True)


def cached_path(name: str, file: str | None = None) -> Path | None:
    """Where a library's file (default: its main file) is in the default cache; None if absent.

    Never downloads. ``name`` is a lock name or an npm package name.
    """
    try:
        return AssetCache().file_path(name, file)
    except AssetError:
        return None


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True

"""Runtime browser libraries: the lock, and a cache that fetches, verifies, stores and serves them.

Artifacts run offline, so the JavaScript they use (React, recharts, d3, three, ...) is pinned in
``assets.lock.json`` next to this module (version + sha512 integrity of each npm tarball, the files
served from it, the UMD global each defines, the import specifiers and CDN URLs that resolve to it)
and downloaded once into the user cache. No third-party JavaScript lives in the repository.

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

import asyncio
import base64
import concurrent.futures
import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import tarfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .errors import ArtifactsError
from .paths import get_paths

DEFAULT_REGISTRY = "https://registry.npmjs.org"
REGISTRY_ENV = "ARTIFACTS_NPM_REGISTRY"
ASSETS_DIR_ENV = "ARTIFACTS_ASSETS_DIR"
LOCK_FILE = Path(__file__).with_name("assets.lock.json")
LOCKFILE_VERSION = 1
FETCH_COMMAND = "artifacts assets fetch"

MARKER = ".complete.json"
TMP_PREFIX = ".tmp-"
DEFAULT_CONCURRENCY = 4
MAX_TARBALL_BYTES = 256 * 1024 * 1024  # when the lock does not say how big a tarball is
CHUNK = 64 * 1024

#: ``progress(name, bytes_done, bytes_total)``; ``bytes_total`` is 0 when unknown.
Progress = Callable[[str, int, int], None]


# ----------------------------------------------------------------------------------------------
# Errors


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


# ----------------------------------------------------------------------------------------------
# The lock

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+-]*$")
_PACKAGE_RE = re.compile(r"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$")


def safe_relative_path(path: str, where: str = "path") -> str:
    """Return ``path`` if it is a plain relative POSIX path inside its folder, else raise."""
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path:
        raise LockError(f"{where}: {path!r} is not a safe relative path")
    pure = PurePosixPath(path)
    if pure.is_absolute() or any(part in ("", ".", "..") for part in path.split("/")):
        raise LockError(f"{where}: {path!r} is not a safe relative path")
    return path


@dataclass(frozen=True)
class AssetRef:
    """Where an import specifier or a CDN URL resolves to.

    ``exact`` is False when a URL asked for another version than the one we have; the local copy
    is still the best offline answer, and the caller decides whether to use it.
    """

    library: str
    file: str
    global_name: str | None = None
    exact: bool = True


@dataclass(frozen=True)
class LibraryLock:
    """One pinned npm package and the files served from it."""

    name: str  # short key, also the cache folder prefix: "react", "chart.js", "highlight.js"
    package: str  # npm name: "@babel/standalone"
    version: str
    tarball: str  # path below the registry URL: "react/-/react-18.3.1.tgz"
    integrity: str  # "sha512-<base64>"
    files: tuple[str, ...]  # paths inside the package (without the tarball's "package/")
    main: str
    global_name: str | None = None  # what the main file defines on window (None: side effects)
    needs: tuple[str, ...] = ()  # libraries that must load first
    global_aliases: dict[str, str] = field(default_factory=dict)  # set window[k] = window[v] first
    imports: dict[str, str] = field(default_factory=dict)  # import specifier -> global
    cdnjs_name: str | None = None
    cdnjs_version: str | None = None
    cdnjs_files: dict[str, str] = field(default_factory=dict)  # cdnjs file path -> our file
    urls: tuple[str, ...] = ()  # other well-known URLs served by ``main``
    sizes: dict[str, int] = field(default_factory=dict)
    tarball_size: int = 0
    license: str | None = None

    @property
    def folder(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def size(self) -> int:
        """Bytes of the served files (once extracted)."""
        return sum(self.sizes.values())

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> LibraryLock:
        where = f"lock entry {name!r}"
        if not isinstance(data, dict):
            raise LockError(f"{where} is not an object")
        if not _NAME_RE.match(name):
            raise LockError(f"{where}: the name must be lower case letters, digits, '.', '_', '-'")
        try:
            package = data["package"]
            version = data["version"]
            tarball = data["tarball"]
            integrity = data["integrity"]
            files = data["files"]
        except KeyError as exc:
            raise LockError(f"{where} lacks {exc.args[0]!r}") from None
        if not isinstance(package, str) or not _PACKAGE_RE.match(package):
            raise LockError(f"{where}: bad package name {package!r}")
        if not isinstance(version, str) or not _VERSION_RE.match(version):
            raise LockError(f"{where}: bad version {version!r}")
        if not isinstance(integrity, str) or not integrity.startswith("sha512-"):
            raise LockError(f"{where}: integrity must be 'sha512-...'")
        try:
            if len(base64.b64decode(integrity[len("sha512-") :], validate=True)) != 64:
                raise ValueError
        except ValueError:
            raise LockError(f"{where}: integrity is not a base64 sha512 digest") from None
        if not isinstance(tarball, str) or "://" in tarball:
            raise LockError(f"{where}: tarball must be a path below the registry, not {tarball!r}")
        safe_relative_path(tarball, f"{where} tarball")
        if not isinstance(files, list) or not files:
            raise LockError(f"{where}: files must be a non-empty list")
        files = tuple(safe_relative_path(f, f"{where} files") for f in files)
        main = data.get("main", files[0])
        if main not in files:
            raise LockError(f"{where}: main {main!r} is not one of its files")
        cdnjs = data.get("cdnjs") or {}
        cdnjs_files = dict(cdnjs.get("files") or {})
        for target in cdnjs_files.values():
            if target not in files:
                raise LockError(f"{where}: cdnjs maps to {target!r}, which is not one of its files")
        return cls(
            name=name,
            package=package,
            version=version,
            tarball=tarball,
            integrity=integrity,
            files=files,
            main=main,
            global_name=data.get("global"),
            needs=tuple(data.get("needs") or ()),
            global_aliases=dict(data.get("global_aliases") or {}),
            imports=dict(data.get("imports") or {}),
            cdnjs_name=cdnjs.get("name"),
            cdnjs_version=cdnjs.get("version") or version,
            cdnjs_files=cdnjs_files,
            urls=tuple(data.get("urls") or ()),
            sizes={str(k): int(v) for k, v in (data.get("sizes") or {}).items()},
            tarball_size=int(data.get("tarball_size") or 0),
            license=data.get("license"),
        )


class AssetLock:
    """The parsed lock: libraries in load order, and the lookups that resolve names to them."""

    def __init__(self, libraries: Iterable[LibraryLock]) -> None:
        self.libraries: dict[str, LibraryLock] = {}
        for lib in libraries:
            if lib.name in self.libraries:
                raise LockError(f"the lock names {lib.name!r} twice")
            self.libraries[lib.name] = lib
        self._by_package = {lib.package: lib for lib in self.libraries.values()}
        self._imports: dict[str, AssetRef] = {}
        self._cdnjs: dict[str, LibraryLock] = {}
        self._urls: dict[str, LibraryLock] = {}
        for lib in self.libraries.values():
            for dep in lib.needs:
                if dep not in self.libraries:
                    raise LockError(f"lock entry {lib.name!r} needs {dep!r}, which is not locked")
            for spec, global_name in lib.imports.items():
                if spec in self._imports:
                    raise LockError(f"import {spec!r} is claimed by two lock entries")
                self._imports[spec] = AssetRef(lib.name, lib.main, global_name)
            if lib.cdnjs_name:
                self._cdnjs[lib.cdnjs_name.lower()] = lib
            for url in lib.urls:
                self._urls[url.rstrip("/")] = lib

    # -- loading ---------------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AssetLock:
        if not isinstance(data, dict) or not isinstance(data.get("libraries"), dict):
            raise LockError("the lock must be an object with a 'libraries' object")
        version = data.get("lockfile_version", LOCKFILE_VERSION)
        if version != LOCKFILE_VERSION:
            raise LockError(f"lockfile_version {version!r} is not supported (expected {LOCKFILE_VERSION})")
        return cls(LibraryLock.from_dict(name, entry) for name, entry in data["libraries"].items())

    @classmethod
    def load(cls, path: Path | str | None = None) -> AssetLock:
        path = Path(path) if path is not None else LOCK_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LockError(f"the asset lock {path} is missing") from None
        except (OSError, ValueError) as exc:
            raise LockError(f"the asset lock {path} cannot be read ({exc})") from None
        return cls.from_dict(data)

    # -- lookups ---------------------------------------------------------------------------------

    def __iter__(self):
        return iter(self.libraries.values())

    def __len__(self) -> int:
        return len(self.libraries)

    def __contains__(self, name: object) -> bool:
        return name in self.libraries or name in self._by_package

    def get(self, name: str) -> LibraryLock:
        """A library by its lock name or its npm package name."""
        lib = self.libraries.get(name) or self._by_package.get(name)
        if lib is None:
            known = ", ".join(self.libraries)
            raise AssetError(f"no runtime library named {name!r} (known: {known})")
        return lib

    def load_order(self, names: Iterable[str]) -> list[str]:
        """``names`` plus everything they need, dependencies first."""
        ordered: list[str] = []

        def visit(name: str, path: tuple[str, ...]) -> None:
            lib = self.get(name)
            if lib.name in ordered:
                return
            if lib.name in path:
                raise LockError(f"the lock's 'needs' form a cycle through {lib.name!r}")
            for dep in lib.needs:
                visit(dep, path + (lib.name,))
            ordered.append(lib.name)

        for name in names:
            visit(name, ())
        return ordered

    def resolve_import(self, specifier: str) -> AssetRef | None:
        """``"recharts"`` -> the recharts entry's main file and global; None when unknown."""
        return self._imports.get(specifier.strip())

    def resolve_url(self, url: str) -> AssetRef | None:
        """Map a CDN URL (cdnjs, unpkg, jsDelivr, esm.sh or a listed URL) to a local file."""
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        if parts.scheme not in ("http", "https", "") or not parts.netloc:
            return None
        host = parts.netloc.lower()
        path = parts.path
        bare = f"{parts.scheme}://{parts.netloc}{path}".rstrip("/")
        for prefix, lib in self._urls.items():
            if bare == prefix or bare.startswith(prefix + "/"):
                return AssetRef(lib.name, lib.main, lib.global_name, exact=False)
        if host == "cdnjs.cloudflare.com":
            m = re.match(r"^/ajax/libs/([^/]+)/([^/]+)/(.+)$", path)
            if not m:
                return None
            name, version, file = m.groups()
            lib = self._cdnjs.get(name.lower())
            if lib is None:
                return None
            target = lib.cdnjs_files.get(file) or (file if file in lib.files else None)
            if target is None:
                return None
            exact = version in (lib.cdnjs_version, lib.version)
            return AssetRef(lib.name, target, self._global_of(lib, target), exact)
        if host in ("unpkg.com", "cdn.jsdelivr.net", "esm.sh", "cdn.skypack.dev"):
            if host == "cdn.jsdelivr.net":
                if not path.startswith("/npm/"):
                    return None
                path = path[len("/npm") :]
            m = re.match(r"^/((?:@[^/@]+/)?[^/@]+)(?:@([^/]+))?(?:/(.*))?$", path)
            if not m:
                return None
            package, version, file = m.groups()
            lib = self._by_package.get(package)
            if lib is None:
                return None
            if not file:
                target = lib.main
            else:
                target = file if file in lib.files else lib.cdnjs_files.get(file)
                if target is None:
                    return None
            exact = version is None or version == lib.version
            return AssetRef(lib.name, target, self._global_of(lib, target), exact)
        return None

    def resolve(self, ref: str) -> AssetRef | None:
        """An import specifier or a CDN URL -> (library, file); None if it is not ours."""
        if "://" in ref:
            return self.resolve_url(ref)
        return self.resolve_import(ref)

    @staticmethod
    def _global_of(lib: LibraryLock, file: str) -> str | None:
        return lib.global_name if file == lib.main else None


def load_lock(path: Path | str | None = None) -> AssetLock:
    """The lock at ``path`` (default: the one shipped with the package, parsed once)."""
    return _load_lock_cached(Path(path) if path is not None else LOCK_FILE)


@functools.lru_cache(maxsize=4)
def _load_lock_cached(path: Path) -> AssetLock:
    return AssetLock.load(path)


# ----------------------------------------------------------------------------------------------
# The cache


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
        failures = [(n, r) for n, r in zip(todo, results) if isinstance(r, BaseException)]
        for _, exc in failures:
            if not isinstance(exc, Exception):
                raise exc  # cancellation, KeyboardInterrupt
        for _, exc in failures:
            if not isinstance(exc, AssetsUnavailable):
                raise exc
        if failures:
            labels = [f"{n} {self.lock.get(n).version}" for n, _ in failures]
            reasons = dict.fromkeys(exc.reason for _, exc in failures)  # type: ignore[union-attr]
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
            sizes = await asyncio.to_thread(_extract, download, staged, lib)
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


def _extract(tarball: Path, dest: Path, lib: LibraryLock) -> dict[str, int]:
    """Write only the lock's listed files from ``tarball`` below ``dest``; returns their sizes.

    Members are looked up by the lock's (validated) names and copied by content: nothing else in
    the archive is written, so hostile names (``../x``, ``/etc/x``) and links have no effect.
    """
    wanted = {f: None for f in lib.files}
    try:
        with tarfile.open(tarball, mode="r:*") as tf:
            members: dict[str, tarfile.TarInfo] = {}
            for member in tf:
                # npm packs everything below one top folder (usually "package/").
                parts = member.name.split("/", 1)
                if len(parts) == 2 and parts[0] not in ("", ".", "..") and parts[1] in wanted:
                    members[parts[1]] = member
            sizes: dict[str, int] = {}
            root = dest.resolve()
            for file in lib.files:
                member = members.get(file)
                if member is None:
                    raise AssetArchiveError(f"{lib.name} {lib.version}: the tarball has no {file!r}")
                if not member.isreg():
                    raise AssetArchiveError(f"{lib.name} {lib.version}: {file!r} in the tarball is not a regular file")
                target = dest / file
                target.parent.mkdir(parents=True, exist_ok=True)
                if root not in target.resolve().parents:
                    raise AssetArchiveError(f"{lib.name} {lib.version}: {file!r} escapes its folder")
                source = tf.extractfile(member)
                if source is None:
                    raise AssetArchiveError(f"{lib.name} {lib.version}: cannot read {file!r}")
                with source, target.open("wb") as out:
                    shutil.copyfileobj(source, out, CHUNK)
                sizes[file] = target.stat().st_size
                expected = lib.sizes.get(file)
                if expected is not None and expected != sizes[file]:
                    raise AssetArchiveError(
                        f"{lib.name} {lib.version}: {file!r} has {sizes[file]} bytes, the lock says {expected}"
                    )
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise AssetArchiveError(f"{lib.name} {lib.version}: cannot unpack the tarball ({exc})") from None
    return sizes

"""The asset lock: each runtime library pinned by version and sha512 integrity, the files served
from its npm tarball, the global it defines, and the import specifiers and CDN URLs that resolve
to it (``assets.lock.json`` next to this module, written by ``python -m artifacts_runtime.assets_lock``)."""

from __future__ import annotations

import base64
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .errors import AssetError, LockError

LOCK_FILE = Path(__file__).with_name("assets.lock.json")
LOCKFILE_VERSION = 1

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+-]*$")
_PACKAGE_RE = re.compile(r"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$")


#: First-party CDNs of pinned libraries: host -> (path pattern, lock entry). The pattern's one
#: group is the version the URL names (None: unversioned, "latest"). Also read by frame-compat.js
#: (for scripts an artifact adds at run time), so each pattern must mean the same in JavaScript.
FIRST_PARTY_URLS: dict[str, tuple[str, str]] = {
    "d3js.org": (r"^/d3(?:\.v(\d+))?(?:\.min)?\.js$", "d3"),
    "cdn.plot.ly": (r"^/plotly(?:-[a-z0-9]+)?-(latest|v?\d[\d.]*)(?:\.min)?\.js$", "plotly"),
    "threejs.org": (r"^/build/three(?:\.min)?\.js$()", "three"),
    "cdn.sheetjs.com": (r"^/xlsx-(latest|\d[\d.]*)/package/dist/xlsx\.(?:full|core|mini)(?:\.min)?\.js$", "xlsx"),
}


def version_matches(asked: str | None, pinned: str) -> bool:
    """Whether a URL's version (``7``, ``v2.35``, ``0.128.0``) names the pinned one."""
    if not asked:
        return False
    asked = asked.removeprefix("v")
    return pinned == asked or pinned.startswith(asked + ".")


def min_variant(path: str) -> str | None:
    """``x.min.js`` <-> ``x.js`` (and the same for .css)."""
    for ext in (".js", ".css"):
        if path.endswith(".min" + ext):
            return path[: -len(".min" + ext)] + ext
        if path.endswith(ext):
            return path[: -len(ext)] + ".min" + ext
    return None


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
    #: A CommonJS file (no browser global): the page loads it with ``module``/``exports``/``require``
    #: shims and keeps ``module.exports`` as ``window.__artifactsModules[package]``.
    commonjs: bool = False

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
            commonjs=bool(data.get("commonjs", False)),
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

    def __iter__(self) -> Iterator[LibraryLock]:
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
                visit(dep, (*path, lib.name))
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
        if host in FIRST_PARTY_URLS:
            pattern, name = FIRST_PARTY_URLS[host]
            m = re.match(pattern, path)
            first = self.libraries.get(name)
            if m is None or first is None:
                return None
            exact = version_matches(m.group(1), first.version)
            return AssetRef(first.name, first.main, first.global_name, exact)
        bare = f"{parts.scheme}://{parts.netloc}{path}".rstrip("/")
        for prefix, lib in self._urls.items():
            if bare == prefix or bare.startswith(prefix + "/"):
                return AssetRef(lib.name, lib.main, lib.global_name, exact=False)
        if host == "cdnjs.cloudflare.com":
            m = re.match(r"^/ajax/libs/([^/]+)/([^/]+)/(.+)$", path)
            if not m:
                return None
            name, version, file = m.groups()
            on_cdnjs = self._cdnjs.get(name.lower())
            if on_cdnjs is None:
                return None
            lib = on_cdnjs
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
            on_npm = self._by_package.get(package)
            if on_npm is None:
                return None
            lib = on_npm
            if not file:
                target = lib.main
            else:
                target = file if file in lib.files else lib.cdnjs_files.get(file)
                variant = min_variant(file)
                if target is None and variant in lib.files:  # unpkg's x.js for our x.min.js
                    target = variant
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

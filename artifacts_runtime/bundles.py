"""Bundles: an artifact with every version, its metadata, state and files, in one zip file.

A bundle is untrusted input: every member name, size and field is checked, and the whole file
is validated before anything is written, so a hostile or broken bundle changes nothing.

Layout of a bundle (format 1)::

    manifest.json          {"format": "live-artifacts-bundle", "format_version": 1, "artifact": {…},
                            "versions": [{number, title, type, language, source, label,
                                          incomplete, created_at, sha256}], "files": [{…}],
                            "has_state": bool}
    versions/<n>.txt       the content of version n (UTF-8)
    state.json             [{scope, key, value, updated_at}]   (when exported with state)
    files/<i>              attached file i (bytes)
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import stat
import struct
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

from . import __version__, kinds
from .errors import ArtifactsError
from .humanize import format_bytes
from .records import VERSION_SOURCES, Artifact
from .store import Store, limits
from .store import store as store_module

FORMAT = "live-artifacts-bundle"
FORMAT_VERSION = 1
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
# No compression-ratio rule: a 5 MB storage value of repeated text compresses 1000x and is
# legitimate. A zip bomb is stopped by sizes instead: the sizes the archive declares are checked
# before anything is expanded, and zipfile never expands a member beyond its declared size.
_MEMBER = re.compile(r"^(manifest\.json|state\.json|versions/[1-9][0-9]{0,8}\.txt|files/[0-9]{1,6})$")


class BundleError(ArtifactsError):
    """A bundle that cannot be imported; nothing was changed."""


def is_bundle(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------- export


async def export_bundle(store: Store, ref: str, *, with_state: bool = True) -> bytes:
    artifact = await store.get(ref)
    versions = []
    contents: dict[int, bytes] = {}
    for v in await store.versions(artifact.id):
        full = await store.version(artifact.id, v.number)
        data = (full.content or "").encode("utf-8", "surrogatepass")
        contents[v.number] = data
        versions.append(
            {
                "number": v.number,
                "title": v.title,
                "type": v.type,
                "language": v.language,
                "source": v.source,
                "label": v.label,
                "incomplete": v.incomplete,
                "created_at": v.created_at,
                "sha256": _sha(data),
            }
        )
    files = []
    blobs: list[bytes] = []
    for i, f in enumerate(x for x in await store.files(artifact_id=artifact.id) if x.artifact_id == artifact.id):
        data = (await store.read_file(f.name, artifact_id=artifact.id)).data or b""
        blobs.append(data)
        files.append({"index": i, "name": f.name, "mime": f.mime, "created_at": f.created_at, "sha256": _sha(data)})
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": time.time(),
        "artifact": {
            "id": artifact.id,
            "title": artifact.title,
            "type": artifact.type,
            "language": artifact.language,
            "created_at": artifact.created_at,
            "updated_at": artifact.updated_at,
            "pinned": artifact.pinned,
            "remixed_from": artifact.remixed_from,
            "current_version": artifact.current_version,
        },
        "versions": versions,
        "files": files,
        "has_state": with_state,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for number, data in contents.items():
            zf.writestr(f"versions/{number}.txt", data)
        if with_state:
            state = [
                {"scope": e.scope, "key": e.key, "value": e.value, "updated_at": e.updated_at}
                for e in await store.all_state(artifact.id)
            ]
            zf.writestr("state.json", json.dumps(state, ensure_ascii=False))
        for i, data in enumerate(blobs):
            zf.writestr(f"files/{i}", data)
    return buf.getvalue()


# ---------------------------------------------------------------------------- import


#: What the zip module raises on a damaged or crafted archive (besides reading it fine).
_DAMAGED = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    RuntimeError,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    zlib.error,
    struct.error,
    OverflowError,
)


def _read_members(data: bytes) -> dict[str, bytes]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED as exc:
        raise BundleError(f"not a bundle: the file is not a valid zip archive ({exc})") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BundleError(f"refused: the bundle has {len(infos)} members (at most {MAX_MEMBERS})")
        declared = 0
        seen: set[str] = set()
        for info in infos:
            name = info.filename
            if info.is_dir():
                continue
            if not _MEMBER.match(name):
                raise BundleError(f"refused: unexpected member {name[:100]!r} (a path outside the bundle's layout)")
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise BundleError(f"refused: {name} is a symbolic link")
            if name in seen:
                raise BundleError(f"refused: {name} appears twice")
            seen.add(name)
            if info.file_size > MAX_MEMBER_BYTES:
                raise BundleError(
                    f"refused: {name} is {format_bytes(info.file_size)} (at most {format_bytes(MAX_MEMBER_BYTES)})"
                )
            declared += info.file_size
            if declared > MAX_TOTAL_BYTES:
                raise BundleError(
                    f"refused: the bundle expands to more than {format_bytes(MAX_TOTAL_BYTES)} (a zip bomb?)"
                )
        out: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            try:
                with zf.open(info) as fh:
                    # zipfile never yields more than the declared size (it fails the CRC
                    # instead), so this read is bounded by the checks above.
                    content = fh.read(info.file_size + 1)
            except _DAMAGED as exc:
                raise BundleError(f"refused: {name} cannot be read, the bundle is damaged ({exc})") from exc
            if len(content) != info.file_size:
                raise BundleError(f"refused: {name} is not the size its header claims (damaged or altered)")
            out[name] = content
        return out


def _field(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, *, optional: bool = False) -> Any:
    if key not in obj or obj[key] is None:
        if optional:
            return None
        raise BundleError(f"refused: {where} has no {key!r}")
    value = obj[key]
    if isinstance(value, bool) and kind in (int, float, (int, float)):
        raise BundleError(f"refused: {where}.{key} has the wrong type")
    if not isinstance(value, kind):
        raise BundleError(f"refused: {where}.{key} has the wrong type")
    return value


def _time(obj: dict[str, Any], key: str, where: str, *, optional: bool = False) -> float | None:
    """A timestamp: a finite number (JSON allows NaN, Infinity and 10**400; SQLite does not)."""
    value = _field(obj, key, (int, float), where, optional=optional)
    if value is None:
        return None
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise BundleError(f"refused: {where}.{key} is not a valid time")
    return number


def parse_bundle(data: bytes) -> dict[str, Any]:
    """Validate everything; return what ``Store.import_bundle`` needs."""
    members = _read_members(data)
    if "manifest.json" not in members:
        raise BundleError("not a bundle: manifest.json is missing")
    try:
        manifest = json.loads(members["manifest.json"].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError(f"refused: manifest.json is not valid JSON ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError("not a live-artifacts bundle (wrong or missing format in manifest.json)")
    fv = manifest.get("format_version")
    if not isinstance(fv, int) or isinstance(fv, bool) or fv < 1:
        raise BundleError("refused: manifest.json has no valid format_version")
    if fv > FORMAT_VERSION:
        raise BundleError(
            f"this bundle was made by a newer live-artifacts (format {fv}; this release reads "
            f"format {FORMAT_VERSION}); upgrade live-artifacts to import it"
        )
    art = manifest.get("artifact")
    if not isinstance(art, dict):
        raise BundleError("refused: manifest.json has no artifact")
    title = _field(art, "title", str, "artifact").strip() or "Untitled"
    raw_versions = manifest.get("versions")
    if not isinstance(raw_versions, list) or not raw_versions:
        raise BundleError("refused: the bundle has no versions")
    versions = []
    seen: set[int] = set()
    used = {"manifest.json", "state.json"}
    for i, v in enumerate(raw_versions):
        where = f"versions[{i}]"
        if not isinstance(v, dict):
            raise BundleError(f"refused: {where} is not an object")
        number = _field(v, "number", int, where)
        if number < 1 or number in seen:
            raise BundleError(f"refused: {where} has an invalid or repeated number")
        seen.add(number)
        type_ = _field(v, "type", str, where)
        if type_ not in kinds.TYPES:
            raise BundleError(f"refused: {where} has an unknown type {type_[:60]!r}")
        source = _field(v, "source", str, where)
        if source not in VERSION_SOURCES:
            raise BundleError(f"refused: {where} has an unknown source {source[:40]!r}")
        member = f"versions/{number}.txt"
        if member not in members:
            raise BundleError(f"refused: {member} is missing")
        raw = members[member]
        sha = _field(v, "sha256", str, where)
        if _sha(raw) != sha:
            raise BundleError(f"refused: {member} does not match its checksum (damaged or altered)")
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleError(f"refused: {member} is not UTF-8 text") from exc
        used.add(member)
        versions.append(
            {
                "number": number,
                "content": content,
                "type": type_,
                "source": source,
                "title": _field(v, "title", str, where),
                "language": _field(v, "language", str, where, optional=True),
                "label": _field(v, "label", str, where, optional=True),
                "incomplete": bool(_field(v, "incomplete", bool, where, optional=True)),
                "created_at": _time(v, "created_at", where),
            }
        )
    state: list[dict[str, Any]] = []
    state_keys: set[tuple[str, str]] = set()
    if "state.json" in members:
        try:
            raw_state = json.loads(members["state.json"].decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise BundleError(f"refused: state.json is not valid JSON ({exc})") from exc
        if not isinstance(raw_state, list):
            raise BundleError("refused: state.json is not a list")
        for i, e in enumerate(raw_state):
            where = f"state[{i}]"
            if not isinstance(e, dict):
                raise BundleError(f"refused: {where} is not an object")
            scope = _field(e, "scope", str, where)
            if scope not in ("personal", "shared"):
                raise BundleError(f"refused: {where} has an unknown scope")
            key = _field(e, "key", str, where)
            value = _field(e, "value", str, where)
            try:
                limits.check_key(key)
                limits.check_value(value)
            except ArtifactsError as exc:
                raise BundleError(f"refused: {where}: {exc}") from exc
            if (scope, key) in state_keys:
                raise BundleError(f"refused: {where}: the {scope} key {key[:60]!r} appears twice")
            state_keys.add((scope, key))
            state.append({"scope": scope, "key": key, "value": value, "updated_at": _time(e, "updated_at", where)})
    files = []
    raw_files = manifest.get("files", [])
    if not isinstance(raw_files, list):
        raise BundleError("refused: manifest files is not a list")
    names: set[str] = set()
    for i, f in enumerate(raw_files):
        where = f"files[{i}]"
        if not isinstance(f, dict):
            raise BundleError(f"refused: {where} is not an object")
        index = _field(f, "index", int, where)
        name = _field(f, "name", str, where)
        if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name or name in names:
            raise BundleError(f"refused: {where} has an unsafe or repeated file name {name[:60]!r}")
        names.add(name)
        member = f"files/{index}"
        if member not in members:
            raise BundleError(f"refused: {member} is missing")
        data_ = members[member]
        if _sha(data_) != _field(f, "sha256", str, where):
            raise BundleError(f"refused: {member} does not match its checksum")
        if len(data_) > store_module.MAX_FILE_BYTES:
            raise BundleError(
                f"refused: {where} ({name[:60]!r}) is {format_bytes(len(data_))}; attached files "
                f"may be at most {format_bytes(store_module.MAX_FILE_BYTES)}"
            )
        used.add(member)
        files.append(
            {
                "name": name,
                "mime": _field(f, "mime", str, where),
                "data": data_,
                "created_at": _time(f, "created_at", where),
            }
        )
    unused = sorted(set(members) - used)
    if unused:
        raise BundleError(f"refused: unexpected member {unused[0]!r} (not named in manifest.json)")
    return {
        "title": title,
        "versions": versions,
        "state": state,
        "files": files,
        "created_at": _time(art, "created_at", "artifact", optional=True),
        "updated_at": _time(art, "updated_at", "artifact", optional=True),
        "pinned": bool(art.get("pinned", False)),
        "remixed_from": art.get("remixed_from") if isinstance(art.get("remixed_from"), str) else None,
    }


async def import_bundle(store: Store, data: bytes, *, with_state: bool = True) -> Artifact:
    parsed = parse_bundle(data)
    if not with_state:
        parsed["state"] = []
    return await store.import_bundle(**parsed)

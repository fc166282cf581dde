"""Unpacking a verified npm tarball: only the files the lock lists, copied by content."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

from .errors import AssetArchiveError
from .lock import LibraryLock

CHUNK = 64 * 1024


def extract_listed_files(tarball: Path, dest: Path, lib: LibraryLock) -> dict[str, int]:
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
                found = members.get(file)
                if found is None:
                    raise AssetArchiveError(f"{lib.name} {lib.version}: the tarball has no {file!r}")
                member = found
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

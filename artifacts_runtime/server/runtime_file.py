"""The running server's record (``server.json`` in the runtime folder, mode 0600): how
``artifacts url`` and ``artifacts publish`` find the server of the app, and its token."""

from __future__ import annotations

import json
import os
import time
from typing import Any, TypedDict

from .. import __version__
from ..paths import Paths


class ServerRecord(TypedDict):
    url: str
    host: str
    port: int
    token: str
    pid: int
    started: float
    version: str


def read_server_file(paths: Paths) -> dict[str, Any] | None:
    """The running server's record, or None when there is none (or it is stale)."""
    try:
        data = json.loads(paths.server_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    if not isinstance(pid, int):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return data


def write_server_file(paths: Paths, *, url: str, host: str, port: int, token: str) -> None:
    """Record this server for `artifacts url`, unless another live one (the app's, say) is
    already recorded: a second server (`artifacts open` while the app runs) must not take the
    record over and then delete it when it stops."""
    paths.runtime.mkdir(parents=True, exist_ok=True)
    other = read_server_file(paths)
    if other is not None and other.get("pid") != os.getpid():
        return
    record: ServerRecord = {
        "url": url,
        "host": host,
        "port": port,
        "token": token,
        "pid": os.getpid(),
        "started": time.time(),
        "version": __version__,
    }
    tmp = paths.server_file.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(record, fh)
    os.replace(tmp, paths.server_file)


def remove_server_file(paths: Paths, port: int) -> None:
    """Remove the record if it is this process's server on ``port`` (and nobody else's)."""
    try:
        data = json.loads(paths.server_file.read_text(encoding="utf-8"))
        if data.get("pid") == os.getpid() and data.get("port") == port:
            paths.server_file.unlink()
    except (OSError, ValueError, AttributeError):
        pass

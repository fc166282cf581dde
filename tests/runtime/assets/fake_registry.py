"""A small fake npm registry served on 127.0.0.1, tarballs built in memory, and test locks."""

from __future__ import annotations

import io
import json
import tarfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from artifacts_runtime.assets import (
    AssetLock,
    sri_sha512,
)


def make_tarball(members: dict[str, bytes | tuple[str, str]]) -> bytes:
    """A gzipped tarball; keys are raw member names, values bytes or ("symlink", target)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.mtime = 1_700_000_000
            if isinstance(content, tuple):
                info.type = tarfile.SYMTYPE
                info.linkname = content[1]
                tf.addfile(info)
            else:
                info.size = len(content)
                tf.addfile(info, io.BytesIO(content))
    return buf.getvalue()


class FakeRegistry:
    """Serves fixed bytes by path; records requests and the peak number served at once."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.requests: list[str] = []
        self.delay = 0.0
        self.stall: dict[str, threading.Event] = {}  # path -> send half the body, then wait
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with registry._lock:
                    registry.requests.append(self.path)
                    registry.in_flight += 1
                    registry.peak = max(registry.peak, registry.in_flight)
                try:
                    if registry.delay:
                        time.sleep(registry.delay)
                    status, body, ctype = registry.routes.get(
                        self.path, (404, b'{"error":"Not found"}', "application/json")
                    )
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.path in registry.stall:
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        registry.stall[self.path].wait(10)
                        return
                    self.wfile.write(body)
                finally:
                    with registry._lock:
                        registry.in_flight -= 1

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def add(self, path: str, body: bytes, status: int = 200, ctype: str = "application/octet-stream") -> None:
        self.routes["/" + path.lstrip("/")] = (status, body, ctype)

    def add_package(self, name: str, version: str, tarball: bytes) -> str:
        """Publish a tarball the way npm lays it out; returns its path below the registry."""
        path = f"{name}/-/{name.split('/')[-1]}-{version}.tgz"
        self.add(path, tarball)
        manifest = {
            "name": name,
            "version": version,
            "license": "MIT",
            "dist": {"integrity": sri_sha512(tarball), "tarball": f"{self.url}/{path}"},
        }
        self.add(f"{name}/{version}", json.dumps(manifest).encode(), ctype="application/json")
        return path


ALPHA_FILES = {
    "package/dist/alpha.min.js": b"window.Alpha = {ok: true};\n",
    "package/styles/alpha.css": b".alpha { color: red }\n",
    "package/README.md": b"not served\n",
}


def entry(name: str, tarball_path: str, tarball: bytes, files: dict[str, bytes], **extra) -> dict:
    data = {
        "package": name,
        "version": "1.0.0",
        "tarball": tarball_path,
        "tarball_size": len(tarball),
        "integrity": sri_sha512(tarball),
        "files": list(files),
        "sizes": {f: len(b) for f, b in files.items()},
        "global": name.capitalize(),
        "imports": {name: name.capitalize()},
        "cdnjs": {"name": name, "files": {}},
    }
    data.update(extra)
    return data


def publish(registry: FakeRegistry, name: str, served: dict[str, bytes], extra_members=None, **extra) -> dict:
    members: dict[str, bytes | tuple[str, str]] = {f"package/{f}": b for f, b in served.items()}
    members.update(extra_members or {})
    tarball = make_tarball(members)
    path = registry.add_package(name, "1.0.0", tarball)
    return entry(name, path, tarball, served, **extra)


def lock_of(*entries: tuple[str, dict]) -> AssetLock:
    return AssetLock.from_dict({"lockfile_version": 1, "libraries": dict(entries)})


def alpha_lock(registry: FakeRegistry) -> AssetLock:
    served = {k.removeprefix("package/"): v for k, v in ALPHA_FILES.items() if not k.endswith(".md")}
    return lock_of(("alpha", publish(registry, "alpha", served)))


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir()) if root.exists() else []

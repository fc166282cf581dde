"""The local server: HTTP + WebSocket on 127.0.0.1 (aiohttp, in the caller's asyncio loop).

What it serves:

- ``/view/{id}``           the trusted shell page (the token travels in the URL fragment)
- ``/frame/{id}/{n}``      the artifact's sandboxed document (needs a per-artifact ticket)
- ``/api/artifacts/{id}``  metadata, and ``/call`` for the bridge (needs the token)
- ``/ws``                  events: ``artifact.updated``, ``state.changed``, ``artifact.error``
- ``/assets/…``            the pinned browser libraries from the user cache
- ``/runtime/…``           our own page scripts and styles

Defences, each tested with hostile requests: every API and WebSocket request needs the token;
a request whose Host is not a loopback name (or the configured host) is refused, which defeats
DNS rebinding; a request with a foreign Origin, or marked cross-site by the browser, is refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import WSMsgType, web

from . import __version__
from .assets import AssetCache, AssetError
from .bridge import Bridge, BridgeError
from .errors import ArtifactsError, NotFound
from .events import Event, EventHub
from .ids import new_token
from .page import (
    RUNTIME_DIR,
    SHELL_CSP,
    FrameSpec,
    Resources,
    frame_csp,
    frame_document,
    needed_libraries,
    shell_document,
)
from .paths import Paths
from .store import Store

MAX_BODY = 12 * 1024 * 1024  # a 5 MB storage value, JSON-escaped, fits
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def is_loopback_host(hostname: str) -> bool:
    name = hostname.strip("[]").lower().rstrip(".")
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def split_host(host_header: str) -> str:
    """The host name of a Host header, without the port (IPv6 literals keep no brackets)."""
    host = host_header.strip()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"ok": False, "error": {"code": code, "message": message}}, status=status)


class ArtifactServer:
    def __init__(
        self,
        store: Store,
        bridge: Bridge,
        events: EventHub,
        assets: AssetCache,
        paths: Paths,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str | None = None,
    ) -> None:
        self.store = store
        self.bridge = bridge
        self.events = events
        self.assets = assets
        self.paths = paths
        self.host = host
        self.port = port
        self.token = token or new_token()
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self._unsubscribe: Callable[[], None] | None = None
        self._runtime_files = {p.name for p in RUNTIME_DIR.iterdir() if p.suffix in (".js", ".css")}
        self._asset_fetch_lock = asyncio.Lock()

    # ---------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.host in ("0.0.0.0", "::"):
            host = "127.0.0.1"
        return f"http://{host}:{self.port}"

    def view_url(self, artifact_id: str, *, version: int | None = None) -> str:
        query = f"?v={version}" if version else ""
        return f"{self.base_url}/view/{artifact_id}{query}#token={self.token}"

    def frame_ticket(self, artifact_id: str) -> str:
        mac = hmac.new(self.token.encode(), f"frame:{artifact_id}".encode(), hashlib.sha256)
        return mac.hexdigest()[:32]

    def build_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/health", self._health)
        app.router.add_get("/favicon.ico", self._no_content)
        app.router.add_get("/view/{id}", self._view)
        app.router.add_get("/frame/{id}/{version}", self._frame)
        app.router.add_get("/api/artifacts/{id}", self._artifact)
        app.router.add_post("/api/artifacts/{id}/call", self._call)
        app.router.add_get("/ws", self._ws)
        app.router.add_get("/assets/{folder}/{path:.+}", self._asset)
        app.router.add_get("/runtime/{name}", self._runtime)
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.build_app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, shutdown_timeout=1.0)
        await site.start()
        sockets = site._server.sockets if site._server else []  # noqa: SLF001 - the bound port
        if sockets:
            self.port = sockets[0].getsockname()[1]
        self._unsubscribe = self.events.subscribe(self._broadcast)
        self._write_runtime_file()

    async def stop(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        for ws in list(self._sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()
            self._runner = None
        self._remove_runtime_file()

    async def __aenter__(self) -> ArtifactServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _write_runtime_file(self) -> None:
        self.paths.runtime.mkdir(parents=True, exist_ok=True)
        data = {
            "url": self.base_url, "host": self.host, "port": self.port, "token": self.token,
            "pid": os.getpid(), "started": time.time(), "version": __version__,
        }
        tmp = self.paths.server_file.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, self.paths.server_file)

    def _remove_runtime_file(self) -> None:
        try:
            data = json.loads(self.paths.server_file.read_text(encoding="utf-8"))
            if data.get("pid") == os.getpid() and data.get("port") == self.port:
                self.paths.server_file.unlink()
        except (OSError, ValueError):
            pass

    # ---------------------------------------------------------------- the guard

    def _host_allowed(self, request: web.Request) -> bool:
        host = request.headers.get("Host", "")
        if not host:
            return False
        name = split_host(host)
        if is_loopback_host(name):
            return True
        return self.host not in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "::") and name == self.host

    def _token_ok(self, request: web.Request) -> bool:
        given = ""
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            given = auth[7:].strip()
        elif request.headers.get("X-Artifacts-Token"):
            given = request.headers["X-Artifacts-Token"]
        elif request.path == "/ws":
            given = request.query.get("token", "")
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    def _origin_ok(self, request: web.Request) -> bool:
        if request.headers.get("Sec-Fetch-Site") == "cross-site":
            return False
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        return origin == f"{request.scheme}://{request.headers.get('Host', '')}"

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if not self._host_allowed(request):
            return _error(403, "bad_host", "this server answers only to its own address (Host refused)")
        if request.path.startswith("/api/") or request.path == "/ws":
            if not self._origin_ok(request):
                return _error(403, "bad_origin", "cross-origin requests are refused")
            if not self._token_ok(request):
                return _error(401, "bad_token", "a valid token is required; `artifacts url ID` prints a link with it")
        response = await handler(request)
        for name, value in COMMON_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # ---------------------------------------------------------------- pages

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "app": "live-artifacts", "version": __version__})

    async def _no_content(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _view(self, request: web.Request) -> web.Response:
        artifact_id = request.match_info["id"]
        version = request.query.get("v")
        body = shell_document(artifact_id, "live-artifacts", int(version) if version and version.isdigit() else None)
        return web.Response(
            text=body, content_type="text/html",
            headers={"Content-Security-Policy": SHELL_CSP, "Cache-Control": "no-store"},
        )

    async def _artifact(self, request: web.Request) -> web.Response:
        try:
            artifact = await self.store.get(request.match_info["id"])
            number = request.query.get("version")
            version = await self.store.version(artifact.id, int(number) if number and number.isdigit() else None)
        except (NotFound, ArtifactsError) as exc:
            return _error(404, "not_found", str(exc))
        return web.json_response({
            "id": artifact.id, "title": artifact.title, "type": version.type,
            "language": version.language, "version": version.number,
            "current_version": artifact.current_version, "trashed": artifact.trashed,
            "frame_url": f"/frame/{artifact.id}/{version.number}?ticket={self.frame_ticket(artifact.id)}",
        }, headers={"Cache-Control": "no-store"})

    async def _frame(self, request: web.Request) -> web.Response:
        artifact_id = request.match_info["id"]
        ticket = request.query.get("ticket", "")
        if not hmac.compare_digest(ticket.encode(), self.frame_ticket(artifact_id).encode()):
            return web.Response(status=403, text="this frame link is not valid", content_type="text/plain")
        try:
            number = int(request.match_info["version"])
            version = await self.store.version(artifact_id, number)
        except (ValueError, NotFound) as exc:
            return web.Response(status=404, text=str(exc), content_type="text/plain")
        spec = FrameSpec(artifact_id, version.number, version.type, version.title,
                         version.content or "", version.language)
        problem = await self._ensure_assets(needed_libraries(spec, self.assets.lock))
        if problem:
            return web.Response(
                status=503, content_type="text/html",
                text=f"<!doctype html><meta charset=utf-8><title>Runtime libraries missing</title>"
                f"<body style='font:15px system-ui;padding:24px'><h2>This artifact cannot be shown yet</h2>"
                f"<p>{_escape(problem)}</p></body>",
                headers={"Content-Security-Policy": frame_csp(None)},
            )
        html_doc = frame_document(spec, Resources(self.assets.lock))
        origin = f"{request.scheme}://{request.headers.get('Host', '')}"
        return web.Response(
            text=html_doc, content_type="text/html",
            headers={"Content-Security-Policy": frame_csp(origin), "Cache-Control": "no-store"},
        )

    async def _ensure_assets(self, names: list[str]) -> str | None:
        """Fetch missing libraries on first need; a sentence for the page when that fails."""
        if not self.assets.missing(names):
            return None
        async with self._asset_fetch_lock:
            try:
                await self.assets.ensure(names)
            except AssetError as exc:
                return str(exc)
        return None

    # ---------------------------------------------------------------- the bridge

    async def _call(self, request: web.Request) -> web.Response:
        artifact_id = request.match_info["id"]
        try:
            payload = await request.json()
        except (ValueError, UnicodeDecodeError):
            return _error(400, "bad_request", "the request body is not JSON")
        except web.HTTPRequestEntityTooLarge:
            return _error(413, "value_too_large", "the request is larger than 12 MB; storage values may be at most 5 MB")
        if not isinstance(payload, dict) or not isinstance(payload.get("method"), str):
            return _error(400, "bad_request", "expected {method, params}")
        try:
            if await self.store.resolve(artifact_id) != artifact_id:
                raise NotFound("the bridge needs the artifact's full id")
            result = await self.bridge.call(
                artifact_id, payload["method"], payload.get("params", {}),
                view=request.headers.get("X-Artifacts-View"),
            )
        except BridgeError as exc:
            return web.json_response({"ok": False, "error": {"code": exc.code, "message": exc.message}})
        except NotFound as exc:
            return _error(404, "not_found", str(exc))
        return web.json_response({"ok": True, "result": result})

    # ---------------------------------------------------------------- events

    async def _ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=30)
        await ws.prepare(request)
        self._sockets.add(ws)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT and msg.data == "ping":
                    await ws.send_str('{"type":"pong"}')
                elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self._sockets.discard(ws)
        return ws

    def _broadcast(self, event: Event) -> None:
        if not self._sockets:
            return
        data = json.dumps(event, default=str)
        for ws in list(self._sockets):
            if not ws.closed:
                asyncio.ensure_future(self._send(ws, data))

    async def _send(self, ws: web.WebSocketResponse, data: str) -> None:
        try:
            await ws.send_str(data)
        except (ConnectionError, RuntimeError):
            self._sockets.discard(ws)

    # ---------------------------------------------------------------- static files

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        folder, path = request.match_info["folder"], request.match_info["path"]
        name = folder.rsplit("@", 1)[0]
        try:
            lib = self.assets.lock.get(name)
        except AssetError:
            raise web.HTTPNotFound()
        if lib.folder != folder or path not in lib.files:
            raise web.HTTPNotFound()
        if not self.assets.is_cached(lib.name):
            problem = await self._ensure_assets([lib.name])
            if problem:
                return web.Response(status=503, text=problem, content_type="text/plain")
        return web.FileResponse(
            self.assets.file_path(lib.name, path),
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "Access-Control-Allow-Origin": "*",
                "Cross-Origin-Resource-Policy": "cross-origin",
                "Content-Type": _content_type(path),
            },
        )

    async def _runtime(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in self._runtime_files:
            raise web.HTTPNotFound()
        return web.FileResponse(
            RUNTIME_DIR / name,
            headers={
                "Cache-Control": "no-cache",
                "Access-Control-Allow-Origin": "*",
                "Cross-Origin-Resource-Policy": "cross-origin",
                "Content-Type": _content_type(name),
            },
        )


def _content_type(path: str) -> str:
    if path.endswith(".css"):
        return "text/css; charset=utf-8"
    if path.endswith(".js"):
        return "text/javascript; charset=utf-8"
    return "application/octet-stream"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_server_file(paths: Paths) -> dict[str, Any] | None:
    """The running server's record, or None when there is none (or it is stale)."""
    try:
        data = json.loads(paths.server_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
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


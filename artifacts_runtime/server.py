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
from collections import OrderedDict
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
from .records import Share, Version
from .store import Store

MAX_BODY = 12 * 1024 * 1024
MAX_COMPILED_CHARS = 2 * 1024 * 1024  # one React artifact's transpiled code
MAX_COMPILED_TOTAL = 32 * 1024 * 1024  # all of it, in memory
PUBLIC_PREFIXES = ("/s/", "/assets/", "/runtime/")
PUBLIC_PATHS = {"/health", "/favicon.ico"}
VISITOR_COOKIE = "la_visitor"  # a 5 MB storage value, JSON-escaped, fits
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
        self._tasks: set[asyncio.Future[None]] = set()
        self._unsubscribe: Callable[[], None] | None = None
        self._runtime_files = {p.name for p in RUNTIME_DIR.iterdir() if p.suffix in (".js", ".css")}
        self._asset_fetch_lock = asyncio.Lock()
        #: (artifact id, version) -> (sha256 of its source, the code its frame compiled it to)
        self._compiled: OrderedDict[tuple[str, int], tuple[str, str]] = OrderedDict()

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
        app.router.add_get("/s/{share}", self._share_view)
        app.router.add_get("/s/{share}/info", self._share_info)
        app.router.add_get("/s/{share}/frame", self._share_frame)
        app.router.add_get("/s/{share}/source", self._share_source)
        app.router.add_post("/s/{share}/call", self._share_call)
        return app

    def share_url(self, token: str) -> str:
        return f"{self.base_url}/s/{token}"

    async def start(self) -> None:
        self._runner = web.AppRunner(self.build_app(), access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        sockets = site._server.sockets if site._server else []
        if sockets:
            self.port = sockets[0].getsockname()[1]
        self._unsubscribe = self.events.subscribe(self._broadcast)
        self._write_runtime_file()

    async def stop(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        for task in list(self._tasks):  # bridge calls still running for a WebSocket
            task.cancel()
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
        """Record this server for `artifacts url`, unless another live one (the app's, say)
        is already recorded: a second server (`artifacts open` while the app runs) must not
        take the record over and then delete it when it stops."""
        self.paths.runtime.mkdir(parents=True, exist_ok=True)
        other = read_server_file(self.paths)
        if other is not None and other.get("pid") != os.getpid():
            return
        data = {
            "url": self.base_url,
            "host": self.host,
            "port": self.port,
            "token": self.token,
            "pid": os.getpid(),
            "started": time.time(),
            "version": __version__,
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

    def _peer_is_local(self, request: web.Request) -> bool:
        remote = (request.remote or "").split("%")[0]
        if remote == self.host:
            return True
        try:
            return ipaddress.ip_address(remote).is_loopback
        except ValueError:
            return False

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if not self._peer_is_local(request):
            # Bound to a network address for sharing: other machines see published links only.
            if not request.path.startswith(PUBLIC_PREFIXES) and request.path not in PUBLIC_PATHS:
                return _error(404, "not_found", "only published artifacts are reachable from other machines")
            if request.path.startswith("/s/") and request.method == "POST" and not self._origin_ok(request):
                return _error(403, "bad_origin", "cross-origin requests are refused")
            response = await handler(request)
            for name, value in COMMON_HEADERS.items():
                response.headers.setdefault(name, value)
            return response
        if not self._host_allowed(request):
            return _error(403, "bad_host", "this server answers only to its own address (Host refused)")
        if request.path.startswith("/s/") and request.method == "POST" and not self._origin_ok(request):
            return _error(403, "bad_origin", "cross-origin requests are refused")
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
            text=body,
            content_type="text/html",
            headers={"Content-Security-Policy": SHELL_CSP, "Cache-Control": "no-store"},
        )

    async def _artifact(self, request: web.Request) -> web.Response:
        try:
            artifact = await self.store.get(request.match_info["id"])
            number = request.query.get("version")
            version = await self.store.version(artifact.id, int(number) if number and number.isdigit() else None)
        except (NotFound, ArtifactsError) as exc:
            return _error(404, "not_found", str(exc))
        return web.json_response(
            {
                "id": artifact.id,
                "title": artifact.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "current_version": artifact.current_version,
                "trashed": artifact.trashed,
                "frame_url": f"/frame/{artifact.id}/{version.number}?ticket={self.frame_ticket(artifact.id)}",
            },
            headers={"Cache-Control": "no-store"},
        )

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
        return await self._frame_response(request, version)

    async def _frame_response(self, request: web.Request, version: Any) -> web.Response:
        spec = FrameSpec(
            version.artifact_id,
            version.number,
            version.type,
            version.title,
            version.content or "",
            version.language,
            compiled=self._compiled_code(version.artifact_id, version.number, version.content or ""),
            compile_ticket=self._compile_ticket(version.artifact_id, version.number),
        )
        problem = await self._ensure_assets(needed_libraries(spec, self.assets.lock))
        if problem:
            return web.Response(
                status=503,
                content_type="text/html",
                text=f"<!doctype html><meta charset=utf-8><title>Runtime libraries missing</title>"
                f"<body style='font:15px system-ui;padding:24px'><h2>This artifact cannot be shown yet</h2>"
                f"<p>{_escape(problem)}</p></body>",
                headers={"Content-Security-Policy": frame_csp(None)},
            )
        html_doc = frame_document(spec, Resources(self.assets.lock))
        origin = f"{request.scheme}://{request.headers.get('Host', '')}"
        return web.Response(
            text=html_doc,
            content_type="text/html",
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
            return _error(
                413, "value_too_large", "the request is larger than 12 MB; storage values may be at most 5 MB"
            )
        if not isinstance(payload, dict) or not isinstance(payload.get("method"), str):
            return _error(400, "bad_request", "expected {method, params}")
        status, reply = await self._dispatch(
            artifact_id, payload["method"], payload.get("params", {}), request.headers.get("X-Artifacts-View")
        )
        return web.json_response(reply, status=status)

    async def _dispatch(
        self, artifact_id: str, method: str, params: Any, view: str | None
    ) -> tuple[int, dict[str, Any]]:
        """One bridge call for a shell (over HTTP or its WebSocket): (HTTP status, reply)."""
        try:
            if await self.store.resolve(artifact_id) != artifact_id:
                raise NotFound("the bridge needs the artifact's full id")
            if method == "runtime.compiled":
                return 200, {"ok": True, "result": await self._keep_compiled(artifact_id, params)}
            result = await self.bridge.call(artifact_id, method, params, view=view)
        except BridgeError as exc:
            return 200, {"ok": False, "error": {"code": exc.code, "message": exc.message}}
        except NotFound as exc:
            return 404, {"ok": False, "error": {"code": "not_found", "message": str(exc)}}
        return 200, {"ok": True, "result": result}

    # ---------------------------------------------------------------- published links

    async def _share_version(self, request: web.Request) -> tuple[Share, Version]:
        share = await self.store.share(request.match_info["share"])
        if share is None:
            raise web.HTTPNotFound(text="this link does not exist or was unpublished", content_type="text/plain")
        version = await self.store.version(share.artifact_id, share.version)
        return share, version

    async def _share_view(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        body = shell_document(share.artifact_id, version.title, None, share=share.token)
        response = web.Response(
            text=body,
            content_type="text/html",
            headers={"Content-Security-Policy": SHELL_CSP, "Cache-Control": "no-store"},
        )
        if not _valid_visitor(request.cookies.get(VISITOR_COOKIE)):
            response.set_cookie(
                VISITOR_COOKIE,
                new_token(16),
                max_age=400 * 86400,
                httponly=True,
                samesite="Strict",
                path="/s/",
            )
        return response

    async def _share_info(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        return web.json_response(
            {
                "id": share.artifact_id,
                "title": version.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "current_version": version.number,
                "shared_link": True,
                "frame_url": f"/s/{share.token}/frame?v={version.number}",
            },
            headers={"Cache-Control": "no-store"},
        )

    async def _share_frame(self, request: web.Request) -> web.Response:
        share, version = await self._share_version(request)
        return await self._frame_response(request, version)

    async def _share_source(self, request: web.Request) -> web.Response:
        """What `artifacts remix URL` copies: the shared version's source and metadata."""
        share, version = await self._share_version(request)
        return web.json_response(
            {
                "format": "live-artifacts-share",
                "title": version.title,
                "type": version.type,
                "language": version.language,
                "version": version.number,
                "content": version.content,
            },
            headers={"Access-Control-Allow-Origin": "*"},
        )

    async def _share_call(self, request: web.Request) -> web.Response:
        try:
            share, version = await self._share_version(request)
        except web.HTTPNotFound:  # the page's bridge reads JSON: say why in a sentence
            return _error(404, "not_found", "this link does not exist or was unpublished")
        visitor = request.cookies.get(VISITOR_COOKIE)
        if not _valid_visitor(visitor):
            return _error(403, "no_visitor", "open the shared link first; it gives your browser its own storage")
        try:
            payload = await request.json()
        except (ValueError, UnicodeDecodeError, RecursionError):
            return _error(400, "bad_request", "the request body is not JSON")
        if not isinstance(payload, dict) or not isinstance(payload.get("method"), str):
            return _error(400, "bad_request", "expected {method, params}")
        try:
            result = await self.bridge.call(
                share.artifact_id,
                payload["method"],
                payload.get("params", {}),
                view=request.headers.get("X-Artifacts-View"),
                owner=f"visitor:{visitor}",
            )
        except BridgeError as exc:
            return web.json_response({"ok": False, "error": {"code": exc.code, "message": exc.message}})
        return web.json_response({"ok": True, "result": result})

    # ---------------------------------------------------------------- compiled React code
    # Babel is 3 MB of JavaScript, and a sandboxed frame (opaque origin) gets no HTTP cache:
    # compiling it costs a few hundred ms on every load. So the frame hands back what it
    # compiled, and later loads of the same version get that code and no Babel. The code only
    # ever runs in that artifact's own frames, so a frame can cache nothing it could not run.

    def _compile_ticket(self, artifact_id: str, number: int) -> str:
        """What a frame of this version sends with its code: a frame of version 1 cannot
        pass its code off as version 2's."""
        mac = hmac.new(self.token.encode(), f"compiled:{artifact_id}:{number}".encode(), hashlib.sha256)
        return mac.hexdigest()[:32]

    def _compiled_code(self, artifact_id: str, number: int, source: str) -> str | None:
        entry = self._compiled.get((artifact_id, number))
        if entry is None or entry[0] != hashlib.sha256(source.encode()).hexdigest():
            return None
        self._compiled.move_to_end((artifact_id, number))
        return entry[1]

    async def _keep_compiled(self, artifact_id: str, params: Any) -> dict[str, Any]:
        if (
            not isinstance(params, dict)
            or not isinstance(params.get("code"), str)
            or not isinstance(params.get("version"), int)
            or len(params["code"]) > MAX_COMPILED_CHARS
            or not hmac.compare_digest(
                str(params.get("ticket", "")).encode(), self._compile_ticket(artifact_id, params["version"]).encode()
            )
        ):
            return {"cached": False}
        version = await self.store.version(artifact_id, params["version"])
        if version.type != "application/vnd.ant.react":
            return {"cached": False}
        digest = hashlib.sha256((version.content or "").encode()).hexdigest()
        self._compiled[(artifact_id, version.number)] = (digest, params["code"])
        self._compiled.move_to_end((artifact_id, version.number))
        while sum(len(code) for _, code in self._compiled.values()) > MAX_COMPILED_TOTAL:
            self._compiled.popitem(last=False)
        return {"cached": True}

    # ---------------------------------------------------------------- events

    async def _ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_BODY)
        await ws.prepare(request)
        view = request.query.get("view") or None
        self._sockets.add(ws)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT and msg.data == "ping":
                    await ws.send_str('{"type":"pong"}')
                elif msg.type == WSMsgType.TEXT:
                    # A bridge call from the shell: {type: "call", id, artifact, method, params}.
                    # The shell's fetch() costs a few ms a request in Chromium; a WebSocket
                    # message a fraction of that, and storage calls are chatty.
                    task = asyncio.ensure_future(self._ws_call(ws, msg.data, view))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self._sockets.discard(ws)
        return ws

    async def _ws_call(self, ws: web.WebSocketResponse, data: str, view: str | None) -> None:
        try:
            call = json.loads(data)
        except ValueError:
            return
        if not isinstance(call, dict) or call.get("type") != "call" or not isinstance(call.get("id"), int):
            return
        if not isinstance(call.get("artifact"), str) or not isinstance(call.get("method"), str):
            reply: dict[str, Any] = {
                "ok": False,
                "error": {"code": "bad_request", "message": "expected {artifact, method, params}"},
            }
        else:
            _, reply = await self._dispatch(call["artifact"], call["method"], call.get("params", {}), view)
        await self._send(ws, json.dumps({"type": "reply", "id": call["id"], **reply}, default=str))

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


def _valid_visitor(value: str | None) -> bool:
    return bool(value) and 16 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


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

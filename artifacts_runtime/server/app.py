"""The server itself: its lifecycle, its record file, and the routes composed from the parts.

``ArtifactServer`` runs in the caller's asyncio loop (the app's, or a CLI command's), bound to
127.0.0.1 and a random port unless told otherwise. The parts, each in its module:

- :mod:`.guard` / :mod:`.middleware`  who may reach what (token, Host, Origin), refusals logged
- :mod:`.views`      ``/health``, ``/view/{id}``, ``/frame/{id}/{n}``, ``/assets/…``, ``/runtime/…``
- :mod:`.api`        ``/api/artifacts/{id}`` and ``/call`` (the bridge over HTTP)
- :mod:`.websocket`  ``/ws``: events out, bridge calls in
- :mod:`.shares`     ``/s/…``: published links, a sub-application
- :mod:`.compiled`   compiled React code kept per artifact and version
"""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from ..assets import AssetCache
from ..bridge import Bridge
from ..events import EventHub
from ..ids import new_token
from ..paths import Paths
from ..store import Store
from . import guard
from .api import Api
from .compiled import CompiledCache
from .dispatch import Dispatcher
from .frames import FrameRenderer
from .middleware import Middleware, guard_middleware
from .runtime_file import remove_server_file, write_server_file
from .shares import PREFIX as SHARES_PREFIX
from .shares import Shares
from .tickets import frame_ticket
from .views import Views
from .websocket import EventSockets

MAX_BODY = 12 * 1024 * 1024


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
        self.compiled = CompiledCache(token or new_token())
        self._runner: web.AppRunner | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._guard: Middleware = guard_middleware(lambda: self.host, lambda: self.token)
        self.frames = FrameRenderer(assets, self.compiled)
        self.dispatcher = Dispatcher(store, bridge, self.compiled)
        self.views = Views(store, assets, self.frames, self.frame_ticket)
        self.api = Api(store, self.dispatcher, self.frame_ticket)
        self.sockets = EventSockets(self.dispatcher, max_message=MAX_BODY)
        self.shares = Shares(store, bridge, self.frames)

    @property
    def token(self) -> str:
        """The session token: the API and the WebSocket need it, tickets are derived from it."""
        return self.compiled.secret

    @token.setter
    def token(self, value: str) -> None:
        self.compiled.secret = value

    # ---------------------------------------------------------------- addresses

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.host in ("0.0.0.0", "::"):
            host = "127.0.0.1"
        return f"http://{host}:{self.port}"

    def view_url(self, artifact_id: str, *, version: int | None = None) -> str:
        query = f"?v={version}" if version else ""
        return f"{self.base_url}/view/{artifact_id}{query}#token={self.token}"

    def share_url(self, token: str) -> str:
        return f"{self.base_url}{SHARES_PREFIX}/{token}"

    def frame_ticket(self, artifact_id: str) -> str:
        return frame_ticket(self.token, artifact_id)

    # ---------------------------------------------------------------- routes

    def build_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        self.views.add_routes(app)
        self.api.add_routes(app)
        self.sockets.add_routes(app)
        app.add_subapp(SHARES_PREFIX, self.shares.app())
        return app

    def _peer_is_local(self, request: web.BaseRequest) -> bool:
        return guard.peer_is_local(request.remote, self.host)

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        self._runner = web.AppRunner(self.build_app(), access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:
            for address in self._runner.addresses:
                self.port = int(address[1])
                break
        self._unsubscribe = self.events.subscribe(self.sockets.broadcast)
        write_server_file(self.paths, url=self.base_url, host=self.host, port=self.port, token=self.token)

    async def stop(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        await self.sockets.close()
        if self._runner:
            await self._runner.cleanup()
            self._runner = None
        remove_server_file(self.paths, self.port)

    async def __aenter__(self) -> ArtifactServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

"""Everything one process needs, opened once: the store, the event hub, the asset cache, the
bridge, the model service (built lazily: importing the SDK costs seconds) and, when asked for,
the local server. The app and the long-running CLI commands each hold one Workspace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .assets import AssetCache
from .bridge import Bridge
from .config import Config, load_config
from .events import EventHub
from .paths import Paths, get_paths
from .server import ArtifactServer
from .store import Store

if TYPE_CHECKING:
    from .chat import ChatEngine


class Workspace:
    def __init__(self, paths: Paths, config: Config, store: Store, assets: AssetCache) -> None:
        self.paths = paths
        self.config = config
        self.store = store
        self.assets = assets
        self.events = EventHub()
        store.listeners.append(self.events.publish)
        self.bridge = Bridge(store, self.events, model=self.model_service)
        self.server: ArtifactServer | None = None
        self._model: Any = None

    @classmethod
    async def open(cls, paths: Paths | None = None, *, config: Config | None = None) -> Workspace:
        paths = (paths or get_paths()).ensure()
        config = config or load_config(paths)
        store = await Store.open(paths.library, quota_bytes=config.state_quota_bytes)
        return cls(paths, config, store, AssetCache())

    def model_service(self) -> Any:
        """The model service for chat and in-artifact calls (created on first use)."""
        if self._model is None:
            from .llm import ModelService

            self._model = ModelService(self.store, self.config)
        return self._model

    def chat_engine(self) -> ChatEngine:
        """A chat engine over this workspace's store, config and model service (one per chat pane
        or command; they share the service and so its client, rate limits and usage)."""
        from .chat import ChatEngine

        return ChatEngine(self.store, self.config, service=self.model_service())

    async def start_server(self, *, host: str = "127.0.0.1", port: int = 0) -> ArtifactServer:
        if self.server is None:
            server = ArtifactServer(self.store, self.bridge, self.events, self.assets, self.paths, host=host, port=port)
            await server.start()
            self.server = server
        return self.server

    async def close(self) -> None:
        if self.server is not None:
            await self.server.stop()
            self.server = None
        await self.bridge.fetcher.aclose()
        if self._model is not None:
            await self._model.aclose()
            self._model = None
        await self.store.close()

    async def __aenter__(self) -> Workspace:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

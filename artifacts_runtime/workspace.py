"""Everything one process needs, opened once — the one composition root of the core: the store,
the event hub, the asset cache, the bridge, the model provider and service (built lazily:
importing the SDK costs seconds), the chat engines and, when asked for, the local server. The
app and the long-running CLI commands each hold one Workspace.

Opening a Workspace imports neither the server (aiohttp), the bridge and its HTTP client, nor
``anthropic``: ``artifacts chat`` needs none of them at start-up, so each is built on first use."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
from functools import cached_property
from typing import TYPE_CHECKING

from .config import Config, load_config, set_setting
from .credentials import check_key, load_key, save_key
from .errors import InvalidInput
from .events import EventHub
from .model import ModelProvider, ModelService
from .paths import Paths, get_paths
from .store import Store
from .store.changes import watch as watch_changes

if TYPE_CHECKING:
    from .assets import AssetCache
    from .bridge import Bridge
    from .chat import ChatEngine
    from .server import ArtifactServer


class Workspace:
    def __init__(
        self,
        paths: Paths,
        config: Config,
        store: Store,
        assets: AssetCache,
        *,
        provider: ModelProvider | None = None,
    ) -> None:
        self.paths = paths
        self.config = config
        self.store = store
        self.assets = assets
        self.events = EventHub()
        self._watcher: asyncio.Task[None] | None = None
        #: Set when the configured port was taken and another was used (see start_server).
        self.port_note: str | None = None
        store.listeners.append(self.events.publish)
        self.server: ArtifactServer | None = None
        self._provider = provider
        self._model: ModelService | None = None

    @classmethod
    async def open(
        cls, paths: Paths | None = None, *, config: Config | None = None, provider: ModelProvider | None = None
    ) -> Workspace:
        paths = (paths or get_paths()).ensure()
        config = config or load_config(paths)
        store = await Store.open(paths.library, quota_bytes=config.state_quota_bytes)
        from .assets import AssetCache

        return cls(paths, config, store, AssetCache(), provider=provider)

    @cached_property
    def bridge(self) -> Bridge:
        """What artifacts may ask for (storage, model, data, files), scoped per artifact."""
        from .bridge import Bridge
        from .connectors import CacheLimits, DataFetcher

        fetcher = DataFetcher(self.store, self.events, cache=CacheLimits.from_config(self.config))
        return Bridge(self.store, self.events, model=self.model_service, fetcher=fetcher)

    def model_provider(self) -> ModelProvider:
        """The provider of model replies (Anthropic's unless one was given); makes no client yet."""
        if self._provider is None:
            from .model.anthropic import AnthropicProvider

            paths = self.paths
            self._provider = AnthropicProvider(stored_key=lambda: load_key(paths))
        return self._provider

    async def set_api_key(self, key: str) -> None:
        """Store ``key`` (0600, see credentials.py) and use it at once, without a restart.
        ``ANTHROPIC_API_KEY`` in the environment still wins, as it does at start."""
        save_key(self.paths, key)
        provider = self.model_provider()
        replace = getattr(provider, "replace_key", None)
        if replace is not None and not os.environ.get("ANTHROPIC_API_KEY"):
            await replace(check_key(key))

    def model_service(self) -> ModelService:
        """The model service for chat and in-artifact calls (created on first use)."""
        if self._model is None:
            self._model = ModelService(self.store, self.config, provider=self.model_provider())
        return self._model

    def chat_engine(self) -> ChatEngine:
        """A chat engine over this workspace's store, config and model service (one per chat pane
        or command; they share the service and so its client, rate limits and usage)."""
        from .chat import ChatEngine

        return ChatEngine(self.store, self.config, service=self.model_service())

    def set_model(self, name: str) -> str | None:
        """Use model ``name`` from now on (new turns, artifacts' calls) and remember it in
        config.toml (``[model] name``, comments kept). Returns a note when the environment
        (``ARTIFACTS_MODEL``/``ANTHROPIC_MODEL``) will override it at the next start."""
        name = name.strip()
        if not name or any(c.isspace() for c in name):
            raise InvalidInput("a model name is one word, such as claude-sonnet-5-5")
        set_setting(self.paths, "model.name", name)
        self.config = dataclasses.replace(self.config, model=name)
        if self._model is not None:
            self._model.config = self.config
        for variable in ("ARTIFACTS_MODEL", "ANTHROPIC_MODEL"):
            if os.environ.get(variable):
                return f"{variable} is set in the environment: it wins over config.toml at the next start"
        return None

    def watch_other_processes(self) -> None:
        """Announce, within half a second, what other processes change in the library (the
        CLI in another shell, a second app): see store/changes.py. Idempotent."""
        if self._watcher is None or self._watcher.done():
            self._watcher = asyncio.create_task(watch_changes(self.store), name="library-watch")

    async def start_server(self, *, host: str = "127.0.0.1", port: int | None = None) -> ArtifactServer:
        """The local server (started once). ``port`` None: the configured one (``[server] port``,
        ``ARTIFACTS_PORT``); when that one is taken (a second app, say), a free one instead, and
        ``port_note`` says so. An explicit ``port`` that is taken raises ``OSError``."""
        self.watch_other_processes()  # pages it serves follow edits made elsewhere
        if self.server is None:
            from .server import ArtifactServer

            wanted = self.config.server_port if port is None else port
            server = ArtifactServer(
                self.store, self.bridge, self.events, self.assets, self.paths, host=host, port=wanted
            )
            try:
                await server.start()
            except OSError as exc:
                if port is not None or wanted == 0:
                    raise
                server = ArtifactServer(
                    self.store, self.bridge, self.events, self.assets, self.paths, host=host, port=0
                )
                await server.start()
                self.port_note = (
                    f"port {wanted} ([server] port) is taken ({exc.strerror or exc}); "
                    f"serving on {server.port} instead, so an ssh -L tunnel to {wanted} does not reach it"
                )
                self.events.publish({"type": "server.port_taken", "message": self.port_note, "port": server.port})
            self.server = server
        return self.server

    async def close(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        if self.server is not None:
            await self.server.stop()
            self.server = None
        if "bridge" in self.__dict__:  # built
            await self.bridge.fetcher.aclose()
        if self._model is not None:
            await self._model.aclose()
            self._model = None
        await self.store.close()

    async def __aenter__(self) -> Workspace:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

"""Live data tests' own material: a data server on 127.0.0.1 (aiohttp, in the test's loop) that
records what reached it, a fixed asker, a transport that sends nothing, simulated name resolution."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from aiohttp import web

from artifacts_runtime import connectors
from artifacts_runtime.connectors import FetchRefused

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class DataServer:
    """A small HTTP server of the test's own; ``handlers[path]`` answers, everything is logged."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.handlers: dict[str, Handler] = {}
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/data") -> str:
        return self.origin + path

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(
            {
                "method": request.method,
                "path": request.path,
                "query": request.query_string,
                "headers": {k.lower(): v for k, v in request.headers.items()},
                "body": body,
            }
        )
        handler = self.handlers.get(request.path)
        if handler is None:
            return web.json_response({"path": request.path, "n": len(self.requests)})
        return await handler(request)

    async def start(self) -> DataServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


class Asker:
    """Answers the "may this artifact reach ORIGIN?" question with a fixed answer, and counts."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, artifact_id: str, origin: str) -> str:
        self.calls.append((artifact_id, origin))
        return self.answer


class NoNetwork(httpx.AsyncBaseTransport):
    """A transport that records every request and sends none."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raise httpx.ConnectError("this test sends nothing over the network", request=request)


def fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> list[str]:
    """Replace name resolution; unknown names fail as an unknown host would. Returns the log."""
    asked: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host in answers:
            return answers[host]
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]  # an address: nothing to look up
        except ValueError:
            raise FetchRefused("network_error", f"cannot resolve {host}: unknown host (test DNS)") from None

    monkeypatch.setattr(connectors.addresses, "resolve", resolve)
    return asked


def body_json(result) -> Any:
    return json.loads(result.body)


def redirect_to(location: str, status: int = 302) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=status, headers={"Location": location})

    return handler

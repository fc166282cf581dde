"""``/ws`` (behind the token): the shell's event stream, and its bridge calls.

Events from the hub go to every open socket as JSON. A shell also sends its bridge calls here
(``{type: "call", id, artifact, method, params}``, answered by ``{type: "reply", id, ok, …}``):
a fetch() costs a few ms a request in Chromium, a WebSocket message a fraction of that, and
storage calls are chatty. Calls run concurrently, each in a task the server cancels on stop.
"""

from __future__ import annotations

import asyncio
import json

from aiohttp import WSMsgType, web

from ..events import Event
from .dispatch import Dispatcher, Reply, error_reply

MAX_MESSAGE = 12 * 1024 * 1024


class EventSockets:
    def __init__(self, dispatcher: Dispatcher, *, max_message: int = MAX_MESSAGE) -> None:
        self.dispatcher = dispatcher
        self.max_message = max_message
        self.sockets: set[web.WebSocketResponse] = set()
        self.tasks: set[asyncio.Future[None]] = set()
        #: event deliveries in flight (held so the loop does not drop them half-way)
        self._sending: set[asyncio.Future[None]] = set()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/ws", self.handle)

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=30, max_msg_size=self.max_message)
        await ws.prepare(request)
        view = request.query.get("view") or None
        self.sockets.add(ws)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT and msg.data == "ping":
                    await ws.send_str('{"type":"pong"}')
                elif msg.type == WSMsgType.TEXT:
                    task = asyncio.ensure_future(self._call(ws, msg.data, view))
                    self.tasks.add(task)
                    task.add_done_callback(self.tasks.discard)
                elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self.sockets.discard(ws)
        return ws

    async def _call(self, ws: web.WebSocketResponse, data: str, view: str | None) -> None:
        try:
            call = json.loads(data)
        except ValueError:
            return
        if not isinstance(call, dict) or call.get("type") != "call" or not isinstance(call.get("id"), int):
            return
        reply: Reply
        if not isinstance(call.get("artifact"), str) or not isinstance(call.get("method"), str):
            reply = error_reply("bad_request", "expected {artifact, method, params}")
        else:
            _, reply = await self.dispatcher.dispatch(call["artifact"], call["method"], call.get("params", {}), view)
        await self.send(ws, json.dumps({"type": "reply", "id": call["id"], **reply}, default=str))

    def broadcast(self, event: Event) -> None:
        """A hub subscriber: the event to every open socket."""
        if not self.sockets:
            return
        data = json.dumps(event, default=str)
        for ws in list(self.sockets):
            if not ws.closed:
                delivery = asyncio.ensure_future(self.send(ws, data))
                self._sending.add(delivery)
                delivery.add_done_callback(self._sending.discard)

    async def send(self, ws: web.WebSocketResponse, data: str) -> None:
        try:
            await ws.send_str(data)
        except (ConnectionError, RuntimeError):
            self.sockets.discard(ws)

    async def close(self) -> None:
        for task in list(self.tasks):  # bridge calls still running for a socket
            task.cancel()
        for ws in list(self.sockets):
            await ws.close()

"""``/ws`` (behind the token): the shell's event stream, and its bridge calls.

Events from the hub go to every open socket as JSON. A shell also sends its bridge calls here
(``{type: "call", id, artifact, method, params}``, answered by ``{type: "reply", id, ok, …}``):
a fetch() costs a few ms a request in Chromium, a WebSocket message a fraction of that, and
storage calls are chatty. Calls run concurrently, each in a task the server cancels on stop.

Every text message gets a reply: a call its ``{type: "reply", id, ok, …}``, anything else (not
JSON, not an object, an id that is not an integer, a binary frame) a ``bad_request`` reply with
``id: null`` (or the call's id when it has a usable one). A message over the size limit closes
the socket with 1009, Message Too Big (aiohttp can neither skip the rest of a frame nor give a
reason); the shell reconnects.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import WSMsgType, web

from ..events import Event
from .dispatch import Dispatcher, Reply, error_reply, internal_error, parse_json

MAX_MESSAGE = 12 * 1024 * 1024
EXPECTED = 'send {"type": "call", "id": <integer>, "artifact": <id>, "method": <name>, "params": {...}}'
BINARY = f"binary frames are not calls: send each call as a text frame of JSON; {EXPECTED}"


def _call_id(value: object) -> int | None:
    """A call's id as the shell sends it (an integer, not a boolean), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


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
                elif msg.type == WSMsgType.BINARY:
                    await self._reply(ws, None, error_reply("bad_request", BINARY))
                elif msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            self.sockets.discard(ws)
        return ws

    async def _call(self, ws: web.WebSocketResponse, data: str, view: str | None) -> None:
        call_id: int | None = None
        method = ""
        try:
            try:
                call = parse_json(data)
            except ValueError as exc:
                await self._reply(ws, None, error_reply("bad_request", f"{exc}; {EXPECTED}"))
                return
            if not isinstance(call, dict):
                await self._reply(ws, None, error_reply("bad_request", f"a call must be a JSON object; {EXPECTED}"))
                return
            call_id = _call_id(call.get("id"))
            reply: Reply
            if call.get("type") != "call":
                reply = error_reply("bad_request", f"unknown message type; {EXPECTED}")
            elif call_id is None:
                reply = error_reply("bad_request", f"a call's id must be an integer; {EXPECTED}")
            elif not isinstance(call.get("artifact"), str) or not isinstance(call.get("method"), str):
                reply = error_reply("bad_request", "expected {artifact, method, params}")
            else:
                method = call["method"]
                _, reply = await self.dispatcher.dispatch(call["artifact"], method, call.get("params", {}), view)
            await self._reply(ws, call_id, reply)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # never leave a call unanswered
            await self._reply(ws, call_id, internal_error(method or "a call", exc))

    async def _reply(self, ws: web.WebSocketResponse, call_id: int | None, reply: Reply) -> None:
        body: dict[str, Any] = {"type": "reply", "id": call_id, **reply}
        await self.send(ws, json.dumps(body, default=str))

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

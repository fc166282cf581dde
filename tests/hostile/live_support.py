"""The hostile live-data tests' own material: a raw HTTP server on 127.0.0.1 that answers
exactly the bytes a test gives it (stacked encodings, lying lengths, endless bodies), records
what reached it and how many requests it held at once; compressed bombs. Fixtures: live_fixtures."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass
class Seen:
    method: str
    target: str
    headers: dict[str, str]


Writer = Callable[[asyncio.StreamWriter, Seen], Awaitable[None]]


@dataclass
class RawServer:
    """``routes[path]`` writes the whole answer itself, status line and all."""

    routes: dict[str, Writer] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    active: int = 0
    most_at_once: int = 0
    port: int = 0
    _server: asyncio.base_events.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/data") -> str:
        return self.origin + path

    async def start(self) -> RawServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.active += 1
        self.most_at_once = max(self.most_at_once, self.active)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0") or 0)
            if length:
                await reader.readexactly(length)
            seen = Seen(method, target, headers)
            self.seen.append(seen)
            path = target.split("?", 1)[0]
            route = self.routes.get(path)
            if route is None:
                await answer(writer, b'{"ok": true}')
            else:
                await route(writer, seen)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client went away, or the test is over
        finally:
            self.active -= 1
            writer.close()
            with contextlib.suppress(BaseException):
                await writer.wait_closed()
            self._tasks.discard(task)


async def answer(
    writer: asyncio.StreamWriter,
    body: bytes,
    *,
    status: str = "200 OK",
    headers: dict[str, str] | None = None,
    length: int | str | None = None,
) -> None:
    """A whole answer; ``length`` overrides the Content-Length (a lie, or a huge number)."""
    lines = [f"HTTP/1.1 {status}", "Content-Type: application/json", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    lines.append(f"Content-Length: {len(body) if length is None else length}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
    await writer.drain()


async def chunked_head(writer: asyncio.StreamWriter, headers: dict[str, str] | None = None) -> None:
    lines = ["HTTP/1.1 200 OK", "Content-Type: application/json", "Transfer-Encoding: chunked"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    await writer.drain()


async def chunk(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
    await writer.drain()


@functools.cache
def gzip_of_zeros(size: int) -> bytes:
    """gzip of ``size`` zero bytes, made a megabyte at a time (a bomb: ~1000x smaller)."""
    co = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    out = bytearray()
    for _ in range(size // len(block)):
        out += co.compress(block)
    out += co.compress(bytes(size % len(block)))
    out += co.flush()
    return bytes(out)


@functools.cache
def deflate_of_zeros(size: int, *, raw: bool = False) -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    out = bytearray()
    for _ in range(size // len(block)):
        out += co.compress(block)
    out += co.flush()
    return bytes(out)


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)

"""Hostile Host headers against a real server over real sockets.

Who attacks: a local program, or a page using DNS rebinding, or a far peer reaching a server
bound to a network address; they send a Host such as ``127.0.0.1:1; connect-src *``.
What they try: have the Host reflected into the frame's Content-Security-Policy (a wider
policy for the artifact: connect-src, frame-ancestors), or into any other answer.
What must hold: an invalid Host is refused with ``bad_host`` before anything is served, and
only a validated, normalized origin (or ``'self'``) ever appears in a response header.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from artifacts_runtime.assets import AssetCache
from artifacts_runtime.bridge import Bridge
from artifacts_runtime.events import EventHub
from artifacts_runtime.paths import Paths
from artifacts_runtime.server import ArtifactServer
from artifacts_runtime.store import Store

PAGE = "<!doctype html><title>t</title><p>hello</p>"

HOSTILE = [
    "127.0.0.1:{port}; connect-src *",
    "127.0.0.1:{port} connect-src *",
    "127.0.0.1:{port},evil.example",
    "localhost:{port}; frame-ancestors *",
    "[::1]:{port}; script-src *",
    "[::1]junk",
    "127.0.0.1:{port}:1",
    "127.0.0.1:0",
    "127.0.0.1:99999",
    "127.0.0.1:+{port}",
    "localhost:{port}'",
    "local\u200bhost:{port}",
    "%6cocalhost:{port}",
    "user@127.0.0.1:{port}",
    "127.0.0.1:{port}/x",
]


async def start(store: Store, paths: Paths, host: str = "127.0.0.1") -> ArtifactServer:
    events = EventHub()
    store.listeners.append(events.publish)
    server = ArtifactServer(
        store, Bridge(store, events), events, AssetCache(root=paths.cache / "assets"), paths, host=host
    )
    await server.start()
    return server


@pytest.fixture
async def server(store: Store, paths: Paths) -> AsyncIterator[ArtifactServer]:
    s = await start(store, paths)
    yield s
    await s.stop()
    await s.bridge.fetcher.aclose()


async def raw_get(
    port: int, path: str, host: str, address: str = "127.0.0.1", *, cookie: str = ""
) -> tuple[int, dict[str, str], str]:
    """One HTTP/1.1 GET written byte for byte (no client library tidies the Host up)."""
    reader, writer = await asyncio.open_connection(address, port)
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()
    head, _, body = data.decode("utf-8", "replace").partition("\r\n\r\n")
    lines = head.split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize("host", HOSTILE)
async def test_a_hostile_host_is_refused_on_the_frame_and_reflected_nowhere(store, server, host) -> None:
    artifact = await store.create(PAGE, type="html")
    host = host.format(port=server.port)
    for path in (
        f"/frame/{artifact.id}/1?ticket={server.frame_ticket(artifact.id)}",
        f"/view/{artifact.id}",
        "/health",
    ):
        status, headers, body = await raw_get(server.port, path, host)
        assert status in (400, 403), (host, path, status)
        if status == 403:
            assert '"bad_host"' in body
        for value in headers.values():
            assert "connect-src *" not in value and "evil.example" not in value and "junk" not in value
        assert "hello" not in body


@pytest.mark.parametrize(
    "host, origin",
    [
        ("127.0.0.1:{port}", "http://127.0.0.1:{port}"),
        ("LOCALHOST:{port}", "http://localhost:{port}"),
        (" localhost:{port}\t", "http://localhost:{port}"),
        ("app.localhost:{port}", "http://app.localhost:{port}"),
    ],
)
async def test_the_frame_policy_names_the_normalized_origin_only(store, server, host, origin) -> None:
    artifact = await store.create(PAGE, type="html")
    host, origin = host.format(port=server.port), origin.format(port=server.port)
    path = f"/frame/{artifact.id}/1?ticket={server.frame_ticket(artifact.id)}"
    status, headers, body = await raw_get(server.port, path, host)
    assert status == 200 and "hello" in body
    directives = dict(d.strip().split(" ", 1) for d in headers["content-security-policy"].split(";"))
    assert directives["frame-ancestors"] == f"'self' {origin}"
    assert directives["connect-src"] == "'none'"
    assert directives["script-src"].split()[:2] == ["'self'", origin]
    assert directives["sandbox"].split()[0] == "allow-scripts"
    assert "allow-same-origin" not in directives["sandbox"]


def non_loopback_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing address
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.mark.parametrize("host", ["evil.example:{port}", "{address}:{port}; connect-src *", "{address}:{port}"])
async def test_a_far_peers_host_is_never_reflected_into_a_published_frame(store, paths, host) -> None:
    """The guard does not check a far peer's Host on public routes (a visitor names this
    machine however their network does): the frame's policy then says ``'self'`` only."""
    address = non_loopback_address()
    if address is None:
        pytest.skip("this machine has no network address to be reached at")
    server = await start(store, paths, host="0.0.0.0")
    try:
        artifact = await store.create(PAGE, type="html")
        token = await store.publish(artifact.id)
        host = host.format(port=server.port, address=address)
        async with httpx.AsyncClient(base_url=f"http://{address}:{server.port}", timeout=10, trust_env=False) as far:
            frame_url = (await far.get(f"/s/{token}/info")).json()["frame_url"]
            # The frame's ticket is bound to the visitor the page was given (its cookie).
            cookie = "; ".join(f"{name}={value}" for name, value in far.cookies.items())
        status, headers, body = await raw_get(server.port, frame_url, host, address, cookie=cookie)
        assert status == 200 and "hello" in body
        policy = headers["content-security-policy"]
        assert "evil.example" not in policy and "connect-src *" not in policy and address not in policy
        assert "frame-ancestors 'self'" in policy and "connect-src 'none'" in policy
    finally:
        await server.stop()
        await server.bridge.fetcher.aclose()

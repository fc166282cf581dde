"""Published links served by the real ``ArtifactServer`` (in the test's loop), visited with httpx.

A visitor has no token: ``/s/TOKEN`` gives them the shell and a signed visitor cookie, and
``/s/TOKEN/call`` answers their storage calls, scoped to that visitor (personal) or common to
everyone (shared: read-only unless published read-write), for that one artifact only. No model
calls, no asking for grants. The frame needs the ticket ``/s/TOKEN/info`` gives the visitor.
(The attacks themselves are in tests/hostile/test_visitor_identity.py and test_storage_quota.py.)
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from artifacts_runtime.assets import AssetCache
from artifacts_runtime.bridge import Bridge
from artifacts_runtime.events import EventHub
from artifacts_runtime.paths import Paths
from artifacts_runtime.remix import remix
from artifacts_runtime.server import VISITOR_COOKIE, ArtifactServer
from artifacts_runtime.store import Store

PAGE = "<!doctype html><title>Board</title><h1>Shared board</h1>"


async def start_server(store: Store, paths: Paths, host: str = "127.0.0.1") -> ArtifactServer:
    events = EventHub()
    store.listeners.append(events.publish)
    server = ArtifactServer(
        store, Bridge(store, events), events, AssetCache(root=paths.cache / "assets"), paths, host=host
    )
    await server.start()
    return server


@pytest.fixture
async def server(store: Store, paths: Paths) -> AsyncIterator[ArtifactServer]:
    s = await start_server(store, paths)
    yield s
    await s.stop()
    await s.bridge.fetcher.aclose()


@pytest.fixture
async def artifact_id(store: Store) -> str:
    return (await store.create(PAGE, title="Board", type="text/html")).id


@pytest.fixture
async def token(store: Store, artifact_id: str) -> str:
    return await store.publish(artifact_id)


def visitor(server: ArtifactServer) -> httpx.AsyncClient:
    """A browser of its own: a separate cookie jar, no token."""
    return httpx.AsyncClient(base_url=server.base_url, timeout=10, trust_env=False)


async def visit(client: httpx.AsyncClient, token: str) -> httpx.Response:
    response = await client.get(f"/s/{token}")
    assert response.status_code == 200, response.text
    return response


async def frame_url(client: httpx.AsyncClient, token: str) -> str:
    """The frame URL (with this visitor's ticket) the share page gets from ``/info``."""
    return (await client.get(f"/s/{token}/info")).json()["frame_url"]


async def call(client: httpx.AsyncClient, token: str, method: str, **params) -> dict:
    response = await client.post(f"/s/{token}/call", json={"method": method, "params": params})
    assert response.status_code == 200, response.text
    return response.json()


# ---------------------------------------------------------------------------- visiting


async def test_a_link_is_served_without_the_token_and_gives_a_visitor_cookie(
    server: ArtifactServer, token: str, artifact_id: str
):
    async with visitor(server) as client:
        response = await visit(client, token)
        assert f'data-share="{token}"' in response.text
        assert server.token not in response.text
        cookie = response.headers["set-cookie"]
        assert cookie.startswith(f"{VISITOR_COOKIE}=")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/s/" in cookie
        assert response.headers["content-security-policy"]
        again = await client.get(f"/s/{token}")
        assert "set-cookie" not in again.headers  # the same visitor keeps their cookie
        info = (await client.get(f"/s/{token}/info")).json()
        assert info["title"] == "Board" and info["shared_link"] is True
        assert info["shared_state"] == "read-only"
        assert info["frame_url"].startswith(f"/s/{token}/frame?v=1&ticket=")
        frame = await client.get(info["frame_url"])
        assert frame.status_code == 200 and "Shared board" in frame.text
        assert "content-security-policy" in frame.headers
        # the owner's API stays closed to a visitor
        assert (await client.get(f"/api/artifacts/{artifact_id}")).status_code == 401
        assert (
            await client.post(f"/api/artifacts/{artifact_id}/call", json={"method": "storage.list", "params": {}})
        ).status_code == 401


async def test_a_call_without_the_visitor_cookie_is_refused(server: ArtifactServer, token: str):
    async with visitor(server) as client:
        response = await client.post(f"/s/{token}/call", json={"method": "storage.list", "params": {}})
        assert response.status_code == 403 and "open the shared link again" in response.json()["error"]["message"]
        for made_up in ("bad value!", "a" * 22, "a" * 22 + "." + "0" * 32):
            client.cookies.set(VISITOR_COOKIE, made_up, path="/s/")
            response = await client.post(f"/s/{token}/call", json={"method": "storage.list", "params": {}})
            assert response.status_code == 403


async def test_malformed_calls_are_refused(server: ArtifactServer, token: str):
    async with visitor(server) as client:
        await visit(client, token)
        bad = await client.post(f"/s/{token}/call", content=b"{not json", headers={"content-type": "application/json"})
        assert bad.status_code == 400
        assert (await client.post(f"/s/{token}/call", json=["storage.list"])).status_code == 400
        reply = await call(client, token, "no.such.method")
        assert reply["ok"] is False and reply["error"]["code"] == "unknown_method"


# ---------------------------------------------------------------------------- visitor storage


async def test_personal_storage_is_per_visitor_and_shared_storage_is_common(
    server: ArtifactServer, store: Store, artifact_id: str
):
    token = await store.publish(artifact_id, shared_state="read-write")
    await store.state_set(artifact_id, "secret", "the owner's own value")
    async with visitor(server) as alice, visitor(server) as bob:
        await visit(alice, token)
        await visit(bob, token)
        assert alice.cookies[VISITOR_COOKIE] != bob.cookies[VISITOR_COOKIE]

        assert (await call(alice, token, "storage.set", key="name", value="alice"))["ok"]
        assert (await call(bob, token, "storage.set", key="name", value="bob"))["ok"]
        assert (await call(alice, token, "storage.get", key="name"))["result"]["value"] == "alice"
        assert (await call(bob, token, "storage.get", key="name"))["result"]["value"] == "bob"

        # the owner's personal values are not a visitor's
        missing = await call(alice, token, "storage.get", key="secret")
        assert missing["ok"] is False and missing["error"]["code"] == "key_not_found"
        assert (await call(alice, token, "storage.list"))["result"]["keys"] == ["name"]

        # the shared scope is one for everyone using the artifact
        assert (await call(alice, token, "storage.set", key="board", value="[1]", shared=True))["ok"]
        assert (await call(bob, token, "storage.get", key="board", shared=True))["result"]["value"] == "[1]"
        assert (await call(bob, token, "storage.set", key="board", value="[1,2]", shared=True))["ok"]
        assert (await call(alice, token, "storage.get", key="board", shared=True))["result"]["value"] == "[1,2]"
        assert (await call(bob, token, "storage.list", shared=True))["result"]["keys"] == ["board"]

        # a visitor deleting their personal key leaves the other's alone
        assert (await call(bob, token, "storage.delete", key="name"))["result"]["deleted"] is True
        assert (await call(alice, token, "storage.get", key="name"))["result"]["value"] == "alice"

    assert (await store.state_get(artifact_id, "secret")).value == "the owner's own value"
    assert await store.state_get(artifact_id, "name") is None
    assert (await store.state_get(artifact_id, "board", shared=True)).value == "[1,2]"


async def test_a_visitor_cannot_reach_another_artifact(server: ArtifactServer, token: str, store: Store):
    other = (await store.create("<p>private</p>", title="Private")).id
    await store.state_set(other, "k", "private", shared=True)
    await store.state_set(other, "k", "private")
    await store.attach_file("private.txt", b"private", artifact_id=other)
    async with visitor(server) as client:
        await visit(client, token)
        for shared in (False, True):
            reply = await call(client, token, "storage.get", key="k", shared=shared, artifact_id=other, id=other)
            assert reply["ok"] is False and reply["error"]["code"] == "key_not_found"
        reply = await call(client, token, "fs.readFile", name="private.txt", artifact_id=other)
        assert reply["ok"] is False and reply["error"]["code"] == "file_not_found"
        assert (await client.get(f"/s/{other}")).status_code == 404
        assert (await client.get(f"/s/{token}/../{other}")).status_code == 404


async def test_visitors_read_the_artifacts_files(server: ArtifactServer, token: str, store: Store, artifact_id: str):
    await store.attach_file("data.csv", b"a,b\n1,2\n", artifact_id=artifact_id)
    async with visitor(server) as client:
        await visit(client, token)
        reply = await call(client, token, "fs.readFile", name="data.csv", encoding="utf8")
        assert reply["result"]["text"] == "a,b\n1,2\n"


@pytest.mark.parametrize(
    "method, params",
    [
        ("claude.complete", {"prompt": "hi"}),
        ("claude.messages", {"body": {"model": "x", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}}),
    ],
)
async def test_visitors_cannot_call_the_model(server: ArtifactServer, token: str, method: str, params: dict):
    async with visitor(server) as client:
        await visit(client, token)
        reply = await call(client, token, method, **params)
        assert reply["ok"] is False and reply["error"]["code"] == "not_available"
        assert "shared link" in reply["error"]["message"]


async def test_visitors_cannot_send_data_through_the_owners_grants(
    server: ArtifactServer, token: str, store: Store, artifact_id: str
):
    """A grant opened to visitors lets them read (GET) an origin, never act on it (POST, DELETE…)."""
    await store.grant(artifact_id, "http://127.0.0.1:9", "allow", visitors=True)
    async with visitor(server) as client:
        await visit(client, token)
        for verb in ("POST", "PUT", "DELETE", "PATCH"):
            params = {"url": "http://127.0.0.1:9/x", "method": verb, "body": "{}"}
            response = await client.post(f"/s/{token}/call", json={"method": "net.fetch", "params": params})
            reply = response.json()
            assert reply["ok"] is False and reply["error"]["code"] == "network_denied"
            assert "only read" in reply["error"]["message"]


async def test_visitors_see_only_the_artifacts_own_files_and_send_no_error_reports(
    server: ArtifactServer, token: str, store: Store, artifact_id: str
):
    """A file attached to the artifact's conversation stays private; reports stay out of the owner's app."""
    conversation = await store.create_conversation(title="private")
    await store.attach_file("notes.txt", b"secret", conversation_id=conversation.id)
    db = store._writer  # link the artifact to that conversation, as the chat does
    await db.execute("UPDATE artifacts SET conversation_id = ? WHERE id = ?", (conversation.id, artifact_id))
    assert [f.name for f in await store.files(artifact_id=artifact_id)] == ["notes.txt"]
    async with visitor(server) as client:
        await visit(client, token)
        reply = await call(client, token, "fs.readFile", name="notes.txt", encoding="utf8")
        assert reply["ok"] is False and reply["error"]["code"] == "file_not_found"
        listing = await call(client, token, "fs.list")
        assert listing == {"ok": True, "result": []}
        reply = await call(client, token, "error.report", message="boom")
        assert reply["ok"] is False and reply["error"]["code"] == "not_available"


async def test_visitors_are_never_asked_for_a_grant(server: ArtifactServer, token: str):
    asked: list[tuple[str, str]] = []

    async def asker(artifact_id: str, origin: str) -> str:
        asked.append((artifact_id, origin))
        return "always"

    server.bridge.fetcher.asker = asker
    async with visitor(server) as client:
        await visit(client, token)
        # even a "shared" flag on a non-storage call does not make the visitor the owner
        reply = await call(client, token, "net.fetch", url="http://127.0.0.1:9/x", shared=True)
        assert reply["ok"] is False and reply["error"]["code"] == "network_denied"
        reply = await call(client, token, "claude.complete", prompt="hi", shared=True)
        assert reply["error"]["code"] == "not_available"
    assert asked == []


# ---------------------------------------------------------------------------- origins


@pytest.mark.parametrize(
    "headers", [{"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}]
)
async def test_a_post_from_a_foreign_origin_is_refused(server: ArtifactServer, token: str, headers: dict):
    async with visitor(server) as client:
        await visit(client, token)
        response = await client.post(f"/s/{token}/call", json={"method": "storage.list", "params": {}}, headers=headers)
        assert response.status_code == 403 and response.json()["error"]["code"] == "bad_origin"
        same = await client.post(
            f"/s/{token}/call", json={"method": "storage.list", "params": {}}, headers={"Origin": server.base_url}
        )
        assert same.status_code == 200


async def test_a_foreign_host_header_is_refused_on_loopback(server: ArtifactServer, token: str):
    async with visitor(server) as client:
        response = await client.get(f"/s/{token}", headers={"Host": "rebind.example.com"})
        assert response.status_code == 403


# ---------------------------------------------------------------------------- the end of a link


def routes(token: str, frame: str | None = None) -> list[tuple[str, str]]:
    return [
        ("GET", f"/s/{token}"),
        ("GET", f"/s/{token}/info"),
        ("GET", frame or f"/s/{token}/frame"),
        ("GET", f"/s/{token}/source"),
        ("POST", f"/s/{token}/call"),
    ]


async def test_unpublish_ends_every_route_at_once(server: ArtifactServer, token: str, store: Store, artifact_id: str):
    async with visitor(server) as client:
        await visit(client, token)
        ticketed = await frame_url(client, token)
        for method, path in routes(token, ticketed):
            assert (
                await client.request(method, path, json={"method": "storage.list", "params": {}})
            ).status_code == 200
        assert await store.unpublish(artifact_id) == 1
        for method, path in routes(token, ticketed):
            response = await client.request(method, path, json={"method": "storage.list", "params": {}})
            assert response.status_code == 404, path


async def test_a_call_on_an_ended_link_says_so_in_json(
    server: ArtifactServer, token: str, store: Store, artifact_id: str
):
    async with visitor(server) as client:
        await visit(client, token)
        await store.unpublish(artifact_id)
        response = await client.post(f"/s/{token}/call", json={"method": "storage.list", "params": {}})
        assert response.status_code == 404
        assert response.json()["error"] == {
            "code": "not_found",
            "message": "this link does not exist or was unpublished",
        }


async def test_a_deeply_nested_call_body_is_a_bad_request(server: ArtifactServer, token: str):
    async with visitor(server) as client:
        await visit(client, token)
        response = await client.post(
            f"/s/{token}/call", content=b"[" * 100_000 + b"]" * 100_000, headers={"content-type": "application/json"}
        )
        assert response.status_code == 400


async def test_unknown_revoked_and_trashed_links_are_404(server: ArtifactServer, store: Store, artifact_id: str):
    async with visitor(server) as client:
        for method, path in routes("thisTokenWasNeverIssued123"):
            assert (await client.request(method, path, json={})).status_code == 404
        trashed_token = await store.publish(artifact_id)
        await store.trash(artifact_id)
        for method, path in routes(trashed_token):
            assert (await client.request(method, path, json={})).status_code == 404
        await store.untrash(artifact_id)
        assert (await client.get(f"/s/{trashed_token}")).status_code == 200
        await store.purge(artifact_id)
        assert (await client.get(f"/s/{trashed_token}")).status_code == 404


async def test_publishing_again_after_unpublish_gives_a_new_link(
    server: ArtifactServer, store: Store, artifact_id: str
):
    first = await store.publish(artifact_id)
    await store.unpublish(artifact_id)
    second = await store.publish(artifact_id)
    assert first != second
    async with visitor(server) as client:
        assert (await client.get(f"/s/{first}")).status_code == 404
        assert (await client.get(f"/s/{second}")).status_code == 200


# ---------------------------------------------------------------------------- source and versions


async def test_the_source_route_serves_the_content_for_remix(server: ArtifactServer, token: str):
    async with visitor(server) as client:
        data = (await client.get(f"/s/{token}/source")).json()
    assert data == {
        "format": "live-artifacts-share",
        "title": "Board",
        "type": "text/html",
        "language": None,
        "version": 1,
        "content": PAGE,
    }


async def test_remix_by_url_against_the_running_server(server: ArtifactServer, token: str, store: Store):
    url = server.share_url(token)
    new = await remix(store, url)
    assert new.remixed_from == url and new.title == "Board (remix)"
    assert (await store.version(new.id)).content == PAGE
    assert (await store.version(new.id)).source == "remix"


class FakeShareHost:
    """Someone else's server answering ``/s/TOKEN/source`` however the test likes."""

    def __init__(self, answer) -> None:
        self.answer = answer
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def __aenter__(self) -> str:
        app = web.Application()

        async def source(request: web.Request) -> web.StreamResponse:
            return await self.answer(request)

        app.router.add_get("/s/{token}/source", source)
        self.runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{self.port}/s/abcdefghijklmnop"

    async def __aexit__(self, *exc) -> None:
        await self.runner.cleanup()


async def _endless(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    await response.write(b'{"format": "live-artifacts-share", "content": "')
    for _ in range(100):
        await response.write(b"x" * 65536)
    return response


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda r: web.Response(text="<html>hello</html>"), "not JSON"),
        (lambda r: web.Response(body=b"[" * 100_000 + b"]" * 100_000), "not JSON"),
        (lambda r: web.json_response({"format": "something"}), "did not answer with a live-artifacts artifact"),
        (
            lambda r: web.json_response({"format": "live-artifacts-share", "type": "x/evil", "content": "x"}),
            "malformed",
        ),
        (
            lambda r: web.json_response({"format": "live-artifacts-share", "type": "text/html", "content": 5}),
            "malformed",
        ),
        (lambda r: web.Response(status=500), "answered 500"),
        (lambda r: web.Response(status=302, headers={"Location": "http://127.0.0.1:9/"}), "answered 302"),
        (lambda r: web.Response(status=404), "unpublished"),
        (_endless, "sent more than"),
    ],
)
async def test_remix_by_url_refuses_what_a_foreign_server_sends(
    store: Store, monkeypatch: pytest.MonkeyPatch, answer, words: str
):
    import artifacts_runtime.remix as remix_module
    from artifacts_runtime.errors import ArtifactsError

    async def respond(request):
        result = answer(request)
        return await result if hasattr(result, "__await__") else result

    monkeypatch.setattr(remix_module, "MAX_REMIX_BYTES", 1024 * 1024)
    before = await store.count()
    async with FakeShareHost(respond) as url:
        with pytest.raises(ArtifactsError) as info:
            await remix(store, url)
    assert words in str(info.value)
    assert await store.count() == before


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/s/short",
        "http://127.0.0.1/view/abcdefghij",
        "http://127.0.0.1/s/abcdefghij/source",
        "http://[::1/s/abcdefghij",
    ],
)
async def test_remix_refuses_what_is_not_a_share_link(store: Store, url: str):
    from artifacts_runtime.errors import ArtifactsError

    with pytest.raises(ArtifactsError):
        await remix(store, url)


async def test_a_version_pinned_link_keeps_its_version(server: ArtifactServer, store: Store, artifact_id: str):
    pinned = await store.publish(artifact_id, 1)
    following = await store.publish(artifact_id)
    await store.add_version(artifact_id, "<h1>Version two</h1>", source="user", title="Board v2")
    async with visitor(server) as client:
        old = (await client.get(f"/s/{pinned}/source")).json()
        new = (await client.get(f"/s/{following}/source")).json()
        assert (old["version"], old["content"]) == (1, PAGE)
        assert (new["version"], new["content"]) == (2, "<h1>Version two</h1>")
        assert "Shared board" in (await client.get(await frame_url(client, pinned))).text
        assert "Version two" in (await client.get(await frame_url(client, following))).text
        assert (await client.get(f"/s/{pinned}/info")).json()["version"] == 1


# ---------------------------------------------------------------------------- other machines


async def raw_get(host: str, port: int, target: str, token: str) -> tuple[int, bytes]:
    """A GET with the request target exactly as given; returns the status and the body."""
    import asyncio

    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
        "Connection: close\r\n\r\n".encode()
    )
    await writer.drain()
    data = await reader.read()
    writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def non_loopback_address() -> str | None:
    """This machine's address on its network (a UDP 'connect' sends nothing), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


async def test_bound_to_all_addresses_other_machines_reach_only_published_links(
    store: Store, paths: Paths, artifact_id: str, token: str
):
    """A real server bound to 0.0.0.0, reached through this machine's own network address: the
    TCP peer is then that non-loopback address, exactly as a request from another machine looks
    to the server."""
    address = non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address (see the mocked-request test below)")
    server = await start_server(store, paths, host="0.0.0.0")
    try:
        auth = {"Authorization": f"Bearer {server.token}"}
        async with httpx.AsyncClient(base_url=f"http://{address}:{server.port}", timeout=10, trust_env=False) as far:
            for path in (
                f"/api/artifacts/{artifact_id}",
                f"/view/{artifact_id}",
                f"/frame/{artifact_id}/1?ticket={server.frame_ticket(artifact_id)}",
                "/ws",
                f"/ws?token={server.token}",
                "/nothing",
            ):
                response = await far.get(path, headers=auth)
                assert response.status_code == 404, path
                assert server.token not in response.text and "Shared board" not in response.text
            # paths that start like a link but climb out of it (sent raw: httpx would tidy them)
            for path in (
                f"/s/../api/artifacts/{artifact_id}",
                f"/s/%2e%2e/api/artifacts/{artifact_id}",
                f"/s/{token}/../../view/{artifact_id}",
                f"/s/{token}/%2e%2e/%2e%2e/api/artifacts/{artifact_id}",
                f"/s/..%2fapi/artifacts/{artifact_id}",
                f"//api/artifacts/{artifact_id}",
                f"http://{address}/api/artifacts/{artifact_id}",
            ):
                status, body = await raw_get(address, server.port, path, server.token)
                assert status == 404, path
                assert b'"current_version"' not in body and b"Shared board" not in body
            post = await far.post(
                f"/api/artifacts/{artifact_id}/call", headers=auth, json={"method": "storage.list", "params": {}}
            )
            assert post.status_code == 404
            # the published link works, storage included
            page = await far.get(f"/s/{token}")
            assert page.status_code == 200 and VISITOR_COOKIE in page.headers["set-cookie"]
            assert (await far.get(f"/s/{token}/info")).status_code == 200
            assert (await far.get(await frame_url(far, token))).status_code == 200
            assert (await far.get("/runtime/shell.js")).status_code == 200
            assert (await far.get("/health")).status_code == 200
            reply = (
                await far.post(f"/s/{token}/call", json={"method": "storage.set", "params": {"key": "k", "value": "v"}})
            ).json()
            assert reply["ok"] is True
            foreign = await far.post(
                f"/s/{token}/call",
                headers={"Origin": "https://evil.example"},
                json={"method": "storage.list", "params": {}},
            )
            assert foreign.status_code == 403
        async with httpx.AsyncClient(base_url=server.base_url, timeout=10, trust_env=False) as near:
            # this machine (loopback) still has everything
            assert (await near.get(f"/api/artifacts/{artifact_id}", headers=auth)).status_code == 200
    finally:
        await server.stop()


@pytest.mark.parametrize(
    "peer, bound, local",
    [
        ("127.0.0.1", "0.0.0.0", True),
        ("::1", "0.0.0.0", True),
        ("192.0.2.7", "0.0.0.0", False),
        ("10.0.0.2", "10.0.0.5", False),
        ("10.0.0.5", "10.0.0.5", True),
        ("fe80::1%eth0", "::", False),
    ],
)
def test_which_peers_count_as_this_machine(peer: str, bound: str, local: bool, paths: Paths):
    """The decision itself, on requests whose transport peer is set by hand (for machines where
    the test above has no network address to use)."""
    server = ArtifactServer(None, None, EventHub(), None, paths, host=bound)  # type: ignore[arg-type]

    class Transport:
        def get_extra_info(self, name, default=None):
            return (peer, 5555) if name == "peername" else default

    request = make_mocked_request("GET", "/api/artifacts/x", transport=Transport())
    assert server._peer_is_local(request) is local


async def test_a_mocked_far_peer_gets_404_for_the_api_but_the_link_works(
    store: Store, paths: Paths, artifact_id: str, token: str
):
    server = ArtifactServer(
        store, Bridge(store, EventHub()), EventHub(), AssetCache(root=paths.cache / "a"), paths, host="0.0.0.0"
    )
    app = server.build_app()

    class Transport:
        def get_extra_info(self, name, default=None):
            return ("192.0.2.7", 5555) if name == "peername" else default

        def is_closing(self):
            return False

    async def get(path: str) -> web.StreamResponse:
        request = make_mocked_request(
            "GET",
            path,
            headers={"Host": "192.0.2.2:8000", "Authorization": f"Bearer {server.token}"},
            transport=Transport(),
            app=app,
        )
        match = await app.router.resolve(request)
        request._match_info = match
        match.add_app(app)
        return await server._guard(request, match.handler)

    assert (await get(f"/api/artifacts/{artifact_id}")).status == 404
    assert (await get(f"/view/{artifact_id}")).status == 404
    assert (await get(f"/s/{token}/info")).status == 200

"""What a grant covers, for the owner's page and for visitors of a published link.

Who attacks: a visitor of a shared link (through the artifact's code in their browser) or the
artifact itself. What they try: use a grant meant for one API path (`/v1/`) to reach any other
path of that origin (`/admin`, `/v1/../admin`, encoded variants, a redirect), or use the
owner's grants at all from a shared link. What must hold: a path grant covers that prefix only;
an origin grant covers the origin (as before the migration); visitors reach only grants the
owner opened to visitors; the refusals say what is granted and how to change it.
"""

from __future__ import annotations

import pytest

from artifacts_runtime import connectors
from artifacts_runtime.connectors import DataFetcher, FetchRefused, grant_scope, is_url_granted
from artifacts_runtime.store import Store
from tests.hostile.live_fixtures import *  # noqa: F403 (pytest fixtures, requested by name)
from tests.hostile.live_support import RawServer, answer


async def test_a_path_grant_covers_its_prefix_only(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, raw.origin, path="/v1/")
    for path in ("/v1", "/v1/", "/v1/prices", "/v1/a/b?q=1", "/v1/./prices"):
        assert (await fetcher.fetch(artifact_id, raw.url(path))).status == 200, path
    reached = len(raw.seen)
    for path in ("/admin", "/", "/v10", "/v1.json", "/V1/prices", "/v1/../admin", "/other/v1/"):
        with pytest.raises(FetchRefused) as info:
            await fetcher.fetch(artifact_id, raw.url(path))
        assert info.value.code == "network_denied", path
        assert f"{raw.origin}/v1" in info.value.message  # says what is granted
        assert f"artifacts grant {artifact_id}" in info.value.message
    assert len(raw.seen) == reached  # nothing left for the refused paths


@pytest.mark.parametrize(
    "path",
    [
        "/v1/%2e%2e/admin",
        "/v1/%2E%2E/admin",
        "/v1/.%2e/admin",
        "/v1/..;/admin",
        "/v1/%2e%2e;x=1/admin",
        "/v1/..%2fadmin",
        "/v1/..%2Fadmin",
        "/v1/..%5cadmin",
        "/v1/..\\admin",
        "/v1/%252e%252e/admin",  # double encoding: some servers decode twice
    ],
)
async def test_encoded_ways_out_of_the_prefix_are_refused(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str, path: str
):
    await store.grant(artifact_id, raw.origin, path="/v1/")
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url(path))
    assert info.value.code in ("network_denied", "invalid_url")
    assert raw.seen == [] or all(s.target.startswith("/v1/") and ".." not in s.target for s in raw.seen)


async def test_a_redirect_out_of_the_prefix_is_refused(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    async def out(writer, seen):
        await answer(writer, b"", status="302 Found", headers={"Location": "/admin/keys"})

    async def inside(writer, seen):
        await answer(writer, b"", status="302 Found", headers={"Location": "/v1/final"})

    raw.routes["/v1/out"] = out
    raw.routes["/v1/inside"] = inside
    await store.grant(artifact_id, raw.origin, path="/v1")
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url("/v1/out"))
    assert info.value.code == "network_denied" and "/admin/keys" in info.value.message
    assert [s.target for s in raw.seen] == ["/v1/out"]
    assert (await fetcher.fetch(artifact_id, raw.url("/v1/inside"))).status == 200
    assert [s.target for s in raw.seen][-1] == "/v1/final"


async def test_an_origin_grant_still_covers_every_path(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, raw.origin)
    for path in ("/", "/admin", "/v1/x"):
        assert (await fetcher.fetch(artifact_id, raw.url(path))).status == 200


async def test_a_narrower_deny_wins_over_a_wider_allow(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, raw.origin)
    await store.grant(artifact_id, raw.origin, "deny", path="/admin")
    assert (await fetcher.fetch(artifact_id, raw.url("/public"))).status == 200
    for path in ("/admin", "/admin/users", "/x/../admin/users", "/admin%2fusers"):
        with pytest.raises(FetchRefused):
            await fetcher.fetch(artifact_id, raw.url(path))
    assert [s.target for s in raw.seen] == ["/public"]


# ---------------------------------------------------------------------------- visitors


async def test_visitors_reach_only_what_the_owner_opened_to_visitors(
    fetcher: DataFetcher, raw: RawServer, store: Store, artifact_id: str
):
    await store.grant(artifact_id, raw.origin)  # the owner's own, as "always" in the app stores it
    await store.grant(artifact_id, raw.origin, path="/public", visitors=True)
    assert (await fetcher.fetch(artifact_id, raw.url("/private"))).status == 200
    assert (await fetcher.fetch(artifact_id, raw.url("/public/x"), principal="visitor:v1", may_ask=False)).status == 200
    with pytest.raises(FetchRefused) as info:
        await fetcher.fetch(artifact_id, raw.url("/private"), principal="visitor:v1", may_ask=False)
    assert info.value.code == "network_denied"
    assert "shared link" in info.value.message and "--visitors" in info.value.message
    assert [s.target for s in raw.seen] == ["/private", "/public/x"]


async def test_an_owner_grant_made_before_the_upgrade_is_not_open_to_visitors(store: Store, artifact_id: str):
    await store.grant(artifact_id, "https://api.example.com")
    assert await is_url_granted(store, artifact_id, "https://api.example.com/x") is True
    assert await is_url_granted(store, artifact_id, "https://api.example.com/x", visitor=True) is False


# ---------------------------------------------------------------------------- one question, one answer


async def test_is_url_granted_answers_for_any_url(store: Store, artifact_id: str):
    await store.grant(artifact_id, "https://img.example.com", path="/cats/", visitors=True)
    assert await is_url_granted(store, artifact_id, "https://img.example.com/cats/1.png")
    assert await is_url_granted(store, artifact_id, "https://IMG.example.com:443/cats/1.png", visitor=True)
    assert not await is_url_granted(store, artifact_id, "https://img.example.com/dogs/1.png")
    assert not await is_url_granted(store, artifact_id, "https://img.example.com/cats/%2e%2e/dogs/1.png")
    assert not await is_url_granted(store, artifact_id, "http://img.example.com/cats/1.png")  # another origin
    assert not await is_url_granted(store, artifact_id, "javascript:alert(1)")
    assert not await is_url_granted(store, artifact_id, "data:image/png;base64,AAAA")
    other = (await store.create("<p>other</p>")).id
    assert not await is_url_granted(store, other, "https://img.example.com/cats/1.png")


def test_grant_scope_reads_an_origin_or_a_prefix():
    assert grant_scope("HTTPS://API.Example.com:443") == ("https://api.example.com", "/")
    assert grant_scope("https://api.example.com/") == ("https://api.example.com", "/")
    assert grant_scope("https://api.example.com/v1/") == ("https://api.example.com", "/v1")
    assert grant_scope("https://api.example.com/v1//") == ("https://api.example.com", "/v1")
    for bad in ("https://api.example.com/v1?x=1", "https://api.example.com/v1#top", "https://a.example/%2e%2e/x"):
        with pytest.raises(FetchRefused) as info:
            grant_scope(bad)
        assert info.value.code == "invalid_url"


async def test_each_grant_says_what_it_covers(store: Store, artifact_id: str):
    await store.grant(artifact_id, "https://api.example.com")
    await store.grant(artifact_id, "https://api.example.com", path="/v1", visitors=True)
    await store.grant(artifact_id, "https://t.example", "deny")
    described = {g.scope: g.describe() for g in await store.grants(artifact_id)}
    assert described == {
        "https://api.example.com": "may fetch anything from https://api.example.com (you only)",
        "https://api.example.com/v1": (
            "may fetch from https://api.example.com/v1 and below (you and visitors of shared links)"
        ),
        "https://t.example": "may not fetch anything from https://t.example",
    }
    assert connectors.MAX_REDIRECTS == 5  # the hop check above relies on redirects being followed here

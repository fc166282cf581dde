"""A fetch on the wire: a turn at the network (``MAX_FETCHES_PER_ARTIFACT`` per artifact, more
waiting their turn, ``MAX_FETCHES`` in all), the request sent to the address that was checked,
redirects followed by hand, and ``TIMEOUT_SECONDS`` over all of it. Whether each hop may go is
the caller's to say (a ``HopCheck``: ``DataFetcher`` asks the artifact's grants).

Tests shorten the time limit by patching ``TIMEOUT_SECONDS`` here: this module alone reads it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx

from .addresses import checked_address, origin_of
from .answers import FetchRefused, FetchResult
from .decode import ACCEPT_ENCODING, read_body
from .scope import shown

TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "live-artifacts (artifact data fetch)"
#: Dropped when a redirect leads to another origin (as browsers do): they belong to the first one.
CREDENTIAL_HEADERS = {"authorization", "x-api-key"}
KEPT_RESPONSE_HEADERS = {
    "content-type",
    "content-language",
    "cache-control",
    "etag",
    "last-modified",
    "date",
}
#: Fetches in flight per artifact (as browsers per host), and those that may wait for a turn.
MAX_FETCHES_PER_ARTIFACT = 6
MAX_WAITING_PER_ARTIFACT = 32
#: Fetches in flight over all artifacts (each may hold up to 10 MB decoded plus 10 MB raw).
MAX_FETCHES = 16

#: Whether a request (the first or a redirect's) may go to a URL.
HopCheck = Callable[[str], Awaitable[bool]]


@dataclass
class _Lane:
    """One artifact's turns at the network."""

    turns: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(MAX_FETCHES_PER_ARTIFACT))
    waiting: int = 0
    users: int = 0


class Network:
    """The requests of one fetcher's artifacts, and their turns at the network."""

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._transport = transport
        self._lanes: dict[str, _Lane] = {}
        self._all = asyncio.Semaphore(MAX_FETCHES)

    async def fetch(
        self,
        artifact_id: str,
        url: str,
        method: str,
        headers: dict[str, str],
        body: str | None,
        *,
        allowed: HopCheck,
    ) -> FetchResult:
        """The request, its redirects and the whole answer, within ``TIMEOUT_SECONDS`` in all
        (a server that sends a byte now and then must not hold the fetch forever), once it has
        its turn."""
        origin = origin_of(url)
        async with self._turn(artifact_id, origin):
            try:
                async with asyncio.timeout(TIMEOUT_SECONDS):
                    return await self._follow(url, method, headers, body, allowed)
            except TimeoutError:
                raise FetchRefused("network_error", _too_slow(origin)) from None

    @asynccontextmanager
    async def _turn(self, artifact_id: str, origin: str) -> AsyncIterator[None]:
        """A turn at the network: one of the artifact's, then one of the app's. A fetch waits
        for its turn as long as a fetch may take; a flood beyond the waiting room is refused."""
        lane = self._lanes.get(artifact_id)
        if lane is None:
            lane = self._lanes[artifact_id] = _Lane()
        if lane.turns.locked() and lane.waiting >= MAX_WAITING_PER_ARTIFACT:
            raise FetchRefused("too_many_fetches", _too_many(origin))
        lane.users += 1
        try:
            lane.waiting += 1
            try:
                async with asyncio.timeout(TIMEOUT_SECONDS):
                    await lane.turns.acquire()
                    try:
                        await self._all.acquire()
                    except BaseException:
                        lane.turns.release()
                        raise
            except TimeoutError:
                raise FetchRefused("too_many_fetches", _too_many(origin)) from None
            finally:
                lane.waiting -= 1
            try:
                yield
            finally:
                self._all.release()
                lane.turns.release()
        finally:
            lane.users -= 1
            if lane.users == 0:
                self._lanes.pop(artifact_id, None)

    async def _follow(
        self, url: str, method: str, headers: dict[str, str], body: str | None, allowed: HopCheck
    ) -> FetchResult:
        send_headers = {k.lower(): v for k, v in headers.items()}
        send_headers["user-agent"] = USER_AGENT
        send_headers["accept-encoding"] = ACCEPT_ENCODING
        first_origin = previous_origin = origin_of(url)
        current = url
        async with httpx.AsyncClient(
            timeout=TIMEOUT_SECONDS, follow_redirects=False, transport=self._transport, trust_env=False
        ) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                origin = origin_of(current)
                if not await allowed(current):
                    raise FetchRefused(
                        "network_denied",
                        f"{first_origin} redirected to {shown(current)}, which this artifact has no grant for",
                    )
                if origin != previous_origin:  # credentials stay with the origin they were meant for
                    for name in CREDENTIAL_HEADERS:
                        send_headers.pop(name, None)
                previous_origin = origin
                request = await self._pinned_request(client, current, origin, method, send_headers, body)
                try:
                    response = await client.send(request, stream=True)
                except httpx.TimeoutException as exc:
                    raise FetchRefused("network_error", _too_slow(origin)) from exc
                except httpx.HTTPError as exc:
                    raise FetchRefused("network_error", f"cannot reach {origin}: {exc}") from exc
                try:
                    if response.is_redirect and "location" in response.headers:
                        try:
                            current = str(httpx.URL(current).join(response.headers["location"]))
                        except (httpx.InvalidURL, ValueError) as exc:
                            raise FetchRefused("invalid_url", f"{origin} redirected to an invalid URL") from exc
                        if response.status_code in (301, 302, 303) and method != "HEAD":
                            if method != "GET":
                                send_headers.pop("content-type", None)
                            method, body = "GET", None
                        continue
                    try:
                        data = await read_body(response, origin)
                    except httpx.TimeoutException as exc:
                        raise FetchRefused("network_error", _too_slow(origin)) from exc
                    if not 200 <= response.status_code <= 599:  # a page's Response() cannot hold it
                        raise FetchRefused(
                            "network_error", f"{origin} answered with an invalid status {response.status_code}"
                        )
                    kept = {k: v for k, v in response.headers.items() if k.lower() in KEPT_RESPONSE_HEADERS}
                    return FetchResult(response.status_code, kept, data, time.time(), False)
                finally:
                    await response.aclose()
        raise FetchRefused("network_error", f"{shown(url)} redirected more than {MAX_REDIRECTS} times")

    async def _pinned_request(
        self,
        client: httpx.AsyncClient,
        url: str,
        origin: str,
        method: str,
        headers: dict[str, str],
        body: str | None,
    ) -> httpx.Request:
        """A request to the address we checked, keeping the host name for Host and TLS."""
        parts = urlsplit(url)
        netloc = origin.split("://", 1)[1]  # host[:port], ASCII, no user:password@
        host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") and ":" in netloc else netloc
        host = host.strip("[]")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = await checked_address(host, port)
        pinned_host = f"[{address}]" if ":" in address else address
        pinned_netloc = pinned_host + (f":{parts.port}" if parts.port else "")
        pinned_url = urlunsplit((parts.scheme, pinned_netloc, parts.path or "/", parts.query, ""))
        request = client.build_request(method, pinned_url, headers={**headers, "host": netloc}, content=body)
        if parts.scheme == "https":
            request.extensions["sni_hostname"] = host
        return request


def _too_many(origin: str) -> str:
    return (
        f"this artifact has more than {MAX_FETCHES_PER_ARTIFACT + MAX_WAITING_PER_ARTIFACT} fetches at once "
        f"(the one to {origin} waited too long for its turn); fetch fewer at a time"
    )


def _too_slow(origin: str) -> str:
    return f"{origin} did not answer within {TIMEOUT_SECONDS:g} s"

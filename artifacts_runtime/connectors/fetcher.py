"""``DataFetcher``: an artifact's fetch from start to end. It checks the method and the headers,
finds the grant that decides (or asks the person, once at a time per artifact and origin), answers
a GET from the cache when it can (refreshing a stale answer behind it), and sends the rest to the
network (``network.Network``) with every hop checked against the same grants.

Tests make the cache stale by patching ``FRESH_SECONDS`` here: this module alone reads it."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from ..config import Config
from ..events import DataRefreshedEvent, EventHub
from ..store import Store
from ..store.fetch_rules import PER_ARTIFACT_BYTES, TOTAL_BYTES, request_key
from .addresses import origin_of
from .answers import FetchRefused, FetchResult
from .network import Network
from .scope import covering_grant, is_url_granted, shown

FRESH_SECONDS = 30.0
FORWARDED_REQUEST_HEADERS = {"accept", "accept-language", "content-type", "authorization", "x-api-key"}
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
_HEADER_VALUE = re.compile(r"^[\t\x20-\x7e]*$")

#: Asks the person whether an artifact may reach an origin: "once", "always" or "deny".
Asker = Callable[[str, str], Awaitable[str]]


def cache_key(method: str, url: str, headers: dict[str, str] | None = None, body: str | None = None) -> str:
    """The fetch cache's key for a request: a digest, never the credentials themselves."""
    return request_key(method, url, headers, body)


@dataclass(frozen=True)
class CacheLimits:
    """How many bytes of answers the fetch cache keeps (``[live_data]`` in config.toml)."""

    total_bytes: int = TOTAL_BYTES
    per_artifact_bytes: int = PER_ARTIFACT_BYTES

    @classmethod
    def from_config(cls, config: Config) -> CacheLimits:
        return cls(config.fetch_cache_bytes, config.fetch_cache_per_artifact_bytes)


class DataFetcher:
    """Answers artifacts' ``fetch()`` calls (the bridge holds one): grants, asking, the cache, the network."""

    def __init__(
        self,
        store: Store,
        events: EventHub,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        cache: CacheLimits | None = None,
    ) -> None:
        self.store = store
        self.events = events
        self.asker: Asker | None = None
        self.cache = cache or CacheLimits()
        self._net = Network(transport)
        self._refreshing: dict[tuple[str, str, str], asyncio.Future[None]] = {}
        self._asking: dict[tuple[str, str], asyncio.Future[str | None]] = {}

    # ---------------------------------------------------------------- grants

    async def is_granted(self, artifact_id: str, url: str, *, visitor: bool = False) -> bool:
        """See :func:`is_url_granted`."""
        return await is_url_granted(self.store, artifact_id, url, visitor=visitor)

    async def authorize(self, artifact_id: str, url: str, *, may_ask: bool = True, visitor: bool = False) -> bool:
        """True when the artifact may reach ``url`` (an origin is its root) now; asks the person
        when no grant covers it (never for a visitor). Raises FetchRefused otherwise."""
        await self._permit(artifact_id, url, may_ask=may_ask, visitor=visitor)
        return True

    async def _permit(self, artifact_id: str, url: str, *, may_ask: bool, visitor: bool) -> str | None:
        """None when a stored grant lets the fetch go; the origin when the person allowed it
        just this once (its redirects within that origin go too, unless a grant says no)."""
        origin = origin_of(url)
        grants = await self.store.grants(artifact_id, origin=origin)
        grant = covering_grant(grants, url)
        if grant is not None and grant.decision == "deny":
            raise FetchRefused(
                "network_denied",
                f"you denied this artifact access to {grant.scope}; `artifacts grant {artifact_id} "
                f"{grant.scope}` allows it",
            )
        if visitor:
            if grant is not None and grant.visitors:
                return None
            scope = grant.scope if grant is not None else origin
            raise FetchRefused(
                "network_denied",
                f"this shared link may not fetch from {shown(url)}: its owner has not opened {scope} to "
                f"visitors (the owner can, with `artifacts grant ID {scope} --visitors`)",
            )
        if grant is not None:
            return None
        if not may_ask or self.asker is None:
            allowed = [g.scope for g in grants if g.decision == "allow"]
            granted = f" (it may fetch only from {', '.join(allowed)})" if allowed else ""
            raise FetchRefused(
                "network_denied",
                f"this artifact has no grant for {shown(url)}{granted}; allow it in the app, or run "
                f"`artifacts grant {artifact_id} {origin}`",
            )
        answer = await self._ask(artifact_id, url, origin)
        if answer == "always":
            return None
        if answer == "once":
            return origin
        raise FetchRefused("network_denied", f"access to {origin} was denied")

    async def _ask(self, artifact_id: str, url: str, origin: str) -> str:
        """Ask the person, once at a time per artifact and origin: a page that fetches three
        URLs of one origin as it opens asks one question, and the three calls share the
        answer. "always" and "deny" are stored (for the whole origin) before anyone else can look."""
        key = (artifact_id, origin)
        while True:
            pending = self._asking.get(key)
            if pending is not None:
                answer = await asyncio.shield(pending)
                if answer is not None:
                    return answer
                continue  # the call that asked went away without an answer: ask again
            decided = covering_grant(await self.store.grants(artifact_id, origin=origin), url)  # meanwhile?
            if decided is not None:
                return "always" if decided.decision == "allow" else "deny"
            if key not in self._asking:
                break
        assert self.asker is not None
        future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        self._asking[key] = future
        answer = None
        try:
            answer = await self.asker(artifact_id, origin)
            if answer == "always":
                await self.store.grant(artifact_id, origin, "allow")
            elif answer == "deny":
                await self.store.grant(artifact_id, origin, "deny")
            elif answer != "once":
                answer = "deny"  # no clear yes is a no, this time (nothing is stored)
            return answer
        finally:
            self._asking.pop(key, None)
            future.set_result(answer)

    async def _hop_allowed(self, artifact_id: str, url: str, *, visitor: bool, once: str | None) -> bool:
        """Whether a request (the first or a redirect's) may go to ``url``."""
        origin = origin_of(url)
        grant = covering_grant(await self.store.grants(artifact_id, origin=origin), url)
        if grant is None:
            return origin == once and not visitor
        return grant.decision == "allow" and (grant.visitors or not visitor)

    # ---------------------------------------------------------------- fetch

    async def fetch(
        self,
        artifact_id: str,
        url: str,
        *,
        method: str = "GET",
        headers: dict[str, str] | None = None,
        body: str | None = None,
        may_ask: bool = True,
        principal: str = "",
    ) -> FetchResult:
        """``principal``: ``''`` for the library's user, ``visitor:…`` for a visitor of a shared
        link (who uses only grants opened to visitors, and has cache entries of their own)."""
        origin_of(url)
        method = method.upper()
        if method not in METHODS:
            raise FetchRefused(
                "invalid_argument",
                f"fetch() cannot send a {method[:20]!r} request; use one of {', '.join(sorted(METHODS))}",
            )
        headers = _forwarded(headers or {})
        visitor = bool(principal)
        once = await self._permit(artifact_id, url, may_ask=may_ask and not visitor, visitor=visitor)
        key = cache_key(method, url, headers, body)
        if method == "GET":
            cached = await self.store.cache_get(artifact_id, principal, key)
            if cached is not None:
                age = time.time() - cached.fetched_at
                if age > FRESH_SECONDS:
                    self._refresh_later(artifact_id, principal, key, url, headers, once)
                return FetchResult(cached.status, cached.headers, cached.body, cached.fetched_at, True)
        result = await self._network(artifact_id, url, method, headers, body, visitor=visitor, once=once)
        if method == "GET" and result.status < 400:
            result.fetched_at = await self._keep(artifact_id, principal, key, result)
        return result

    async def _keep(self, artifact_id: str, principal: str, key: str, result: FetchResult) -> float:
        return await self.store.cache_put(
            artifact_id,
            principal,
            key,
            result.status,
            result.headers,
            result.body,
            per_artifact_bytes=self.cache.per_artifact_bytes,
            total_bytes=self.cache.total_bytes,
        )

    def _refresh_later(
        self, artifact_id: str, principal: str, key: str, url: str, headers: dict[str, str], once: str | None
    ) -> None:
        slot = (artifact_id, principal, key)
        if slot in self._refreshing:
            return

        async def refresh() -> None:
            try:
                fresh = await self._network(artifact_id, url, "GET", headers, None, visitor=bool(principal), once=once)
                if fresh.status < 400:
                    at = await self._keep(artifact_id, principal, key, fresh)
                    if not principal:  # only the owner's views hear of it; a visitor's page has no events
                        event: DataRefreshedEvent = {
                            "type": "data.refreshed",
                            "artifact_id": artifact_id,
                            "url": url,
                            "fetched_at": at,
                        }
                        self.events.publish(event)
            except (FetchRefused, httpx.HTTPError):
                pass  # the cached answer stands; the next open tries again
            finally:
                self._refreshing.pop(slot, None)

        self._refreshing[slot] = asyncio.ensure_future(refresh())

    async def aclose(self) -> None:
        for task in list(self._refreshing.values()):
            task.cancel()
        self._refreshing.clear()

    async def _network(
        self,
        artifact_id: str,
        url: str,
        method: str,
        headers: dict[str, str],
        body: str | None,
        *,
        visitor: bool,
        once: str | None,
    ) -> FetchResult:
        """The request on the wire, each hop (the first and every redirect's) checked against
        this artifact's grants."""

        async def allowed(hop: str) -> bool:
            return await self._hop_allowed(artifact_id, hop, visitor=visitor, once=once)

        return await self._net.fetch(artifact_id, url, method, headers, body, allowed=allowed)


def _forwarded(headers: dict[str, str]) -> dict[str, str]:
    """The request headers an artifact may send (never cookies); a value that cannot be sent
    as it is (non-ASCII, line breaks) is refused rather than mangled."""
    out: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() not in FORWARDED_REQUEST_HEADERS:
            continue
        if not _HEADER_VALUE.match(value):
            raise FetchRefused(
                "invalid_argument",
                f"the {name} header has characters an HTTP header cannot carry (line breaks or non-ASCII text)",
            )
        out[name.lower()] = value
    return out

"""Live data: an artifact's ``fetch()`` to an http(s) URL, answered through the bridge.

Nothing leaves the machine unless the user granted that origin, or a path prefix of it, to that
artifact (allow once, always, or deny; ``artifacts grant``). The most specific grant whose
prefix holds the URL's path decides (``/v1`` covers ``/v1`` and ``/v1/…``, not ``/v10``); a
path that could mean another one to the server (``%2e%2e``, ``%2f``, ``..;``) is refused where a
path grant applies. Visitors of a shared link use only grants the owner opened to visitors
(``--visitors``), for GET and HEAD, and are never asked. Then:

- Loopback, private, link-local, shared (CGNAT), multicast and cloud-metadata addresses are
  refused unless the granted origin names that address itself (``http://127.0.0.1:8080``,
  ``http://localhost:3000``, ``http://192.168.1.20``): a grant for ``https://api.example.com``
  does not let a DNS answer of 127.0.0.1 through. The connection goes to the address that was
  checked (the host name is kept for the Host header and TLS), so a second DNS answer cannot
  swap it.
- Redirects are followed by hand, at most five, and each hop must be granted too.
- Answers are limited in size and time: 10 MB *decoded* (we ask for gzip or deflate and decode
  them ourselves, in steps of 64 KB with the loop free between steps; stacked or other
  encodings are refused) and 15 s in all. Each artifact has 6 fetches in flight (32 more wait
  their turn, beyond that a fetch is refused) and the app 16 over all artifacts.
- Answers to GET are cached per artifact, per principal (the owner, each visitor) and per exact
  request (a digest of method, URL, headers and body: ``store/fetch_rules.py``), within size
  limits (``CacheLimits``): when an artifact opens again, the cached answer comes at once and a
  fresh one is fetched behind it; the page hears of it through an ``artifact-data`` event.
  Responses carry ``x-artifacts-fetched-at`` (seconds since the epoch) and
  ``x-artifacts-cache: hit|miss``.
"""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import re
import socket
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict
from urllib.parse import urlsplit, urlunsplit

import httpx

from .config import Config
from .errors import ArtifactsError
from .events import DataRefreshedEvent, EventHub
from .humanize import format_bytes
from .records import Grant
from .store import Store
from .store.fetch_rules import PER_ARTIFACT_BYTES, TOTAL_BYTES, request_key

MAX_RESPONSE_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
FRESH_SECONDS = 30.0
USER_AGENT = "live-artifacts (artifact data fetch)"
FORWARDED_REQUEST_HEADERS = {"accept", "accept-language", "content-type", "authorization", "x-api-key"}
#: Dropped when a redirect leads to another origin (as browsers do): they belong to the first one.
CREDENTIAL_HEADERS = {"authorization", "x-api-key"}
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
_HOST_NAME = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$")
_HEADER_VALUE = re.compile(r"^[\t\x20-\x7e]*$")
KEPT_RESPONSE_HEADERS = {
    "content-type",
    "content-language",
    "cache-control",
    "etag",
    "last-modified",
    "date",
}
NULL_BODY_STATUSES = {101, 103, 204, 205, 304}
METADATA_HOSTS = {"metadata.google.internal", "metadata", "instance-data"}
#: What we ask data servers for, whatever the artifact says: we decode these two ourselves.
ACCEPT_ENCODING = "gzip, deflate"
DECODED_ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
#: Decoded bytes produced per step; the loop runs other tasks between steps.
DECODE_STEP = 64 * 1024
#: Fetches in flight per artifact (as browsers per host), and those that may wait for a turn.
MAX_FETCHES_PER_ARTIFACT = 6
MAX_WAITING_PER_ARTIFACT = 32
#: Fetches in flight over all artifacts (each may hold up to 10 MB decoded plus 10 MB raw).
MAX_FETCHES = 16

#: Asks the person whether an artifact may reach an origin: "once", "always" or "deny".
Asker = Callable[[str, str], Awaitable[str]]


class FetchRefused(ArtifactsError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


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


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` with the default port dropped, the host lower-cased and in its
    ASCII (IDNA) form, and an IP address in its canonical form."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1" and other broken IPv6 literals
        raise FetchRefused("invalid_url", f"{url[:80]!r} is not a valid URL") from None
    scheme = (parts.scheme or "").lower()
    if scheme not in ("http", "https"):
        raise FetchRefused("invalid_url", f"only http and https URLs can be fetched, not {url[:80]!r}")
    if not parts.hostname:
        raise FetchRefused("invalid_url", f"{url[:80]!r} has no host")
    host = parts.hostname.lower().rstrip(".")
    try:
        host = ipaddress.ip_address(host).compressed
    except ValueError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchRefused("invalid_url", f"{parts.hostname!r} is not a valid host name") from None
        if not _HOST_NAME.match(host):
            raise FetchRefused("invalid_url", f"{parts.hostname[:80]!r} is not a valid host name") from None
    try:
        port = parts.port
    except ValueError:
        raise FetchRefused("invalid_url", f"{url[:80]!r} has an invalid port") from None
    if ":" in host:
        host = f"[{host}]"
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


#: Escapes a server may decode into a dot, a slash, a backslash or another escape.
_TRICKY_ESCAPES = re.compile(r"%(2e|2f|5c|25)", re.IGNORECASE)


def url_path(url: str) -> str:
    """The path a request for ``url`` sends, as httpx sends it: dot segments resolved, still
    percent-encoded, without the query; ``/`` when empty."""
    try:
        raw = httpx.URL(url).raw_path
    except (httpx.InvalidURL, ValueError, UnicodeError):
        raise FetchRefused("invalid_url", f"{url[:80]!r} is not a valid URL") from None
    return raw.split(b"?", 1)[0].decode("ascii") or "/"


def plain_path(path: str) -> bool:
    """False for a path a server could read as another one: an escaped dot, slash, backslash or
    percent sign (``%2e%2e``, ``%2f``, ``%252e``), a backslash, or a ``..;`` segment."""
    if "\\" in path or _TRICKY_ESCAPES.search(path):
        return False
    return all(segment.split(";", 1)[0] not in (".", "..") for segment in path.split("/"))


def path_within(prefix: str, path: str) -> bool:
    """Whether a grant for ``prefix`` covers ``path``, by whole segments."""
    return prefix == "/" or path == prefix or path.startswith(prefix + "/")


def grant_scope(value: str) -> tuple[str, str]:
    """``(origin, path prefix)`` of what a person grants: ``https://api.example.com`` is the whole
    origin (``/``), ``https://api.example.com/v1/`` the prefix ``/v1``. A query, a fragment or a
    tricky path is refused: a grant is for an origin or a path prefix, plainly written."""
    origin = origin_of(value)
    if "?" in value or "#" in value:
        raise FetchRefused(
            "invalid_url",
            f"a grant covers an origin or a path prefix, not a query or a fragment: drop what follows "
            f"'?' or '#' in {value[:80]!r}",
        )
    path = url_path(value)
    if not plain_path(path):
        raise FetchRefused(
            "invalid_url", f"{path[:80]!r} has escaped dots, slashes or percent signs; write the path plainly"
        )
    return origin, "/" + "/".join(segment for segment in path.split("/") if segment)


def covering_grant(grants: Sequence[Grant], url: str) -> Grant | None:
    """The grant that decides about ``url``: of those for its origin whose prefix holds its path,
    the most specific. Refuses a tricky path where a path grant of that origin applies."""
    origin = origin_of(url)
    mine = [g for g in grants if g.origin == origin]
    if not mine:
        return None
    path = url_path(url)
    if any(g.path != "/" for g in mine) and not plain_path(path):
        raise FetchRefused(
            "invalid_url",
            f"the path of {_shown(url)} has escaped dots, slashes or percent signs, which a grant for "
            "part of an origin cannot vouch for; write the path plainly",
        )
    return max((g for g in mine if path_within(g.path, path)), key=lambda g: len(g.path), default=None)


async def is_url_granted(store: Store, artifact_id: str, url: str, *, visitor: bool = False) -> bool:
    """Whether a grant of ``artifact_id`` lets it fetch ``url`` now (for a visitor of a shared
    link: a grant opened to visitors). False for anything that is not an http(s) URL. Only the
    grants: the address checks of an actual fetch still apply."""
    try:
        grant = covering_grant(await store.grants(artifact_id, origin=origin_of(url)), url)
    except FetchRefused:
        return False
    return grant is not None and grant.decision == "allow" and (grant.visitors or not visitor)


def is_internal(address: str) -> bool:
    """Addresses an artifact must not reach by accident (this machine, the LAN, the cloud)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        ip = ip.sixtofour
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"))
    )


async def resolve(host: str, port: int) -> list[str]:
    host = host.strip("[]")
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchRefused("network_error", f"cannot resolve {host}: {exc.strerror}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class PageResponse(TypedDict):
    """A fetch answer as the page rebuilds it into a ``Response`` (the body in base64)."""

    status: int
    statusText: str
    headers: dict[str, str]
    base64: NotRequired[str]


@dataclass
class FetchResult:
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: float
    cached: bool

    def to_page(self) -> PageResponse:
        headers = dict(self.headers)
        headers["x-artifacts-fetched-at"] = f"{self.fetched_at:.3f}"
        headers["x-artifacts-cache"] = "hit" if self.cached else "miss"
        page: PageResponse = {"status": self.status, "statusText": "", "headers": headers}
        if self.status not in NULL_BODY_STATUSES:  # the page's Response() refuses a body for these
            page["base64"] = base64.b64encode(self.body).decode("ascii")
        return page


@dataclass
class _Lane:
    """One artifact's turns at the network."""

    turns: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(MAX_FETCHES_PER_ARTIFACT))
    waiting: int = 0
    users: int = 0


class _Decoder:
    """gzip or deflate, decoded in steps of at most ``DECODE_STEP`` bytes, the limit counted on
    what comes out: a bomb stops at the limit, never in one multi-gigabyte allocation."""

    def __init__(self, coding: str, origin: str) -> None:
        self.coding = coding
        self.origin = origin
        self._inflater: zlib._Decompress | None = None
        self._head = b""  # deflate: the first two bytes tell a zlib stream from a raw one
        self.fed = False

    def _start(self, data: bytes) -> bytes:
        if self.coding != "deflate":
            self._inflater = zlib.decompressobj(DECODED_ENCODINGS[self.coding])
            return data
        self._head += data
        if len(self._head) < 2:
            return b""
        cmf, flg = self._head[0], self._head[1]
        wrapped = cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        data, self._head = self._head, b""
        return data

    async def feed(self, data: bytes, out: bytearray) -> None:
        """Decode ``data`` onto ``out``, refusing once ``out`` would pass the limit."""
        if not data:
            return
        self.fed = True
        if self._inflater is None:
            data = self._start(data)
            if self._inflater is None:
                return
        inflater = self._inflater
        while True:
            try:
                piece = inflater.decompress(data, DECODE_STEP)
            except zlib.error as exc:
                raise FetchRefused(
                    "network_error", f"the answer from {self.origin} is not valid {self.coding} data ({exc})"
                ) from None
            data = inflater.unconsumed_tail
            out += piece
            if len(out) > MAX_RESPONSE_BYTES:
                raise FetchRefused("response_too_large", _too_large(self.origin, decoded=True))
            if inflater.eof:
                rest = inflater.unused_data
                if not rest or self.coding == "deflate":
                    return  # what follows a deflate stream's end is not data
                inflater = self._inflater = zlib.decompressobj(DECODED_ENCODINGS[self.coding])  # next gzip member
                data = rest
            elif not data and len(piece) < DECODE_STEP:
                return  # all input used and no output held back
            await asyncio.sleep(0)  # let the loop run other tasks between steps

    def finish(self) -> None:
        if self.fed and (self._inflater is None or not self._inflater.eof):
            raise FetchRefused("network_error", f"the {self.coding} data from {self.origin} broke off before its end")


def decoder_for(content_encoding: str | None, origin: str) -> _Decoder | None:
    """The decoder for an answer's ``Content-Encoding``: None for none (or ``identity``); a
    refusal for anything but one of the two we asked for."""
    written = (content_encoding or "").strip()
    codings = [c.strip().lower() for c in written.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) > 1 or codings[0] not in DECODED_ENCODINGS:
        raise FetchRefused(
            "unsupported_encoding",
            f"the answer from {origin} is encoded as {written[:80]!r}; live data asks for {ACCEPT_ENCODING}"
            " (one of them, applied once) and accepts nothing else",
        )
    return _Decoder(codings[0], origin)


class DataFetcher:
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
        self._transport = transport
        self._refreshing: dict[tuple[str, str, str], asyncio.Future[None]] = {}
        self._asking: dict[tuple[str, str], asyncio.Future[str | None]] = {}
        self._lanes: dict[str, _Lane] = {}
        self._all = asyncio.Semaphore(MAX_FETCHES)

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
                f"this shared link may not fetch from {_shown(url)}: its owner has not opened {scope} to "
                f"visitors (the owner can, with `artifacts grant ID {scope} --visitors`)",
            )
        if grant is not None:
            return None
        if not may_ask or self.asker is None:
            allowed = [g.scope for g in grants if g.decision == "allow"]
            granted = f" (it may fetch only from {', '.join(allowed)})" if allowed else ""
            raise FetchRefused(
                "network_denied",
                f"this artifact has no grant for {_shown(url)}{granted}; allow it in the app, or run "
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
        """The request, its redirects and the whole answer, within ``TIMEOUT_SECONDS`` in all
        (a server that sends a byte now and then must not hold the fetch forever), once it has
        its turn."""
        origin = origin_of(url)
        async with self._turn(artifact_id, origin):
            try:
                async with asyncio.timeout(TIMEOUT_SECONDS):
                    return await self._follow(artifact_id, url, method, headers, body, visitor=visitor, once=once)
            except TimeoutError:
                raise FetchRefused("network_error", _too_slow(origin)) from None

    async def _follow(
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
                if not await self._hop_allowed(artifact_id, current, visitor=visitor, once=once):
                    raise FetchRefused(
                        "network_denied",
                        f"{first_origin} redirected to {_shown(current)}, which this artifact has no grant for",
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
                    data = await _read_body(response, origin)
                    if not 200 <= response.status_code <= 599:  # a page's Response() cannot hold it
                        raise FetchRefused(
                            "network_error", f"{origin} answered with an invalid status {response.status_code}"
                        )
                    kept = {k: v for k, v in response.headers.items() if k.lower() in KEPT_RESPONSE_HEADERS}
                    return FetchResult(response.status_code, kept, data, time.time(), False)
                finally:
                    await response.aclose()
        raise FetchRefused("network_error", f"{_shown(url)} redirected more than {MAX_REDIRECTS} times")

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
        if host in METADATA_HOSTS:
            raise FetchRefused("network_denied", f"{host} is a cloud metadata service")
        addresses = await resolve(host, port)
        if not addresses:
            raise FetchRefused("network_error", f"cannot resolve {host}")
        internal = [a for a in addresses if is_internal(a)]
        if internal and not names_itself(host):
            raise FetchRefused(
                "network_denied",
                f"{host} resolves to an internal address ({internal[0]}); an artifact reaches "
                "this machine or your network only through an origin granted by its address",
            )
        address = addresses[0]
        pinned_host = f"[{address}]" if ":" in address else address
        pinned_netloc = pinned_host + (f":{parts.port}" if parts.port else "")
        pinned_url = urlunsplit((parts.scheme, pinned_netloc, parts.path or "/", parts.query, ""))
        request = client.build_request(method, pinned_url, headers={**headers, "host": netloc}, content=body)
        if parts.scheme == "https":
            request.extensions["sni_hostname"] = host
        return request


def names_itself(host: str) -> bool:
    """True when the host in the URL is an address (or localhost): granting such an origin
    means the person knowingly granted that machine, so an internal address is fine."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


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


async def _read_body(response: httpx.Response, origin: str) -> bytes:
    """The answer's bytes, decoded, within ``MAX_RESPONSE_BYTES`` on the wire and decoded."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise FetchRefused("response_too_large", _too_large(origin))
    decoder = decoder_for(response.headers.get("content-encoding"), origin)
    data = bytearray()
    received = 0
    # An answer a test's in-memory transport built is already whole; a real one streams.
    chunks = _whole(response.content) if response.is_stream_consumed else response.aiter_raw()
    try:
        async for chunk in chunks:
            received += len(chunk)
            if received > MAX_RESPONSE_BYTES:
                raise FetchRefused("response_too_large", _too_large(origin))
            if decoder is None:
                data += chunk
            else:
                await decoder.feed(chunk, data)
    except httpx.TimeoutException as exc:
        raise FetchRefused("network_error", _too_slow(origin)) from exc
    except httpx.HTTPError as exc:
        raise FetchRefused("network_error", f"the answer from {origin} broke off: {exc}") from exc
    if decoder is not None:
        decoder.finish()
    return bytes(data)


async def _whole(content: bytes) -> AsyncIterator[bytes]:
    yield content


def _shown(url: str) -> str:
    """A URL as messages show it: origin and path, never the query (it may hold a key)."""
    try:
        return origin_of(url) + url_path(url)[:80]
    except FetchRefused:
        return url[:80]


def _too_many(origin: str) -> str:
    return (
        f"this artifact has more than {MAX_FETCHES_PER_ARTIFACT + MAX_WAITING_PER_ARTIFACT} fetches at once "
        f"(the one to {origin} waited too long for its turn); fetch fewer at a time"
    )


def _too_large(origin: str, *, decoded: bool = False) -> str:
    limit = format_bytes(MAX_RESPONSE_BYTES)
    if decoded:
        return f"the answer from {origin} decodes to more than {limit} (it came compressed), the limit for live data"
    return f"the answer from {origin} is larger than {limit}, the limit for live data"


def _too_slow(origin: str) -> str:
    return f"{origin} did not answer within {TIMEOUT_SECONDS:g} s"

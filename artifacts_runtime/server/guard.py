"""The guard's decisions, as pure functions of a request's facts: who may reach which route.

Kept apart from aiohttp so each rule can be tested with hostile inputs directly (no server, no
sockets): the middleware in :mod:`.middleware` gathers the facts from a request, asks
:func:`decide`, and turns a :class:`Refusal` into the JSON answer (and a log line).

The rules, in order:

- A peer that is not this machine (the server bound to a network address for sharing) reaches
  only the public routes (published links, runtime files, health); POSTs to a link need a
  same-origin request.
- From this machine, the ``Host`` must be a valid host (parsed strictly, :func:`parse_host`)
  and a loopback name or the configured host: a DNS-rebound name (``evil.example`` resolving to
  127.0.0.1) is refused before anything is served. Only such a Host is ever written back into
  a response (:func:`own_origin`, the frame's CSP).
- The API and the WebSocket need a same-origin request (no foreign ``Origin``, not marked
  ``Sec-Fetch-Site: cross-site``) and the session token.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass

PUBLIC_PREFIXES = ("/s/", "/assets/", "/runtime/")
PUBLIC_PATHS = frozenset({"/health", "/favicon.ico"})
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
#: Bind addresses for which only loopback names are a valid Host (no name of their own).
LOCAL_BINDS = frozenset({"127.0.0.1", "::1", "localhost", "0.0.0.0", "::"})


@dataclass(frozen=True)
class Refusal:
    """Why a request was turned away: ``code`` is stable (pages and tests read it), ``message``
    says what to do, ``status`` is the HTTP status of the answer."""

    status: int
    code: str
    message: str


FAR_PEER = Refusal(404, "not_found", "only published artifacts are reachable from other machines")
BAD_HOST = Refusal(403, "bad_host", "this server answers only to its own address (Host refused)")
BAD_ORIGIN = Refusal(403, "bad_origin", "cross-origin requests are refused")
BAD_TOKEN = Refusal(401, "bad_token", "a valid token is required; `artifacts url ID` prints a link with it")


@dataclass(frozen=True)
class RequestFacts:
    """What the guard looks at, taken from one request (no aiohttp types)."""

    method: str
    path: str
    headers: Mapping[str, str]
    scheme: str = "http"
    remote: str | None = None
    #: the ``token`` query parameter (read only for the WebSocket, which cannot send headers)
    query_token: str = ""


# ---------------------------------------------------------------- Host


def is_loopback_host(hostname: str) -> bool:
    """A name that always means this machine: localhost names, ``*.localhost``, loopback IPs."""
    name = hostname.strip("[]").lower().rstrip(".")
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


#: One DNS label (letters, digits, inner hyphens); IPv4 literals are names of this shape too.
_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_PORT_RE = re.compile(r"[0-9]{1,5}")
#: Optional whitespace around a field value (RFC 9110): the only thing stripped.
_OWS = " \t"


def parse_host(host_header: str | None) -> tuple[str, int | None] | None:
    """``(name, port)`` of a Host header, or None unless it is exactly an RFC 3986 host (a DNS
    name or IPv4 address, or an IPv6 address in brackets) with an optional port 1-65535.

    Strict on purpose: the Host is reflected into response headers (the frame's CSP), so a
    value with anything after the name (``127.0.0.1:1; connect-src *``), an IPvFuture or zone
    id, percent-escapes or user info is no host at all. Names come back lowercased, IPv6
    addresses without their brackets."""
    if host_header is None:
        return None
    host = host_header.strip(_OWS)
    port_text: str | None = None
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return None
        name, rest = host[1:end], host[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                return None
            port_text = rest[1:]
        if "%" in name:  # a zone id: link-local, and no browser sends it
            return None
        try:
            name = str(ipaddress.IPv6Address(name))
        except ValueError:
            return None
    else:
        name, colon, port_text_ = host.partition(":")
        if colon:
            port_text = port_text_
        name = name.lower()
        labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
        if not name or len(name) > 253 or not all(_LABEL_RE.fullmatch(label) for label in labels):
            return None
    if port_text is None:
        return name, None
    if not _PORT_RE.fullmatch(port_text) or not 1 <= int(port_text) <= 65535:
        return None
    return name, int(port_text)


def split_host(host_header: str) -> str:
    """The host name of a valid Host header, without the port (IPv6 literals keep no
    brackets); ``""`` for a header that is not a valid host (see :func:`parse_host`)."""
    parsed = parse_host(host_header)
    return parsed[0] if parsed else ""


def check_host(host_header: str | None, bound_host: str) -> Refusal | None:
    """None when ``host_header`` is a valid host (:func:`parse_host`) naming this server: a
    loopback name, or the address it was bound to when that is a name of its own
    (``--host 192.168.1.20``)."""
    parsed = parse_host(host_header)
    if parsed is None:
        return BAD_HOST
    name = parsed[0]
    if is_loopback_host(name):
        return None
    if bound_host not in LOCAL_BINDS and name == bound_host.lower():
        return None
    return BAD_HOST


def origin_of(scheme: str, host_header: str | None) -> str | None:
    """The origin ``scheme://host[:port]`` a valid Host header names, serialized as a browser
    would (lowercase, IPv6 in brackets); None for an invalid Host or scheme."""
    parsed = parse_host(host_header)
    if parsed is None or scheme not in ("http", "https"):
        return None
    name, port = parsed
    host = f"[{name}]" if ":" in name else name
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "")


def own_origin(facts: RequestFacts, bound_host: str) -> str | None:
    """This server's origin as the request names it, fit to be written into a response
    header (the frame's CSP): only from a Host that :func:`check_host` accepts, whoever the
    peer is (a far peer's Host is not checked by the guard, so it is checked here); None
    otherwise, and the caller falls back to ``'self'``."""
    host_header = facts.headers.get("Host")
    if check_host(host_header, bound_host) is not None:
        return None
    return origin_of(facts.scheme, host_header)


# ---------------------------------------------------------------- Origin and CSRF


def check_origin(
    origin: str | None, sec_fetch_site: str | None, scheme: str, host_header: str | None
) -> Refusal | None:
    """None for a same-origin request: not marked cross-site by the browser, and either no
    ``Origin`` (not a browser, or a same-origin GET) or exactly this server's own origin.
    ``Origin: null`` (sandboxed frames, file pages) is foreign, and so is every origin when
    the Host is not a valid host."""
    if sec_fetch_site == "cross-site":
        return BAD_ORIGIN
    if origin is None:
        return None
    own = origin_of(scheme, host_header)
    return None if own is not None and origin == own else BAD_ORIGIN


def needs_same_origin(method: str, path: str) -> bool:
    """The CSRF decision: which requests must come from our own pages. The API and the
    WebSocket (they act with the token), and POSTs to a published link (they write a visitor's
    storage with the visitor's cookie)."""
    return needs_token(path) or (path.startswith("/s/") and method == "POST")


def needs_token(path: str) -> bool:
    return path.startswith("/api/") or path == "/ws"


# ---------------------------------------------------------------- the token


def presented_token(headers: Mapping[str, str], path: str, query_token: str = "") -> str:
    """The token a request carries: ``Authorization: Bearer``, else ``X-Artifacts-Token``, else
    (for the WebSocket only) the ``token`` query parameter. Empty when there is none."""
    auth = headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[7:].strip()
    if headers.get("X-Artifacts-Token"):
        return headers["X-Artifacts-Token"]
    if path == "/ws":
        return query_token
    return ""


def check_token(given: str, expected: str) -> Refusal | None:
    """None when ``given`` is the session token, compared in constant time."""
    if given and hmac.compare_digest(given.encode(), expected.encode()):
        return None
    return BAD_TOKEN


# ---------------------------------------------------------------- peers


def is_public_path(path: str) -> bool:
    return path.startswith(PUBLIC_PREFIXES) or path in PUBLIC_PATHS


def peer_is_local(remote: str | None, bound_host: str) -> bool:
    """True when the TCP peer is this machine: a loopback address, or the address the server is
    bound to (a request from this machine to its own network address)."""
    address = (remote or "").split("%")[0]
    if address == bound_host:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------- the decision


def decide(facts: RequestFacts, *, bound_host: str, token: str) -> Refusal | None:
    """The guard: None lets the request through, a Refusal says why not."""
    headers = facts.headers
    host_header = headers.get("Host")

    def same_origin() -> Refusal | None:
        return check_origin(headers.get("Origin"), headers.get("Sec-Fetch-Site"), facts.scheme, host_header)

    if not peer_is_local(facts.remote, bound_host):
        # Bound to a network address for sharing: other machines see published links only.
        if not is_public_path(facts.path):
            return FAR_PEER
        if facts.path.startswith("/s/") and facts.method == "POST":
            return same_origin()
        return None
    refusal = check_host(host_header, bound_host)
    if refusal is None and needs_same_origin(facts.method, facts.path):
        refusal = same_origin()
    if refusal is None and needs_token(facts.path):
        refusal = check_token(presented_token(headers, facts.path, facts.query_token), token)
    return refusal

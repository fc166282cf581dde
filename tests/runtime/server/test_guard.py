"""The guard's decisions as pure functions, under hostile input: no server, no sockets.

What a request must be to pass is pinned here case by case. The Host header is parsed strictly
(RFC 3986 host, optional port 1-65535, nothing else) before anything reads it: it is reflected
into the frame's Content-Security-Policy, so junk after the name must never pass (issue 11).
"""

from __future__ import annotations

import hmac

import pytest

from artifacts_runtime.server import guard
from artifacts_runtime.server.guard import (
    BAD_HOST,
    BAD_ORIGIN,
    BAD_TOKEN,
    FAR_PEER,
    RequestFacts,
    check_host,
    check_origin,
    check_token,
    decide,
    needs_same_origin,
    own_origin,
    parse_host,
    peer_is_local,
    presented_token,
    split_host,
)

TOKEN = "t" * 43
PORT = 8123
HOST = f"127.0.0.1:{PORT}"
OWN = f"http://{HOST}"

# --------------------------------------------------------------------------- Host


@pytest.mark.parametrize(
    "header, parsed",
    [
        ("127.0.0.1:8123", ("127.0.0.1", 8123)),
        ("localhost", ("localhost", None)),
        (" localhost:1 ", ("localhost", 1)),  # optional whitespace around a field value
        ("[::1]:8123", ("::1", 8123)),
        ("[::1]", ("::1", None)),
        ("example.com:80", ("example.com", 80)),
        ("LocalHost.:65535", ("localhost.", 65535)),
    ],
)
def test_parse_host_splits_a_valid_host_into_name_and_port(header: str, parsed: tuple[str, int | None]) -> None:
    assert parse_host(header) == parsed
    assert split_host(header) == parsed[0]


@pytest.mark.parametrize(
    "header",
    [
        "::1",  # an IPv6 literal needs its brackets (RFC 3986 IP-literal)
        "127.0.0.1:1; connect-src *",
        "127.0.0.1:0",
        "127.0.0.1:",
        "127.0.0.1:+80",
        "127.0.0.1:0x50",
        "127.0.0.1:８０",  # fullwidth digits are digits to str.isdigit, not to RFC 3986
        "127.0.0.1:080000",
        "local host",
        "localhost\t:1",
        "localhost\r\nX-Injected: 1",
        "user@localhost",
        "localhost/path",
        "localhost?q",
        "localhost#f",
        "%6cocalhost",
        "[v1.fe]",  # IPvFuture: no browser sends it
        "[fe80::1%25eth0]",
        "[127.0.0.1]",
        "[::1]:",
        "[::1]junk",
        "[::1",
        "::1]",
        "lo'calhost",
        'lo"calhost',
        "local_host",
        "-localhost",
        "localhost..",
        ".localhost",
        "a" * 64 + ".localhost",
        "",
        " ",
    ],
)
def test_parse_host_refuses_anything_that_is_not_a_plain_host_and_port(header: str) -> None:
    assert parse_host(header) is None
    assert check_host(header, "127.0.0.1") is BAD_HOST


@pytest.mark.parametrize(
    "header",
    [
        "127.0.0.1",
        HOST,
        "localhost",
        f"localhost:{PORT}",
        "LOCALHOST:1",
        "localhost.",
        "localhost.localdomain",
        "ip6-localhost",
        "app.localhost:8000",  # *.localhost never leaves the machine (RFC 6761)
        "127.8.9.10",
        "[::1]",
        f"[::1]:{PORT}",
    ],
)
def test_loopback_hosts_pass(header: str) -> None:
    assert check_host(header, "127.0.0.1") is None


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "evil.example",
        f"evil.example:{PORT}",
        "10.0.0.7",
        f"10.0.0.7:{PORT}",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "localhostx",
        "0.0.0.0",
        f"[fe80::1]:{PORT}",
        "[2001:db8::1]",
        "127.0.0.1:1:2",
    ],
)
def test_foreign_or_missing_hosts_are_refused(header: str | None) -> None:
    assert check_host(header, "127.0.0.1") is BAD_HOST


def test_the_configured_address_is_a_valid_host_only_when_it_is_a_name_of_its_own() -> None:
    assert check_host("192.168.1.20:8000", "192.168.1.20") is None
    assert check_host("192.168.1.20:8000", "0.0.0.0") is BAD_HOST  # bound to all: loopback names only
    assert check_host("0.0.0.0:8000", "0.0.0.0") is BAD_HOST
    assert check_host("::", "::") is BAD_HOST
    assert check_host("192.168.1.21", "192.168.1.20") is BAD_HOST


@pytest.mark.parametrize(
    "header",
    [
        "127.0.0.1:1; connect-src *",  # reflected into the frame's CSP
        "localhost:1 script-src *",
        "localhost:1,evil.example",
        "127.0.0.1:99999",
        "127.0.0.1:65536",
        "127.0.0.1:port",
        "[::1]junk",
        "[::1",
        "[::1]:1; frame-ancestors *",
    ],
)
def test_a_host_with_junk_after_the_name_is_refused(header: str) -> None:
    assert check_host(header, "127.0.0.1") is BAD_HOST


def test_the_configured_address_with_junk_is_refused_too() -> None:
    assert check_host("192.168.1.20:8000; img-src *", "192.168.1.20") is BAD_HOST
    assert check_host("192.168.1.20 :8000", "192.168.1.20") is BAD_HOST


@pytest.mark.parametrize(
    "host, bound, remote, origin",
    [
        (HOST, "127.0.0.1", "127.0.0.1", OWN),
        (f"LOCALHOST:{PORT}", "127.0.0.1", "127.0.0.1", f"http://localhost:{PORT}"),
        (f"[::1]:{PORT}", "::1", "::1", f"http://[::1]:{PORT}"),
        ("192.168.1.20:8000", "192.168.1.20", "192.0.2.7", "http://192.168.1.20:8000"),
        # A far peer's Host is not checked by the guard (public routes): it is never reflected
        # unless it is the configured address.
        ("evil.example:8000", "0.0.0.0", "192.0.2.7", None),
        ("192.168.1.20:8000", "0.0.0.0", "192.0.2.7", None),
        ("127.0.0.1:1; connect-src *", "0.0.0.0", "192.0.2.7", None),
        ("127.0.0.1:1; connect-src *", "127.0.0.1", "127.0.0.1", None),
        ("", "127.0.0.1", "127.0.0.1", None),
    ],
)
def test_own_origin_is_built_from_a_valid_allowed_host_only(
    host: str, bound: str, remote: str, origin: str | None
) -> None:
    request = RequestFacts("GET", "/s/tok/frame", {"Host": host} if host else {}, "http", remote)
    assert own_origin(request, bound) == origin


# --------------------------------------------------------------------------- Origin and CSRF


def test_no_origin_is_a_same_origin_request() -> None:
    assert check_origin(None, None, "http", HOST) is None
    assert check_origin(None, "same-origin", "http", HOST) is None
    assert check_origin(None, "none", "http", HOST) is None


def test_our_own_origin_passes() -> None:
    assert check_origin(OWN, "same-origin", "http", HOST) is None


@pytest.mark.parametrize(
    "origin",
    [
        "null",  # sandboxed frames (our artifacts) and file: pages
        "",
        "http://evil.example",
        "http://127.0.0.1:1",  # another local port is another origin
        f"https://{HOST}",
        f"{OWN}/",
        f"http://localhost:{PORT}",  # same machine, another name: another origin
        f"{OWN}.evil.example",
        OWN.upper(),
    ],
)
def test_other_origins_are_refused(origin: str) -> None:
    assert check_origin(origin, None, "http", HOST) is BAD_ORIGIN


def test_a_request_the_browser_marks_cross_site_is_refused_whatever_its_origin() -> None:
    assert check_origin(None, "cross-site", "http", HOST) is BAD_ORIGIN
    assert check_origin(OWN, "cross-site", "http", HOST) is BAD_ORIGIN


def test_without_a_host_no_origin_matches() -> None:
    # (It used to pass "http://" as the origin of an empty Host; the Host check refused it
    # first, but an origin is now only ever built from a valid Host.)
    assert check_origin("http://", None, "http", None) is BAD_ORIGIN
    assert check_origin(OWN, None, "http", None) is BAD_ORIGIN
    assert check_origin("http://127.0.0.1:1; x", None, "http", "127.0.0.1:1; x") is BAD_ORIGIN


def test_the_origin_is_compared_with_the_host_as_a_browser_serializes_it() -> None:
    assert check_origin(f"http://localhost:{PORT}", None, "http", f"LocalHost:{PORT}") is None
    assert check_origin(f"http://[::1]:{PORT}", None, "http", f"[0:0::1]:{PORT}") is None


@pytest.mark.parametrize(
    "method, path, needed",
    [
        ("GET", "/api/artifacts/x", True),
        ("POST", "/api/artifacts/x/call", True),
        ("GET", "/ws", True),
        ("POST", "/s/tok/call", True),
        ("GET", "/s/tok", False),
        ("GET", "/view/x", False),
        ("GET", "/frame/x/1", False),
        ("GET", "/health", False),
        ("GET", "/runtime/shell.js", False),
    ],
)
def test_which_requests_must_be_same_origin(method: str, path: str, needed: bool) -> None:
    assert needs_same_origin(method, path) is needed


# --------------------------------------------------------------------------- the token


def test_the_token_is_read_from_a_bearer_header_then_our_header_then_the_websocket_query() -> None:
    assert presented_token({"Authorization": f"Bearer {TOKEN}"}, "/api/x") == TOKEN
    assert presented_token({"Authorization": f"Bearer  {TOKEN} "}, "/api/x") == TOKEN
    assert presented_token({"X-Artifacts-Token": TOKEN}, "/api/x") == TOKEN
    assert presented_token({"Authorization": "Basic abc", "X-Artifacts-Token": TOKEN}, "/api/x") == TOKEN
    assert presented_token({}, "/ws", TOKEN) == TOKEN
    assert presented_token({}, "/api/x", TOKEN) == ""  # the query counts for the WebSocket only
    assert presented_token({"Authorization": f"bearer {TOKEN}"}, "/api/x") == ""
    assert presented_token({"Authorization": TOKEN}, "/api/x") == ""


@pytest.mark.parametrize(
    "given",
    [
        "",
        "t",
        TOKEN[:-1],
        TOKEN + "t",
        TOKEN * 2,
        "x" * len(TOKEN),
        "T" * len(TOKEN),
        "ť" * len(TOKEN),  # not ASCII: refused, no exception
        TOKEN[:-1] + "\x00",
    ],
)
def test_any_other_token_is_refused(given: str) -> None:
    assert check_token(given, TOKEN) is BAD_TOKEN


def test_the_right_token_passes() -> None:
    assert check_token(TOKEN, TOKEN) is None


def test_tokens_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(guard.hmac, "compare_digest", spy)
    assert check_token("x" * len(TOKEN), TOKEN) is BAD_TOKEN
    assert check_token(TOKEN, TOKEN) is None
    assert seen == [(b"x" * len(TOKEN), TOKEN.encode()), (TOKEN.encode(), TOKEN.encode())]


# --------------------------------------------------------------------------- peers and the decision


@pytest.mark.parametrize(
    "remote, bound, local",
    [
        ("127.0.0.1", "127.0.0.1", True),
        ("127.0.0.2", "0.0.0.0", True),
        ("::1", "::", True),
        ("192.0.2.7", "0.0.0.0", False),
        ("10.0.0.5", "10.0.0.5", True),
        ("fe80::1%eth0", "::", False),
        (None, "0.0.0.0", False),
        ("", "0.0.0.0", False),
        ("not an address", "0.0.0.0", False),
    ],
)
def test_which_peers_are_this_machine(remote: str | None, bound: str, local: bool) -> None:
    assert peer_is_local(remote, bound) is local


def facts(method: str = "GET", path: str = "/health", remote: str = "127.0.0.1", **headers: str) -> RequestFacts:
    headers.setdefault("Host", HOST)
    return RequestFacts(method, path, {k.replace("_", "-"): v for k, v in headers.items()}, "http", remote)


def test_decide_lets_the_owners_shell_through() -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert decide(facts(path="/api/artifacts/x", **auth), bound_host="127.0.0.1", token=TOKEN) is None
    ws = RequestFacts("GET", "/ws", {"Host": HOST, "Origin": OWN}, "http", "127.0.0.1", query_token=TOKEN)
    assert decide(ws, bound_host="127.0.0.1", token=TOKEN) is None


def test_decide_checks_host_then_origin_then_token() -> None:
    bad_everything = facts(path="/api/artifacts/x", Host="evil.example", Origin="null")
    assert decide(bad_everything, bound_host="127.0.0.1", token=TOKEN) is BAD_HOST
    assert decide(facts(path="/api/artifacts/x", Origin="null"), bound_host="127.0.0.1", token=TOKEN) is BAD_ORIGIN
    assert decide(facts(path="/api/artifacts/x"), bound_host="127.0.0.1", token=TOKEN) is BAD_TOKEN
    missing_host = RequestFacts("GET", "/health", {}, "http", "127.0.0.1")
    assert decide(missing_host, bound_host="127.0.0.1", token=TOKEN) is BAD_HOST


def test_a_post_to_a_link_from_another_origin_is_refused_from_near_and_far() -> None:
    for remote in ("127.0.0.1", "192.0.2.7"):
        post = facts("POST", "/s/tok/call", remote, Origin="https://evil.example")
        assert decide(post, bound_host="0.0.0.0", token=TOKEN) is BAD_ORIGIN
        assert decide(facts("POST", "/s/tok/call", remote), bound_host="0.0.0.0", token=TOKEN) is None


def test_far_peers_reach_the_public_routes_only() -> None:
    far = "192.0.2.7"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for path in ("/api/artifacts/x", "/view/x", "/frame/x/1", "/ws", "/nothing", "/s", "//s/x"):
        assert decide(facts(path=path, remote=far, **auth), bound_host="0.0.0.0", token=TOKEN) is FAR_PEER, path
    for path in ("/s/tok", "/s/tok/info", "/assets/react@18.3.1/x.js", "/runtime/shell.js", "/health"):
        # their Host is this machine's network address (or anything): not checked for far peers
        request = facts(path=path, remote=far, Host="192.168.1.20:8000")
        assert decide(request, bound_host="0.0.0.0", token=TOKEN) is None, path

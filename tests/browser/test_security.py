"""Hostile input: what an artifact, a web page or a stray request must not be able to do.

- An artifact runs in a sandboxed iframe with an opaque origin. It talks only to its own shell,
  which scopes every call to the artifact it was opened for: artifact A cannot read B's state.
- The frame's Content-Security-Policy allows no network destination but the local server's
  runtime files: fetch, XHR, WebSocket, EventSource, images, scripts, styles, beacons, link
  preloads, navigation and WebRTC to any other address fail, and a listener of our own ("the tripwire", a second local
  server on another port) proves that nothing arrives.
- The server answers the API only with the token, only to its own Host name (DNS rebinding),
  only to same-origin callers; a frame needs a ticket for its artifact; the token never reaches
  the frame.

The raw HTTP cases use httpx and are fast; the browser cases are marked ``slow``.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.browser.conftest import open_view

# --------------------------------------------------------------------------- the tripwire


class Tripwire:
    """A local HTTP server (and a UDP socket on the same port number) that records every
    connection and request it gets. It answers permissively (CORS ``*``), so that nothing but
    the frame's own policy stands between a request and a successful response."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: list[tuple[str, str]] = []
        self.datagrams: list[bytes] = []
        wire = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                wire.requests.append((self.command, self.path))
                body = b"tripped"
                self.send_response(200)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_HEAD = do_OPTIONS = _answer

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:  # every TCP connection
                wire.connections += 1
                return True

        self.http = Server(("127.0.0.1", 0), Handler)
        self.port = self.http.server_address[1]
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", self.port))
        self.udp.settimeout(0.2)
        self._running = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        threading.Thread(target=self._udp_loop, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _udp_loop(self) -> None:
        while self._running:
            try:
                self.datagrams.append(self.udp.recv(4096))
            except OSError:
                continue

    def reset(self) -> None:
        self.connections = 0
        self.requests.clear()
        self.datagrams.clear()

    def close(self) -> None:
        self._running = False
        self.http.shutdown()
        self.http.server_close()
        self.udp.close()


@pytest.fixture(scope="module")
def tripwire() -> Iterator[Tripwire]:
    wire = Tripwire()
    yield wire
    wire.close()


@pytest.fixture
def trip(tripwire: Tripwire) -> Tripwire:
    tripwire.reset()
    return tripwire


def test_the_tripwire_does_record_what_reaches_it(trip: Tripwire) -> None:
    """Control: the listener used below does see a request that is not blocked."""
    assert httpx.get(f"{trip.origin}/control").text == "tripped"
    assert trip.requests == [("GET", "/control")]
    assert trip.connections == 1


# --------------------------------------------------------------------------- raw HTTP


@pytest.fixture(scope="module")
def artifact_ids(live_server) -> tuple[str, str]:
    """Two artifacts; B holds a secret in both scopes."""
    a = live_server.import_artifact("<!doctype html><p id=a>artifact A</p>", type="html", title="A")
    b = live_server.import_artifact("<!doctype html><p id=b>artifact B</p>", type="html", title="B")
    live_server.set_state(b, "secret", "b-only")
    live_server.set_state(b, "secret", "b-only-shared", shared=True)
    return a, b


def routes(live_server, artifact_id: str) -> list[tuple[str, str, dict]]:
    """One request of every route family, as the legitimate shell would make it."""
    auth = {"Authorization": f"Bearer {live_server.token}"}
    ws = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
    }
    return [
        ("GET", "/health", {}),
        ("GET", "/favicon.ico", {}),
        ("GET", f"/view/{artifact_id}", {}),
        ("GET", f"/frame/{artifact_id}/1?ticket={live_server.server.frame_ticket(artifact_id)}", {}),
        ("GET", f"/api/artifacts/{artifact_id}", auth),
        ("POST", f"/api/artifacts/{artifact_id}/call", auth),
        ("GET", f"/ws?token={live_server.token}", ws),
        ("GET", "/assets/react@18.3.1/umd/react.production.min.js", {}),
        ("GET", "/runtime/frame.js", {}),
    ]


def send(live_server, method: str, path: str, headers: dict, **kw) -> httpx.Response:
    body = json.dumps({"method": "storage.list", "params": {}}) if method == "POST" else None
    with httpx.Client(base_url=live_server.base_url, timeout=10) as client:
        return client.request(method, path, headers=headers, content=body, **kw)


API_ROUTES = ["/api/artifacts/{id}", "/api/artifacts/{id}/call", "/ws"]


def test_every_route_answers_the_legitimate_request(live_server, artifact_ids) -> None:
    """Control for the refusals below: the same requests with proper headers succeed."""
    for method, path, headers in routes(live_server, artifact_ids[0]):
        status = send(live_server, method, path, headers).status_code
        expected = {"/favicon.ico": 204, "/ws": 101}.get(path.split("?")[0], 200)
        assert status == expected, (method, path, status)


@pytest.mark.parametrize("path", API_ROUTES)
@pytest.mark.parametrize(
    "credentials",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-the-token"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"X-Artifacts-Token": "not-the-token"},
        {"Cookie": "token=whatever"},
    ],
    ids=["none", "empty-bearer", "wrong-bearer", "basic", "wrong-header", "cookie"],
)
def test_the_api_without_the_right_token_is_refused(live_server, artifact_ids, path, credentials) -> None:
    path = path.format(id=artifact_ids[1])
    method = "POST" if path.endswith("/call") else "GET"
    response = send(live_server, method, path, credentials)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "bad_token"
    assert "b-only" not in response.text


def test_a_token_prefix_or_a_token_in_the_query_is_refused(live_server, artifact_ids) -> None:
    path = f"/api/artifacts/{artifact_ids[1]}"
    assert send(live_server, "GET", path, {"Authorization": f"Bearer {live_server.token[:-1]}"}).status_code == 401
    assert send(live_server, "GET", f"{path}?token={live_server.token}", {}).status_code == 401


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1.nip.io:{port}",
        "localhost.evil.example",
        "192.168.1.20:{port}",
        "0.0.0.0:{port}",
        "127.0.0.1.evil.example",
    ],
)
def test_a_foreign_host_is_refused_on_every_route(live_server, artifact_ids, host) -> None:
    """DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends its
    own Host name; every route refuses it, the ones without a token included."""
    host = host.format(port=live_server.server.port)
    for method, path, headers in routes(live_server, artifact_ids[0]):
        response = send(live_server, method, path, {**headers, "Host": host})
        assert response.status_code == 403, (host, method, path, response.status_code)
        assert response.json()["error"]["code"] == "bad_host"


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}", "app.localhost:{port}"])
def test_loopback_host_names_are_accepted(live_server, host) -> None:
    response = send(live_server, "GET", "/health", {"Host": host.format(port=live_server.server.port)})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},  # what a sandboxed frame sends
        {"Origin": "http://127.0.0.1:1"},  # another local service: same site, other origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "{self}", "Sec-Fetch-Site": "cross-site"},
    ],
    ids=["evil", "null", "other-port", "cross-site", "own-origin-but-cross-site"],
)
@pytest.mark.parametrize("path", API_ROUTES)
def test_a_foreign_origin_is_refused(live_server, artifact_ids, path, headers) -> None:
    path = path.format(id=artifact_ids[0])
    method = "POST" if path.endswith("/call") else "GET"
    headers = {k: v.replace("{self}", live_server.base_url) for k, v in headers.items()}
    auth = {"Authorization": f"Bearer {live_server.token}"}
    response = send(
        live_server, method, path + (f"?token={live_server.token}" if path == "/ws" else ""), {**auth, **headers}
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "bad_origin"


def test_the_own_origin_is_accepted(live_server, artifact_ids) -> None:
    response = send(
        live_server,
        "GET",
        f"/api/artifacts/{artifact_ids[0]}",
        {
            "Authorization": f"Bearer {live_server.token}",
            "Origin": live_server.base_url,
            "Sec-Fetch-Site": "same-origin",
        },
    )
    assert response.status_code == 200


def test_a_frame_without_its_ticket_is_refused(live_server, artifact_ids) -> None:
    a, b = artifact_ids
    ticket_a = live_server.server.frame_ticket(a)
    for query in [
        "",
        "?ticket=",
        "?ticket=0123456789abcdef0123456789abcdef",
        f"?ticket={ticket_a}x",
        f"?ticket={live_server.token}",
    ]:
        response = send(live_server, "GET", f"/frame/{a}/1{query}", {})
        assert response.status_code == 403, query
        assert "artifact B" not in response.text and "artifact A" not in response.text
    # A's ticket does not open B's frame.
    response = send(live_server, "GET", f"/frame/{b}/1?ticket={ticket_a}", {})
    assert response.status_code == 403
    assert "artifact B" not in response.text


def test_the_token_is_not_in_the_frame_document(live_server, artifact_ids) -> None:
    a = artifact_ids[0]
    response = send(live_server, "GET", f"/frame/{a}/1?ticket={live_server.server.frame_ticket(a)}", {})
    assert response.status_code == 200 and "artifact A" in response.text
    assert live_server.token not in response.text
    assert live_server.token not in str(response.headers)
    csp = response.headers["Content-Security-Policy"]
    assert "connect-src 'none'" in csp and "default-src 'none'" in csp
    # The ticket is not the token, and not a prefix of it.
    assert live_server.server.frame_ticket(a) not in live_server.token


def test_the_runtime_file_is_private(live_server) -> None:
    info = live_server.paths.server_file.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert stat.S_IMODE(live_server.paths.runtime.stat().st_mode) == 0o700


# --------------------------------------------------------------------------- in the browser


READ_PARENT = """() => {
  const out = {};
  const attempt = (name, fn) => {
    try { out[name] = { ok: true, value: String(fn()) }; }
    catch (e) { out[name] = { ok: false, error: e.name }; }
  };
  attempt("origin", () => self.origin);
  attempt("parent.document", () => parent.document.body.innerHTML);
  attempt("parent.sessionStorage", () => parent.sessionStorage.getItem("live-artifacts-token"));
  attempt("parent.location.href", () => parent.location.href);
  attempt("top.document.cookie", () => top.document.cookie);
  attempt("parent.frames.length", () => parent.frames.length);
  // The artifact's own storages (frame-compat.js), then the browser's, through a fresh frame.
  attempt("own sessionStorage", () => sessionStorage.getItem("live-artifacts-token") === null);
  const fresh = document.createElement("iframe");
  document.body.appendChild(fresh);
  attempt("sessionStorage", () => fresh.contentWindow.sessionStorage.length);
  attempt("localStorage", () => fresh.contentWindow.localStorage.length);
  attempt("indexedDB", () => indexedDB.open("x"));
  attempt("document.cookie", () => document.cookie);
  return out;
}"""


@pytest.mark.slow
def test_the_frame_has_an_opaque_origin_and_cannot_read_its_shell(live_server, page, artifact_ids) -> None:
    frame = open_view(page, live_server.view_url(artifact_ids[0]))
    out = frame.evaluate(READ_PARENT)
    assert out.pop("origin") == {"ok": True, "value": "null"}
    assert out.pop("parent.frames.length") == {"ok": True, "value": "1"}  # allowed cross-origin; harmless
    assert out.pop("own sessionStorage") == {"ok": True, "value": "true"}
    cookie = out.pop("document.cookie")
    assert cookie == {"ok": True, "value": ""} or cookie["error"] == "SecurityError"
    for name, result in out.items():
        assert result == {"ok": False, "error": "SecurityError"}, name


POST_AS_B = """async (b) => {
  const replies = {};
  window.addEventListener("message", (e) => {
    if (e.data && e.data.reply >= 1000) replies[e.data.reply] = e.data;
  });
  const post = (id, method, params) =>
    parent.postMessage({ __artifacts: 1, id, method, params, artifact_id: b, artifactId: b }, "*");
  const settled = async (n) => {
    const started = Date.now();
    while (Object.keys(replies).length < n && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
  };
  post(1000, "storage.get", { key: "secret", artifact_id: b, artifactId: b, id: b });
  post(1001, "storage.get", { key: "secret", shared: true, artifact_id: b });
  post(1002, "storage.list", { prefix: "", artifact_id: b });
  post(1004, "storage.get", { key: "../" + b + "/secret" });
  await settled(4);  // calls run concurrently: read first, then write
  post(1003, "storage.set", { key: "secret", value: "overwritten by A", artifact_id: b });
  await settled(5);
  return replies;
}"""


@pytest.mark.slow
def test_artifact_a_cannot_read_b_state_by_posting_messages_that_name_b(live_server, page, artifact_ids) -> None:
    a, b = artifact_ids
    frame = open_view(page, live_server.view_url(a))
    replies = frame.evaluate(POST_AS_B, b)
    assert replies["1000"]["ok"] is False and replies["1000"]["error"]["code"] == "key_not_found"
    assert replies["1001"]["ok"] is False and replies["1001"]["error"]["code"] == "key_not_found"
    assert replies["1002"]["ok"] is True and replies["1002"]["result"]["keys"] == []
    assert replies["1003"]["ok"] is True  # ... but it wrote A's own key
    assert replies["1004"]["ok"] is False and replies["1004"]["error"]["code"] == "invalid_key"
    assert "b-only" not in json.dumps(replies)
    assert live_server.state(b, "secret") == "b-only"
    assert live_server.state(b, "secret", shared=True) == "b-only-shared"
    assert live_server.state(a, "secret") == "overwritten by A"
    assert live_server.run(lambda: live_server.store.state_delete(a, "secret"))


CALL_API_DIRECTLY = """async ([base, b]) => {
  const out = {};
  const api = base + "/api/artifacts/" + b;
  out.fetch = await fetch(api).then((r) => "status " + r.status, (e) => "rejected: " + e.message);
  out.xhr = await new Promise((resolve) => {
    const x = new XMLHttpRequest();
    try {
      x.open("POST", api + "/call");
      x.onload = () => resolve("loaded " + x.status);
      x.onerror = () => resolve("error");
      x.send(JSON.stringify({ method: "storage.get", params: { key: "secret" } }));
    } catch (e) { resolve("threw " + e.name); }
  });
  // A worker has a fetch of its own, untouched by frame.js: the policy still applies to it.
  const src = "fetch(" + JSON.stringify(api) + ").then((r) => postMessage('status ' + r.status), (e) => postMessage('rejected: ' + e.message))";
  out.worker = await new Promise((resolve) => {
    try {
      const w = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => resolve("worker error: " + e.message);
    } catch (e) { resolve("threw " + e.name); }
    setTimeout(() => resolve("timeout"), 4000);
  });
  out.websocket = await new Promise((resolve) => {  // the shell's own channel to the bridge
    try {
      const ws = new WebSocket(base.replace("http", "ws") + "/ws");
      ws.onopen = () => resolve("open"); ws.onerror = () => resolve("error");
    } catch (e) { resolve("threw " + e.name); }
    setTimeout(() => resolve("no answer"), 3000);
  });
  out.script = await new Promise((resolve) => {
    const s = document.createElement("script");
    s.src = api;  // the local server is an allowed script source, but the API wants the token
    s.onload = () => resolve("loaded"); s.onerror = () => resolve("error");
    document.head.appendChild(s);
  });
  return out;
}"""


@pytest.mark.slow
def test_artifact_a_cannot_call_the_api_directly(live_server, page, artifact_ids) -> None:
    a, b = artifact_ids
    frame = open_view(page, live_server.view_url(a))
    statuses: list[tuple[str, int]] = []
    page.on("response", lambda r: statuses.append((r.url, r.status)) if "/api/" in r.url else None)
    out = frame.evaluate(CALL_API_DIRECTLY, [live_server.base_url, b])
    assert out["fetch"].startswith("rejected: ") and live_server.base_url in out["fetch"]
    assert out["xhr"] in ("error", "threw SecurityError")
    assert out["worker"].startswith("rejected: ")
    assert out["websocket"] in ("error", "threw SecurityError")
    assert out["script"] == "error"
    # Only the <script> request got as far as the server, which refused it (no token, cross-site).
    assert [s for u, s in statuses if f"/api/artifacts/{b}" in u] in ([], [401], [403])


OUTSIDE_ATTEMPTS = """async (target) => {
  const settle = (p, ms = 3000) => Promise.race([p, new Promise((r) => setTimeout(() => r("no answer"), ms))]);
  const out = {};
  out.fetch = await fetch(target + "/fetch").then((r) => "status " + r.status, (e) => "rejected: " + e.message);
  out.fetchPost = await fetch(target + "/fetch-post", { method: "POST", body: "secret" })
    .then((r) => "status " + r.status, (e) => "rejected: " + e.message);
  out.xhr = await settle(new Promise((resolve) => {
    const x = new XMLHttpRequest();
    try { x.open("GET", target + "/xhr"); x.onload = () => resolve("loaded"); x.onerror = () => resolve("error"); x.send(); }
    catch (e) { resolve("threw " + e.name); }
  }));
  out.image = await settle(new Promise((resolve) => {
    const img = new Image(); img.onload = () => resolve("loaded"); img.onerror = () => resolve("error");
    img.src = target + "/image";
  }));
  out.script = await settle(new Promise((resolve) => {
    const s = document.createElement("script"); s.onload = () => resolve("loaded"); s.onerror = () => resolve("error");
    s.src = target + "/script.js"; document.head.appendChild(s);
  }));
  out.stylesheet = await settle(new Promise((resolve) => {
    const l = document.createElement("link"); l.rel = "stylesheet"; l.onload = () => resolve("loaded"); l.onerror = () => resolve("error");
    l.href = target + "/style.css"; document.head.appendChild(l);
  }));
  out.websocket = await settle(new Promise((resolve) => {
    try {
      const ws = new WebSocket(target.replace("http", "ws") + "/ws");
      ws.onopen = () => resolve("open"); ws.onerror = () => resolve("error");
    } catch (e) { resolve("threw " + e.name); }
  }));
  out.eventsource = await settle(new Promise((resolve) => {
    try {
      const es = new EventSource(target + "/events");
      es.onopen = () => resolve("open"); es.onerror = () => { es.close(); resolve("error"); };
    } catch (e) { resolve("threw " + e.name); }
  }));
  try { out.beacon = String(navigator.sendBeacon(target + "/beacon", "secret")); } catch (e) { out.beacon = "threw " + e.name; }
  const div = document.createElement("div");
  div.style.cssText = "width:10px;height:10px;background-image:url(" + target + "/background.png)";
  document.body.appendChild(div);
  for (const rel of ["preconnect", "dns-prefetch", "prefetch", "preload"]) {
    const l = document.createElement("link"); l.rel = rel; l.as = "image"; l.href = target + "/" + rel;
    document.head.appendChild(l);
  }
  try { out.open = String(window.open(target + "/popup")); } catch (e) { out.open = "threw " + e.name; }
  out.rtc = await settle((async () => {
    try {
      const pc = new RTCPeerConnection({ iceServers: [{ urls: "stun:127.0.0.1:" + new URL(target).port }] });
      pc.createDataChannel("leak");
      await pc.setLocalDescription(await pc.createOffer());
      return "created";
    } catch (e) { return "threw " + e.name + ": " + e.message; }
  })());
  await new Promise((r) => setTimeout(r, 500));
  return out;
}"""


@pytest.mark.slow
def test_the_frame_cannot_reach_any_other_address(live_server, page, trip) -> None:
    aid = live_server.import_artifact("<!doctype html><p>hostile</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    out = frame.evaluate(OUTSIDE_ATTEMPTS, trip.origin)
    # fetch() says why, naming the origin it may not reach.
    assert out["fetch"].startswith(f"rejected: Failed to fetch {trip.origin}/fetch: ")
    assert trip.origin in out["fetch"].split(": ", 2)[2]  # the reason names the origin
    assert out["fetchPost"].startswith(f"rejected: Failed to fetch {trip.origin}/fetch-post: ")
    for name in ("xhr", "image", "script", "stylesheet", "websocket", "eventsource"):
        assert out[name] in ("error", "no answer") or out[name].startswith("threw"), (name, out[name])
    assert out["beacon"] in ("true", "false", "threw TypeError")  # queued, perhaps, but never sent
    assert out["open"] == "null"
    assert out["rtc"].startswith("threw"), out["rtc"]
    time.sleep(1.0)
    assert trip.requests == [], trip.requests
    assert trip.connections == 0
    assert trip.datagrams == []
    assert frame.locator("#__artifact_error").count() == 1  # blocked requests are explained


@pytest.mark.slow
def test_the_internet_is_refused_with_a_clear_error(live_server, page) -> None:
    aid = live_server.import_artifact("<!doctype html><p>online?</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    message = frame.evaluate(
        """() => fetch("https://example.com/data.json?x=1").then(() => "fetched", (e) => e.name + ": " + e.message)"""
    )
    assert message.startswith("TypeError: Failed to fetch https://example.com/data.json?x=1: ")
    assert "https://example.com" in message.split(": ", 2)[2]  # the reason names the origin


@pytest.mark.slow
@pytest.mark.parametrize(
    "how",
    [
        "location.href = T + '/self'",
        "top.location.href = T + '/top'",
        "parent.location.href = T + '/parent'",
        "document.body.insertAdjacentHTML('beforeend', '<meta http-equiv=refresh content=\"0;url=' + T + '/meta\">')",
        "var a = document.createElement('a'); a.href = T + '/link'; a.target = '_top'; document.body.appendChild(a); a.click()",
        "var f = document.createElement('form'); f.action = T + '/form'; f.method = 'POST'; document.body.appendChild(f); f.submit()",
    ],
    ids=["self", "top", "parent", "meta-refresh", "link-top", "form"],
)
def test_the_frame_cannot_navigate_to_another_address(live_server, page, trip, how) -> None:
    """Navigating itself (or its shell) would carry data out in the URL: the shell's frame-src,
    the frame's form-action and the sandbox's missing allow-top-navigation refuse it. (A refused
    navigation of the frame itself leaves Chromium's "blocked" page in the frame.)"""
    aid = live_server.import_artifact("<!doctype html><p>navigator</p>", type="html")
    frame = open_view(page, live_server.view_url(aid))
    try:
        frame.evaluate(f"(T) => {{ {how}; }}", trip.origin)
    except Exception:
        pass
    page.wait_for_timeout(1000)
    assert trip.requests == []
    assert page.url.startswith(live_server.base_url)


@pytest.mark.slow
def test_a_script_before_the_head_cannot_get_webrtc_first(live_server, page, trip) -> None:
    """frame.js runs before anything the artifact wrote, wherever its <head> is."""
    aid = live_server.import_artifact(
        "<!doctype html><script>window.__PC = window.RTCPeerConnection;"
        " var s = '<head>';</script><html><head><title>t</title></head><body><p id=p>early</p></body></html>",
        type="html",
    )
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#p") == "early"
    assert frame.evaluate("typeof window.storage") == "object"
    result = frame.evaluate(
        """(port) => { try { new window.__PC({ iceServers: [{ urls: "stun:127.0.0.1:" + port }] }); return "created"; }
                       catch (e) { return "threw " + e.message; } }""",
        trip.port,
    )
    assert result.startswith("threw")
    assert page.page_errors == []


TOKEN_SEARCH = """(token) => {
  const hits = [];
  if (document.documentElement.outerHTML.includes(token)) hits.push("document");
  if (location.href.includes(token)) hits.push("location");
  if (document.referrer.includes(token)) hits.push("referrer");
  if (String(window.name).includes(token)) hits.push("window.name");
  for (const key of Object.getOwnPropertyNames(window)) {
    let value;
    try { value = window[key]; } catch (e) { continue; }
    if (typeof value === "string" && value.includes(token)) hits.push(key);
    else if (value && typeof value === "object" && !(value instanceof Node) && value !== window) {
      try { if (JSON.stringify(value).includes(token)) hits.push(key); } catch (e) { /* cyclic */ }
    }
  }
  return hits.concat(window.__seen.filter((m) => m.includes(token)).map(() => "message"));
}"""


@pytest.mark.slow
def test_the_token_never_reaches_the_frame(live_server, chromium) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        frame_requests: list[tuple[str, dict]] = []
        page.on("request", lambda r: frame_requests.append((r.url, r.headers)) if r.frame.parent_frame else None)
        aid = live_server.import_artifact("<!doctype html><p>where is the token?</p>", type="html")
        frame = open_view(page, live_server.view_url(aid))
        assert "token" not in page.url  # the shell took it out of its own address bar too
        frame.evaluate("""() => { window.__seen = [];
            window.addEventListener("message", (e) => window.__seen.push(JSON.stringify(e.data))); }""")
        # Traffic between shell and frame: calls, replies, errors, events from another view.
        frame.evaluate("""async () => {
            await window.storage.set("k", "v"); await window.storage.get("k"); await window.storage.list();
            try { await window.storage.get("missing"); } catch (e) {}
            try { await fetch("https://example.com"); } catch (e) {} }""")
        live_server.set_state(aid, "from-elsewhere", "1")
        frame.wait_for_function("window.__seen.some((m) => m.includes('from-elsewhere'))")
        assert frame.evaluate(TOKEN_SEARCH, live_server.token) == []
        assert frame_requests, "the frame's own requests were seen"
        for url, headers in frame_requests:
            assert live_server.token not in url
            assert live_server.token not in json.dumps(headers)
    finally:
        context.close()


PLANT = """async (attempts) => {
  const ticket = JSON.parse(document.getElementById("artifact-compile-ticket").textContent);
  const replies = {};
  window.addEventListener("message", (e) => { if (e.data && e.data.reply >= 5000) replies[e.data.reply] = e.data; });
  attempts.forEach(([version, withTicket], i) => parent.postMessage({ __artifacts: 1, id: 5000 + i, method: "runtime.compiled",
    params: { version, ticket: withTicket ? ticket : "0".repeat(32),
              code: "exports.default = function () { return React.createElement('p', { id: 'p' }, 'planted'); };" } }, "*"));
  const started = Date.now();
  while (Object.keys(replies).length < attempts.length && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
  return Object.values(replies).map((r) => r.result);
}"""


@pytest.mark.slow
def test_a_frame_cannot_plant_compiled_code_for_another_version(live_server, page) -> None:
    """A React frame hands the code it compiled back to the server (later loads skip Babel);
    it can do so only for the version it shows, with that version's ticket."""
    aid = live_server.import_artifact('export default () => <p id="p">one</p>;', type="react")
    live_server.add_version(aid, 'export default () => <p id="p">two</p>;')
    frame = open_view(page, live_server.view_url(aid, version=1))
    assert frame.inner_text("#p") == "one"
    # Version 2's entry, or its own without the ticket: refused. Its own version with the
    # ticket: accepted (that is code it could run anyway).
    results = frame.evaluate(PLANT, [[2, True], [2, False], [1, False], [1, True]])
    assert results == [{"cached": False}] * 3 + [{"cached": True}]
    page.goto("about:blank")
    frame = open_view(page, live_server.view_url(aid, version=1))
    assert frame.inner_text("#p") == "planted"
    page.goto("about:blank")
    frame = open_view(page, live_server.view_url(aid))
    assert frame.inner_text("#p") == "two"

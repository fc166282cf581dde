/* live-artifacts: the trusted shell around one artifact.
 *
 * Holds the session token (from the URL fragment, then sessionStorage of this origin only),
 * hosts the artifact in a sandboxed iframe with an opaque origin, and answers the frame's
 * postMessage calls through the bridge, always for this shell's own artifact. Listens to the
 * server's events: a new version reloads the frame; another view's storage write is passed on.
 */
(function () {
  "use strict";
  var body = document.body;
  var artifactId = body.getAttribute("data-artifact");
  var pinned = body.getAttribute("data-version") ? Number(body.getAttribute("data-version")) : null;
  var frame = document.getElementById("frame");
  var titleEl = document.getElementById("title");
  var metaEl = document.getElementById("meta");
  var statusEl = document.getElementById("status");
  var view = Math.random().toString(36).slice(2) + Date.now().toString(36);
  var TOKEN_KEY = "live-artifacts-token";
  var TYPE_NAMES = {
    "text/html": "HTML", "application/vnd.ant.react": "React", "image/svg+xml": "SVG",
    "text/markdown": "Markdown", "application/vnd.ant.mermaid": "Mermaid", "application/vnd.ant.code": "Code"
  };

  var share = body.getAttribute("data-share");   // a published link: no token, read-only use
  var token = null;
  var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (share) {
    token = null;
  } else if (match) {
    token = decodeURIComponent(match[1]);
    try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* private mode */ }
    history.replaceState(null, "", location.pathname + location.search);
  } else {
    try { token = sessionStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }
  }
  if (/[?&]bare=1\b/.test(location.search)) body.classList.add("bare");

  function status(text, isError) {
    statusEl.textContent = text || "";
    statusEl.className = isError ? "error" : "";
  }

  // Bridge methods only the shell itself may call (a click on its own button): the frame's
  // relayed calls never reach them.
  var SHELL_ONLY = ["error.fix"];

  // The page reported an error: say so, and (in the owner's view) offer to send it to Claude.
  // The button is the shell's, outside the sandboxed frame, so the artifact cannot press it.
  function errorReported(reply, fatal) {
    if (!fatal) {   // the page went on (an image did not load...): the frame's own notice says it
      if (!statusEl.textContent) status("some parts of the page did not load");
      return;
    }
    status("error reported", true);
    if (share || !reply || !reply.ok || statusEl.querySelector("button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.id = "__fix_with_claude";
    button.textContent = "Fix with Claude";
    button.onclick = function () {
      button.disabled = true;
      bridgeCall("error.fix", {}).then(function (r) {
        status(r.ok ? "sent to Claude: the fix arrives as a new version" : "could not reach the app: " + (r.error && r.error.message), !r.ok);
      });
    };
    statusEl.appendChild(document.createTextNode(" "));
    statusEl.appendChild(button);
  }

  function notice(text) {
    frame.remove();
    var div = document.createElement("div");
    div.className = "notice";
    div.textContent = text;
    body.appendChild(div);
  }

  if (!token && !share) {
    notice("This page needs the access token that comes with its link. Run `artifacts url " + artifactId + "` and open the URL it prints.");
    return;
  }

  function api(path, payload) {
    var headers = { "Content-Type": "application/json", "X-Artifacts-View": view };
    if (token) headers["Authorization"] = "Bearer " + token;
    return fetch(path, {
      method: payload === undefined ? "GET" : "POST",
      headers: headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      cache: "no-store",
      credentials: share ? "same-origin" : "omit"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var err = new Error((data.error && data.error.message) || response.statusText);
          err.code = (data.error && data.error.code) || "http_" + response.status;
          throw err;
        }
        return data;
      });
    });
  }

  var current = null;
  function load(version) {
    var path = share ? "/s/" + encodeURIComponent(share) + "/info"
      : "/api/artifacts/" + encodeURIComponent(artifactId) + (version ? "?version=" + version : "");
    return api(path).then(function (info) {
      current = info;
      artifactId = info.id;
      document.title = info.title;
      titleEl.textContent = info.title;
      metaEl.textContent = (TYPE_NAMES[info.type] || info.type) + (info.language ? " (" + info.language + ")" : "") + " · v" + info.version + (info.version !== info.current_version ? " of " + info.current_version : "");
      status("");
      frame.src = info.frame_url;
    }, function (err) {
      if (err.code === "http_401" || err.code === "bad_token") {
        try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
        notice("The access token is no longer valid (the server restarted?). Run `artifacts url " + artifactId + "` again.");
      } else {
        status(err.message, true);
      }
    });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow) return;   // only our own frame speaks to us
    var msg = event.data;
    if (!msg || msg.__artifacts !== 1) return;
    if (msg.event === "open-link") {
      offerLink(msg.url);
      return;
    }
    if (msg.event === "rendered") {
      window.__artifactRenderedAt = performance.now();
      body.setAttribute("data-rendered", String(current ? current.version : ""));
      return;
    }
    if (typeof msg.id !== "number" || typeof msg.method !== "string") return;
    var target = frame.contentWindow;
    if (SHELL_ONLY.indexOf(msg.method) !== -1) {   // the person's buttons, never the artifact's code
      target.postMessage({ __artifacts: 1, reply: msg.id, ok: false,
        error: { code: "not_allowed", message: msg.method + " is the app's own; a page cannot call it" } }, "*");
      return;
    }
    bridgeCall(msg.method, msg.params || {})
      .then(function (reply) {
        if (msg.method === "error.report") errorReported(reply, !msg.params || msg.params.fatal !== false);
        reply.__artifacts = 1;
        reply.reply = msg.id;
        target.postMessage(reply, "*");
      });
  });

  // A link the artifact's page followed: the frame never navigates (that would make the
  // browser resolve the host, and a host name can carry data). The shell asks the person, here
  // outside the sandboxed frame where the artifact's code cannot click: "Open … in your
  // browser?", the whole address as text. Only their click on our own Open link opens it, in a
  // new window (noopener, noreferrer): in a browser tab a new tab; in a preview window
  // pywebview hands new windows to the system browser (preview/host.py). Web links only, none
  // to this server (its pages are the app's), none longer than MAX_LINK characters.
  var MAX_LINK = 8192;
  var ARM_MS = 600;   // a bar that just appeared (or changed) cannot be clicked through
  var linkBar = null;
  function visible(text) {   // control and direction characters as \uXXXX, so the text is what it says
    // eslint-disable-next-line no-control-regex
    return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function closeLink() { if (linkBar) linkBar.remove(); linkBar = null; }
  function offerLink(href) {
    var url;
    if (typeof href !== "string" || href.length > MAX_LINK) {
      status("this artifact tried to open a link too long to show; not opened", true);
      return;
    }
    try { url = new URL(href); } catch (e) { return; }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      status("this artifact tried to open a " + visible(url.protocol).slice(0, 40) + " link; only web links open", true);
      return;
    }
    if (url.origin === location.origin) {
      status("this artifact tried to open a page of live-artifacts itself; not opened", true);
      return;
    }
    closeLink();
    linkBar = document.createElement("div");
    linkBar.id = "link-offer";
    linkBar.setAttribute("role", "alertdialog");
    linkBar.setAttribute("aria-label", "Open a link from the artifact");
    var text = document.createElement("span");
    text.className = "question";
    var address = document.createElement("span");
    address.className = "address";
    address.textContent = visible(url.href);
    text.appendChild(document.createTextNode("Open "));
    text.appendChild(address);
    text.appendChild(document.createTextNode(" in your browser?"));
    var hint = document.createElement("span");
    hint.className = "hint";
    hint.textContent = " The artifact asked; the address itself can carry data from it.";
    var open = document.createElement("a");
    open.id = "link-open";
    open.href = url.href;
    open.target = "_blank";
    open.rel = "noopener noreferrer";
    open.textContent = "Open";
    var armedAt = performance.now() + ARM_MS;
    open.setAttribute("aria-disabled", "true");
    setTimeout(function () { open.removeAttribute("aria-disabled"); }, ARM_MS);
    open.addEventListener("click", function (e) {
      if (!e.isTrusted || performance.now() < armedAt) { e.preventDefault(); return; }
      setTimeout(closeLink, 0);
    });
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.id = "link-cancel";
    cancel.textContent = "Cancel";
    cancel.onclick = closeLink;
    linkBar.appendChild(text); linkBar.appendChild(hint); linkBar.appendChild(open); linkBar.appendChild(cancel);
    body.insertBefore(linkBar, frame);
  }

  // A bridge call, scoped to this shell's artifact: over the event WebSocket when it is open
  // (a message costs a fraction of a fetch() in Chromium), else over HTTP.
  var socket = null;
  var socketCalls = new Map();
  var socketSeq = 0;
  function bridgeCall(method, params) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      return new Promise(function (resolve) {
        var id = ++socketSeq;
        socketCalls.set(id, resolve);
        socket.send(JSON.stringify({ type: "call", id: id, artifact: artifactId, method: method, params: params }));
      });
    }
    var callPath = share ? "/s/" + encodeURIComponent(share) + "/call" : "/api/artifacts/" + encodeURIComponent(artifactId) + "/call";
    return api(callPath, { method: method, params: params })
      .then(function (r) { return r.ok ? { ok: true, result: r.result } : { ok: false, error: r.error }; },
            function (e) { return { ok: false, error: { code: e.code || "bridge_unreachable", message: e.message || "the local server did not answer" } }; });
  }

  var retry = 500;
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(scheme + location.host + "/ws?token=" + encodeURIComponent(token) + "&view=" + view);
    ws.onopen = function () { retry = 500; socket = ws; };
    ws.onmessage = function (e) {
      var ev;
      try { ev = JSON.parse(e.data); } catch (err) { return; }
      if (ev.type === "reply") {
        var resolve = socketCalls.get(ev.id);
        socketCalls.delete(ev.id);
        if (resolve) resolve(ev.ok ? { ok: true, result: ev.result } : { ok: false, error: ev.error });
        return;
      }
      if (ev.artifact_id !== artifactId) return;
      if (ev.type === "artifact.updated" && !pinned) {
        load();
      } else if (ev.type === "state.changed" && ev.view !== view && frame.contentWindow
                 && !(ev.owner && ev.scope !== "shared")) {   // a visitor's personal value is not ours
        frame.contentWindow.postMessage({ __artifacts: 1, event: "storage", detail: { key: ev.key, shared: ev.scope === "shared", deleted: !!ev.deleted } }, "*");
      } else if (ev.type === "data.refreshed" && frame.contentWindow) {
        frame.contentWindow.postMessage({ __artifacts: 1, event: "data", detail: { url: ev.url, fetchedAt: ev.fetched_at } }, "*");
      } else if (ev.type === "artifact.renamed" && current) {
        load(pinned);
      } else if (ev.type === "artifact.trashed" || ev.type === "artifact.deleted") {
        status("this artifact was " + (ev.type === "artifact.trashed" ? "moved to the trash" : "deleted"), true);
      }
    };
    ws.onclose = function () {
      if (socket === ws) socket = null;
      socketCalls.forEach(function (resolve) {
        resolve({ ok: false, error: { code: "bridge_unreachable", message: "the connection to live-artifacts closed during the call" } });
      });
      socketCalls.clear();
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  load(pinned);
  if (!share) connect();
})();

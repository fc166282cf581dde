/* live-artifacts: the artifact-facing API, inside the sandboxed frame.
 *
 * Defines window.storage, window.claude, window.fs and a fetch() that answers the Messages API
 * through the bridge, as on claude.ai. Everything goes to the parent shell by postMessage; the
 * shell scopes each call to this artifact. In an exported file (mode "export") there is no
 * shell: storage lives in memory and the page says so.
 */
(function () {
  "use strict";
  var meta = window.__ARTIFACT__ || { mode: "live" };
  var exported = meta.mode === "export";
  var pending = new Map();
  var seq = 0;
  var parentWindow = window.parent;

  // No CSP directive governs WebRTC in Chromium: an artifact could send data to any STUN/TURN
  // server it names. Take the constructors away for good before the artifact's code runs.
  ["RTCPeerConnection", "webkitRTCPeerConnection"].forEach(function (name) {
    function Blocked() {
      throw new DOMException("artifacts cannot use the network: " + name + " (WebRTC) is not available", "NotSupportedError");
    }
    try { Object.defineProperty(window, name, { value: Blocked, writable: false, configurable: false }); } catch (e) { /* ignore */ }
  });

  function BridgeError(code, message) {
    var err = new Error(message);
    err.name = "ArtifactBridgeError";
    err.code = code;
    return err;
  }

  function call(method, params) {
    if (exported) return Promise.reject(BridgeError("offline", "This exported file runs on its own: " + method + " needs live-artifacts."));
    return new Promise(function (resolve, reject) {
      var id = ++seq;
      pending.set(id, { resolve: resolve, reject: reject });
      parentWindow.postMessage({ __artifacts: 1, id: id, method: method, params: params || {} }, "*");
    });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== parentWindow) return;
    var msg = event.data;
    if (!msg || msg.__artifacts !== 1) return;
    if (msg.reply && pending.has(msg.reply)) {
      var p = pending.get(msg.reply);
      pending.delete(msg.reply);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(BridgeError(msg.error && msg.error.code, (msg.error && msg.error.message) || "bridge call failed"));
    } else if (msg.event === "storage") {
      window.dispatchEvent(new CustomEvent("artifact-storage", { detail: msg.detail }));
    } else if (msg.event === "data") {
      window.dispatchEvent(new CustomEvent("artifact-data", { detail: msg.detail }));
    }
  });

  // ---------------------------------------------------------------- window.storage
  var memory = { personal: new Map(), shared: new Map() };
  function scope(shared) { return shared ? "shared" : "personal"; }

  var storage = exported ? {
    get: function (key, shared) {
      var m = memory[scope(shared)];
      if (!m.has(key)) return Promise.reject(BridgeError("key_not_found", "no value stored under " + JSON.stringify(key)));
      return Promise.resolve({ key: key, value: m.get(key), shared: !!shared });
    },
    set: function (key, value, shared) {
      if (typeof value !== "string") return Promise.reject(BridgeError("invalid_value", "storage values must be strings; store JSON.stringify(value)"));
      memory[scope(shared)].set(key, value);
      return Promise.resolve({ key: key, value: value, shared: !!shared });
    },
    delete: function (key, shared) {
      var deleted = memory[scope(shared)].delete(key);
      return Promise.resolve({ key: key, deleted: deleted, shared: !!shared });
    },
    list: function (prefix, shared) {
      var keys = Array.from(memory[scope(shared)].keys()).filter(function (k) { return !prefix || k.indexOf(prefix) === 0; }).sort();
      return Promise.resolve({ keys: keys, prefix: prefix || null, shared: !!shared });
    }
  } : {
    get: function (key, shared) { return call("storage.get", { key: key, shared: !!shared }); },
    set: function (key, value, shared) { return call("storage.set", { key: key, value: value, shared: !!shared }); },
    delete: function (key, shared) { return call("storage.delete", { key: key, shared: !!shared }); },
    list: function (prefix, shared) { return call("storage.list", { prefix: prefix == null ? "" : prefix, shared: !!shared }); }
  };
  Object.defineProperty(window, "storage", { value: Object.freeze(storage), configurable: false, writable: false });

  // ---------------------------------------------------------------- window.claude
  window.claude = Object.freeze({
    complete: function (prompt) {
      if (typeof prompt !== "string") return Promise.reject(BridgeError("invalid_argument", "window.claude.complete takes a string prompt"));
      return call("claude.complete", { prompt: prompt });
    }
  });

  // ---------------------------------------------------------------- window.fs
  function decodeBase64(b64) {
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  window.fs = Object.freeze({
    readFile: function (name, options) {
      var encoding = options && typeof options === "object" ? options.encoding : options;
      return call("fs.readFile", { name: name, encoding: encoding || null }).then(function (r) {
        return typeof r.text === "string" ? r.text : decodeBase64(r.base64);
      });
    }
  });

  // ---------------------------------------------------------------- fetch
  var MESSAGES_URL = /^https:\/\/api\.anthropic\.com\/v1\/messages\/?(\?.*)?$/;
  function requestUrl(input) {
    if (typeof input === "string") return input;
    if (input && typeof input.url === "string") return input.url;
    return String(input);
  }
  function jsonResponse(data, status) {
    return new Response(JSON.stringify(data), { status: status || 200, headers: { "content-type": "application/json" } });
  }
  window.fetch = function (input, init) {
    var url;
    try { url = new URL(requestUrl(input), document.baseURI).href; } catch (e) { url = requestUrl(input); }
    var method = ((init && init.method) || (input && input.method) || "GET").toUpperCase();
    if (MESSAGES_URL.test(url) && method === "POST") {
      var bodyText = init && typeof init.body === "string" ? init.body : "{}";
      var body;
      try { body = JSON.parse(bodyText); } catch (e) {
        return Promise.resolve(jsonResponse({ type: "error", error: { type: "invalid_request_error", message: "the request body is not JSON" } }, 400));
      }
      return call("claude.messages", { body: body }).then(function (result) { return jsonResponse(result, 200); }, function (err) {
        // As the Messages API answers: a body we refuse (a URL source, a server tool) is the
        // artifact's mistake, 400 invalid_request_error, not a server failure.
        var status = err.code === "rate_limited" ? 429 : err.code === "model_unavailable" ? 401
          : err.code === "invalid_request" ? 400 : 500;
        var type = err.code === "invalid_request" ? "invalid_request_error" : (err.code || "api_error");
        return jsonResponse({ type: "error", error: { type: type, message: err.message } }, status);
      });
    }
    var headers = {};
    try { new Headers((init && init.headers) || (input && input.headers) || {}).forEach(function (v, k) { headers[k] = v; }); } catch (e) { /* ignore */ }
    return call("net.fetch", { url: url, method: method, headers: headers, body: init && typeof init.body === "string" ? init.body : null })
      .then(function (r) {
        var bytes = r.base64 != null ? decodeBase64(r.base64) : r.text;
        return new Response(bytes, { status: r.status, statusText: r.statusText || "", headers: r.headers || {} });
      }, function (err) {
        throw new TypeError("Failed to fetch " + url + ": " + err.message);
      });
  };

  // ---------------------------------------------------------------- for our other frame scripts
  // frame-errors.js (the overlay and the quiet notice) and frame-links.js load right after this
  // file and take the bridge call from here. (The artifact could post the same messages itself:
  // this gives it nothing new.)
  Object.defineProperty(window, "__artifactsFrame", {
    value: Object.freeze({ call: call, exported: exported, meta: meta, parentWindow: parentWindow }),
    configurable: false, writable: false, enumerable: false
  });

  function signalRendered() {
    window.__artifactRendered = performance.now();
    if (!exported) parentWindow.postMessage({ __artifacts: 1, event: "rendered", at: window.__artifactRendered }, "*");
  }
  window.__artifactRenderedSignal = signalRendered;

  if (exported) {
    document.addEventListener("DOMContentLoaded", function () {
      var note = document.createElement("div");
      note.id = "__artifact_export_note";
      note.textContent = "Exported from live-artifacts: storage lives in memory and is lost when you close this page.";
      var dismiss = document.createElement("button");
      dismiss.type = "button";
      dismiss.textContent = "×";
      dismiss.setAttribute("aria-label", "Dismiss");
      dismiss.onclick = function () { note.remove(); };
      note.appendChild(dismiss);
      document.body.appendChild(note);
    });
  }
  if (meta.type === "text/html") {
    window.addEventListener("load", signalRendered);
  }
})();

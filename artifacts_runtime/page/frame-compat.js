/* live-artifacts: what artifacts written for claude.ai expect of their surroundings, beyond the
 * artifact API of frame.js. Loaded right after frame.js, before any artifact code.
 *
 * - Build-tool globals: what a bundler (Vite, CRA) would have replaced in the source. React
 *   artifacts get `process` and `import.meta` as names in their own scope (react-runtime.js);
 *   nothing is added to window, so no library changes its mind about running in Node.
 * - Scripts created at run time: a <script> (or stylesheet <link>) the artifact's code adds with
 *   a CDN address of a pinned library loads the local copy instead, by the rules the server
 *   applies to static tags (page/cdn.py: the table; AssetLock.resolve_url: the same rules in
 *   Python). Any other address is left as written: the frame's CSP blocks it and frame.js says
 *   it could not load.
 * - localStorage and sessionStorage: the real ones throw in an opaque origin. localStorage is
 *   kept in the artifact's own window.storage (personal scope, keys "__localStorage:" + the
 *   percent-encoded name): the server puts the current items in the frame document, so reads
 *   are synchronous from the first line of the artifact, and writes go through window.storage
 *   in order, after the fact, with its limits. sessionStorage lives in memory for the page.
 */
(function () {
  "use strict";
  var compat = window.__artifactCompat = window.__artifactCompat || {};

  // ---------------------------------------------------------------- build-tool globals
  // process.env.NODE_ENV is "production"; any other process.env.X is undefined, not a throw.
  var env = Object.freeze({ NODE_ENV: "production" });
  compat.process = Object.freeze({
    env: env,
    browser: true,
    platform: "browser",
    argv: Object.freeze([]),
    versions: Object.freeze({}),
    nextTick: function (fn) {
      var args = Array.prototype.slice.call(arguments, 1);
      Promise.resolve().then(function () { fn.apply(null, args); });
    }
  });
  // import.meta.env as Vite defines it for a production build; unknown keys are undefined.
  compat.importMeta = Object.freeze({
    url: location.href,
    env: Object.freeze({ MODE: "production", DEV: false, PROD: true, SSR: false, BASE_URL: "/" })
  });
  // A Babel plugin for react-runtime.js: `import.meta` -> the name bound to compat.importMeta
  // (import.meta is a syntax error outside a module, and the artifact runs as a function).
  compat.importMetaPlugin = function (babel) {
    var t = babel.types;
    return {
      name: "artifacts-import-meta",
      visitor: {
        MetaProperty: function (path) {
          var node = path.node;
          if (node.meta.name === "import" && node.property.name === "meta") {
            path.replaceWith(t.identifier("__artifactImportMeta"));
          }
        }
      }
    };
  };

  // ---------------------------------------------------------------- scripts created at run time
  var meta = window.__ARTIFACT__ || {};
  var table = meta.cdn || { libraries: [], firstParty: {} };
  var byPackage = {}, byCdnjs = {};
  table.libraries.forEach(function (lib) {
    byPackage[lib.package] = lib;
    if (lib.cdnjs) byCdnjs[lib.cdnjs.toLowerCase()] = lib;
  });
  function has(list, item) { return list.indexOf(item) >= 0; }
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined; }
  function minVariant(path) {
    var exts = [".js", ".css"];
    for (var i = 0; i < exts.length; i++) {
      var ext = exts[i];
      if (path.slice(-(".min" + ext).length) === ".min" + ext) return path.slice(0, -(".min" + ext).length) + ext;
      if (path.slice(-ext.length) === ext) return path.slice(0, -ext.length) + ".min" + ext;
    }
    return null;
  }
  function at(lib, file) { return lib.base + file; }

  // The local address of a CDN URL, or null: AssetLock.resolve_url, in JavaScript.
  function resolveCdn(raw) {
    var url;
    try { url = new URL(String(raw).trim()); } catch (e) { return null; }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    var host = url.host.toLowerCase();
    var path = url.pathname;
    var bare = (url.protocol + "//" + url.host + path).replace(/\/+$/, "");
    for (var i = 0; i < table.libraries.length; i++) {
      var lib = table.libraries[i];
      for (var j = 0; j < lib.urls.length; j++) {
        var prefix = lib.urls[j].replace(/\/+$/, "");
        if (bare === prefix || bare.indexOf(prefix + "/") === 0) return at(lib, lib.main);
      }
    }
    var first = own(table.firstParty, host);
    if (first) {
      var fl = table.libraries.filter(function (l) { return l.name === first.library; })[0];
      return fl && new RegExp(first.pattern).test(path) ? at(fl, fl.main) : null;
    }
    var m;
    if (host === "cdnjs.cloudflare.com") {
      m = /^\/ajax\/libs\/([^/]+)\/([^/]+)\/(.+)$/.exec(path);
      var cl = m && own(byCdnjs, m[1].toLowerCase());
      if (!cl) return null;
      var target = own(cl.cdnjsFiles, m[3]) || (has(cl.files, m[3]) ? m[3] : null);
      return target ? at(cl, target) : null;
    }
    if (host === "unpkg.com" || host === "cdn.jsdelivr.net" || host === "esm.sh" || host === "cdn.skypack.dev") {
      if (host === "cdn.jsdelivr.net") {
        if (path.indexOf("/npm/") !== 0) return null;
        path = path.slice("/npm".length);
      }
      m = /^\/((?:@[^/@]+\/)?[^/@]+)(?:@([^/]+))?(?:\/(.*))?$/.exec(path);
      var nl = m && own(byPackage, m[1]);
      if (!nl) return null;
      var file = m[3];
      if (!file) return at(nl, nl.main);
      var t = has(nl.files, file) ? file : own(nl.cdnjsFiles, file);
      var variant = minVariant(file);
      if (!t && variant && has(nl.files, variant)) t = variant;
      return t ? at(nl, t) : null;
    }
    return null;
  }
  compat.resolveCdn = resolveCdn;

  // The element's own setters stay in charge; only a mapped address is swapped, and then the
  // CDN's integrity hash (of the CDN's bytes, not the registry's) no longer applies.
  var mapped = new WeakSet();
  var scriptSrc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "src");
  var linkHref = Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "href");
  var integrity = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "integrity");
  var linkIntegrity = Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "integrity");
  var setAttribute = Element.prototype.setAttribute;
  var removeAttribute = Element.prototype.removeAttribute;
  function local(el, value) {
    var target = resolveCdn(value);
    if (target === null) return value;
    mapped.add(el);
    removeAttribute.call(el, "integrity");
    return target;
  }
  function wrap(proto, name, desc, isMapped) {
    if (!desc || !desc.set) return;
    Object.defineProperty(proto, name, {
      configurable: true, enumerable: desc.enumerable, get: desc.get,
      set: function (value) { desc.set.call(this, isMapped(this, value)); }
    });
  }
  wrap(HTMLScriptElement.prototype, "src", scriptSrc, local);
  wrap(HTMLLinkElement.prototype, "href", linkHref, local);
  function keepIntegrity(el, value) { return mapped.has(el) ? "" : value; }
  wrap(HTMLScriptElement.prototype, "integrity", integrity, keepIntegrity);
  wrap(HTMLLinkElement.prototype, "integrity", linkIntegrity, keepIntegrity);
  Element.prototype.setAttribute = function (name, value) {
    var n = String(name).toLowerCase();
    if ((this instanceof HTMLScriptElement && n === "src") || (this instanceof HTMLLinkElement && n === "href")) {
      value = local(this, value);
    } else if (n === "integrity" && mapped.has(this)) {
      return undefined;
    }
    return setAttribute.call(this, name, value);
  };

  // ---------------------------------------------------------------- localStorage, sessionStorage
  var MAX_KEY = 200;                 // store/limits.py: keys shorter than this
  var MAX_VALUE = 5 * 1024 * 1024;   // and values of at most 5 MB (UTF-8)
  var lsMeta = meta.localStorage || null;
  var persist = !!(lsMeta && window.storage && meta.mode !== "export");
  var prefix = (lsMeta && lsMeta.prefix) || "__localStorage:";

  function quotaError(message) {
    return new DOMException(message, "QuotaExceededError");
  }
  function encodeName(name) {
    // encodeURIComponent leaves ' ( ) * ! ~ alone; storage keys may not hold quotes.
    return encodeURIComponent(name).replace(/'/g, "%27");
  }
  function utf8Length(text) { return new TextEncoder().encode(text).length; }

  function makeStorage(items, write) {
    var data = new Map(items);
    var api = {
      getItem: function (name) { name = String(name); return data.has(name) ? data.get(name) : null; },
      setItem: function (name, value) {
        name = String(name);
        value = String(value);
        if (write) {
          var stored;
          try { stored = prefix + encodeName(name); } catch (e) { throw new TypeError("localStorage: the name " + JSON.stringify(name) + " is not well-formed Unicode"); }
          if (stored.length >= MAX_KEY) throw quotaError("localStorage: the name " + JSON.stringify(name.slice(0, 40)) + " is too long to keep (stored as a key of " + stored.length + " characters; keys must be shorter than " + MAX_KEY + ")");
          if (utf8Length(value) > MAX_VALUE) throw quotaError("localStorage: the value for " + JSON.stringify(name.slice(0, 40)) + " is over 5 MB");
          if (data.get(name) === value) return;
          data.set(name, value);
          write(stored, value);
        } else {
          data.set(name, value);
        }
      },
      removeItem: function (name) {
        name = String(name);
        if (!data.has(name)) return;
        data.delete(name);
        if (write) write(prefix + encodeName(name), null);
      },
      clear: function () { Array.from(data.keys()).forEach(api.removeItem); },
      key: function (index) {
        var keys = Array.from(data.keys());
        index = Number(index) | 0;
        return index >= 0 && index < keys.length ? keys[index] : null;
      }
    };
    // Storage is also read and written as properties: localStorage.count = 3, localStorage.count.
    return new Proxy(api, {
      get: function (target, prop) {
        if (prop === "length") return data.size;
        if (typeof prop !== "string" || Object.prototype.hasOwnProperty.call(target, prop)) return target[prop];
        if (prop === Symbol.toStringTag) return "Storage";
        return data.has(prop) ? data.get(prop) : undefined;
      },
      set: function (target, prop, value) {
        if (typeof prop !== "string" || Object.prototype.hasOwnProperty.call(target, prop)) return false;
        api.setItem(prop, value);
        return true;
      },
      deleteProperty: function (target, prop) {
        if (typeof prop === "string") api.removeItem(prop);
        return true;
      },
      has: function (target, prop) { return prop in target || (typeof prop === "string" && data.has(prop)); },
      ownKeys: function () { return Array.from(data.keys()); },
      getOwnPropertyDescriptor: function (target, prop) {
        if (typeof prop === "string" && data.has(prop)) return { value: data.get(prop), writable: true, enumerable: true, configurable: true };
        return undefined;
      }
    });
  }

  // Writes, in order, one at a time; a burst of writes to one key sends only the last.
  var queued = new Map();
  var flushing = false;
  function flush() {
    if (flushing || !queued.size) return;
    flushing = true;
    var key = queued.keys().next().value;
    var value = queued.get(key);
    queued.delete(key);
    var done = value === null ? window.storage.delete(key) : window.storage.set(key, value);
    done.catch(function (err) {
      var report = window.__artifactError;
      var error = new Error("localStorage could not keep " + JSON.stringify(decodeURIComponent(key.slice(prefix.length))) + ": " + (err && err.message));
      if (report) report("runtime", error); else console.error(error);
    }).then(function () { flushing = false; flush(); });
  }
  function writeThrough(key, value) {
    queued.delete(key);   // keep the order of the latest writes
    queued.set(key, value);
    flush();
  }

  var initial = [];
  if (lsMeta && lsMeta.items) {
    Object.keys(lsMeta.items).sort().forEach(function (stored) {
      var name;
      try { name = decodeURIComponent(stored); } catch (e) { return; }
      initial.push([name, String(lsMeta.items[stored])]);
    });
  }
  var localStore = makeStorage(initial, persist ? writeThrough : null);
  var session = makeStorage([], null);
  [["localStorage", localStore], ["sessionStorage", session]].forEach(function (pair) {
    try { Object.defineProperty(window, pair[0], { value: pair[1], configurable: false, enumerable: true, writable: false }); }
    catch (e) { /* the browser would not let go of its own: the artifact sees what it would see anyway */ }
  });

  // ---------------------------------------------------------------- relative fetch -> attached files
  var TYPES = {
    csv: "text/csv", tsv: "text/tab-separated-values", txt: "text/plain", md: "text/markdown",
    json: "application/json", xml: "application/xml", html: "text/html", svg: "image/svg+xml",
    png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp",
    pdf: "application/pdf", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  };
  var ownOrigin;
  try { ownOrigin = new URL(location.href).origin; } catch (e) { ownOrigin = null; }
  var bridgeFetch = window.fetch;
  var SERVER_PATHS = /^\/(?:api|frame|view|assets|runtime|s|ws|health)(?:\/|$)/;
  function attachedName(input, init) {
    if (!ownOrigin || !window.fs) return null;
    var raw = typeof input === "string" ? input : input && typeof input.url === "string" ? input.url : String(input);
    var method = ((init && init.method) || (input && input.method) || "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") return null;
    var url;
    try { url = new URL(raw, location.href); } catch (e) { return null; }
    if (url.origin !== ownOrigin) return null;
    // This server's own paths are not files: such a fetch goes to the bridge, which refuses it.
    var relative = typeof raw === "string" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(raw.trim());
    if (!relative && SERVER_PATHS.test(url.pathname)) return null;
    var name = url.pathname.split("/").pop();
    try { name = decodeURIComponent(name); } catch (e) { return null; }
    return name || null;
  }
  window.fetch = function (input, init) {
    var name = attachedName(input, init);
    if (name === null) return bridgeFetch.apply(this, arguments);
    return window.fs.readFile(name).then(function (bytes) {
      var ext = (name.split(".").pop() || "").toLowerCase();
      return new Response(bytes, { status: 200, statusText: "OK", headers: { "content-type": TYPES[ext] || "application/octet-stream" } });
    }, function (err) {
      if (err && err.code !== "file_not_found" && err.code !== "offline") throw new TypeError("Failed to fetch " + name + ": " + err.message);
      var advice = "fetch(" + JSON.stringify(name) + "): no file named " + JSON.stringify(name) + " is attached to this artifact. "
        + "Attach one with `artifacts attach " + (meta.id || "ID") + " " + name + "`; the artifact then reads it with fetch("
        + JSON.stringify(name) + ") or window.fs.readFile(" + JSON.stringify(name) + ").";
      if (window.__artifactError) window.__artifactError("network", new Error(advice));
      return new Response(advice, { status: 404, statusText: "Not Found", headers: { "content-type": "text/plain" } });
    });
  };
})();

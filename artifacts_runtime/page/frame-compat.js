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
})();

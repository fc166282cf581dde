/* live-artifacts: what artifacts written for claude.ai expect of their surroundings, beyond the
 * artifact API of frame.js. Loaded right after frame.js, before any artifact code.
 *
 * - Build-tool globals: what a bundler (Vite, CRA) would have replaced in the source. React
 *   artifacts get `process` and `import.meta` as names in their own scope (react-runtime.js);
 *   nothing is added to window, so no library changes its mind about running in Node.
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
})();

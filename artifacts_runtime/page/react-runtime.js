/* live-artifacts: run a React artifact (.jsx / .tsx) in the frame.
 *
 * Transpiles the source with Babel (React + TypeScript presets, ES modules to CommonJS), then
 * evaluates it with a `require` that resolves imports to the local runtime libraries (loaded
 * by the page before this script) and to our own @/components/ui/* components. Renders the
 * default export, or a component named App when there is none.
 */
(function () {
  "use strict";
  var meta = window.__ARTIFACT__ || {};
  var report = window.__artifactError || function (kind, e) { console.error(kind, e); };
  var sourceEl = document.getElementById("artifact-source");
  var source = sourceEl ? JSON.parse(sourceEl.textContent) : "";
  var imports = meta.imports || {};
  var compat = window.__artifactCompat || {};

  function ImportError(name) {
    var known = Object.keys(imports).concat(["@/components/ui/*", "@/lib/utils"]).sort().join(", ");
    var err = new Error('Cannot import "' + name + '": it is not one of the libraries available to artifacts (' + known + ").");
    err.name = "ImportError";
    return err;
  }

  function uiModule(name) {
    var ui = window.__artifactsUI;
    // shadcn's files are .jsx/.tsx: `@/components/ui/card.jsx` is the same module as `…/card`.
    name = name.replace(/\.(?:jsx?|tsx?)$/, "");
    var m = /^@\/components\/ui\/([\w-]+)$/.exec(name);
    if (m && ui && ui.modules[m[1]]) return ui.modules[m[1]];
    if (name === "@/lib/utils" && ui) return ui.modules["lib/utils"] || { cn: ui.cn };
    return null;
  }

  var chartRegisterables = null;
  function requireModule(name) {
    if (name === "react") return window.React;
    if (name === "react-dom" || name === "react-dom/client") return window.ReactDOM;
    var ui = uiModule(name);
    if (ui) return ui;
    var globalName = imports[name];
    if (globalName && window[globalName] !== undefined) {
      var mod = window[globalName];
      if (globalName === "Chart" && !mod.registerables) {
        // The UMD build registers everything itself; artifacts still call Chart.register(...registerables).
        chartRegisterables = chartRegisterables || [];
        // __esModule: `import Chart from "chart.js/auto"` must get the class, not this wrapper.
        return Object.assign(Object.create(null), mod, { Chart: mod, default: mod, registerables: chartRegisterables, __esModule: true });
      }
      return mod;
    }
    throw ImportError(name);
  }

  // Compiled on an earlier load (the server keeps what a frame compiled): no Babel at all.
  var compiledEl = document.getElementById("artifact-compiled");
  var code = compiledEl ? JSON.parse(compiledEl.textContent) : null;
  if (code === null) {
    try {
      code = window.Babel.transform(source, {
        filename: "artifact.tsx",
        sourceType: "module",
        presets: [["react", { runtime: "classic" }], ["typescript", { isTSX: true, allExtensions: true, allowDeclareFields: true }]],
        plugins: (compat.importMetaPlugin ? [compat.importMetaPlugin] : []).concat(["transform-modules-commonjs"]),
        retainLines: true
      }).code;
    } catch (e) {
      report("transpile", e);
      return;
    }
    var ticketEl = document.getElementById("artifact-compile-ticket");
    if (ticketEl && meta.mode === "live") {
      window.parent.postMessage({ __artifacts: 1, id: 0, method: "runtime.compiled",
        params: { version: meta.version, code: code, ticket: JSON.parse(ticketEl.textContent) } }, "*");
    }
  }

  var module = { exports: {} };
  try {
    // process and import.meta (see frame-compat.js): what a bundler would have replaced. The
    // code runs in a function of its own inside, so that it may declare any of these names
    // itself (const process = …) without clashing with a parameter.
    var run = new Function("require", "module", "exports", "React", "process", "__artifactImportMeta",
      "return (function () {" + code + "\n;try { if (typeof App !== 'undefined') module.exports.__App = App; } catch (_) {}\n})();\n//# sourceURL=artifact.jsx");
    run(function (name) {
      try { return requireModule(name); }
      catch (e) { report(e.name === "ImportError" ? "import" : "runtime", e); throw e; }
    }, module, module.exports, window.React, compat.process, compat.importMeta);
  } catch (e) {
    if (e && e.name !== "ImportError") report("runtime", e);
    return;
  }

  var exp = module.exports;
  var Component = exp.default || exp.__App;
  if (!Component) {
    var candidates = Object.keys(exp).filter(function (k) { return typeof exp[k] === "function" && /^[A-Z]/.test(k); });
    if (candidates.length === 1) Component = exp[candidates[0]];
  }
  if (!Component || (typeof Component !== "function" && typeof Component !== "object")) {
    report("runtime", new Error("This React artifact exports no component: add `export default function App() { … }`."));
    return;
  }

  var h = window.React.createElement;
  class ErrorBoundary extends window.React.Component {
    constructor(props) { super(props); this.state = { error: null }; }
    static getDerivedStateFromError(error) { return { error: error }; }
    componentDidCatch(error, info) {
      if (info && info.componentStack && error && error.stack) error.stack += "\n\nComponent stack:" + info.componentStack;
      report("runtime", error);
    }
    render() {
      if (this.state.error) return null;
      return this.props.children;
    }
  }

  function Rendered(props) {
    window.React.useEffect(function () {
      if (window.__artifactRenderedSignal) window.__artifactRenderedSignal();
    }, []);
    return props.children;
  }

  var root = window.ReactDOM.createRoot(document.getElementById("root"));
  root.render(h(ErrorBoundary, null, h(Rendered, null, h(Component))));
})();

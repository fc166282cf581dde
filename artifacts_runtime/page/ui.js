/*
 * live-artifacts: shadcn/ui-compatible components for React artifacts.
 *
 * Our own implementation (no third-party code). Plain ES2020, no JSX, no build step.
 * Reads the globals React and ReactDOM; defines
 *   window.__artifactsUI = { modules: { "card": {...}, ..., "lib/utils": { cn } }, cn, version }
 * Module keys are the import paths after "@/components/ui/".
 *
 * Theme: shadcn's CSS variables (--background, --primary, ...) are defined in a plain <style>
 * this file injects, and mapped to Tailwind v4 colors (bg-primary, text-muted-foreground, ...)
 * by a <style type="text/tailwindcss"> that the Tailwind browser build (@tailwindcss/browser 4)
 * reads. That style also pre-generates every class the components use (@source inline).
 */
(function artifactsUI() {
  "use strict";
  var React = window.React;
  var ReactDOM = window.ReactDOM;
  if (!React) {
    console.error("ui.js: window.React is missing; load React before ui.js");
    return;
  }
  var h = React.createElement;
  var fwd = React.forwardRef;
  var createContext = React.createContext;
  var useContext = React.useContext;
  var useState = React.useState;
  var useRef = React.useRef;
  var useEffect = React.useEffect;
  var useLayoutEffect = React.useLayoutEffect;
  var useCallback = React.useCallback;
  var useMemo = React.useMemo;
  var useReducer = React.useReducer;
  var counter = 0;
  var useId = React.useId || function () {
    var r = useRef(null);
    if (r.current === null) r.current = "ui" + (++counter);
    return r.current;
  };

  // ======================================================================= class names

  function toVal(x) {
    if (!x) return "";
    if (typeof x === "string") return x;
    if (typeof x === "number") return String(x);
    var out = "";
    var s;
    if (Array.isArray(x)) {
      for (var i = 0; i < x.length; i++) if ((s = toVal(x[i]))) out += (out ? " " : "") + s;
    } else if (typeof x === "object") {
      for (var k in x) if (x[k]) out += (out ? " " : "") + k;
    }
    return out;
  }

  function clsx() {
    var out = "";
    for (var i = 0; i < arguments.length; i++) {
      var s = toVal(arguments[i]);
      if (s) out += (out ? " " : "") + s;
    }
    return out;
  }

  // Standalone utilities: class -> conflict group.
  var EXACT = {};
  function put(group, names) {
    names.split(" ").forEach(function (n) { EXACT[n] = group; });
  }
  put("display", "block inline-block inline flex inline-flex table inline-table table-caption table-cell " +
    "table-column table-column-group table-footer-group table-header-group table-row-group table-row " +
    "flow-root grid inline-grid contents list-item hidden");
  put("position", "static fixed absolute relative sticky");
  put("visibility", "visible invisible collapse");
  put("isolation", "isolate isolation-auto");
  put("flex-dir", "flex-row flex-row-reverse flex-col flex-col-reverse");
  put("flex-wrap", "flex-wrap flex-wrap-reverse flex-nowrap");
  put("font-style", "italic not-italic");
  put("smoothing", "antialiased subpixel-antialiased");
  put("text-deco", "underline overline line-through no-underline");
  put("text-case", "uppercase lowercase capitalize normal-case");
  put("text-overflow", "truncate text-ellipsis text-clip");
  put("sr", "sr-only not-sr-only");
  put("grow", "grow flex-grow");
  put("shrink", "shrink flex-shrink");
  put("border-collapse", "border-collapse border-separate");
  put("box", "box-border box-content");
  put("ring-w", "ring");
  put("ring-inset", "ring-inset");
  put("shadow", "shadow");
  put("rounded", "rounded");
  put("border-w", "border");
  put("outline-w", "outline");
  put("transition", "transition");
  put("container", "container");

  var SPACING = /^(\d+(\.\d+)?|px|auto|full|screen(-\w+)?|min|max|fit|[sld]?v[hw]|(3xs|2xs|xs|sm|md|lg|xl|[2-7]xl)|prose|none|reverse|\[.+\]|\(.+\))$/;
  var NUM = /^\d+(\.\d+)?$/;

  // The type of an arbitrary value: [..] or (..).
  function arb(v) {
    var m = /^\[(.*)\]$/.exec(v) || /^\((.*)\)$/.exec(v);
    if (!m) return null;
    var s = m[1];
    var lab = /^([a-z-]+):/.exec(s);
    if (lab && lab[1] !== "var") return lab[1] === "url" ? "image" : lab[1];
    if (/^(#|rgba?\(|hsla?\(|oklch\(|oklab\(|lab\(|lch\(|hwb\(|color-mix\(|color\()/.test(s)) return "color";
    if (/^(url\(|(repeating-)?(linear|radial|conic)-gradient\()/.test(s)) return "image";
    if (/^-?[\d.]+$/.test(s)) return "number";
    if (/^-?[\d.]+(px|r?em|%|vh|vw|dvh|svh|lvh|vmin|vmax|ch|ex|lh|pt|pc|cm|mm|in|fr|cq[whib])$/.test(s) ||
        /^(calc|clamp|min|max)\(/.test(s)) return "length";
    return "any";
  }
  function isWidth(v) { // border-2, ring-[3px], outline-(length:--w)
    var t = arb(v);
    return v === "" || NUM.test(v) || t === "length" || t === "number";
  }
  function sided(base, v, sideGroup) {
    return isWidth(v) ? base + "-w" + sideGroup : base + "-color" + sideGroup;
  }

  // Prefixes whose group is the prefix itself (spacing-validated ones first).
  var SPACED = {};
  ("p px py ps pe pt pr pb pl m mx my ms me mt mr mb ml w h size min-w max-w min-h max-h inset inset-x inset-y " +
   "top right bottom left start end gap gap-x gap-y space-x space-y basis translate translate-x translate-y " +
   "scroll-m scroll-p indent").split(" ").forEach(function (p) { SPACED[p] = 1; });
  var SELF = {};
  ("z opacity cursor overflow overflow-x overflow-y overscroll overscroll-x overscroll-y aspect leading tracking " +
   "whitespace align duration ease delay animate scale scale-x scale-y rotate skew-x skew-y origin select " +
   "pointer-events appearance grid-cols grid-rows col col-span col-start col-end row row-span row-start row-end " +
   "grid-flow auto-cols auto-rows justify justify-items justify-self items self place-content place-items place-self " +
   "order flex float clear columns line-clamp blur backdrop-blur brightness contrast grayscale invert saturate sepia " +
   "hue-rotate drop-shadow backdrop-brightness backdrop-contrast backdrop-grayscale backdrop-opacity backdrop-saturate " +
   "fill caret accent mix-blend bg-blend bg-clip bg-origin bg-position bg-size bg-repeat bg-opacity will-change touch " +
   "snap-start snap-end snap-center snap-align snap break-before break-after break-inside box-decoration " +
   "underline-offset outline-offset list-image decoration-skip text-opacity border-opacity table-layout " +
   "field-sizing forced-color-adjust perspective transition").split(" ").forEach(function (p) { SELF[p] = 1; });

  var SIDES = { x: 1, y: 1, t: 1, r: 1, b: 1, l: 1, s: 1, e: 1 };
  var CORNERS = { t: 1, r: 1, b: 1, l: 1, s: 1, e: 1, tl: 1, tr: 1, br: 1, bl: 1, ss: 1, se: 1, es: 1, ee: 1 };

  function rule(p, v) {
    if (SPACED[p]) return SPACING.test(v) ? p : null;
    if (SELF[p]) return p;
    var t;
    switch (p) {
      case "text":
        if (/^(xs|sm|base|lg|[2-9]?xl)$/.test(v)) return "text-size";
        if (/^(left|center|right|justify|start|end)$/.test(v)) return "text-align";
        if (/^(wrap|nowrap|balance|pretty)$/.test(v)) return "text-wrap";
        t = arb(v);
        if (t === "length" || t === "number" || t === "percentage" || t === "size" || t === "absolute-size") return "text-size";
        return "text-color";
      case "font":
        if (/^(thin|extralight|light|normal|medium|semibold|bold|extrabold|black)$/.test(v)) return "font-weight";
        t = arb(v);
        return t === "number" || t === "weight" ? "font-weight" : "font-family";
      case "bg":
        if (/^(fixed|local|scroll)$/.test(v)) return "bg-attach";
        if (/^(auto|cover|contain)$/.test(v)) return "bg-size";
        if (/^(repeat|no-repeat|repeat-x|repeat-y|repeat-round|repeat-space)$/.test(v)) return "bg-repeat";
        if (/^(bottom|center|left|right|top)(-(bottom|top|left|right))?$/.test(v)) return "bg-position";
        if (v === "none" || /^(linear|radial|conic|gradient)/.test(v)) return "bg-image";
        t = arb(v);
        if (t === "image") return "bg-image";
        if (t === "length" || t === "position" || t === "percentage") return "bg-position";
        if (t === "size") return "bg-size";
        return "bg-color";
      case "border":
        if (/^(solid|dashed|dotted|double|hidden|none)$/.test(v)) return "border-style";
        if (/^spacing/.test(v)) return "border-spacing";
        return sided("border", v, "");
      case "rounded": return "rounded";
      case "shadow":
      case "inset-shadow":
      case "text-shadow":
      case "drop-shadow":
        if (v === "" || /^(2xs|xs|sm|md|lg|xl|2xl|inner|none)$/.test(v)) return p;
        t = arb(v);
        return t === "color" || (t === null && !NUM.test(v)) ? p + "-color" : p;
      case "ring":
      case "inset-ring":
        if (v === "inset") return "ring-inset";
        return isWidth(v) ? p + "-w" : p + "-color";
      case "ring-offset": return isWidth(v) ? "ring-offset-w" : "ring-offset-color";
      case "outline":
        if (/^(none|hidden|solid|dashed|dotted|double)$/.test(v)) return "outline-style";
        return isWidth(v) ? "outline-w" : "outline-color";
      case "stroke": return isWidth(v) ? "stroke-w" : "stroke-color";
      case "decoration":
        if (/^(solid|double|dotted|dashed|wavy)$/.test(v)) return "decoration-style";
        return isWidth(v) || v === "auto" || v === "from-font" ? "decoration-w" : "decoration-color";
      case "divide":
        if (/^(solid|dashed|dotted|double|none)$/.test(v)) return "divide-style";
        return "divide-color";
      case "divide-x":
      case "divide-y":
        return v === "reverse" ? p + "-reverse" : p;
      case "from":
      case "via":
      case "to":
        return /%$/.test(v) || arb(v) === "percentage" || arb(v) === "length" ? p + "-pos" : p + "-color";
      case "object":
        return /^(contain|cover|fill|none|scale-down)$/.test(v) ? "object-fit" : "object-pos";
      case "list": return /^(inside|outside)$/.test(v) ? "list-pos" : "list-type";
      case "content": return v === "none" || arb(v) ? "content" : "align-content";
      case "break": return "word-break";
      case "table": return /^(auto|fixed)$/.test(v) ? "table-layout" : null;
    }
    if (p.slice(0, 8) === "rounded-" && CORNERS[p.slice(8)]) return p;
    if (p.slice(0, 7) === "border-" && SIDES[p.slice(7)]) return sided("border", v, "-" + p.slice(7));
    return null;
  }

  function classify(b) {
    if (EXACT[b]) return EXACT[b];
    if (b[0] === "[") {
      var c = b.indexOf(":");
      return c > 0 ? "prop:" + b.slice(1, c) : null;
    }
    var cut = b.search(/-[\[(]/);
    if (cut > 0) return rule(b.slice(0, cut), b.slice(cut + 1));
    for (var i = b.length; i > 0; i = b.lastIndexOf("-", i - 1)) {
      var g = rule(b.slice(0, i), i < b.length ? b.slice(i + 1) : "");
      if (g) return g;
    }
    return null;
  }

  var CONFLICTS = {};
  function conflicts(group, others) { CONFLICTS[group] = others.split(" "); }
  conflicts("p", "px py ps pe pt pr pb pl");
  conflicts("px", "pr pl");
  conflicts("py", "pt pb");
  conflicts("m", "mx my ms me mt mr mb ml");
  conflicts("mx", "mr ml");
  conflicts("my", "mt mb");
  conflicts("size", "w h");
  conflicts("inset", "inset-x inset-y start end top right bottom left");
  conflicts("inset-x", "right left");
  conflicts("inset-y", "top bottom");
  conflicts("gap", "gap-x gap-y");
  conflicts("overflow", "overflow-x overflow-y");
  conflicts("overscroll", "overscroll-x overscroll-y");
  conflicts("scale", "scale-x scale-y");
  conflicts("translate", "translate-x translate-y");
  conflicts("rounded", "rounded-t rounded-r rounded-b rounded-l rounded-s rounded-e rounded-tl rounded-tr rounded-br rounded-bl rounded-ss rounded-se rounded-es rounded-ee");
  conflicts("rounded-t", "rounded-tl rounded-tr");
  conflicts("rounded-r", "rounded-tr rounded-br");
  conflicts("rounded-b", "rounded-br rounded-bl");
  conflicts("rounded-l", "rounded-tl rounded-bl");
  conflicts("rounded-s", "rounded-ss rounded-es");
  conflicts("rounded-e", "rounded-se rounded-ee");
  ["border-w", "border-color"].forEach(function (g) {
    conflicts(g, ["x", "y", "t", "r", "b", "l", "s", "e"].map(function (s) { return g + "-" + s; }).join(" "));
    conflicts(g + "-x", g + "-r " + g + "-l");
    conflicts(g + "-y", g + "-t " + g + "-b");
  });

  function parseClass(c) {
    var mods = [];
    var depth = 0;
    var start = 0;
    for (var i = 0; i < c.length; i++) {
      var ch = c[i];
      if (ch === "[" || ch === "(") depth++;
      else if (ch === "]" || ch === ")") depth--;
      else if (ch === ":" && depth === 0) { mods.push(c.slice(start, i)); start = i + 1; }
    }
    var base = c.slice(start);
    var imp = false;
    if (base[0] === "!") { imp = true; base = base.slice(1); }
    else if (base.length > 1 && base[base.length - 1] === "!") { imp = true; base = base.slice(0, -1); }
    var core = base[0] === "-" ? base.slice(1) : base;
    var post = "";
    var m = /^(.*[^\/])\/([\w.%-]+|\[[^\]]*\]|\([^)]*\))$/.exec(core);
    if (m) { core = m[1]; post = m[2]; }
    // Modifier order does not matter (hover:focus: == focus:hover:) except around arbitrary variants.
    var sorted = [];
    var run = [];
    mods.forEach(function (md) {
      if (md[0] === "[") { sorted = sorted.concat(run.sort(), [md]); run = []; }
      else run.push(md);
    });
    sorted = sorted.concat(run.sort());
    return { key: sorted.length ? sorted.join(":") + ":" : "", base: base, core: core, imp: imp, post: post };
  }

  // tailwind-merge-like: later classes win within a conflict group (per variant prefix).
  function twMerge(str) {
    var list = str.split(/\s+/);
    var seen = Object.create(null);
    var out = [];
    for (var i = list.length - 1; i >= 0; i--) {
      var c = list[i];
      if (!c) continue;
      var p = parseClass(c);
      var g = classify(p.core);
      var pre = p.key + (p.imp ? "!" : "");
      var key = pre + (g || "raw:" + p.base);
      if (seen[key]) continue;
      seen[key] = 1;
      out.push(c);
      if (g) {
        var more = CONFLICTS[g];
        if (more) for (var j = 0; j < more.length; j++) seen[pre + more[j]] = 1;
        if (g === "text-size" && p.post) seen[pre + "leading"] = 1;
      }
    }
    return out.reverse().join(" ");
  }

  function cn() {
    return twMerge(clsx.apply(null, arguments));
  }

  // Every class string the components use is registered here and pre-generated by Tailwind.
  var USED = new Set();
  function S(str) {
    str.split(/\s+/).forEach(function (c) { if (c) USED.add(c); });
    return str;
  }

  // cva-like helper: variants(base, { variants, defaultVariants }) -> fn({ variant, size, className })
  function variants(base, config) {
    S(base);
    Object.keys(config.variants).forEach(function (k) {
      Object.keys(config.variants[k]).forEach(function (v) { S(config.variants[k][v]); });
    });
    return function (props) {
      props = props || {};
      var parts = [base];
      Object.keys(config.variants).forEach(function (k) {
        var v = props[k] == null ? (config.defaultVariants || {})[k] : props[k];
        if (v != null && config.variants[k][v] != null) parts.push(config.variants[k][v]);
      });
      parts.push(props.className, props.class);
      return cn(parts);
    };
  }

  // ======================================================================= theme

  var VARS_LIGHT = {
    background: "oklch(1 0 0)", foreground: "oklch(0.145 0 0)",
    card: "oklch(1 0 0)", "card-foreground": "oklch(0.145 0 0)",
    popover: "oklch(1 0 0)", "popover-foreground": "oklch(0.145 0 0)",
    primary: "oklch(0.205 0 0)", "primary-foreground": "oklch(0.985 0 0)",
    secondary: "oklch(0.97 0 0)", "secondary-foreground": "oklch(0.205 0 0)",
    muted: "oklch(0.97 0 0)", "muted-foreground": "oklch(0.556 0 0)",
    accent: "oklch(0.97 0 0)", "accent-foreground": "oklch(0.205 0 0)",
    destructive: "oklch(0.577 0.245 27.325)", "destructive-foreground": "oklch(0.985 0 0)",
    border: "oklch(0.922 0 0)", input: "oklch(0.922 0 0)", ring: "oklch(0.708 0 0)",
    "chart-1": "oklch(0.646 0.222 41.116)", "chart-2": "oklch(0.6 0.118 184.704)",
    "chart-3": "oklch(0.398 0.07 227.392)", "chart-4": "oklch(0.828 0.189 84.429)",
    "chart-5": "oklch(0.769 0.188 70.08)",
  };
  var VARS_DARK = {
    background: "oklch(0.145 0 0)", foreground: "oklch(0.985 0 0)",
    card: "oklch(0.205 0 0)", "card-foreground": "oklch(0.985 0 0)",
    popover: "oklch(0.205 0 0)", "popover-foreground": "oklch(0.985 0 0)",
    primary: "oklch(0.922 0 0)", "primary-foreground": "oklch(0.205 0 0)",
    secondary: "oklch(0.269 0 0)", "secondary-foreground": "oklch(0.985 0 0)",
    muted: "oklch(0.269 0 0)", "muted-foreground": "oklch(0.708 0 0)",
    accent: "oklch(0.269 0 0)", "accent-foreground": "oklch(0.985 0 0)",
    destructive: "oklch(0.704 0.191 22.216)", "destructive-foreground": "oklch(0.985 0 0)",
    border: "oklch(1 0 0 / 10%)", input: "oklch(1 0 0 / 15%)", ring: "oklch(0.556 0 0)",
    "chart-1": "oklch(0.488 0.243 264.376)", "chart-2": "oklch(0.696 0.17 162.48)",
    "chart-3": "oklch(0.769 0.188 70.08)", "chart-4": "oklch(0.627 0.265 303.9)",
    "chart-5": "oklch(0.645 0.246 16.439)",
  };

  function declare(vars) {
    return Object.keys(vars).map(function (k) { return "--" + k + ": " + vars[k] + ";"; }).join(" ");
  }

  var PLAIN_CSS =
    ":root { --radius: 0.5rem; " + declare(VARS_LIGHT) + " }\n" +
    ".dark { " + declare(VARS_DARK) + " }\n" +
    "@keyframes ui-fade-in { from { opacity: 0 } to { opacity: 1 } }\n" +
    // Only opacity and the individual `scale` property: Tailwind v4 positions with `translate`.
    "@keyframes ui-pop-in { from { opacity: 0; scale: .96 } to { opacity: 1; scale: 1 } }\n" +
    "@keyframes ui-dialog-in { from { opacity: 0; scale: .96 } to { opacity: 1; scale: 1 } }\n" +
    "@keyframes ui-accordion-down { from { height: 0 } to { height: var(--radix-accordion-content-height) } }\n" +
    "[data-ui-anim=fade] { animation: ui-fade-in .15s ease-out }\n" +
    "[data-ui-anim=pop] { animation: ui-pop-in .12s ease-out }\n" +
    "[data-ui-anim=dialog] { animation: ui-dialog-in .15s ease-out }\n" +
    "[data-ui-anim=accordion][data-state=open] { animation: ui-accordion-down .2s ease-out }\n" +
    "@media (prefers-reduced-motion: reduce) { [data-ui-anim] { animation: none !important } }\n" +
    "[data-ui-scroll-viewport] { scrollbar-width: thin; scrollbar-color: var(--border) transparent }\n";

  function tailwindCss() {
    var names = Object.keys(VARS_LIGHT);
    var theme = names.map(function (k) { return "--color-" + k + ": var(--" + k + ");"; }).join(" ");
    // Also pick up S("...") literals only evaluated at render time.
    var src = String(artifactsUI);
    var re = /\bS\("([^"]+)"\)/g;
    var m;
    while ((m = re.exec(src))) S(m[1]);
    var inline = Array.from(USED).filter(function (c) { return !/["\\{}]/.test(c); }).join(" ");
    return "@theme inline { " + theme + " }\n" +
      // shadcn's base layer: borders default to the theme's border color (as in Tailwind v3).
      "@layer base { *, ::after, ::before, ::backdrop, ::file-selector-button { border-color: var(--color-border, currentColor); } }\n" +
      '@source inline("' + inline + '");\n';
  }

  function injectStyles() {
    if (typeof document === "undefined" || document.getElementById("artifacts-ui-theme")) return;
    var head = document.head || document.getElementsByTagName("head")[0] || document.documentElement;
    var plain = document.createElement("style");
    plain.id = "artifacts-ui-vars";
    plain.textContent = PLAIN_CSS;
    head.insertBefore(plain, head.firstChild);
    var tw = document.createElement("style");
    tw.id = "artifacts-ui-theme";
    tw.setAttribute("type", "text/tailwindcss");
    tw.textContent = tailwindCss();
    head.appendChild(tw);
  }

  // ======================================================================= primitives

  function omit(obj, keys) {
    var out = {};
    for (var k in obj) if (keys.indexOf(k) < 0) out[k] = obj[k];
    return out;
  }

  function setRef(ref, value) {
    if (typeof ref === "function") ref(value);
    else if (ref) ref.current = value;
  }
  function useRefs() {
    var refs = Array.prototype.slice.call(arguments);
    // eslint-disable-next-line react-hooks/exhaustive-deps
    return useCallback(function (node) { refs.forEach(function (r) { setRef(r, node); }); }, refs);
  }

  // User handler first; ours only if the user did not call preventDefault().
  function compose(user, ours) {
    if (!user) return ours;
    return function (e) {
      user(e);
      if (!e || !e.defaultPrevented) ours(e);
    };
  }

  function useControllable(value, defaultValue, onChange) {
    var controlled = value !== undefined;
    var st = useState(defaultValue);
    var current = controlled ? value : st[0];
    var ref = useRef({});
    ref.current.value = current;
    ref.current.onChange = onChange;
    ref.current.controlled = controlled;
    var setState = st[1];
    var set = useCallback(function (next) {
      var r = ref.current;
      var v = typeof next === "function" ? next(r.value) : next;
      if (Object.is(v, r.value)) return;
      r.value = v;
      if (!r.controlled) setState(v);
      if (r.onChange) r.onChange(v);
    }, [setState]);
    return [current, set];
  }

  function mergeSlotProps(slot, child) {
    var out = Object.assign({}, slot);
    Object.keys(child).forEach(function (k) {
      var s = slot[k];
      var c = child[k];
      if (/^on[A-Z]/.test(k) && typeof s === "function" && typeof c === "function") {
        out[k] = function () { c.apply(this, arguments); s.apply(this, arguments); };
      } else if (k === "style") out[k] = Object.assign({}, s, c);
      else if (k === "className") out[k] = cn(s, c);
      else if (c !== undefined) out[k] = c;
    });
    return out;
  }

  // Radix-style Slot: renders its only child with the slot's props merged in (for asChild).
  var Slot = fwd(function Slot(props, ref) {
    var child = props.children;
    if (!React.isValidElement(child)) {
      return React.Children.count(child) > 1 ? React.Children.only(child) : child || null;
    }
    var merged = mergeSlotProps(omit(props, ["children"]), child.props);
    merged.ref = ref ? composeTwo(ref, child.ref) : child.ref;
    return React.cloneElement(child, merged);
  });
  function composeTwo(a, b) {
    if (!b) return a;
    return function (node) { setRef(a, node); setRef(b, node); };
  }

  function Portal(props) {
    if (typeof document === "undefined" || !ReactDOM || !ReactDOM.createPortal) return props.children || null;
    return ReactDOM.createPortal(props.children, props.container || document.body);
  }

  var dataState = function (open) { return open ? "open" : "closed"; };

  // --- dismissable layers: Escape and outside pointer-down close only the topmost layer
  var layers = [];
  function listenLayers() {
    if (listenLayers.done || typeof document === "undefined") return;
    listenLayers.done = true;
    document.addEventListener("pointerdown", function (e) {
      for (var i = layers.length - 1; i >= 0; i--) {
        var L = layers[i];
        if (L.inside(e.target)) return;
        if (L.cfg().passThrough) continue;
        L.cfg().onOutside && L.cfg().onOutside(e);
        if (!L.cfg().cascade) return;
      }
    }, true);
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !layers.length) return;
      var L = layers[layers.length - 1];
      if (L.cfg().onEscape) L.cfg().onEscape(e);
    });
  }
  function useLayer(active, cfg) {
    var ref = useRef(cfg);
    ref.current = cfg;
    useEffect(function () {
      if (!active) return undefined;
      listenLayers();
      var L = {
        cfg: function () { return ref.current; },
        inside: function (t) {
          var nodes = ref.current.nodes ? ref.current.nodes() : [];
          for (var i = 0; i < nodes.length; i++) if (nodes[i] && nodes[i].contains(t)) return true;
          return false;
        },
      };
      layers.push(L);
      return function () {
        var i = layers.indexOf(L);
        if (i >= 0) layers.splice(i, 1);
      };
    }, [active]);
  }

  // Call a user callback with an event; return true unless it called preventDefault().
  function allowed(cb, e) {
    if (cb) cb(e);
    return !(e && e.defaultPrevented);
  }

  var scrollLocks = 0;
  var savedOverflow = "";
  function useScrollLock(active) {
    useEffect(function () {
      if (!active) return undefined;
      if (scrollLocks++ === 0) {
        savedOverflow = document.body.style.overflow;
        document.body.style.overflow = "hidden";
      }
      return function () {
        if (--scrollLocks === 0) document.body.style.overflow = savedOverflow;
      };
    }, [active]);
  }

  var TABBABLE = "a[href],area[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled])," +
    "textarea:not([disabled]),iframe,[tabindex],[contenteditable=true],[contenteditable='']";
  function tabbables(root) {
    if (!root) return [];
    return Array.prototype.filter.call(root.querySelectorAll(TABBABLE), function (el) {
      return el.tabIndex >= 0 && !el.closest("[hidden],[inert]") && el.getClientRects().length > 0;
    });
  }
  function focusEl(el) {
    if (el && el.focus) { try { el.focus({ preventScroll: true }); } catch (e) { el.focus(); } }
  }
  function trapTab(e, root) {
    if (e.key !== "Tab" || !root || !root.contains(e.target)) return;
    var list = tabbables(root);
    if (!list.length) { e.preventDefault(); return; }
    var first = list[0];
    var last = list[list.length - 1];
    var active = document.activeElement;
    if (e.shiftKey && (active === first || active === root)) { e.preventDefault(); focusEl(last); }
    else if (!e.shiftKey && active === last) { e.preventDefault(); focusEl(first); }
  }

  // Focus something inside on mount; give focus back to the trigger (or previous element) on unmount.
  function useFocusOnMount(contentRef, opts) {
    var o = useRef(opts);
    o.current = opts;
    useEffect(function () {
      var el = contentRef.current;
      var previous = document.activeElement;
      var ev = { defaultPrevented: false, preventDefault: function () { this.defaultPrevented = true; } };
      if (allowed(o.current.onOpenAutoFocus, ev) && el) {
        var target = o.current.pick ? o.current.pick(el) : null;
        focusEl(target || el);
      }
      return function () {
        var active = document.activeElement;
        var lost = !active || active === document.body || (el && el.contains(active)) || !document.contains(active);
        var ev2 = { defaultPrevented: false, preventDefault: function () { this.defaultPrevented = true; } };
        if (!allowed(o.current.onCloseAutoFocus, ev2) || !lost) return;
        var back = (o.current.returnTo && o.current.returnTo.current) || previous;
        if (back && document.contains(back)) focusEl(back);
      };
    }, []);
  }

  // --- floating positioning (fixed, relative to an anchor element, flips and shifts to stay visible)
  var OPPOSITE = { top: "bottom", bottom: "top", left: "right", right: "left" };
  function place(anchor, el, opt) {
    var a = anchor.getBoundingClientRect();
    var W = document.documentElement.clientWidth || window.innerWidth;
    var H = document.documentElement.clientHeight || window.innerHeight;
    var pad = opt.collisionPadding == null ? 8 : opt.collisionPadding;
    var side = opt.side || "bottom";
    var align = opt.align || "center";
    var so = opt.sideOffset || 0;
    var ao = opt.alignOffset || 0;
    var vert = side === "top" || side === "bottom";
    el.style.setProperty("--radix-popper-anchor-width", a.width + "px");
    el.style.setProperty("--radix-popper-anchor-height", a.height + "px");
    (opt.vars || []).forEach(function (name) {
      el.style.setProperty("--radix-" + name + "-trigger-width", a.width + "px");
      el.style.setProperty("--radix-" + name + "-trigger-height", a.height + "px");
    });
    var w = el.offsetWidth;
    var hh = el.offsetHeight;
    var room = { top: a.top - pad, bottom: H - a.bottom - pad, left: a.left - pad, right: W - a.right - pad };
    if (opt.avoidCollisions !== false) {
      var need = (vert ? hh : w) + so;
      if (room[side] < need && room[OPPOSITE[side]] > room[side]) side = OPPOSITE[side];
    }
    var x;
    var y;
    if (vert) {
      y = side === "bottom" ? a.bottom + so : a.top - so - hh;
      x = align === "start" ? a.left + ao : align === "end" ? a.right - w - ao : a.left + (a.width - w) / 2;
      x = Math.max(pad, Math.min(x, W - w - pad));
    } else {
      x = side === "right" ? a.right + so : a.left - so - w;
      y = align === "start" ? a.top + ao : align === "end" ? a.bottom - hh - ao : a.top + (a.height - hh) / 2;
      y = Math.max(pad, Math.min(y, H - hh - pad));
    }
    var availH = vert ? Math.max(0, room[side] - so) : H - 2 * pad;
    el.style.setProperty("--radix-popper-available-height", availH + "px");
    el.style.setProperty("--radix-popper-available-width", (vert ? W - 2 * pad : room[side] - so) + "px");
    (opt.vars || []).forEach(function (name) {
      el.style.setProperty("--radix-" + name + "-content-available-height", availH + "px");
    });
    el.style.left = Math.round(x) + "px";
    el.style.top = Math.round(y) + "px";
    el.setAttribute("data-side", side);
    el.setAttribute("data-align", align);
    var inner = el.firstElementChild;
    if (inner) { inner.setAttribute("data-side", side); inner.setAttribute("data-align", align); }
  }

  function usePosition(anchorRef, wrapperRef, opts) {
    var o = useRef(opts);
    o.current = opts;
    useLayoutEffect(function () {
      var raf = 0;
      function run() {
        raf = 0;
        var anchor = anchorRef.current;
        var el = wrapperRef.current;
        if (anchor && el) place(anchor, el, o.current);
      }
      function schedule() { if (!raf) raf = requestAnimationFrame(run); }
      run();
      window.addEventListener("resize", schedule);
      window.addEventListener("scroll", schedule, true);
      var ro = window.ResizeObserver ? new ResizeObserver(schedule) : null;
      if (ro) {
        if (wrapperRef.current) ro.observe(wrapperRef.current);
        if (anchorRef.current) ro.observe(anchorRef.current);
      }
      return function () {
        if (raf) cancelAnimationFrame(raf);
        window.removeEventListener("resize", schedule);
        window.removeEventListener("scroll", schedule, true);
        if (ro) ro.disconnect();
      };
    }, []);
  }

  var POPPER_PROPS = ["side", "align", "sideOffset", "alignOffset", "avoidCollisions", "collisionPadding",
    "collisionBoundary", "sticky", "hideWhenDetached", "arrowPadding", "updatePositionStrategy", "forceMount",
    "onEscapeKeyDown", "onPointerDownOutside", "onInteractOutside", "onFocusOutside", "onOpenAutoFocus",
    "onCloseAutoFocus", "asChild", "container", "loop", "position"];

  // A positioned popup: fixed wrapper (measured and moved) around the visible content element.
  function Floating(props) {
    var wrapperRef = useRef(null);
    usePosition(props.anchorRef, wrapperRef, props.position);
    var style = { position: "fixed", left: 0, top: 0, zIndex: 50, minWidth: "max-content" };
    return h(Portal, { container: props.container },
      h("div", { ref: wrapperRef, "data-radix-popper-content-wrapper": "", style: style }, props.children));
  }

  // Roving focus among items inside a container (menus, listboxes).
  function moveFocus(e, list, opts) {
    var i = list.indexOf(document.activeElement);
    var n = list.length;
    if (!n) return false;
    var next = -1;
    var k = e.key;
    var fwdKeys = opts.vertical ? ["ArrowDown"] : ["ArrowRight"];
    var backKeys = opts.vertical ? ["ArrowUp"] : ["ArrowLeft"];
    if (opts.both) { fwdKeys = ["ArrowDown", "ArrowRight"]; backKeys = ["ArrowUp", "ArrowLeft"]; }
    if (fwdKeys.indexOf(k) >= 0) next = i < 0 ? 0 : opts.loop ? (i + 1) % n : Math.min(i + 1, n - 1);
    else if (backKeys.indexOf(k) >= 0) next = i < 0 ? n - 1 : opts.loop ? (i - 1 + n) % n : Math.max(i - 1, 0);
    else if (k === "Home") next = 0;
    else if (k === "End") next = n - 1;
    else return false;
    e.preventDefault();
    focusEl(list[next]);
    if (list[next].scrollIntoView) list[next].scrollIntoView({ block: "nearest" });
    return list[next];
  }

  function useTypeahead() {
    var st = useRef({ text: "", timer: 0 });
    return function (e, list) {
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return false;
      if (e.key === " " && !st.current.text) return false;
      var s = st.current;
      s.text += e.key.toLowerCase();
      clearTimeout(s.timer);
      s.timer = setTimeout(function () { s.text = ""; }, 800);
      var start = Math.max(0, list.indexOf(document.activeElement));
      var ordered = list.slice(start + (s.text.length === 1 ? 1 : 0)).concat(list.slice(0, start + (s.text.length === 1 ? 1 : 0)));
      for (var j = 0; j < ordered.length; j++) {
        var label = (ordered[j].getAttribute("data-text-value") || ordered[j].textContent || "").trim().toLowerCase();
        if (label.indexOf(s.text) === 0) { focusEl(ordered[j]); break; }
      }
      e.preventDefault();
      return true;
    };
  }

  function textOf(node) {
    if (node == null || typeof node === "boolean") return "";
    if (typeof node === "string" || typeof node === "number") return String(node);
    if (Array.isArray(node)) return node.map(textOf).join("");
    if (node.props) return textOf(node.props.children);
    return "";
  }

  function sanitize(v) { return String(v).replace(/\s+/g, "-"); }

  // --- icons (simple strokes, 24x24)
  function makeIcon(name, children) {
    var C = fwd(function (props, ref) {
      var rest = omit(props, ["className", "size"]);
      var size = props.size || 24;
      return h("svg", Object.assign({
        ref: ref, xmlns: "http://www.w3.org/2000/svg", width: size, height: size, viewBox: "0 0 24 24",
        fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round",
        "aria-hidden": "true", className: cn(S("size-4"), props.className),
      }, rest), children());
    });
    C.displayName = name;
    return C;
  }
  var CheckIcon = makeIcon("CheckIcon", function () { return h("path", { d: "M4.5 12.5l5 5L20 7" }); });
  var ChevronDownIcon = makeIcon("ChevronDownIcon", function () { return h("path", { d: "M6 9l6 6 6-6" }); });
  var ChevronUpIcon = makeIcon("ChevronUpIcon", function () { return h("path", { d: "M6 15l6-6 6 6" }); });
  var ChevronRightIcon = makeIcon("ChevronRightIcon", function () { return h("path", { d: "M9 6l6 6-6 6" }); });
  var XIcon = makeIcon("XIcon", function () { return h("path", { d: "M6 6l12 12M18 6L6 18" }); });
  var MinusIcon = makeIcon("MinusIcon", function () { return h("path", { d: "M5 12h14" }); });
  var DotIcon = makeIcon("DotIcon", function () { return h("circle", { cx: 12, cy: 12, r: 5, fill: "currentColor", stroke: "none" }); });

  // Define a forwardRef component with a displayName.
  function comp(name, render) {
    var C = fwd(render);
    C.displayName = name;
    return C;
  }
  // A plain styled element: tag + default classes (+ optional asChild).
  function styled(name, tag, classes, extra) {
    S(classes);
    return comp(name, function (props, ref) {
      var rest = omit(props, ["className", "asChild"]);
      var Tag = props.asChild ? Slot : tag;
      return h(Tag, Object.assign({ ref: ref, "data-slot": extra && extra.slot, className: cn(classes, props.className) },
        extra && extra.attrs, rest));
    });
  }

  var M = {}; // modules

  // ======================================================================= button, badge, toggle

  var FOCUS_RING = S("focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 ring-offset-background");

  var buttonVariants = variants(
    "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors " +
    FOCUS_RING + " disabled:pointer-events-none disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0 shrink-0 cursor-pointer",
    {
      variants: {
        variant: {
          default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary/90",
          destructive: "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive/90",
          outline: "border border-input bg-background shadow-xs hover:bg-accent hover:text-accent-foreground",
          secondary: "bg-secondary text-secondary-foreground shadow-xs hover:bg-secondary/80",
          ghost: "hover:bg-accent hover:text-accent-foreground",
          link: "text-primary underline-offset-4 hover:underline",
        },
        size: {
          default: "h-10 px-4 py-2",
          sm: "h-9 rounded-md px-3",
          lg: "h-11 rounded-md px-8",
          icon: "h-10 w-10",
          "icon-sm": "h-9 w-9",
          "icon-lg": "h-11 w-11",
        },
      },
      defaultVariants: { variant: "default", size: "default" },
    });

  var Button = comp("Button", function (props, ref) {
    var rest = omit(props, ["className", "variant", "size", "asChild"]);
    var Tag = props.asChild ? Slot : "button";
    return h(Tag, Object.assign({
      ref: ref, "data-slot": "button",
      className: buttonVariants({ variant: props.variant, size: props.size, className: props.className }),
    }, rest));
  });
  M.button = { Button: Button, buttonVariants: buttonVariants };

  var badgeVariants = variants(
    "inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-semibold w-fit whitespace-nowrap transition-colors " +
    "focus:outline-none focus:ring-2 focus:ring-ring focus:ring-offset-2 [&>svg]:size-3",
    {
      variants: {
        variant: {
          default: "border-transparent bg-primary text-primary-foreground hover:bg-primary/80",
          secondary: "border-transparent bg-secondary text-secondary-foreground hover:bg-secondary/80",
          destructive: "border-transparent bg-destructive text-destructive-foreground hover:bg-destructive/80",
          outline: "text-foreground",
        },
      },
      defaultVariants: { variant: "default" },
    });
  var Badge = comp("Badge", function (props, ref) {
    var rest = omit(props, ["className", "variant", "asChild"]);
    return h(props.asChild ? Slot : "div", Object.assign({
      ref: ref, "data-slot": "badge", className: badgeVariants({ variant: props.variant, className: props.className }),
    }, rest));
  });
  M.badge = { Badge: Badge, badgeVariants: badgeVariants };

  var toggleVariants = variants(
    "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors hover:bg-muted " +
    "hover:text-muted-foreground " + FOCUS_RING + " disabled:pointer-events-none disabled:opacity-50 " +
    "data-[state=on]:bg-accent data-[state=on]:text-accent-foreground [&_svg]:pointer-events-none [&_svg]:shrink-0 cursor-pointer",
    {
      variants: {
        variant: {
          default: "bg-transparent",
          outline: "border border-input bg-transparent shadow-xs hover:bg-accent hover:text-accent-foreground",
        },
        size: { default: "h-10 px-3 min-w-10", sm: "h-9 px-2.5 min-w-9", lg: "h-11 px-5 min-w-11" },
      },
      defaultVariants: { variant: "default", size: "default" },
    });
  var Toggle = comp("Toggle", function (props, ref) {
    var st = useControllable(props.pressed, props.defaultPressed || false, props.onPressedChange);
    var rest = omit(props, ["className", "variant", "size", "pressed", "defaultPressed", "onPressedChange", "asChild"]);
    return h(props.asChild ? Slot : "button", Object.assign({ type: "button" }, rest, {
      ref: ref, "aria-pressed": !!st[0], "data-state": st[0] ? "on" : "off", "data-disabled": props.disabled ? "" : undefined,
      className: toggleVariants({ variant: props.variant, size: props.size, className: props.className }),
      onClick: compose(props.onClick, function () { st[1](!st[0]); }),
    }));
  });
  M.toggle = { Toggle: Toggle, toggleVariants: toggleVariants };

  // toggle-group (extra)
  var ToggleGroupCtx = createContext(null);
  var ToggleGroup = comp("ToggleGroup", function (props, ref) {
    var multiple = props.type === "multiple";
    var st = useControllable(props.value, props.defaultValue !== undefined ? props.defaultValue : multiple ? [] : "", props.onValueChange);
    var rest = omit(props, ["className", "type", "value", "defaultValue", "onValueChange", "variant", "size", "rovingFocus", "loop", "orientation", "asChild", "children"]);
    var ctx = {
      multiple: multiple, variant: props.variant, size: props.size, disabled: props.disabled,
      isOn: function (v) { return multiple ? (st[0] || []).indexOf(v) >= 0 : st[0] === v; },
      toggle: function (v) {
        if (multiple) {
          var cur = st[0] || [];
          st[1](cur.indexOf(v) >= 0 ? cur.filter(function (x) { return x !== v; }) : cur.concat([v]));
        } else st[1](st[0] === v ? "" : v);
      },
    };
    return h("div", Object.assign({ role: "group", "data-slot": "toggle-group", dir: "ltr" }, rest, {
      ref: ref, className: cn(S("flex items-center justify-center gap-1"), props.className),
      onKeyDown: compose(props.onKeyDown, function (e) {
        var list = Array.prototype.filter.call(e.currentTarget.querySelectorAll("[data-toggle-group-item]"), function (b) { return !b.disabled; });
        moveFocus(e, list, { both: true, loop: true });
      }),
    }), h(ToggleGroupCtx.Provider, { value: ctx }, props.children));
  });
  var ToggleGroupItem = comp("ToggleGroupItem", function (props, ref) {
    var ctx = useContext(ToggleGroupCtx) || { isOn: function () { return false; }, toggle: function () {} };
    var on = ctx.isOn(props.value);
    var rest = omit(props, ["className", "value", "variant", "size", "asChild"]);
    var aria = ctx.multiple ? { "aria-pressed": on } : { role: "radio", "aria-checked": on };
    return h("button", Object.assign({ type: "button", disabled: ctx.disabled }, rest, aria, {
      ref: ref, "data-toggle-group-item": "", "data-state": on ? "on" : "off",
      className: toggleVariants({ variant: props.variant || ctx.variant, size: props.size || ctx.size, className: props.className }),
      onClick: compose(props.onClick, function () { ctx.toggle(props.value); }),
    }));
  });
  M["toggle-group"] = { ToggleGroup: ToggleGroup, ToggleGroupItem: ToggleGroupItem };

  // ======================================================================= simple styled components

  M.card = {
    Card: styled("Card", "div", "rounded-lg border bg-card text-card-foreground shadow-xs", { slot: "card" }),
    CardHeader: styled("CardHeader", "div", "flex flex-col gap-1.5 p-6", { slot: "card-header" }),
    CardTitle: styled("CardTitle", "div", "text-2xl font-semibold leading-none tracking-tight", { slot: "card-title" }),
    CardDescription: styled("CardDescription", "div", "text-sm text-muted-foreground", { slot: "card-description" }),
    CardAction: styled("CardAction", "div", "self-start justify-self-end", { slot: "card-action" }),
    CardContent: styled("CardContent", "div", "p-6 pt-0", { slot: "card-content" }),
    CardFooter: styled("CardFooter", "div", "flex items-center p-6 pt-0", { slot: "card-footer" }),
  };

  var alertVariants = variants(
    "relative w-full rounded-lg border px-4 py-3 text-sm [&>svg]:absolute [&>svg]:left-4 [&>svg]:top-3.5 [&>svg]:size-4 [&>svg~*]:pl-7",
    {
      variants: {
        variant: {
          default: "bg-background text-foreground [&>svg]:text-foreground",
          destructive: "border-destructive/50 text-destructive bg-background [&>svg]:text-destructive",
        },
      },
      defaultVariants: { variant: "default" },
    });
  M.alert = {
    Alert: comp("Alert", function (props, ref) {
      var rest = omit(props, ["className", "variant"]);
      return h("div", Object.assign({ ref: ref, role: "alert", "data-slot": "alert",
        className: alertVariants({ variant: props.variant, className: props.className }) }, rest));
    }),
    AlertTitle: styled("AlertTitle", "h5", "mb-1 font-medium leading-none tracking-tight", { slot: "alert-title" }),
    AlertDescription: styled("AlertDescription", "div", "text-sm [&_p]:leading-relaxed", { slot: "alert-description" }),
  };

  var INPUT_CLS = S("flex h-10 w-full rounded-md border border-input bg-background px-3 py-2 text-base md:text-sm " +
    "placeholder:text-muted-foreground " + FOCUS_RING + " disabled:cursor-not-allowed disabled:opacity-50 " +
    "file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground " +
    "aria-invalid:border-destructive");
  M.input = {
    Input: comp("Input", function (props, ref) {
      var rest = omit(props, ["className"]);
      return h("input", Object.assign({ ref: ref, "data-slot": "input", className: cn(INPUT_CLS, props.className) }, rest));
    }),
  };
  var TEXTAREA_CLS = S("flex min-h-[80px] w-full rounded-md border border-input bg-background px-3 py-2 text-base md:text-sm " +
    "placeholder:text-muted-foreground " + FOCUS_RING + " disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive");
  M.textarea = {
    Textarea: comp("Textarea", function (props, ref) {
      var rest = omit(props, ["className"]);
      return h("textarea", Object.assign({ ref: ref, "data-slot": "textarea", className: cn(TEXTAREA_CLS, props.className) }, rest));
    }),
  };

  var LABEL_CLS = S("text-sm font-medium leading-none select-none peer-disabled:cursor-not-allowed peer-disabled:opacity-70");
  M.label = {
    Label: comp("Label", function (props, ref) {
      var rest = omit(props, ["className", "asChild"]);
      return h(props.asChild ? Slot : "label", Object.assign({ ref: ref, "data-slot": "label" }, rest, {
        className: cn(LABEL_CLS, props.className),
        onMouseDown: function (e) {
          if (props.onMouseDown) props.onMouseDown(e);
          // no text selection on double click, like Radix's Label
          if (!e.defaultPrevented && e.detail > 1 && !e.target.closest("button, input, select, textarea")) e.preventDefault();
        },
      }));
    }),
  };

  M.separator = {
    Separator: comp("Separator", function (props, ref) {
      var orientation = props.orientation || "horizontal";
      var decorative = props.decorative !== false;
      var rest = omit(props, ["className", "orientation", "decorative", "asChild"]);
      var a11y = decorative ? { role: "none" } : { role: "separator", "aria-orientation": orientation === "vertical" ? "vertical" : undefined };
      return h("div", Object.assign({ ref: ref, "data-slot": "separator", "data-orientation": orientation }, a11y, rest, {
        className: cn(S("shrink-0 bg-border"), orientation === "horizontal" ? S("h-px w-full") : S("h-full w-px"), props.className),
      }));
    }),
  };

  M.skeleton = { Skeleton: styled("Skeleton", "div", "animate-pulse rounded-md bg-muted", { slot: "skeleton" }) };

  M.table = {
    Table: comp("Table", function (props, ref) {
      var rest = omit(props, ["className"]);
      return h("div", { className: S("relative w-full overflow-auto"), "data-slot": "table-container" },
        h("table", Object.assign({ ref: ref, "data-slot": "table", className: cn(S("w-full caption-bottom text-sm"), props.className) }, rest)));
    }),
    TableHeader: styled("TableHeader", "thead", "[&_tr]:border-b", { slot: "table-header" }),
    TableBody: styled("TableBody", "tbody", "[&_tr:last-child]:border-0", { slot: "table-body" }),
    TableFooter: styled("TableFooter", "tfoot", "border-t bg-muted/50 font-medium [&>tr]:last:border-b-0", { slot: "table-footer" }),
    TableRow: styled("TableRow", "tr", "border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted", { slot: "table-row" }),
    TableHead: styled("TableHead", "th", "h-12 px-4 text-left align-middle font-medium text-muted-foreground [&:has([role=checkbox])]:pr-0", { slot: "table-head" }),
    TableCell: styled("TableCell", "td", "p-4 align-middle [&:has([role=checkbox])]:pr-0", { slot: "table-cell" }),
    TableCaption: styled("TableCaption", "caption", "mt-4 text-sm text-muted-foreground", { slot: "table-caption" }),
  };

  // ======================================================================= avatar

  var AvatarCtx = createContext(null);
  M.avatar = {
    Avatar: comp("Avatar", function (props, ref) {
      var st = useState("idle");
      var rest = omit(props, ["className"]);
      return h(AvatarCtx.Provider, { value: { status: st[0], setStatus: st[1] } },
        h("span", Object.assign({ ref: ref, "data-slot": "avatar" }, rest, {
          className: cn(S("relative flex size-10 shrink-0 overflow-hidden rounded-full"), props.className),
        })));
    }),
    AvatarImage: comp("AvatarImage", function (props, ref) {
      var ctx = useContext(AvatarCtx) || { status: "loaded", setStatus: function () {} };
      var src = props.src;
      var setStatus = ctx.setStatus;
      var onStatus = props.onLoadingStatusChange;
      useLayoutEffect(function () {
        if (!src) { setStatus("error"); return undefined; }
        var alive = true;
        var img = new window.Image();
        var done = function (s) { return function () { if (alive) { setStatus(s); if (onStatus) onStatus(s); } }; };
        setStatus("loading");
        img.onload = done("loaded");
        img.onerror = done("error");
        img.src = src;
        return function () { alive = false; };
      }, [src]);
      if (ctx.status !== "loaded") return null;
      var rest = omit(props, ["className", "onLoadingStatusChange"]);
      return h("img", Object.assign({ ref: ref, "data-slot": "avatar-image" }, rest, {
        className: cn(S("aspect-square size-full object-cover"), props.className),
      }));
    }),
    AvatarFallback: comp("AvatarFallback", function (props, ref) {
      var ctx = useContext(AvatarCtx) || { status: "error" };
      var delay = props.delayMs;
      var st = useState(delay === undefined);
      useEffect(function () {
        if (delay === undefined) return undefined;
        var t = setTimeout(function () { st[1](true); }, delay);
        return function () { clearTimeout(t); };
      }, [delay]);
      if (ctx.status === "loaded" || !st[0]) return null;
      var rest = omit(props, ["className", "delayMs"]);
      return h("span", Object.assign({ ref: ref, "data-slot": "avatar-fallback" }, rest, {
        className: cn(S("flex size-full items-center justify-center rounded-full bg-muted"), props.className),
      }));
    }),
  };

  // ======================================================================= checkbox, switch, radio group

  function HiddenInput(props) {
    if (!props.name) return null;
    return h("input", {
      type: props.type, "aria-hidden": "true", tabIndex: -1, name: props.name, value: props.value,
      checked: props.checked, required: props.required, disabled: props.disabled, readOnly: true,
      style: { position: "absolute", pointerEvents: "none", opacity: 0, margin: 0, width: 1, height: 1, transform: "translateX(-100%)" },
    });
  }

  var CHECKBOX_CLS = S("peer size-4 shrink-0 rounded-[4px] border border-primary shadow-xs " + FOCUS_RING +
    " disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground " +
    "data-[state=indeterminate]:bg-primary data-[state=indeterminate]:text-primary-foreground inline-flex items-center justify-center cursor-pointer");
  M.checkbox = {
    Checkbox: comp("Checkbox", function (props, ref) {
      var st = useControllable(props.checked, props.defaultChecked || false, props.onCheckedChange);
      var checked = st[0];
      var state = checked === "indeterminate" ? "indeterminate" : checked ? "checked" : "unchecked";
      var rest = omit(props, ["className", "checked", "defaultChecked", "onCheckedChange", "required", "name", "value", "asChild", "children"]);
      return h(React.Fragment, null,
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, role: "checkbox", "data-slot": "checkbox",
          "aria-checked": checked === "indeterminate" ? "mixed" : !!checked, "aria-required": props.required,
          "data-state": state, "data-disabled": props.disabled ? "" : undefined, value: props.value || "on",
          className: cn(CHECKBOX_CLS, props.className),
          onKeyDown: compose(props.onKeyDown, function (e) { if (e.key === "Enter") e.preventDefault(); }),
          onClick: compose(props.onClick, function () { st[1](checked === "indeterminate" ? true : !checked); }),
        }), state !== "unchecked" ? h("span", {
          "data-state": state, "data-slot": "checkbox-indicator", className: S("flex items-center justify-center text-current pointer-events-none"),
        }, state === "indeterminate" ? h(MinusIcon, { className: S("size-3.5") }) : h(CheckIcon, { className: S("size-3.5"), strokeWidth: 3 })) : null),
        h(HiddenInput, { type: "checkbox", name: props.name, value: props.value || "on", checked: checked === true, required: props.required, disabled: props.disabled }));
    }),
  };

  var SWITCH_CLS = S("peer inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent " +
    "transition-colors " + FOCUS_RING + " disabled:cursor-not-allowed disabled:opacity-50 " +
    "data-[state=checked]:bg-primary data-[state=unchecked]:bg-input");
  var THUMB_CLS = S("pointer-events-none block size-5 rounded-full bg-background shadow-lg ring-0 transition-transform " +
    "data-[state=checked]:translate-x-5 data-[state=unchecked]:translate-x-0");
  M.switch = {
    Switch: comp("Switch", function (props, ref) {
      var st = useControllable(props.checked, props.defaultChecked || false, props.onCheckedChange);
      var on = !!st[0];
      var rest = omit(props, ["className", "checked", "defaultChecked", "onCheckedChange", "required", "name", "value", "asChild", "children", "thumbClassName"]);
      return h(React.Fragment, null,
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, role: "switch", "aria-checked": on, "aria-required": props.required, "data-slot": "switch",
          "data-state": on ? "checked" : "unchecked", "data-disabled": props.disabled ? "" : undefined, value: props.value || "on",
          className: cn(SWITCH_CLS, props.className),
          onClick: compose(props.onClick, function () { st[1](!on); }),
        }), h("span", { "data-state": on ? "checked" : "unchecked", "data-slot": "switch-thumb", className: cn(THUMB_CLS, props.thumbClassName) })),
        h(HiddenInput, { type: "checkbox", name: props.name, value: props.value || "on", checked: on, required: props.required, disabled: props.disabled }));
    }),
  };

  var RadioCtx = createContext(null);
  M["radio-group"] = {
    RadioGroup: comp("RadioGroup", function (props, ref) {
      var st = useControllable(props.value, props.defaultValue, props.onValueChange);
      var rest = omit(props, ["className", "value", "defaultValue", "onValueChange", "name", "required", "orientation", "loop", "dir", "asChild", "children"]);
      var ctx = { value: st[0], setValue: st[1], name: props.name, disabled: props.disabled, required: props.required };
      return h("div", Object.assign({ role: "radiogroup", "aria-required": props.required, "aria-orientation": props.orientation, "data-slot": "radio-group" }, rest, {
        ref: ref, className: cn(S("grid gap-2"), props.className), "data-disabled": props.disabled ? "" : undefined,
        onKeyDown: compose(props.onKeyDown, function (e) {
          var list = Array.prototype.filter.call(e.currentTarget.querySelectorAll("[role=radio]"), function (b) { return !b.disabled; });
          var moved = moveFocus(e, list, { both: true, loop: props.loop !== false });
          if (moved && moved !== true) moved.click();
        }),
      }), h(RadioCtx.Provider, { value: ctx }, props.children));
    }),
    RadioGroupItem: comp("RadioGroupItem", function (props, ref) {
      var ctx = useContext(RadioCtx) || { value: undefined, setValue: function () {} };
      var checked = ctx.value !== undefined && ctx.value === props.value;
      var disabled = props.disabled || ctx.disabled;
      var rest = omit(props, ["className", "value", "asChild", "children"]);
      return h(React.Fragment, null,
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, role: "radio", "aria-checked": checked, "data-state": checked ? "checked" : "unchecked", "data-slot": "radio-group-item",
          disabled: disabled, "data-disabled": disabled ? "" : undefined, value: props.value,
          tabIndex: checked || ctx.value === undefined || ctx.value === "" ? 0 : -1,
          className: cn(S("aspect-square size-4 shrink-0 rounded-full border border-primary text-primary shadow-xs inline-flex items-center justify-center cursor-pointer " +
            FOCUS_RING + " disabled:cursor-not-allowed disabled:opacity-50"), props.className),
          onKeyDown: compose(props.onKeyDown, function (e) { if (e.key === "Enter") e.preventDefault(); }),
          onClick: compose(props.onClick, function () { ctx.setValue(props.value); }),
        }), checked ? h("span", { "data-state": "checked", className: S("flex items-center justify-center") },
          h(DotIcon, { className: S("size-2.5 text-current") })) : null),
        h(HiddenInput, { type: "radio", name: ctx.name, value: props.value, checked: checked, required: ctx.required, disabled: disabled }));
    }),
  };

  // ======================================================================= progress, slider

  M.progress = {
    Progress: comp("Progress", function (props, ref) {
      var max = props.max > 0 ? props.max : 100;
      var value = typeof props.value === "number" && isFinite(props.value) ? Math.min(Math.max(props.value, 0), max) : null;
      var state = value == null ? "indeterminate" : value === max ? "complete" : "loading";
      var rest = omit(props, ["className", "value", "max", "getValueLabel", "indicatorClassName", "asChild"]);
      var pct = value == null ? 0 : (value / max) * 100;
      return h("div", Object.assign({
        role: "progressbar", "aria-valuemin": 0, "aria-valuemax": max, "aria-valuenow": value == null ? undefined : value,
        "aria-valuetext": value == null ? undefined : Math.round(pct) + "%", "data-state": state,
        "data-value": value == null ? undefined : value, "data-max": max, "data-slot": "progress",
      }, rest, {
        ref: ref, className: cn(S("relative h-4 w-full overflow-hidden rounded-full bg-secondary"), props.className),
      }), h("div", {
        "data-state": state, "data-slot": "progress-indicator",
        className: cn(S("h-full w-full flex-1 bg-primary transition-all"), props.indicatorClassName),
        style: { transform: "translateX(-" + (100 - pct) + "%)" },
      }));
    }),
  };

  function roundToStep(v, step, min) {
    var decimals = (String(step).split(".")[1] || "").length;
    var r = Math.round((v - min) / step) * step + min;
    return Number(r.toFixed(decimals));
  }
  var SliderThumb = comp("SliderThumb", function (props, ref) {
    return h("span", Object.assign({ ref: ref }, props));
  });
  M.slider = {
    Slider: comp("Slider", function (props, ref) {
      var min = props.min == null ? 0 : props.min;
      var max = props.max == null ? 100 : props.max;
      var step = props.step > 0 ? props.step : 1;
      var vertical = props.orientation === "vertical";
      var inverted = !!props.inverted;
      var st = useControllable(props.value, props.defaultValue || [min], props.onValueChange);
      var values = Array.isArray(st[0]) ? st[0] : [st[0]];
      var rootRef = useRef(null);
      var thumbsRef = useRef([]);
      var drag = useRef({ index: -1, start: null });
      var sizeSt = useState(20);
      var thumbSize = sizeSt[0];
      var disabled = !!props.disabled;
      var onCommit = props.onValueCommit;

      useLayoutEffect(function () {
        var t = thumbsRef.current[0];
        if (t) {
          var s = vertical ? t.offsetHeight : t.offsetWidth;
          if (s && s !== thumbSize) sizeSt[1](s);
        }
      });

      function pct(v) { return max === min ? 0 : ((v - min) / (max - min)) * 100; }
      function update(index, raw, commit) {
        var v = Math.min(max, Math.max(min, roundToStep(raw, step, min)));
        var lo = index > 0 ? values[index - 1] : min;
        var hi = index < values.length - 1 ? values[index + 1] : max;
        v = Math.min(hi, Math.max(lo, v));
        if (v === values[index]) return;
        var next = values.slice();
        next[index] = v;
        st[1](next);
        if (commit && onCommit) onCommit(next);
        return next;
      }
      function valueFromPointer(e) {
        var r = rootRef.current.getBoundingClientRect();
        var ratio = vertical ? (r.bottom - e.clientY) / r.height : (e.clientX - r.left) / r.width;
        if (inverted) ratio = 1 - ratio;
        return min + Math.min(1, Math.max(0, ratio)) * (max - min);
      }
      function onPointerDown(e) {
        if (props.onPointerDown) props.onPointerDown(e);
        if (disabled || e.button !== 0 || e.defaultPrevented) return;
        var v = valueFromPointer(e);
        var best = 0;
        values.forEach(function (x, i) { if (Math.abs(x - v) < Math.abs(values[best] - v)) best = i; });
        drag.current = { index: best, start: values.slice() };
        try { e.currentTarget.setPointerCapture(e.pointerId); } catch (err) { /* ignore */ }
        e.preventDefault();
        update(best, v, false);
        focusEl(thumbsRef.current[best]);
      }
      function onPointerMove(e) {
        if (props.onPointerMove) props.onPointerMove(e);
        if (drag.current.index < 0) return;
        update(drag.current.index, valueFromPointer(e), false);
      }
      function onPointerUp(e) {
        if (props.onPointerUp) props.onPointerUp(e);
        if (drag.current.index < 0) return;
        drag.current.index = -1;
        try { e.currentTarget.releasePointerCapture(e.pointerId); } catch (err) { /* ignore */ }
        if (onCommit) onCommit(st[0]);
      }
      function onKeyDown(index) {
        return function (e) {
          if (disabled) return;
          var big = step * 10;
          var v = values[index];
          var inc = inverted ? -1 : 1;
          var next;
          switch (e.key) {
            case "ArrowRight": case "ArrowUp": next = v + (e.shiftKey ? big : step) * (e.key === "ArrowRight" || !vertical ? inc : 1); break;
            case "ArrowLeft": case "ArrowDown": next = v - (e.shiftKey ? big : step) * (e.key === "ArrowLeft" || !vertical ? inc : 1); break;
            case "PageUp": next = v + big; break;
            case "PageDown": next = v - big; break;
            case "Home": next = min; break;
            case "End": next = max; break;
            default: return;
          }
          e.preventDefault();
          update(index, next, true);
        };
      }

      var rest = omit(props, ["className", "value", "defaultValue", "onValueChange", "onValueCommit", "min", "max", "step",
        "orientation", "inverted", "minStepsBetweenThumbs", "name", "dir", "asChild", "onPointerDown", "onPointerMove", "onPointerUp",
        "form", "rangeClassName", "thumbClassName", "trackClassName"]);
      var lo = values.length > 1 ? pct(Math.min.apply(null, values)) : 0;
      var hi = pct(Math.max.apply(null, values));
      var rangeStyle = vertical ? { bottom: lo + "%", top: (100 - hi) + "%" } : { left: lo + "%", right: (100 - hi) + "%" };
      if (inverted) rangeStyle = vertical ? { top: lo + "%", bottom: (100 - hi) + "%" } : { right: lo + "%", left: (100 - hi) + "%" };
      var orient = vertical ? "vertical" : "horizontal";
      return h("span", Object.assign({ "data-slot": "slider", dir: "ltr" }, rest, {
        ref: useRefs(ref, rootRef), "data-orientation": orient, "data-disabled": disabled ? "" : undefined, "aria-disabled": disabled || undefined,
        className: cn(S("relative flex w-full touch-none select-none items-center data-[disabled]:opacity-50"),
          vertical && S("h-full min-h-44 w-auto flex-col"), props.className),
        onPointerDown: onPointerDown, onPointerMove: onPointerMove, onPointerUp: onPointerUp,
        style: Object.assign({ touchAction: "none" }, props.style),
      }),
      h("span", { "data-slot": "slider-track", "data-orientation": orient,
        className: cn(S("relative grow overflow-hidden rounded-full bg-secondary"), vertical ? S("h-full w-2") : S("h-2 w-full"), props.trackClassName) },
      h("span", { "data-slot": "slider-range", "data-orientation": orient, className: cn(S("absolute bg-primary"), vertical ? S("w-full") : S("h-full"), props.rangeClassName), style: rangeStyle })),
      values.map(function (v, i) {
        var p = pct(inverted ? max - v + min : v);
        var offset = (thumbSize / 2) * (1 - p / 50);
        var pos = "calc(" + p + "% + " + offset + "px)";
        var wrapStyle = vertical
          ? { position: "absolute", bottom: pos, transform: "translateY(50%)" }
          : { position: "absolute", left: pos, transform: "translateX(-50%)" };
        return h("span", { key: i, style: wrapStyle },
          h(SliderThumb, {
            ref: function (el) { thumbsRef.current[i] = el; },
            role: "slider", tabIndex: disabled ? -1 : 0, "aria-valuemin": min, "aria-valuemax": max, "aria-valuenow": v,
            "aria-orientation": orient, "aria-label": props["aria-label"] && values.length === 1 ? props["aria-label"] : undefined,
            "aria-disabled": disabled || undefined, "data-orientation": orient, "data-disabled": disabled ? "" : undefined, "data-slot": "slider-thumb",
            className: cn(S("block size-5 rounded-full border-2 border-primary bg-background shadow-sm transition-colors cursor-grab " + FOCUS_RING +
              " disabled:pointer-events-none"), props.thumbClassName),
            onKeyDown: onKeyDown(i),
          }),
          props.name ? h("input", { type: "hidden", name: values.length > 1 ? props.name + "[]" : props.name, value: v }) : null);
      }));
    }),
  };

  // ======================================================================= tabs

  var TabsCtx = createContext(null);
  M.tabs = {
    Tabs: comp("Tabs", function (props, ref) {
      var st = useControllable(props.value, props.defaultValue, props.onValueChange);
      var id = useId();
      var orientation = props.orientation || "horizontal";
      var rest = omit(props, ["className", "value", "defaultValue", "onValueChange", "orientation", "activationMode", "dir", "asChild", "children"]);
      var ctx = { value: st[0], setValue: st[1], id: id, orientation: orientation, manual: props.activationMode === "manual" };
      return h("div", Object.assign({ "data-slot": "tabs", "data-orientation": orientation, dir: props.dir }, rest, {
        ref: ref, className: cn(props.className),
      }), h(TabsCtx.Provider, { value: ctx }, props.children));
    }),
    TabsList: comp("TabsList", function (props, ref) {
      var ctx = useContext(TabsCtx) || {};
      var rest = omit(props, ["className", "loop", "asChild"]);
      return h("div", Object.assign({ role: "tablist", "aria-orientation": ctx.orientation, "data-orientation": ctx.orientation, "data-slot": "tabs-list" }, rest, {
        ref: ref,
        className: cn(S("inline-flex h-10 items-center justify-center rounded-md bg-muted p-1 text-muted-foreground"), props.className),
        onKeyDown: compose(props.onKeyDown, function (e) {
          var list = Array.prototype.filter.call(e.currentTarget.querySelectorAll("[role=tab]"), function (t) { return !t.disabled; });
          moveFocus(e, list, { vertical: ctx.orientation === "vertical", loop: props.loop !== false });
        }),
      }));
    }),
    TabsTrigger: comp("TabsTrigger", function (props, ref) {
      var ctx = useContext(TabsCtx) || { setValue: function () {} };
      var selected = ctx.value === props.value;
      var rest = omit(props, ["className", "value", "asChild"]);
      var select = function () { if (!props.disabled) ctx.setValue(props.value); };
      return h(props.asChild ? Slot : "button", Object.assign({ type: "button" }, rest, {
        ref: ref, role: "tab", "aria-selected": selected, "aria-controls": ctx.id + "-content-" + sanitize(props.value),
        id: ctx.id + "-trigger-" + sanitize(props.value), "data-state": selected ? "active" : "inactive",
        "data-disabled": props.disabled ? "" : undefined, "data-orientation": ctx.orientation, "data-slot": "tabs-trigger",
        tabIndex: selected || ctx.value === undefined || ctx.value === null ? 0 : -1,
        className: cn(S("inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-sm px-3 py-1.5 text-sm font-medium transition-all cursor-pointer " +
          FOCUS_RING + " disabled:pointer-events-none disabled:opacity-50 data-[state=active]:bg-background " +
          "data-[state=active]:text-foreground data-[state=active]:shadow-xs [&_svg]:shrink-0 [&_svg]:pointer-events-none"), props.className),
        onMouseDown: compose(props.onMouseDown, function (e) { if (e.button === 0 && !e.ctrlKey) select(); }),
        onKeyDown: compose(props.onKeyDown, function (e) { if (e.key === "Enter" || e.key === " ") select(); }),
        onFocus: compose(props.onFocus, function () { if (!ctx.manual && !selected) select(); }),
        onClick: compose(props.onClick, select),
      }));
    }),
    TabsContent: comp("TabsContent", function (props, ref) {
      var ctx = useContext(TabsCtx) || {};
      var selected = ctx.value === props.value;
      if (!selected && !props.forceMount) return null;
      var rest = omit(props, ["className", "value", "forceMount", "asChild"]);
      return h("div", Object.assign({
        role: "tabpanel", "aria-labelledby": ctx.id + "-trigger-" + sanitize(props.value), id: ctx.id + "-content-" + sanitize(props.value),
        tabIndex: 0, hidden: !selected, "data-state": selected ? "active" : "inactive", "data-orientation": ctx.orientation, "data-slot": "tabs-content",
      }, rest, {
        ref: ref, className: cn(S("mt-2 ring-offset-background focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"), props.className),
      }));
    }),
  };

  // ======================================================================= accordion, collapsible

  var AccordionCtx = createContext(null);
  var AccordionItemCtx = createContext(null);
  M.accordion = {
    Accordion: comp("Accordion", function (props, ref) {
      var multiple = props.type === "multiple";
      var st = useControllable(props.value, props.defaultValue !== undefined ? props.defaultValue : multiple ? [] : "", props.onValueChange);
      var cur = st[0];
      var ctx = {
        disabled: props.disabled, orientation: props.orientation || "vertical",
        isOpen: function (v) { return multiple ? (cur || []).indexOf(v) >= 0 : cur === v; },
        toggle: function (v) {
          if (multiple) {
            var list = cur || [];
            st[1](list.indexOf(v) >= 0 ? list.filter(function (x) { return x !== v; }) : list.concat([v]));
          } else if (cur === v) {
            if (props.collapsible) st[1]("");
          } else st[1](v);
        },
        canClose: multiple || !!props.collapsible,
      };
      var rest = omit(props, ["className", "type", "value", "defaultValue", "onValueChange", "collapsible", "orientation", "dir", "asChild", "children", "disabled"]);
      return h("div", Object.assign({ "data-slot": "accordion", "data-orientation": ctx.orientation }, rest, {
        ref: ref, className: cn(props.className),
        onKeyDown: compose(props.onKeyDown, function (e) {
          if (!e.target.hasAttribute || !e.target.hasAttribute("data-accordion-trigger")) return;
          var root = e.currentTarget;
          var list = Array.prototype.filter.call(root.querySelectorAll("[data-accordion-trigger]"), function (t) {
            return !t.disabled && t.closest("[data-slot=accordion]") === root;
          });
          moveFocus(e, list, { vertical: true, loop: true });
        }),
      }), h(AccordionCtx.Provider, { value: ctx }, props.children));
    }),
    AccordionItem: comp("AccordionItem", function (props, ref) {
      var ctx = useContext(AccordionCtx) || { isOpen: function () { return false; }, toggle: function () {} };
      var open = ctx.isOpen(props.value);
      var id = useId();
      var disabled = props.disabled || ctx.disabled;
      var rest = omit(props, ["className", "value", "disabled", "asChild"]);
      var item = { open: open, value: props.value, id: id, disabled: disabled, toggle: function () { ctx.toggle(props.value); }, locked: open && !ctx.canClose };
      return h(AccordionItemCtx.Provider, { value: item },
        h("div", Object.assign({ "data-slot": "accordion-item", "data-state": dataState(open), "data-disabled": disabled ? "" : undefined }, rest, {
          ref: ref, className: cn(S("border-b"), props.className),
        })));
    }),
    AccordionTrigger: comp("AccordionTrigger", function (props, ref) {
      var item = useContext(AccordionItemCtx) || { toggle: function () {} };
      var rest = omit(props, ["className", "children", "asChild"]);
      return h("h3", { className: S("flex"), "data-state": dataState(item.open) },
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, id: item.id + "-trigger", "aria-controls": item.id + "-content", "aria-expanded": !!item.open,
          "aria-disabled": item.locked || undefined, disabled: item.disabled,
          "data-state": dataState(item.open), "data-accordion-trigger": "", "data-slot": "accordion-trigger",
          className: cn(S("flex flex-1 items-center justify-between gap-4 py-4 text-left text-sm font-medium transition-all hover:underline cursor-pointer " +
            FOCUS_RING + " disabled:pointer-events-none disabled:opacity-50 [&[data-state=open]>svg]:rotate-180"), props.className),
          onClick: compose(props.onClick, item.toggle),
        }), props.children, h(ChevronDownIcon, { className: S("size-4 shrink-0 text-muted-foreground transition-transform duration-200 pointer-events-none") })));
    }),
    AccordionContent: comp("AccordionContent", function (props, ref) {
      var item = useContext(AccordionItemCtx) || {};
      var inner = useRef(null);
      var mounted = useRef(false);
      useLayoutEffect(function () {
        var el = inner.current;
        if (el && item.open) el.style.setProperty("--radix-accordion-content-height", el.scrollHeight + "px");
      });
      useEffect(function () { mounted.current = true; }, []);
      var refs = useRefs(ref, inner);
      if (!item.open && !props.forceMount) return null;
      var rest = omit(props, ["className", "children", "forceMount", "asChild"]);
      return h("div", Object.assign({
        role: "region", id: item.id + "-content", "aria-labelledby": item.id + "-trigger", "data-state": dataState(item.open),
        hidden: !item.open, "data-slot": "accordion-content", "data-ui-anim": mounted.current ? "accordion" : undefined,
      }, rest, { ref: refs, className: S("overflow-hidden text-sm") }),
      h("div", { className: cn(S("pb-4 pt-0"), props.className) }, props.children));
    }),
  };

  var CollapsibleCtx = createContext(null);
  M.collapsible = {
    Collapsible: comp("Collapsible", function (props, ref) {
      var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
      var id = useId();
      var rest = omit(props, ["open", "defaultOpen", "onOpenChange", "asChild", "children"]);
      return h(CollapsibleCtx.Provider, { value: { open: st[0], setOpen: st[1], id: id, disabled: props.disabled } },
        h(props.asChild ? Slot : "div", Object.assign({ "data-slot": "collapsible", "data-state": dataState(st[0]) }, rest, { ref: ref }), props.children));
    }),
    CollapsibleTrigger: comp("CollapsibleTrigger", function (props, ref) {
      var c = useContext(CollapsibleCtx) || { setOpen: function () {} };
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
        ref: ref, "aria-controls": c.id, "aria-expanded": !!c.open, "data-state": dataState(c.open), disabled: c.disabled || props.disabled,
        onClick: compose(props.onClick, function () { c.setOpen(!c.open); }),
      }));
    }),
    CollapsibleContent: comp("CollapsibleContent", function (props, ref) {
      var c = useContext(CollapsibleCtx) || {};
      if (!c.open && !props.forceMount) return null;
      var rest = omit(props, ["forceMount", "asChild"]);
      return h("div", Object.assign({ id: c.id, "data-state": dataState(c.open), hidden: !c.open, "data-slot": "collapsible-content" }, rest, { ref: ref }));
    }),
  };

  // ======================================================================= dialog, alert-dialog, sheet

  function makeDialogFamily(kind) {
    var Ctx = createContext(null);
    var alert = kind === "alert";

    function Root(props) {
      var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
      var id = useId();
      var triggerRef = useRef(null);
      var ctx = useMemo(function () {
        return { open: !!st[0], setOpen: st[1], id: id, triggerRef: triggerRef, modal: props.modal !== false };
      }, [st[0], st[1], id, props.modal]);
      return h(Ctx.Provider, { value: ctx }, props.children);
    }

    var Trigger = comp("Trigger", function (props, ref) {
      var c = useContext(Ctx);
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
        ref: useRefs(ref, c.triggerRef), "aria-haspopup": "dialog", "aria-expanded": c.open, "aria-controls": c.open ? c.id + "-content" : undefined,
        "data-state": dataState(c.open), onClick: compose(props.onClick, function () { c.setOpen(true); }),
      }));
    });

    function DPortal(props) {
      var c = useContext(Ctx);
      if (!c || (!c.open && !props.forceMount)) return null;
      return h(Portal, { container: props.container }, props.children);
    }

    var OVERLAY = S("fixed inset-0 z-50 bg-black/80");
    var Overlay = comp("Overlay", function (props, ref) {
      var c = useContext(Ctx);
      if (c && !c.open && !props.forceMount) return null;
      var rest = omit(props, ["className", "forceMount", "asChild"]);
      return h("div", Object.assign({ "data-state": dataState(c ? c.open : true), "data-ui-anim": "fade", "aria-hidden": "true" }, rest, {
        ref: ref, className: cn(OVERLAY, props.className),
      }));
    });

    var Close = comp("Close", function (props, ref) {
      var c = useContext(Ctx);
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
        ref: ref, onClick: compose(props.onClick, function () { c.setOpen(false); }),
      }));
    });

    var CONTENT = {
      dialog: S("fixed left-[50%] top-[50%] z-50 grid w-full max-w-lg translate-x-[-50%] translate-y-[-50%] gap-4 border bg-background p-6 shadow-lg rounded-lg max-h-[calc(100vh-2rem)] overflow-y-auto"),
      alert: S("fixed left-[50%] top-[50%] z-50 grid w-full max-w-lg translate-x-[-50%] translate-y-[-50%] gap-4 border bg-background p-6 shadow-lg rounded-lg"),
      sheet: S("fixed z-50 flex flex-col gap-4 bg-background p-6 shadow-lg overflow-y-auto"),
    }[kind];
    var SIDE = {
      top: S("inset-x-0 top-0 border-b"),
      bottom: S("inset-x-0 bottom-0 border-t"),
      left: S("inset-y-0 left-0 h-full w-3/4 border-r sm:max-w-sm"),
      right: S("inset-y-0 right-0 h-full w-3/4 border-l sm:max-w-sm"),
    };
    var CLOSE_X = S("absolute right-4 top-4 rounded-sm opacity-70 ring-offset-background transition-opacity hover:opacity-100 " +
      "focus:outline-none focus:ring-2 focus:ring-ring focus:ring-offset-2 disabled:pointer-events-none cursor-pointer");

    function ContentInner(props) {
      var c = props.ctx;
      var contentRef = useRef(null);
      useScrollLock(c.modal);
      useLayer(true, {
        nodes: function () { return [contentRef.current]; },
        onEscape: function (e) { if (allowed(props.onEscapeKeyDown, e)) c.setOpen(false); },
        onOutside: function (e) {
          if (alert) { if (props.onPointerDownOutside) props.onPointerDownOutside(e); return; }
          if (allowed(props.onPointerDownOutside, e) && allowed(props.onInteractOutside, e)) c.setOpen(false);
        },
      });
      useFocusOnMount(contentRef, {
        onOpenAutoFocus: props.onOpenAutoFocus, onCloseAutoFocus: props.onCloseAutoFocus, returnTo: c.triggerRef,
        pick: function (el) { return (alert && el.querySelector("[data-alert-dialog-cancel]")) || tabbables(el).filter(function (t) { return !t.hasAttribute("data-dialog-close-x"); })[0] || tabbables(el)[0]; },
      });
      var rest = omit(props, POPPER_PROPS.concat(["ctx", "className", "children", "side", "showCloseButton", "innerRef", "hideClose"]));
      var classes = cn(CONTENT, kind === "sheet" && SIDE[props.side || "right"], props.className);
      var showX = !alert && props.showCloseButton !== false && !props.hideClose;
      return h("div", Object.assign({
        role: alert ? "alertdialog" : "dialog", "aria-modal": c.modal ? "true" : undefined, id: c.id + "-content",
        "aria-labelledby": c.id + "-title", "aria-describedby": c.id + "-description", tabIndex: -1,
        "data-state": "open", "data-slot": alert ? "alert-dialog-content" : kind + "-content",
        "data-ui-anim": kind === "sheet" ? "fade" : "dialog",
      }, rest, {
        ref: useRefs(props.innerRef, contentRef), className: classes,
        onKeyDown: compose(props.onKeyDown, function (e) { trapTab(e, contentRef.current); }),
      }), props.children, showX ? h("button", {
        type: "button", className: CLOSE_X, "data-dialog-close-x": "", onClick: function () { c.setOpen(false); },
      }, h(XIcon, { className: S("size-4") }), h("span", { className: S("sr-only") }, "Close")) : null);
    }

    var Content = comp("Content", function (props, ref) {
      var c = useContext(Ctx);
      if (!c.open && !props.forceMount) return null;
      return h(Portal, { container: props.container },
        h(Overlay, null),
        h(ContentInner, Object.assign({}, props, { ctx: c, innerRef: ref })));
    });

    var HEADER = { dialog: "flex flex-col gap-1.5 text-center sm:text-left", alert: "flex flex-col gap-2 text-center sm:text-left", sheet: "flex flex-col gap-2 text-center sm:text-left" }[kind];
    var FOOTER = "flex flex-col-reverse gap-2 sm:flex-row sm:justify-end" + (kind === "sheet" ? " mt-auto" : "");
    var Header = styled("Header", "div", HEADER);
    var Footer = styled("Footer", "div", FOOTER);
    var TITLE = S(kind === "sheet" ? "text-lg font-semibold text-foreground" : "text-lg font-semibold leading-none tracking-tight");
    var Title = comp("Title", function (props, ref) {
      var c = useContext(Ctx);
      var rest = omit(props, ["className", "asChild"]);
      return h(props.asChild ? Slot : "h2", Object.assign({ id: c ? c.id + "-title" : undefined }, rest, { ref: ref, className: cn(TITLE, props.className) }));
    });
    var Description = comp("Description", function (props, ref) {
      var c = useContext(Ctx);
      var rest = omit(props, ["className", "asChild"]);
      return h(props.asChild ? Slot : "p", Object.assign({ id: c ? c.id + "-description" : undefined }, rest, {
        ref: ref, className: cn(S("text-sm text-muted-foreground"), props.className),
      }));
    });
    var Action = comp("Action", function (props, ref) {
      var c = useContext(Ctx);
      var rest = omit(props, ["className", "asChild", "variant", "size"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: "button" }, rest, {
        ref: ref, className: buttonVariants({ variant: props.variant, size: props.size, className: props.className }),
        onClick: compose(props.onClick, function () { c.setOpen(false); }),
      }));
    });
    var Cancel = comp("Cancel", function (props, ref) {
      var c = useContext(Ctx);
      var rest = omit(props, ["className", "asChild", "variant", "size"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: "button", "data-alert-dialog-cancel": "" }, rest, {
        ref: ref, className: buttonVariants({ variant: props.variant || "outline", size: props.size, className: cn(S("mt-2 sm:mt-0"), props.className) }),
        onClick: compose(props.onClick, function () { c.setOpen(false); }),
      }));
    });
    return { Root: Root, Trigger: Trigger, Portal: DPortal, Overlay: Overlay, Close: Close, Content: Content,
      Header: Header, Footer: Footer, Title: Title, Description: Description, Action: Action, Cancel: Cancel };
  }

  function named(prefix, family, names) {
    var out = {};
    names.forEach(function (n) {
      var C = family[n === "" ? "Root" : n];
      if (C) C.displayName = prefix + n;
      out[prefix + n] = C;
    });
    return out;
  }
  var D = makeDialogFamily("dialog");
  M.dialog = named("Dialog", D, ["", "Portal", "Overlay", "Close", "Trigger", "Content", "Header", "Footer", "Title", "Description"]);
  var AD = makeDialogFamily("alert");
  M["alert-dialog"] = named("AlertDialog", AD, ["", "Portal", "Overlay", "Trigger", "Content", "Header", "Footer", "Title", "Description", "Action", "Cancel"]);
  var SH = makeDialogFamily("sheet");
  M.sheet = named("Sheet", SH, ["", "Portal", "Overlay", "Trigger", "Close", "Content", "Header", "Footer", "Title", "Description"]);

  // ======================================================================= popover, hover-card, tooltip

  var POPOVER_CLS = S("z-50 w-72 rounded-md border bg-popover p-4 text-popover-foreground shadow-md outline-none");

  var PopoverCtx = createContext(null);
  M.popover = {
    Popover: function Popover(props) {
      var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
      var id = useId();
      var triggerRef = useRef(null);
      var anchorRef = useRef(null);
      var ctx = useMemo(function () { return { open: !!st[0], setOpen: st[1], id: id, triggerRef: triggerRef, anchorRef: anchorRef }; }, [st[0], st[1], id]);
      return h(PopoverCtx.Provider, { value: ctx }, props.children);
    },
    PopoverTrigger: comp("PopoverTrigger", function (props, ref) {
      var c = useContext(PopoverCtx);
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
        ref: useRefs(ref, c.triggerRef), "aria-haspopup": "dialog", "aria-expanded": c.open, "aria-controls": c.open ? c.id : undefined,
        "data-state": dataState(c.open), onClick: compose(props.onClick, function () { c.setOpen(!c.open); }),
      }));
    }),
    PopoverAnchor: comp("PopoverAnchor", function (props, ref) {
      var c = useContext(PopoverCtx);
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "div", Object.assign({}, rest, { ref: useRefs(ref, c.anchorRef) }));
    }),
    PopoverContent: comp("PopoverContent", function (props, ref) {
      var c = useContext(PopoverCtx);
      if (!c.open && !props.forceMount) return null;
      return h(PopoverContentInner, Object.assign({}, props, { ctx: c, innerRef: ref }));
    }),
    PopoverClose: comp("PopoverClose", function (props, ref) {
      var c = useContext(PopoverCtx);
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
        ref: ref, onClick: compose(props.onClick, function () { c.setOpen(false); }),
      }));
    }),
  };
  function PopoverContentInner(props) {
    var c = props.ctx;
    var contentRef = useRef(null);
    var anchor = c.anchorRef.current ? c.anchorRef : c.triggerRef;
    useLayer(true, {
      nodes: function () { return [contentRef.current, c.triggerRef.current]; },
      onEscape: function (e) { if (allowed(props.onEscapeKeyDown, e)) c.setOpen(false); },
      onOutside: function (e) { if (allowed(props.onPointerDownOutside, e) && allowed(props.onInteractOutside, e)) c.setOpen(false); },
    });
    useFocusOnMount(contentRef, {
      onOpenAutoFocus: props.onOpenAutoFocus, onCloseAutoFocus: props.onCloseAutoFocus, returnTo: c.triggerRef,
      pick: function (el) { return tabbables(el)[0]; },
    });
    var rest = omit(props, POPPER_PROPS.concat(["ctx", "innerRef", "className"]));
    return h(Floating, {
      anchorRef: anchor, container: props.container,
      position: { side: props.side, align: props.align || "center", sideOffset: props.sideOffset == null ? 4 : props.sideOffset, alignOffset: props.alignOffset, avoidCollisions: props.avoidCollisions, vars: ["popover"] },
    }, h("div", Object.assign({ role: "dialog", id: c.id, tabIndex: -1, "data-state": "open", "data-slot": "popover-content", "data-ui-anim": "pop" }, rest, {
      ref: useRefs(props.innerRef, contentRef), className: cn(POPOVER_CLS, props.className),
    })));
  }

  // hover-card (extra)
  var HoverCtx = createContext(null);
  M["hover-card"] = {
    HoverCard: function HoverCard(props) {
      var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
      var triggerRef = useRef(null);
      var timer = useRef(0);
      var openDelay = props.openDelay == null ? 700 : props.openDelay;
      var closeDelay = props.closeDelay == null ? 300 : props.closeDelay;
      var setOpen = st[1];
      var ctx = useMemo(function () {
        return {
          open: !!st[0], triggerRef: triggerRef, setOpen: setOpen,
          enter: function () { clearTimeout(timer.current); timer.current = setTimeout(function () { setOpen(true); }, openDelay); },
          leave: function () { clearTimeout(timer.current); timer.current = setTimeout(function () { setOpen(false); }, closeDelay); },
        };
      }, [st[0], setOpen, openDelay, closeDelay]);
      useEffect(function () { return function () { clearTimeout(timer.current); }; }, []);
      return h(HoverCtx.Provider, { value: ctx }, props.children);
    },
    HoverCardTrigger: comp("HoverCardTrigger", function (props, ref) {
      var c = useContext(HoverCtx);
      var rest = omit(props, ["asChild"]);
      return h(props.asChild ? Slot : "a", Object.assign({}, rest, {
        ref: useRefs(ref, c.triggerRef), "data-state": dataState(c.open),
        onPointerEnter: compose(props.onPointerEnter, c.enter), onPointerLeave: compose(props.onPointerLeave, c.leave),
        onFocus: compose(props.onFocus, c.enter), onBlur: compose(props.onBlur, c.leave),
      }));
    }),
    HoverCardContent: comp("HoverCardContent", function (props, ref) {
      var c = useContext(HoverCtx);
      useLayer(c.open, { nodes: function () { return []; }, passThrough: true, onEscape: function () { c.setOpen(false); } });
      if (!c.open && !props.forceMount) return null;
      var rest = omit(props, POPPER_PROPS.concat(["className"]));
      return h(Floating, {
        anchorRef: c.triggerRef, container: props.container,
        position: { side: props.side, align: props.align || "center", sideOffset: props.sideOffset == null ? 4 : props.sideOffset, alignOffset: props.alignOffset, vars: ["hover-card"] },
      }, h("div", Object.assign({ "data-state": "open", "data-slot": "hover-card-content", "data-ui-anim": "pop" }, rest, {
        ref: ref, className: cn(S("z-50 w-64 rounded-md border bg-popover p-4 text-popover-foreground shadow-md outline-none"), props.className),
        onPointerEnter: compose(props.onPointerEnter, function () { c.enter(); }), onPointerLeave: compose(props.onPointerLeave, c.leave),
      })));
    }),
  };

  var TooltipProviderCtx = createContext(null);
  var tooltipClosedAt = 0;
  var TooltipCtx = createContext(null);
  M.tooltip = {
    TooltipProvider: function TooltipProvider(props) {
      var value = useMemo(function () {
        return {
          delayDuration: props.delayDuration == null ? 700 : props.delayDuration,
          skipDelayDuration: props.skipDelayDuration == null ? 300 : props.skipDelayDuration,
          disableHoverableContent: !!props.disableHoverableContent,
        };
      }, [props.delayDuration, props.skipDelayDuration, props.disableHoverableContent]);
      return h(TooltipProviderCtx.Provider, { value: value }, props.children);
    },
    Tooltip: function Tooltip(props) {
      var provider = useContext(TooltipProviderCtx) || { delayDuration: 700, skipDelayDuration: 300 };
      var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
      var id = useId();
      var triggerRef = useRef(null);
      var timer = useRef(0);
      var instant = useRef(false);
      var delay = props.delayDuration == null ? provider.delayDuration : props.delayDuration;
      var setOpen = st[1];
      var open = !!st[0];
      var ctx = useMemo(function () {
        function show(now) {
          clearTimeout(timer.current);
          var skip = Date.now() - tooltipClosedAt < provider.skipDelayDuration;
          if (now || skip || delay <= 0) { instant.current = true; setOpen(true); }
          else { instant.current = false; timer.current = setTimeout(function () { setOpen(true); }, delay); }
        }
        function hide(after) {
          clearTimeout(timer.current);
          if (after) timer.current = setTimeout(function () { tooltipClosedAt = Date.now(); setOpen(false); }, after);
          else { if (open) tooltipClosedAt = Date.now(); setOpen(false); }
        }
        return { open: open, id: id, triggerRef: triggerRef, show: show, hide: hide, instant: instant, hoverable: !provider.disableHoverableContent && !props.disableHoverableContent };
      }, [open, setOpen, id, delay, provider]);
      useEffect(function () { return function () { clearTimeout(timer.current); }; }, []);
      return h(TooltipCtx.Provider, { value: ctx }, props.children);
    },
    TooltipTrigger: comp("TooltipTrigger", function (props, ref) {
      var c = useContext(TooltipCtx);
      var rest = omit(props, ["asChild"]);
      var pointerDown = useRef(false);
      return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
        ref: useRefs(ref, c.triggerRef), "aria-describedby": c.open ? c.id : undefined,
        "data-state": c.open ? (c.instant.current ? "instant-open" : "delayed-open") : "closed",
        onPointerEnter: compose(props.onPointerEnter, function (e) { if (e.pointerType !== "touch") c.show(false); }),
        onPointerLeave: compose(props.onPointerLeave, function () { c.hide(c.hoverable ? 100 : 0); }),
        onPointerDown: compose(props.onPointerDown, function () { pointerDown.current = true; c.hide(0); }),
        onFocus: compose(props.onFocus, function () { if (!pointerDown.current) c.show(true); }),
        onBlur: compose(props.onBlur, function () { pointerDown.current = false; c.hide(0); }),
        onClick: compose(props.onClick, function () { c.hide(0); }),
      }));
    }),
    TooltipContent: comp("TooltipContent", function (props, ref) {
      var c = useContext(TooltipCtx);
      useLayer(c.open, { nodes: function () { return []; }, passThrough: true, onEscape: function (e) { if (allowed(props.onEscapeKeyDown, e)) c.hide(0); } });
      if (!c.open && !props.forceMount) return null;
      var rest = omit(props, POPPER_PROPS.concat(["className", "children", "hidden", "aria-label"]));
      return h(Floating, {
        anchorRef: c.triggerRef, container: props.container,
        position: { side: props.side || "top", align: props.align || "center", sideOffset: props.sideOffset == null ? 4 : props.sideOffset, alignOffset: props.alignOffset, vars: ["tooltip"] },
      }, h("div", Object.assign({ "data-state": c.instant.current ? "instant-open" : "delayed-open", "data-slot": "tooltip-content", "data-ui-anim": "pop" }, rest, {
        ref: ref, role: "tooltip", id: c.id, "aria-label": props["aria-label"],
        className: cn(S("z-50 overflow-hidden rounded-md border bg-popover px-3 py-1.5 text-sm text-popover-foreground shadow-md"), props.className),
        onPointerEnter: compose(props.onPointerEnter, function () { if (c.hoverable) c.show(true); }),
        onPointerLeave: compose(props.onPointerLeave, function () { c.hide(0); }),
      }), props.children));
    }),
  };

  // ======================================================================= select

  var SelectCtx = createContext(null);
  var SelectItemCtx = createContext(null);
  var SelectClosedCtx = createContext(false);

  function Select(props) {
    var st = useControllable(props.value, props.defaultValue, props.onValueChange);
    var os = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
    var id = useId();
    var triggerRef = useRef(null);
    var labels = useRef(new Map());
    var ver = useReducer(function (x) { return x + 1; }, 0);
    var bump = ver[1];
    var setOpen = os[1];
    var setValue = st[1];
    var ctx = useMemo(function () {
      return {
        value: st[0], setValue: setValue, open: !!os[0], setOpen: setOpen, id: id, triggerRef: triggerRef,
        disabled: !!props.disabled, required: props.required, name: props.name, labels: labels, ver: ver[0],
        register: function (value, node) {
          if (labels.current.get(value) !== node) { labels.current.set(value, node); bump(); }
        },
        choose: function (value) {
          setValue(value);
          setOpen(false);
          focusEl(triggerRef.current);
        },
      };
    }, [st[0], os[0], setValue, setOpen, id, props.disabled, props.required, props.name, ver[0]]);
    return h(SelectCtx.Provider, { value: ctx }, props.children,
      props.name ? h("input", { type: "hidden", name: props.name, value: st[0] == null ? "" : st[0] }) : null);
  }

  var SELECT_TRIGGER = S("flex h-10 w-full items-center justify-between gap-2 rounded-md border border-input bg-background px-3 py-2 text-sm " +
    "whitespace-nowrap shadow-xs data-[placeholder]:text-muted-foreground focus:outline-none focus:ring-2 focus:ring-ring focus:ring-offset-2 " +
    "ring-offset-background disabled:cursor-not-allowed disabled:opacity-50 cursor-pointer [&>span]:line-clamp-1 [&>span]:text-left");
  var SelectTrigger = comp("SelectTrigger", function (props, ref) {
    var c = useContext(SelectCtx);
    var rest = omit(props, ["className", "children", "asChild", "size"]);
    var empty = c.value === undefined || c.value === null || c.value === "";
    var disabled = c.disabled || props.disabled;
    return h(props.asChild ? Slot : "button", Object.assign({ type: "button" }, rest, {
      ref: useRefs(ref, c.triggerRef), role: "combobox", "aria-controls": c.id + "-listbox", "aria-expanded": c.open,
      "aria-autocomplete": "none", "aria-required": c.required, disabled: disabled, "data-disabled": disabled ? "" : undefined,
      "data-state": dataState(c.open), "data-placeholder": empty ? "" : undefined, "data-slot": "select-trigger", "data-size": props.size || "default",
      className: cn(SELECT_TRIGGER, props.size === "sm" && S("h-9"), props.className),
      onClick: compose(props.onClick, function () { if (!disabled) c.setOpen(!c.open); }),
      onKeyDown: compose(props.onKeyDown, function (e) {
        if (["Enter", " ", "ArrowDown", "ArrowUp"].indexOf(e.key) >= 0) { e.preventDefault(); if (!disabled) c.setOpen(true); }
      }),
    }), props.children, h(ChevronDownIcon, { className: S("size-4 shrink-0 opacity-50") }));
  });

  var SelectValue = comp("SelectValue", function (props, ref) {
    var c = useContext(SelectCtx);
    var empty = c.value === undefined || c.value === null || c.value === "";
    var rest = omit(props, ["placeholder", "children", "asChild"]);
    var shown = props.children != null ? props.children : empty ? props.placeholder : c.labels.current.get(c.value);
    return h("span", Object.assign({ "data-slot": "select-value" }, rest, { ref: ref, style: Object.assign({ pointerEvents: "none" }, props.style) }),
      shown == null ? (empty ? null : String(c.value)) : shown);
  });

  var SELECT_CONTENT = S("relative z-50 max-h-[min(24rem,var(--radix-select-content-available-height,24rem))] min-w-[8rem] overflow-hidden rounded-md border bg-popover text-popover-foreground shadow-md");
  var SelectContent = comp("SelectContent", function (props, ref) {
    var c = useContext(SelectCtx);
    if (!c.open) {
      // Closed: render the items hidden so SelectValue can show the chosen item's label.
      // Portalled out of the layout, so the artifact's `space-y-*` and `:last-child` rules
      // see the same siblings as with Radix (which renders nothing here).
      var hiddenItems = h("div", { hidden: true, "aria-hidden": "true", style: { display: "none" } },
        h(SelectClosedCtx.Provider, { value: true }, props.children));
      return window.ReactDOM && window.ReactDOM.createPortal && document.body
        ? window.ReactDOM.createPortal(hiddenItems, document.body) : hiddenItems;
    }
    return h(SelectContentInner, Object.assign({}, props, { ctx: c, innerRef: ref }));
  });
  function SelectContentInner(props) {
    var c = props.ctx;
    var contentRef = useRef(null);
    var typeahead = useTypeahead();
    useLayer(true, {
      nodes: function () { return [contentRef.current, c.triggerRef.current]; },
      onEscape: function (e) { if (allowed(props.onEscapeKeyDown, e)) { c.setOpen(false); focusEl(c.triggerRef.current); } },
      onOutside: function (e) { if (allowed(props.onPointerDownOutside, e)) c.setOpen(false); },
    });
    useFocusOnMount(contentRef, {
      onCloseAutoFocus: props.onCloseAutoFocus, returnTo: c.triggerRef,
      pick: function (el) {
        var sel = el.querySelector("[role=option][aria-selected=true]:not([data-disabled])") || el.querySelector("[role=option]:not([data-disabled])");
        if (sel && sel.scrollIntoView) sel.scrollIntoView({ block: "nearest" });
        return sel;
      },
    });
    function options() {
      return Array.prototype.slice.call(contentRef.current.querySelectorAll("[role=option]:not([data-disabled])"));
    }
    var rest = omit(props, POPPER_PROPS.concat(["ctx", "innerRef", "className", "children"]));
    return h(Floating, {
      anchorRef: c.triggerRef, container: props.container,
      position: { side: props.side || "bottom", align: props.align || "start", sideOffset: props.sideOffset == null ? 4 : props.sideOffset, alignOffset: props.alignOffset, avoidCollisions: props.avoidCollisions, vars: ["select"] },
    }, h("div", Object.assign({ role: "listbox", id: c.id + "-listbox", tabIndex: -1, "data-state": "open", "data-slot": "select-content", "data-ui-anim": "pop" }, rest, {
      ref: useRefs(props.innerRef, contentRef),
      className: cn(SELECT_CONTENT, S("flex flex-col"), props.className),
      onKeyDown: compose(props.onKeyDown, function (e) {
        if (!contentRef.current.contains(e.target)) return;
        var list = options();
        if (moveFocus(e, list, { vertical: true, loop: false })) return;
        if (typeahead(e, list)) return;
        if (e.key === "Enter" || e.key === " ") {
          var i = list.indexOf(document.activeElement);
          if (i >= 0) { e.preventDefault(); list[i].click(); }
        } else if (e.key === "Tab") e.preventDefault();
      }),
    }), h("div", { className: S("p-1 w-full min-h-0 min-w-[var(--radix-select-trigger-width)] overflow-y-auto"), "data-slot": "select-viewport", role: "presentation" }, props.children)));
  }

  var SelectItem = comp("SelectItem", function (props, ref) {
    var c = useContext(SelectCtx);
    var closed = useContext(SelectClosedCtx);
    var value = props.value;
    var register = c.register;
    var children = props.children;
    useLayoutEffect(function () { register(value, children); }, [value, children, register]);
    var hl = useState(false);
    if (closed) return null;
    var selected = c.value === value;
    var rest = omit(props, ["className", "children", "value", "textValue", "asChild"]);
    return h("div", Object.assign({}, rest, {
      ref: ref, role: "option", "aria-selected": selected, "aria-disabled": props.disabled || undefined, tabIndex: props.disabled ? undefined : -1,
      "data-state": selected ? "checked" : "unchecked", "data-disabled": props.disabled ? "" : undefined, "data-highlighted": hl[0] ? "" : undefined,
      "data-slot": "select-item", "data-text-value": props.textValue || textOf(children),
      className: cn(S("relative flex w-full cursor-default select-none items-center gap-2 rounded-sm py-1.5 pl-2 pr-8 text-sm outline-none " +
        "focus:bg-accent focus:text-accent-foreground data-[disabled]:pointer-events-none data-[disabled]:opacity-50 [&_svg]:shrink-0"), props.className),
      onFocus: compose(props.onFocus, function () { hl[1](true); }),
      onBlur: compose(props.onBlur, function () { hl[1](false); }),
      onPointerMove: compose(props.onPointerMove, function (e) { if (!props.disabled && document.activeElement !== e.currentTarget) focusEl(e.currentTarget); }),
      onClick: compose(props.onClick, function () { if (!props.disabled) c.choose(value); }),
    }), h("span", { className: S("absolute right-2 flex size-3.5 items-center justify-center") }, selected ? h(CheckIcon, { className: S("size-4") }) : null),
    h("span", { "data-slot": "select-item-text" }, children));
  });

  M.select = {
    Select: Select,
    SelectGroup: comp("SelectGroup", function (props, ref) {
      var rest = omit(props, ["asChild"]);
      return h("div", Object.assign({ role: "group", "data-slot": "select-group" }, rest, { ref: ref }));
    }),
    SelectValue: SelectValue,
    SelectTrigger: SelectTrigger,
    SelectContent: SelectContent,
    SelectLabel: styled("SelectLabel", "div", "px-2 py-1.5 text-xs font-medium text-muted-foreground", { slot: "select-label" }),
    SelectItem: SelectItem,
    SelectSeparator: styled("SelectSeparator", "div", "pointer-events-none -mx-1 my-1 h-px bg-border", { slot: "select-separator", attrs: { "aria-hidden": "true" } }),
    SelectScrollUpButton: comp("SelectScrollUpButton", function () { return null; }),
    SelectScrollDownButton: comp("SelectScrollDownButton", function () { return null; }),
  };

  // ======================================================================= dropdown-menu

  var MenuRootCtx = createContext(null);
  var MenuLevelCtx = createContext(null);
  var MenuSubCtx = createContext(null);
  var MenuRadioCtx = createContext(null);

  var MENU_CONTENT = S("z-50 min-w-[8rem] max-h-[var(--radix-dropdown-menu-content-available-height)] overflow-x-hidden overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md outline-none");
  var MENU_ITEM = S("relative flex cursor-default select-none items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none transition-colors " +
    "focus:bg-accent focus:text-accent-foreground data-[disabled]:pointer-events-none data-[disabled]:opacity-50 " +
    "[&_svg]:pointer-events-none [&_svg]:shrink-0");

  function DropdownMenu(props) {
    var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
    var id = useId();
    var triggerRef = useRef(null);
    var viaKeyboard = useRef(false);
    var setOpen = st[1];
    var ctx = useMemo(function () {
      return { open: !!st[0], setOpen: setOpen, id: id, triggerRef: triggerRef, viaKeyboard: viaKeyboard,
        closeAll: function () { setOpen(false); } };
    }, [st[0], setOpen, id]);
    return h(MenuRootCtx.Provider, { value: ctx }, props.children);
  }

  var DropdownMenuTrigger = comp("DropdownMenuTrigger", function (props, ref) {
    var c = useContext(MenuRootCtx);
    var rest = omit(props, ["asChild"]);
    return h(props.asChild ? Slot : "button", Object.assign({ type: props.asChild ? undefined : "button" }, rest, {
      ref: useRefs(ref, c.triggerRef), id: c.id + "-trigger", "aria-haspopup": "menu", "aria-expanded": c.open,
      "aria-controls": c.open ? c.id + "-content" : undefined, "data-state": dataState(c.open), "data-slot": "dropdown-menu-trigger",
      onClick: compose(props.onClick, function () { if (!props.disabled) { c.viaKeyboard.current = false; c.setOpen(!c.open); } }),
      onKeyDown: compose(props.onKeyDown, function (e) {
        if (props.disabled) return;
        if (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") {
          e.preventDefault();
          c.viaKeyboard.current = true;
          c.setOpen(e.key === "ArrowDown" ? true : !c.open);
        }
      }),
    }));
  });

  function menuItems(root) {
    return Array.prototype.slice.call(root.querySelectorAll("[role=menuitem]:not([data-disabled]),[role=menuitemcheckbox]:not([data-disabled]),[role=menuitemradio]:not([data-disabled])"));
  }

  // Shared body of root and sub menus.
  function MenuPanel(props) {
    var contentRef = useRef(null);
    var subs = useRef(new Set());
    var typeahead = useTypeahead();
    var level = useMemo(function () {
      return {
        contentRef: contentRef, subs: subs,
        closeSubs: function (except) { subs.current.forEach(function (close) { if (close !== except) close(); }); },
      };
    }, []);
    useLayer(true, props.layer(contentRef));
    useFocusOnMount(contentRef, {
      onOpenAutoFocus: props.onOpenAutoFocus, onCloseAutoFocus: props.onCloseAutoFocus, returnTo: props.returnTo,
      pick: function (el) { return props.focusFirst ? menuItems(el)[0] : props.focusNone ? document.activeElement : el; },
    });
    var rest = omit(props, POPPER_PROPS.concat(["layer", "position", "anchorRef", "innerRef", "className", "children", "focusFirst", "focusNone", "returnTo", "onArrowLeft", "onTab", "menuId", "labelledBy"]));
    return h(Floating, { anchorRef: props.anchorRef, container: props.container, position: props.position },
      h("div", Object.assign({ role: "menu", "aria-orientation": "vertical", id: props.menuId, "aria-labelledby": props.labelledBy, tabIndex: -1, "data-state": "open", "data-ui-anim": "pop" }, rest, {
        ref: useRefs(props.innerRef, contentRef), className: cn(MENU_CONTENT, props.className),
        onKeyDown: compose(props.onKeyDown, function (e) {
          if (!contentRef.current.contains(e.target)) return;
          var list = menuItems(contentRef.current);
          if (moveFocus(e, list, { vertical: true, loop: !!props.loop })) return;
          if (e.key === "ArrowLeft" && props.onArrowLeft) { e.preventDefault(); props.onArrowLeft(); return; }
          if (e.key === "Tab") { e.preventDefault(); if (props.onTab) props.onTab(); return; }
          typeahead(e, list);
        }),
      }), h(MenuLevelCtx.Provider, { value: level }, props.children)));
  }

  var DropdownMenuContent = comp("DropdownMenuContent", function (props, ref) {
    var c = useContext(MenuRootCtx);
    if (!c.open && !props.forceMount) return null;
    return h(MenuPanel, Object.assign({}, props, {
      innerRef: ref, anchorRef: c.triggerRef, returnTo: c.triggerRef, menuId: c.id + "-content", labelledBy: c.id + "-trigger",
      "data-slot": "dropdown-menu-content", focusFirst: c.viaKeyboard.current,
      position: { side: props.side || "bottom", align: props.align || "start", sideOffset: props.sideOffset == null ? 4 : props.sideOffset, alignOffset: props.alignOffset, avoidCollisions: props.avoidCollisions, vars: ["dropdown-menu"] },
      onTab: c.closeAll,
      layer: function (contentRef) {
        return {
          nodes: function () { return [contentRef.current, c.triggerRef.current]; },
          onEscape: function (e) { if (allowed(props.onEscapeKeyDown, e)) { c.setOpen(false); focusEl(c.triggerRef.current); } },
          onOutside: function (e) { if (allowed(props.onPointerDownOutside, e) && allowed(props.onInteractOutside, e)) c.setOpen(false); },
        };
      },
    }));
  });

  function useItemBehaviour(props, onActivate) {
    var root = useContext(MenuRootCtx);
    var level = useContext(MenuLevelCtx);
    var hl = useState(false);
    return {
      hl: hl[0],
      handlers: {
        onFocus: compose(props.onFocus, function () { hl[1](true); }),
        onBlur: compose(props.onBlur, function () { hl[1](false); }),
        onPointerMove: compose(props.onPointerMove, function (e) {
          if (props.disabled) return;
          if (level) level.closeSubs(null);
          if (document.activeElement !== e.currentTarget) focusEl(e.currentTarget);
        }),
        onPointerLeave: compose(props.onPointerLeave, function (e) {
          if (level && level.contentRef.current && document.activeElement === e.currentTarget) focusEl(level.contentRef.current);
        }),
        onClick: compose(props.onClick, function (e) {
          if (props.disabled) return;
          if (onActivate) onActivate(e);
          if (props.onSelect) props.onSelect(e);
          if (!e.defaultPrevented && root) { root.closeAll(); focusEl(root.triggerRef.current); }
        }),
        onKeyDown: compose(props.onKeyDown, function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); if (!props.disabled) e.currentTarget.click(); }
        }),
      },
    };
  }

  var ITEM_OMIT = ["className", "inset", "onSelect", "textValue", "asChild", "variant", "checked", "defaultChecked", "onCheckedChange", "value", "children"];

  var DropdownMenuItem = comp("DropdownMenuItem", function (props, ref) {
    var b = useItemBehaviour(props);
    var rest = omit(props, ITEM_OMIT);
    return h(props.asChild ? Slot : "div", Object.assign({}, rest, b.handlers, {
      ref: ref, role: "menuitem", tabIndex: props.disabled ? undefined : -1, "aria-disabled": props.disabled || undefined,
      "data-disabled": props.disabled ? "" : undefined, "data-highlighted": b.hl ? "" : undefined, "data-inset": props.inset ? "" : undefined,
      "data-variant": props.variant || "default", "data-slot": "dropdown-menu-item", "data-text-value": props.textValue,
      className: cn(MENU_ITEM, props.inset && S("pl-8"), props.variant === "destructive" && S("text-destructive focus:text-destructive"), props.className),
    }), props.children);
  });

  var DropdownMenuCheckboxItem = comp("DropdownMenuCheckboxItem", function (props, ref) {
    var st = useControllable(props.checked, props.defaultChecked || false, props.onCheckedChange);
    var checked = st[0];
    var b = useItemBehaviour(props, function () { st[1](checked === "indeterminate" ? true : !checked); });
    var rest = omit(props, ITEM_OMIT);
    var state = checked === "indeterminate" ? "indeterminate" : checked ? "checked" : "unchecked";
    return h("div", Object.assign({}, rest, b.handlers, {
      ref: ref, role: "menuitemcheckbox", "aria-checked": checked === "indeterminate" ? "mixed" : !!checked, tabIndex: props.disabled ? undefined : -1,
      "data-state": state, "data-disabled": props.disabled ? "" : undefined, "data-highlighted": b.hl ? "" : undefined,
      "data-slot": "dropdown-menu-checkbox-item", "data-text-value": props.textValue,
      className: cn(MENU_ITEM, S("pl-8 pr-2"), props.className),
    }), h("span", { className: S("absolute left-2 flex size-3.5 items-center justify-center") },
      state === "checked" ? h(CheckIcon, { className: S("size-4") }) : state === "indeterminate" ? h(MinusIcon, { className: S("size-4") }) : null),
    props.children);
  });

  var DropdownMenuRadioGroup = comp("DropdownMenuRadioGroup", function (props, ref) {
    var st = useControllable(props.value, props.defaultValue, props.onValueChange);
    var rest = omit(props, ["value", "defaultValue", "onValueChange", "asChild", "children"]);
    return h(MenuRadioCtx.Provider, { value: { value: st[0], setValue: st[1] } },
      h("div", Object.assign({ role: "group", "data-slot": "dropdown-menu-radio-group" }, rest, { ref: ref }), props.children));
  });

  var DropdownMenuRadioItem = comp("DropdownMenuRadioItem", function (props, ref) {
    var g = useContext(MenuRadioCtx) || { setValue: function () {} };
    var checked = g.value === props.value;
    var b = useItemBehaviour(props, function () { g.setValue(props.value); });
    var rest = omit(props, ITEM_OMIT);
    return h("div", Object.assign({}, rest, b.handlers, {
      ref: ref, role: "menuitemradio", "aria-checked": checked, tabIndex: props.disabled ? undefined : -1,
      "data-state": checked ? "checked" : "unchecked", "data-disabled": props.disabled ? "" : undefined, "data-highlighted": b.hl ? "" : undefined,
      "data-slot": "dropdown-menu-radio-item", "data-text-value": props.textValue,
      className: cn(MENU_ITEM, S("pl-8 pr-2"), props.className),
    }), h("span", { className: S("absolute left-2 flex size-3.5 items-center justify-center") },
      checked ? h(DotIcon, { className: S("size-2 fill-current") }) : null),
    props.children);
  });

  function DropdownMenuSub(props) {
    var st = useControllable(props.open, props.defaultOpen || false, props.onOpenChange);
    var level = useContext(MenuLevelCtx);
    var triggerRef = useRef(null);
    var viaKeyboard = useRef(false);
    var id = useId();
    var setOpen = st[1];
    var close = useCallback(function () { setOpen(false); }, [setOpen]);
    useEffect(function () {
      if (!level) return undefined;
      var subs = level.subs.current;
      subs.add(close);
      return function () { subs.delete(close); };
    }, [level, close]);
    var ctx = useMemo(function () {
      return { open: !!st[0], setOpen: setOpen, close: close, triggerRef: triggerRef, viaKeyboard: viaKeyboard, id: id, level: level };
    }, [st[0], setOpen, close, id, level]);
    return h(MenuSubCtx.Provider, { value: ctx }, props.children);
  }

  var DropdownMenuSubTrigger = comp("DropdownMenuSubTrigger", function (props, ref) {
    var s = useContext(MenuSubCtx);
    var hl = useState(false);
    var rest = omit(props, ITEM_OMIT);
    function openSub(keyboard) {
      if (props.disabled) return;
      s.viaKeyboard.current = keyboard;
      if (s.level) s.level.closeSubs(s.close);
      s.setOpen(true);
    }
    return h("div", Object.assign({}, rest, {
      ref: useRefs(ref, s.triggerRef), role: "menuitem", "aria-haspopup": "menu", "aria-expanded": s.open, "aria-controls": s.open ? s.id : undefined,
      tabIndex: props.disabled ? undefined : -1, "data-state": dataState(s.open), "data-disabled": props.disabled ? "" : undefined,
      "data-highlighted": hl[0] ? "" : undefined, "data-slot": "dropdown-menu-sub-trigger",
      className: cn(MENU_ITEM, S("data-[state=open]:bg-accent data-[state=open]:text-accent-foreground"), props.inset && S("pl-8"), props.className),
      onFocus: compose(props.onFocus, function () { hl[1](true); }),
      onBlur: compose(props.onBlur, function () { hl[1](false); }),
      onPointerMove: compose(props.onPointerMove, function (e) {
        if (document.activeElement !== e.currentTarget) focusEl(e.currentTarget);
        if (!s.open) openSub(false);
      }),
      onClick: compose(props.onClick, function () { openSub(false); }),
      onKeyDown: compose(props.onKeyDown, function (e) {
        if (e.key === "ArrowRight" || e.key === "Enter" || e.key === " ") { e.preventDefault(); openSub(true); }
      }),
    }), props.children, h(ChevronRightIcon, { className: S("ml-auto size-4") }));
  });

  var DropdownMenuSubContent = comp("DropdownMenuSubContent", function (props, ref) {
    var s = useContext(MenuSubCtx);
    var root = useContext(MenuRootCtx);
    if (!s.open && !props.forceMount) return null;
    function back() { s.setOpen(false); focusEl(s.triggerRef.current); }
    return h(MenuPanel, Object.assign({}, props, {
      innerRef: ref, anchorRef: s.triggerRef, menuId: s.id, "data-slot": "dropdown-menu-sub-content",
      focusFirst: s.viaKeyboard.current, focusNone: !s.viaKeyboard.current, returnTo: null,
      position: { side: "right", align: "start", sideOffset: props.sideOffset == null ? 6 : props.sideOffset, alignOffset: props.alignOffset == null ? -5 : props.alignOffset, vars: ["dropdown-menu"] },
      onArrowLeft: back, onTab: root ? root.closeAll : back,
      className: cn(S("shadow-lg"), props.className),
      layer: function (contentRef) {
        return {
          cascade: true,
          nodes: function () { return [contentRef.current, s.triggerRef.current]; },
          onEscape: function () { if (root) { root.closeAll(); focusEl(root.triggerRef.current); } else back(); },
          onOutside: function () { s.setOpen(false); },
        };
      },
    }));
  });

  M["dropdown-menu"] = {
    DropdownMenu: DropdownMenu,
    DropdownMenuTrigger: DropdownMenuTrigger,
    DropdownMenuContent: DropdownMenuContent,
    DropdownMenuItem: DropdownMenuItem,
    DropdownMenuCheckboxItem: DropdownMenuCheckboxItem,
    DropdownMenuRadioItem: DropdownMenuRadioItem,
    DropdownMenuLabel: comp("DropdownMenuLabel", function (props, ref) {
      var rest = omit(props, ["className", "inset", "asChild"]);
      return h("div", Object.assign({ "data-slot": "dropdown-menu-label", "data-inset": props.inset ? "" : undefined }, rest, {
        ref: ref, className: cn(S("px-2 py-1.5 text-sm font-semibold"), props.inset && S("pl-8"), props.className),
      }));
    }),
    DropdownMenuSeparator: styled("DropdownMenuSeparator", "div", "-mx-1 my-1 h-px bg-border", { slot: "dropdown-menu-separator", attrs: { role: "separator", "aria-orientation": "horizontal" } }),
    DropdownMenuShortcut: styled("DropdownMenuShortcut", "span", "ml-auto text-xs tracking-widest text-muted-foreground", { slot: "dropdown-menu-shortcut" }),
    DropdownMenuGroup: styled("DropdownMenuGroup", "div", "", { slot: "dropdown-menu-group", attrs: { role: "group" } }),
    DropdownMenuPortal: function DropdownMenuPortal(props) { return props.children || null; },
    DropdownMenuSub: DropdownMenuSub,
    DropdownMenuSubContent: DropdownMenuSubContent,
    DropdownMenuSubTrigger: DropdownMenuSubTrigger,
    DropdownMenuRadioGroup: DropdownMenuRadioGroup,
  };

  // ======================================================================= scroll-area, aspect-ratio

  M["scroll-area"] = {
    ScrollArea: comp("ScrollArea", function (props, ref) {
      var rest = omit(props, ["className", "children", "type", "scrollHideDelay", "dir", "asChild", "viewportRef", "viewportClassName"]);
      return h("div", Object.assign({ "data-slot": "scroll-area", dir: props.dir }, rest, {
        ref: ref, className: cn(S("relative overflow-hidden"), props.className),
      }), h("div", {
        ref: props.viewportRef, "data-slot": "scroll-area-viewport", "data-radix-scroll-area-viewport": "", "data-ui-scroll-viewport": "",
        className: cn(S("size-full rounded-[inherit] overflow-auto"), props.viewportClassName),
      }, props.children));
    }),
    // Native scrollbars (thin, themed) do the work; ScrollBar is kept for API compatibility.
    ScrollBar: comp("ScrollBar", function () { return null; }),
  };

  M["aspect-ratio"] = {
    AspectRatio: comp("AspectRatio", function (props, ref) {
      var ratio = props.ratio || 1;
      var rest = omit(props, ["ratio", "style", "children"]);
      return h("div", { style: { position: "relative", width: "100%", paddingBottom: (100 / ratio) + "%" }, "data-slot": "aspect-ratio-wrapper" },
        h("div", Object.assign({}, rest, { ref: ref, style: Object.assign({ position: "absolute", inset: 0 }, props.style) }), props.children));
    }),
  };

  // ======================================================================= export

  M["lib/utils"] = { cn: cn };

  injectStyles();

  window.__artifactsUI = {
    version: 1,
    modules: M,
    cn: cn,
    clsx: clsx,
    twMerge: twMerge,
    classGroup: function (c) { var p = parseClass(c); return classify(p.core); },
    Slot: Slot,
  };
})();

/*
 * live-artifacts: Tailwind v3 semantics on the Tailwind 4 engine (@tailwindcss/browser).
 *
 * Artifacts written for claude.ai use Tailwind v3 classes. This script runs just before the
 * engine and gives it a <style type="text/tailwindcss"> that puts back what v3 computes and
 * v4 does not (docs/runtime.md, "Tailwind v3"):
 *   - v3's palette, read from the pinned tailwindcss 3 package (lib/public/colors.js, loaded
 *     as a CommonJS module before this script), in place of v4's oklch one;
 *   - the theme steps v4 renamed: shadow-sm, rounded-sm, blur-sm, drop-shadow-sm, and `ring`
 *     (3px, blue-500 at 50 %);
 *   - v3's preflight where it differs: border colour gray-200, placeholder gray-400, buttons
 *     with cursor: pointer;
 *   - the opacity utilities (bg-, text-, border-, divide-, ring-, placeholder-opacity-*): each
 *     colour utility also records its colour in a --tw-v3-* property, and the opacity utility
 *     redraws that colour with its alpha (CSS relative colour syntax).
 */
(function () {
  "use strict";
  if (typeof document === "undefined" || document.getElementById("artifacts-tailwind-v3")) return;
  var mod = (window.__artifactsModules || {}).tailwindcss;
  var palette = mod && (mod.__esModule ? mod["default"] : mod);
  if (!palette) {
    console.error("Tailwind v3 layer: the v3 palette (tailwindcss/colors) is missing; load it before tailwind-v3.js");
    return;
  }

  // The palette as v4 theme variables. Getters are v3's deprecated aliases (lightBlue...): they
  // only warn, and v4 has no such names either.
  var vars = [];
  Object.keys(palette).forEach(function (name) {
    var d = Object.getOwnPropertyDescriptor(palette, name);
    if (!d || d.get || !/^[a-z]+$/.test(name)) return;
    var v = d.value;
    if (typeof v === "string") {
      if (name === "black" || name === "white") vars.push("--color-" + name + ": " + v + ";");
    } else if (v && typeof v === "object") {
      Object.keys(v).forEach(function (shade) {
        if (/^\d+$/.test(shade)) vars.push("--color-" + name + "-" + shade + ": " + v[shade] + ";");
      });
    }
  });
  var gray = palette.gray || {};

  // Tailwind v3.4's default theme where v4 took the names for other values.
  var theme = [
    "--shadow-sm: 0 1px 2px 0 rgb(0 0 0 / 0.05);",
    "--radius-sm: 0.125rem;",
    "--blur-sm: 4px;",
    "--drop-shadow-sm: 0 1px 1px rgb(0 0 0 / 0.05);",
    "--default-ring-width: 3px;",
    "--default-ring-color: rgb(59 130 246 / 0.5);" // v3: ringColor.DEFAULT blue-500, ringOpacity 0.5
  ];

  // v3's preflight where v4's differs.
  var base =
    "*, ::after, ::before, ::backdrop, ::file-selector-button { border-color: " + (gray["200"] || "currentColor") + "; }\n" +
    "input::placeholder, textarea::placeholder { opacity: 1; color: " + (gray["400"] || "#9ca3af") + "; }\n" +
    'button, [role="button"] { cursor: pointer; }\n' +
    ":disabled { cursor: default; }\n";

  // The opacity utilities. A colour utility records its colour (not inherited, so a child's own
  // colour is never redrawn with its parent's opacity); the opacity utility redraws it, one
  // class more specific than the colour (variants such as hover: still win over it, as in v3).
  var KINDS = [
    // [v3 name, the utility that names the colour, how the opacity utility applies it]
    ["bg", "bg", "background-color: COLOR;"],
    ["text", "text", "color: COLOR;"],
    ["border", "border", "border-color: COLOR;"],
    ["ring", "ring", "--tw-ring-color: COLOR;"],
    ["divide", "divide", "& > :not(:last-child) { border-color: COLOR; }"],
    ["placeholder", "placeholder", "&::placeholder { color: COLOR; }"]
  ];
  var props = [];
  var utilities = [];
  KINDS.forEach(function (k) {
    var prop = "--tw-v3-" + k[0];
    // divide- is read by the children, placeholder- by the ::placeholder: those are inherited.
    var inherits = k[0] === "divide" || k[0] === "placeholder" ? "true" : "false";
    props.push("@property " + prop + ' { syntax: "*"; inherits: ' + inherits + "; }");
    utilities.push("@utility " + k[1] + "-* { " + prop + ": --value(--color-*, [color]); }");
    var color = "rgb(from var(" + prop + ") r g b / ALPHA)";
    var body = k[2].replace("COLOR", color);
    var rule = body.charAt(0) === "&" ? body.replace("&", "&:not(._)") : "&:not(._) { " + body + " }";
    utilities.push(
      "@utility " + k[0] + "-opacity-* { @supports (color: rgb(from red r g b)) { " +
        rule.replace("ALPHA", "calc(--value(integer) / 100)") + " } }"
    );
  });

  var css =
    props.join("\n") + "\n" +
    "@theme { " + vars.join(" ") + " " + theme.join(" ") + " }\n" +
    "@layer base {\n" + base + "}\n" +
    utilities.join("\n") + "\n";

  var head = document.head || document.getElementsByTagName("head")[0] || document.documentElement;
  function addStyle(id, text) {
    var style = document.getElementById(id) || document.createElement("style");
    style.id = id;
    style.setAttribute("type", "text/tailwindcss");
    style.textContent = text;
    if (!style.parentNode) head.appendChild(style);
  }
  addStyle("artifacts-tailwind-v3", css);

  // The v3 CDN script's `tailwind.config = {...}` (v4's browser build has no `tailwind` global,
  // so the assignment threw). The parts artifacts use become v4 theme variables: colours,
  // fontFamily, borderRadius, boxShadow (in theme or theme.extend), and darkMode "class".
  function flatten(prefix, value, out) {
    if (typeof value === "string" || typeof value === "number") {
      out.push(prefix + ": " + value + ";");
    } else if (Array.isArray(value)) {
      out.push(prefix + ": " + value.join(", ") + ";");
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (k) {
        flatten(k === "DEFAULT" ? prefix : prefix + "-" + k, value[k], out);
      });
    }
  }
  var THEME_KEYS = { colors: "--color", fontFamily: "--font", borderRadius: "--radius", boxShadow: "--shadow" };
  function configCss(config) {
    var out = [];
    var theme = (config && config.theme) || {};
    [theme, theme.extend || {}].forEach(function (t) {
      Object.keys(THEME_KEYS).forEach(function (key) {
        if (t[key] && typeof t[key] === "object") flatten(THEME_KEYS[key], t[key], out);
      });
    });
    var text = out.length ? "@theme { " + out.join(" ") + " }\n" : "";
    var dark = config && config.darkMode;
    if (dark === "class" || dark === "selector" || (Array.isArray(dark) && dark[0] === "class")) {
      text += "@custom-variant dark (&:where(.dark, .dark *));\n";
    }
    return text;
  }
  var current = {};
  if (!("tailwind" in window)) {
    window.tailwind = {};
    Object.defineProperty(window.tailwind, "config", {
      configurable: true,
      enumerable: true,
      get: function () { return current; },
      set: function (value) {
        current = value;
        try {
          addStyle("artifacts-tailwind-v3-config", configCss(value));
        } catch (e) {
          console.error("Tailwind v3 layer: tailwind.config was not understood:", e);
        }
      }
    });
  }
})();

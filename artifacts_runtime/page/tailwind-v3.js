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

  var style = document.createElement("style");
  style.id = "artifacts-tailwind-v3";
  style.setAttribute("type", "text/tailwindcss");
  style.textContent = css;
  var head = document.head || document.getElementsByTagName("head")[0] || document.documentElement;
  head.appendChild(style);
})();

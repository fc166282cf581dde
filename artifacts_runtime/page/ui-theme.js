/*
 * live-artifacts: @/components/ui — the theme: shadcn's CSS variables, mapped to Tailwind v4 colours.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiTheme(P) {
  "use strict";
  if (!P) return;
  var S = P.S;
  var USED = P.USED;

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
    P.sources.forEach(function (part) {
      var src = String(part);
      var re = /\bS\("([^"]+)"\)/g;
      var m;
      while ((m = re.exec(src))) S(m[1]);
    });
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


  Object.assign(P, { VARS_LIGHT: VARS_LIGHT, VARS_DARK: VARS_DARK, declare: declare, PLAIN_CSS: PLAIN_CSS, tailwindCss: tailwindCss, injectStyles: injectStyles });
  P.sources.push(uiTheme);
})(window.__artifactsUIParts);

/*
 * live-artifacts: shadcn/ui-compatible components for React artifacts (@/components/ui/*).
 *
 * Our own components (no third-party code in these files). Plain ES2020, no JSX, no build step.
 * Class merging is the real clsx, tailwind-merge and class-variance-authority, pinned in
 * assets.lock.json and loaded before these files (see ui-merge.js).
 *
 * The components are split by concern into classic scripts that load in this order
 * (artifacts_runtime/page/resources.py: UI_SCRIPTS):
 *   ui-base.js        React aliases, the shared parts object (this file)
 *   ui-merge.js       cn / variants: the glue to clsx, tailwind-merge and cva
 *   ui-theme.js       shadcn's CSS variables and the Tailwind v4 theme
 *   ui-primitives.js  Radix-like primitives (slot, portal, layers, focus, positioning, icons)
 *   ui-basic.js, ui-forms.js, ui-disclosure.js, ui-overlays.js, ui-menus.js   the components
 *   ui-index.js       injects the styles, publishes window.__artifactsUI
 * They share one object, window.__artifactsUIParts, while loading; ui-index.js removes it and
 * defines, as before the split,
 *   window.__artifactsUI = { modules: { "card": {...}, ..., "lib/utils": { cn } }, cn, version, ... }
 * Module keys are the import paths after "@/components/ui/".
 *
 * Theme: shadcn's CSS variables (--background, --primary, ...) are defined in a plain <style>
 * and mapped to Tailwind v4 colors (bg-primary, text-muted-foreground, ...) by a
 * <style type="text/tailwindcss"> that the Tailwind browser build (@tailwindcss/browser 4) reads.
 * That style also pre-generates every class the components use (@source inline): each part
 * pushes its own function onto P.sources so ui-theme.js can find its S("...") literals.
 */
(function uiBase() {
  "use strict";
  var React = window.React;
  var ReactDOM = window.ReactDOM;
  if (!React) {
    console.error("@/components/ui: window.React is missing; load React before ui-*.js");
    return;
  }
  var counter = 0;
  var useRef = React.useRef;
  var useId = React.useId || function () {
    var r = useRef(null);
    if (r.current === null) r.current = "ui" + (++counter);
    return r.current;
  };
  window.__artifactsUIParts = {
    sources: [uiBase],
    React: React,
    ReactDOM: ReactDOM,
    h: React.createElement,
    fwd: React.forwardRef,
    createContext: React.createContext,
    useContext: React.useContext,
    useState: React.useState,
    useRef: useRef,
    useEffect: React.useEffect,
    useLayoutEffect: React.useLayoutEffect,
    useCallback: React.useCallback,
    useMemo: React.useMemo,
    useReducer: React.useReducer,
    useId: useId,
  };
})();

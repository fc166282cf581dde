/*
 * live-artifacts: @/components/ui — the last part: the module table, the styles, the global.
 * See ui-base.js for the parts and their order.
 */
(function uiIndex(P) {
  "use strict";
  if (!P) return;
  delete window.__artifactsUIParts;
  var M = P.M;
  if (!M || !P.cn) {
    console.error("@/components/ui: a part of the components did not load; @/components/ui is unavailable");
    return;
  }
  M["lib/utils"] = { cn: P.cn };

  P.sources.push(uiIndex);
  P.injectStyles();

  window.__artifactsUI = {
    version: 1,
    modules: M,
    cn: P.cn,
    clsx: P.clsx,
    twMerge: P.twMerge,
    Slot: P.Slot,
  };
})(window.__artifactsUIParts);

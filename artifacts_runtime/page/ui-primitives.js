/*
 * live-artifacts: @/components/ui — Radix-like primitives: refs, slots, portal, dismissable layers, focus, positioning, roving focus, icons.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiPrimitives(P) {
  "use strict";
  if (!P) return;
  var React = P.React;
  var ReactDOM = P.ReactDOM;
  var h = P.h;
  var fwd = P.fwd;
  var useState = P.useState;
  var useRef = P.useRef;
  var useEffect = P.useEffect;
  var useLayoutEffect = P.useLayoutEffect;
  var useCallback = P.useCallback;
  var cn = P.cn;
  var S = P.S;

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


  Object.assign(P, { omit: omit, setRef: setRef, useRefs: useRefs, compose: compose, useControllable: useControllable, mergeSlotProps: mergeSlotProps, Slot: Slot, composeTwo: composeTwo, Portal: Portal, dataState: dataState, layers: layers, listenLayers: listenLayers, useLayer: useLayer, allowed: allowed, scrollLocks: scrollLocks, savedOverflow: savedOverflow, useScrollLock: useScrollLock, TABBABLE: TABBABLE, tabbables: tabbables, focusEl: focusEl, trapTab: trapTab, useFocusOnMount: useFocusOnMount, OPPOSITE: OPPOSITE, place: place, usePosition: usePosition, POPPER_PROPS: POPPER_PROPS, Floating: Floating, moveFocus: moveFocus, useTypeahead: useTypeahead, textOf: textOf, sanitize: sanitize, makeIcon: makeIcon, CheckIcon: CheckIcon, ChevronDownIcon: ChevronDownIcon, ChevronUpIcon: ChevronUpIcon, ChevronRightIcon: ChevronRightIcon, XIcon: XIcon, MinusIcon: MinusIcon, DotIcon: DotIcon, comp: comp, styled: styled, M: M });
  P.sources.push(uiPrimitives);
})(window.__artifactsUIParts);

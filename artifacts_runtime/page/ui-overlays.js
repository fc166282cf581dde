/*
 * live-artifacts: @/components/ui — dialog, alert-dialog, sheet, popover, hover-card, tooltip.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiOverlays(P) {
  "use strict";
  if (!P) return;
  var h = P.h;
  var createContext = P.createContext;
  var useContext = P.useContext;
  var useRef = P.useRef;
  var useEffect = P.useEffect;
  var useMemo = P.useMemo;
  var useId = P.useId;
  var cn = P.cn;
  var S = P.S;
  var omit = P.omit;
  var useRefs = P.useRefs;
  var compose = P.compose;
  var useControllable = P.useControllable;
  var Slot = P.Slot;
  var Portal = P.Portal;
  var dataState = P.dataState;
  var useLayer = P.useLayer;
  var allowed = P.allowed;
  var useScrollLock = P.useScrollLock;
  var tabbables = P.tabbables;
  var trapTab = P.trapTab;
  var useFocusOnMount = P.useFocusOnMount;
  var POPPER_PROPS = P.POPPER_PROPS;
  var Floating = P.Floating;
  var XIcon = P.XIcon;
  var comp = P.comp;
  var styled = P.styled;
  var M = P.M;
  var buttonVariants = P.buttonVariants;

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


  Object.assign(P, { makeDialogFamily: makeDialogFamily, named: named, D: D, AD: AD, SH: SH, POPOVER_CLS: POPOVER_CLS, PopoverCtx: PopoverCtx, PopoverContentInner: PopoverContentInner, HoverCtx: HoverCtx, TooltipProviderCtx: TooltipProviderCtx, tooltipClosedAt: tooltipClosedAt, TooltipCtx: TooltipCtx });
  P.sources.push(uiOverlays);
})(window.__artifactsUIParts);

/*
 * live-artifacts: @/components/ui — select, dropdown-menu.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiMenus(P) {
  "use strict";
  if (!P) return;
  var h = P.h;
  var createContext = P.createContext;
  var useContext = P.useContext;
  var useState = P.useState;
  var useRef = P.useRef;
  var useEffect = P.useEffect;
  var useLayoutEffect = P.useLayoutEffect;
  var useCallback = P.useCallback;
  var useMemo = P.useMemo;
  var useReducer = P.useReducer;
  var useId = P.useId;
  var cn = P.cn;
  var S = P.S;
  var omit = P.omit;
  var useRefs = P.useRefs;
  var compose = P.compose;
  var useControllable = P.useControllable;
  var Slot = P.Slot;
  var dataState = P.dataState;
  var useLayer = P.useLayer;
  var allowed = P.allowed;
  var focusEl = P.focusEl;
  var useFocusOnMount = P.useFocusOnMount;
  var POPPER_PROPS = P.POPPER_PROPS;
  var Floating = P.Floating;
  var moveFocus = P.moveFocus;
  var useTypeahead = P.useTypeahead;
  var textOf = P.textOf;
  var CheckIcon = P.CheckIcon;
  var ChevronDownIcon = P.ChevronDownIcon;
  var ChevronRightIcon = P.ChevronRightIcon;
  var MinusIcon = P.MinusIcon;
  var DotIcon = P.DotIcon;
  var comp = P.comp;
  var styled = P.styled;
  var M = P.M;

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


  Object.assign(P, { SelectCtx: SelectCtx, SelectItemCtx: SelectItemCtx, SelectClosedCtx: SelectClosedCtx, Select: Select, SELECT_TRIGGER: SELECT_TRIGGER, SelectTrigger: SelectTrigger, SelectValue: SelectValue, SELECT_CONTENT: SELECT_CONTENT, SelectContent: SelectContent, SelectContentInner: SelectContentInner, SelectItem: SelectItem, MenuRootCtx: MenuRootCtx, MenuLevelCtx: MenuLevelCtx, MenuSubCtx: MenuSubCtx, MenuRadioCtx: MenuRadioCtx, MENU_CONTENT: MENU_CONTENT, MENU_ITEM: MENU_ITEM, DropdownMenu: DropdownMenu, DropdownMenuTrigger: DropdownMenuTrigger, menuItems: menuItems, MenuPanel: MenuPanel, DropdownMenuContent: DropdownMenuContent, useItemBehaviour: useItemBehaviour, ITEM_OMIT: ITEM_OMIT, DropdownMenuItem: DropdownMenuItem, DropdownMenuCheckboxItem: DropdownMenuCheckboxItem, DropdownMenuRadioGroup: DropdownMenuRadioGroup, DropdownMenuRadioItem: DropdownMenuRadioItem, DropdownMenuSub: DropdownMenuSub, DropdownMenuSubTrigger: DropdownMenuSubTrigger, DropdownMenuSubContent: DropdownMenuSubContent });
  P.sources.push(uiMenus);
})(window.__artifactsUIParts);

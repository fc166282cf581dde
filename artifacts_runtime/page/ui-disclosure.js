/*
 * live-artifacts: @/components/ui — tabs, accordion, collapsible.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiDisclosure(P) {
  "use strict";
  if (!P) return;
  var h = P.h;
  var createContext = P.createContext;
  var useContext = P.useContext;
  var useRef = P.useRef;
  var useEffect = P.useEffect;
  var useLayoutEffect = P.useLayoutEffect;
  var useId = P.useId;
  var cn = P.cn;
  var S = P.S;
  var omit = P.omit;
  var useRefs = P.useRefs;
  var compose = P.compose;
  var useControllable = P.useControllable;
  var Slot = P.Slot;
  var dataState = P.dataState;
  var moveFocus = P.moveFocus;
  var sanitize = P.sanitize;
  var ChevronDownIcon = P.ChevronDownIcon;
  var comp = P.comp;
  var M = P.M;
  var FOCUS_RING = P.FOCUS_RING;

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


  Object.assign(P, { TabsCtx: TabsCtx, AccordionCtx: AccordionCtx, AccordionItemCtx: AccordionItemCtx, CollapsibleCtx: CollapsibleCtx });
  P.sources.push(uiDisclosure);
})(window.__artifactsUIParts);

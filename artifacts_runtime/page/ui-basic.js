/*
 * live-artifacts: @/components/ui — button, badge, toggle, card, alert, input, table, avatar, scroll-area, aspect-ratio.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiBasic(P) {
  "use strict";
  if (!P) return;
  var h = P.h;
  var createContext = P.createContext;
  var useContext = P.useContext;
  var useState = P.useState;
  var useEffect = P.useEffect;
  var useLayoutEffect = P.useLayoutEffect;
  var cn = P.cn;
  var S = P.S;
  var variants = P.variants;
  var omit = P.omit;
  var compose = P.compose;
  var useControllable = P.useControllable;
  var Slot = P.Slot;
  var allowed = P.allowed;
  var moveFocus = P.moveFocus;
  var comp = P.comp;
  var styled = P.styled;
  var M = P.M;

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


  Object.assign(P, { FOCUS_RING: FOCUS_RING, buttonVariants: buttonVariants, Button: Button, badgeVariants: badgeVariants, Badge: Badge, toggleVariants: toggleVariants, Toggle: Toggle, ToggleGroupCtx: ToggleGroupCtx, ToggleGroup: ToggleGroup, ToggleGroupItem: ToggleGroupItem, alertVariants: alertVariants, INPUT_CLS: INPUT_CLS, TEXTAREA_CLS: TEXTAREA_CLS, LABEL_CLS: LABEL_CLS, AvatarCtx: AvatarCtx });
  P.sources.push(uiBasic);
})(window.__artifactsUIParts);

/*
 * live-artifacts: @/components/ui — checkbox, switch, radio group, progress, slider.
 * One part of our shadcn-style components (see ui-base.js for the whole and the load order).
 */
(function uiForms(P) {
  "use strict";
  if (!P) return;
  var React = P.React;
  var h = P.h;
  var createContext = P.createContext;
  var useContext = P.useContext;
  var useState = P.useState;
  var useRef = P.useRef;
  var useLayoutEffect = P.useLayoutEffect;
  var cn = P.cn;
  var S = P.S;
  var omit = P.omit;
  var useRefs = P.useRefs;
  var compose = P.compose;
  var useControllable = P.useControllable;
  var allowed = P.allowed;
  var focusEl = P.focusEl;
  var moveFocus = P.moveFocus;
  var CheckIcon = P.CheckIcon;
  var MinusIcon = P.MinusIcon;
  var DotIcon = P.DotIcon;
  var comp = P.comp;
  var M = P.M;
  var FOCUS_RING = P.FOCUS_RING;

  // ======================================================================= checkbox, switch, radio group

  function HiddenInput(props) {
    if (!props.name) return null;
    return h("input", {
      type: props.type, "aria-hidden": "true", tabIndex: -1, name: props.name, value: props.value,
      checked: props.checked, required: props.required, disabled: props.disabled, readOnly: true,
      style: { position: "absolute", pointerEvents: "none", opacity: 0, margin: 0, width: 1, height: 1, transform: "translateX(-100%)" },
    });
  }

  var CHECKBOX_CLS = S("peer size-4 shrink-0 rounded-[4px] border border-primary shadow-xs " + FOCUS_RING +
    " disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground " +
    "data-[state=indeterminate]:bg-primary data-[state=indeterminate]:text-primary-foreground inline-flex items-center justify-center cursor-pointer");
  M.checkbox = {
    Checkbox: comp("Checkbox", function (props, ref) {
      var st = useControllable(props.checked, props.defaultChecked || false, props.onCheckedChange);
      var checked = st[0];
      var state = checked === "indeterminate" ? "indeterminate" : checked ? "checked" : "unchecked";
      var rest = omit(props, ["className", "checked", "defaultChecked", "onCheckedChange", "required", "name", "value", "asChild", "children"]);
      return h(React.Fragment, null,
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, role: "checkbox", "data-slot": "checkbox",
          "aria-checked": checked === "indeterminate" ? "mixed" : !!checked, "aria-required": props.required,
          "data-state": state, "data-disabled": props.disabled ? "" : undefined, value: props.value || "on",
          className: cn(CHECKBOX_CLS, props.className),
          onKeyDown: compose(props.onKeyDown, function (e) { if (e.key === "Enter") e.preventDefault(); }),
          onClick: compose(props.onClick, function () { st[1](checked === "indeterminate" ? true : !checked); }),
        }), state !== "unchecked" ? h("span", {
          "data-state": state, "data-slot": "checkbox-indicator", className: S("flex items-center justify-center text-current pointer-events-none"),
        }, state === "indeterminate" ? h(MinusIcon, { className: S("size-3.5") }) : h(CheckIcon, { className: S("size-3.5"), strokeWidth: 3 })) : null),
        h(HiddenInput, { type: "checkbox", name: props.name, value: props.value || "on", checked: checked === true, required: props.required, disabled: props.disabled }));
    }),
  };

  var SWITCH_CLS = S("peer inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent " +
    "transition-colors " + FOCUS_RING + " disabled:cursor-not-allowed disabled:opacity-50 " +
    "data-[state=checked]:bg-primary data-[state=unchecked]:bg-input");
  var THUMB_CLS = S("pointer-events-none block size-5 rounded-full bg-background shadow-lg ring-0 transition-transform " +
    "data-[state=checked]:translate-x-5 data-[state=unchecked]:translate-x-0");
  M.switch = {
    Switch: comp("Switch", function (props, ref) {
      var st = useControllable(props.checked, props.defaultChecked || false, props.onCheckedChange);
      var on = !!st[0];
      var rest = omit(props, ["className", "checked", "defaultChecked", "onCheckedChange", "required", "name", "value", "asChild", "children", "thumbClassName"]);
      return h(React.Fragment, null,
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, role: "switch", "aria-checked": on, "aria-required": props.required, "data-slot": "switch",
          "data-state": on ? "checked" : "unchecked", "data-disabled": props.disabled ? "" : undefined, value: props.value || "on",
          className: cn(SWITCH_CLS, props.className),
          onClick: compose(props.onClick, function () { st[1](!on); }),
        }), h("span", { "data-state": on ? "checked" : "unchecked", "data-slot": "switch-thumb", className: cn(THUMB_CLS, props.thumbClassName) })),
        h(HiddenInput, { type: "checkbox", name: props.name, value: props.value || "on", checked: on, required: props.required, disabled: props.disabled }));
    }),
  };

  var RadioCtx = createContext(null);
  M["radio-group"] = {
    RadioGroup: comp("RadioGroup", function (props, ref) {
      var st = useControllable(props.value, props.defaultValue, props.onValueChange);
      var rest = omit(props, ["className", "value", "defaultValue", "onValueChange", "name", "required", "orientation", "loop", "dir", "asChild", "children"]);
      var ctx = { value: st[0], setValue: st[1], name: props.name, disabled: props.disabled, required: props.required };
      return h("div", Object.assign({ role: "radiogroup", "aria-required": props.required, "aria-orientation": props.orientation, "data-slot": "radio-group" }, rest, {
        ref: ref, className: cn(S("grid gap-2"), props.className), "data-disabled": props.disabled ? "" : undefined,
        onKeyDown: compose(props.onKeyDown, function (e) {
          var list = Array.prototype.filter.call(e.currentTarget.querySelectorAll("[role=radio]"), function (b) { return !b.disabled; });
          var moved = moveFocus(e, list, { both: true, loop: props.loop !== false });
          if (moved && moved !== true) moved.click();
        }),
      }), h(RadioCtx.Provider, { value: ctx }, props.children));
    }),
    RadioGroupItem: comp("RadioGroupItem", function (props, ref) {
      var ctx = useContext(RadioCtx) || { value: undefined, setValue: function () {} };
      var checked = ctx.value !== undefined && ctx.value === props.value;
      var disabled = props.disabled || ctx.disabled;
      var rest = omit(props, ["className", "value", "asChild", "children"]);
      return h(React.Fragment, null,
        h("button", Object.assign({ type: "button" }, rest, {
          ref: ref, role: "radio", "aria-checked": checked, "data-state": checked ? "checked" : "unchecked", "data-slot": "radio-group-item",
          disabled: disabled, "data-disabled": disabled ? "" : undefined, value: props.value,
          tabIndex: checked || ctx.value === undefined || ctx.value === "" ? 0 : -1,
          className: cn(S("aspect-square size-4 shrink-0 rounded-full border border-primary text-primary shadow-xs inline-flex items-center justify-center cursor-pointer " +
            FOCUS_RING + " disabled:cursor-not-allowed disabled:opacity-50"), props.className),
          onKeyDown: compose(props.onKeyDown, function (e) { if (e.key === "Enter") e.preventDefault(); }),
          onClick: compose(props.onClick, function () { ctx.setValue(props.value); }),
        }), checked ? h("span", { "data-state": "checked", className: S("flex items-center justify-center") },
          h(DotIcon, { className: S("size-2.5 text-current") })) : null),
        h(HiddenInput, { type: "radio", name: ctx.name, value: props.value, checked: checked, required: ctx.required, disabled: disabled }));
    }),
  };

  // ======================================================================= progress, slider

  M.progress = {
    Progress: comp("Progress", function (props, ref) {
      var max = props.max > 0 ? props.max : 100;
      var value = typeof props.value === "number" && isFinite(props.value) ? Math.min(Math.max(props.value, 0), max) : null;
      var state = value == null ? "indeterminate" : value === max ? "complete" : "loading";
      var rest = omit(props, ["className", "value", "max", "getValueLabel", "indicatorClassName", "asChild"]);
      var pct = value == null ? 0 : (value / max) * 100;
      return h("div", Object.assign({
        role: "progressbar", "aria-valuemin": 0, "aria-valuemax": max, "aria-valuenow": value == null ? undefined : value,
        "aria-valuetext": value == null ? undefined : Math.round(pct) + "%", "data-state": state,
        "data-value": value == null ? undefined : value, "data-max": max, "data-slot": "progress",
      }, rest, {
        ref: ref, className: cn(S("relative h-4 w-full overflow-hidden rounded-full bg-secondary"), props.className),
      }), h("div", {
        "data-state": state, "data-slot": "progress-indicator",
        className: cn(S("h-full w-full flex-1 bg-primary transition-all"), props.indicatorClassName),
        style: { transform: "translateX(-" + (100 - pct) + "%)" },
      }));
    }),
  };

  function roundToStep(v, step, min) {
    var decimals = (String(step).split(".")[1] || "").length;
    var r = Math.round((v - min) / step) * step + min;
    return Number(r.toFixed(decimals));
  }
  var SliderThumb = comp("SliderThumb", function (props, ref) {
    return h("span", Object.assign({ ref: ref }, props));
  });
  M.slider = {
    Slider: comp("Slider", function (props, ref) {
      var min = props.min == null ? 0 : props.min;
      var max = props.max == null ? 100 : props.max;
      var step = props.step > 0 ? props.step : 1;
      var vertical = props.orientation === "vertical";
      var inverted = !!props.inverted;
      var st = useControllable(props.value, props.defaultValue || [min], props.onValueChange);
      var values = Array.isArray(st[0]) ? st[0] : [st[0]];
      var rootRef = useRef(null);
      var thumbsRef = useRef([]);
      var drag = useRef({ index: -1, start: null });
      var sizeSt = useState(20);
      var thumbSize = sizeSt[0];
      var disabled = !!props.disabled;
      var onCommit = props.onValueCommit;

      useLayoutEffect(function () {
        var t = thumbsRef.current[0];
        if (t) {
          var s = vertical ? t.offsetHeight : t.offsetWidth;
          if (s && s !== thumbSize) sizeSt[1](s);
        }
      });

      function pct(v) { return max === min ? 0 : ((v - min) / (max - min)) * 100; }
      function update(index, raw, commit) {
        var v = Math.min(max, Math.max(min, roundToStep(raw, step, min)));
        var lo = index > 0 ? values[index - 1] : min;
        var hi = index < values.length - 1 ? values[index + 1] : max;
        v = Math.min(hi, Math.max(lo, v));
        if (v === values[index]) return;
        var next = values.slice();
        next[index] = v;
        st[1](next);
        if (commit && onCommit) onCommit(next);
        return next;
      }
      function valueFromPointer(e) {
        var r = rootRef.current.getBoundingClientRect();
        var ratio = vertical ? (r.bottom - e.clientY) / r.height : (e.clientX - r.left) / r.width;
        if (inverted) ratio = 1 - ratio;
        return min + Math.min(1, Math.max(0, ratio)) * (max - min);
      }
      function onPointerDown(e) {
        if (props.onPointerDown) props.onPointerDown(e);
        if (disabled || e.button !== 0 || e.defaultPrevented) return;
        var v = valueFromPointer(e);
        var best = 0;
        values.forEach(function (x, i) { if (Math.abs(x - v) < Math.abs(values[best] - v)) best = i; });
        drag.current = { index: best, start: values.slice() };
        try { e.currentTarget.setPointerCapture(e.pointerId); } catch (err) { /* ignore */ }
        e.preventDefault();
        update(best, v, false);
        focusEl(thumbsRef.current[best]);
      }
      function onPointerMove(e) {
        if (props.onPointerMove) props.onPointerMove(e);
        if (drag.current.index < 0) return;
        update(drag.current.index, valueFromPointer(e), false);
      }
      function onPointerUp(e) {
        if (props.onPointerUp) props.onPointerUp(e);
        if (drag.current.index < 0) return;
        drag.current.index = -1;
        try { e.currentTarget.releasePointerCapture(e.pointerId); } catch (err) { /* ignore */ }
        if (onCommit) onCommit(st[0]);
      }
      function onKeyDown(index) {
        return function (e) {
          if (disabled) return;
          var big = step * 10;
          var v = values[index];
          var inc = inverted ? -1 : 1;
          var next;
          switch (e.key) {
            case "ArrowRight": case "ArrowUp": next = v + (e.shiftKey ? big : step) * (e.key === "ArrowRight" || !vertical ? inc : 1); break;
            case "ArrowLeft": case "ArrowDown": next = v - (e.shiftKey ? big : step) * (e.key === "ArrowLeft" || !vertical ? inc : 1); break;
            case "PageUp": next = v + big; break;
            case "PageDown": next = v - big; break;
            case "Home": next = min; break;
            case "End": next = max; break;
            default: return;
          }
          e.preventDefault();
          update(index, next, true);
        };
      }

      var rest = omit(props, ["className", "value", "defaultValue", "onValueChange", "onValueCommit", "min", "max", "step",
        "orientation", "inverted", "minStepsBetweenThumbs", "name", "dir", "asChild", "onPointerDown", "onPointerMove", "onPointerUp",
        "form", "rangeClassName", "thumbClassName", "trackClassName"]);
      var lo = values.length > 1 ? pct(Math.min.apply(null, values)) : 0;
      var hi = pct(Math.max.apply(null, values));
      var rangeStyle = vertical ? { bottom: lo + "%", top: (100 - hi) + "%" } : { left: lo + "%", right: (100 - hi) + "%" };
      if (inverted) rangeStyle = vertical ? { top: lo + "%", bottom: (100 - hi) + "%" } : { right: lo + "%", left: (100 - hi) + "%" };
      var orient = vertical ? "vertical" : "horizontal";
      return h("span", Object.assign({ "data-slot": "slider", dir: "ltr" }, rest, {
        ref: useRefs(ref, rootRef), "data-orientation": orient, "data-disabled": disabled ? "" : undefined, "aria-disabled": disabled || undefined,
        className: cn(S("relative flex w-full touch-none select-none items-center data-[disabled]:opacity-50"),
          vertical && S("h-full min-h-44 w-auto flex-col"), props.className),
        onPointerDown: onPointerDown, onPointerMove: onPointerMove, onPointerUp: onPointerUp,
        style: Object.assign({ touchAction: "none" }, props.style),
      }),
      h("span", { "data-slot": "slider-track", "data-orientation": orient,
        className: cn(S("relative grow overflow-hidden rounded-full bg-secondary"), vertical ? S("h-full w-2") : S("h-2 w-full"), props.trackClassName) },
      h("span", { "data-slot": "slider-range", "data-orientation": orient, className: cn(S("absolute bg-primary"), vertical ? S("w-full") : S("h-full"), props.rangeClassName), style: rangeStyle })),
      values.map(function (v, i) {
        var p = pct(inverted ? max - v + min : v);
        var offset = (thumbSize / 2) * (1 - p / 50);
        var pos = "calc(" + p + "% + " + offset + "px)";
        var wrapStyle = vertical
          ? { position: "absolute", bottom: pos, transform: "translateY(50%)" }
          : { position: "absolute", left: pos, transform: "translateX(-50%)" };
        return h("span", { key: i, style: wrapStyle },
          h(SliderThumb, {
            ref: function (el) { thumbsRef.current[i] = el; },
            role: "slider", tabIndex: disabled ? -1 : 0, "aria-valuemin": min, "aria-valuemax": max, "aria-valuenow": v,
            "aria-orientation": orient, "aria-label": props["aria-label"] && values.length === 1 ? props["aria-label"] : undefined,
            "aria-disabled": disabled || undefined, "data-orientation": orient, "data-disabled": disabled ? "" : undefined, "data-slot": "slider-thumb",
            className: cn(S("block size-5 rounded-full border-2 border-primary bg-background shadow-sm transition-colors cursor-grab " + FOCUS_RING +
              " disabled:pointer-events-none"), props.thumbClassName),
            onKeyDown: onKeyDown(i),
          }),
          props.name ? h("input", { type: "hidden", name: values.length > 1 ? props.name + "[]" : props.name, value: v }) : null);
      }));
    }),
  };


  Object.assign(P, { HiddenInput: HiddenInput, CHECKBOX_CLS: CHECKBOX_CLS, SWITCH_CLS: SWITCH_CLS, THUMB_CLS: THUMB_CLS, RadioCtx: RadioCtx, roundToStep: roundToStep, SliderThumb: SliderThumb });
  P.sources.push(uiForms);
})(window.__artifactsUIParts);

import React, { useEffect, useMemo, useState } from "react";
import * as math from "mathjs";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  ArrowLeftRight, Ruler, Scale, Thermometer, Beaker, Square, Gauge, Clock, HardDrive, Zap, Wind, Calculator, Copy, Check, Compass, Battery,
} from "lucide-react";

const STORAGE_KEY = "unit-converter-state";

// Units mathjs does not ship with, defined once.
const EXTRA_UNITS = {
  mph: "1 mi/h",
  knot: "1852 m/h",
  nmi: "1852 m",
  tsp: "4.92892159375 ml",
  tbsp: "14.78676478125 ml",
  cal: "4.184 J",
  kcal: "4184 J",
  lightyear: "9460730472580800 m",
  au: "149597870700 m",
  carat: "0.2 g",
};
for (const [name, def] of Object.entries(EXTRA_UNITS)) {
  try {
    math.createUnit(name, def);
  } catch {
    /* already defined (mathjs shares units between instances) */
  }
}

const CATEGORIES = [
  { id: "length", label: "Length", Icon: Ruler, units: [["mm", "Millimetre"], ["cm", "Centimetre"], ["m", "Metre"], ["km", "Kilometre"], ["in", "Inch"], ["ft", "Foot"], ["yd", "Yard"], ["mi", "Mile"], ["nmi", "Nautical mile"], ["au", "Astronomical unit"], ["lightyear", "Light-year"]], from: "mi", to: "km", value: "1" },
  { id: "mass", label: "Mass", Icon: Scale, units: [["mg", "Milligram"], ["g", "Gram"], ["kg", "Kilogram"], ["tonne", "Tonne"], ["carat", "Carat"], ["oz", "Ounce"], ["lb", "Pound"], ["stone", "Stone"], ["ton", "US ton"]], from: "lb", to: "kg", value: "150" },
  { id: "temperature", label: "Temperature", Icon: Thermometer, units: [["degC", "Celsius"], ["degF", "Fahrenheit"], ["K", "Kelvin"], ["degR", "Rankine"]], from: "degF", to: "degC", value: "98.6" },
  { id: "volume", label: "Volume", Icon: Beaker, units: [["ml", "Millilitre"], ["l", "Litre"], ["m3", "Cubic metre"], ["tsp", "Teaspoon (US)"], ["tbsp", "Tablespoon (US)"], ["floz", "Fluid ounce (US)"], ["cup", "Cup (US)"], ["pint", "Pint (US)"], ["quart", "Quart (US)"], ["gallon", "Gallon (US)"], ["cuft", "Cubic foot"]], from: "cup", to: "ml", value: "2" },
  { id: "area", label: "Area", Icon: Square, units: [["cm2", "Square centimetre"], ["m2", "Square metre"], ["hectare", "Hectare"], ["km2", "Square kilometre"], ["sqin", "Square inch"], ["sqft", "Square foot"], ["sqyd", "Square yard"], ["acre", "Acre"], ["sqmi", "Square mile"]], from: "sqft", to: "m2", value: "1000" },
  { id: "speed", label: "Speed", Icon: Wind, units: [["m/s", "Metre per second"], ["km/h", "Kilometre per hour"], ["mph", "Mile per hour"], ["knot", "Knot"], ["ft/s", "Foot per second"]], from: "mph", to: "km/h", value: "60" },
  { id: "time", label: "Time", Icon: Clock, units: [["ms", "Millisecond"], ["s", "Second"], ["minute", "Minute"], ["hour", "Hour"], ["day", "Day"], ["week", "Week"], ["month", "Month (average)"], ["year", "Year (Julian)"]], from: "week", to: "hour", value: "1" },
  { id: "data", label: "Data", Icon: HardDrive, units: [["b", "Bit"], ["B", "Byte"], ["kB", "Kilobyte (1000)"], ["MB", "Megabyte"], ["GB", "Gigabyte"], ["TB", "Terabyte"], ["KiB", "Kibibyte (1024)"], ["MiB", "Mebibyte"], ["GiB", "Gibibyte"], ["TiB", "Tebibyte"]], from: "GB", to: "GiB", value: "500" },
  { id: "energy", label: "Energy", Icon: Battery, units: [["J", "Joule"], ["kJ", "Kilojoule"], ["cal", "Calorie"], ["kcal", "Kilocalorie"], ["Wh", "Watt-hour"], ["kWh", "Kilowatt-hour"], ["BTU", "BTU"], ["eV", "Electronvolt"]], from: "kcal", to: "kJ", value: "2000" },
  { id: "power", label: "Power", Icon: Zap, units: [["W", "Watt"], ["kW", "Kilowatt"], ["MW", "Megawatt"], ["hp", "Horsepower"]], from: "hp", to: "kW", value: "300" },
  { id: "pressure", label: "Pressure", Icon: Gauge, units: [["Pa", "Pascal"], ["kPa", "Kilopascal"], ["bar", "Bar"], ["atm", "Atmosphere"], ["psi", "Pound per sq. inch"], ["mmHg", "Millimetre of mercury"]], from: "psi", to: "bar", value: "32" },
  { id: "angle", label: "Angle", Icon: Compass, units: [["deg", "Degree"], ["rad", "Radian"], ["grad", "Gradian"], ["arcmin", "Arcminute"], ["arcsec", "Arcsecond"]], from: "deg", to: "rad", value: "180" },
];

const EXAMPLES = ["5 ft + 7 in to cm", "60 mph to km/h", "3 cups + 2 tbsp to ml", "1.5 kWh / 3 h to W", "100 degF to degC", "2^10 bytes to KiB", "sqrt(2) * 3 m to in", "1 lightyear / (300000 km/s) to day"];

function convert(value, from, to) {
  return math.unit(value, from).toNumber(to);
}

function fmt(n, precision) {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  const s = math.format(n, { precision, lowerExp: -7, upperExp: 16 });
  // Group the integer part for readability (12345678 -> 12,345,678), leaving exponents alone.
  if (/e/.test(s)) {
    const [mant, exp] = s.split("e");
    const sup = { "-": "⁻", "+": "", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
    return `${mant} × 10${exp.split("").map((c) => sup[c]).join("")}`;
  }
  const [int, frac] = s.split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : "");
}

function CopyButton({ text }) {
  const [done, setDone] = useState(false);
  return (
    <Button
      variant="ghost" size="icon" className="h-8 w-8" aria-label="Copy result"
      onClick={async () => {
        try { await navigator.clipboard.writeText(text); } catch { /* clipboard may be unavailable */ }
        setDone(true);
        setTimeout(() => setDone(false), 1200);
      }}
    >
      {done ? <Check className="h-4 w-4 text-emerald-600" /> : <Copy className="h-4 w-4" />}
    </Button>
  );
}

export default function UnitConverter() {
  const [cat, setCat] = useState("length");
  const [selections, setSelections] = useState(() => Object.fromEntries(CATEGORIES.map((c) => [c.id, { from: c.from, to: c.to, value: c.value }])));
  const [precision, setPrecision] = useState("8");
  const [expr, setExpr] = useState(EXAMPLES[0]);
  const [history, setHistory] = useState([]);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    (async () => {
      try {
        const r = await window.storage.get(STORAGE_KEY);
        const s = JSON.parse(r.value);
        if (s.cat && CATEGORIES.some((c) => c.id === s.cat)) setCat(s.cat);
        if (s.selections) setSelections((cur) => ({ ...cur, ...s.selections }));
        if (s.precision) setPrecision(s.precision);
        if (Array.isArray(s.history)) setHistory(s.history);
      } catch { /* first visit */ }
      setLoaded(true);
    })();
  }, []);

  useEffect(() => {
    if (!loaded) return;
    const t = setTimeout(() => window.storage.set(STORAGE_KEY, JSON.stringify({ cat, selections, precision, history })).catch(() => {}), 500);
    return () => clearTimeout(t);
  }, [cat, selections, precision, history, loaded]);

  const category = CATEGORIES.find((c) => c.id === cat);
  const sel = selections[cat];
  const p = Number(precision);
  const name = (id) => (category.units.find((u) => u[0] === id) || [id, id])[1];
  const update = (patch) => setSelections((s) => ({ ...s, [cat]: { ...s[cat], ...patch } }));

  const value = useMemo(() => {
    const t = String(sel.value).trim().replace(/,/g, "");
    if (!t) return null;
    try {
      const v = math.evaluate(t); // lets you type 3/8 or 2*12
      return typeof v === "number" && Number.isFinite(v) ? v : NaN;
    } catch {
      return NaN;
    }
  }, [sel.value]);

  let result = null;
  let error = "";
  if (value !== null) {
    if (Number.isNaN(value)) error = "Enter a number (simple arithmetic like 3/8 works too).";
    else {
      try { result = convert(value, sel.from, sel.to); } catch (e) { error = e.message; }
    }
  }
  const unitRate = (() => { try { return convert(1, sel.from, sel.to); } catch { return null; } })();

  const exprResult = useMemo(() => {
    if (!expr.trim()) return null;
    try {
      const v = math.evaluate(expr);
      if (v && typeof v === "object" && v.type === "Unit") return { ok: true, text: math.format(v, { precision: p, lowerExp: -7, upperExp: 16 }) };
      if (typeof v === "number") return { ok: true, text: fmt(v, p) };
      if (typeof v === "function") return { ok: false, text: "That is a function; call it, e.g. sqrt(2)" };
      return { ok: true, text: math.format(v, { precision: p }) };
    } catch (e) {
      return { ok: false, text: e.message };
    }
  }, [expr, p]);

  const remember = () => {
    if (!exprResult || !exprResult.ok) return;
    setHistory((h) => [{ expr, result: exprResult.text }, ...h.filter((x) => x.expr !== expr)].slice(0, 8));
  };

  return (
    <div className="min-h-screen bg-gradient-to-br from-sky-50 via-white to-indigo-50 p-4 sm:p-6">
      <div className="mx-auto max-w-6xl">
        <header className="mb-5 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">Unit converter</h1>
            <p className="text-sm text-slate-500">Twelve kinds of units, plus a calculator that understands them.</p>
          </div>
          <div className="flex items-center gap-2">
            <Label className="text-xs text-slate-500">Significant digits</Label>
            <Select value={precision} onValueChange={setPrecision}>
              <SelectTrigger className="h-8 w-20 bg-white" aria-label="Significant digits"><SelectValue /></SelectTrigger>
              <SelectContent>{["4", "6", "8", "12", "15"].map((d) => <SelectItem key={d} value={d}>{d}</SelectItem>)}</SelectContent>
            </Select>
          </div>
        </header>

        <div className="flex flex-col gap-5 lg:flex-row">
          <nav className="flex shrink-0 gap-1 overflow-x-auto lg:w-52 lg:flex-col" aria-label="Kind of unit">
            {CATEGORIES.map((c) => (
              <button key={c.id} onClick={() => setCat(c.id)} aria-current={c.id === cat ? "page" : undefined}
                className={`flex shrink-0 items-center gap-2.5 rounded-lg px-3 py-2 text-left text-sm transition ${c.id === cat ? "bg-white font-semibold text-indigo-700 shadow-sm ring-1 ring-indigo-100" : "text-slate-600 hover:bg-white/70"}`}>
                <c.Icon className="h-4 w-4" /> {c.label}
              </button>
            ))}
          </nav>

          <div className="min-w-0 flex-1 space-y-5">
            <Card className="shadow-sm">
              <CardContent className="p-5">
                <div className="flex flex-col gap-3 md:flex-row md:items-end">
                  <div className="flex-1 space-y-2">
                    <Label htmlFor="from-value">From</Label>
                    <Input id="from-value" value={sel.value} onChange={(e) => update({ value: e.target.value })} inputMode="decimal" className="h-12 text-xl font-semibold tabular-nums" />
                    <Select value={sel.from} onValueChange={(v) => update({ from: v })}>
                      <SelectTrigger aria-label="From unit"><SelectValue /></SelectTrigger>
                      <SelectContent>{category.units.map(([id, label]) => <SelectItem key={id} value={id}>{label} ({id})</SelectItem>)}</SelectContent>
                    </Select>
                  </div>
                  <Button variant="outline" size="icon" className="h-10 w-10 shrink-0 self-center rounded-full bg-white md:mb-12" aria-label="Swap units"
                    onClick={() => update({ from: sel.to, to: sel.from, value: result !== null && !error ? String(Number(result.toPrecision(p))) : sel.value })}>
                    <ArrowLeftRight className="h-4 w-4" />
                  </Button>
                  <div className="flex-1 space-y-2">
                    <Label>To</Label>
                    <div className="flex h-12 items-center justify-between rounded-md border bg-indigo-50/60 px-3" data-testid="result">
                      <span className={`truncate text-xl font-semibold tabular-nums ${error ? "text-sm font-normal text-red-600" : "text-indigo-900"}`}>
                        {error || (result === null ? "—" : fmt(result, p))}
                      </span>
                      {result !== null && !error && <CopyButton text={String(Number(result.toPrecision(p)))} />}
                    </div>
                    <Select value={sel.to} onValueChange={(v) => update({ to: v })}>
                      <SelectTrigger aria-label="To unit"><SelectValue /></SelectTrigger>
                      <SelectContent>{category.units.map(([id, label]) => <SelectItem key={id} value={id}>{label} ({id})</SelectItem>)}</SelectContent>
                    </Select>
                  </div>
                </div>
                {unitRate !== null && (
                  <p className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
                    {cat === "temperature"
                      ? <>Formula: {sel.from === sel.to ? "same unit" : <code className="font-mono text-xs">{temperatureFormula(sel.from, sel.to)}</code>}</>
                      : <>1 {name(sel.from).toLowerCase()} = <strong className="tabular-nums">{fmt(unitRate, p)}</strong> {name(sel.to).toLowerCase()}{unitRate !== 0 && <> · 1 {name(sel.to).toLowerCase()} = <strong className="tabular-nums">{fmt(1 / unitRate, p)}</strong> {name(sel.from).toLowerCase()}</>}</>}
                  </p>
                )}
              </CardContent>
            </Card>

            <div className="grid gap-5 xl:grid-cols-2">
              <Card className="shadow-sm">
                <CardHeader className="pb-2">
                  <CardTitle className="text-base">{fmt(value === null || Number.isNaN(value) ? 0 : value, p)} {name(sel.from).toLowerCase()} is…</CardTitle>
                  <CardDescription>Click a row to convert to that unit.</CardDescription>
                </CardHeader>
                <CardContent className="p-0">
                  <table className="w-full text-sm">
                    <tbody className="divide-y">
                      {category.units.filter(([id]) => id !== sel.from).map(([id, label]) => {
                        let v = null;
                        try { v = value === null || Number.isNaN(value) ? null : convert(value, sel.from, id); } catch { v = null; }
                        return (
                          <tr key={id} onClick={() => update({ to: id })} className={`cursor-pointer transition ${id === sel.to ? "bg-indigo-50" : "hover:bg-slate-50"}`}>
                            <td className="px-5 py-2 text-slate-600">{label}</td>
                            <td className="px-5 py-2 text-right font-medium tabular-nums text-slate-900">{v === null ? "—" : fmt(v, p)} <span className="font-normal text-slate-400">{id}</span></td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </CardContent>
              </Card>

              <Card className="shadow-sm">
                <CardHeader className="pb-2">
                  <CardTitle className="flex items-center gap-2 text-base"><Calculator className="h-4 w-4" /> Unit calculator</CardTitle>
                  <CardDescription>Mix units and arithmetic; end with “to unit” to choose the result's unit.</CardDescription>
                </CardHeader>
                <CardContent className="space-y-3">
                  <form onSubmit={(e) => { e.preventDefault(); remember(); }}>
                    <Input value={expr} onChange={(e) => setExpr(e.target.value)} aria-label="Expression" className="font-mono" placeholder="e.g. 5 ft + 7 in to cm" />
                  </form>
                  <div className={`min-h-12 rounded-md px-3 py-2 ${exprResult && !exprResult.ok ? "bg-red-50 text-sm text-red-700" : "bg-slate-900 font-mono text-lg text-emerald-300"}`} data-testid="expr-result">
                    {exprResult ? (exprResult.ok ? "= " + exprResult.text : exprResult.text) : <span className="text-slate-500">…</span>}
                  </div>
                  <div className="flex flex-wrap gap-1.5">
                    {EXAMPLES.map((x) => (
                      <button key={x} onClick={() => setExpr(x)} className="rounded-full border bg-white px-2.5 py-0.5 font-mono text-[11px] text-slate-600 hover:border-indigo-300 hover:text-indigo-700">{x}</button>
                    ))}
                  </div>
                  {history.length > 0 && (
                    <div className="border-t pt-2">
                      <div className="mb-1 text-xs font-medium text-slate-500">Saved (press Enter to save)</div>
                      <ul className="space-y-0.5 text-xs">
                        {history.map((h) => (
                          <li key={h.expr}><button onClick={() => setExpr(h.expr)} className="w-full truncate text-left font-mono text-slate-600 hover:text-indigo-700">{h.expr} = {h.result}</button></li>
                        ))}
                      </ul>
                    </div>
                  )}
                </CardContent>
              </Card>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

function temperatureFormula(from, to) {
  const f = {
    "degC>degF": "°F = °C × 9/5 + 32", "degF>degC": "°C = (°F − 32) × 5/9",
    "degC>K": "K = °C + 273.15", "K>degC": "°C = K − 273.15",
    "degF>K": "K = (°F − 32) × 5/9 + 273.15", "K>degF": "°F = (K − 273.15) × 9/5 + 32",
    "degR>K": "K = °R × 5/9", "K>degR": "°R = K × 9/5",
    "degF>degR": "°R = °F + 459.67", "degR>degF": "°F = °R − 459.67",
    "degC>degR": "°R = (°C + 273.15) × 9/5", "degR>degC": "°C = (°R − 491.67) × 5/9",
  };
  return f[`${from}>${to}`] || "";
}

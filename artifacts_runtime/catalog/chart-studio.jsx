import React, { useEffect, useMemo, useRef, useState } from "react";
import Papa from "papaparse";
import { Chart, registerables } from "chart.js";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Checkbox } from "@/components/ui/checkbox";
import { Badge } from "@/components/ui/badge";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  BarChart3, LineChart, AreaChart, ScatterChart, PieChart, Radar, Download, Upload, AlertTriangle, Table2, CircleDot, BarChartHorizontal,
} from "lucide-react";

Chart.register(...registerables);

const STATE_KEY = "chart-studio-state";

const SAMPLES = {
  "Quarterly revenue": `Quarter,Hardware,Software,Services
Q1 2024,120,210,95
Q2 2024,135,228,101
Q3 2024,128,260,118
Q4 2024,162,301,140
Q1 2025,150,315,152
Q2 2025,171,342,160`,
  "Monthly temperatures": `Month,Reykjavik,Lisbon,Singapore
Jan,0.5,11.6,26.8
Feb,0.9,12.6,27.3
Mar,1.6,14.6,27.8
Apr,3.9,15.6,28.1
May,7.2,17.7,28.5
Jun,9.9,20.4,28.5
Jul,11.6,22.2,28.1
Aug,11.1,22.5,27.9
Sep,8.6,21.5,27.7
Oct,5.0,18.6,27.6
Nov,2.2,14.8,26.9
Dec,0.8,12.4,26.5`,
  "Survey: favourite editor": `Editor,Respondents
VS Code,412
Neovim,131
JetBrains IDEs,187
Emacs,46
Sublime Text,38
Zed,29`,
  "Height vs weight": `height_cm,weight_kg
152,51
158,56
160,60
163,58
165,63
167,61
170,68
171,72
173,70
175,74
176,79
178,77
180,83
182,80
184,88
186,86
188,92
191,95`,
};

const CHART_TYPES = [
  { id: "bar", label: "Bar", Icon: BarChart3 },
  { id: "hbar", label: "Horizontal bar", Icon: BarChartHorizontal },
  { id: "line", label: "Line", Icon: LineChart },
  { id: "area", label: "Area", Icon: AreaChart },
  { id: "scatter", label: "Scatter", Icon: ScatterChart },
  { id: "pie", label: "Pie", Icon: PieChart },
  { id: "doughnut", label: "Doughnut", Icon: CircleDot },
  { id: "radar", label: "Radar", Icon: Radar },
];

const PALETTES = {
  Vivid: ["#6366f1", "#f59e0b", "#10b981", "#ef4444", "#06b6d4", "#a855f7", "#ec4899", "#84cc16"],
  Ocean: ["#0c4a6e", "#0369a1", "#0ea5e9", "#7dd3fc", "#14b8a6", "#0f766e", "#64748b", "#334155"],
  Sunset: ["#7c2d12", "#c2410c", "#f97316", "#fbbf24", "#e11d48", "#9f1239", "#a16207", "#57534e"],
  Mono: ["#111827", "#374151", "#6b7280", "#9ca3af", "#d1d5db", "#4b5563", "#1f2937", "#e5e7eb"],
};

const DEFAULT_CONFIG = { type: "bar", x: "", ys: [], stacked: false, smooth: true, legend: true, title: "", palette: "Vivid", aggregate: "none" };

function parseCsv(text) {
  const result = Papa.parse(text.trim(), { header: true, dynamicTyping: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const fields = (result.meta.fields || []).filter((f) => f !== "");
  const rows = result.data;
  const numeric = fields.filter((f) => {
    const vals = rows.map((r) => r[f]).filter((v) => v !== null && v !== undefined && v !== "");
    return vals.length > 0 && vals.filter((v) => typeof v === "number").length / vals.length >= 0.8;
  });
  return { fields, rows, numeric, errors: result.errors.slice(0, 5) };
}

function aggregateRows(rows, x, ys, mode) {
  if (mode === "none") return rows;
  const groups = new Map();
  for (const r of rows) {
    const key = r[x];
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  return [...groups.entries()].map(([key, list]) => {
    const out = { [x]: key };
    for (const y of ys) {
      const vals = list.map((r) => r[y]).filter((v) => typeof v === "number");
      out[y] = mode === "count" ? list.length : mode === "avg" ? vals.reduce((a, b) => a + b, 0) / (vals.length || 1) : vals.reduce((a, b) => a + b, 0);
    }
    return out;
  });
}

function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

// Paint the canvas white first, so a downloaded PNG is not transparent.
const whiteBackground = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function buildChartConfig(parsed, cfg) {
  const colors = PALETTES[cfg.palette] || PALETTES.Vivid;
  const ys = cfg.ys.filter((y) => parsed.numeric.includes(y));
  const rows = aggregateRows(parsed.rows.filter((r) => r[cfg.x] !== null && r[cfg.x] !== undefined), cfg.x, ys, cfg.aggregate);
  const labels = rows.map((r) => String(r[cfg.x]));
  const round = cfg.type === "pie" || cfg.type === "doughnut";
  let type = cfg.type === "hbar" ? "bar" : cfg.type === "area" ? "line" : cfg.type;
  let datasets;

  if (round) {
    const y = ys[0];
    datasets = [{
      label: y,
      data: rows.map((r) => r[y]),
      backgroundColor: rows.map((_, i) => colors[i % colors.length]),
      borderColor: "#ffffff",
      borderWidth: 2,
    }];
  } else if (cfg.type === "scatter") {
    datasets = ys.map((y, i) => ({
      label: y,
      data: rows.filter((r) => typeof r[cfg.x] === "number" && typeof r[y] === "number").map((r) => ({ x: r[cfg.x], y: r[y] })),
      backgroundColor: withAlpha(colors[i % colors.length], 0.7),
      borderColor: colors[i % colors.length],
      pointRadius: 5,
      pointHoverRadius: 7,
    }));
  } else {
    datasets = ys.map((y, i) => {
      const c = colors[i % colors.length];
      return {
        label: y,
        data: rows.map((r) => (typeof r[y] === "number" ? r[y] : null)),
        backgroundColor: cfg.type === "area" ? withAlpha(c, cfg.stacked ? 0.4 : 0.12) : cfg.type === "radar" ? withAlpha(c, 0.2) : c,
        borderColor: c,
        borderWidth: cfg.type === "bar" || cfg.type === "hbar" ? 0 : 2,
        borderRadius: cfg.type === "bar" || cfg.type === "hbar" ? 4 : 0,
        fill: cfg.type === "area" ? (cfg.stacked ? (i === 0 ? "origin" : "-1") : "origin") : cfg.type === "radar",
        tension: cfg.smooth ? 0.35 : 0,
        pointRadius: cfg.type === "line" || cfg.type === "radar" ? 3 : 0,
        spanGaps: true,
      };
    });
  }

  const cartesian = !round && type !== "radar";
  const numberScale = (title) => ({
    stacked: cfg.stacked && cfg.type !== "scatter",
    beginAtZero: cfg.type !== "scatter",
    grid: { color: "#eef2f7" },
    title: { display: !!title, text: title, color: "#64748b" },
    ticks: { color: "#64748b" },
  });
  const categoryScale = (title) => ({
    stacked: cfg.stacked,
    grid: { display: false },
    title: { display: !!title, text: title, color: "#64748b" },
    ticks: { color: "#64748b" },
  });

  return {
    type,
    data: { labels, datasets },
    plugins: [whiteBackground],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: cfg.type === "hbar" ? "y" : "x",
      animation: { duration: 300 },
      interaction: { mode: cartesian && cfg.type !== "scatter" ? "index" : "nearest", intersect: cfg.type === "scatter" || round },
      plugins: {
        legend: { display: cfg.legend, position: round ? "right" : "top", labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8, color: "#334155" } },
        title: { display: !!cfg.title, text: cfg.title, font: { size: 16, weight: "600" }, color: "#0f172a", padding: { bottom: 12 } },
        tooltip: { backgroundColor: "#0f172a", padding: 10, cornerRadius: 6 },
      },
      scales: cartesian
        ? cfg.type === "scatter"
          ? { x: { ...numberScale(cfg.x), type: "linear" }, y: numberScale(ys.length === 1 ? ys[0] : "") }
          : cfg.type === "hbar"
            ? { y: categoryScale(""), x: numberScale("") }
            : { x: categoryScale(""), y: numberScale(ys.length === 1 ? ys[0] : "") }
        : type === "radar"
          ? { r: { beginAtZero: true, grid: { color: "#e2e8f0" }, angleLines: { color: "#e2e8f0" }, pointLabels: { color: "#334155" } } }
          : {},
    },
  };
}

export default function ChartStudio() {
  const [csv, setCsv] = useState(SAMPLES["Quarterly revenue"]);
  const [cfg, setCfg] = useState(DEFAULT_CONFIG);
  const [loaded, setLoaded] = useState(false);
  const [drawError, setDrawError] = useState("");
  const canvasRef = useRef(null);
  const chartRef = useRef(null);
  const fileRef = useRef(null);

  const parsed = useMemo(() => parseCsv(csv), [csv]);

  useEffect(() => {
    (async () => {
      try {
        const r = await window.storage.get(STATE_KEY);
        const saved = JSON.parse(r.value);
        if (typeof saved.csv === "string") setCsv(saved.csv);
        if (saved.cfg) setCfg({ ...DEFAULT_CONFIG, ...saved.cfg });
      } catch { /* first visit: start with a sample */ }
      setLoaded(true);
    })();
  }, []);

  // Keep the column choices valid whenever the data changes shape.
  useEffect(() => {
    if (!parsed.fields.length) return;
    setCfg((c) => {
      const x = parsed.fields.includes(c.x) ? c.x : parsed.fields.find((f) => !parsed.numeric.includes(f)) || parsed.fields[0];
      let ys = c.ys.filter((y) => parsed.numeric.includes(y) && y !== x);
      if (!ys.length) ys = parsed.numeric.filter((f) => f !== x).slice(0, 4);
      return x === c.x && ys.length === c.ys.length && ys.every((y, i) => y === c.ys[i]) ? c : { ...c, x, ys };
    });
  }, [parsed]);

  useEffect(() => {
    if (!loaded) return;
    const t = setTimeout(() => {
      window.storage.set(STATE_KEY, JSON.stringify({ csv, cfg })).catch(() => {});
    }, 500);
    return () => clearTimeout(t);
  }, [csv, cfg, loaded]);

  const canDraw = parsed.fields.length > 0 && cfg.x && cfg.ys.some((y) => parsed.numeric.includes(y));

  useEffect(() => {
    if (!canvasRef.current || !canDraw) return;
    try {
      const config = buildChartConfig(parsed, cfg);
      if (chartRef.current) chartRef.current.destroy();
      chartRef.current = new Chart(canvasRef.current, config);
      setDrawError("");
    } catch (err) {
      setDrawError(err && err.message ? err.message : String(err));
    }
  }, [parsed, cfg, canDraw]);

  useEffect(() => () => chartRef.current && chartRef.current.destroy(), []);

  const set = (patch) => setCfg((c) => ({ ...c, ...patch }));
  const round = cfg.type === "pie" || cfg.type === "doughnut";

  const download = () => {
    if (!chartRef.current) return;
    const a = document.createElement("a");
    a.href = chartRef.current.toBase64Image("image/png", 1);
    a.download = (cfg.title || "chart").replace(/[^\w-]+/g, "-").toLowerCase() + ".png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  const onFile = (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => setCsv(String(reader.result));
    reader.readAsText(file);
    e.target.value = "";
  };

  return (
    <div className="min-h-screen bg-slate-50 p-4 sm:p-6">
      <div className="mx-auto flex max-w-7xl flex-col gap-5 lg:flex-row">
        <div className="shrink-0 space-y-4 lg:w-96">
          <div>
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">Chart studio</h1>
            <p className="text-sm text-slate-500">Paste CSV, pick columns, download a PNG.</p>
          </div>

          <Card>
            <CardHeader className="flex flex-row items-center justify-between space-y-0 p-4 pb-2">
              <CardTitle className="text-sm">Data</CardTitle>
              <div className="flex gap-1">
                <input ref={fileRef} type="file" accept=".csv,.tsv,.txt,text/csv" className="hidden" onChange={onFile} />
                <Button variant="ghost" size="sm" className="h-7 gap-1.5 text-xs" onClick={() => fileRef.current && fileRef.current.click()}><Upload className="h-3.5 w-3.5" /> Open file</Button>
              </div>
            </CardHeader>
            <CardContent className="space-y-2 p-4 pt-0">
              <div className="flex flex-wrap gap-1.5">
                {Object.keys(SAMPLES).map((name) => (
                  <button key={name} onClick={() => { setCsv(SAMPLES[name]); set({ x: "", ys: [], type: name.startsWith("Height") ? "scatter" : name.startsWith("Survey") ? "doughnut" : name.startsWith("Monthly") ? "line" : "bar", title: name, aggregate: "none" }); }}
                    className="rounded-full border bg-white px-2.5 py-0.5 text-xs text-slate-600 transition hover:border-slate-400 hover:text-slate-900">{name}</button>
                ))}
              </div>
              <Textarea aria-label="CSV data" value={csv} onChange={(e) => setCsv(e.target.value)} rows={9} spellCheck={false} className="font-mono text-xs leading-relaxed" placeholder="Paste CSV with a header row…" />
              <div className="flex items-center justify-between text-xs text-slate-500">
                <span>{parsed.rows.length} rows × {parsed.fields.length} columns</span>
                <span>{parsed.numeric.length} numeric</span>
              </div>
              {parsed.errors.length > 0 && (
                <div className="rounded-md border border-amber-200 bg-amber-50 p-2 text-xs text-amber-800">
                  {parsed.errors.map((e, i) => <div key={i}>Row {e.row != null ? e.row + 2 : "?"}: {e.message}</div>)}
                </div>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardContent className="space-y-4 p-4">
              <div className="grid gap-1.5">
                <Label>Chart type</Label>
                <div className="grid grid-cols-4 gap-1.5">
                  {CHART_TYPES.map(({ id, label, Icon }) => (
                    <button key={id} title={label} aria-label={label} aria-pressed={cfg.type === id} onClick={() => set({ type: id })}
                      className={`flex flex-col items-center gap-1 rounded-md border py-2 text-[11px] transition ${cfg.type === id ? "border-indigo-500 bg-indigo-50 text-indigo-700" : "border-slate-200 bg-white text-slate-600 hover:border-slate-300"}`}>
                      <Icon className="h-4 w-4" /> {label.split(" ")[0]}
                    </button>
                  ))}
                </div>
              </div>
              <div className="grid grid-cols-2 gap-3">
                <div className="grid gap-1.5">
                  <Label>{cfg.type === "scatter" ? "X values" : "Labels (X)"}</Label>
                  <Select value={cfg.x} onValueChange={(x) => set({ x, ys: cfg.ys.filter((y) => y !== x) })}>
                    <SelectTrigger aria-label="X column"><SelectValue placeholder="Column" /></SelectTrigger>
                    <SelectContent>{parsed.fields.map((f) => <SelectItem key={f} value={f}>{f}</SelectItem>)}</SelectContent>
                  </Select>
                </div>
                <div className="grid gap-1.5">
                  <Label>Duplicate labels</Label>
                  <Select value={cfg.aggregate} onValueChange={(aggregate) => set({ aggregate })}>
                    <SelectTrigger aria-label="Aggregate"><SelectValue /></SelectTrigger>
                    <SelectContent>
                      <SelectItem value="none">Keep every row</SelectItem>
                      <SelectItem value="sum">Sum them</SelectItem>
                      <SelectItem value="avg">Average them</SelectItem>
                      <SelectItem value="count">Count rows</SelectItem>
                    </SelectContent>
                  </Select>
                </div>
              </div>
              <div className="grid gap-1.5">
                <Label>{round ? "Value (first checked)" : "Series (Y)"}</Label>
                {parsed.numeric.filter((f) => f !== cfg.x).length === 0 ? (
                  <p className="text-xs text-slate-500">No numeric columns besides the labels.</p>
                ) : (
                  <div className="flex flex-wrap gap-x-4 gap-y-2">
                    {parsed.numeric.filter((f) => f !== cfg.x).map((f, i) => (
                      <label key={f} className="flex items-center gap-2 text-sm text-slate-700">
                        <Checkbox checked={cfg.ys.includes(f)} onCheckedChange={(on) => set({ ys: on ? [...cfg.ys, f] : cfg.ys.filter((y) => y !== f) })} />
                        <span className="h-2.5 w-2.5 rounded-sm" style={{ background: PALETTES[cfg.palette][cfg.ys.indexOf(f) >= 0 ? cfg.ys.indexOf(f) % 8 : i % 8] }} />
                        {f}
                      </label>
                    ))}
                  </div>
                )}
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="chart-title">Title</Label>
                <Input id="chart-title" value={cfg.title} onChange={(e) => set({ title: e.target.value })} placeholder="Optional" />
              </div>
              <div className="grid grid-cols-2 gap-3">
                <div className="grid gap-1.5">
                  <Label>Palette</Label>
                  <Select value={cfg.palette} onValueChange={(palette) => set({ palette })}>
                    <SelectTrigger aria-label="Palette"><SelectValue /></SelectTrigger>
                    <SelectContent>
                      {Object.entries(PALETTES).map(([name, cols]) => (
                        <SelectItem key={name} value={name}>
                          <span className="flex items-center gap-2">
                            <span className="flex">{cols.slice(0, 4).map((c) => <span key={c} className="h-3 w-3" style={{ background: c }} />)}</span>{name}
                          </span>
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </div>
                <div className="space-y-2 pt-1">
                  <label className="flex items-center justify-between text-sm text-slate-700">Stacked <Switch checked={cfg.stacked} disabled={round || cfg.type === "scatter" || cfg.type === "radar"} onCheckedChange={(stacked) => set({ stacked })} /></label>
                  <label className="flex items-center justify-between text-sm text-slate-700">Smooth <Switch checked={cfg.smooth} disabled={!["line", "area", "radar"].includes(cfg.type)} onCheckedChange={(smooth) => set({ smooth })} /></label>
                  <label className="flex items-center justify-between text-sm text-slate-700">Legend <Switch checked={cfg.legend} onCheckedChange={(legend) => set({ legend })} /></label>
                </div>
              </div>
            </CardContent>
          </Card>
        </div>

        <div className="min-w-0 flex-1 space-y-4 lg:pt-14">
          <Card>
            <CardHeader className="flex flex-row items-center justify-between space-y-0 p-4 pb-0">
              <div className="flex items-center gap-2 text-sm text-slate-500">
                <Badge variant="secondary">{(CHART_TYPES.find((t) => t.id === cfg.type) || {}).label}</Badge>
                {cfg.ys.length > 0 && <span className="truncate">{(round ? cfg.ys.slice(0, 1) : cfg.ys).join(", ")} by {cfg.x}</span>}
              </div>
              <Button size="sm" className="gap-1.5" onClick={download} disabled={!canDraw}><Download className="h-4 w-4" /> PNG</Button>
            </CardHeader>
            <CardContent className="p-4">
              <div className="relative h-96">
                <canvas ref={canvasRef} role="img" aria-label={cfg.title || "chart"} className={canDraw ? "" : "hidden"} />
                {!canDraw && (
                  <div className="flex h-full flex-col items-center justify-center gap-2 text-center text-sm text-slate-400">
                    <AlertTriangle className="h-6 w-6" />
                    {parsed.fields.length ? "Choose at least one numeric column to plot." : "Paste CSV data with a header row to begin."}
                  </div>
                )}
              </div>
              {drawError && <p className="mt-2 text-sm text-red-600">Could not draw this chart: {drawError}</p>}
            </CardContent>
          </Card>

          {parsed.fields.length > 0 && (
            <Card>
              <CardHeader className="p-4 pb-2"><CardTitle className="flex items-center gap-2 text-sm"><Table2 className="h-4 w-4" /> Data preview</CardTitle></CardHeader>
              <CardContent className="p-0">
                <div className="max-h-64 overflow-auto">
                  <table className="w-full text-sm">
                    <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-500">
                      <tr>
                        {parsed.fields.map((f) => (
                          <th key={f} className={`px-4 py-2 font-medium ${parsed.numeric.includes(f) ? "text-right" : ""}`}>
                            {f} <span className="ml-1 rounded bg-slate-200/70 px-1 font-mono text-[10px] text-slate-500">{parsed.numeric.includes(f) ? "123" : "abc"}</span>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="divide-y">
                      {parsed.rows.slice(0, 50).map((r, i) => (
                        <tr key={i} className="hover:bg-slate-50">
                          {parsed.fields.map((f) => <td key={f} className={`px-4 py-1.5 ${parsed.numeric.includes(f) ? "text-right tabular-nums" : ""}`}>{r[f] === null || r[f] === undefined ? "" : String(r[f])}</td>)}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {parsed.rows.length > 50 && <p className="border-t px-4 py-2 text-xs text-slate-500">Showing 50 of {parsed.rows.length} rows.</p>}
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

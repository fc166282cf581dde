import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  ResponsiveContainer, LineChart, Line, BarChart, Bar, XAxis, YAxis, Tooltip, CartesianGrid, ReferenceLine, LabelList,
} from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle,
} from "@/components/ui/dialog";
import { RefreshCw, Settings, Globe, Clock, ShieldAlert, AlertTriangle, Braces, Activity, Database } from "lucide-react";

const SETTINGS_KEY = "dashboard-settings";

// A public JSON API that needs no key. Change it (or pick a preset) in Settings.
const DEFAULT_URL =
  "https://api.open-meteo.com/v1/forecast?latitude=51.5072&longitude=-0.1276&current=temperature_2m,apparent_temperature,relative_humidity_2m,wind_speed_10m,precipitation&hourly=temperature_2m,precipitation_probability&forecast_days=2&timezone=auto";

const PRESETS = [
  { name: "Weather: London (Open-Meteo)", url: DEFAULT_URL },
  { name: "Weather: Tokyo (Open-Meteo)", url: "https://api.open-meteo.com/v1/forecast?latitude=35.6762&longitude=139.6503&current=temperature_2m,relative_humidity_2m,wind_speed_10m&hourly=temperature_2m,precipitation_probability&forecast_days=2&timezone=auto" },
  { name: "Exchange rates, EUR base (Frankfurter)", url: "https://api.frankfurter.app/latest" },
  { name: "GitHub repository stats", url: "https://api.github.com/repos/python/cpython" },
];

const DEFAULT_SETTINGS = { url: DEFAULT_URL, title: "Live data", refreshMinutes: "5" };
const COLORS = ["#2563eb", "#f97316", "#10b981", "#a855f7", "#ef4444", "#0891b2"];

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

// ``x-artifacts-fetched-at`` is seconds since the epoch; accept an HTTP date too.
function fetchedAtFrom(headers) {
  const raw = headers.get("x-artifacts-fetched-at");
  if (raw) {
    const n = Number(raw);
    if (Number.isFinite(n)) return new Date(n < 1e11 ? n * 1000 : n);
    const d = new Date(raw);
    if (!isNaN(d)) return d;
  }
  return new Date();
}

function ago(date, now) {
  const s = Math.max(0, Math.round((now - date) / 1000));
  if (s < 10) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

function humanize(key) {
  return String(key)
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/\b(\d+)m\b/, "($1 m)")
    .replace(/^./, (c) => c.toUpperCase());
}

function formatValue(v) {
  if (typeof v === "number") {
    if (Math.abs(v) >= 1e6) return new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 2 }).format(v);
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(v);
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

const TIME_KEY = /^(time|times|date|dates|timestamp|datetime|day|days|hour|hours|period|label|labels|x)$/i;
const looksLikeTime = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v);
const isNum = (v) => typeof v === "number" && Number.isFinite(v);

// Look at any JSON and find what a dashboard can show: headline numbers, time series, records.
function analyze(json) {
  const kpis = [];
  const series = [];
  const records = [];
  const ranking = [];

  const visit = (node, path, depth, units) => {
    if (depth > 4 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      if (node.length && node.every((r) => r && typeof r === "object" && !Array.isArray(r))) {
        const keys = Object.keys(node[0]).filter((k) => node.slice(0, 20).every((r) => r[k] === undefined || r[k] === null || typeof r[k] !== "object"));
        const numeric = keys.filter((k) => node.some((r) => isNum(r[k])));
        if (keys.length) records.push({ path: path || "items", rows: node, keys, numeric });
      }
      return;
    }
    const entries = Object.entries(node);
    const unitsFor = (key) => node[key + "_units"] && typeof node[key + "_units"] === "object" ? node[key + "_units"] : null;

    // Time series: one array of times/labels plus numeric arrays of the same length.
    const arrays = entries.filter(([, v]) => Array.isArray(v) && v.length > 1);
    const axis = arrays.find(([k, v]) => TIME_KEY.test(k) || v.every(looksLikeTime));
    if (axis) {
      const numericArrays = arrays.filter(([k, v]) => k !== axis[0] && v.length === axis[1].length && v.every((x) => x === null || isNum(x)));
      if (numericArrays.length) series.push({ path: path || "data", axis, columns: numericArrays, units: units || {} });
    }

    // Numbers side by side (e.g. exchange rates): a ranking chart.
    const numericEntries = entries.filter(([, v]) => isNum(v));
    const isRanking = !units && numericEntries.length >= 8;
    if (isRanking) ranking.push({ path: path || "values", entries: numericEntries });

    for (const [k, v] of entries) {
      if (v !== null && typeof v === "object") {
        if (/_units$/.test(k)) continue;
        const u = node[k + "_units"];
        visit(v, path ? `${path}.${k}` : k, depth + 1, u && typeof u === "object" ? u : null);
      } else if (depth <= 2 && !isRanking && (isNum(v) || (typeof v === "string" && v.length <= 40) || typeof v === "boolean")) {
        kpis.push({ path: path ? `${path}.${k}` : k, key: k, value: v, group: path, unit: units && typeof units[k] === "string" && !/^(iso8601|unixtime)$/.test(units[k]) ? units[k] : null });
      }
    }
  };
  visit(json, "", 0, null);

  // Measurements with units first, then other numbers, then short text; the API's own metadata last.
  const rank = (k) => (k.unit ? 0 : 2) + (isNum(k.value) ? 0 : 1) + (k.group ? 0 : 1) + (TIME_KEY.test(k.key) || /^(id|interval|.+_id)$/i.test(k.key) ? 3 : 0);
  kpis.sort((a, b) => rank(a) - rank(b));
  return { kpis, series, records, ranking };
}

function SeriesChart({ s }) {
  const [axisKey, axisValues] = s.axis;
  const [hidden, setHidden] = useState({});
  const isTime = axisValues.every(looksLikeTime);
  const data = axisValues.map((x, i) => {
    const row = { x };
    for (const [k, v] of s.columns) row[k] = v[i];
    return row;
  });
  const fmtTick = (x) => {
    if (!isTime) return x;
    const d = new Date(x);
    if (isNaN(d)) return x;
    return /T\d\d:/.test(x) ? d.toLocaleString(undefined, { weekday: "short", hour: "2-digit" }) : d.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  };
  const now = new Date();
  const nowIndex = isTime ? axisValues.findIndex((x) => new Date(x) > now) : -1;
  // Series measured in different units get their own axis (e.g. °C on the left, % on the right).
  const unitList = [...new Set(s.columns.map(([k]) => s.units[k] || ""))];
  const axisFor = (k) => (unitList.length > 1 && (s.units[k] || "") === unitList[1] ? "right" : "left");
  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle className="text-base">{humanize(s.path)}</CardTitle>
        <CardDescription>{s.columns.length} series over {axisValues.length} {humanize(axisKey).toLowerCase()} points{nowIndex > 0 ? " · now is marked" : ""}</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="mb-2 flex flex-wrap gap-2">
          {s.columns.map(([k], i) => (
            <button key={k} onClick={() => setHidden({ ...hidden, [k]: !hidden[k] })}
              className={`flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs transition ${hidden[k] ? "border-slate-200 text-slate-400" : "border-slate-300 text-slate-700"}`}>
              <span className="h-2 w-2 rounded-full" style={{ background: hidden[k] ? "#cbd5e1" : COLORS[i % COLORS.length] }} />
              {humanize(k)}{s.units[k] ? ` (${s.units[k]})` : ""}
            </button>
          ))}
        </div>
        <div className="h-72">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
              <XAxis dataKey="x" tickFormatter={fmtTick} minTickGap={40} fontSize={12} tickLine={false} />
              <YAxis yAxisId="left" fontSize={12} tickLine={false} axisLine={false} width={44} unit={unitList.length > 1 ? unitList[0] : undefined} />
              {unitList.length > 1 && <YAxis yAxisId="right" orientation="right" fontSize={12} tickLine={false} axisLine={false} width={44} unit={unitList[1]} />}
              {nowIndex > 0 && <ReferenceLine yAxisId="left" x={axisValues[nowIndex - 1]} stroke="#64748b" strokeDasharray="4 4" label={{ value: "now", position: "insideTopRight", fontSize: 11, fill: "#64748b" }} />}
              <Tooltip labelFormatter={(x) => (isTime ? new Date(x).toLocaleString() : x)}
                formatter={(v, k) => [`${formatValue(v)}${s.units[k] ? " " + s.units[k] : ""}`, humanize(k)]} />
              {s.columns.map(([k], i) => !hidden[k] && (
                <Line key={k} yAxisId={axisFor(k)} type="monotone" dataKey={k} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </CardContent>
    </Card>
  );
}

function RankingChart({ r }) {
  const data = [...r.entries].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([k, v]) => ({ k, v }));
  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle className="text-base">{humanize(r.path)}</CardTitle>
        <CardDescription>{data.length < r.entries.length ? `Top ${data.length} of ${r.entries.length} values` : `${r.entries.length} values`}, largest first</CardDescription>
      </CardHeader>
      <CardContent style={{ height: 40 + data.length * 26 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 56, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" fontSize={11} tickLine={false} axisLine={false} tickFormatter={formatValue} />
            <YAxis type="category" dataKey="k" fontSize={12} width={72} tickLine={false} axisLine={false} interval={0} />
            <Tooltip formatter={(v) => formatValue(v)} cursor={{ fill: "#f1f5f9" }} />
            <Bar dataKey="v" name="value" fill="#2563eb" radius={[0, 3, 3, 0]} barSize={16} isAnimationActive={false}>
              <LabelList dataKey="v" position="right" fontSize={11} fill="#334155" formatter={formatValue} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

function RecordsTable({ rec }) {
  const cols = rec.keys.slice(0, 7);
  const label = rec.keys.find((k) => typeof rec.rows[0][k] === "string");
  const metric = rec.numeric[0];
  const chart = label && metric ? rec.rows.slice(0, 15).map((r) => ({ k: String(r[label]).slice(0, 18), v: r[metric] })) : null;
  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle className="text-base">{humanize(rec.path)}</CardTitle>
        <CardDescription>{rec.rows.length} records{chart ? ` · chart: ${humanize(metric)} by ${humanize(label).toLowerCase()}` : ""}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {chart && (
          <div className="h-56">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="k" fontSize={11} tickLine={false} />
                <YAxis fontSize={12} tickLine={false} axisLine={false} width={48} tickFormatter={formatValue} />
                <Tooltip formatter={(v) => formatValue(v)} />
                <Bar dataKey="v" name={humanize(metric)} fill="#10b981" radius={[3, 3, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <div className="max-h-80 overflow-auto rounded-md border">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
              <tr>{cols.map((c) => <th key={c} className={`px-3 py-2 font-medium ${rec.numeric.includes(c) ? "text-right" : ""}`}>{humanize(c)}</th>)}</tr>
            </thead>
            <tbody className="divide-y">
              {rec.rows.slice(0, 100).map((r, i) => (
                <tr key={i}>{cols.map((c) => <td key={c} className={`max-w-xs truncate px-3 py-1.5 ${isNum(r[c]) ? "text-right tabular-nums" : ""}`}>{r[c] == null ? "—" : formatValue(r[c])}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardContent>
    </Card>
  );
}

function SettingsDialog({ open, onOpenChange, settings, onSave }) {
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState("");
  useEffect(() => { if (open) { setDraft(settings); setError(""); } }, [open, settings]);
  const save = (e) => {
    e.preventDefault();
    try {
      const u = new URL(draft.url);
      if (!/^https?:$/.test(u.protocol)) throw new Error();
    } catch {
      setError("Enter a full http(s) URL, e.g. https://api.example.com/data.json");
      return;
    }
    onSave(draft);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={save} className="space-y-4">
          <DialogHeader>
            <DialogTitle>Data source</DialogTitle>
            <DialogDescription>Any URL that returns JSON. The first time, you are asked to allow this artifact to reach its site.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label>Presets</Label>
            <Select value={PRESETS.find((p) => p.url === draft.url) ? draft.url : ""} onValueChange={(url) => setDraft({ ...draft, url, title: PRESETS.find((p) => p.url === url).name.split(" (")[0] })}>
              <SelectTrigger><SelectValue placeholder="Choose a public API…" /></SelectTrigger>
              <SelectContent>{PRESETS.map((p) => <SelectItem key={p.url} value={p.url}>{p.name}</SelectItem>)}</SelectContent>
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="url">JSON URL</Label>
            <Input id="url" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} className="font-mono text-xs" />
            {error && <p className="text-sm text-red-600">{error}</p>}
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor="title">Title</Label>
              <Input id="title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
            </div>
            <div className="grid gap-1.5">
              <Label>Refresh</Label>
              <Select value={draft.refreshMinutes} onValueChange={(v) => setDraft({ ...draft, refreshMinutes: v })}>
                <SelectTrigger><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value="0">Only when I ask</SelectItem>
                  <SelectItem value="1">Every minute</SelectItem>
                  <SelectItem value="5">Every 5 minutes</SelectItem>
                  <SelectItem value="15">Every 15 minutes</SelectItem>
                  <SelectItem value="60">Every hour</SelectItem>
                </SelectContent>
              </Select>
            </div>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit">Save and load</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export default function LiveDashboard() {
  const [settings, setSettings] = useState(null);
  const [state, setState] = useState({ status: "idle", data: null, fetchedAt: null, cached: false, error: null, ms: 0 });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [showRaw, setShowRaw] = useState(false);
  const [showAllKpis, setShowAllKpis] = useState(false);
  const [now, setNow] = useState(Date.now());
  const inflight = useRef(0);

  useEffect(() => {
    (async () => {
      try {
        const r = await window.storage.get(SETTINGS_KEY);
        setSettings({ ...DEFAULT_SETTINGS, ...JSON.parse(r.value) });
      } catch {
        setSettings(DEFAULT_SETTINGS);
      }
    })();
    const t = setInterval(() => setNow(Date.now()), 10000);
    return () => clearInterval(t);
  }, []);

  const load = useCallback(async (url) => {
    const ticket = ++inflight.current;
    const started = performance.now();
    setState((s) => ({ ...s, status: "loading", error: null }));
    let response;
    try {
      response = await fetch(url, { headers: { accept: "application/json" } });
    } catch (err) {
      // Refused (no grant, or the user said no) or unreachable: the message says which.
      if (ticket !== inflight.current) return;
      setState((s) => ({ ...s, status: "error", error: { kind: "network", message: err && err.message ? err.message : String(err) } }));
      return;
    }
    const text = await response.text();
    if (ticket !== inflight.current) return;
    if (!response.ok) {
      setState((s) => ({ ...s, status: "error", error: { kind: "http", message: `The server answered HTTP ${response.status} ${response.statusText || ""}`.trim(), detail: text.slice(0, 300) } }));
      return;
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch (err) {
      setState((s) => ({ ...s, status: "error", error: { kind: "json", message: "The response is not JSON: " + err.message, detail: text.slice(0, 300) } }));
      return;
    }
    setState({
      status: "ok",
      data,
      fetchedAt: fetchedAtFrom(response.headers),
      cached: response.headers.get("x-artifacts-cache") === "hit",
      error: null,
      ms: Math.round(performance.now() - started),
    });
  }, []);

  useEffect(() => {
    if (!settings) return;
    load(settings.url);
    const minutes = Number(settings.refreshMinutes);
    const timer = minutes > 0 ? setInterval(() => load(settings.url), minutes * 60000) : null;
    // live-artifacts serves a cached answer at once and tells the page when fresh data arrived.
    const onData = (e) => { if (!e.detail || !e.detail.url || e.detail.url === settings.url) load(settings.url); };
    window.addEventListener("artifact-data", onData);
    return () => {
      if (timer) clearInterval(timer);
      window.removeEventListener("artifact-data", onData);
    };
  }, [settings, load]);

  const analysis = useMemo(() => (state.data ? analyze(state.data) : null), [state.data]);

  const saveSettings = async (next) => {
    setSettings(next);
    try {
      await window.storage.set(SETTINGS_KEY, JSON.stringify(next));
    } catch { /* settings still apply for this session */ }
  };

  if (!settings) return <div className="p-8"><Skeleton className="h-8 w-64" /></div>;

  const origin = originOf(settings.url);
  const { status, data, fetchedAt, cached, error } = state;
  const denied = error && error.kind === "network";

  return (
    <div className="min-h-screen bg-slate-50 p-4 sm:p-6">
      <div className="mx-auto max-w-6xl space-y-5">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <h1 className="flex items-center gap-2 text-2xl font-bold tracking-tight text-slate-900">
              <Activity className="h-6 w-6 text-blue-600" /> {settings.title || "Live data"}
            </h1>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <span className="flex items-center gap-1"><Globe className="h-3.5 w-3.5" /> {origin}</span>
              <span className="flex items-center gap-1" data-testid="fetched-at">
                <Clock className="h-3.5 w-3.5" />
                {fetchedAt ? <>Fetched {fetchedAt.toLocaleString()} ({ago(fetchedAt, now)})</> : status === "loading" ? "Fetching…" : "Not fetched yet"}
              </span>
              {fetchedAt && cached && <Badge variant="secondary" className="h-5 text-[10px]">cached · refreshing in the background</Badge>}
              {Number(settings.refreshMinutes) > 0 && <span>auto-refresh every {settings.refreshMinutes} min</span>}
            </div>
          </div>
          <div className="flex gap-2">
            <Button variant="outline" className="gap-2 bg-white" onClick={() => load(settings.url)} disabled={status === "loading"}>
              <RefreshCw className={`h-4 w-4 ${status === "loading" ? "animate-spin" : ""}`} /> Refresh
            </Button>
            <Button variant="outline" className="gap-2 bg-white" onClick={() => setSettingsOpen(true)}>
              <Settings className="h-4 w-4" /> Source
            </Button>
          </div>
        </header>

        {error && (
          <Alert variant={denied ? "default" : "destructive"} className={denied ? "border-amber-300 bg-amber-50 text-amber-900" : "bg-white"} data-testid="fetch-error">
            {denied ? <ShieldAlert className="h-4 w-4" /> : <AlertTriangle className="h-4 w-4" />}
            <AlertTitle>{denied ? `Could not load data from ${origin}` : "The data could not be used"}</AlertTitle>
            <AlertDescription className="space-y-2">
              <p className="break-words" style={{ overflowWrap: "anywhere" }}>{error.message}</p>
              {denied && (
                <p className="text-amber-800">
                  This dashboard reads its data from <span className="font-mono">{origin}</span>. Allow this artifact to reach that site when you are asked
                  (or grant it from the command line), check your connection, then press Refresh. You can also switch to another source.
                </p>
              )}
              {error.detail && <pre className="max-h-32 overflow-auto whitespace-pre-wrap rounded bg-slate-900/5 p-2 text-xs">{error.detail}</pre>}
              <div className="flex gap-2 pt-1">
                <Button size="sm" variant="outline" className="gap-1.5 bg-white" onClick={() => load(settings.url)}><RefreshCw className="h-3.5 w-3.5" /> Try again</Button>
                <Button size="sm" variant="outline" className="gap-1.5 bg-white" onClick={() => setSettingsOpen(true)}><Settings className="h-3.5 w-3.5" /> Change source</Button>
              </div>
              {data && <p className="text-xs opacity-80">Showing the last data that loaded.</p>}
            </AlertDescription>
          </Alert>
        )}

        {!data && status === "loading" && (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-24 rounded-xl" />)}
            <Skeleton className="h-72 rounded-xl sm:col-span-2 lg:col-span-4" />
          </div>
        )}

        {analysis && (
          <>
            {analysis.kpis.length > 0 && (
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                {analysis.kpis.slice(0, showAllKpis ? 60 : 8).map((k) => (
                  <Card key={k.path} className="overflow-hidden">
                    <CardContent className="p-4">
                      <div className="truncate text-xs font-medium uppercase tracking-wide text-slate-500" title={k.path}>{humanize(k.key)}</div>
                      <div className={`mt-1 truncate font-semibold tabular-nums text-slate-900 ${isNum(k.value) ? "text-2xl" : "text-base"}`} title={String(k.value)}>
                        {formatValue(k.value)}
                        {k.unit && <span className="ml-1 text-sm font-normal text-slate-500">{k.unit}</span>}
                      </div>
                      {k.group && <div className="mt-0.5 truncate text-[11px] text-slate-400">{k.group}</div>}
                    </CardContent>
                  </Card>
                ))}
                {analysis.kpis.length > 8 && (
                  <button onClick={() => setShowAllKpis(!showAllKpis)} className="col-span-full justify-self-start text-xs font-medium text-blue-700 hover:underline">
                    {showAllKpis ? "Show fewer values" : `Show ${analysis.kpis.length - 8} more values`}
                  </button>
                )}
              </div>
            )}
            {analysis.series.map((s) => <SeriesChart key={s.path} s={s} />)}
            {analysis.ranking.map((r) => <RankingChart key={r.path} r={r} />)}
            {analysis.records.slice(0, 3).map((rec) => <RecordsTable key={rec.path} rec={rec} />)}
            {!analysis.kpis.length && !analysis.series.length && !analysis.records.length && !analysis.ranking.length && (
              <Card><CardContent className="p-6 text-sm text-slate-500">This JSON has no numbers or records to chart; see the raw response below.</CardContent></Card>
            )}
            <Card>
              <button className="flex w-full items-center justify-between px-5 py-3 text-left text-sm font-medium text-slate-700" onClick={() => setShowRaw(!showRaw)}>
                <span className="flex items-center gap-2"><Braces className="h-4 w-4" /> Raw response</span>
                <span className="flex items-center gap-3 text-xs font-normal text-slate-400">
                  <span className="flex items-center gap-1"><Database className="h-3.5 w-3.5" />{new Blob([JSON.stringify(data)]).size.toLocaleString()} bytes · {state.ms} ms</span>
                  {showRaw ? "Hide" : "Show"}
                </span>
              </button>
              {showRaw && <pre className="max-h-96 overflow-auto border-t bg-slate-950 p-4 text-xs leading-relaxed text-slate-100">{JSON.stringify(data, null, 2)}</pre>}
            </Card>
          </>
        )}
      </div>
      <SettingsDialog open={settingsOpen} onOpenChange={setSettingsOpen} settings={settings} onSave={saveSettings} />
    </div>
  );
}

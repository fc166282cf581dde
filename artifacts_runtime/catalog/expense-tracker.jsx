import React, { useEffect, useMemo, useState } from "react";
import {
  PieChart, Pie, Cell, ResponsiveContainer, Tooltip, BarChart, Bar, XAxis, YAxis, CartesianGrid, ReferenceLine,
} from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  UtensilsCrossed, ShoppingCart, Car, Home, Zap, Film, HeartPulse, ShoppingBag, Plane, MoreHorizontal,
  ChevronLeft, ChevronRight, Download, Plus, Search, Trash2, Wallet, PiggyBank, TrendingUp, Receipt, Pencil, Check,
} from "lucide-react";

const STORAGE_KEY = "expense-tracker-v1";

const CATEGORIES = [
  { id: "food", label: "Food & dining", color: "#f97316", Icon: UtensilsCrossed },
  { id: "groceries", label: "Groceries", color: "#84cc16", Icon: ShoppingCart },
  { id: "housing", label: "Housing", color: "#6366f1", Icon: Home },
  { id: "utilities", label: "Utilities", color: "#eab308", Icon: Zap },
  { id: "transport", label: "Transport", color: "#0ea5e9", Icon: Car },
  { id: "health", label: "Health", color: "#ef4444", Icon: HeartPulse },
  { id: "entertainment", label: "Entertainment", color: "#a855f7", Icon: Film },
  { id: "shopping", label: "Shopping", color: "#ec4899", Icon: ShoppingBag },
  { id: "travel", label: "Travel", color: "#14b8a6", Icon: Plane },
  { id: "other", label: "Other", color: "#94a3b8", Icon: MoreHorizontal },
];
const CAT = Object.fromEntries(CATEGORIES.map((c) => [c.id, c]));

const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR"];

const EMPTY = { expenses: [], budget: 2000, currency: "USD" };

function todayKey() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function monthKey(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

function shiftMonth(key, n) {
  const [y, m] = key.split("-").map(Number);
  return monthKey(new Date(y, m - 1 + n, 1));
}

function monthLabel(key, style = "long") {
  const [y, m] = key.split("-").map(Number);
  return new Date(y, m - 1, 1).toLocaleDateString(undefined, { month: style, year: style === "long" ? "numeric" : undefined });
}

function daysInMonth(key) {
  const [y, m] = key.split("-").map(Number);
  return new Date(y, m, 0).getDate();
}

function uid() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
}

function sampleExpenses() {
  // Three months of plausible spending, so the charts have something to show.
  const rows = [
    ["housing", 1150, "Rent", 1], ["utilities", 64.2, "Electricity", 3], ["utilities", 39.99, "Internet", 5],
    ["groceries", 82.45, "Weekly shop", 2], ["groceries", 67.1, "Weekly shop", 9], ["groceries", 91.3, "Weekly shop", 16],
    ["groceries", 58.75, "Farmers market", 22], ["food", 18.5, "Lunch with Sam", 4], ["food", 42, "Pizza night", 11],
    ["food", 9.8, "Coffee & bagel", 14], ["food", 64.3, "Birthday dinner", 19], ["transport", 45, "Transit pass", 1],
    ["transport", 38.6, "Fuel", 12], ["health", 25, "Pharmacy", 8], ["entertainment", 15.99, "Streaming", 6],
    ["entertainment", 28, "Concert tickets", 18], ["shopping", 54.9, "Running shoes", 13], ["other", 12, "Gift wrap", 20],
  ];
  const now = new Date();
  const out = [];
  for (let back = 2; back >= 0; back--) {
    const base = new Date(now.getFullYear(), now.getMonth() - back, 1);
    const mk = monthKey(base);
    const lastDay = back === 0 ? now.getDate() : daysInMonth(mk);
    rows.forEach(([category, amount, note, day], i) => {
      if (day > lastDay) return;
      const wobble = category === "housing" ? 1 : 0.8 + ((i * 37 + back * 11) % 40) / 100;
      out.push({
        id: uid() + i + back,
        date: `${mk}-${String(day).padStart(2, "0")}`,
        amount: Math.round(amount * wobble * 100) / 100,
        category,
        note,
      });
    });
  }
  return out;
}

function CategoryIcon({ id, className = "h-4 w-4" }) {
  const c = CAT[id] || CAT.other;
  const Icon = c.Icon;
  return (
    <span className="inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full" style={{ background: c.color + "1f", color: c.color }}>
      <Icon className={className} />
    </span>
  );
}

export default function ExpenseTracker() {
  const [data, setData] = useState(null);
  const [status, setStatus] = useState("");
  const [month, setMonth] = useState(monthKey(new Date()));
  const [form, setForm] = useState({ amount: "", note: "", category: "food", date: todayKey() });
  const [formError, setFormError] = useState("");
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState("all");
  const [editingBudget, setEditingBudget] = useState(false);
  const [budgetDraft, setBudgetDraft] = useState("");

  useEffect(() => {
    (async () => {
      try {
        const r = await window.storage.get(STORAGE_KEY);
        setData({ ...EMPTY, ...JSON.parse(r.value) });
      } catch {
        setData(EMPTY);
      }
    })();
  }, []);

  const save = async (next) => {
    setData(next);
    try {
      await window.storage.set(STORAGE_KEY, JSON.stringify(next));
      setStatus("Saved");
    } catch (err) {
      setStatus("Could not save: " + (err && err.message ? err.message : err));
    }
  };

  const money = useMemo(() => {
    const currency = (data && data.currency) || "USD";
    const fmt = new Intl.NumberFormat(undefined, { style: "currency", currency });
    const short = new Intl.NumberFormat(undefined, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
    return { fmt: (n) => fmt.format(n), short: (n) => short.format(n) };
  }, [data && data.currency]);

  const monthExpenses = useMemo(
    () => (data ? data.expenses.filter((e) => e.date.startsWith(month)).sort((a, b) => b.date.localeCompare(a.date)) : []),
    [data, month],
  );

  const byCategory = useMemo(() => {
    const totals = {};
    for (const e of monthExpenses) totals[e.category] = (totals[e.category] || 0) + e.amount;
    return CATEGORIES.filter((c) => totals[c.id]).map((c) => ({ ...c, value: Math.round(totals[c.id] * 100) / 100 }))
      .sort((a, b) => b.value - a.value);
  }, [monthExpenses]);

  const trend = useMemo(() => {
    if (!data) return [];
    const out = [];
    for (let i = 5; i >= 0; i--) {
      const mk = shiftMonth(month, -i);
      const row = { month: monthLabel(mk, "short"), key: mk };
      for (const e of data.expenses) if (e.date.startsWith(mk)) row[e.category] = Math.round(((row[e.category] || 0) + e.amount) * 100) / 100;
      out.push(row);
    }
    return out;
  }, [data, month]);

  if (!data) return <div className="flex min-h-screen items-center justify-center text-sm text-slate-500">Loading expenses…</div>;

  const total = monthExpenses.reduce((s, e) => s + e.amount, 0);
  const isCurrentMonth = month === monthKey(new Date());
  const elapsedDays = isCurrentMonth ? new Date().getDate() : daysInMonth(month);
  const perDay = total / Math.max(1, elapsedDays);
  const projected = isCurrentMonth ? perDay * daysInMonth(month) : total;
  const budgetPct = data.budget ? Math.min(100, (total / data.budget) * 100) : 0;
  const over = data.budget && total > data.budget;
  const usedCategories = CATEGORIES.filter((c) => trend.some((row) => row[c.id]));

  const visible = monthExpenses.filter((e) =>
    (filter === "all" || e.category === filter) &&
    (!query || e.note.toLowerCase().includes(query.toLowerCase()) || (CAT[e.category] || CAT.other).label.toLowerCase().includes(query.toLowerCase())),
  );

  const addExpense = (e) => {
    e.preventDefault();
    const amount = Number(String(form.amount).replace(",", "."));
    if (!Number.isFinite(amount) || amount <= 0) {
      setFormError("Enter an amount greater than zero.");
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) {
      setFormError("Pick a date.");
      return;
    }
    setFormError("");
    const entry = { id: uid(), date: form.date, amount: Math.round(amount * 100) / 100, category: form.category, note: form.note.trim() || (CAT[form.category] || CAT.other).label };
    save({ ...data, expenses: [...data.expenses, entry] });
    setForm({ ...form, amount: "", note: "" });
    setMonth(form.date.slice(0, 7));
  };

  const remove = (id) => save({ ...data, expenses: data.expenses.filter((e) => e.id !== id) });

  const exportCsv = () => {
    const lines = [["date", "amount", "currency", "category", "description"].join(",")];
    for (const e of [...data.expenses].sort((a, b) => a.date.localeCompare(b.date))) {
      lines.push([e.date, e.amount.toFixed(2), data.currency, (CAT[e.category] || CAT.other).label, `"${e.note.replace(/"/g, '""')}"`].join(","));
    }
    const url = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `expenses-${todayKey()}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const commitBudget = () => {
    const n = Number(budgetDraft);
    if (Number.isFinite(n) && n >= 0) save({ ...data, budget: Math.round(n) });
    setEditingBudget(false);
  };

  return (
    <div className="min-h-screen bg-slate-50 p-4 sm:p-6">
      <div className="mx-auto max-w-6xl space-y-5">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <span className="flex h-10 w-10 items-center justify-center rounded-xl bg-slate-900 text-white"><Wallet className="h-5 w-5" /></span>
            <div>
              <h1 className="text-2xl font-bold tracking-tight text-slate-900">Expenses</h1>
              <p className="text-xs text-slate-500">{status || "Stored privately with this artifact"}</p>
            </div>
          </div>
          <div className="flex items-center gap-2">
            <div className="flex items-center rounded-lg border bg-white">
              <Button variant="ghost" size="icon" aria-label="Previous month" onClick={() => setMonth(shiftMonth(month, -1))}><ChevronLeft className="h-4 w-4" /></Button>
              <span className="w-36 text-center text-sm font-medium">{monthLabel(month)}</span>
              <Button variant="ghost" size="icon" aria-label="Next month" onClick={() => setMonth(shiftMonth(month, 1))}><ChevronRight className="h-4 w-4" /></Button>
            </div>
            <Select value={data.currency} onValueChange={(v) => save({ ...data, currency: v })}>
              <SelectTrigger className="w-24 bg-white" aria-label="Currency"><SelectValue /></SelectTrigger>
              <SelectContent>
                {CURRENCIES.map((c) => <SelectItem key={c} value={c}>{c}</SelectItem>)}
              </SelectContent>
            </Select>
            <Button variant="outline" className="gap-2 bg-white" onClick={exportCsv} disabled={!data.expenses.length}>
              <Download className="h-4 w-4" /> CSV
            </Button>
          </div>
        </header>

        <Card>
          <CardContent className="p-4">
            <form onSubmit={addExpense} className="flex flex-wrap items-end gap-3">
              <div className="grid w-full gap-1.5 sm:w-32">
                <Label htmlFor="amount">Amount</Label>
                <Input id="amount" inputMode="decimal" placeholder="0.00" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
              </div>
              <div className="grid min-w-48 flex-1 gap-1.5">
                <Label htmlFor="note">Description</Label>
                <Input id="note" placeholder="What was it for?" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} maxLength={80} />
              </div>
              <div className="grid w-full gap-1.5 sm:w-48">
                <Label>Category</Label>
                <Select value={form.category} onValueChange={(v) => setForm({ ...form, category: v })}>
                  <SelectTrigger aria-label="Category"><SelectValue /></SelectTrigger>
                  <SelectContent>
                    {CATEGORIES.map((c) => (
                      <SelectItem key={c.id} value={c.id}>{c.label}</SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </div>
              <div className="grid w-full gap-1.5 sm:w-40">
                <Label htmlFor="date">Date</Label>
                <Input id="date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
              </div>
              <Button type="submit" className="w-full gap-2 sm:w-auto"><Plus className="h-4 w-4" /> Add</Button>
            </form>
            {formError && <p className="mt-2 text-sm text-red-600">{formError}</p>}
          </CardContent>
        </Card>

        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          <Card>
            <CardContent className="p-4 sm:p-5">
              <div className="flex items-center justify-between text-sm text-slate-500">Spent <Receipt className="h-4 w-4" /></div>
              <div className="mt-1 text-2xl font-semibold tabular-nums">{money.fmt(total)}</div>
              <div className="mt-1 text-xs text-slate-500">{monthExpenses.length} transactions</div>
            </CardContent>
          </Card>
          <Card>
            <CardContent className="p-4 sm:p-5">
              <div className="flex items-center justify-between text-sm text-slate-500">
                Monthly budget
                {editingBudget ? (
                  <button onClick={commitBudget} aria-label="Save budget" className="text-emerald-600"><Check className="h-4 w-4" /></button>
                ) : (
                  <button onClick={() => { setBudgetDraft(String(data.budget)); setEditingBudget(true); }} aria-label="Edit budget" className="hover:text-slate-900"><Pencil className="h-4 w-4" /></button>
                )}
              </div>
              {editingBudget ? (
                <Input autoFocus className="mt-1 h-9" value={budgetDraft} inputMode="decimal" onChange={(e) => setBudgetDraft(e.target.value)} onKeyDown={(e) => e.key === "Enter" && commitBudget()} onBlur={commitBudget} />
              ) : (
                <div className={`mt-1 text-2xl font-semibold tabular-nums ${over ? "text-red-600" : ""}`}>
                  {over ? "-" : ""}{money.fmt(Math.abs(data.budget - total))} <span className="text-sm font-normal text-slate-500">{over ? "over" : "left"}</span>
                </div>
              )}
              <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={Math.round(budgetPct)} aria-valuemin={0} aria-valuemax={100}>
                <div className={`h-full rounded-full transition-all ${over ? "bg-red-500" : budgetPct > 85 ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${budgetPct}%` }} />
              </div>
              <div className="mt-1 text-xs text-slate-500">{Math.round((total / (data.budget || 1)) * 100)}% of {money.fmt(data.budget)}</div>
            </CardContent>
          </Card>
          <Card>
            <CardContent className="p-4 sm:p-5">
              <div className="flex items-center justify-between text-sm text-slate-500">Daily average <TrendingUp className="h-4 w-4" /></div>
              <div className="mt-1 text-2xl font-semibold tabular-nums">{money.fmt(perDay)}</div>
              <div className="mt-1 text-xs text-slate-500">{isCurrentMonth ? `on pace for ${money.fmt(projected)}` : `over ${elapsedDays} days`}</div>
            </CardContent>
          </Card>
          <Card>
            <CardContent className="p-4 sm:p-5">
              <div className="flex items-center justify-between text-sm text-slate-500">Top category <PiggyBank className="h-4 w-4" /></div>
              {byCategory[0] ? (
                <>
                  <div className="mt-1 truncate text-2xl font-semibold">{byCategory[0].label}</div>
                  <div className="mt-1 text-xs text-slate-500">{money.fmt(byCategory[0].value)} · {Math.round((byCategory[0].value / total) * 100)}% of spending</div>
                </>
              ) : (
                <div className="mt-1 text-2xl font-semibold text-slate-300">—</div>
              )}
            </CardContent>
          </Card>
        </div>

        {data.expenses.length === 0 && (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-dashed border-slate-300 bg-white p-5">
            <div>
              <p className="font-medium text-slate-800">No expenses yet</p>
              <p className="text-sm text-slate-500">Add your first one above, or load three months of sample data to explore the charts.</p>
            </div>
            <Button variant="outline" onClick={() => save({ ...data, expenses: sampleExpenses() })}>Load sample data</Button>
          </div>
        )}

        <div className="grid grid-cols-1 gap-4 lg:grid-cols-5">
          <Card className="lg:col-span-2">
            <CardHeader className="pb-2">
              <CardTitle className="text-base">By category</CardTitle>
              <CardDescription>{monthLabel(month)}</CardDescription>
            </CardHeader>
            <CardContent>
              {byCategory.length ? (
                <div className="flex flex-col items-center gap-4 sm:flex-row lg:flex-col xl:flex-row">
                  <div className="relative h-48 w-48 shrink-0">
                    <ResponsiveContainer width="100%" height="100%">
                      <PieChart>
                        <Pie data={byCategory} dataKey="value" nameKey="label" innerRadius={58} outerRadius={88} paddingAngle={2} stroke="none" isAnimationActive={false}>
                          {byCategory.map((c) => <Cell key={c.id} fill={c.color} />)}
                        </Pie>
                        <Tooltip formatter={(v) => money.fmt(v)} />
                      </PieChart>
                    </ResponsiveContainer>
                    <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
                      <span className="text-xs text-slate-500">Total</span>
                      <span className="text-base font-semibold tabular-nums">{money.short(total)}</span>
                    </div>
                  </div>
                  <ul className="w-full space-y-1.5 text-sm">
                    {byCategory.map((c) => (
                      <li key={c.id} className="flex items-center gap-2">
                        <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: c.color }} />
                        <span className="flex-1 truncate text-slate-700">{c.label}</span>
                        <span className="tabular-nums text-slate-900">{money.fmt(c.value)}</span>
                        <span className="w-10 text-right text-xs tabular-nums text-slate-500">{Math.round((c.value / total) * 100)}%</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="py-16 text-center text-sm text-slate-400">Nothing spent in {monthLabel(month)}.</p>
              )}
            </CardContent>
          </Card>

          <Card className="lg:col-span-3">
            <CardHeader className="pb-2">
              <CardTitle className="text-base">Last six months</CardTitle>
              <CardDescription>Monthly spending by category; the dashed line is your budget</CardDescription>
            </CardHeader>
            <CardContent className="h-80 lg:h-96">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={trend} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                  <XAxis dataKey="month" tickLine={false} axisLine={false} fontSize={12} />
                  <YAxis tickLine={false} axisLine={false} fontSize={12} width={56} tickFormatter={(v) => money.short(v)} />
                  <Tooltip formatter={(v, name) => [money.fmt(v), (CAT[name] || CAT.other).label]} cursor={{ fill: "#f1f5f9" }} />
                  {data.budget > 0 && <ReferenceLine y={data.budget} stroke="#0f172a" strokeDasharray="4 4" />}
                  {usedCategories.map((c, i) => (
                    <Bar key={c.id} dataKey={c.id} stackId="spend" fill={c.color} isAnimationActive={false}
                      radius={i === usedCategories.length - 1 ? [4, 4, 0, 0] : [0, 0, 0, 0]} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </CardContent>
          </Card>
        </div>

        <Card>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 space-y-0 pb-3">
            <CardTitle className="text-base">Transactions</CardTitle>
            <div className="flex items-center gap-2">
              <div className="relative">
                <Search className="absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" />
                <Input className="h-9 w-48 pl-8" placeholder="Search" value={query} onChange={(e) => setQuery(e.target.value)} />
              </div>
              <Select value={filter} onValueChange={setFilter}>
                <SelectTrigger className="h-9 w-40" aria-label="Filter by category"><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value="all">All categories</SelectItem>
                  {CATEGORIES.map((c) => <SelectItem key={c.id} value={c.id}>{c.label}</SelectItem>)}
                </SelectContent>
              </Select>
            </div>
          </CardHeader>
          <CardContent className="p-0">
            {visible.length === 0 ? (
              <p className="px-6 pb-6 text-sm text-slate-400">No transactions match.</p>
            ) : (
              <ul className="divide-y">
                {visible.map((e) => (
                  <li key={e.id} className="group flex items-center gap-3 px-6 py-2.5">
                    <CategoryIcon id={e.category} />
                    <div className="min-w-0 flex-1">
                      <div className="truncate text-sm font-medium text-slate-900">{e.note}</div>
                      <div className="text-xs text-slate-500">
                        {(CAT[e.category] || CAT.other).label} · {new Date(e.date + "T12:00:00").toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" })}
                      </div>
                    </div>
                    <span className="text-sm font-semibold tabular-nums text-slate-900">{money.fmt(e.amount)}</span>
                    <button onClick={() => remove(e.id)} aria-label={`Delete ${e.note}`} className="rounded p-1 text-slate-300 opacity-0 transition hover:bg-red-50 hover:text-red-600 group-hover:opacity-100 focus:opacity-100">
                      <Trash2 className="h-4 w-4" />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

import React, { useEffect, useMemo, useState } from "react";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import {
  Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle,
} from "@/components/ui/dialog";
import { Check, ChevronLeft, ChevronRight, Flame, Plus, Trash2, Trophy, CalendarDays, Target } from "lucide-react";

// Everything lives under one personal key, so a habit and its check-ins are saved together.
const STORAGE_KEY = "habit-tracker-v1";

const COLORS = [
  { name: "Emerald", hex: "#10b981" },
  { name: "Sky", hex: "#0ea5e9" },
  { name: "Violet", hex: "#8b5cf6" },
  { name: "Amber", hex: "#f59e0b" },
  { name: "Rose", hex: "#f43f5e" },
  { name: "Slate", hex: "#64748b" },
];

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// ---------------------------------------------------------------- dates (local, as YYYY-MM-DD)

function dayKey(date) {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

function addDays(date, n) {
  const copy = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  copy.setDate(copy.getDate() + n);
  return copy;
}

function startOfWeek(date) {
  const offset = (date.getDay() + 6) % 7; // Monday = 0
  return addDays(date, -offset);
}

function uid() {
  return Math.random().toString(36).slice(2, 10);
}

function starterData() {
  const now = new Date().toISOString();
  return {
    habits: [
      { id: uid(), name: "Drink 8 glasses of water", color: "#0ea5e9", goal: 7, created: now },
      { id: uid(), name: "Read 20 minutes", color: "#8b5cf6", goal: 5, created: now },
      { id: uid(), name: "Move for 30 minutes", color: "#10b981", goal: 4, created: now },
    ],
    log: {}, // habitId -> { "YYYY-MM-DD": true }
  };
}

// ---------------------------------------------------------------- statistics

function currentStreak(days, today) {
  // A streak survives until the end of today: if today is not done yet, count from yesterday.
  let cursor = days[dayKey(today)] ? today : addDays(today, -1);
  let n = 0;
  while (days[dayKey(cursor)]) {
    n += 1;
    cursor = addDays(cursor, -1);
  }
  return n;
}

function bestStreak(days) {
  const sorted = Object.keys(days).filter((k) => days[k]).sort();
  let best = 0;
  let run = 0;
  let prev = null;
  for (const key of sorted) {
    const [y, m, d] = key.split("-").map(Number);
    const date = new Date(y, m - 1, d);
    run = prev && dayKey(addDays(prev, 1)) === key ? run + 1 : 1;
    best = Math.max(best, run);
    prev = date;
  }
  return best;
}

function completionRate(days, today, span = 30) {
  let done = 0;
  for (let i = 0; i < span; i++) if (days[dayKey(addDays(today, -i))]) done++;
  return Math.round((done / span) * 100);
}

// ---------------------------------------------------------------- components

function Heatmap({ habits, log, today }) {
  const weeks = 26;
  const first = addDays(startOfWeek(today), -(weeks - 1) * 7);
  const columns = [];
  for (let w = 0; w < weeks; w++) {
    const cells = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(first, w * 7 + d);
      const key = dayKey(date);
      const future = date > today;
      const done = habits.filter((h) => log[h.id] && log[h.id][key]).length;
      const ratio = habits.length ? done / habits.length : 0;
      cells.push({ key, future, done, ratio });
    }
    columns.push(cells);
  }
  const shade = (r) =>
    r === 0 ? "#e5e7eb" : r < 0.34 ? "#a7f3d0" : r < 0.67 ? "#34d399" : r < 1 ? "#059669" : "#065f46";
  return (
    <div className="flex items-start gap-3">
      <div className="grid grid-rows-7 gap-1 text-[10px] text-gray-400">
        {WEEKDAYS.map((d, i) => (
          <span key={d} className="flex h-3.5 items-center">{i % 2 === 0 ? d : ""}</span>
        ))}
      </div>
      <div className="flex gap-1">
        {columns.map((cells, i) => (
          <div key={i} className="grid grid-rows-7 gap-1">
            {cells.map((c) => (
              <div
                key={c.key}
                title={c.future ? c.key : `${c.key}: ${c.done} of ${habits.length} habits`}
                className="h-3.5 w-3.5 rounded-[3px]"
                style={{ background: c.future ? "transparent" : shade(c.ratio) }}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function HabitDialog({ open, onOpenChange, onSave }) {
  const [name, setName] = useState("");
  const [goal, setGoal] = useState(7);
  const [color, setColor] = useState(COLORS[0].hex);

  useEffect(() => {
    if (open) {
      setName("");
      setGoal(7);
      setColor(COLORS[Math.floor(Math.random() * COLORS.length)].hex);
    }
  }, [open]);

  const submit = (e) => {
    e.preventDefault();
    if (!name.trim()) return;
    onSave({ name: name.trim(), goal, color });
    onOpenChange(false);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <form onSubmit={submit} className="space-y-5">
          <DialogHeader>
            <DialogTitle>New habit</DialogTitle>
            <DialogDescription>Small and specific works best: "Walk after lunch" beats "Get fit".</DialogDescription>
          </DialogHeader>
          <div className="space-y-2">
            <Label htmlFor="habit-name">Habit</Label>
            <Input id="habit-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Stretch for 10 minutes" maxLength={60} />
          </div>
          <div className="space-y-2">
            <Label>Goal: {goal === 7 ? "every day" : `${goal} days a week`}</Label>
            <div className="flex gap-1.5">
              {[1, 2, 3, 4, 5, 6, 7].map((n) => (
                <button
                  type="button"
                  key={n}
                  onClick={() => setGoal(n)}
                  className={`h-9 w-9 rounded-md border text-sm font-medium transition-colors ${goal === n ? "border-gray-900 bg-gray-900 text-white" : "border-gray-200 hover:bg-gray-100"}`}
                >
                  {n}
                </button>
              ))}
            </div>
          </div>
          <div className="space-y-2">
            <Label>Colour</Label>
            <div className="flex gap-2">
              {COLORS.map((c) => (
                <button
                  type="button"
                  key={c.hex}
                  aria-label={c.name}
                  onClick={() => setColor(c.hex)}
                  className="h-8 w-8 rounded-full ring-offset-2 transition-shadow"
                  style={{ background: c.hex, boxShadow: color === c.hex ? `0 0 0 2px white, 0 0 0 4px ${c.hex}` : "none" }}
                />
              ))}
            </div>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" disabled={!name.trim()}>Add habit</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export default function HabitTracker() {
  const [data, setData] = useState(null);
  const [saveState, setSaveState] = useState("idle"); // idle | saving | saved | error
  const [saveError, setSaveError] = useState("");
  const [weekOffset, setWeekOffset] = useState(0);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(null);

  const today = useMemo(() => {
    const n = new Date();
    return new Date(n.getFullYear(), n.getMonth(), n.getDate());
  }, []);

  useEffect(() => {
    (async () => {
      try {
        const result = await window.storage.get(STORAGE_KEY);
        setData(result && result.value ? JSON.parse(result.value) : starterData());
      } catch {
        setData(starterData()); // first visit: nothing stored yet
      }
    })();
  }, []);

  const persist = async (next) => {
    setData(next);
    setSaveState("saving");
    try {
      await window.storage.set(STORAGE_KEY, JSON.stringify(next));
      setSaveState("saved");
      setSaveError("");
    } catch (err) {
      setSaveState("error");
      setSaveError(err && err.message ? err.message : String(err));
    }
  };

  if (!data) {
    return (
      <div className="flex min-h-screen items-center justify-center bg-gray-50 text-sm text-gray-500">Loading your habits…</div>
    );
  }

  const weekStart = addDays(startOfWeek(today), weekOffset * 7);
  const weekDays = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const todayKey = dayKey(today);

  const toggle = (habitId, key) => {
    const days = { ...(data.log[habitId] || {}) };
    if (days[key]) delete days[key];
    else days[key] = true;
    persist({ ...data, log: { ...data.log, [habitId]: days } });
  };

  const addHabit = ({ name, goal, color }) => {
    persist({ ...data, habits: [...data.habits, { id: uid(), name, goal, color, created: new Date().toISOString() }] });
  };

  const removeHabit = (id) => {
    const log = { ...data.log };
    delete log[id];
    persist({ habits: data.habits.filter((h) => h.id !== id), log });
    setConfirmDelete(null);
  };

  const doneToday = data.habits.filter((h) => data.log[h.id] && data.log[h.id][todayKey]).length;
  const todayPct = data.habits.length ? Math.round((doneToday / data.habits.length) * 100) : 0;
  const longest = data.habits.reduce((m, h) => Math.max(m, bestStreak(data.log[h.id] || {})), 0);
  const activeStreaks = data.habits.filter((h) => currentStreak(data.log[h.id] || {}, today) > 0).length;
  const weekLabel = `${weekDays[0].toLocaleDateString(undefined, { month: "short", day: "numeric" })} – ${weekDays[6].toLocaleDateString(undefined, { month: "short", day: "numeric", year: "numeric" })}`;

  return (
    <div className="min-h-screen bg-gradient-to-b from-emerald-50 to-white p-4 sm:p-8">
      <div className="mx-auto max-w-4xl space-y-6">
        <header className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-3xl font-bold tracking-tight text-gray-900">Habits</h1>
            <p className="mt-1 text-sm text-gray-500">
              {today.toLocaleDateString(undefined, { weekday: "long", month: "long", day: "numeric" })}
              <span className="ml-2 text-xs">
                {saveState === "saving" && "· saving…"}
                {saveState === "saved" && "· saved"}
                {saveState === "error" && <span className="text-red-600">· not saved: {saveError}</span>}
              </span>
            </p>
          </div>
          <Button onClick={() => setDialogOpen(true)} className="gap-2">
            <Plus className="h-4 w-4" /> New habit
          </Button>
        </header>

        <div className="grid grid-cols-3 gap-3 sm:gap-4">
          <Card>
            <CardContent className="p-3 sm:p-5">
              <div className="flex items-center gap-2 text-xs text-gray-500 sm:text-sm"><Target className="h-4 w-4" /> Today</div>
              <div className="mt-2 text-2xl font-semibold">{doneToday} / {data.habits.length}</div>
              <Progress value={todayPct} className="mt-3 h-2" />
            </CardContent>
          </Card>
          <Card>
            <CardContent className="p-3 sm:p-5">
              <div className="flex items-center gap-2 text-xs text-gray-500 sm:text-sm"><Flame className="h-4 w-4 text-orange-500" /> Active streaks</div>
              <div className="mt-2 text-2xl font-semibold">{activeStreaks}</div>
              <div className="mt-1 hidden text-xs text-gray-500 sm:block">habits done yesterday or today</div>
            </CardContent>
          </Card>
          <Card>
            <CardContent className="p-3 sm:p-5">
              <div className="flex items-center gap-2 text-xs text-gray-500 sm:text-sm"><Trophy className="h-4 w-4 text-amber-500" /> Longest streak</div>
              <div className="mt-2 text-2xl font-semibold">{longest} {longest === 1 ? "day" : "days"}</div>
              <div className="mt-1 hidden text-xs text-gray-500 sm:block">across all habits</div>
            </CardContent>
          </Card>
        </div>

        <Card>
          <CardHeader className="flex flex-row items-center justify-between space-y-0 pb-3">
            <div>
              <CardTitle className="text-lg">Week</CardTitle>
              <CardDescription>{weekLabel}</CardDescription>
            </div>
            <div className="flex items-center gap-1">
              <Button variant="ghost" size="icon" aria-label="Previous week" onClick={() => setWeekOffset(weekOffset - 1)}>
                <ChevronLeft className="h-4 w-4" />
              </Button>
              <Button variant="outline" size="sm" disabled={weekOffset === 0} onClick={() => setWeekOffset(0)}>This week</Button>
              <Button variant="ghost" size="icon" aria-label="Next week" disabled={weekOffset >= 0} onClick={() => setWeekOffset(weekOffset + 1)}>
                <ChevronRight className="h-4 w-4" />
              </Button>
            </div>
          </CardHeader>
          <CardContent>
            {data.habits.length === 0 ? (
              <div className="rounded-lg border border-dashed py-12 text-center">
                <CalendarDays className="mx-auto h-8 w-8 text-gray-300" />
                <p className="mt-3 text-sm text-gray-500">No habits yet. Start with one small thing you want to do regularly.</p>
                <Button className="mt-4" onClick={() => setDialogOpen(true)}>Add your first habit</Button>
              </div>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-separate border-spacing-y-2">
                  <thead>
                    <tr className="text-xs font-medium text-gray-500">
                      <th className="text-left font-medium">Habit</th>
                      {weekDays.map((d) => (
                        <th key={dayKey(d)} className={`w-11 text-center font-medium ${dayKey(d) === todayKey ? "text-emerald-700" : ""}`}>
                          <div>{WEEKDAYS[(d.getDay() + 6) % 7]}</div>
                          <div className="text-[11px] font-normal">{d.getDate()}</div>
                        </th>
                      ))}
                      <th className="w-24 text-right font-medium">Streak</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.habits.map((h) => {
                      const days = data.log[h.id] || {};
                      const inWeek = weekDays.filter((d) => days[dayKey(d)]).length;
                      const streak = currentStreak(days, today);
                      const rate = completionRate(days, today);
                      const metGoal = inWeek >= h.goal;
                      return (
                        <tr key={h.id} className="group">
                          <td className="pr-3">
                            <div className="flex items-center gap-3">
                              <span className="h-9 w-1.5 rounded-full" style={{ background: h.color }} />
                              <div className="min-w-0">
                                <div className="truncate font-medium text-gray-900">{h.name}</div>
                                <div className="flex items-center gap-2 text-xs text-gray-500">
                                  <span>{inWeek}/{h.goal} this week</span>
                                  {metGoal && <Badge variant="secondary" className="h-5 px-1.5 text-[10px]">goal met</Badge>}
                                  <span className="hidden sm:inline">· {rate}% last 30 days</span>
                                </div>
                              </div>
                              <button
                                onClick={() => setConfirmDelete(h)}
                                aria-label={`Delete ${h.name}`}
                                className="ml-auto rounded p-1 text-gray-300 opacity-0 transition hover:bg-red-50 hover:text-red-600 group-hover:opacity-100 focus:opacity-100"
                              >
                                <Trash2 className="h-4 w-4" />
                              </button>
                            </div>
                          </td>
                          {weekDays.map((d) => {
                            const key = dayKey(d);
                            const done = !!days[key];
                            const future = d > today;
                            return (
                              <td key={key} className="text-center">
                                <button
                                  data-habit={h.id}
                                  data-day={key}
                                  disabled={future}
                                  onClick={() => toggle(h.id, key)}
                                  aria-pressed={done}
                                  aria-label={`${h.name} on ${key}: ${done ? "done" : "not done"}`}
                                  className={`mx-auto flex h-9 w-9 items-center justify-center rounded-lg border-2 transition-all ${future ? "cursor-not-allowed border-dashed border-gray-200" : done ? "border-transparent text-white shadow-sm" : key === todayKey ? "border-emerald-400 bg-white hover:border-emerald-600" : "border-gray-200 bg-white hover:border-gray-400"}`}
                                  style={done ? { background: h.color } : undefined}
                                >
                                  {done && <Check className="h-5 w-5" strokeWidth={3} />}
                                </button>
                              </td>
                            );
                          })}
                          <td className="text-right">
                            <span className={`inline-flex items-center gap-1 text-sm font-semibold ${streak ? "text-orange-600" : "text-gray-300"}`}>
                              <Flame className="h-4 w-4" /> {streak}
                            </span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="pb-3">
            <CardTitle className="text-lg">Last six months</CardTitle>
            <CardDescription>Each square is a day; darker means more of your habits were done.</CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <Heatmap habits={data.habits} log={data.log} today={today} />
            <div className="mt-3 flex items-center gap-1 text-[11px] text-gray-500">
              Less
              {["#e5e7eb", "#a7f3d0", "#34d399", "#059669", "#065f46"].map((c) => (
                <span key={c} className="h-3 w-3 rounded-sm" style={{ background: c }} />
              ))}
              More
            </div>
          </CardContent>
        </Card>
      </div>

      <HabitDialog open={dialogOpen} onOpenChange={setDialogOpen} onSave={addHabit} />

      <Dialog open={!!confirmDelete} onOpenChange={(o) => !o && setConfirmDelete(null)}>
        <DialogContent className="sm:max-w-sm">
          <DialogHeader>
            <DialogTitle>Delete this habit?</DialogTitle>
            <DialogDescription>
              "{confirmDelete && confirmDelete.name}" and all of its check-ins will be removed. This cannot be undone.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirmDelete(null)}>Keep it</Button>
            <Button variant="destructive" onClick={() => removeHabit(confirmDelete.id)}>Delete</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";
import * as Tone from "tone";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Slider } from "@/components/ui/slider";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Play, Pause, RotateCcw, SkipForward, Settings, Volume2, VolumeX, Flame, Coffee, Brain, CheckCircle2 } from "lucide-react";

const STORAGE_KEY = "pomodoro-v1";

const MODES = {
  focus: { label: "Focus", color: "#e11d48", soft: "bg-rose-50", Icon: Brain },
  short: { label: "Short break", color: "#0d9488", soft: "bg-teal-50", Icon: Coffee },
  long: { label: "Long break", color: "#4f46e5", soft: "bg-indigo-50", Icon: Coffee },
};

const DEFAULTS = {
  focus: 25, short: 5, long: 15, longEvery: 4,
  autoStart: false, sound: "chime", volume: 70, muted: false,
};

function dayKey(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function fmt(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

// Sounds are synthesised with Tone.js: no audio files needed.
async function playSound(kind, volume) {
  await Tone.start();
  const db = volume <= 0 ? -Infinity : -30 + (volume / 100) * 30;
  const now = Tone.now();
  if (kind === "bell") {
    const bell = new Tone.FMSynth({
      harmonicity: 3.01, modulationIndex: 14,
      envelope: { attack: 0.001, decay: 1.6, sustain: 0, release: 1.2 },
      modulationEnvelope: { attack: 0.002, decay: 0.8, sustain: 0, release: 0.5 },
    }).toDestination();
    bell.volume.value = db - 4;
    bell.triggerAttackRelease("E5", 1.5, now);
    bell.triggerAttackRelease("B5", 1.5, now + 0.45);
    setTimeout(() => bell.dispose(), 3500);
  } else if (kind === "digital") {
    const beep = new Tone.Synth({ oscillator: { type: "square" }, envelope: { attack: 0.005, decay: 0.05, sustain: 0.3, release: 0.05 } }).toDestination();
    beep.volume.value = db - 12;
    [0, 0.18, 0.36, 0.8, 0.98, 1.16].forEach((t) => beep.triggerAttackRelease("A5", 0.1, now + t));
    setTimeout(() => beep.dispose(), 2000);
  } else {
    const chime = new Tone.PolySynth(Tone.Synth, { oscillator: { type: "triangle" }, envelope: { attack: 0.01, decay: 0.4, sustain: 0.15, release: 1.4 } }).toDestination();
    chime.volume.value = db - 6;
    ["C5", "E5", "G5", "C6"].forEach((n, i) => chime.triggerAttackRelease(n, 0.5, now + i * 0.16));
    setTimeout(() => chime.dispose(), 3500);
  }
}

function Ring({ progress, color, children }) {
  const r = 118;
  const c = 2 * Math.PI * r;
  return (
    <div className="relative h-72 w-72">
      <svg viewBox="0 0 260 260" className="h-full w-full -rotate-90">
        <circle cx="130" cy="130" r={r} fill="none" stroke="#e5e7eb" strokeWidth="10" />
        <circle
          cx="130" cy="130" r={r} fill="none" stroke={color} strokeWidth="10" strokeLinecap="round"
          strokeDasharray={c} strokeDashoffset={c * (1 - progress)} style={{ transition: "stroke-dashoffset 0.3s linear, stroke 0.3s" }}
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center">{children}</div>
    </div>
  );
}

export default function PomodoroTimer() {
  const [settings, setSettings] = useState(DEFAULTS);
  const [log, setLog] = useState([]);
  const [task, setTask] = useState("");
  const [mode, setMode] = useState("focus");
  const [running, setRunning] = useState(false);
  const [endAt, setEndAt] = useState(null);
  const [remaining, setRemaining] = useState(DEFAULTS.focus * 60);
  const [completedInCycle, setCompletedInCycle] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [flash, setFlash] = useState("");
  const stateRef = useRef({});

  const total = settings[mode] * 60;

  useEffect(() => {
    (async () => {
      try {
        const r = await window.storage.get(STORAGE_KEY);
        const saved = JSON.parse(r.value);
        const s = { ...DEFAULTS, ...(saved.settings || {}) };
        setSettings(s);
        setLog(Array.isArray(saved.log) ? saved.log : []);
        setTask(saved.task || "");
        setRemaining(s.focus * 60);
      } catch { /* first visit */ }
      setLoaded(true);
    })();
  }, []);

  const persist = useCallback((next) => {
    window.storage.set(STORAGE_KEY, JSON.stringify(next)).catch(() => {});
  }, []);

  // Save settings, log and the current task (debounced while typing).
  useEffect(() => {
    if (!loaded) return;
    const t = setTimeout(() => persist({ settings, log, task }), 400);
    return () => clearTimeout(t);
  }, [settings, log, task, loaded, persist]);

  const switchMode = useCallback((next, autoStart = false) => {
    setMode(next);
    const secs = stateRef.current.settings[next] * 60;
    setRemaining(secs);
    if (autoStart) {
      setEndAt(Date.now() + secs * 1000);
      setRunning(true);
    } else {
      setEndAt(null);
      setRunning(false);
    }
  }, []);

  // A finished timer logs the session and chimes; a skipped one just moves on.
  const complete = useCallback((skipped = false) => {
    const { settings: s, mode: m, task: t, completedInCycle: n } = stateRef.current;
    if (skipped) {
      switchMode(m === "focus" ? "short" : "focus", false);
      return;
    }
    if (!s.muted) playSound(s.sound, s.volume).catch(() => {});
    if (m === "focus") {
      setLog((l) => [...l, { day: dayKey(), minutes: s.focus, task: t.trim(), at: new Date().toISOString() }].slice(-2000));
      const done = n + 1;
      setCompletedInCycle(done % s.longEvery);
      setFlash("Focus session done. Take a break.");
      switchMode(done % s.longEvery === 0 ? "long" : "short", s.autoStart);
    } else {
      setFlash("Break over. Ready to focus?");
      switchMode("focus", s.autoStart);
    }
    setTimeout(() => setFlash(""), 5000);
  }, [switchMode]);

  stateRef.current = { settings, mode, task, completedInCycle };

  useEffect(() => {
    if (!running || !endAt) return;
    const tick = () => {
      const left = (endAt - Date.now()) / 1000;
      if (left <= 0) {
        setRemaining(0);
        complete();
      } else {
        setRemaining(left);
      }
    };
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [running, endAt, complete]);

  useEffect(() => {
    document.title = running ? `${fmt(remaining)} · ${MODES[mode].label}` : "Pomodoro";
  }, [remaining, running, mode]);

  const start = async () => {
    try { await Tone.start(); } catch { /* audio may stay locked; the timer still runs */ }
    setEndAt(Date.now() + remaining * 1000);
    setRunning(true);
  };
  const pause = () => {
    setRunning(false);
    setEndAt(null);
  };
  const reset = () => switchMode(mode, false);

  useEffect(() => {
    const onKey = (e) => {
      if (e.target && /INPUT|TEXTAREA/.test(e.target.tagName)) return;
      if (e.code === "Space") { e.preventDefault(); running ? pause() : start(); }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const today = dayKey();
  const todayLog = log.filter((e) => e.day === today);
  const week = useMemo(() => {
    const out = [];
    for (let i = 6; i >= 0; i--) {
      const d = new Date();
      d.setDate(d.getDate() - i);
      const k = dayKey(d);
      out.push({ k, label: d.toLocaleDateString(undefined, { weekday: "narrow" }), minutes: log.filter((e) => e.day === k).reduce((s, e) => s + e.minutes, 0) });
    }
    return out;
  }, [log]);
  const maxWeek = Math.max(60, ...week.map((d) => d.minutes));
  const streak = useMemo(() => {
    const days = new Set(log.map((e) => e.day));
    let n = 0;
    const d = new Date();
    if (!days.has(dayKey(d))) d.setDate(d.getDate() - 1);
    while (days.has(dayKey(d))) { n++; d.setDate(d.getDate() - 1); }
    return n;
  }, [log]);

  const M = MODES[mode];
  const progress = total ? 1 - remaining / total : 0;
  const setS = (patch) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    if (!running && ["focus", "short", "long"].some((k) => k in patch)) setRemaining(next[mode] * 60);
  };

  return (
    <div className={`min-h-screen transition-colors duration-500 ${M.soft} p-4 sm:p-8`}>
      <div className="mx-auto flex max-w-3xl flex-col items-center">
        <header className="flex w-full items-center justify-between">
          <h1 className="text-xl font-bold tracking-tight text-slate-900">Pomodoro</h1>
          <div className="flex gap-1">
            <Button variant="ghost" size="icon" aria-label={settings.muted ? "Unmute" : "Mute"} onClick={() => setS({ muted: !settings.muted })}>
              {settings.muted ? <VolumeX className="h-5 w-5" /> : <Volume2 className="h-5 w-5" />}
            </Button>
            <Button variant="ghost" size="icon" aria-label="Settings" onClick={() => setSettingsOpen(true)}><Settings className="h-5 w-5" /></Button>
          </div>
        </header>

        <div className="mt-6 flex rounded-full bg-white/70 p-1 shadow-sm ring-1 ring-black/5">
          {Object.entries(MODES).map(([k, m]) => (
            <button key={k} onClick={() => switchMode(k)} aria-pressed={mode === k}
              className={`rounded-full px-4 py-1.5 text-sm font-medium transition ${mode === k ? "text-white shadow" : "text-slate-600 hover:text-slate-900"}`}
              style={mode === k ? { background: m.color } : undefined}>
              {m.label}
            </button>
          ))}
        </div>

        <div className="mt-8">
          <Ring progress={progress} color={M.color}>
            <M.Icon className="h-6 w-6" style={{ color: M.color }} />
            <div className="mt-1 font-mono text-6xl font-semibold tabular-nums tracking-tight text-slate-900" data-testid="time">{fmt(remaining)}</div>
            <div className="mt-1 text-sm text-slate-500">
              {mode === "focus" ? `Session ${completedInCycle + 1} of ${settings.longEvery}` : M.label}
            </div>
          </Ring>
        </div>

        <div className="mt-6 flex items-center gap-3">
          <Button variant="outline" size="icon" className="h-12 w-12 rounded-full bg-white" aria-label="Reset" onClick={reset}><RotateCcw className="h-5 w-5" /></Button>
          <Button className="h-14 w-40 rounded-full text-lg shadow-lg" style={{ background: M.color }} onClick={running ? pause : start}>
            {running ? <><Pause className="mr-2 h-5 w-5" /> Pause</> : <><Play className="mr-2 h-5 w-5" /> Start</>}
          </Button>
          <Button variant="outline" size="icon" className="h-12 w-12 rounded-full bg-white" aria-label="Skip to next" onClick={() => complete(true)}><SkipForward className="h-5 w-5" /></Button>
        </div>
        <p className="mt-2 h-5 text-sm font-medium" style={{ color: M.color }} role="status">{flash}</p>

        <div className="mt-4 w-full max-w-md">
          <Input value={task} onChange={(e) => setTask(e.target.value)} placeholder="What are you working on?" aria-label="Current task"
            className="h-11 rounded-xl bg-white text-center text-base" maxLength={80} />
        </div>

        <div className="mt-10 grid w-full gap-4 sm:grid-cols-3">
          <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5">
            <div className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-slate-500"><CheckCircle2 className="h-3.5 w-3.5" /> Today</div>
            <div className="mt-1 text-2xl font-semibold text-slate-900">{todayLog.length} <span className="text-sm font-normal text-slate-500">sessions</span></div>
            <div className="text-sm text-slate-500">{todayLog.reduce((s, e) => s + e.minutes, 0)} focused minutes</div>
          </div>
          <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5">
            <div className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-slate-500"><Flame className="h-3.5 w-3.5" /> Streak</div>
            <div className="mt-1 text-2xl font-semibold text-slate-900">{streak} <span className="text-sm font-normal text-slate-500">{streak === 1 ? "day" : "days"}</span></div>
            <div className="text-sm text-slate-500">{log.length} sessions in total</div>
          </div>
          <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5">
            <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Last 7 days</div>
            <div className="mt-2 flex h-14 items-end gap-1.5">
              {week.map((d) => (
                <div key={d.k} className="flex flex-1 flex-col items-center gap-1" title={`${d.k}: ${d.minutes} min`}>
                  <div className="w-full rounded-sm" style={{ height: Math.max(3, (d.minutes / maxWeek) * 40), background: d.minutes ? MODES.focus.color : "#e5e7eb" }} />
                  <span className="text-[10px] text-slate-400">{d.label}</span>
                </div>
              ))}
            </div>
          </div>
        </div>

        {todayLog.length > 0 && (
          <div className="mt-4 w-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-black/5">
            <div className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">Done today</div>
            <ul className="space-y-1 text-sm">
              {[...todayLog].reverse().slice(0, 8).map((e, i) => (
                <li key={i} className="flex justify-between gap-2 text-slate-700">
                  <span className="truncate">{e.task || "Focus session"}</span>
                  <span className="shrink-0 tabular-nums text-slate-400">{new Date(e.at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })} · {e.minutes} min</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <Sheet open={settingsOpen} onOpenChange={setSettingsOpen}>
        <SheetContent className="w-80 space-y-6 overflow-y-auto sm:max-w-sm">
          <SheetHeader>
            <SheetTitle>Timer settings</SheetTitle>
            <SheetDescription>Saved with this artifact.</SheetDescription>
          </SheetHeader>
          {[["focus", "Focus", 5, 90], ["short", "Short break", 1, 30], ["long", "Long break", 5, 60]].map(([k, label, min, max]) => (
            <div key={k} className="space-y-3">
              <div className="flex justify-between text-sm"><Label>{label}</Label><span className="tabular-nums text-slate-500">{settings[k]} min</span></div>
              <Slider min={min} max={max} step={1} value={[settings[k]]} onValueChange={([v]) => setS({ [k]: v })} aria-label={`${label} minutes`} />
            </div>
          ))}
          <div className="space-y-3">
            <div className="flex justify-between text-sm"><Label>Long break after</Label><span className="tabular-nums text-slate-500">{settings.longEvery} sessions</span></div>
            <Slider min={2} max={8} step={1} value={[settings.longEvery]} onValueChange={([v]) => setS({ longEvery: v })} aria-label="Sessions before a long break" />
          </div>
          <div className="flex items-center justify-between">
            <Label htmlFor="auto">Start the next timer automatically</Label>
            <Switch id="auto" checked={settings.autoStart} onCheckedChange={(v) => setS({ autoStart: v })} />
          </div>
          <div className="space-y-3">
            <Label>Sound</Label>
            <div className="flex gap-2">
              <Select value={settings.sound} onValueChange={(v) => setS({ sound: v })}>
                <SelectTrigger className="flex-1"><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value="chime">Chime</SelectItem>
                  <SelectItem value="bell">Bell</SelectItem>
                  <SelectItem value="digital">Digital beeps</SelectItem>
                </SelectContent>
              </Select>
              <Button variant="outline" onClick={() => playSound(settings.sound, settings.volume).catch(() => {})}>Test</Button>
            </div>
            <div className="flex items-center gap-3">
              <VolumeX className="h-4 w-4 text-slate-400" />
              <Slider min={0} max={100} step={5} value={[settings.volume]} onValueChange={([v]) => setS({ volume: v, muted: false })} aria-label="Volume" />
              <Volume2 className="h-4 w-4 text-slate-400" />
            </div>
          </div>
          <Button variant="ghost" className="w-full text-red-600 hover:bg-red-50 hover:text-red-700" onClick={() => setLog([])} disabled={!log.length}>Clear session history</Button>
        </SheetContent>
      </Sheet>
    </div>
  );
}

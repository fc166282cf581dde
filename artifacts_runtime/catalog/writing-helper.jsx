import React, { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "@/components/ui/tooltip";
import {
  Wand2, SpellCheck, Minimize2, Maximize2, Feather, Copy, Check, CornerUpLeft, Loader2, AlertTriangle, History, Send, RotateCcw, Trash2,
  Briefcase, Smile, Zap, Handshake, Coffee, Megaphone,
} from "lucide-react";

const DRAFT_KEY = "writing-helper-draft";
const HISTORY_KEY = "writing-helper-history";
const MODEL = "claude-sonnet-5-5";

const ACTIONS = [
  { id: "improve", label: "Improve", Icon: Wand2, instruction: "Improve the clarity, flow and word choice of this text. Keep its meaning, facts and roughly its length." },
  { id: "grammar", label: "Fix grammar", Icon: SpellCheck, instruction: "Correct spelling, grammar and punctuation only. Do not change the wording otherwise." },
  { id: "shorten", label: "Shorten", Icon: Minimize2, instruction: "Make this text about half as long. Keep every essential point and the original tone." },
  { id: "expand", label: "Expand", Icon: Maximize2, instruction: "Expand this text with helpful detail and smoother transitions, about 50% longer. Do not invent facts, names or numbers." },
  { id: "simplify", label: "Simplify", Icon: Feather, instruction: "Rewrite this in plain language a 12-year-old could follow: short sentences, everyday words." },
];

const TONES = [
  { id: "professional", label: "Professional", Icon: Briefcase, color: "text-slate-600" },
  { id: "friendly", label: "Friendly", Icon: Smile, color: "text-amber-500" },
  { id: "confident", label: "Confident", Icon: Zap, color: "text-orange-500" },
  { id: "diplomatic", label: "Diplomatic", Icon: Handshake, color: "text-sky-600" },
  { id: "casual", label: "Casual", Icon: Coffee, color: "text-yellow-700" },
  { id: "persuasive", label: "Persuasive", Icon: Megaphone, color: "text-rose-500" },
];

const SAMPLE = "hey team, just wanted to give a quick update on the project. we're running a bit behind because the the API changes took longer then expected, but i think we can still hit the deadline if we push the design review to thursday. let me know if thats a problem for anyone, otherwise lets go with that plan";

function countWords(text) {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

// Word-level diff (longest common subsequence), to show what a rewrite changed.
function diffWords(a, b) {
  const A = a.split(/(\s+)/).filter((x) => x !== "");
  const B = b.split(/(\s+)/).filter((x) => x !== "");
  if (A.length * B.length > 4_000_000) return null;
  const n = A.length;
  const m = B.length;
  const L = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  const push = (type, text) => {
    const last = out[out.length - 1];
    if (last && last.type === type) last.text += text;
    else out.push({ type, text });
  };
  while (i < n && j < m) {
    if (A[i] === B[j]) { push("same", A[i]); i++; j++; }
    else if (L[i + 1][j] >= L[i][j + 1]) { push("del", A[i]); i++; }
    else { push("add", B[j]); j++; }
  }
  while (i < n) push("del", A[i++]);
  while (j < m) push("add", B[j++]);
  return out;
}

async function askClaude(instruction, text) {
  const system = [
    "You are an expert editor. You rewrite the user's text exactly as instructed.",
    "Reply with the rewritten text only: no preamble, no quotes around it, no notes or explanations.",
    "Keep the original language, and keep formatting such as paragraphs, lists and line breaks unless told otherwise.",
  ].join(" ");
  const response = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: MODEL,
      max_tokens: 2048,
      system,
      messages: [{ role: "user", content: `${instruction}\n\n<text>\n${text}\n</text>` }],
    }),
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    /* not JSON: handled below */
  }
  if (!response.ok || !data || data.type === "error") {
    const message = data && data.error && data.error.message ? data.error.message : `The request failed with HTTP ${response.status}.`;
    const err = new Error(message);
    err.status = response.status;
    throw err;
  }
  const out = (data.content || []).filter((b) => b.type === "text").map((b) => b.text).join("").trim();
  if (!out) throw new Error("Claude returned an empty answer. Try again.");
  return out.replace(/^<text>\s*|\s*<\/text>$/g, "");
}

export default function WritingHelper() {
  const [text, setText] = useState("");
  const [result, setResult] = useState(null); // { text, label, source }
  const [busy, setBusy] = useState(null);
  const [error, setError] = useState(null);
  const [custom, setCustom] = useState("");
  const [showDiff, setShowDiff] = useState(true);
  const [copied, setCopied] = useState(false);
  const [history, setHistory] = useState([]);
  const [loaded, setLoaded] = useState(false);
  const lastRequest = useRef(null);

  useEffect(() => {
    (async () => {
      try {
        const d = await window.storage.get(DRAFT_KEY);
        setText(d.value);
      } catch {
        setText(SAMPLE);
      }
      try {
        const h = await window.storage.get(HISTORY_KEY);
        setHistory(JSON.parse(h.value));
      } catch { /* no history yet */ }
      setLoaded(true);
    })();
  }, []);

  // Save the draft a moment after typing stops.
  useEffect(() => {
    if (!loaded) return;
    const t = setTimeout(() => { window.storage.set(DRAFT_KEY, text).catch(() => {}); }, 600);
    return () => clearTimeout(t);
  }, [text, loaded]);

  const run = async (label, instruction) => {
    if (!text.trim() || busy) return;
    lastRequest.current = { label, instruction };
    setBusy(label);
    setError(null);
    setCopied(false);
    try {
      const out = await askClaude(instruction, text);
      const entry = { id: Date.now(), label, source: text, text: out, at: new Date().toISOString() };
      setResult(entry);
      const nextHistory = [entry, ...history].slice(0, 15);
      setHistory(nextHistory);
      window.storage.set(HISTORY_KEY, JSON.stringify(nextHistory)).catch(() => {});
    } catch (err) {
      // Show exactly what went wrong: the bridge explains a missing API key, a rate limit, a refused call…
      setError({ title: label + " failed", message: err && err.message ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };

  const diff = useMemo(() => (result && showDiff ? diffWords(result.source, result.text) : null), [result, showDiff]);
  const words = countWords(text);
  const resultWords = result ? countWords(result.text) : 0;

  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.text);
    } catch {
      const ta = document.createElement("textarea");
      ta.value = result.text;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <TooltipProvider>
      <div className="min-h-screen bg-stone-50 p-4 sm:p-6">
        <div className="mx-auto max-w-6xl">
          <header className="mb-5 flex flex-wrap items-end justify-between gap-3">
            <div>
              <h1 className="text-2xl font-bold tracking-tight text-stone-900">Writing helper</h1>
              <p className="text-sm text-stone-500">Paste your text, pick what to do. Claude rewrites it and shows you what changed.</p>
            </div>
          </header>

          <div className="mb-4 flex flex-wrap gap-2">
            {ACTIONS.map(({ id, label, Icon, instruction }) => (
              <Button key={id} variant="outline" className="gap-2 bg-white" disabled={!!busy || !text.trim()} onClick={() => run(label, instruction)}>
                {busy === label ? <Loader2 className="h-4 w-4 animate-spin" /> : <Icon className="h-4 w-4" />} {label}
              </Button>
            ))}
          </div>
          <div className="mb-5 flex flex-wrap items-center gap-2">
            <span className="mr-1 text-sm font-medium text-stone-600">Tone</span>
            {TONES.map((t) => (
              <button
                key={t.id}
                disabled={!!busy || !text.trim()}
                onClick={() => run(`${t.label} tone`, `Rewrite this text in a ${t.label.toLowerCase()} tone. Keep its meaning and all facts.`)}
                className="inline-flex items-center gap-1.5 rounded-full border border-stone-200 bg-white px-3 py-1 text-sm text-stone-700 transition hover:border-stone-400 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50"
              >
                {busy === `${t.label} tone` ? <Loader2 className="h-3.5 w-3.5 animate-spin" /> : <t.Icon className={`h-3.5 w-3.5 ${t.color}`} />} {t.label}
              </button>
            ))}
          </div>

          {error && (
            <Alert variant="destructive" className="mb-4 bg-white" data-testid="model-error">
              <AlertTriangle className="h-4 w-4" />
              <AlertTitle>{error.title}</AlertTitle>
              <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
                <span>{error.message}</span>
                {lastRequest.current && (
                  <Button size="sm" variant="outline" className="gap-1.5" onClick={() => run(lastRequest.current.label, lastRequest.current.instruction)}>
                    <RotateCcw className="h-3.5 w-3.5" /> Retry
                  </Button>
                )}
              </AlertDescription>
            </Alert>
          )}

          <div className="grid gap-4 lg:grid-cols-2">
            <section className="flex flex-col rounded-xl border bg-white shadow-sm">
              <div className="flex items-center justify-between border-b px-4 py-2.5">
                <h2 className="text-sm font-semibold text-stone-800">Your text</h2>
                <span className="text-xs tabular-nums text-stone-500">{words} words · {text.length} characters</span>
              </div>
              <Textarea
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder="Paste or type the text you want help with…"
                style={{ minHeight: "22rem" }}
                className="flex-1 resize-none rounded-none border-0 p-4 text-base leading-relaxed shadow-none focus-visible:ring-0"
              />
              <form
                className="flex gap-2 border-t p-3"
                onSubmit={(e) => { e.preventDefault(); if (custom.trim()) run("Custom", custom.trim()); }}
              >
                <Input value={custom} onChange={(e) => setCustom(e.target.value)} placeholder="Or say what you want: “make it sound less formal and add a call to action”" className="flex-1" />
                <Button type="submit" size="icon" aria-label="Apply instruction" disabled={!!busy || !custom.trim() || !text.trim()}>
                  {busy === "Custom" ? <Loader2 className="h-4 w-4 animate-spin" /> : <Send className="h-4 w-4" />}
                </Button>
              </form>
            </section>

            <section className="flex flex-col rounded-xl border bg-white shadow-sm">
              <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
                <h2 className="text-sm font-semibold text-stone-800">
                  Result {result && <span className="ml-1 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-600">{result.label}</span>}
                </h2>
                <div className="flex items-center gap-3">
                  <div className="flex items-center gap-2">
                    <Switch id="diff" checked={showDiff} onCheckedChange={setShowDiff} />
                    <Label htmlFor="diff" className="text-xs text-stone-600">Show changes</Label>
                  </div>
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <Button variant="ghost" size="icon" className="h-8 w-8" aria-label="Copy result" disabled={!result} onClick={copy}>
                        {copied ? <Check className="h-4 w-4 text-emerald-600" /> : <Copy className="h-4 w-4" />}
                      </Button>
                    </TooltipTrigger>
                    <TooltipContent>Copy</TooltipContent>
                  </Tooltip>
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <Button variant="ghost" size="icon" className="h-8 w-8" aria-label="Use as my text" disabled={!result} onClick={() => { setText(result.text); setResult(null); }}>
                        <CornerUpLeft className="h-4 w-4" />
                      </Button>
                    </TooltipTrigger>
                    <TooltipContent>Use as my text (keep refining)</TooltipContent>
                  </Tooltip>
                </div>
              </div>
              <div className="flex-1 whitespace-pre-wrap p-4 text-base leading-relaxed text-stone-800" style={{ minHeight: "22rem" }}>
                {busy ? (
                  <div className="space-y-3">
                    <div className="flex items-center gap-2 text-sm text-stone-500"><Loader2 className="h-4 w-4 animate-spin" /> {busy}…</div>
                    {[92, 100, 85, 96, 60].map((w, i) => <div key={i} className="h-3.5 animate-pulse rounded bg-stone-100" style={{ width: w + "%" }} />)}
                  </div>
                ) : result ? (
                  diff ? diff.map((part, i) =>
                    part.type === "same" ? <span key={i}>{part.text}</span>
                      : part.type === "add" ? <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline">{part.text}</ins>
                        : <del key={i} className="rounded-sm bg-red-50 text-red-700/70 line-through">{part.text}</del>,
                  ) : result.text
                ) : (
                  <div className="flex h-full flex-col items-center justify-center py-20 text-center text-stone-400">
                    <Wand2 className="h-8 w-8" />
                    <p className="mt-3 max-w-xs text-sm">Choose an action or a tone above. Your rewritten text appears here, with the changes highlighted.</p>
                  </div>
                )}
              </div>
              {result && !busy && (
                <div className="border-t px-4 py-2 text-xs text-stone-500">
                  {resultWords} words ({resultWords - countWords(result.source) >= 0 ? "+" : ""}{resultWords - countWords(result.source)} vs. original)
                </div>
              )}
            </section>
          </div>

          {history.length > 0 && (
            <section className="mt-6">
              <div className="mb-2 flex items-center justify-between">
                <h2 className="flex items-center gap-2 text-sm font-semibold text-stone-700"><History className="h-4 w-4" /> Recent rewrites</h2>
                <Button variant="ghost" size="sm" className="gap-1.5 text-stone-500" onClick={() => { setHistory([]); window.storage.delete(HISTORY_KEY).catch(() => {}); }}>
                  <Trash2 className="h-3.5 w-3.5" /> Clear
                </Button>
              </div>
              <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {history.map((h) => (
                  <button key={h.id} onClick={() => setResult(h)} className="rounded-lg border bg-white p-3 text-left transition hover:border-stone-400">
                    <div className="flex items-center justify-between text-xs text-stone-500">
                      <span className="font-medium text-stone-700">{h.label}</span>
                      <span>{new Date(h.at).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}</span>
                    </div>
                    <p className="mt-1 line-clamp-2 text-sm text-stone-600">{h.text}</p>
                  </button>
                ))}
              </div>
            </section>
          )}
        </div>
      </div>
    </TooltipProvider>
  );
}

import React, { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Label } from "@/components/ui/label";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  BookOpen, Sparkles, Plus, Trash2, Play, RotateCcw, Loader2, AlertTriangle, Layers, Check, Pencil, X, Shuffle, GraduationCap,
} from "lucide-react";

const STORAGE_KEY = "flashcards-v1";
// Leitner boxes: how many days until a card in box N comes back.
const INTERVALS = [0, 1, 3, 7, 16, 35];
const DAY = 24 * 60 * 60 * 1000;

function uid() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
}

function newCard(front, back) {
  return { id: uid(), front, back, box: 0, due: 0, reviews: 0, lapses: 0 };
}

function starterDecks() {
  const pairs = [
    ["What does HTTP status 404 mean?", "Not Found: the server has no resource at that URL."],
    ["What does HTTP status 401 mean?", "Unauthorized: the request lacks valid authentication credentials."],
    ["What does HTTP status 403 mean?", "Forbidden: the server understood the request but refuses to authorize it."],
    ["What does HTTP status 429 mean?", "Too Many Requests: the client has been rate limited."],
    ["What does HTTP status 503 mean?", "Service Unavailable: the server is temporarily overloaded or down for maintenance."],
    ["What does HTTP status 301 mean?", "Moved Permanently: the resource has a new permanent URL (in the Location header)."],
    ["What does HTTP status 304 mean?", "Not Modified: the cached copy is still valid; no body is sent."],
    ["What does HTTP status 201 mean?", "Created: the request succeeded and a new resource was created."],
  ];
  return [{ id: uid(), name: "HTTP status codes", created: new Date().toISOString(), cards: pairs.map(([f, b]) => newCard(f, b)) }];
}

// The model is asked for JSON only, but may still wrap it in prose or a code fence.
function parseCards(text) {
  const start = text.indexOf("[");
  const end = text.lastIndexOf("]");
  if (start < 0 || end <= start) throw new Error("The model's answer did not contain a list of cards. Try again or rephrase the topic.");
  let raw;
  try {
    raw = JSON.parse(text.slice(start, end + 1));
  } catch (e) {
    throw new Error("The model's answer was not valid JSON (" + e.message + "). Try again.");
  }
  const cards = (Array.isArray(raw) ? raw : [])
    .filter((c) => c && typeof c.front === "string" && typeof c.back === "string" && c.front.trim() && c.back.trim())
    .map((c) => newCard(c.front.trim(), c.back.trim()));
  if (!cards.length) throw new Error("The model returned no usable cards. Try a more specific topic.");
  return cards;
}

function parsePasted(text) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.includes("\t") ? line.split("\t") : line.includes("::") ? line.split("::") : line.split(" - ");
      return parts.length >= 2 ? newCard(parts[0].trim(), parts.slice(1).join(" - ").trim()) : null;
    })
    .filter(Boolean);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function dueCards(deck, now = Date.now()) {
  return deck.cards.filter((c) => (c.due || 0) <= now);
}

function Flashcard({ card, flipped, onFlip }) {
  return (
    <button
      onClick={onFlip}
      aria-label={flipped ? "Flip back to the question" : "Flip to the answer"}
      className="group relative h-72 w-full max-w-xl cursor-pointer text-left outline-none"
      style={{ perspective: "1200px" }}
    >
      <div
        className="relative h-full w-full transition-transform duration-500"
        style={{ transformStyle: "preserve-3d", transform: flipped ? "rotateY(180deg)" : "none" }}
      >
        <div className="absolute inset-0 flex flex-col rounded-2xl border bg-white p-8 shadow-lg" style={{ backfaceVisibility: "hidden" }}>
          <span className="text-xs font-medium uppercase tracking-wider text-indigo-500">Question</span>
          <div className="flex flex-1 items-center justify-center text-center text-2xl font-semibold leading-snug text-slate-900">{card.front}</div>
          <span className="text-center text-xs text-slate-400">Click or press Space to reveal</span>
        </div>
        <div
          className="absolute inset-0 flex flex-col rounded-2xl border border-indigo-200 bg-indigo-50 p-8 shadow-lg"
          style={{ backfaceVisibility: "hidden", transform: "rotateY(180deg)" }}
        >
          <span className="text-xs font-medium uppercase tracking-wider text-indigo-500">Answer</span>
          <div className="flex flex-1 items-center justify-center overflow-y-auto text-center text-lg leading-relaxed text-slate-800">{card.back}</div>
          <span className="line-clamp-1 text-center text-xs text-slate-400">{card.front}</span>
        </div>
      </div>
    </button>
  );
}

function StudySession({ deck, queue, onRate, onExit }) {
  const [index, setIndex] = useState(0);
  const [flipped, setFlipped] = useState(false);
  const [results, setResults] = useState({ again: 0, hard: 0, good: 0, easy: 0 });
  const card = queue[index];

  const rate = useCallback((grade) => {
    if (!card || !flipped) return;
    onRate(card.id, grade);
    setResults((r) => ({ ...r, [grade]: r[grade] + 1 }));
    setFlipped(false);
    setIndex((i) => i + 1);
  }, [card, flipped, onRate]);

  useEffect(() => {
    const onKey = (e) => {
      if (e.target && /INPUT|TEXTAREA/.test(e.target.tagName)) return;
      if (e.key === " ") { e.preventDefault(); setFlipped((f) => !f); }
      if (flipped && ["1", "2", "3", "4"].includes(e.key)) rate(["again", "hard", "good", "easy"][Number(e.key) - 1]);
      if (e.key === "Escape") onExit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [flipped, rate, onExit]);

  if (!card) {
    const total = Object.values(results).reduce((a, b) => a + b, 0);
    const known = results.good + results.easy;
    return (
      <div className="mx-auto flex max-w-md flex-col items-center py-12 text-center">
        <span className="flex h-16 w-16 items-center justify-center rounded-full bg-emerald-100 text-emerald-600"><GraduationCap className="h-8 w-8" /></span>
        <h2 className="mt-4 text-2xl font-bold text-slate-900">Session complete</h2>
        <p className="mt-1 text-slate-500">You reviewed {total} {total === 1 ? "card" : "cards"} from “{deck.name}”.</p>
        <div className="mt-6 grid w-full grid-cols-4 gap-2 text-sm">
          {[["again", "Again", "text-red-600"], ["hard", "Hard", "text-amber-600"], ["good", "Good", "text-emerald-600"], ["easy", "Easy", "text-sky-600"]].map(([k, label, cls]) => (
            <div key={k} className="rounded-lg border bg-white p-3">
              <div className={`text-xl font-semibold ${cls}`}>{results[k]}</div>
              <div className="text-xs text-slate-500">{label}</div>
            </div>
          ))}
        </div>
        <p className="mt-4 text-sm text-slate-600">{total ? Math.round((known / total) * 100) : 0}% recalled well. Cards you missed come back first next time.</p>
        <Button className="mt-6" onClick={onExit}>Back to deck</Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col items-center gap-6 py-4">
      <div className="flex w-full max-w-xl items-center gap-3">
        <Button variant="ghost" size="sm" onClick={onExit}><X className="mr-1 h-4 w-4" /> End</Button>
        <Progress value={(index / queue.length) * 100} className="h-2 flex-1" />
        <span className="text-sm tabular-nums text-slate-500">{index + 1} / {queue.length}</span>
      </div>
      <Flashcard card={card} flipped={flipped} onFlip={() => setFlipped(!flipped)} />
      {flipped ? (
        <div className="grid w-full max-w-xl grid-cols-4 gap-2">
          <Button variant="outline" className="flex-col gap-0 border-red-200 py-6 text-red-700 hover:bg-red-50" onClick={() => rate("again")}>Again<span className="text-[10px] font-normal opacity-70">1 · now</span></Button>
          <Button variant="outline" className="flex-col gap-0 border-amber-200 py-6 text-amber-700 hover:bg-amber-50" onClick={() => rate("hard")}>Hard<span className="text-[10px] font-normal opacity-70">2 · 1 day</span></Button>
          <Button variant="outline" className="flex-col gap-0 border-emerald-200 py-6 text-emerald-700 hover:bg-emerald-50" onClick={() => rate("good")}>Good<span className="text-[10px] font-normal opacity-70">3 · {plural(INTERVALS[Math.min(card.box + 1, 5)], "day")}</span></Button>
          <Button variant="outline" className="flex-col gap-0 border-sky-200 py-6 text-sky-700 hover:bg-sky-50" onClick={() => rate("easy")}>Easy<span className="text-[10px] font-normal opacity-70">4 · {plural(INTERVALS[Math.min(card.box + 2, 5)], "day")}</span></Button>
        </div>
      ) : (
        <Button size="lg" className="w-full max-w-xl bg-indigo-600 hover:bg-indigo-700" onClick={() => setFlipped(true)}>Show answer</Button>
      )}
    </div>
  );
}

function Generator({ onCreate }) {
  const [topic, setTopic] = useState("");
  const [count, setCount] = useState("10");
  const [level, setLevel] = useState("intermediate");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  const generate = async (e) => {
    e.preventDefault();
    if (!topic.trim()) return;
    setBusy(true);
    setError(null);
    const prompt = [
      `Create ${count} flashcards for studying this topic: "${topic.trim()}".`,
      `The learner's level is ${level}.`,
      "Each card tests one fact or idea. The front is a short question or term; the back is a concise, accurate answer of one to three sentences.",
      "Vary the cards so they cover the topic broadly, and avoid near-duplicates.",
      'Respond with ONLY a JSON array and nothing else, in this exact shape: [{"front": "…", "back": "…"}]',
    ].join("\n");
    try {
      const answer = await window.claude.complete(prompt);
      const cards = parseCards(String(answer));
      onCreate(topic.trim().replace(/^./, (c) => c.toUpperCase()), cards);
      setTopic("");
    } catch (err) {
      // The bridge explains what went wrong (no API key, rate limit, network…): show it as it is.
      setError(err && err.message ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={generate} className="space-y-4">
      <div className="grid gap-1.5">
        <Label htmlFor="topic">Topic</Label>
        <Textarea id="topic" rows={3} value={topic} onChange={(e) => setTopic(e.target.value)}
          placeholder="e.g. The causes of the French Revolution, Spanish irregular verbs in the preterite, Big-O of common data structures…" />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="grid gap-1.5">
          <Label>Cards</Label>
          <Select value={count} onValueChange={setCount}>
            <SelectTrigger aria-label="Number of cards"><SelectValue /></SelectTrigger>
            <SelectContent>{["5", "10", "15", "20"].map((n) => <SelectItem key={n} value={n}>{n} cards</SelectItem>)}</SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label>Level</Label>
          <Select value={level} onValueChange={setLevel}>
            <SelectTrigger aria-label="Level"><SelectValue /></SelectTrigger>
            <SelectContent>
              <SelectItem value="beginner">Beginner</SelectItem>
              <SelectItem value="intermediate">Intermediate</SelectItem>
              <SelectItem value="advanced">Advanced</SelectItem>
            </SelectContent>
          </Select>
        </div>
      </div>
      {error && (
        <Alert variant="destructive" data-testid="generate-error">
          <AlertTriangle className="h-4 w-4" />
          <AlertTitle>Could not generate cards</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" className="w-full gap-2 bg-indigo-600 hover:bg-indigo-700" disabled={busy || !topic.trim()}>
        {busy ? <Loader2 className="h-4 w-4 animate-spin" /> : <Sparkles className="h-4 w-4" />}
        {busy ? "Asking Claude…" : "Generate deck"}
      </Button>
    </form>
  );
}

function ManualDeck({ onCreate }) {
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const cards = useMemo(() => parsePasted(text), [text]);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) { onCreate(name.trim(), cards); setName(""); setText(""); }
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="deck-name">Deck name</Label>
        <Input id="deck-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Biology, chapter 3" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="deck-cards">Cards (optional), one per line</Label>
        <Textarea id="deck-cards" rows={5} value={text} onChange={(e) => setText(e.target.value)}
          placeholder={"mitochondria :: the organelle that produces ATP\nosmosis :: diffusion of water across a membrane"} className="font-mono text-xs" />
        <p className="text-xs text-slate-500">Separate front and back with “::”, a tab or “ - ”. {cards.length ? `${cards.length} cards recognised.` : ""}</p>
      </div>
      <Button type="submit" variant="outline" className="w-full gap-2" disabled={!name.trim()}><Plus className="h-4 w-4" /> Create deck</Button>
    </form>
  );
}

function CardRow({ card, onSave, onDelete }) {
  const [editing, setEditing] = useState(false);
  const [front, setFront] = useState(card.front);
  const [back, setBack] = useState(card.back);
  if (editing) {
    return (
      <li className="space-y-2 rounded-lg border bg-slate-50 p-3">
        <Input value={front} onChange={(e) => setFront(e.target.value)} aria-label="Front" />
        <Textarea rows={2} value={back} onChange={(e) => setBack(e.target.value)} aria-label="Back" />
        <div className="flex gap-2">
          <Button size="sm" onClick={() => { onSave({ ...card, front: front.trim(), back: back.trim() }); setEditing(false); }} disabled={!front.trim() || !back.trim()}>Save</Button>
          <Button size="sm" variant="ghost" onClick={() => { setEditing(false); setFront(card.front); setBack(card.back); }}>Cancel</Button>
        </div>
      </li>
    );
  }
  return (
    <li className="group flex items-start gap-3 rounded-lg border bg-white p-3">
      <div className="grid min-w-0 flex-1 gap-1 sm:grid-cols-2 sm:gap-4">
        <p className="text-sm font-medium text-slate-900">{card.front}</p>
        <p className="text-sm text-slate-600">{card.back}</p>
      </div>
      <Badge variant="outline" className="shrink-0 text-[10px]" title="Leitner box">box {card.box + 1}</Badge>
      <div className="flex shrink-0 gap-1 opacity-0 transition group-hover:opacity-100">
        <button className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700" aria-label="Edit card" onClick={() => setEditing(true)}><Pencil className="h-3.5 w-3.5" /></button>
        <button className="rounded p-1 text-slate-400 hover:bg-red-50 hover:text-red-600" aria-label="Delete card" onClick={onDelete}><Trash2 className="h-3.5 w-3.5" /></button>
      </div>
    </li>
  );
}

export default function Flashcards() {
  const [decks, setDecks] = useState(null);
  const [activeId, setActiveId] = useState(null);
  const [studyQueue, setStudyQueue] = useState(null);
  const [saveError, setSaveError] = useState("");
  const [newFront, setNewFront] = useState("");
  const [newBack, setNewBack] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    (async () => {
      let loaded;
      try {
        const r = await window.storage.get(STORAGE_KEY);
        loaded = JSON.parse(r.value).decks;
      } catch {
        loaded = starterDecks();
      }
      setDecks(loaded);
      setActiveId(loaded[0] ? loaded[0].id : "new");
    })();
  }, []);

  const persist = async (next) => {
    setDecks(next);
    try {
      await window.storage.set(STORAGE_KEY, JSON.stringify({ decks: next }));
      setSaveError("");
    } catch (err) {
      setSaveError(err && err.message ? err.message : String(err));
    }
  };

  const updateDeck = (id, fn) => persist(decks.map((d) => (d.id === id ? fn(d) : d)));

  const createDeck = (name, cards) => {
    const deck = { id: uid(), name, created: new Date().toISOString(), cards };
    persist([deck, ...decks]);
    setActiveId(deck.id);
  };

  const rate = useCallback((deckId, cardId, grade) => {
    setDecks((current) => {
      const next = current.map((d) => {
        if (d.id !== deckId) return d;
        return {
          ...d,
          cards: d.cards.map((c) => {
            if (c.id !== cardId) return c;
            const box = grade === "again" ? 0 : grade === "hard" ? c.box : Math.min(c.box + (grade === "easy" ? 2 : 1), INTERVALS.length - 1);
            const days = grade === "hard" ? 1 : INTERVALS[box];
            return { ...c, box, due: Date.now() + days * DAY, reviews: (c.reviews || 0) + 1, lapses: (c.lapses || 0) + (grade === "again" ? 1 : 0) };
          }),
        };
      });
      window.storage.set(STORAGE_KEY, JSON.stringify({ decks: next })).catch((err) => setSaveError(err.message || String(err)));
      return next;
    });
  }, []);

  if (!decks) return <div className="flex min-h-screen items-center justify-center text-sm text-slate-500">Loading decks…</div>;

  const deck = decks.find((d) => d.id === activeId);
  const totalDue = decks.reduce((n, d) => n + dueCards(d).length, 0);

  const startStudy = (all) => {
    const pool = all ? [...deck.cards] : dueCards(deck);
    // Cards that are most overdue and in the lowest boxes first, shuffled a little within a box.
    pool.sort((a, b) => a.box - b.box || Math.random() - 0.5);
    setStudyQueue(pool);
  };

  return (
    <div className="flex min-h-screen bg-slate-50">
      <aside className="sticky top-0 hidden h-screen w-64 shrink-0 flex-col border-r bg-white md:flex">
        <div className="flex items-center gap-2 border-b px-4 py-4">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 text-white"><Layers className="h-4 w-4" /></span>
          <div>
            <div className="font-semibold text-slate-900">Flashcards</div>
            <div className="text-xs text-slate-500">{totalDue} due today</div>
          </div>
        </div>
        <nav className="flex-1 space-y-1 overflow-y-auto p-2">
          {decks.map((d) => {
            const due = dueCards(d).length;
            return (
              <button key={d.id} onClick={() => { setActiveId(d.id); setStudyQueue(null); }}
                className={`flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm transition ${d.id === activeId ? "bg-indigo-50 font-medium text-indigo-900" : "text-slate-700 hover:bg-slate-100"}`}>
                <BookOpen className="h-4 w-4 shrink-0 opacity-60" />
                <span className="flex-1 truncate">{d.name}</span>
                {due > 0 && <span className="rounded-full bg-indigo-600 px-1.5 text-[10px] font-semibold text-white">{due}</span>}
              </button>
            );
          })}
        </nav>
        <div className="border-t p-3">
          <Button variant={activeId === "new" ? "default" : "outline"} className="w-full gap-2" onClick={() => { setActiveId("new"); setStudyQueue(null); }}>
            <Plus className="h-4 w-4" /> New deck
          </Button>
        </div>
      </aside>

      <main className="min-w-0 flex-1 p-4 sm:p-8">
        <div className="mb-4 flex gap-2 md:hidden">
          <Select value={activeId || ""} onValueChange={(v) => { setActiveId(v); setStudyQueue(null); }}>
            <SelectTrigger aria-label="Deck"><SelectValue placeholder="Choose a deck" /></SelectTrigger>
            <SelectContent>
              {decks.map((d) => <SelectItem key={d.id} value={d.id}>{d.name}</SelectItem>)}
              <SelectItem value="new">+ New deck</SelectItem>
            </SelectContent>
          </Select>
        </div>
        {saveError && <Alert variant="destructive" className="mb-4"><AlertTriangle className="h-4 w-4" /><AlertTitle>Not saved</AlertTitle><AlertDescription>{saveError}</AlertDescription></Alert>}

        {activeId === "new" || !deck ? (
          <div className="mx-auto max-w-xl">
            <h1 className="text-2xl font-bold text-slate-900">New deck</h1>
            <p className="mt-1 text-sm text-slate-500">Let Claude write the cards for any topic, or make your own.</p>
            <Tabs defaultValue="generate" className="mt-6">
              <TabsList className="grid w-full grid-cols-2">
                <TabsTrigger value="generate" className="gap-2"><Sparkles className="h-4 w-4" /> Generate with Claude</TabsTrigger>
                <TabsTrigger value="manual" className="gap-2"><Pencil className="h-4 w-4" /> Write my own</TabsTrigger>
              </TabsList>
              <TabsContent value="generate" className="mt-4 rounded-xl border bg-white p-5"><Generator onCreate={createDeck} /></TabsContent>
              <TabsContent value="manual" className="mt-4 rounded-xl border bg-white p-5"><ManualDeck onCreate={createDeck} /></TabsContent>
            </Tabs>
          </div>
        ) : studyQueue ? (
          <StudySession deck={deck} queue={studyQueue} onRate={(cardId, grade) => rate(deck.id, cardId, grade)} onExit={() => setStudyQueue(null)} />
        ) : (
          <div className="mx-auto max-w-3xl">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h1 className="text-2xl font-bold text-slate-900">{deck.name}</h1>
                <p className="mt-1 text-sm text-slate-500">{deck.cards.length} cards · {dueCards(deck).length} due · {deck.cards.filter((c) => c.box >= 3).length} well known</p>
              </div>
              <div className="flex gap-2">
                <Button variant="outline" className="gap-2" onClick={() => startStudy(true)} disabled={!deck.cards.length}><Shuffle className="h-4 w-4" /> Cram all</Button>
                <Button className="gap-2 bg-indigo-600 hover:bg-indigo-700" onClick={() => startStudy(false)} disabled={!dueCards(deck).length}><Play className="h-4 w-4" /> Study {dueCards(deck).length || ""} due</Button>
              </div>
            </div>

            <div className="mt-5 grid grid-cols-6 gap-1.5" title="Cards per Leitner box: box 1 comes back every session, box 6 after five weeks">
              {INTERVALS.map((_, box) => {
                const n = deck.cards.filter((c) => c.box === box).length;
                return (
                  <div key={box} className="rounded-lg border bg-white p-2 text-center">
                    <div className="text-lg font-semibold tabular-nums text-slate-900">{n}</div>
                    <div className="text-[10px] uppercase tracking-wide text-slate-400">box {box + 1}</div>
                  </div>
                );
              })}
            </div>

            {!dueCards(deck).length && deck.cards.length > 0 && (
              <div className="mt-4 flex items-center gap-2 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800"><Check className="h-4 w-4" /> All caught up. Come back later, or cram the whole deck.</div>
            )}

            <form
              className="mt-6 flex flex-col gap-2 rounded-xl border bg-white p-3 sm:flex-row"
              onSubmit={(e) => {
                e.preventDefault();
                if (!newFront.trim() || !newBack.trim()) return;
                updateDeck(deck.id, (d) => ({ ...d, cards: [...d.cards, newCard(newFront.trim(), newBack.trim())] }));
                setNewFront("");
                setNewBack("");
              }}
            >
              <Input placeholder="Front (question)" value={newFront} onChange={(e) => setNewFront(e.target.value)} aria-label="New card front" />
              <Input placeholder="Back (answer)" value={newBack} onChange={(e) => setNewBack(e.target.value)} aria-label="New card back" />
              <Button type="submit" className="shrink-0 gap-1" disabled={!newFront.trim() || !newBack.trim()}><Plus className="h-4 w-4" /> Add card</Button>
            </form>

            <ul className="mt-4 space-y-2">
              {deck.cards.map((c) => (
                <CardRow key={c.id} card={c}
                  onSave={(card) => updateDeck(deck.id, (d) => ({ ...d, cards: d.cards.map((x) => (x.id === card.id ? card : x)) }))}
                  onDelete={() => updateDeck(deck.id, (d) => ({ ...d, cards: d.cards.filter((x) => x.id !== c.id) }))} />
              ))}
            </ul>

            <div className="mt-8 flex justify-between border-t pt-4">
              <Button variant="ghost" size="sm" className="gap-2 text-slate-500" onClick={() => updateDeck(deck.id, (d) => ({ ...d, cards: d.cards.map((c) => ({ ...c, box: 0, due: 0 })) }))}>
                <RotateCcw className="h-4 w-4" /> Reset progress
              </Button>
              <Button variant="ghost" size="sm" className="gap-2 text-red-600 hover:bg-red-50 hover:text-red-700"
                onClick={() => setConfirmDelete(true)}>
                <Trash2 className="h-4 w-4" /> Delete deck
              </Button>
            </div>
          </div>
        )}
      </main>

      <AlertDialog open={confirmDelete} onOpenChange={setConfirmDelete}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete “{deck ? deck.name : ""}”?</AlertDialogTitle>
            <AlertDialogDescription>The deck and its {deck ? deck.cards.length : 0} cards, with all review progress, will be removed.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction className="bg-red-600 hover:bg-red-700"
              onClick={() => { const rest = decks.filter((d) => d.id !== deck.id); persist(rest); setActiveId(rest[0] ? rest[0].id : "new"); setConfirmDelete(false); }}>
              Delete deck
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

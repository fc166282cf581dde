import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Label } from "@/components/ui/label";
import { Badge } from "@/components/ui/badge";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle,
} from "@/components/ui/dialog";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import {
  Plus, MoreHorizontal, User, Users, Search, Activity, ArrowRight, Pencil, Trash2, X, RefreshCw, ChevronsUp, ChevronUp, Minus,
} from "lucide-react";

// The board lives in the SHARED scope: everyone who opens this artifact sees and edits the same
// board. Your display name is personal (each person keeps their own).
const BOARD_KEY = "kanban-board";
const PROFILE_KEY = "kanban-profile";
const POLL_MS = 15000;

const LABELS = {
  feature: { name: "Feature", className: "bg-sky-100 text-sky-800" },
  bug: { name: "Bug", className: "bg-red-100 text-red-800" },
  design: { name: "Design", className: "bg-fuchsia-100 text-fuchsia-800" },
  research: { name: "Research", className: "bg-amber-100 text-amber-800" },
  chore: { name: "Chore", className: "bg-slate-200 text-slate-700" },
};

const PRIORITIES = {
  high: { name: "High", Icon: ChevronsUp, className: "text-red-600" },
  medium: { name: "Medium", Icon: ChevronUp, className: "text-amber-600" },
  low: { name: "Low", Icon: Minus, className: "text-slate-400" },
};

const COLUMN_ACCENTS = ["#94a3b8", "#3b82f6", "#f59e0b", "#10b981", "#8b5cf6", "#ec4899"];

function uid() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
}

function starterBoard() {
  const cards = {};
  const add = (title, label, priority, description = "") => {
    const id = uid();
    cards[id] = { id, title, description, label, priority, assignee: "", createdBy: "live-artifacts", createdAt: new Date().toISOString() };
    return id;
  };
  return {
    columns: [
      { id: "todo", title: "To do", cardIds: [add("Drag a card to another column", "chore", "low", "Or use the ⋯ menu on a card to move it."), add("Invite a teammate to this board", "feature", "medium", "Everyone who opens this artifact shares the same board.")] },
      { id: "doing", title: "In progress", cardIds: [add("Set your name in the top-right corner", "chore", "high")] },
      { id: "review", title: "Review", cardIds: [] },
      { id: "done", title: "Done", cardIds: [add("Create the board", "design", "medium")] },
    ],
    cards,
    activity: [],
    rev: 0,
    updatedAt: null,
    updatedBy: null,
  };
}

function initials(name) {
  const parts = (name || "?").trim().split(/\s+/);
  return ((parts[0] || "?")[0] + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

function hue(name) {
  let h = 0;
  for (const ch of name || "") h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

function Avatar({ name, size = 24 }) {
  if (!name) return null;
  return (
    <span
      title={name}
      className="inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white"
      style={{ width: size, height: size, fontSize: size * 0.42, background: `hsl(${hue(name)} 55% 48%)` }}
    >
      {initials(name)}
    </span>
  );
}

function timeAgo(iso) {
  if (!iso) return "";
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

async function readBoard() {
  try {
    const r = await window.storage.get(BOARD_KEY, true);
    return r && r.value ? JSON.parse(r.value) : null;
  } catch {
    return null; // no board yet
  }
}

function CardEditor({ card, people, onSave, onClose }) {
  const [draft, setDraft] = useState(card);
  useEffect(() => setDraft(card), [card]);
  if (!draft) return null;
  return (
    <Dialog open={!!card} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.title.trim()) onSave({ ...draft, title: draft.title.trim() });
          }}
        >
          <DialogHeader>
            <DialogTitle>Edit card</DialogTitle>
            <DialogDescription>Changes are shared with everyone on this board.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="card-title">Title</Label>
            <Input id="card-title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} maxLength={120} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="card-desc">Description</Label>
            <Textarea id="card-desc" rows={4} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} placeholder="Details, links, acceptance criteria…" />
          </div>
          <div className="grid grid-cols-3 gap-3">
            <div className="grid gap-1.5">
              <Label>Label</Label>
              <Select value={draft.label} onValueChange={(v) => setDraft({ ...draft, label: v })}>
                <SelectTrigger><SelectValue /></SelectTrigger>
                <SelectContent>
                  {Object.entries(LABELS).map(([k, l]) => <SelectItem key={k} value={k}>{l.name}</SelectItem>)}
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label>Priority</Label>
              <Select value={draft.priority} onValueChange={(v) => setDraft({ ...draft, priority: v })}>
                <SelectTrigger><SelectValue /></SelectTrigger>
                <SelectContent>
                  {Object.entries(PRIORITIES).map(([k, p]) => <SelectItem key={k} value={k}>{p.name}</SelectItem>)}
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="card-assignee">Assignee</Label>
              <Input id="card-assignee" list="kanban-people" value={draft.assignee} onChange={(e) => setDraft({ ...draft, assignee: e.target.value })} placeholder="Nobody" />
              <datalist id="kanban-people">{people.map((p) => <option key={p} value={p} />)}</datalist>
            </div>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={!draft.title.trim()}>Save</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function Composer({ onAdd }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const submit = () => {
    const t = text.trim();
    if (t) onAdd(t);
    setText("");
  };
  if (!open) {
    return (
      <button onClick={() => setOpen(true)} className="flex w-full items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-slate-500 transition hover:bg-slate-200/70 hover:text-slate-800">
        <Plus className="h-4 w-4" /> Add a card
      </button>
    );
  }
  return (
    <div className="space-y-2">
      <Textarea
        autoFocus
        rows={2}
        value={text}
        placeholder="What needs doing?  (Enter to add, Esc to close)"
        className="resize-none bg-white text-sm"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); submit(); }
          if (e.key === "Escape") { setOpen(false); setText(""); }
        }}
      />
      <div className="flex gap-2">
        <Button size="sm" onClick={submit} disabled={!text.trim()}>Add card</Button>
        <Button size="sm" variant="ghost" onClick={() => { setOpen(false); setText(""); }} aria-label="Cancel"><X className="h-4 w-4" /></Button>
      </div>
    </div>
  );
}

export default function KanbanBoard() {
  const [board, setBoard] = useState(null);
  const [me, setMe] = useState("");
  const [nameDraft, setNameDraft] = useState("");
  const [syncedAt, setSyncedAt] = useState(null);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState("");
  const [query, setQuery] = useState("");
  const [mineOnly, setMineOnly] = useState(false);
  const [editing, setEditing] = useState(null);
  const [showActivity, setShowActivity] = useState(false);
  const [drag, setDrag] = useState(null); // { cardId, from }
  const [dropTarget, setDropTarget] = useState(null); // { col, index }
  const revRef = useRef(-1);

  const reload = useCallback(async (reason) => {
    const latest = await readBoard();
    if (latest) {
      if (reason === "remote" && latest.rev !== revRef.current && latest.updatedBy) {
        setNotice(`${latest.updatedBy} updated the board`);
        setTimeout(() => setNotice(""), 4000);
      }
      revRef.current = latest.rev;
      setBoard(latest);
    } else {
      setBoard((b) => b || starterBoard());
    }
    setSyncedAt(new Date());
  }, []);

  useEffect(() => {
    (async () => {
      try {
        const p = await window.storage.get(PROFILE_KEY);
        const name = JSON.parse(p.value).name || "";
        setMe(name);
        setNameDraft(name);
      } catch { /* no name yet */ }
      await reload("initial");
    })();
    // Another view (or another person) wrote shared storage: pick up their changes at once.
    const onStorage = (e) => {
      const d = e.detail || {};
      if (d.shared && d.key === BOARD_KEY) reload("remote");
    };
    window.addEventListener("artifact-storage", onStorage);
    // Where no such event exists, a gentle poll keeps the board fresh.
    const timer = setInterval(() => { if (!document.hidden) reload("remote"); }, POLL_MS);
    return () => {
      window.removeEventListener("artifact-storage", onStorage);
      clearInterval(timer);
    };
  }, [reload]);

  // Every change re-reads the latest shared board, applies itself to it and writes it back, so two
  // people editing at once do not overwrite each other's moves.
  const mutate = async (apply, message) => {
    const who = me || "Someone";
    let base = (await readBoard()) || board || starterBoard();
    const next = JSON.parse(JSON.stringify(base));
    if (apply(next) === false) return;
    next.rev = (next.rev || 0) + 1;
    next.updatedAt = new Date().toISOString();
    next.updatedBy = who;
    if (message) next.activity = [{ who, text: message, at: next.updatedAt }, ...(next.activity || [])].slice(0, 40);
    revRef.current = next.rev;
    setBoard(next);
    try {
      await window.storage.set(BOARD_KEY, JSON.stringify(next), true);
      setSyncedAt(new Date());
      setError("");
    } catch (err) {
      setError("Could not save the shared board: " + (err && err.message ? err.message : err));
    }
  };

  const saveName = async () => {
    const name = nameDraft.trim().slice(0, 40);
    setMe(name);
    try {
      await window.storage.set(PROFILE_KEY, JSON.stringify({ name }));
    } catch (err) {
      setError("Could not save your name: " + (err && err.message ? err.message : err));
    }
  };

  const people = useMemo(() => {
    if (!board) return [];
    const set = new Set();
    Object.values(board.cards).forEach((c) => { if (c.assignee) set.add(c.assignee); if (c.createdBy && c.createdBy !== "live-artifacts") set.add(c.createdBy); });
    (board.activity || []).forEach((a) => a.who && a.who !== "Someone" && set.add(a.who));
    if (me) set.add(me);
    return [...set].sort();
  }, [board, me]);

  if (!board) return <div className="flex min-h-screen items-center justify-center text-sm text-slate-500">Loading the shared board…</div>;

  const colTitle = (id) => (board.columns.find((c) => c.id === id) || {}).title || id;

  const addCard = (colId, title) =>
    mutate((b) => {
      const id = uid();
      b.cards[id] = { id, title, description: "", label: "feature", priority: "medium", assignee: "", createdBy: me || "Someone", createdAt: new Date().toISOString() };
      b.columns.find((c) => c.id === colId).cardIds.push(id);
    }, `added “${title}” to ${colTitle(colId)}`);

  const moveCard = (cardId, toCol, toIndex) => {
    const card = board.cards[cardId];
    if (!card) return;
    mutate((b) => {
      const from = b.columns.find((c) => c.cardIds.includes(cardId));
      const to = b.columns.find((c) => c.id === toCol);
      if (!from || !to) return false;
      const oldIndex = from.cardIds.indexOf(cardId);
      from.cardIds.splice(oldIndex, 1);
      let index = toIndex == null ? to.cardIds.length : toIndex;
      if (from === to && oldIndex < index) index -= 1;
      to.cardIds.splice(Math.max(0, Math.min(index, to.cardIds.length)), 0, cardId);
    }, board.columns.find((c) => c.cardIds.includes(cardId)).id === toCol ? null : `moved “${card.title}” to ${colTitle(toCol)}`);
  };

  const deleteCard = (cardId) => {
    const card = board.cards[cardId];
    mutate((b) => {
      delete b.cards[cardId];
      b.columns.forEach((c) => { c.cardIds = c.cardIds.filter((id) => id !== cardId); });
    }, `deleted “${card.title}”`);
  };

  const saveCard = (draft) => {
    mutate((b) => {
      if (!b.cards[draft.id]) return false;
      b.cards[draft.id] = { ...b.cards[draft.id], ...draft };
    }, `edited “${draft.title}”`);
    setEditing(null);
  };

  const matches = (card) =>
    (!query || (card.title + " " + card.description + " " + card.assignee).toLowerCase().includes(query.toLowerCase())) &&
    (!mineOnly || (me && card.assignee === me));

  const total = Object.keys(board.cards).length;
  const done = (board.columns[board.columns.length - 1] || { cardIds: [] }).cardIds.length;

  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="flex flex-wrap items-center gap-3 border-b bg-white px-5 py-3">
        <div className="mr-auto">
          <h1 className="flex items-center gap-2 text-xl font-bold text-slate-900">
            Team board
            <Badge variant="secondary" className="gap-1 font-medium"><Users className="h-3 w-3" /> Shared</Badge>
          </h1>
          <p className="text-xs text-slate-500">
            {done}/{total} done · {syncedAt ? `synced ${syncedAt.toLocaleTimeString()}` : "syncing…"}
            {board.updatedBy && board.updatedAt ? ` · last change by ${board.updatedBy} ${timeAgo(board.updatedAt)}` : ""}
          </p>
        </div>
        <div className="relative">
          <Search className="absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" />
          <Input className="h-9 w-44 pl-8" placeholder="Filter cards" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <Button variant={mineOnly ? "default" : "outline"} size="sm" onClick={() => setMineOnly(!mineOnly)} disabled={!me} title={me ? "" : "Set your name first"}>
          Assigned to me
        </Button>
        <Button variant="outline" size="icon" className="h-9 w-9" aria-label="Reload board" onClick={() => reload("manual")}><RefreshCw className="h-4 w-4" /></Button>
        <Button variant={showActivity ? "default" : "outline"} size="sm" className="gap-1.5" onClick={() => setShowActivity(!showActivity)}>
          <Activity className="h-4 w-4" /> Activity
        </Button>
        <form className="flex items-center gap-2 border-l pl-3" onSubmit={(e) => { e.preventDefault(); saveName(); }}>
          {me ? <Avatar name={me} size={28} /> : <span className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-200 text-slate-500"><User className="h-4 w-4" /></span>}
          <Input aria-label="Your name" className="h-9 w-32" placeholder="Your name" value={nameDraft} onChange={(e) => setNameDraft(e.target.value)} onBlur={saveName} />
        </form>
      </header>

      {(notice || error) && (
        <div className={`px-5 py-2 text-sm ${error ? "bg-red-50 text-red-700" : "bg-sky-50 text-sky-800"}`}>{error || notice}</div>
      )}

      <div className="flex min-h-0 flex-1">
        <main className="flex flex-1 gap-4 overflow-x-auto p-5">
          {board.columns.map((col, ci) => {
            const visible = col.cardIds.map((id) => board.cards[id]).filter(Boolean).filter(matches);
            const isTarget = dropTarget && dropTarget.col === col.id;
            return (
              <section
                key={col.id}
                data-column={col.id}
                style={{ minWidth: "15rem" }}
                className={`flex max-w-sm flex-1 flex-col self-start rounded-xl bg-slate-200/60 p-2.5 transition ${isTarget ? "ring-2 ring-sky-400" : ""}`}
                onDragOver={(e) => {
                  if (!drag) return;
                  e.preventDefault();
                  if (!isTarget || dropTarget.index == null) setDropTarget({ col: col.id, index: null });
                }}
                onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget)) setDropTarget(null); }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (drag) moveCard(drag.cardId, col.id, dropTarget && dropTarget.col === col.id ? dropTarget.index : null);
                  setDrag(null);
                  setDropTarget(null);
                }}
              >
                <div className="mb-2 flex items-center gap-2 px-1.5">
                  <span className="h-2.5 w-2.5 rounded-full" style={{ background: COLUMN_ACCENTS[ci % COLUMN_ACCENTS.length] }} />
                  <h2 className="text-sm font-semibold text-slate-700">{col.title}</h2>
                  <span className="rounded-full bg-white/70 px-2 text-xs text-slate-500">{col.cardIds.length}</span>
                </div>
                <div className="flex flex-col gap-2">
                  {visible.map((card, i) => {
                    const P = PRIORITIES[card.priority] || PRIORITIES.medium;
                    const L = LABELS[card.label] || LABELS.feature;
                    const showLine = isTarget && dropTarget.index === col.cardIds.indexOf(card.id);
                    return (
                      <div key={card.id}>
                        {showLine && <div className="mb-2 h-0.5 rounded bg-sky-500" />}
                        <article
                          draggable
                          data-card={card.id}
                          onDragStart={(e) => { e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", card.id); setDrag({ cardId: card.id }); }}
                          onDragEnd={() => { setDrag(null); setDropTarget(null); }}
                          onDragOver={(e) => {
                            if (!drag) return;
                            e.preventDefault();
                            e.stopPropagation();
                            const r = e.currentTarget.getBoundingClientRect();
                            const idx = col.cardIds.indexOf(card.id) + (e.clientY > r.top + r.height / 2 ? 1 : 0);
                            if (!dropTarget || dropTarget.col !== col.id || dropTarget.index !== idx) setDropTarget({ col: col.id, index: idx });
                          }}
                          onDoubleClick={() => setEditing(card)}
                          className={`group cursor-grab rounded-lg border border-slate-200 bg-white p-3 shadow-sm transition hover:border-slate-300 hover:shadow active:cursor-grabbing ${drag && drag.cardId === card.id ? "opacity-40" : ""}`}
                        >
                          <div className="flex items-start gap-2">
                            <p className="flex-1 text-sm font-medium leading-snug text-slate-900">{card.title}</p>
                            <DropdownMenu>
                              <DropdownMenuTrigger asChild>
                                <button aria-label={`Actions for ${card.title}`} className="-mr-1 -mt-1 rounded p-1 text-slate-400 opacity-0 transition hover:bg-slate-100 hover:text-slate-700 focus:opacity-100 group-hover:opacity-100">
                                  <MoreHorizontal className="h-4 w-4" />
                                </button>
                              </DropdownMenuTrigger>
                              <DropdownMenuContent align="end" className="w-48">
                                <DropdownMenuItem onSelect={() => setEditing(card)}><Pencil className="mr-2 h-4 w-4" /> Edit</DropdownMenuItem>
                                <DropdownMenuSeparator />
                                <DropdownMenuLabel className="text-xs font-normal text-slate-500">Move to</DropdownMenuLabel>
                                {board.columns.filter((c) => c.id !== col.id).map((c) => (
                                  <DropdownMenuItem key={c.id} onSelect={() => moveCard(card.id, c.id, null)}>
                                    <ArrowRight className="mr-2 h-4 w-4" /> {c.title}
                                  </DropdownMenuItem>
                                ))}
                                <DropdownMenuSeparator />
                                <DropdownMenuItem onSelect={() => deleteCard(card.id)} className="text-red-600 focus:text-red-700"><Trash2 className="mr-2 h-4 w-4" /> Delete</DropdownMenuItem>
                              </DropdownMenuContent>
                            </DropdownMenu>
                          </div>
                          {card.description && <p className="mt-1 line-clamp-2 text-xs text-slate-500">{card.description}</p>}
                          <div className="mt-2.5 flex items-center gap-2">
                            <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${L.className}`}>{L.name}</span>
                            <span className={`flex items-center text-[11px] ${P.className}`} title={`${P.name} priority`}><P.Icon className="h-3.5 w-3.5" /></span>
                            <span className="ml-auto"><Avatar name={card.assignee} size={22} /></span>
                          </div>
                        </article>
                      </div>
                    );
                  })}
                  {isTarget && dropTarget.index != null && dropTarget.index >= col.cardIds.length && <div className="h-0.5 rounded bg-sky-500" />}
                  {visible.length === 0 && col.cardIds.length > 0 && <p className="px-2 py-3 text-center text-xs text-slate-400">No cards match the filter</p>}
                  {col.cardIds.length === 0 && <div className="rounded-lg border-2 border-dashed border-slate-300/80 px-2 py-6 text-center text-xs text-slate-400">Drop cards here</div>}
                </div>
                <div className="mt-2"><Composer onAdd={(t) => addCard(col.id, t)} /></div>
              </section>
            );
          })}
        </main>

        {showActivity && (
          <aside className="w-72 shrink-0 overflow-y-auto border-l bg-white p-4">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Activity</h2>
            {(board.activity || []).length === 0 ? (
              <p className="text-sm text-slate-400">Nothing yet. Changes anyone makes show up here.</p>
            ) : (
              <ol className="space-y-3">
                {board.activity.map((a, i) => (
                  <li key={i} className="flex gap-2 text-sm">
                    <Avatar name={a.who} size={22} />
                    <div>
                      <span className="font-medium text-slate-900">{a.who}</span> <span className="text-slate-600">{a.text}</span>
                      <div className="text-xs text-slate-400">{timeAgo(a.at)}</div>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </aside>
        )}
      </div>

      <CardEditor card={editing} people={people} onSave={saveCard} onClose={() => setEditing(null)} />
    </div>
  );
}

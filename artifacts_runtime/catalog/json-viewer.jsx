import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import {
  Braces, ChevronRight, ChevronDown, Search, Copy, Check, AlertCircle, CheckCircle2, Minimize2, AlignLeft, ArrowDownAZ, Trash2, FileJson, ChevronsDownUp, ChevronsUpDown, X,
} from "lucide-react";

const STORAGE_KEY = "json-viewer-input";
const PAGE = 200;

const SAMPLE = `{
  "store": "Corner Books",
  "open": true,
  "rating": 4.7,
  "founded": 1998,
  "manager": null,
  "address": { "street": "12 Harbour Lane", "city": "Bristol", "postcode": "BS1 4RW" },
  "tags": ["independent", "second-hand", "café"],
  "books": [
    { "id": 101, "title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "price": 9.99, "inStock": true },
    { "id": 102, "title": "Piranesi", "author": "Susanna Clarke", "price": 12.5, "inStock": false },
    { "id": 103, "title": "A Psalm for the Wild-Built", "author": "Becky Chambers", "price": 8.75, "inStock": true, "series": { "name": "Monk & Robot", "number": 1 } }
  ],
  "orderIds": [9007199254740993, 42]
}`;

// ---------------------------------------------------------------- a JSON parser that explains itself
// It keeps key order (and duplicate keys), keeps numbers as written, and reports errors with a
// line, a column and a plain-language reason.

class JsonError extends Error {
  constructor(message, pos) {
    super(message);
    this.pos = pos;
  }
}

function describe(ch) {
  if (ch === undefined) return "the end of the input";
  if (ch === "\n") return "a line break";
  if (ch === " " || ch === "\t") return "a space";
  return `'${ch}'`;
}

function parseJson(src) {
  let i = 0;
  const warnings = [];

  const ws = () => {
    for (;;) {
      const c = src[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else if (c === "/" && (src[i + 1] === "/" || src[i + 1] === "*")) throw new JsonError("Comments are not allowed in JSON", i);
      else break;
    }
  };

  const value = () => {
    ws();
    const c = src[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return { type: "string", value: string(), pos: i };
    if (c === "'") throw new JsonError("Strings must use double quotes (\"), not single quotes", i);
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [word, node] of [["true", { type: "boolean", value: true }], ["false", { type: "boolean", value: false }], ["null", { type: "null", value: null }]]) {
      if (src.startsWith(word, i)) {
        i += word.length;
        return node;
      }
    }
    if (c === undefined) throw new JsonError("Unexpected end of input: a value is missing", i);
    const word = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
    if (word) {
      if (["True", "False", "None", "NaN", "Infinity", "undefined"].includes(word[0])) {
        throw new JsonError(`${word[0]} is not valid JSON; use ${word[0] === "True" ? "true" : word[0] === "False" ? "false" : "null"} instead`, i);
      }
      throw new JsonError(`Unexpected word '${word[0]}': text values must be in double quotes`, i);
    }
    throw new JsonError(`Expected a value, found ${describe(c)}`, i);
  };

  const object = () => {
    const start = i;
    i++; // {
    const entries = [];
    const seen = new Set();
    ws();
    if (src[i] === "}") { i++; return { type: "object", entries, pos: start }; }
    for (;;) {
      ws();
      if (src[i] === "}") throw new JsonError("Trailing comma: remove the ',' before '}'", i);
      if (src[i] !== '"') {
        if (src[i] === "'") throw new JsonError("Keys must use double quotes (\"), not single quotes", i);
        if (src[i] === undefined) throw new JsonError("Unexpected end of input inside an object: '}' is missing", i);
        throw new JsonError(`Expected a key in double quotes, found ${describe(src[i])}`, i);
      }
      const keyPos = i;
      const key = string();
      if (seen.has(key)) warnings.push({ message: `Duplicate key "${key}" (the last one wins in most parsers)`, pos: keyPos });
      seen.add(key);
      ws();
      if (src[i] !== ":") throw new JsonError(`Expected ':' after the key "${key}", found ${describe(src[i])}`, i);
      i++;
      const v = value();
      entries.push([key, v]);
      ws();
      if (src[i] === ",") { i++; continue; }
      if (src[i] === "}") { i++; return { type: "object", entries, pos: start }; }
      if (src[i] === undefined) throw new JsonError("Unexpected end of input inside an object: '}' is missing", i);
      throw new JsonError(`Expected ',' or '}' after the value of "${key}", found ${describe(src[i])}`, i);
    }
  };

  const array = () => {
    const start = i;
    i++; // [
    const items = [];
    ws();
    if (src[i] === "]") { i++; return { type: "array", items, pos: start }; }
    for (;;) {
      ws();
      if (src[i] === "]") throw new JsonError("Trailing comma: remove the ',' before ']'", i);
      items.push(value());
      ws();
      if (src[i] === ",") { i++; continue; }
      if (src[i] === "]") { i++; return { type: "array", items, pos: start }; }
      if (src[i] === undefined) throw new JsonError("Unexpected end of input inside an array: ']' is missing", i);
      throw new JsonError(`Expected ',' or ']' after an array item, found ${describe(src[i])}`, i);
    }
  };

  const string = () => {
    const start = i;
    i++; // "
    let out = "";
    for (;;) {
      const c = src[i];
      if (c === undefined) throw new JsonError("Unterminated string: the closing '\"' is missing", start);
      if (c === '"') { i++; return out; }
      if (c === "\n") throw new JsonError("Line break inside a string: close the string or write \\n", i);
      if (c < " ") throw new JsonError("Control character inside a string: escape it (\\t, \\n, \\u0000…)", i);
      if (c === "\\") {
        const e = src[i + 1];
        const map = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e in map) { out += map[e]; i += 2; continue; }
        if (e === "u") {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError("Invalid \\u escape: it needs four hex digits", i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        throw new JsonError(`Invalid escape '\\${e === undefined ? "" : e}' in a string`, i);
      }
      out += c;
      i++;
    }
  };

  const number = () => {
    const start = i;
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (!m) throw new JsonError(src[i] === "-" ? "A '-' must be followed by digits" : "Invalid number", i);
    if (m[1] === "0" && /\d/.test(src[i + m[0].length] || "")) throw new JsonError("Numbers cannot have leading zeros", i);
    if (src[i + m[0].length] === ".") throw new JsonError("A decimal point must be followed by digits", i + m[0].length);
    i += m[0].length;
    const raw = m[0];
    const n = Number(raw);
    if (Number.isInteger(n) && !Number.isSafeInteger(n) && !/[.eE]/.test(raw)) {
      warnings.push({ message: `${raw} is larger than JavaScript can represent exactly; it is shown as written`, pos: start });
    }
    return { type: "number", value: n, raw, pos: start };
  };

  const root = value();
  ws();
  if (i < src.length) throw new JsonError(`Unexpected ${describe(src[i])} after the end of the JSON value (missing ',' or extra text?)`, i);
  return { root, warnings };
}

function lineCol(src, pos) {
  const before = src.slice(0, pos);
  const line = before.split("\n").length;
  const col = pos - before.lastIndexOf("\n");
  return { line, col };
}

// ---------------------------------------------------------------- printing and paths

function serialize(node, indent, sortKeys, depth = 0) {
  const pad = indent ? "\n" + " ".repeat(indent * (depth + 1)) : "";
  const end = indent ? "\n" + " ".repeat(indent * depth) : "";
  switch (node.type) {
    case "object": {
      if (!node.entries.length) return "{}";
      const entries = sortKeys ? [...node.entries].sort((a, b) => a[0].localeCompare(b[0])) : node.entries;
      return "{" + entries.map(([k, v]) => pad + JSON.stringify(k) + (indent ? ": " : ":") + serialize(v, indent, sortKeys, depth + 1)).join(",") + end + "}";
    }
    case "array":
      if (!node.items.length) return "[]";
      return "[" + node.items.map((v) => pad + serialize(v, indent, sortKeys, depth + 1)).join(",") + end + "]";
    case "string": return JSON.stringify(node.value);
    case "number": return node.raw;
    default: return String(node.value);
  }
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
function jsonPath(path) {
  return "$" + path.map((seg) => (typeof seg === "number" ? `[${seg}]` : IDENT.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join("");
}
const idOf = (path) => JSON.stringify(path);

function count(node) {
  let nodes = 0;
  let depth = 0;
  const walk = (n, d) => {
    nodes++;
    depth = Math.max(depth, d);
    if (n.type === "object") n.entries.forEach(([, v]) => walk(v, d + 1));
    if (n.type === "array") n.items.forEach((v) => walk(v, d + 1));
  };
  walk(node, 0);
  return { nodes, depth };
}

function searchTree(root, query) {
  const hits = new Set();
  const open = new Set();
  if (!query) return { hits, open };
  const q = query.toLowerCase();
  const walk = (n, path, key) => {
    let hit = key !== undefined && String(key).toLowerCase().includes(q);
    if (n.type !== "object" && n.type !== "array") {
      const text = n.type === "number" ? n.raw : String(n.value);
      if (text.toLowerCase().includes(q)) hit = true;
    }
    if (hit) {
      hits.add(idOf(path));
      for (let k = 0; k < path.length; k++) open.add(idOf(path.slice(0, k)));
    }
    if (n.type === "object") n.entries.forEach(([k, v]) => walk(v, [...path, k], k));
    if (n.type === "array") n.items.forEach((v, idx) => walk(v, [...path, idx], undefined));
  };
  walk(root, [], undefined);
  return { hits, open };
}

// ---------------------------------------------------------------- the tree

function Highlight({ text, query }) {
  if (!query) return text;
  const idx = text.toLowerCase().indexOf(query.toLowerCase());
  if (idx < 0) return text;
  return (
    <>
      {text.slice(0, idx)}
      <mark className="rounded-sm bg-yellow-200 px-0 text-inherit">{text.slice(idx, idx + query.length)}</mark>
      {text.slice(idx + query.length)}
    </>
  );
}

function Scalar({ node, query }) {
  if (node.type === "string") return <span className="text-emerald-700 break-all">"<Highlight text={node.value} query={query} />"</span>;
  if (node.type === "number") return <span className="text-blue-700"><Highlight text={node.raw} query={query} /></span>;
  if (node.type === "boolean") return <span className="text-amber-700"><Highlight text={String(node.value)} query={query} /></span>;
  return <span className="text-slate-400">null</span>;
}

function TreeNode({ node, path, name, ctx, last }) {
  const id = idOf(path);
  const container = node.type === "object" || node.type === "array";
  const expanded = container && (ctx.expanded.has(id) || ctx.search.open.has(id));
  const [limit, setLimit] = useState(PAGE);
  const selected = ctx.selected === id;
  const hit = ctx.search.hits.has(id);
  const size = node.type === "object" ? node.entries.length : node.type === "array" ? node.items.length : 0;
  const children = node.type === "object" ? node.entries : node.type === "array" ? node.items.map((v, i) => [i, v]) : [];

  const label = name === undefined ? null : typeof name === "number"
    ? <span className="mr-1 text-slate-400">{name}:</span>
    : <span className="mr-1 text-purple-700">"<Highlight text={name} query={ctx.query} />":</span>;

  return (
    <div>
      <div
        data-path={jsonPath(path)}
        onClick={() => ctx.select(id, path, node)}
        className={`group flex cursor-default items-start rounded px-1 leading-6 ${selected ? "bg-indigo-100" : hit ? "bg-yellow-50" : "hover:bg-slate-100"}`}
        style={{ paddingLeft: path.length * 16 + 4 }}
      >
        {container ? (
          <button
            aria-label={expanded ? "Collapse" : "Expand"}
            onClick={(e) => { e.stopPropagation(); ctx.toggle(id); }}
            className="mr-0.5 mt-1 flex h-4 w-4 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-200"
          >
            {expanded ? <ChevronDown className="h-3.5 w-3.5" /> : <ChevronRight className="h-3.5 w-3.5" />}
          </button>
        ) : (
          <span className="mr-0.5 w-4 shrink-0" />
        )}
        <span className="min-w-0">
          {label}
          {container ? (
            expanded ? (
              <span className="text-slate-500">{node.type === "object" ? "{" : "["}</span>
            ) : (
              <span className="text-slate-500">
                {node.type === "object" ? "{" : "["}
                <span className="mx-1 rounded bg-slate-100 px-1.5 text-xs text-slate-500">{size} {node.type === "object" ? (size === 1 ? "key" : "keys") : (size === 1 ? "item" : "items")}</span>
                {node.type === "object" ? "}" : "]"}{last ? "" : ","}
              </span>
            )
          ) : (
            <><Scalar node={node} query={ctx.query} />{last ? "" : <span className="text-slate-400">,</span>}</>
          )}
        </span>
      </div>
      {expanded && (
        <>
          {children.slice(0, limit).map(([k, v], i) => (
            <TreeNode key={i} node={v} path={[...path, k]} name={k} ctx={ctx} last={i === children.length - 1} />
          ))}
          {children.length > limit && (
            <button onClick={() => setLimit(limit + PAGE)} className="ml-2 rounded px-2 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50" style={{ marginLeft: (path.length + 1) * 16 + 8 }}>
              Show {Math.min(PAGE, children.length - limit)} more of {children.length - limit} remaining…
            </button>
          )}
          <div className="px-1 leading-6 text-slate-500" style={{ paddingLeft: path.length * 16 + 24 }}>{node.type === "object" ? "}" : "]"}{last ? "" : ","}</div>
        </>
      )}
    </div>
  );
}

function CopyButton({ text, label = "Copy" }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const ta = document.createElement("textarea");
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1200);
  };
  return (
    <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs" onClick={copy} aria-label={label}>
      {done ? <Check className="h-3.5 w-3.5 text-emerald-600" /> : <Copy className="h-3.5 w-3.5" />} {label}
    </Button>
  );
}

export default function JsonViewer() {
  const [input, setInput] = useState(SAMPLE);
  const [loaded, setLoaded] = useState(false);
  const [expanded, setExpanded] = useState(() => new Set([idOf([])]));
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState(null);
  const textareaRef = useRef(null);

  useEffect(() => {
    (async () => {
      try {
        const r = await window.storage.get(STORAGE_KEY);
        if (r.value.trim()) setInput(r.value);
      } catch { /* first visit: the sample */ }
      setLoaded(true);
    })();
  }, []);

  useEffect(() => {
    if (!loaded || input.length > 4_000_000) return;
    const t = setTimeout(() => window.storage.set(STORAGE_KEY, input).catch(() => {}), 700);
    return () => clearTimeout(t);
  }, [input, loaded]);

  const result = useMemo(() => {
    if (!input.trim()) return { empty: true };
    try {
      const { root, warnings } = parseJson(input);
      return { root, warnings, stats: count(root) };
    } catch (e) {
      if (!(e instanceof JsonError)) throw e;
      return { error: e };
    }
  }, [input]);

  // Open the first two levels whenever a new document arrives.
  useEffect(() => {
    if (!result.root) return;
    const open = new Set([idOf([])]);
    if (result.root.type === "object") result.root.entries.forEach(([k, v]) => { if (v.type === "object" || v.type === "array") open.add(idOf([k])); });
    if (result.root.type === "array") result.root.items.slice(0, 20).forEach((v, i) => { if (v.type === "object" || v.type === "array") open.add(idOf([i])); });
    setExpanded(open);
    setSelected(null);
  }, [result.root]);

  const search = useMemo(() => (result.root ? searchTree(result.root, query.trim()) : { hits: new Set(), open: new Set() }), [result.root, query]);

  const toggle = useCallback((id) => setExpanded((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }), []);

  const expandAll = () => {
    const all = new Set();
    const walk = (n, path) => {
      if (n.type === "object") { all.add(idOf(path)); n.entries.forEach(([k, v]) => walk(v, [...path, k])); }
      if (n.type === "array") { all.add(idOf(path)); n.items.slice(0, 1000).forEach((v, i) => walk(v, [...path, i])); }
    };
    if (result.root) walk(result.root, []);
    setExpanded(all);
  };

  const ctx = {
    expanded, toggle, query: query.trim(), search,
    selected: selected && selected.id,
    select: (id, path, node) => setSelected({ id, path, node }),
  };

  const error = result.error;
  const where = error ? lineCol(input, error.pos) : null;
  const errorLine = error ? input.split("\n")[where.line - 1] || "" : "";

  const goToError = () => {
    const ta = textareaRef.current;
    if (!ta || !error) return;
    ta.focus();
    ta.setSelectionRange(error.pos, Math.min(error.pos + 1, input.length));
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (where.line - 4) * lineHeight);
  };

  const rewrite = (indent, sortKeys) => { if (result.root) setInput(serialize(result.root, indent, sortKeys)); };

  return (
    <div className="flex h-screen flex-col bg-slate-50">
      <header className="flex flex-wrap items-center gap-3 border-b bg-white px-4 py-2.5">
        <div className="mr-auto flex items-center gap-2">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-slate-900 text-white"><Braces className="h-4 w-4" /></span>
          <div>
            <h1 className="text-base font-semibold leading-tight text-slate-900">JSON viewer</h1>
            <p className="text-xs text-slate-500">Paste JSON: validate, explore, search, format.</p>
          </div>
        </div>
        {result.root && (
          <Badge variant="outline" className="gap-1 border-emerald-300 bg-emerald-50 text-emerald-800"><CheckCircle2 className="h-3.5 w-3.5" /> Valid JSON</Badge>
        )}
        {error && (
          <Badge variant="outline" className="gap-1 border-red-300 bg-red-50 text-red-700"><AlertCircle className="h-3.5 w-3.5" /> Line {where.line}, column {where.col}</Badge>
        )}
        {result.stats && (
          <span className="text-xs text-slate-500">{result.stats.nodes.toLocaleString()} values · depth {result.stats.depth} · {new Blob([input]).size.toLocaleString()} bytes</span>
        )}
      </header>

      <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-2">
        <section className="flex min-h-0 flex-col border-r bg-white">
          <div className="flex flex-wrap items-center gap-1 border-b px-3 py-1.5">
            <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs" disabled={!result.root} onClick={() => rewrite(2, false)}><AlignLeft className="h-3.5 w-3.5" /> Format</Button>
            <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs" disabled={!result.root} onClick={() => rewrite(0, false)}><Minimize2 className="h-3.5 w-3.5" /> Minify</Button>
            <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs" disabled={!result.root} onClick={() => rewrite(2, true)}><ArrowDownAZ className="h-3.5 w-3.5" /> Sort keys</Button>
            <CopyButton text={input} />
            <span className="mx-1 h-4 w-px bg-slate-200" />
            <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs" onClick={() => setInput(SAMPLE)}><FileJson className="h-3.5 w-3.5" /> Sample</Button>
            <Button variant="ghost" size="sm" className="h-7 gap-1.5 px-2 text-xs text-slate-500" onClick={() => setInput("")}><Trash2 className="h-3.5 w-3.5" /> Clear</Button>
          </div>
          <textarea
            ref={textareaRef}
            aria-label="JSON input"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            spellCheck={false}
            placeholder='Paste JSON here, e.g. {"hello": "world"}'
            className="min-h-0 flex-1 resize-none border-0 bg-white p-4 font-mono text-[13px] leading-relaxed text-slate-800 outline-none"
          />
          {error && (
            <div className="border-t border-red-200 bg-red-50 px-4 py-3 text-sm" role="alert" data-testid="json-error">
              <div className="flex items-start gap-2 text-red-800">
                <AlertCircle className="mt-0.5 h-4 w-4 shrink-0" />
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{error.message}</p>
                  <p className="text-xs text-red-700">
                    Line {where.line}, column {where.col} (character {error.pos + 1}) ·{" "}
                    <button className="font-medium underline underline-offset-2" onClick={goToError}>go to error</button>
                  </p>
                  <pre className="mt-2 overflow-x-auto rounded bg-white/70 p-2 font-mono text-xs leading-5 text-slate-700">
                    <span className="select-none text-slate-400">{String(where.line).padStart(4)} | </span>{errorLine.slice(Math.max(0, where.col - 60), where.col + 40)}{"\n"}
                    <span className="select-none">{" ".repeat(7)}</span>{" ".repeat(Math.min(where.col - 1, 59))}<span className="font-bold text-red-600">^</span>
                  </pre>
                </div>
              </div>
            </div>
          )}
          {result.warnings && result.warnings.length > 0 && (
            <div className="max-h-28 overflow-auto border-t border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-900">
              {result.warnings.slice(0, 20).map((w, i) => {
                const lc = lineCol(input, w.pos);
                return <div key={i}>Line {lc.line}, column {lc.col}: {w.message}</div>;
              })}
            </div>
          )}
        </section>

        <section className="flex min-h-0 flex-col">
          <div className="flex items-center gap-2 border-b bg-white px-3 py-1.5">
            <div className="relative flex-1">
              <Search className="absolute left-2.5 top-2 h-4 w-4 text-slate-400" />
              <Input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search keys and values" className="h-8 pl-8 pr-8 text-sm" aria-label="Search" />
              {query && <button aria-label="Clear search" onClick={() => setQuery("")} className="absolute right-2 top-2 text-slate-400 hover:text-slate-700"><X className="h-4 w-4" /></button>}
            </div>
            {query.trim() && <span className="shrink-0 text-xs text-slate-500">{search.hits.size} {search.hits.size === 1 ? "match" : "matches"}</span>}
            <Button variant="ghost" size="sm" className="h-8 gap-1 px-2 text-xs" onClick={expandAll} disabled={!result.root}><ChevronsUpDown className="h-3.5 w-3.5" /> Expand</Button>
            <Button variant="ghost" size="sm" className="h-8 gap-1 px-2 text-xs" onClick={() => setExpanded(new Set([idOf([])]))} disabled={!result.root}><ChevronsDownUp className="h-3.5 w-3.5" /> Collapse</Button>
          </div>
          <div className="min-h-0 flex-1 overflow-auto p-2 font-mono text-[13px]" data-testid="tree">
            {result.root ? (
              <TreeNode node={result.root} path={[]} ctx={ctx} last />
            ) : (
              <div className="flex h-full flex-col items-center justify-center gap-2 p-8 text-center font-sans text-sm text-slate-400">
                <Braces className="h-8 w-8" />
                {result.empty ? "Paste some JSON on the left to explore it here." : "Fix the error on the left to see the tree."}
              </div>
            )}
          </div>
          {selected && (
            <div className="border-t bg-white px-3 py-2">
              <div className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700" title={jsonPath(selected.path)}>{jsonPath(selected.path)}</code>
                <CopyButton text={jsonPath(selected.path)} label="Path" />
                <CopyButton text={serialize(selected.node, 2, false)} label="Value" />
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {selected.node.type}
                {selected.node.type === "object" && ` · ${selected.node.entries.length} keys`}
                {selected.node.type === "array" && ` · ${selected.node.items.length} items`}
                {selected.node.type === "string" && ` · ${selected.node.value.length} characters`}
              </p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

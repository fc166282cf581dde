/**
 * useStoredState: React state that survives reloads, kept in an artifact's window.storage.
 *
 *   const [todos, setTodos, status] = useStoredState<Todo[]>("todos", []);
 *   const [board, setBoard] = useStoredState("board", emptyBoard, { shared: true });
 *
 * - Values are stored as JSON strings (window.storage only holds strings).
 * - A key that was never written is not an error: `get` throws, and the hook uses `initial`.
 * - Writes are debounced (typing into a bound input does not write on every keystroke) and
 *   flushed when the page is hidden.
 * - With `shared: true` everyone who opens the artifact sees the same value. When another view
 *   writes the key, live-artifacts dispatches an `artifact-storage` event and the hook reloads;
 *   elsewhere an optional poll does the same.
 *
 * Keys must be under 200 characters, with no whitespace, slashes or quotes.
 */
import { useCallback, useEffect, useRef, useState } from "react";

type Status = "loading" | "ready" | "saving" | "error";

interface Options<T> {
  shared?: boolean;
  debounceMs?: number;
  pollMs?: number; // 0 = never (the artifact-storage event is enough in live-artifacts)
  validate?: (value: unknown) => value is T;
}

interface ArtifactStorage {
  get(key: string, shared?: boolean): Promise<{ key: string; value: string; shared: boolean }>;
  set(key: string, value: string, shared?: boolean): Promise<unknown>;
}

const KEY_RULE = /^[^\s/\\'"`]{1,199}$/;

function storage(): ArtifactStorage | null {
  return (window as unknown as { storage?: ArtifactStorage }).storage ?? null;
}

async function read<T>(key: string, shared: boolean, fallback: T, validate?: Options<T>["validate"]): Promise<T> {
  const s = storage();
  if (!s) return fallback;
  try {
    const result = await s.get(key, shared);
    if (!result || typeof result.value !== "string") return fallback;
    const parsed: unknown = JSON.parse(result.value);
    return validate && !validate(parsed) ? fallback : (parsed as T);
  } catch {
    return fallback; // not stored yet, or not JSON we wrote
  }
}

export function useStoredState<T>(
  key: string,
  initial: T,
  { shared = false, debounceMs = 400, pollMs = 0, validate }: Options<T> = {},
): [T, (next: T | ((prev: T) => T)) => void, { status: Status; error: string | null; reload: () => Promise<void> }] {
  if (!KEY_RULE.test(key)) throw new Error(`useStoredState: invalid storage key ${JSON.stringify(key)}`);

  const [value, setValue] = useState<T>(initial);
  const [status, setStatus] = useState<Status>("loading");
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const initialRef = useRef(initial);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const data = pending.current;
    const s = storage();
    if (data === null || !s) return;
    pending.current = null;
    setStatus("saving");
    try {
      await s.set(key, data, shared);
      setStatus("ready");
      setError(null);
    } catch (err) {
      setStatus("error");
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [key, shared]);

  const reload = useCallback(async () => {
    if (pending.current !== null) return; // our own unsaved change wins
    const next = await read(key, shared, initialRef.current, validate);
    setValue(next);
    setStatus((s) => (s === "loading" ? "ready" : s));
  }, [key, shared, validate]);

  // First load, and reloads when another view writes this key.
  useEffect(() => {
    let alive = true;
    read(key, shared, initialRef.current, validate).then((v) => {
      if (!alive) return;
      setValue(v);
      setStatus("ready");
    });
    const onStorage = (e: Event) => {
      const d = (e as CustomEvent<{ key?: string; shared?: boolean }>).detail || {};
      if (d.key === key && !!d.shared === shared) void reload();
    };
    window.addEventListener("artifact-storage", onStorage);
    const poll = pollMs > 0 ? setInterval(() => !document.hidden && void reload(), pollMs) : null;
    return () => {
      alive = false;
      window.removeEventListener("artifact-storage", onStorage);
      if (poll) clearInterval(poll);
    };
  }, [key, shared, pollMs, validate, reload]);

  // Do not lose the last keystrokes when the page goes away.
  useEffect(() => {
    const onHide = () => { if (document.visibilityState === "hidden") void flush(); };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      void flush();
    };
  }, [flush]);

  const update = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const resolved = typeof next === "function" ? (next as (p: T) => T)(prev) : next;
        pending.current = JSON.stringify(resolved);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), debounceMs);
        return resolved;
      });
    },
    [debounceMs, flush],
  );

  return [value, update, { status, error, reload }];
}

/* Example: a shared checklist that updates live in every open view.

export default function Checklist() {
  const [items, setItems, { status }] = useStoredState<{ text: string; done: boolean }[]>(
    "checklist", [], { shared: true, pollMs: 15000 },
  );
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>
          <label>
            <input type="checkbox" checked={item.done}
              onChange={() => setItems(items.map((x, j) => (j === i ? { ...x, done: !x.done } : x)))} />
            {item.text}
          </label>
        </li>
      ))}
      <li><small>{status === "saving" ? "Saving…" : "Saved"}</small></li>
    </ul>
  );
}
*/

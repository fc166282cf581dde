import React, { useState, useEffect } from 'react';

// A habit tracker that keeps its data in window.storage, the way claude.ai documents it:
// a key that was never written makes get() throw, so the first visit starts empty.
export default function HabitTracker() {
  const [habits, setHabits] = useState([]);
  const [loading, setLoading] = useState(true);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState('');
  const [logCount, setLogCount] = useState(null);

  useEffect(() => {
    const load = async () => {
      try {
        const result = await window.storage.get('habits');
        setHabits(JSON.parse(result.value));
      } catch (error) {
        setHabits([]);
      } finally {
        setLoading(false);
      }
    };
    load();
  }, []);

  const persist = async (next) => {
    setHabits(next);
    try {
      const result = await window.storage.set('habits', JSON.stringify(next));
      setStatus(`Saved ${result.key} (${result.shared ? 'shared' : 'personal'})`);
    } catch (error) {
      setStatus(`Could not save: ${error.message}`);
    }
  };

  const addHabit = () => {
    const name = draft.trim();
    if (!name) return;
    persist([...habits, { name, done: false }]);
    setDraft('');
  };

  const toggle = async (index) => {
    const next = habits.map((h, i) => (i === index ? { ...h, done: !h.done } : h));
    await persist(next);
    await window.storage.set(`log:${index}`, new Date().toISOString());
    const listing = await window.storage.list('log:');
    setLogCount(`${listing.keys.length} log entries under ${listing.prefix}`);
  };

  const clearAll = async () => {
    const result = await window.storage.delete('habits');
    setHabits([]);
    setStatus(`Cleared ${result.key}: ${result.deleted ? 'deleted' : 'nothing to delete'}`);
  };

  if (loading) return <div className="p-6 text-gray-500">Loading your habits…</div>;

  const done = habits.filter((h) => h.done).length;
  return (
    <div className="min-h-screen bg-slate-50 p-6">
      <div className="max-w-md mx-auto bg-white rounded-xl shadow p-6">
        <h1 className="text-2xl font-bold text-slate-800 mb-1">Daily Habits</h1>
        <p id="progress" className="text-sm text-slate-500 mb-4">
          {habits.length === 0 ? 'No habits yet. Add your first one!' : `${done} of ${habits.length} done today`}
        </p>
        <div className="flex gap-2 mb-4">
          <input
            aria-label="New habit"
            className="flex-1 border rounded-lg px-3 py-2"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addHabit()}
            placeholder="e.g. Drink water"
          />
          <button onClick={addHabit} className="bg-indigo-600 text-white rounded-lg px-4">Add</button>
        </div>
        <ul className="space-y-2">
          {habits.map((habit, i) => (
            <li key={i} className="flex items-center gap-2">
              <input type="checkbox" aria-label={habit.name} checked={habit.done} onChange={() => toggle(i)} />
              <span className={habit.done ? 'line-through text-slate-400' : ''}>{habit.name}</span>
            </li>
          ))}
        </ul>
        {habits.length > 0 && (
          <button onClick={clearAll} className="mt-4 text-sm text-red-600">Clear all</button>
        )}
        <p id="status" className="mt-3 text-xs text-slate-500">{status}</p>
        <p id="log" className="text-xs text-slate-400">{logCount}</p>
      </div>
    </div>
  );
}

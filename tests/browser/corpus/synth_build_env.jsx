import React, { useState } from 'react';

// Written as if for a Vite/CRA project: the build tool would replace these.
const IS_DEV = process.env.NODE_ENV !== 'production';
const API_BASE = import.meta.env.VITE_API_BASE || 'offline';

const NOTES = [
  { name: 'C4', freq: 261.63 },
  { name: 'E4', freq: 329.63 },
  { name: 'G4', freq: 392.0 },
];

export default function PocketSynth() {
  const [log, setLog] = useState([]);

  const play = (note) => {
    // Read at the first sound, as the real artifact did.
    const volume = Number(process.env.REACT_APP_VOLUME ?? 0.5);
    if (IS_DEV) console.log('playing', note.name);
    setLog((l) => [...l, `${note.name} ${note.freq.toFixed(1)} Hz at volume ${volume}`]);
  };

  return (
    <div className="p-6 font-sans">
      <h1 className="text-2xl font-bold">Pocket Synth</h1>
      <p id="mode">mode {import.meta.env.MODE} · prod {String(import.meta.env.PROD)} · dev {String(import.meta.env.DEV)} · api {API_BASE}</p>
      <div className="flex gap-2 mt-4">
        {NOTES.map((n) => (
          <button key={n.name} onClick={() => play(n)} className="px-3 py-2 rounded bg-indigo-600 text-white">
            {n.name}
          </button>
        ))}
      </div>
      <ul id="log">{log.map((line, i) => <li key={i}>{line}</li>)}</ul>
    </div>
  );
}

import React, { useEffect, useState } from 'react';

export default function ClickCounter() {
  const [count, setCount] = useState(() => parseInt(localStorage.getItem('clicks') || '0', 10));
  const [visits] = useState(() => {
    const n = Number(sessionStorage.getItem('visits') || 0) + 1;
    sessionStorage.setItem('visits', String(n));
    return n;
  });

  useEffect(() => {
    localStorage.setItem('clicks', String(count));
    localStorage.lastClick = count > 0 ? 'yes' : 'no';
  }, [count]);

  return (
    <div className="p-8 text-center">
      <h1 className="text-3xl font-bold">Click Counter</h1>
      <p id="count" className="text-5xl my-4">{count}</p>
      <p id="visits">Views this session: {visits}</p>
      <button className="px-4 py-2 bg-blue-600 text-white rounded" onClick={() => setCount((c) => c + 1)}>Click me</button>
      <button className="ml-2 px-4 py-2 border rounded" onClick={() => { localStorage.clear(); setCount(0); }}>Reset</button>
    </div>
  );
}

import React, { useState } from 'react';

const GRID_SIZE = 4;
const COLORS = ['#f87171', '#60a5fa', '#34d399', '#fbbf24'];
const MOD = GRID_SIZE * GRID_SIZE;

function Tile({ color, onClick }) {
  return <button onClick={onClick} style={{ background: color, width: 48, height: 48 }} aria-label="tile" />;
}

const MemoryMatch = () => {
  const [flips, setFlips] = useState(0);
  return (
    <div className="p-4">
      <p id="flips">Flips: {flips}</p>
      <div className="grid grid-cols-4 gap-2 w-max">
        {Array.from({ length: MOD }, (_, i) => (
          <Tile key={i} color={COLORS[i % COLORS.length]} onClick={() => setFlips((f) => f + 1)} />
        ))}
      </div>
    </div>
  );
};

export default MemoryMatch;

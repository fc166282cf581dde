import React, { useCallback, useEffect, useRef, useState } from "react";

const CELL = 16;
const COLS = 20;
const ROWS = 15;
const START = [{ x: 5, y: 7 }, { x: 4, y: 7 }, { x: 3, y: 7 }];

export default function SnakeGame() {
  const canvasRef = useRef(null);
  const [snake, setSnake] = useState(START);
  const [dir, setDir] = useState({ x: 1, y: 0 });
  const [food, setFood] = useState({ x: 12, y: 7 });
  const [running, setRunning] = useState(false);
  const [score, setScore] = useState(0);
  const [gameOver, setGameOver] = useState(false);

  const step = useCallback(() => {
    setSnake((prev) => {
      const head = { x: prev[0].x + dir.x, y: prev[0].y + dir.y };
      const hitWall = head.x < 0 || head.y < 0 || head.x >= COLS || head.y >= ROWS;
      const hitSelf = prev.some((p) => p.x === head.x && p.y === head.y);
      if (hitWall || hitSelf) {
        setRunning(false);
        setGameOver(true);
        return prev;
      }
      const next = [head, ...prev];
      if (head.x === food.x && head.y === food.y) {
        setScore((s) => s + 10);
        setFood({ x: (food.x * 7 + 3) % COLS, y: (food.y * 5 + 2) % ROWS });
      } else {
        next.pop();
      }
      return next;
    });
  }, [dir, food]);

  useEffect(() => {
    if (!running) return;
    const id = setInterval(step, 60);
    return () => clearInterval(id);
  }, [running, step]);

  useEffect(() => {
    const onKey = (e) => {
      const moves = { ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 }, ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 } };
      if (moves[e.key]) {
        e.preventDefault();
        setDir(moves[e.key]);
      }
      if (e.key === " ") {
        e.preventDefault();
        setRunning((r) => !r);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const ctx = canvasRef.current.getContext("2d");
    ctx.fillStyle = "#0f172a";
    ctx.fillRect(0, 0, COLS * CELL, ROWS * CELL);
    ctx.fillStyle = "#ef4444";
    ctx.fillRect(food.x * CELL, food.y * CELL, CELL - 1, CELL - 1);
    ctx.fillStyle = "#22c55e";
    snake.forEach((p) => ctx.fillRect(p.x * CELL, p.y * CELL, CELL - 1, CELL - 1));
  }, [snake, food]);

  const restart = () => {
    setSnake(START);
    setDir({ x: 1, y: 0 });
    setScore(0);
    setGameOver(false);
    setRunning(true);
  };

  return (
    <div className="flex flex-col items-center gap-3 p-6 bg-slate-100 min-h-screen">
      <h1 className="text-2xl font-bold">Snake</h1>
      <p id="score" className="text-lg">Score: {score}</p>
      <canvas ref={canvasRef} width={COLS * CELL} height={ROWS * CELL} className="rounded shadow-lg" />
      <p id="status" className="text-sm text-slate-600">
        {gameOver ? "Game over! Press restart." : running ? "Playing: arrows steer, space pauses" : "Press space to start"}
      </p>
      <button onClick={restart} className="px-4 py-2 bg-green-600 text-white rounded hover:bg-green-700">
        Restart
      </button>
    </div>
  );
}

import React, { useState } from 'react';

const QUESTIONS = [
  { q: 'What is 2 + 2?', options: ['3', '4', '5'], answer: 1 },
  { q: 'Which planet is red?', options: ['Mars', 'Venus'], answer: 0 },
];

// A quiz with a real bug: after the last question it reads QUESTIONS[2].q, which does not exist.
export default function Quiz() {
  const [index, setIndex] = useState(0);
  const [score, setScore] = useState(0);
  const current = QUESTIONS[index];
  const choose = (i) => {
    if (i === current.answer) setScore(score + 1);
    setIndex(index + 1);
  };
  return (
    <div className="p-6">
      <h1 className="text-xl font-bold">Quick Quiz</h1>
      <p id="score">Score: {score}</p>
      <p id="question">{current.q}</p>
      {current.options.map((option, i) => (
        <button key={i} onClick={() => choose(i)} className="mr-2 px-3 py-1 border rounded">{option}</button>
      ))}
    </div>
  );
}

import React, { useState } from 'react';
import * as tf from '@tensorflow/tfjs';

export default function TensorPlayground() {
  const [values, setValues] = useState('1, 2, 3, 4.5');
  const [result, setResult] = useState(null);

  const compute = async () => {
    await tf.ready();
    const numbers = values.split(',').map((v) => parseFloat(v.trim())).filter((v) => !Number.isNaN(v));
    const t = tf.tensor1d(numbers);
    const sum = (await t.sum().data())[0];
    const mean = (await t.mean().data())[0];
    t.dispose();
    setResult({ sum, mean, count: numbers.length });
  };

  return (
    <div className="p-6 space-y-3">
      <h1 className="text-xl font-bold">Tensor Playground</h1>
      <input id="values" className="border p-2 w-64" value={values} onChange={(e) => setValues(e.target.value)} />
      <button onClick={compute} className="ml-2 px-3 py-2 bg-orange-500 text-white rounded">Sum with TensorFlow</button>
      {result && (
        <p id="result">Sum {result.sum} · mean {result.mean.toFixed(3)} · {result.count} values</p>
      )}
    </div>
  );
}

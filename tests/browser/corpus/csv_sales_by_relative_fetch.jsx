import React, { useEffect, useState } from 'react';
import Papa from 'papaparse';

export default function SalesSummary() {
  const [rows, setRows] = useState([]);
  const [error, setError] = useState(null);

  useEffect(() => {
    fetch('/sales.csv')
      .then((res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.text();
      })
      .then((text) => setRows(Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true }).data))
      .catch((e) => setError(e.message));
  }, []);

  const total = rows.reduce((sum, r) => sum + r.amount, 0);
  return (
    <div className="p-6">
      <h1 className="text-2xl font-semibold">Sales Summary</h1>
      {error && <p id="error" className="text-red-600">{error}</p>}
      <table className="mt-4"><tbody>
        {rows.map((r) => <tr key={r.region}><td>{r.region}</td><td>{r.amount}</td></tr>)}
      </tbody></table>
      {rows.length > 0 && <p id="total">Total across {rows.length} regions: {total}</p>}
    </div>
  );
}

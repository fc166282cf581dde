import React, { useEffect, useState } from 'react';
import mammoth from 'mammoth';
import { FileText } from 'lucide-react';

export default function DocxReader() {
  const [status, setStatus] = useState('Checking the reader…');

  useEffect(() => {
    const ready = typeof mammoth.convertToHtml === 'function' && typeof mammoth.extractRawText === 'function';
    // An empty buffer is not a .docx: the reader should say so rather than crash.
    mammoth.convertToHtml({ arrayBuffer: new ArrayBuffer(0) })
      .then(() => setStatus('Unexpected: an empty file was accepted'))
      .catch(() => setStatus(ready ? 'Reader ready: an empty file is not a .docx' : 'Reader missing'));
  }, []);

  return (
    <div className="p-6 max-w-lg">
      <h1 className="text-xl font-semibold flex items-center gap-2"><FileText size={20} /> Word document reader</h1>
      <p id="status" className="mt-3 text-gray-700">{status}</p>
    </div>
  );
}

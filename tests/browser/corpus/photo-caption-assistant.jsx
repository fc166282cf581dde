import React, { useState } from 'react';

// A 2x2 red PNG, as a file input would give it after FileReader.readAsDataURL.
const SAMPLE_IMAGE = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGO4o6YGRAwQCgAjRgSh7v9IEwAAAABJRU5ErkJggg==';

export default function PhotoCaptionAssistant() {
  const [blocks, setBlocks] = useState([]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const describe = async () => {
    setBusy(true);
    setError('');
    try {
      const response = await fetch('https://api.anthropic.com/v1/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          model: 'claude-sonnet-4-20250514',
          max_tokens: 1000,
          tools: [{
            name: 'save_caption',
            description: 'Save a short caption for the photo',
            input_schema: { type: 'object', properties: { caption: { type: 'string' } }, required: ['caption'] },
          }],
          messages: [{
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: SAMPLE_IMAGE } },
              { type: 'text', text: 'Describe this photo, then save a caption for it.' },
            ],
          }],
        }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error ? data.error.message : `HTTP ${response.status}`);
      setBlocks(data.content);
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  const suggestTitle = async () => {
    try {
      const answer = await window.claude.complete('Suggest a one-line album title for a photo of a red square.');
      setTitle(answer.trim());
    } catch (err) {
      setError(err.message);
    }
  };

  return (
    <div className="p-6 max-w-lg mx-auto font-sans">
      <h1 className="text-xl font-semibold mb-3">Photo Caption Assistant</h1>
      <img alt="sample" src={`data:image/png;base64,${SAMPLE_IMAGE}`} width={64} height={64} className="border mb-3" />
      <div className="flex gap-2 mb-4">
        <button onClick={describe} disabled={busy} className="px-3 py-1 rounded bg-blue-600 text-white">
          {busy ? 'Asking Claude…' : 'Describe photo'}
        </button>
        <button onClick={suggestTitle} className="px-3 py-1 rounded border">Suggest album title</button>
      </div>
      {title && <p id="album-title" className="italic">Album: {title}</p>}
      {error && <p id="error" className="text-red-600">{error}</p>}
      <div id="answer">
        {blocks.map((block, i) =>
          block.type === 'text' ? (
            <p key={i} className="description">{block.text}</p>
          ) : block.type === 'tool_use' ? (
            <p key={i} className="caption">Caption saved: {block.input.caption} ({block.name})</p>
          ) : null
        )}
      </div>
    </div>
  );
}

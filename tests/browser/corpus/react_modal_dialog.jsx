import React, { useState } from "react";
import { X, UserPlus } from "lucide-react";

export default function TeamInvite() {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("Viewer");
  const [invited, setInvited] = useState([]);

  const submit = (e) => {
    e.preventDefault();
    if (!email.trim()) return;
    setInvited([...invited, { email: email.trim(), role }]);
    setEmail("");
    setOpen(false);
  };

  return (
    <div className="min-h-screen bg-gray-100 p-8">
      <div className="max-w-md mx-auto bg-white rounded-lg shadow-sm p-6">
        <h1 className="text-2xl font-bold text-gray-800 mb-4">Team members</h1>
        {invited.length === 0 ? (
          <p className="text-gray-500 mb-4">Nobody invited yet.</p>
        ) : (
          <ul className="divide-y divide-gray-200 mb-4">
            {invited.map((p) => (
              <li key={p.email} className="py-2 flex justify-between">
                <span className="text-gray-700">{p.email}</span>
                <span className="text-sm text-blue-600">{p.role}</span>
              </li>
            ))}
          </ul>
        )}
        <button
          onClick={() => setOpen(true)}
          className="flex items-center gap-2 bg-blue-500 hover:bg-blue-600 text-white px-4 py-2 rounded"
        >
          <UserPlus size={16} /> Invite someone
        </button>
      </div>

      {open && (
        <div
          data-testid="backdrop"
          className="fixed inset-0 bg-black bg-opacity-50 flex items-center justify-center"
        >
          <div role="dialog" aria-label="Invite" className="bg-white rounded-lg shadow-xl w-full max-w-sm p-6">
            <div className="flex justify-between items-center mb-4">
              <h2 className="text-lg font-semibold text-gray-900">Invite a team member</h2>
              <button aria-label="Close" onClick={() => setOpen(false)} className="text-gray-400 hover:text-gray-600">
                <X size={20} />
              </button>
            </div>
            <form onSubmit={submit} className="space-y-4">
              <input
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                placeholder="name@example.com"
                className="w-full border border-gray-300 rounded-md px-3 py-2 focus:outline-none focus:ring-2 focus:ring-blue-500"
              />
              <select
                value={role}
                onChange={(e) => setRole(e.target.value)}
                className="w-full border border-gray-300 rounded-md px-3 py-2 focus:outline-none focus:ring"
              >
                <option>Viewer</option>
                <option>Editor</option>
              </select>
              <button type="submit" className="w-full bg-blue-500 text-white py-2 rounded-md hover:bg-blue-600">
                Send invite
              </button>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}

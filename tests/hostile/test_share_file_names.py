"""What a share visitor learns from ``window.fs.readFile``'s not-found answer.

Who attacks: a visitor of a published link (their page's code asks for files by guessed names).
What they try: read the names of the files attached to the artifact's conversation (private to
the owner) from the hint the not-found error used to carry. What must hold: a visitor gets a
plain not-found that names no file; the owner's own page keeps its helpful hint.
"""

from __future__ import annotations

import httpx

from artifacts_runtime.server import ArtifactServer
from artifacts_runtime.workspace import Workspace


async def test_a_visitors_not_found_names_no_file(workspace: Workspace, server: ArtifactServer):
    store = workspace.store
    artifact = await store.create("<p>report</p>", type="text/html")
    conversation = await store.create_conversation(title="private")
    await store.attach_file("salaries-2025.xlsx", b"secret", conversation_id=conversation.id)
    await store.attach_file("chart-data.csv", b"a,b", artifact_id=artifact.id)
    await store._writer.execute("UPDATE artifacts SET conversation_id = ? WHERE id = ?", (conversation.id, artifact.id))
    token = await store.publish(artifact.id)
    async with httpx.AsyncClient(base_url=server.base_url, trust_env=False) as client:
        await client.get(f"/s/{token}")
        for name in ("guess.txt", "salaries-2025.xlsx", "../salaries-2025.xlsx", ""):
            reply = (
                await client.post(f"/s/{token}/call", json={"method": "fs.readFile", "params": {"name": name}})
            ).json()
            assert reply["ok"] is False and reply["error"]["code"] == "file_not_found"
            message = reply["error"]["message"]
            assert "salaries" not in message.replace(name, "") and "chart-data" not in message
            assert "attached" not in message
    # the owner's page still gets the hint (their own files)
    headers = {"Authorization": f"Bearer {server.token}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers, trust_env=False) as owner:
        reply = (
            await owner.post(
                f"/api/artifacts/{artifact.id}/call", json={"method": "fs.readFile", "params": {"name": "guess.txt"}}
            )
        ).json()
        assert "salaries-2025.xlsx" in reply["error"]["message"]

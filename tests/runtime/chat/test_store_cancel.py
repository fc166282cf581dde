"""A write cancelled while it waits for ``BEGIN IMMEDIATE`` must not leave the library's writer
connection inside a transaction (found by the chat engine's cancel test; fixed in the store)."""

from __future__ import annotations

import asyncio
import time


async def test_cancel_at_begin_leaves_the_writer_usable(store) -> None:
    # Keep aiosqlite's writer thread busy so the next BEGIN waits in its queue…
    busy = asyncio.ensure_future(store._writer._execute(time.sleep, 0.2))
    write = asyncio.ensure_future(store.create("<p>a</p>", type="html"))
    await asyncio.sleep(0.05)
    write.cancel()  # …and cancel the write while it waits (the queued BEGIN still runs)
    try:
        await write
    except asyncio.CancelledError:
        pass
    await busy
    artifact = await store.create("<p>b</p>", type="html")  # failed: "cannot start a transaction within a transaction"
    assert (await store.version(artifact.id)).content == "<p>b</p>"

"""The bridge without a server: limits it keeps whoever calls it."""

from __future__ import annotations


async def test_error_reports_are_capped_per_artifact_per_minute(store):
    """A looping artifact cannot flood the app: past the cap, reports are acknowledged but not published."""
    from artifacts_runtime.bridge import MAX_REPORTS_PER_MINUTE, Bridge
    from artifacts_runtime.events import EventHub

    hub = EventHub()
    published: list[dict] = []
    hub.subscribe(published.append)
    bridge = Bridge(store, hub)
    artifact = await store.create("<p>x</p>", type="html")
    for i in range(MAX_REPORTS_PER_MINUTE + 5):
        await bridge.call(artifact.id, "error.report", {"message": f"boom {i}"})
    assert len([e for e in published if e["type"] == "artifact.error"]) == MAX_REPORTS_PER_MINUTE


async def test_the_local_storage_snapshot_is_the_callers_own_prefixed_keys(store):
    from artifacts_runtime.bridge import local_storage_snapshot

    art = await store.create("<p>x</p>", type="html", title="t", source="import")
    other = await store.create("<p>y</p>", type="html", title="u", source="import")
    await store.state_set(art.id, "__localStorage:clicks", "3")
    await store.state_set(art.id, "__localStorage:a%20b", "spaced")
    await store.state_set(art.id, "score", "not localStorage")
    await store.state_set(art.id, "__localStorage:shared", "everyone", shared=True)
    await store.state_set(art.id, "__localStorage:clicks", "9", owner="visitor:v1")
    await store.state_set(other.id, "__localStorage:clicks", "100")
    assert await local_storage_snapshot(store, art.id) == {"clicks": "3", "a%20b": "spaced"}
    assert await local_storage_snapshot(store, art.id, owner="visitor:v1") == {"clicks": "9"}
    assert await local_storage_snapshot(store, art.id, owner="visitor:v2") == {}

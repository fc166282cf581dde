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

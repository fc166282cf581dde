"""The CDN table a frame gets for scripts created at run time (``page/cdn.py``)."""

from __future__ import annotations

from artifacts_runtime.assets import AssetLock
from artifacts_runtime.page.cdn import cdn_table
from artifacts_runtime.page.documents import frame_document
from artifacts_runtime.page.resources import Resources
from artifacts_runtime.page.spec import FrameSpec


def test_the_table_says_where_each_library_is_served() -> None:
    lock = AssetLock.load()
    table = cdn_table(lock)
    d3 = next(lib for lib in table["libraries"] if lib["name"] == "d3")
    assert d3["base"] == f"/assets/d3@{lock.get('d3').version}/"
    assert d3["cdnjs"] == "d3" and "d3.min.js" in d3["cdnjsFiles"]
    assert table["firstParty"]["d3js.org"]["library"] == "d3"
    assert len(table["libraries"]) == len(lock)


def test_a_live_frame_carries_the_table_and_an_export_does_not() -> None:
    lock = AssetLock.load()
    spec = FrameSpec(artifact_id="a1", version=1, type="text/html", title="t", source="<p>x</p>")
    assert '"cdn":' in frame_document(spec, Resources(lock))
    assert '"cdn":' not in frame_document(spec, Resources(lock), mode="export")

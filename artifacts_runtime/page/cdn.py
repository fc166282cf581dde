"""The CDN table a frame gets for the scripts an artifact adds at run time.

Static ``<script src>``/``<link href>`` tags of an HTML artifact are rewritten on the server
(:func:`artifacts_runtime.page.documents.frame_document`). A script the artifact's code creates
(``document.createElement("script")``, then ``src = "https://cdnjs…"``) is only known in the
page: ``frame-compat.js`` resolves its URL with this table, by the same rules as
:meth:`artifacts_runtime.assets.AssetLock.resolve_url`, to the local copy's address.
"""

from __future__ import annotations

from typing import Any

from ..assets import AssetLock
from ..assets.lock import FIRST_PARTY_URLS


def cdn_table(lock: AssetLock, base: str = "") -> dict[str, Any]:
    """Per library: its npm name, version, files, cdnjs names and listed URLs, and where its
    files are served (``{base}/assets/{folder}/``); plus the first-party CDN patterns."""
    libraries = [
        {
            "name": lib.name,
            "package": lib.package,
            "version": lib.version,
            "base": f"{base}/assets/{lib.folder}/",
            "main": lib.main,
            "files": list(lib.files),
            "cdnjs": lib.cdnjs_name,
            "cdnjsVersion": lib.cdnjs_version,
            "cdnjsFiles": lib.cdnjs_files,
            "urls": list(lib.urls),
        }
        for lib in lock
    ]
    first_party = {host: {"pattern": pattern, "library": name} for host, (pattern, name) in FIRST_PARTY_URLS.items()}
    return {"libraries": libraries, "firstParty": first_party}

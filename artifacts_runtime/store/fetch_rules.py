"""The fetch cache's rules: its size limits, and the request key (one digest of what a request
sends).

Two requests share a cached answer only when they send the same method, URL, headers and body;
the digest stands for all of it in the ``request_key`` column, so a credential a request
carries (``Authorization``, ``X-Api-Key``, a token in the URL) is never stored in clear. It is
here, on its own, because migration 0004 computes it for the entries it keeps.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

MB = 1024 * 1024
#: All cached answers together (``[live_data] cache_mb``).
TOTAL_BYTES = 100 * MB
#: One artifact's answers for its owner, and apart from them all its visitors' answers together
#: (``[live_data] cache_per_artifact_mb``): visitors cannot push the owner's answers out.
PER_ARTIFACT_BYTES = 20 * MB

#: Changing how the key is made invalidates every entry: bump the label with it.
LABEL = b"live-artifacts fetch cache v1\x00"


def request_key(method: str, url: str, headers: Mapping[str, str] | None = None, body: str | None = None) -> str:
    """SHA-256 (hex) of the method, the URL, the header names (case-blind) and values, and the
    body, serialised as JSON so that no two different requests can spell the same text."""
    pairs = sorted([name.lower(), value] for name, value in (headers or {}).items())
    text = json.dumps([method.upper(), url, pairs, body], separators=(",", ":"), ensure_ascii=True)
    import hashlib  # here: schema.py imports this module, and peek.py (start-up) imports schema

    return hashlib.sha256(LABEL + text.encode("ascii")).hexdigest()

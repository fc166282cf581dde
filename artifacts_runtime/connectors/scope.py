"""What a grant covers: an origin, or a path prefix of it, by whole segments. The path a
request sends, whether it is plain (nothing a server could read as another path), the grant
that decides about a URL, and a URL as messages show it (never its query)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import httpx

from ..records import Grant
from ..store import Store
from .addresses import origin_of
from .answers import FetchRefused

#: Escapes a server may decode into a dot, a slash, a backslash or another escape.
_TRICKY_ESCAPES = re.compile(r"%(2e|2f|5c|25)", re.IGNORECASE)


def url_path(url: str) -> str:
    """The path a request for ``url`` sends, as httpx sends it: dot segments resolved, still
    percent-encoded, without the query; ``/`` when empty."""
    try:
        raw = httpx.URL(url).raw_path
    except (httpx.InvalidURL, ValueError, UnicodeError):
        raise FetchRefused("invalid_url", f"{url[:80]!r} is not a valid URL") from None
    return raw.split(b"?", 1)[0].decode("ascii") or "/"


def plain_path(path: str) -> bool:
    """False for a path a server could read as another one: an escaped dot, slash, backslash or
    percent sign (``%2e%2e``, ``%2f``, ``%252e``), a backslash, or a ``..;`` segment."""
    if "\\" in path or _TRICKY_ESCAPES.search(path):
        return False
    return all(segment.split(";", 1)[0] not in (".", "..") for segment in path.split("/"))


def path_within(prefix: str, path: str) -> bool:
    """Whether a grant for ``prefix`` covers ``path``, by whole segments."""
    return prefix == "/" or path == prefix or path.startswith(prefix + "/")


def grant_scope(value: str) -> tuple[str, str]:
    """``(origin, path prefix)`` of what a person grants: ``https://api.example.com`` is the whole
    origin (``/``), ``https://api.example.com/v1/`` the prefix ``/v1``. A query, a fragment or a
    tricky path is refused: a grant is for an origin or a path prefix, plainly written."""
    origin = origin_of(value)
    if "?" in value or "#" in value:
        raise FetchRefused(
            "invalid_url",
            f"a grant covers an origin or a path prefix, not a query or a fragment: drop what follows "
            f"'?' or '#' in {value[:80]!r}",
        )
    path = url_path(value)
    if not plain_path(path):
        raise FetchRefused(
            "invalid_url", f"{path[:80]!r} has escaped dots, slashes or percent signs; write the path plainly"
        )
    return origin, "/" + "/".join(segment for segment in path.split("/") if segment)


def covering_grant(grants: Sequence[Grant], url: str) -> Grant | None:
    """The grant that decides about ``url``: of those for its origin whose prefix holds its path,
    the most specific. Refuses a tricky path where a path grant of that origin applies."""
    origin = origin_of(url)
    mine = [g for g in grants if g.origin == origin]
    if not mine:
        return None
    path = url_path(url)
    if any(g.path != "/" for g in mine) and not plain_path(path):
        raise FetchRefused(
            "invalid_url",
            f"the path of {shown(url)} has escaped dots, slashes or percent signs, which a grant for "
            "part of an origin cannot vouch for; write the path plainly",
        )
    return max((g for g in mine if path_within(g.path, path)), key=lambda g: len(g.path), default=None)


async def is_url_granted(store: Store, artifact_id: str, url: str, *, visitor: bool = False) -> bool:
    """Whether a grant of ``artifact_id`` lets it fetch ``url`` now (for a visitor of a shared
    link: a grant opened to visitors). False for anything that is not an http(s) URL. Only the
    grants: the address checks of an actual fetch still apply."""
    try:
        grant = covering_grant(await store.grants(artifact_id, origin=origin_of(url)), url)
    except FetchRefused:
        return False
    return grant is not None and grant.decision == "allow" and (grant.visitors or not visitor)


def shown(url: str) -> str:
    """A URL as messages show it: origin and path, never the query (it may hold a key)."""
    try:
        return origin_of(url) + url_path(url)[:80]
    except FetchRefused:
        return url[:80]

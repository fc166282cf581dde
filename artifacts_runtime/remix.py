"""Remixing: a new artifact from one in the library, a catalog entry or a published link.
``remixed_from`` on the new artifact records where it came from."""

from __future__ import annotations

import json
import re

from . import kinds
from .errors import ArtifactsError, InvalidInput, NotFound
from .humanize import format_bytes
from .records import Artifact
from .store import Store

MAX_REMIX_BYTES = 32 * 1024 * 1024  # what `remix URL` reads from a link's /source at most


async def remix(store: Store, ref: str, *, title: str | None = None) -> Artifact:
    """A new artifact from a library id (or prefix), ``catalog:SLUG`` (or a bare slug), or a
    published link's URL; ``remixed_from`` records where it came from."""
    ref = ref.strip()
    if ref.startswith(("http://", "https://")):
        return await _remix_url(store, ref, title)
    if ref.startswith("catalog:"):
        return await _remix_catalog(store, ref, title)
    try:
        artifact = await store.get(ref)
    except NotFound:
        from . import catalog

        try:
            catalog.get(ref)
        except NotFound:
            raise NotFound(
                f"{ref!r} is neither an artifact in the library nor a catalog entry; "
                "`artifacts ls` and `artifacts catalog` list them"
            ) from None
        return await _remix_catalog(store, ref, title)
    version = await store.version(artifact.id)
    new = await store.create(
        version.content or "",
        title=title or f"{artifact.title} (remix)",
        type=version.type,
        language=version.language,
        source="remix",
        remixed_from=artifact.id,
    )
    for f in await store.files(artifact_id=artifact.id):
        if f.artifact_id == artifact.id:
            data = (await store.read_file(f.name, artifact_id=artifact.id)).data or b""
            await store.attach_file(f.name, data, mime=f.mime, artifact_id=new.id)
    return new


async def _remix_catalog(store: Store, ref: str, title: str | None) -> Artifact:
    from . import catalog

    entry = catalog.get(ref)
    # Suggested grants are not applied: the first fetch still asks, so nothing is allowed
    # behind the person's back.
    return await store.create(
        entry.source(),
        title=title or entry.title,
        type=entry.type,
        language=entry.language,
        source="remix",
        remixed_from=entry.ref,
    )


async def _remix_url(store: Store, url: str, title: str | None) -> Artifact:
    import httpx

    m = re.match(r"^(https?://[^/]+)/s/([A-Za-z0-9_-]{8,})/?$", url)
    if not m:
        raise InvalidInput("a link to remix looks like http://HOST:PORT/s/TOKEN (from `artifacts publish`)")
    source_url = f"{m.group(1)}/s/{m.group(2)}/source"
    try:
        async with (
            httpx.AsyncClient(timeout=10.0, follow_redirects=False, trust_env=False) as client,
            client.stream("GET", source_url) as response,
        ):
            status = response.status_code
            body = bytearray()
            if status == 200:
                # Read at most the limit: the link is someone else's server.
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_REMIX_BYTES:
                        raise ArtifactsError(
                            f"{m.group(1)} sent more than {format_bytes(MAX_REMIX_BYTES)}; not a live-artifacts link?"
                        )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise ArtifactsError(f"cannot reach {m.group(1)} ({exc}); is the sharing server running?") from exc
    if status == 404:
        raise NotFound("that link does not exist or was unpublished")
    if status != 200:
        raise ArtifactsError(f"{m.group(1)} answered {status}; not a live-artifacts link?")
    try:
        data = json.loads(bytes(body))
    except (ValueError, RecursionError):
        raise ArtifactsError("the link did not answer with an artifact (not JSON)") from None
    if not isinstance(data, dict) or data.get("format") != "live-artifacts-share":
        raise ArtifactsError("the link did not answer with a live-artifacts artifact")
    content, type_ = data.get("content"), data.get("type")
    if not isinstance(content, str) or type_ not in kinds.TYPES:
        raise ArtifactsError("the shared artifact is malformed (no content or unknown type)")
    language = data.get("language") if isinstance(data.get("language"), str) else None
    shared_title = data.get("title") if isinstance(data.get("title"), str) else None
    return await store.create(
        content,
        title=title or (f"{shared_title} (remix)" if shared_title else None),
        type=type_,
        language=language,
        source="remix",
        remixed_from=url,
    )

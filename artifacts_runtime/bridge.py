"""What an artifact may ask for, answered on its behalf and scoped to it.

The page's shell forwards every call an artifact makes (``window.storage``,
``window.claude.complete``, the Messages ``fetch``, ``window.fs.readFile``, runtime errors)
here with the artifact id it was opened for — never an id the artifact chose. One bridge
serves every viewer: preview windows, browser tabs over SSH, headless Chromium under test.

The results are JSON for the page, in claude.ai's shapes (the TypedDicts below).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol, TypedDict

from .connectors import DataFetcher, FetchRefused, PageResponse
from .errors import ArtifactsError, NotFound, StorageError
from .events import ArtifactErrorEvent, EventHub, current_view
from .page.spec import LOCAL_STORAGE_PREFIX
from .store import Store

#: Methods a visitor of a published link may call: no model (the owner's key), no asking for
#: grants, no error reports into the owner's app.
VISITOR_METHODS = frozenset(
    {
        "storage.get",
        "storage.set",
        "storage.delete",
        "storage.list",
        "fs.readFile",
        "fs.list",
        "net.fetch",
    }
)

MAX_REPORT_CHARS = 20_000
MAX_REPORTS_PER_MINUTE = 20
#: ``window.fs.readFile``'s text encodings (lower case, no dashes) -> Python codecs.
TEXT_CODECS = {"utf8": "utf-8", "utf16le": "utf-16-le", "latin1": "latin-1", "ascii": "ascii"}
#: Model errors by class name (the model package is below us but loaded lazily) -> stable codes.
MODEL_ERROR_CODES = {
    "ModelUnavailable": "model_unavailable",
    "RateLimited": "rate_limited",
    "BodyRefused": "invalid_request",
}

Params = Mapping[str, Any]


class BridgeError(ArtifactsError):
    """A refused or failed call; ``code`` is stable and reaches the page with the message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ModelCalls(Protocol):
    """What the bridge needs of the model service (``model.ModelService`` implements it)."""

    def complete(self, artifact_id: str, prompt: str) -> Awaitable[Any]: ...

    def messages(self, artifact_id: str, body: Mapping[str, Any]) -> Awaitable[Any]: ...


#: Returns the model service (built lazily: importing the SDK costs seconds), or None.
ModelProvider = Callable[[], ModelCalls | None]


# -- what the page gets back


class StorageValue(TypedDict):
    key: str
    value: str
    shared: bool


class StorageDeleted(TypedDict):
    key: str
    deleted: bool
    shared: bool


class StorageKeys(TypedDict):
    keys: list[str]
    prefix: str | None
    shared: bool


class FileText(TypedDict):
    name: str
    text: str


class FileBytes(TypedDict):
    name: str
    base64: str
    mime: str


class ErrorReported(TypedDict, total=False):
    reported: bool
    reason: str


Handler = Callable[[str, Params, str], Awaitable[object]]


def _str(params: Params, name: str) -> str:
    value = params.get(name)
    if not isinstance(value, str):
        raise BridgeError("invalid_argument", f"{name} must be a string")
    return value


def _optional_str(params: Params, name: str) -> str | None:
    return None if params.get(name) is None else _str(params, name)


class Bridge:
    def __init__(
        self,
        store: Store,
        events: EventHub,
        model: ModelProvider | None = None,
        fetcher: DataFetcher | None = None,
    ) -> None:
        self.store = store
        self.events = events
        self._model = model
        self.fetcher = fetcher or DataFetcher(store, events)
        self._reports: dict[str, list[float]] = {}
        self._methods: dict[str, Handler] = {
            "storage.get": self._storage_get,
            "storage.set": self._storage_set,
            "storage.delete": self._storage_delete,
            "storage.list": self._storage_list,
            "claude.complete": self._complete,
            "claude.messages": self._messages,
            "fs.readFile": self._read_file,
            "fs.list": self._list_files,
            "net.fetch": self._fetch,
            "error.report": self._report_error,
            # The shell's own button (never the frame's: shell.js refuses to relay it). The app
            # decides what to send: the last error it recorded, not anything the call carries.
            "error.fix": self._ask_fix,
        }

    async def call(
        self, artifact_id: str, method: str, params: object, *, view: str | None = None, owner: str = ""
    ) -> object:
        """Answer one call of ``artifact_id``'s page; ``owner`` names a share visitor (empty for
        the library's user). Raises BridgeError with a stable code when refused or failed."""
        handler = self._methods.get(method)
        if handler is None:
            raise BridgeError("unknown_method", f"unknown bridge method {method!r}")
        if owner and method not in VISITOR_METHODS:
            raise BridgeError(
                "not_available", f"{method} is not available on a shared link; it runs only in the owner's library"
            )
        if not isinstance(params, dict):
            raise BridgeError("invalid_argument", "params must be an object")
        token = current_view.set(view)
        try:
            return await handler(artifact_id, params, owner)
        except StorageError as exc:
            raise BridgeError(exc.code, str(exc)) from exc
        except NotFound as exc:
            raise BridgeError("not_found", str(exc)) from exc
        finally:
            current_view.reset(token)

    # -- window.storage, with claude.ai's return shapes. ``owner`` is the caller (the library's
    # user, or one visitor of a published link): personal values are the caller's own, the
    # shared scope is one for everyone who uses the artifact, as on claude.ai; the store counts a
    # visitor's writes against the visitors' pool (store/state.py).

    async def _storage_get(self, artifact_id: str, params: Params, owner: str) -> StorageValue:
        key = _str(params, "key")
        shared = bool(params.get("shared", False))
        entry = await self.store.state_get(artifact_id, key, shared=shared, owner=owner)
        if entry is None:
            raise BridgeError("key_not_found", f"no {'shared' if shared else 'personal'} value stored under {key!r}")
        return {"key": key, "value": entry.value, "shared": shared}

    async def _storage_set(self, artifact_id: str, params: Params, owner: str) -> StorageValue:
        key = _str(params, "key")
        value = params.get("value")
        if not isinstance(value, str):
            raise BridgeError(
                "invalid_value",
                "storage values must be strings; store JSON.stringify(value) and parse it when you read it",
            )
        shared = bool(params.get("shared", False))
        await self.store.state_set(artifact_id, key, value, shared=shared, owner=owner)
        return {"key": key, "value": value, "shared": shared}

    async def _storage_delete(self, artifact_id: str, params: Params, owner: str) -> StorageDeleted:
        key = _str(params, "key")
        shared = bool(params.get("shared", False))
        deleted = await self.store.state_delete(artifact_id, key, shared=shared, owner=owner)
        return {"key": key, "deleted": deleted, "shared": shared}

    async def _storage_list(self, artifact_id: str, params: Params, owner: str) -> StorageKeys:
        prefix = _optional_str(params, "prefix") or ""
        shared = bool(params.get("shared", False))
        keys = await self.store.state_keys(artifact_id, prefix, shared=shared, owner=owner)
        return {"keys": keys, "prefix": prefix or None, "shared": shared}

    # -- the model

    def _model_service(self) -> ModelCalls:
        service = self._model() if self._model else None
        if service is None:
            raise BridgeError(
                "model_unavailable",
                "no model is configured: set ANTHROPIC_API_KEY in the environment of live-artifacts",
            )
        return service

    async def _complete(self, artifact_id: str, params: Params, owner: str) -> object:
        prompt = _str(params, "prompt")
        return await self._model_call(self._model_service().complete(artifact_id, prompt))

    async def _messages(self, artifact_id: str, params: Params, owner: str) -> object:
        body = params.get("body")
        if not isinstance(body, dict):
            raise BridgeError("invalid_argument", "the Messages request body must be a JSON object")
        return await self._model_call(self._model_service().messages(artifact_id, body))

    async def _model_call(self, call: Awaitable[object]) -> object:
        try:
            return await call
        except BridgeError:
            raise
        except ArtifactsError as exc:
            from .model.redact import redact  # the model package is loaded lazily (see above)

            code = MODEL_ERROR_CODES.get(type(exc).__name__, "model_error")
            # The service's errors are redacted already; a credential-looking string that got
            # through anyway (a provider of another kind) still never reaches the page.
            raise BridgeError(code, redact(str(exc))) from exc

    # -- files attached to the artifact (or to its conversation)

    async def _read_file(self, artifact_id: str, params: Params, owner: str) -> FileText | FileBytes:
        name = _str(params, "name")
        encoding = params.get("encoding")
        try:
            f = await self.store.read_file(name, artifact_id=artifact_id)
            if owner and f.artifact_id != artifact_id:
                # A visitor sees the artifact's own files, not its conversation's.
                raise NotFound(name)
        except NotFound:
            if owner:  # a visitor learns nothing of what is attached, not even the names
                raise BridgeError("file_not_found", f"no file named {name!r}") from None
            names = [x.name for x in await self.store.files(artifact_id=artifact_id)]
            hint = f"attached files: {', '.join(names)}" if names else "no files are attached to this artifact"
            raise BridgeError("file_not_found", f"no file named {name!r} ({hint})") from None
        data = f.data or b""
        codec = TEXT_CODECS.get(encoding.lower().replace("-", "")) if isinstance(encoding, str) else None
        if codec is not None:
            return {"name": f.name, "text": data.decode(codec, errors="replace")}
        return {"name": f.name, "base64": base64.b64encode(data).decode("ascii"), "mime": f.mime}

    async def _list_files(self, artifact_id: str, params: Params, owner: str) -> list[dict[str, Any]]:
        files = await self.store.files(artifact_id=artifact_id)
        return [f.to_json() for f in files if not owner or f.artifact_id == artifact_id]

    # -- the network: nothing but the local runtime unless the user grants an origin

    async def _fetch(self, artifact_id: str, params: Params, owner: str) -> PageResponse:
        url = _str(params, "url")
        method = _optional_str(params, "method") or "GET"
        headers = params.get("headers")
        body = params.get("body")
        if owner and method.upper() not in ("GET", "HEAD"):
            # Visitors read data through grants the owner opened to them; they may not act on those origins.
            raise BridgeError("network_denied", "a shared link may only read data (GET), not send it")
        try:
            result = await self.fetcher.fetch(
                artifact_id,
                url,
                method=method,
                headers={str(k): str(v) for k, v in headers.items()} if isinstance(headers, dict) else {},
                body=body if isinstance(body, str) else None,
                may_ask=not owner,
                principal=owner,  # a visitor's answers are cached apart, and use visitors' grants only
            )
        except FetchRefused as exc:
            raise BridgeError(exc.code, exc.message) from exc
        return result.to_page()

    # -- runtime errors, so the app can offer to send them back to the model

    async def _ask_fix(self, artifact_id: str, params: Params, owner: str) -> dict[str, bool]:
        """The person clicked "Fix with Claude" in the page's shell: tell the app."""
        self.events.publish({"type": "artifact.fix_requested", "artifact_id": artifact_id})
        return {"asked": True}

    async def _report_error(self, artifact_id: str, params: Params, owner: str) -> ErrorReported:
        # The frame caps its own reports, but the page is untrusted: cap them here as well so
        # a looping artifact cannot flood the app.
        now = time.monotonic()
        recent = [t for t in self._reports.get(artifact_id, []) if now - t < 60]
        if len(recent) >= MAX_REPORTS_PER_MINUTE:
            self._reports[artifact_id] = recent
            return {"reported": False, "reason": "too many error reports; the first ones were kept"}
        recent.append(now)
        self._reports[artifact_id] = recent
        event: ArtifactErrorEvent = {
            "type": "artifact.error",
            "artifact_id": artifact_id,
            "message": str(params.get("message") or "unknown error")[:MAX_REPORT_CHARS],
            "stack": str(params.get("stack") or "")[:MAX_REPORT_CHARS],
            "kind": str(params.get("kind") or "error")[:40],
            "version": params.get("version"),
            # A resource that did not load, a link that does not open here: the page went on.
            # Only an explicit false counts (an older page's reports are all crashes).
            "fatal": params.get("fatal") is not False,
        }
        self.events.publish(event)
        return {"reported": True}


async def local_storage_snapshot(store: Store, artifact_id: str, *, owner: str = "") -> dict[str, str]:
    """The ``localStorage`` items of ``artifact_id``'s page for ``owner`` (the library's user, or
    ``visitor:…``): its own personal keys under :data:`LOCAL_STORAGE_PREFIX`, prefix removed.
    Read when its frame document is built, so the page's synchronous API starts with them."""
    items: dict[str, str] = {}
    for key in await store.state_keys(artifact_id, LOCAL_STORAGE_PREFIX, owner=owner):
        entry = await store.state_get(artifact_id, key, owner=owner)
        if entry is not None:
            items[key[len(LOCAL_STORAGE_PREFIX) :]] = entry.value
    return items

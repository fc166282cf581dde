"""The hook for the curated catalog (issue 7): the library's Catalog tab appears only when the
runtime ships one.

The runtime side is expected as ``artifacts_runtime.catalog`` with

- ``entries() -> list`` of objects (or dicts) with ``slug``/``id``, ``title``, ``type`` and
  ``description``, and
- a remix: ``remix(store, slug)`` there, or else ``artifacts_runtime.share.remix(store,
  "catalog:SLUG")``, which puts a copy in the library.

Until it exists, :func:`load_catalog` returns None and nothing about the catalog is shown. When
the real module lands with other names, this file is the only place to adapt.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Any

CATALOG_MODULE = "artifacts_runtime.catalog"


@dataclass(frozen=True)
class CatalogItem:
    key: str
    title: str
    type: str
    description: str = ""


def _field(entry: Any, *names: str) -> Any:
    for name in names:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
        if hasattr(entry, name):
            return getattr(entry, name)
    return None


def load_catalog(module_name: str = CATALOG_MODULE) -> list[CatalogItem] | None:
    """The catalog's items, or None when this installation has no catalog."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    listing = getattr(module, "entries", None) or getattr(module, "list_catalog", None)
    if listing is None:
        return None
    try:
        raw = listing() if callable(listing) else listing
    except Exception:
        return None
    items = []
    for entry in raw or []:
        key = _field(entry, "slug", "id", "name")
        title = _field(entry, "title")
        if not key or not title:
            continue
        items.append(
            CatalogItem(str(key), str(title), str(_field(entry, "type") or ""), str(_field(entry, "description") or ""))
        )
    return items or None


async def remix(store: Any, key: str, module_name: str = CATALOG_MODULE) -> str:
    """Copy catalog item ``key`` into the library; returns the new artifact's id."""
    module = importlib.import_module(module_name)
    fn = getattr(module, "remix", None) or getattr(module, "remix_into", None)
    if fn is not None:
        result = fn(store, key)
    else:
        share = importlib.import_module("artifacts_runtime.remix")
        result = share.remix(store, f"catalog:{key}")
    if inspect.isawaitable(result):
        result = await result
    return str(getattr(result, "id", result))

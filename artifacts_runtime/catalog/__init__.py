"""The catalog: curated artifacts written by us and shipped in the package.

``index.json`` lists them (slug, title, type, file, description, what they exercise, and the
origins a live-data entry suggests granting); the sources sit beside it. Remixing an entry
copies it into the library as a new artifact whose ``remixed_from`` is ``catalog:SLUG``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import kinds
from ..errors import NotFound

CATALOG_DIR = Path(__file__).parent


@dataclass(frozen=True)
class CatalogEntry:
    slug: str
    title: str
    type: str
    file: str
    description: str
    language: str | None = None
    capabilities: tuple[str, ...] = ()
    suggested_grants: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"catalog:{self.slug}"

    @property
    def short_type(self) -> str:
        return kinds.SHORT_NAMES.get(self.type, self.type)

    def source(self) -> str:
        return (CATALOG_DIR / self.file).read_text(encoding="utf-8")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ref"] = self.ref
        return data


@lru_cache(maxsize=1)
def entries() -> tuple[CatalogEntry, ...]:
    raw = json.loads((CATALOG_DIR / "index.json").read_text(encoding="utf-8"))
    out = []
    for item in raw["entries"]:
        out.append(
            CatalogEntry(
                slug=item["slug"],
                title=item["title"],
                type=kinds.normalize_type(item["type"]),
                file=item["file"],
                description=item["description"],
                language=item.get("language"),
                capabilities=tuple(item.get("capabilities", ())),
                suggested_grants=tuple(item.get("suggested_grants", ())),
                data=item.get("data", {}),
            )
        )
    return tuple(out)


def get(slug: str) -> CatalogEntry:
    slug = slug.removeprefix("catalog:")
    for entry in entries():
        if entry.slug == slug:
            return entry
    known = ", ".join(e.slug for e in entries())
    raise NotFound(f"no catalog entry {slug!r}; `artifacts catalog` lists them ({known})")

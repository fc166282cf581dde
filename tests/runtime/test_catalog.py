"""The catalog's index (artifacts_runtime/catalog/index.json) and the files it names.

Fast checks only: the index is well formed, every file exists and is the type it claims, and the
catalog covers what issue 7 asks for. That every entry renders in a real browser is
tests/browser/test_catalog_render.py.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from artifacts_runtime import catalog, kinds
from artifacts_runtime.errors import NotFound
from artifacts_runtime.page import is_ui_module, scan_imports

INDEX = catalog.CATALOG_DIR / "index.json"

#: What a catalog entry may say it exercises.
CAPABILITIES = {
    # the artifact-facing API
    "storage",
    "shared-storage",
    "storage-events",
    "model",
    "model-api",
    "live-data",
    # runtime libraries and what they are for
    "charts",
    "recharts",
    "chart.js",
    "papaparse",
    "mathjs",
    "math",
    "tone",
    "sound",
    "ui-components",
    # the six types
    "react",
    "html",
    "svg",
    "markdown",
    "mermaid",
    "code",
}

#: Issue 7, "The catalog": each of these must be covered by at least one entry.
REQUIRED_CAPABILITIES = {"storage", "shared-storage", "model", "live-data", "charts", "mermaid", "markdown"}

#: The named tools the issue asks for, by slug, with what each must exercise.
REQUIRED_ENTRIES = {
    "habit-tracker": {"storage"},
    "expense-tracker": {"storage", "charts"},
    "kanban-board": {"shared-storage", "storage-events"},
    "flashcards": {"model", "storage"},
    "writing-helper": {"model"},
    "live-dashboard": {"live-data"},
    "chart-studio": {"charts", "papaparse"},
    "regex-tester": set(),
    "json-viewer": set(),
    "architecture-diagram": {"mermaid"},
    "markdown-cheatsheet": {"markdown"},
}

#: What a React artifact may import (the runtime's libraries, as on claude.ai).
ALLOWED_IMPORTS = {
    "react",
    "recharts",
    "lucide-react",
    "lodash",
    "d3",
    "mathjs",
    "papaparse",
    "chart.js",
    "chart.js/auto",
    "tone",
}
UI_COMPONENTS = {
    "accordion",
    "alert",
    "alert-dialog",
    "avatar",
    "badge",
    "button",
    "card",
    "checkbox",
    "dialog",
    "dropdown-menu",
    "input",
    "label",
    "popover",
    "progress",
    "radio-group",
    "scroll-area",
    "select",
    "separator",
    "sheet",
    "skeleton",
    "slider",
    "switch",
    "table",
    "tabs",
    "textarea",
    "toggle",
    "tooltip",
}

ENTRIES = catalog.entries()
RAW = json.loads(INDEX.read_text(encoding="utf-8"))["entries"]


def by_type(type_: str) -> list[catalog.CatalogEntry]:
    return [e for e in ENTRIES if e.type == type_]


# --------------------------------------------------------------------------- the index


def test_the_index_is_a_list_of_complete_entries() -> None:
    assert isinstance(RAW, list)
    allowed = {"slug", "title", "type", "file", "description", "language", "capabilities", "suggested_grants", "data"}
    for item in RAW:
        assert {"slug", "title", "type", "file", "description", "capabilities"} <= set(item), item.get("slug")
        assert set(item) <= allowed, f"{item['slug']}: unknown fields {set(item) - allowed}"
        for field in ("slug", "title", "type", "file", "description"):
            assert isinstance(item[field], str) and item[field].strip(), f"{item['slug']}: empty {field}"


def test_at_least_twelve_entries_with_unique_slugs_and_files() -> None:
    assert len(ENTRIES) >= 12
    slugs = [e.slug for e in ENTRIES]
    assert len(set(slugs)) == len(slugs), "slugs are unique"
    files = [e.file for e in ENTRIES]
    assert len(set(files)) == len(files), "each entry has its own file"
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), f"{slug!r} is not a kebab-case slug"


def test_types_are_full_claude_type_ids() -> None:
    for item in RAW:
        assert item["type"] in kinds.TYPES, f"{item['slug']}: {item['type']!r} is not one of {kinds.TYPES}"


def test_every_file_exists_beside_the_index_and_is_not_empty() -> None:
    for entry in ENTRIES:
        path = catalog.CATALOG_DIR / entry.file
        assert path.parent == catalog.CATALOG_DIR, f"{entry.slug}: file must sit beside index.json"
        assert path.is_file(), f"{entry.slug}: {entry.file} is missing"
        assert len(entry.source().strip()) > 500, f"{entry.slug}: {entry.file} is too small to be a real tool"


def test_each_file_is_recognised_as_the_type_it_claims() -> None:
    """By its extension (as ``artifacts import FILE`` would), and the documents by content too."""
    for entry in ENTRIES:
        assert kinds.infer_type(entry.file, entry.source()) == (entry.type, entry.language), entry.slug
        if entry.type != kinds.CODE:
            assert kinds.sniff_content(entry.source())[0] == entry.type, entry.slug


def test_code_entries_name_their_language_and_others_do_not() -> None:
    for entry in ENTRIES:
        if entry.type == kinds.CODE:
            assert entry.language, f"{entry.slug}: a code artifact needs its language"
        else:
            assert entry.language is None, f"{entry.slug}: only code artifacts have a language"


def test_capabilities_come_from_the_known_vocabulary() -> None:
    for entry in ENTRIES:
        assert entry.capabilities, f"{entry.slug} exercises nothing"
        unknown = set(entry.capabilities) - CAPABILITIES
        assert not unknown, f"{entry.slug}: unknown capabilities {unknown}"


def test_every_capability_the_issue_lists_is_covered() -> None:
    covered = {cap for e in ENTRIES for cap in e.capabilities}
    assert covered >= REQUIRED_CAPABILITIES, f"not covered: {REQUIRED_CAPABILITIES - covered}"


def test_the_tools_the_issue_names_are_there() -> None:
    slugs = {e.slug: e for e in ENTRIES}
    for slug, caps in REQUIRED_ENTRIES.items():
        assert slug in slugs, f"the catalog lacks {slug}"
        assert caps <= set(slugs[slug].capabilities), f"{slug} should exercise {caps - set(slugs[slug].capabilities)}"
    assert slugs["architecture-diagram"].type == kinds.MERMAID
    assert slugs["markdown-cheatsheet"].type == kinds.MARKDOWN
    assert len({e.type for e in ENTRIES}) == len(kinds.TYPES), "every artifact type appears in the catalog"


def test_suggested_grants_are_origins_and_only_on_live_data_entries() -> None:
    for entry in ENTRIES:
        if "live-data" not in entry.capabilities:
            assert not entry.suggested_grants, f"{entry.slug} suggests grants but uses no live data"
            continue
        assert entry.suggested_grants, f"{entry.slug} uses live data but suggests no origin"
        for origin in entry.suggested_grants:
            parts = urlsplit(origin)
            assert parts.scheme in ("http", "https") and parts.netloc and not parts.path, f"{origin!r} is not an origin"
            assert origin in entry.source(), f"{entry.slug}: the default data source {origin} is not in its settings"


def test_get_finds_an_entry_by_slug_or_ref_and_explains_a_miss() -> None:
    first = ENTRIES[0]
    assert catalog.get(first.slug) is first
    assert catalog.get(first.ref) is first
    with pytest.raises(NotFound, match="habit-tracker"):
        catalog.get("no-such-entry")


# --------------------------------------------------------------------------- the sources


def test_react_entries_import_only_what_the_runtime_provides() -> None:
    for entry in by_type(kinds.REACT):
        for spec in scan_imports(entry.source()):
            if is_ui_module(spec):
                assert spec.removeprefix("@/components/ui/") in UI_COMPONENTS, f"{entry.slug}: {spec}"
            else:
                assert spec in ALLOWED_IMPORTS, f"{entry.slug} imports {spec!r}"


def test_react_entries_export_a_default_component() -> None:
    for entry in by_type(kinds.REACT):
        assert re.search(r"^export default function [A-Z]\w*\(", entry.source(), re.M), entry.slug


def test_storage_entries_use_the_claude_storage_api_correctly() -> None:
    for entry in ENTRIES:
        source = entry.source()
        if entry.type == kinds.CODE or not {"storage", "shared-storage"} & set(entry.capabilities):
            continue
        assert "window.storage." in source, f"{entry.slug} claims storage but does not use window.storage"
        # get() throws for a key that was never written: every read must be guarded.
        assert "window.storage.get(" in source and ("catch" in source), f"{entry.slug}: unguarded storage.get"
        for key in re.findall(r"""(?:KEY|_KEY)\s*=\s*["']([^"']+)["']""", source):
            assert len(key) < 200 and not re.search(r"""[\s/\\'"]""", key), f"{entry.slug}: bad key {key!r}"


def test_the_shared_board_writes_the_shared_scope_and_listens_for_other_views() -> None:
    source = catalog.get("kanban-board").source()
    assert re.search(r"window\.storage\.set\(\s*BOARD_KEY\s*,[^;]*,\s*true\s*\)", source)
    assert re.search(r"window\.storage\.get\(\s*BOARD_KEY\s*,\s*true\s*\)", source)
    assert 'addEventListener("artifact-storage"' in source


def test_the_model_entries_call_the_model_and_show_its_errors() -> None:
    flashcards = catalog.get("flashcards").source()
    assert "window.claude.complete(" in flashcards
    writing = catalog.get("writing-helper").source()
    assert 'fetch("https://api.anthropic.com/v1/messages"' in writing
    for source in (flashcards, writing):
        assert "err.message" in source, "the bridge's error message is shown to the person"


def test_the_dashboard_reads_when_its_data_was_fetched() -> None:
    source = catalog.get("live-dashboard").source()
    assert "x-artifacts-fetched-at" in source
    assert re.search(r"\bfetch\(url", source)


def test_no_entry_reaches_for_external_resources() -> None:
    external = re.compile(r"""(?:src|href)\s*=\s*["']https?://|@import\s+url\(|fonts\.googleapis|<link\b""", re.I)
    for entry in ENTRIES:
        assert not external.search(entry.source()), f"{entry.slug} loads something from the network"

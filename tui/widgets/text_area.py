"""What the app needs to know about Textual's TextArea (languages it can highlight here)."""

from __future__ import annotations

from textual._tree_sitter import TREE_SITTER
from textual.widgets._text_area import BUILTIN_LANGUAGES

#: Languages the TextArea highlights in this installation (none without tree-sitter).
LANGUAGES: frozenset[str] = frozenset(BUILTIN_LANGUAGES) if TREE_SITTER else frozenset()

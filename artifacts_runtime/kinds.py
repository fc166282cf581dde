"""The six artifact types, with claude.ai's identifiers, and how to recognise them."""

from __future__ import annotations

import re
from pathlib import PurePath

from .errors import InvalidInput

HTML = "text/html"
REACT = "application/vnd.ant.react"
SVG = "image/svg+xml"
MARKDOWN = "text/markdown"
MERMAID = "application/vnd.ant.mermaid"
CODE = "application/vnd.ant.code"

TYPES: tuple[str, ...] = (HTML, REACT, SVG, MARKDOWN, MERMAID, CODE)

#: Short names accepted wherever a type is typed by a person (``--type react``).
ALIASES: dict[str, str] = {
    "html": HTML,
    "react": REACT,
    "jsx": REACT,
    "tsx": REACT,
    "svg": SVG,
    "markdown": MARKDOWN,
    "md": MARKDOWN,
    "mermaid": MERMAID,
    "code": CODE,
}

SHORT_NAMES: dict[str, str] = {
    HTML: "html",
    REACT: "react",
    SVG: "svg",
    MARKDOWN: "markdown",
    MERMAID: "mermaid",
    CODE: "code",
}

EXTENSIONS: dict[str, str] = {
    ".html": HTML,
    ".htm": HTML,
    ".jsx": REACT,
    ".tsx": REACT,
    ".svg": SVG,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".mmd": MERMAID,
    ".mermaid": MERMAID,
}

#: Source extensions that become ``application/vnd.ant.code`` with this language.
CODE_LANGUAGES: dict[str, str] = {
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "typescript",
    ".rs": "rust",
    ".go": "go",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hpp": "cpp",
    ".java": "java",
    ".kt": "kotlin",
    ".swift": "swift",
    ".rb": "ruby",
    ".php": "php",
    ".cs": "csharp",
    ".sh": "bash",
    ".bash": "bash",
    ".zsh": "bash",
    ".sql": "sql",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".css": "css",
    ".scss": "scss",
    ".lua": "lua",
    ".r": "r",
    ".jl": "julia",
    ".hs": "haskell",
    ".ml": "ocaml",
    ".ex": "elixir",
    ".exs": "elixir",
    ".erl": "erlang",
    ".clj": "clojure",
    ".scala": "scala",
    ".dart": "dart",
    ".pl": "perl",
    ".xml": "xml",
    ".vue": "vue",
    ".txt": "text",
    ".ini": "ini",
    ".dockerfile": "dockerfile",
    ".zig": "zig",
}

_MERMAID_START = re.compile(
    r"^\s*(?:---[ \t]*\n(?:.*\n)*?---[ \t]*\n\s*)?"  # optional front matter (title: ...)
    r"(%%.*\n\s*)*(graph|flowchart|sequenceDiagram|classDiagram|stateDiagram(-v2)?|"
    r"erDiagram|journey|gantt|pie|gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|"
    r"C4Context|sankey-beta|xychart-beta|block-beta)\b"
)
_REACT_HINTS = re.compile(
    r"(^|\n)\s*import\s+.*\bfrom\s+['\"]react['\"]|export\s+default\s+(function|class)?|"
    r"\buseState\s*\(|\bReact\.createElement\b|return\s*\(\s*<[A-Za-z]"
)
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_SVG_START = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*<svg[\s>]", re.I | re.S)
_MD_HINTS = re.compile(r"(^|\n)(#{1,6} \S|[-*] \S|\d+\. \S|```|> \S)")


class UnknownType(InvalidInput, ValueError):
    """An ``ArtifactsError`` (callers that report those report this one too) and a ValueError."""


def normalize_type(value: str) -> str:
    """Accept a full identifier or a short alias; raise ``UnknownType`` with the choices."""
    v = value.strip().lower()
    if v in TYPES:
        return v
    if v in ALIASES:
        return ALIASES[v]
    choices = ", ".join(sorted(ALIASES))
    raise UnknownType(f"unknown artifact type {value!r}; use one of: {choices} (or a full type such as {REACT})")


def sniff_content(content: str) -> tuple[str, str | None]:
    """Guess (type, language) from the text alone."""
    head = content[:4000]
    if _SVG_START.match(head):
        return SVG, None
    if _HTML_START.match(head):
        return HTML, None
    if _MERMAID_START.match(head):
        return MERMAID, None
    if _REACT_HINTS.search(head):
        return REACT, None
    if re.match(r"^\s*<[a-zA-Z][\w-]*[\s>]", head) and re.search(r"</[a-zA-Z][\w-]*>", head):
        return HTML, None
    if _MD_HINTS.search(head):
        return MARKDOWN, None
    return CODE, "text"


def infer_type(filename: str | None, content: str) -> tuple[str, str | None]:
    """Type and language from the extension, and from the content where it says nothing."""
    if filename:
        path = PurePath(filename)
        ext = path.suffix.lower()
        if path.name.lower() == "dockerfile":
            return CODE, "dockerfile"
        if ext in EXTENSIONS:
            return EXTENSIONS[ext], None
        if ext in CODE_LANGUAGES and ext != ".txt":
            return CODE, CODE_LANGUAGES[ext]
    return sniff_content(content)


_TAG = re.compile(r"<[^>]+>")


def _clean(text: str) -> str:
    text = _TAG.sub("", text)
    text = re.sub(r"[*_`#]+", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:120]


def _split_camel(name: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    words = words.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else words


#: What a React module's default export names: ``export default function Name``, ``export default
#: class Name``, ``export default Name;``, ``export default React.memo(Name)``.
_DEFAULT_EXPORT = re.compile(
    r"export\s+default\s+(?:(?:async\s+)?function\s*\*?\s*|class\s+|(?:React\.)?(?:memo|forwardRef)\(\s*)?([A-Za-z_$][\w$]*)"
)
_COMPONENT = re.compile(r"(?:^|[\s;])(?:function|const|let|var|class)\s+([A-Z][\w$]*)", re.M)
_KEYWORDS = frozenset({"function", "class", "async"})


def _component_name(name: str | None) -> str | None:
    """A component's name, not an ALL_CAPS constant (``BOARD_SIZE``, ``MOD``) nor ``App``."""
    if not name or name == "App" or name in _KEYWORDS or not name[0].isupper():
        return None
    if not any(c.islower() for c in name):
        return None
    return name


def _jsx_text(pattern: str, text: str) -> str | None:
    """The static text of the first element ``pattern`` matches (none when it holds an expression)."""
    m = re.search(pattern, text, re.I | re.S)
    if m is None or "{" in m.group(1):
        return None
    return _clean(m.group(1)) or None


def _react_title(text: str) -> str | None:
    """The default export's name (split into words), the first heading, a ``<title>``, then any
    other component's name."""
    m = _DEFAULT_EXPORT.search(text)
    name = _component_name(m.group(1)) if m else None
    if name:
        return _split_camel(name)
    for pattern in (r"<h1\b[^>]*>(.*?)</h1>", r"<h2\b[^>]*>(.*?)</h2>", r"<title\b[^>]*>(.*?)</title>"):
        found = _jsx_text(pattern, text)
        if found:
            return found
    for m in _COMPONENT.finditer(text):
        name = _component_name(m.group(1))
        if name:
            return _split_camel(name)
    return None


def infer_title(content: str, type_: str, filename: str | None = None) -> str:
    """Something readable: a heading, the component name, the document title, the file name."""
    text = content[:20000]
    found: str | None = None
    if type_ in (HTML, SVG):
        for pattern in (r"<title[^>]*>(.*?)</title>", r"<h1[^>]*>(.*?)</h1>", r"<h2[^>]*>(.*?)</h2>"):
            m = re.search(pattern, text, re.I | re.S)
            if m and _clean(m.group(1)):
                found = _clean(m.group(1))
                break
    elif type_ == MARKDOWN:
        m = re.search(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", text, re.M)
        if m:
            found = _clean(m.group(1))
    elif type_ == REACT:
        found = _react_title(text)
    elif type_ == MERMAID:
        m = re.search(r"^\s*title\s*:?\s*(.+)$", text, re.M)
        if m:
            found = _clean(m.group(1))
        else:
            m = _MERMAID_START.match(text)
            if m:
                kind = _split_camel(re.sub(r"-(v2|beta)$", "", m.group(2))).capitalize()
                found = kind if kind.endswith("diagram") else kind + " diagram"
    if not found and filename:
        stem = PurePath(filename).stem
        found = _split_camel(stem) if stem else None
    if not found and type_ == REACT:
        found = "Untitled"  # a line of code is never a title
    if not found:
        first = next((line for line in text.splitlines() if line.strip()), "")
        found = _clean(first)[:60] or "Untitled"
    return found

"""Credentials out of model error messages and log lines.

A failed call's text can hold what the person configured: the base URL with ``user:password@``
or a token in its query string (``ANTHROPIC_BASE_URL``), the key itself echoed by the API or a
proxy (``invalid x-api-key sk-ant-…``). Before an error reaches a page, the chat or a log:

- :func:`where` gives the part of a URL that is fine to show: ``scheme://host[:port]``;
- :func:`redact` replaces the secrets the provider knows (exact values) and anything that looks
  like one: ``sk-ant-…`` keys, ``Bearer``/``Basic`` credentials, ``x-api-key: …`` and
  ``token=…``-style pairs, userinfo and query strings of URLs;
- :func:`secrets_of` lists a base URL's secret parts; :func:`install_log_filter` cleans the log
  records of the SDK and its HTTP libraries (they print request URLs, userinfo included).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, unquote, urlsplit

MASK = "[redacted]"
_MIN_SECRET = 4  # shorter values would mask ordinary words

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # userinfo of any URL: scheme://user:pass@host -> scheme://host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#'\"]+@"), r"\1"),
    # a URL's query and fragment
    (re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^\s?#'\"]*)[?#][^\s'\")]*"), r"\1?" + MASK),
    # Anthropic keys, wherever they are
    (re.compile(r"sk-ant-[A-Za-z0-9_-]+"), "sk-ant-" + MASK),
    # Authorization-style credentials
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}"), r"\1 " + MASK),
    # key: value / key=value pairs whose name says secret
    (
        re.compile(
            r"(?i)\b(x-api-key|api[_-]?key|apikey|auth[_-]?token|access[_-]?token|token|secret|password|passwd|key)"
            r"(\"?\s*[:=]\s*\"?)(?!\[redacted\])[^\s,;&'\")]+"
        ),
        r"\1\2" + MASK,
    ),
]


def where(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: no userinfo, path, query or fragment."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "the configured address"
    if not parts.scheme or not host:
        return "the configured address"
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}" + (f":{port}" if port else "")


def secrets_of(url: str | None) -> list[str]:
    """The secret parts of a configured URL: userinfo, password, path, query values, fragment,
    and the whole URL itself."""
    if not url:
        return []
    out = [url]
    try:
        parts = urlsplit(url)
    except ValueError:
        return out
    for value in (parts.username, parts.password, parts.fragment):
        if value:
            out += [value, unquote(value)]
    if parts.username is not None and "@" in parts.netloc:
        out.append(parts.netloc.rsplit("@", 1)[0])
    if len(parts.path.strip("/")) >= _MIN_SECRET:  # a gateway's path may hold a token too
        out.append(parts.path)
    if parts.query:
        out.append(parts.query)
        out += [v for _, v in parse_qsl(parts.query, keep_blank_values=False)]
    return out


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with the given secrets and anything that looks like a credential masked."""
    if not text:
        return text
    for secret in sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


#: Loggers that write request URLs (with userinfo and query) or headers at INFO/DEBUG.
HTTP_LOGGERS = ("httpx", "httpcore", "httpx2", "httpcore2", "anthropic")


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and traceback) with :func:`redact` and the known secrets."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is logging's business, not ours
            return True
        cleaned = redact(message, self.secrets)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_info, record.exc_text = None, redact(text, self.secrets)
        return True


#: One filter for the process: every provider adds its secrets to it.
LOG_FILTER = RedactingFilter()


def install_log_filter(secrets: Iterable[str | None]) -> RedactingFilter:
    """Add ``secrets`` to :data:`LOG_FILTER` and put it on each HTTP logger that exists."""
    LOG_FILTER.secrets.update(s for s in secrets if s)
    # A logger's filters do not apply to its children's records: filter every one that exists
    # (the SDK and its HTTP libraries make theirs when imported, before the first call).
    known = [n for n in logging.Logger.manager.loggerDict if n.partition(".")[0] in HTTP_LOGGERS]
    for name in sorted({*HTTP_LOGGERS, *known}):
        logger = logging.getLogger(name)
        if LOG_FILTER not in logger.filters:
            logger.addFilter(LOG_FILTER)
    return LOG_FILTER

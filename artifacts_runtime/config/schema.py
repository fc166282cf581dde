"""Every setting of ``config.toml``, declared once: where it lives, its type, default, bounds,
environment override, help text and the :class:`Config` field it fills.

The loader (``loader.py``), the writer (``writer.py``) and the documentation test all read
:data:`SETTINGS`, so a new setting is one :class:`Setting` here plus its ``Config`` field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

#: The current Claude Sonnet (Claude Sonnet 5.5, September 2026).
DEFAULT_MODEL = "claude-sonnet-5-5"
MB = 1024 * 1024

T = TypeVar("T")

#: How a TOML type is named in messages ("must be a whole number, not 'big'").
KIND_WORDS: dict[type, str] = {int: "a whole number", float: "a number", str: "a string", dict: "a table"}


def _anything(value: Any) -> bool:
    return True


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of ``config.toml``. ``T`` is the type of the :class:`Config` field it fills."""

    section: str
    key: str
    #: The :class:`Config` field the value goes to.
    field: str
    #: The TOML type expected: ``int``, ``float`` (an integer is accepted), ``str`` or ``dict``.
    kind: type
    #: The field's default, in the field's own units.
    default: T
    help: str
    #: Whether a value of the right type is acceptable; ``expected`` says what is, in words.
    valid: Callable[[Any], bool] = _anything
    expected: str = ""
    #: The file's value -> the field's value (megabytes -> bytes, strip a name).
    to_field: Callable[[Any], T] = _same
    #: Environment variables that override the file, the first one set wins.
    env: tuple[str, ...] = ()
    #: What an environment value must be, when it cannot be read as ``kind``.
    env_expected: str = ""

    @property
    def path(self) -> str:
        """``section.key``: how messages and :func:`~.writer.set_setting` name it."""
        return f"{self.section}.{self.key}"


def _positive(value: float) -> bool:
    return value > 0


def _at_least_one(value: int) -> bool:
    return value >= 1


def _non_empty(value: str) -> bool:
    return bool(value.strip())


def _megabytes(value: float) -> int:
    return int(value * MB)


def _stripped(value: str) -> str:
    return value.strip()


QUOTA_MB: Setting[int] = Setting(
    "storage", "quota_mb", "state_quota_bytes", float, 20 * MB,
    help="total state per artifact and scope, in megabytes",
    valid=_positive, expected="positive", to_field=_megabytes,
    env=("ARTIFACTS_STATE_QUOTA_MB",), env_expected="a number of megabytes",
)  # fmt: skip
MODEL_NAME: Setting[str] = Setting(
    "model", "name", "model", str, DEFAULT_MODEL,
    help="the Claude model the chat uses",
    valid=_non_empty, expected="a non-empty string", env=("ARTIFACTS_MODEL", "ANTHROPIC_MODEL"),
)  # fmt: skip
MAX_TOKENS: Setting[int] = Setting(
    "model", "max_tokens", "max_tokens", int, 32000,
    help="the longest answer of one model call, in tokens",
    valid=_at_least_one, expected="1 or more", env=("ARTIFACTS_MAX_TOKENS",),
)  # fmt: skip
TEMPERATURE: Setting[float | None] = Setting(
    "model", "temperature", "temperature", float, None,
    help="sampling temperature; unset by default: current models refuse non-default sampling",
    env=("ARTIFACTS_TEMPERATURE",),
)  # fmt: skip
MAX_ROUNDS: Setting[int] = Setting(
    "model", "max_rounds", "max_rounds", int, 8,
    help="model calls in one chat turn (tool use loops), at most",
    valid=_at_least_one, expected="1 or more",
)  # fmt: skip
CALLS_PER_MINUTE: Setting[float] = Setting(
    "artifacts", "calls_per_minute", "artifact_calls_per_minute", float, 10.0,
    help="model calls an artifact may make per minute (token bucket)",
    valid=_positive, expected="positive",
)  # fmt: skip
BURST: Setting[int] = Setting(
    "artifacts", "burst", "artifact_burst", int, 5,
    help="model calls an artifact may make at once before the rate applies",
    valid=_at_least_one, expected="1 or more",
)  # fmt: skip
ARTIFACT_MAX_TOKENS: Setting[int] = Setting(
    "artifacts", "max_tokens", "artifact_max_tokens", int, 4096,
    help="clamp for window.claude.complete and fetch(api.anthropic.com)",
    valid=_at_least_one, expected="1 or more",
)  # fmt: skip
FETCH_CACHE_MB: Setting[int] = Setting(
    "live_data", "cache_mb", "fetch_cache_bytes", float, 100 * MB,
    help="all cached live-data answers together, in megabytes (the oldest go first)",
    valid=_positive, expected="positive", to_field=_megabytes,
)  # fmt: skip
FETCH_CACHE_PER_ARTIFACT_MB: Setting[int] = Setting(
    "live_data", "cache_per_artifact_mb", "fetch_cache_per_artifact_bytes", float, 20 * MB,
    help="one artifact's cached answers, in megabytes (its owner's; its visitors' get as much again)",
    valid=_positive, expected="positive", to_field=_megabytes,
)  # fmt: skip


def _port(value: int) -> bool:
    return 0 <= value <= 65535


SERVER_PORT: Setting[int] = Setting(
    "server", "port", "server_port", int, 0,
    help="the local server's port; 0 picks a free one at each start (fix it to keep an ssh -L tunnel)",
    valid=_port, expected="a port from 1 to 65535, or 0 for any free one",
    env=("ARTIFACTS_PORT",), env_expected="a port number",
)  # fmt: skip
THEME: Setting[str | None] = Setting(
    "ui", "theme", "theme", str, None,
    help="the app's Textual theme (the app writes it when you pick one)",
    valid=_non_empty, expected='a theme name such as "textual-dark"', to_field=_stripped,
)  # fmt: skip
#: A table, checked entry by entry: a bad entry is a warning, not an error (as before), and
#: whether a binding id exists is the TUI's business (the core does not know them).
KEYMAP: Setting[dict[str, str]] = Setting(
    "ui", "keymap", "keymap", dict, {},
    help='binding id = "keys" (F1 in the app lists the ids)',
)  # fmt: skip

SETTINGS: tuple[Setting[Any], ...] = (
    QUOTA_MB,
    MODEL_NAME,
    MAX_TOKENS,
    TEMPERATURE,
    MAX_ROUNDS,
    CALLS_PER_MINUTE,
    BURST,
    ARTIFACT_MAX_TOKENS,
    FETCH_CACHE_MB,
    FETCH_CACHE_PER_ARTIFACT_MB,
    SERVER_PORT,
    THEME,
    KEYMAP,
)

BY_PATH: dict[str, Setting[Any]] = {s.path: s for s in SETTINGS}
SECTIONS: frozenset[str] = frozenset(s.section for s in SETTINGS)


@dataclass(frozen=True)
class Config:
    """The settings in effect: defaults, then ``config.toml``, then the environment, then flags."""

    state_quota_bytes: int = QUOTA_MB.default
    model: str = MODEL_NAME.default
    max_tokens: int = MAX_TOKENS.default
    #: None: not sent (the model's default). Claude Sonnet 5 and later refuse other values.
    temperature: float | None = TEMPERATURE.default
    max_rounds: int = MAX_ROUNDS.default
    artifact_calls_per_minute: float = CALLS_PER_MINUTE.default
    artifact_burst: int = BURST.default
    artifact_max_tokens: int = ARTIFACT_MAX_TOKENS.default
    fetch_cache_bytes: int = FETCH_CACHE_MB.default
    fetch_cache_per_artifact_bytes: int = FETCH_CACHE_PER_ARTIFACT_MB.default
    #: ``[server] port`` / ``ARTIFACTS_PORT``: 0 is any free port.
    server_port: int = SERVER_PORT.default
    #: The app's Textual theme (``[ui] theme``; the app writes it when you pick one). None: default.
    theme: str | None = THEME.default
    #: ``[ui.keymap]``: binding id -> keys, as written (the TUI checks the ids).
    keymap: dict[str, str] = field(default_factory=dict, hash=False)
    #: What the user should hear about the file without it stopping anything: unknown keys,
    #: keymap entries that are not keys. Each names the file.
    warnings: tuple[str, ...] = ()

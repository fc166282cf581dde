"""An artifact asks to fetch from an origin: the question, how it waits, and how it is answered.

Nothing here answers by itself or from a typed letter: someone typing in the chat when a page
asks must not say "always" by accident (typing "canada" used to: ``a`` answered). So:

- A question does not take the focus. It waits in :class:`GrantQuestions` and shows in a bar
  (:class:`GrantBar`) until the person presses the dedicated key (``Ctrl+G``, ``app.grant``).
- The dialog then opens with nothing focused and no letter bindings: an answer is Tab (or an
  arrow) to a button, then Enter (or a click); for :data:`ARM_SECONDS` after it opens even that
  is ignored. Esc closes it and leaves the question waiting.
- Questions are grouped and bounded: callers asking for the same artifact and origin share one
  question; an artifact has at most :data:`MAX_PER_ARTIFACT` waiting and may ask
  :data:`MAX_PER_MINUTE` a minute, all artifacts together :data:`MAX_WAITING`; beyond that the
  page's fetch is refused at once with an error that says why and what to do.
- Origins on this machine or the local network (loopback, private, link-local, ``.local``,
  ``localhost``, single-label names) carry a warning.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from artifacts_runtime.connectors import FetchRefused

from .base import Dialog

ARM_SECONDS = 0.5  # after the dialog opens, presses are ignored for this long
MAX_PER_ARTIFACT = 5  # questions one artifact may have waiting
MAX_PER_MINUTE = 10  # questions one artifact may ask a minute
MAX_WAITING = 20  # questions waiting, all artifacts together
ANSWERS = ("deny", "once", "always")
LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa", ".localdomain")
LOCAL_WARNING = (
    "This address is on this machine or your local network (a router, a printer, a development "
    "server…). A page has no business there unless you know why it needs it."
)


def is_local_origin(origin: str) -> bool:
    """Whether ``origin``'s host is loopback, private, link-local or a local name."""
    try:
        host = (urlsplit(origin).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(LOCAL_SUFFIXES) or "." not in host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return bool(
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_unspecified
        or address.is_reserved
        or address in ipaddress.ip_network("100.64.0.0/10")  # shared (CGNAT) space
    )


@dataclass
class Question:
    """One waiting question; every caller for this artifact and origin awaits ``answer``."""

    artifact_id: str
    title: str
    origin: str
    answer: asyncio.Future[str] = field(default_factory=lambda: asyncio.get_running_loop().create_future())

    @property
    def local(self) -> bool:
        return is_local_origin(self.origin)


class GrantQuestions:
    """The questions waiting for the person, oldest first, bounded per artifact and in all."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._waiting: dict[tuple[str, str], Question] = {}
        self._asked: dict[str, list[float]] = {}

    def __len__(self) -> int:
        return len(self._waiting)

    def ask(self, artifact_id: str, origin: str, title: str) -> Question:
        """The question for ``artifact_id`` and ``origin`` (a new one, or the one waiting).
        Raises :class:`FetchRefused` when the artifact (or everyone) asks too much."""
        key = (artifact_id, origin)
        if key in self._waiting:
            return self._waiting[key]
        grant = f"`artifacts grant {artifact_id} {origin}`"
        mine = self.waiting_for(artifact_id)
        if mine >= MAX_PER_ARTIFACT:
            raise FetchRefused(
                "too_many_questions",
                f"this artifact already waits for answers about {mine} origins, so {origin} was not asked; "
                f"fetch it again once the person has answered in the app, or run {grant}",
            )
        if len(self._waiting) >= MAX_WAITING:
            raise FetchRefused(
                "too_many_questions",
                f"{len(self._waiting)} live-data questions already wait in the app, so {origin} was not "
                f"asked; fetch it again once they are answered, or run {grant}",
            )
        now = self.clock()
        recent = [t for t in self._asked.get(artifact_id, []) if now - t < 60]
        if len(recent) >= MAX_PER_MINUTE:
            self._asked[artifact_id] = recent
            raise FetchRefused(
                "too_many_questions",
                f"this artifact asked about {len(recent)} new origins in the last minute, so {origin} was "
                f"not asked; fetch it again in a minute, or run {grant}",
            )
        self._asked[artifact_id] = [*recent, now]
        question = Question(artifact_id, title, origin)
        self._waiting[key] = question
        return question

    def waiting_for(self, artifact_id: str) -> int:
        return sum(1 for a, _ in self._waiting if a == artifact_id)

    def next(self) -> Question | None:
        """The oldest waiting question."""
        return next(iter(self._waiting.values()), None)

    def answer(self, question: Question, answer: str) -> None:
        """Settle ``question`` (everyone waiting on it gets ``answer``)."""
        self._waiting.pop((question.artifact_id, question.origin), None)
        if not question.answer.done():
            question.answer.set_result(answer)

    def forget(self, question: Question) -> None:
        """Drop ``question`` unanswered (its last caller went away)."""
        self._waiting.pop((question.artifact_id, question.origin), None)


def bar_text(question: Question, waiting: int, key: str = "Ctrl+G") -> Text:
    """The bar's line: who asks for what, how many more wait, the key that answers."""
    text = Text()
    if question.local:
        text.append("⚠ local address  ", style="bold yellow")
    text.append("Live data: ")
    text.append(f"“{question.title}”", style="bold")
    text.append(" asks to fetch from ")
    text.append(question.origin, style="bold")
    if waiting > 1:
        text.append(f"  (+{waiting - 1} more waiting)")
    text.append(f"  —  {key} to answer")
    return text


class GrantBar(Static):
    """The waiting question, shown without taking the focus (mounted by the app)."""

    DEFAULT_CSS = """
    GrantBar {
        height: auto;
        background: $warning 20%;
        padding: 0 1;
    }
    """

    def __init__(self, text: Text) -> None:
        super().__init__(text, id="grant-bar", markup=False)

    def show(self, text: Text) -> None:
        self.update(text)


class GrantDialog(Dialog[str | None]):
    """Allow once, always for this artifact, or deny; Esc leaves the question waiting."""

    #: Nothing is focused when it opens: Enter or Space answer nothing until Tab reaches a button.
    AUTO_FOCUS = ""  # not None: that would inherit the app's "*" (the first button)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab,right,down", "move(1)", "Next", show=False),
        Binding("shift+tab,left,up", "move(-1)", "Previous", show=False),
    ]

    def __init__(
        self, title: str, origin: str, *, waiting: int = 0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.artifact_title = title
        self.origin = origin
        self.waiting = waiting
        self.local = is_local_origin(origin)
        self._clock = clock
        self._opened = clock()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box" + (" -danger" if self.local else ""), id="grant"):
            yield Label(f"“{self.artifact_title}” wants live data", classes="dialog-title", markup=False)
            yield Static("It asks to fetch from:", classes="dialog-body", markup=False)
            yield Static(Text(self.origin, style="bold"), classes="dialog-url")
            if self.local:
                yield Static(Text("⚠ " + LOCAL_WARNING), classes="dialog-error grant-local")
            if self.waiting:
                yield Static(
                    f"{self.waiting} more question{'s' if self.waiting > 1 else ''} from artifacts wait after this one.",
                    classes="dialog-body",
                    markup=False,
                )
            yield Static(
                "Artifacts run offline unless you allow an origin. The request waits for your answer.",
                classes="dialog-body",
                markup=False,
            )
            with Horizontal(classes="dialog-row grant-answers"):
                yield Button("Deny", id="deny", compact=True)
                yield Button("Allow once", id="once", compact=True)
                yield Button("Always for this artifact", id="always", compact=True)
            yield Static(
                Text.assemble(
                    ("Tab", "bold"),
                    "/",
                    ("←→", "bold"),
                    " choose  ",
                    ("Enter", "bold"),
                    " answer  ",
                    ("Esc", "bold"),
                    " later (the request keeps waiting)",
                ),
                classes="dialog-keys",
            )

    def action_move(self, step: int) -> None:
        """Focus the next (``step`` 1) or previous button; from none, the first (Deny) or last."""
        buttons = list(self.query(Button))
        if self.focused in buttons:
            index = (buttons.index(self.focused) + step) % len(buttons)
        else:
            index = 0 if step > 0 else len(buttons) - 1
        buttons[index].focus()

    def on_mount(self) -> None:
        self._opened = self._clock()

    @property
    def armed(self) -> bool:
        """Whether a press counts yet (:data:`ARM_SECONDS` after opening)."""
        return self._clock() - self._opened >= ARM_SECONDS

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.armed and event.button.id in ANSWERS:
            self.dismiss(event.button.id)

    def action_close(self) -> None:
        self.dismiss(None)

"""The code tab: the current version, syntax-highlighted; an edit mode whose save makes a new
version (source ``user``); and, while Claude writes the artifact, its text as it streams."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static, TextArea

from artifacts_runtime.humanize import format_bytes

from .. import bindings as keys
from ..dialogs.unsaved import UnsavedDialog
from ..formatting import editor_language
from ..messages import LiveArtifact
from ..services import services
from .footer_state import FooterState

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from artifacts_runtime.catalog import CatalogEntry
    from artifacts_runtime.records import Artifact, Version

LIVE_INTERVAL = 0.2  # seconds between reads of a streaming artifact
HOLD_AT_MOST = 1.0  # seconds keys typed before the code loads may wait for it


class CodeEditor(TextArea):
    """TextArea for code: Tab indents; Esc leaves the edit (asking when there are changes).

    No key typed fast is lost or misplaced: ``e`` starts the edit at once and keys typed before
    the artifact being opened is shown wait for it (``e x y`` right after opening one edits it,
    with "xy" in it); after an Esc that asks, what follows goes to the question (``Esc d``
    discards) instead of into the code.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held: list[events.Key] = []
        self.holding = False

    def hold(self) -> None:
        """Keep the keys that reach the editor from now on, until :meth:`release`."""
        if not self.holding:
            self.holding = True
            self.set_timer(HOLD_AT_MOST, self.release)

    def release(self) -> None:
        """Replay what was held, in order, through the app (to whatever has the focus now)."""
        self.holding = False
        held, self.held = self.held, []
        for key in held:
            self.app.post_message(key)

    def _view(self) -> CodeView | None:
        return next((a for a in self.ancestors if isinstance(a, CodeView)), None)

    async def _on_key(self, event: events.Key) -> None:
        # (Textual then calls TextArea's own handler, unless the default is prevented.)
        if self.holding:
            self.held.append(events.Key(event.key, event.character))
            event.stop()
            event.prevent_default()
            return
        view = self._view()
        if event.key == "escape":
            event.prevent_default()  # not TextArea's "escape moves focus"
            if view is not None and view.editing:
                # Handled here, at once: bubbled up to the binding, the keys typed right after
                # it would reach the code before the question is up.
                event.stop()
                view.action_discard()
                if self.app.screen is not self.screen:  # it asks: what follows is the answer
                    self.hold()
                    self.call_after_refresh(self.release)
        elif self.read_only and event.key in keys.keys_for("code.edit", services(self).keymap):
            # "e" starts the edit here, at once (as Esc above).
            if view is not None and view.check_action("edit", ()):
                event.stop()
                event.prevent_default()
                view.action_edit()
            elif view is not None and view.live is None and view.opening():
                self.hold()  # the artifact is still loading: "e" and what follows are for it
                self.held.append(events.Key(event.key, event.character))
                event.stop()
                event.prevent_default()


class CodeView(FooterState, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CODE)

    class Saved(Message):
        def __init__(self, artifact_id: str, version: int) -> None:
            super().__init__()
            self.artifact_id = artifact_id
            self.version = version

    editing: reactive[bool] = reactive(False, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.artifact: Artifact | None = None
        self.version: Version | None = None
        self.live: LiveArtifact | None = None  # the artifact being written, followed
        self.entry: CatalogEntry | None = None  # a catalog entry shown read-only
        self._live_timer: Timer | None = None
        self._live_size = -1

    def compose(self) -> ComposeResult:
        yield Static("", id="code-mode")
        yield CodeEditor(
            "", read_only=True, show_line_numbers=True, soft_wrap=False, tab_behavior="indent", id="code-editor"
        )

    @property
    def editor(self) -> CodeEditor:
        return self.query_one("#code-editor", CodeEditor)

    # ------------------------------------------------------------------ showing

    #: The artifact the inspector is loading into this view (the inspector sets it).
    target: Callable[[], str | None] = staticmethod(lambda: None)

    def opening(self) -> bool:
        """Whether the artifact shown is not (yet) the one the inspector is opening."""
        target = self.target()
        if self.entry is not None and target is None:
            return False  # a catalog entry is shown, and nothing else is coming
        return self.artifact is None or (target is not None and self.artifact.id != target)

    def show(self, artifact: Artifact, version: Version) -> None:
        """Show ``version`` of ``artifact`` (leaves edit mode only for another artifact)."""
        same = self.artifact is not None and self.artifact.id == artifact.id
        if self.editing and same:
            # Keep the person's edit; just note that a newer version exists.
            self.artifact = artifact
            self._mode()
            return
        self.stop_live()
        self.editing = False
        self.entry = None
        self.artifact = artifact
        self.version = version
        editor = self.editor
        editor.read_only = True
        language = editor_language(artifact.type, artifact.language, editor.available_languages)
        if editor.language != language:
            editor.language = language
        self.call_after_refresh(editor.release)  # keys typed while it loaded (see CodeEditor)
        if editor.text != (version.content or ""):
            location = editor.cursor_location if same else (0, 0)
            editor.load_text(version.content or "")
            if same:
                try:
                    editor.cursor_location = location
                except Exception:
                    pass
            else:
                editor.scroll_home(animate=False)
        self._mode()

    def show_entry(self, entry: CatalogEntry, source: str) -> None:
        """A catalog entry's source, read-only (it has no versions until it is copied)."""
        self.stop_live()
        self.editing = False
        self.artifact = None
        self.version = None
        self.entry = entry
        editor = self.editor
        editor.read_only = True
        language = editor_language(entry.type, entry.language, editor.available_languages)
        if editor.language != language:
            editor.language = language
        if editor.text != source:
            editor.load_text(source)
            editor.scroll_home(animate=False)
        self.call_after_refresh(editor.release)
        self._mode()

    def clear_view(self) -> None:
        self.stop_live()
        self.editing = False
        self.entry = None
        self.artifact = None
        self.version = None
        self.editor.load_text("")
        self._mode()

    def _mode(self) -> None:
        mode = self.query_one("#code-mode", Static)
        if self.live is not None:
            title = self.live.title or "an artifact"
            mode.update(
                Content.from_markup(
                    "[b]● writing $title…[/b] $size  (read-only until done)",
                    title=title,
                    size=format_bytes(self.live.size),
                )
            )
            return
        if self.entry is not None and self.artifact is None:
            mode.update(
                Content.from_markup(
                    "$size · read-only · [b]m[/b] to copy it",
                    size=format_bytes(len(self.editor.text.encode())),
                )
            )
            return
        if self.artifact is None or self.version is None:
            mode.update("")
            return
        a, v = self.artifact, self.version
        newer = "" if a.current_version == v.number else f"  v{a.current_version} arrived meanwhile"
        if self.editing:
            mode.update(
                Content.from_markup(
                    "[b]Editing[/b] v$number · [b]Ctrl+S[/b] saves as v$next · [b]Esc[/b] leaves[b]$newer[/b]",
                    number=str(v.number),
                    next=str(a.current_version + 1),
                    newer=newer,
                )
            )
        else:
            # The inspector's header already says type, version and size: only what it does not.
            mode.update(
                Content.from_markup(
                    "read-only · [b]e[/b] edits (saving makes v$next)[b]$incomplete[/b]",
                    next=str(a.current_version + 1),
                    incomplete=" · v$number is incomplete".replace("$number", str(v.number)) if v.incomplete else "",
                )
            )

    # ------------------------------------------------------------------ live streaming

    def follow(self, streaming: LiveArtifact) -> None:
        """Show an artifact as the model writes it."""
        if self.editing:
            return
        first = self.live is None
        self.live = streaming
        if first:
            editor = self.editor
            editor.read_only = True
            language = editor_language(streaming.type, None, editor.available_languages) if streaming.type else None
            editor.language = language
            editor.load_text("")
            self._live_size = -1
            self._live_timer = self.set_interval(LIVE_INTERVAL, self._live_tick)
            self._live_tick()
        self._mode()

    def _live_tick(self) -> None:
        live = self.live
        if live is None or live.size == self._live_size:
            return
        self._live_size = live.size
        try:
            text = live.content()
        except Exception:
            return
        editor = self.editor
        editor.load_text(text)
        editor.scroll_end(animate=False)
        self._mode()

    def stop_live(self) -> None:
        if self._live_timer is not None:
            self._live_timer.stop()
            self._live_timer = None
        if self.live is not None:
            self.live = None
            self._mode()

    # ------------------------------------------------------------------ editing

    def binding_key(self) -> tuple[object, ...]:
        return (self.editing, self.artifact is not None, self.live is None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit":
            return not self.editing and self.artifact is not None and self.live is None and not self.opening()
        if action in ("save", "discard"):
            return self.editing
        return True

    def watch_editing(self, editing: bool) -> None:
        self.set_class(editing, "-editing")
        self.editor.read_only = not editing
        self.update_bindings()
        self._mode()

    def action_edit(self) -> None:
        if self.artifact is None:
            return
        self.editing = True
        self.editor.focus()

    async def action_save(self) -> None:
        if not self.editing or self.artifact is None:
            return
        text = self.editor.text
        if self.version is not None and text == (self.version.content or ""):
            self.editing = False
            self.notify("No changes to save.", timeout=3)
            return
        store = services(self).require_store()
        try:
            version = await store.add_version(self.artifact.id, text, source="user", label="edited in the app")
        except Exception as exc:
            self.notify(f"Could not save: {exc}", severity="error", markup=False)
            return
        self.version = version
        self.artifact = await store.get(self.artifact.id)
        self.editing = False
        self.notify(f"Saved as version {version.number}.", timeout=4, markup=False)
        self.post_message(self.Saved(self.artifact.id, version.number))

    def action_discard(self) -> None:
        """Esc while editing: leave at once when nothing changed, else ask (save, discard, keep)."""
        if not self.editing:
            return
        before = (self.version.content or "") if self.version is not None else ""
        after = self.editor.text
        if after == before:
            self._leave_edit()
            return
        changed = sum(
            1
            for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
        title = self.artifact.title if self.artifact is not None else "the artifact"

        async def answered(choice: str | None) -> None:
            if choice == "save":
                await self.action_save()
            elif choice == "discard":
                self._leave_edit()
                self.notify("Edit discarded.", timeout=3)
            else:
                self.editor.focus()

        self.app.push_screen(UnsavedDialog(title, changed), answered)

    def _leave_edit(self) -> None:
        self.editing = False
        if self.version is not None:
            self.editor.load_text(self.version.content or "")

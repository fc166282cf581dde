"""Every key binding of the app, in one place, each with a stable id.

Widgets take their ``BINDINGS`` from here; the help screen and the README's key table are made
from the same lists. The ids are what a user remaps in ``config.toml``::

    [ui.keymap]
    "library.trash" = "x"
    "app.preview" = "ctrl+o,f5"

(see :mod:`tui.settings`). A binding whose action does not apply at the moment (``u`` restores
only in the trash) is switched off by the widget's ``check_action`` and leaves the footer.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Key:
    id: str
    keys: str
    action: str
    description: str
    show: bool = True
    priority: bool = False
    display: str | None = None
    #: What the help screen says; ``description`` (the footer's label) when empty.
    help: str = ""

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.display,
            priority=self.priority,
            id=self.id,
            tooltip=self.help or self.description,
        )


def bindings(keys: list[Key]) -> list[BindingType]:
    return [k.binding() for k in keys]


APP: list[Key] = [
    Key("app.help", "f1,question_mark", "help", "Help", display="F1", help="this screen: every key, by pane"),
    Key(
        "app.library",
        "f2",
        "show_view('library')",
        "Library",
        show=False,
        priority=True,
        help="show the library and focus it",
    ),
    Key(
        "app.chat",
        "f3",
        "show_view('chat')",
        "Chat",
        show=False,
        priority=True,
        help="show the chat and focus the prompt",
    ),
    Key(
        "app.inspector",
        "f4",
        "show_view('inspector')",
        "Inspector",
        show=False,
        priority=True,
        help="show the inspector of the current artifact",
    ),
    Key("app.search", "slash", "search", "Search", show=False, help="search the library (full text, as you type)"),
    Key(
        "app.preview",
        "ctrl+o",
        "open_preview",
        "Preview",
        show=False,
        priority=True,
        help="open the current artifact's preview window (or its URL)",
    ),
    Key(
        "app.grant",
        "ctrl+g",
        "answer_grant",
        "Live data",
        show=False,
        priority=True,
        help="answer the waiting live-data question (an artifact asks to fetch from an origin)",
    ),
    Key("app.new_chat", "ctrl+n", "new_chat", "New chat", show=False, priority=True, help="start a new conversation"),
    Key(
        "app.conversations",
        "ctrl+r",
        "conversations",
        "Chats",
        show=False,
        priority=True,
        help="the list of conversations",
    ),
    Key(
        "app.quit",
        "ctrl+q",
        "quit",
        "Quit",
        show=False,
        priority=True,
        help="quit (a streaming reply is kept; previews close)",
    ),
]

LIBRARY: list[Key] = [
    Key("library.inspect", "enter", "inspect", "Inspect", help="show the artifact in the inspector"),
    Key("library.preview", "o", "preview", "Preview", help="open the preview window"),
    Key("library.remix", "m", "remix", "Remix", help="in the catalog: copy the entry to your library (asks a title)"),
    Key("library.rename", "r", "rename", "Rename"),
    Key("library.pin", "p", "pin", "Pin", help="pin or unpin (pinned come first)"),
    Key("library.trash", "d,delete", "trash", "Trash", display="d", help="move to the trash"),
    Key("library.undo", "u", "undo", "Undo", help="undo the last move to the trash"),
    Key("library.restore", "u", "restore", "Restore", help="in the trash: restore"),
    Key(
        "library.purge", "D", "purge", "Delete forever", display="D", help="in the trash: delete for good (asks first)"
    ),
    Key("library.type", "t", "cycle_type", "Type", help="filter by type (all, html, react…)"),
    Key("library.sort", "s", "cycle_sort", "Sort", help="sort by updated, created or title"),
    Key(
        "library.prev_tab",
        "left_square_bracket",
        "tab(-1)",
        "Tab",
        show=False,
        display="[",
        help="previous tab (Library, Catalog when there is one, Trash)",
    ),
    Key("library.next_tab", "right_square_bracket", "tab(1)", "Tab", display="[ ]", help="next tab"),
    Key("library.chat", "c", "chat_about", "Chat", show=False, help="continue the artifact's conversation"),
]

#: The library's list (and other lists that take them: versions, conversations).
LIST: list[Key] = [
    Key("list.down", "j", "cursor_down", "Down", show=False, help="next row (as ↓)"),
    Key("list.up", "k", "cursor_up", "Up", show=False, help="previous row (as ↑)"),
    Key("list.top", "home,g", "scroll_top", "First", show=False, help="the first row"),
    Key("list.bottom", "end,G", "scroll_bottom", "Last", show=False, help="the last row"),
    Key("list.back", "escape", "back", "Back", show=False, help="from search results: back to the search box"),
]

LIBRARY_SEARCH: list[Key] = [
    Key(
        "library.search_done",
        "down,enter",
        "leave_search",
        "Results",
        show=False,
        help="from the search box: go to the results",
    ),
    Key("library.search_clear", "escape", "clear_search", "Clear", help="clear the search, back to the list"),
]

PROMPT: list[Key] = [
    Key("chat.send", "enter", "send", "Send", help="send the message"),
    Key(
        "chat.newline",
        "ctrl+j,alt+enter,shift+enter",
        "newline",
        "Newline",
        display="^j",
        help="a new line in the message",
    ),
    Key(
        "chat.history_prev",
        "up",
        "history(-1)",
        "History",
        show=False,
        help="on the first line: the previous message you sent",
    ),
    Key(
        "chat.history_next",
        "down",
        "history(1)",
        "History",
        show=False,
        help="on the last line: the next message you sent",
    ),
]

CHAT: list[Key] = [
    Key("chat.cancel", "escape", "cancel", "Cancel reply", help="stop the reply (what arrived is kept)"),
    Key(
        "chat.page_up",
        "pageup",
        "scroll_log(-1)",
        "Scroll up",
        show=False,
        help="from the prompt: scroll the conversation a page up",
    ),
    Key(
        "chat.page_down",
        "pagedown",
        "scroll_log(1)",
        "Scroll down",
        show=False,
        help="from the prompt: scroll the conversation a page down",
    ),
    Key("chat.attach", "ctrl+t", "attach", "Attach", help="attach a file to the conversation"),
    Key("chat.conversations", "ctrl+r", "app.conversations", "Chats", display="^r", help="the list of conversations"),
    Key("chat.new", "ctrl+n", "app.new_chat", "New", display="^n", help="start a new conversation"),
]

#: An artifact chip in the chat, focused (Tab from the prompt, or a click).
CHIP: list[Key] = [
    Key("chat.chip_open", "enter", "open", "Open in the inspector", help="on an artifact in the chat: show it"),
    Key("chat.chip_details", "enter", "details", "Details", help="on a failed one: show or hide what went wrong"),
]

INSPECTOR: list[Key] = [
    Key("inspector.code", "c", "tab('code')", "Code", help="the code tab"),
    Key("inspector.versions", "v", "tab('versions')", "Versions", help="the versions tab"),
    Key("inspector.state", "s", "tab('state')", "State", help="the state tab"),
    Key("inspector.preview", "o", "preview", "Preview", show=False, help="open the preview window"),
    Key("inspector.remix", "m", "remix", "Remix", help="a catalog entry shown: copy it to your library (asks a title)"),
    Key("inspector.back", "escape", "back", "Back", show=False, help="back to the library (one step back)"),
    Key(
        "inspector.fix",
        "F",
        "fix",
        "Fix with Claude",
        display="F",
        help="send the preview's runtime error to Claude to fix",
    ),
]

CODE: list[Key] = [
    Key("code.edit", "e", "edit", "Edit", help="edit the code (saving makes a new version)"),
    Key("code.save", "ctrl+s", "save", "Save", help="save the edit as a new version"),
    Key(
        "code.discard",
        "escape",
        "discard",
        "Leave",
        help="leave edit mode (with unsaved changes it asks: save, discard or keep editing)",
    ),
]

VERSIONS: list[Key] = [
    Key("versions.revert", "r", "revert", "Revert", help="make a new version equal to the selected one"),
    Key(
        "versions.view", "enter", "view", "Diff / code", help="switch between the diff and the selected version's code"
    ),
]

STATE: list[Key] = [
    Key("state.edit", "e,enter", "edit", "Edit", display="e", help="edit the selected value"),
    Key("state.add", "a", "add", "Add", help="add a key"),
    Key("state.delete", "d,delete", "delete", "Delete", display="d", help="delete the selected key"),
    Key("state.refresh", "ctrl+l", "refresh", "Reload", show=False, help="read the state again"),
]

DIALOG: list[Key] = [
    Key("dialog.close", "escape", "close", "Close", display="Esc", priority=True, help="close the dialog"),
]

#: For the help screen and the README: (title, keys).
GROUPS: list[tuple[str, list[Key]]] = [
    ("Everywhere", APP),
    ("Library", LIBRARY + LIST + LIBRARY_SEARCH),
    ("Chat", PROMPT + CHAT + CHIP),
    ("Inspector", INSPECTOR),
    ("Code", CODE),
    ("Versions", VERSIONS),
    ("State", STATE),
]


def display_keys(key: Key) -> str:
    """The keys as a person reads them: ``F1 / ?``, ``Ctrl+O``."""
    names = []
    for part in key.keys.split(","):
        part = part.strip()
        special = {
            "question_mark": "?",
            "slash": "/",
            "left_square_bracket": "[",
            "right_square_bracket": "]",
            "enter": "Enter",
            "escape": "Esc",
            "delete": "Del",
            "up": "↑",
            "down": "↓",
            "pageup": "PageUp",
            "pagedown": "PageDown",
        }
        if part in special:
            names.append(special[part])
            continue
        *mods, last = part.split("+")
        if len(last) <= 3 and last.startswith("f") and last[1:].isdigit():
            last = last.upper()
        elif len(last) > 1:
            last = special.get(last, last.capitalize())
        elif mods:
            last = last.upper()
        names.append("+".join([m.capitalize() for m in mods] + [last]))
    return " / ".join(names)


def keys_for(binding_id: str, keymap: dict[str, str] | None = None) -> set[str]:
    """The keys of a binding, with the user's keymap applied (``{"enter"}``)."""
    for _, group in GROUPS:
        for key in group:
            if key.id == binding_id:
                keys = (keymap or {}).get(binding_id, key.keys)
                return {k.strip() for k in keys.split(",") if k.strip()}
    return set()


def all_ids() -> set[str]:
    return {k.id for _, keys in GROUPS for k in keys} | {k.id for k in DIALOG}

"""Hostile text in the TUI: every string an artifact, a model or a file controls is shown as text.

Who attacks: a model (titles, labels, error text it provokes), an artifact (state keys, the
errors its page reports), a file (an attachment's name), or the person's own search query.
What they try: Textual/Rich markup in those strings — ``[/]`` crashes a widget with a
MarkupError, ``[link=…]`` and ``[@click=…]`` make a clickable trap, balanced markup
(``[reverse]``) draws a fake origin or a fake button. What must hold: the app keeps running,
and the person sees the string exactly as written, brackets included.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from artifacts_runtime import kinds
from artifacts_runtime.store import Store
from tests.fakes.messages_api import StreamError, tool_use
from tui.widgets.chat_log import ArtifactChip, Notice

from .app_builder import build_app
from .helpers import notifications, ready, wait_until

#: Each would break or forge the screen if it were read as markup.
HOSTILE = [
    "[/]",
    "[/b] closes what was never opened",
    "[link=https://evil.example/x]Open the bank[/link]",
    "[@click=app.quit]Harmless[/]",
    "[reverse] http://127.0.0.1 [/reverse] [b]Allow[/b]",
    "[on red]red alert[/on red] \\[escaped] [",
]

#: Keys may not hold whitespace, slashes or quotes; brackets they may.
STATE_KEYS = ["[b]", "[link=x]k", "[reverse]key", "[@click=app.quit]", "[red]", "k]["]


def visible(widget: Any) -> str:
    """The plain text a Static shows (what a person reads, styles removed)."""
    return str(widget.render())


async def seed_hostile(paths: Any) -> dict[str, str]:
    store = await Store.open(paths.library)
    ids: dict[str, str] = {}
    try:
        for i, title in enumerate(HOSTILE):
            a = await store.create(
                f"<!doctype html><p>{i}</p>\n", title=title, type=kinds.HTML, source="import", label=title
            )
            await store.add_version(a.id, f"<!doctype html><p>{i} v2</p>\n", source="user", label=title)
            await store.state_set(a.id, STATE_KEYS[i % len(STATE_KEYS)], '"x"')
            ids[title] = a.id
        await store.create_conversation(title=HOSTILE[2], artifact_id=ids[HOSTILE[0]])
    finally:
        await store.close()
    return ids


async def test_hostile_titles_labels_and_keys_are_shown_as_written(paths) -> None:
    ids = await seed_hostile(paths)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = app.main_screen
        library, inspector = screen.library, screen.inspector
        for title, artifact_id in ids.items():
            library.select(artifact_id)
            await pilot.press("enter")
            await wait_until(pilot, lambda i=artifact_id: inspector.artifact is not None and inspector.artifact.id == i)
            header = visible(inspector.query_one("#inspector-header", Static))
            assert title[:12] in header, header  # the header cuts long titles to the pane
            for tab in ("versions", "state", "code"):
                inspector.tab = tab
                await pilot.pause()
        assert app.is_running


async def test_a_search_query_that_looks_like_markup_is_echoed_as_typed(paths) -> None:
    await seed_hostile(paths)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = app.main_screen.library
        await pilot.press("slash")
        for query in ("[/]", "[link=x]y[/link] zzzz-nothing"):
            library.search_input.value = query
            await wait_until(pilot, lambda q=query: library.last_query == q.strip())
        assert app.is_running


async def test_a_model_chosen_title_and_error_are_text(paths, anthropic_env) -> None:
    title = "[/] [link=https://evil.example]Bank[/link] [@click=app.quit]x[/]"
    content = "<!doctype html><p>hi</p>\n"
    anthropic_env.reply(
        tool_use(
            "artifacts",
            {"command": "create", "id": "t", "type": kinds.HTML, "title": title, "content": content},
            chunk_size=8,
        )
    )
    anthropic_env.reply(
        "Done.", error=StreamError(type="invalid_request_error", message="bad [/] [link=https://e.example]x[/link]")
    )
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        from .widgets.test_chat import send

        await send(pilot, "make it")
        chat = app.main_screen.chat
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        chips = chat.log_view.query(ArtifactChip)
        assert chips and title in visible(chips.first())
        notices = [visible(n) for n in chat.log_view.query(Notice)]
        assert any("[link=https://e.example]x[/link]" in n for n in notices), notices
        assert any("[link=https://e.example]x[/link]" in n for n in notifications(app))
        assert app.is_running


async def test_a_page_error_with_markup_is_text_in_banner_and_toast(paths) -> None:
    ids = await seed_hostile(paths)
    artifact_id = ids[HOSTILE[0]]
    message = "ReferenceError: [/] [link=https://evil.example]fix here[/link]"
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.main_screen.library.select(artifact_id)
        await pilot.press("enter")
        inspector = app.main_screen.inspector
        await wait_until(pilot, lambda: inspector.artifact is not None and inspector.artifact.id == artifact_id)
        await app.workspace.bridge.call(artifact_id, "error.report", {"message": message, "version": 2})
        await wait_until(pilot, lambda: any(message in n for n in notifications(app)))
        assert message in visible(inspector.query_one("#inspector-error", Static))
        assert app.is_running


async def test_a_non_fatal_page_report_is_listed_quietly_and_a_crash_still_wins(paths) -> None:
    """An image that did not load reaches the error list, marked non-fatal, as text: no toast.
    A crash after it is announced, and is what F sends to Claude."""
    ids = await seed_hostile(paths)
    artifact_id = ids[HOSTILE[0]]
    missing = "The image [b]logo.png[/b] was not found: this artifact has no file by that name."
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.main_screen.library.select(artifact_id)
        await pilot.press("enter")
        inspector = app.main_screen.inspector
        await wait_until(pilot, lambda: inspector.artifact is not None and inspector.artifact.id == artifact_id)
        bridge = app.workspace.bridge
        await bridge.call(artifact_id, "error.report", {"message": missing, "kind": "resource", "fatal": False})
        banner = inspector.query_one("#inspector-error", Static)
        await wait_until(pilot, lambda: banner.display)
        assert "non-fatal: " + missing in visible(banner)
        assert not [n for n in notifications(app) if "logo.png" in n]
        [recorded] = app.services.errors_for(artifact_id)
        assert recorded["fatal"] is False
        await bridge.call(artifact_id, "error.report", {"message": "TypeError: x is undefined", "version": 1})
        await wait_until(pilot, lambda: any("x is undefined" in n for n in notifications(app)))
        await bridge.call(artifact_id, "error.report", {"message": missing, "kind": "resource", "fatal": False})
        await pilot.pause()
        assert "⚠ TypeError: x is undefined" in visible(banner)
        assert app.services.fix_report(artifact_id)["message"] == "TypeError: x is undefined"


async def test_a_failed_edits_reason_is_text_folded_and_unfolded() -> None:
    """The reason can quote what the model sent (an old_str, say): markup in it stays text,
    in the one-line summary and in the details Enter shows."""
    from .host import HostApp

    reason = "update failed: old_str [/] [link=https://evil.example]x[/link] [@click=app.quit]q[/] was not found. More."
    host = HostApp()
    async with host.run_test() as pilot:
        chip = ArtifactChip("tool-1", title="[b]T[/b]")
        await host.screen.mount(chip)
        chip.failed(reason, note="Claude was told and may try again")
        await pilot.pause()
        assert "[link=https://evil.example]x[/link]" in visible(chip) and "Enter: details" in visible(chip)
        chip.focus()
        await pilot.press("enter")
        assert "More. (Claude was told and may try again)" in visible(chip)
        assert "[@click=app.quit]q[/]" in visible(chip) and host.is_running

"""The chat pane against the fake Messages API (the real SDK, a local server): a streamed turn
whose artifact lands in the library and the code inspector, cancel with Esc, the path without
an API key, history, attachments, conversations, "Fix with Claude", quitting mid-reply."""

from __future__ import annotations

from typing import Any

from artifacts_runtime import kinds
from artifacts_runtime.store import Store
from tests.fakes.messages_api import text, tool_use
from tui.dialogs.conversations import ConversationsDialog
from tui.dialogs.text_prompt import TextPrompt
from tui.widgets.chat_log import ArtifactChip, AssistantMessage, Notice, UserMessage

from ..app_builder import build_app
from ..helpers import notifications, ready, wait_until

TRACKER = (
    "<!doctype html>\n<html><head><title>Water tracker</title></head>\n<body>\n"
    + '  <button onclick="drink()">+1 glass</button>\n' * 60
    + "</body></html>\n"
)


def create(content: str = TRACKER, title: str = "Water tracker") -> dict[str, Any]:
    return {"command": "create", "id": "water-tracker", "type": kinds.HTML, "title": title, "content": content}


async def send(pilot, message: str) -> None:
    """Type ``message`` and press Enter. (Enter goes in as a key event without Pilot's wait for
    the app to go idle, which, with a reply streaming, would wait for the whole reply.)"""
    from textual import events

    app = pilot.app
    await pilot.press("f3")
    prompt = app.main_screen.chat.prompt
    prompt.load_text(message)
    prompt.move_cursor(prompt.document.end)
    app._driver.send_message(events.Key("enter", "\r"))
    await wait_until(pilot, lambda: prompt.text == "" or app._notifications, what="the message sent")


async def turn_done(pilot, turns: int = 1) -> None:
    chat = pilot.app.main_screen.chat
    await wait_until(pilot, lambda: chat.turns >= turns and not chat.streaming, timeout=20, what="the turn to finish")


async def test_a_turn_streams_and_its_artifact_appears_in_library_and_inspector(seeded, anthropic_env) -> None:
    anthropic_env.reply("I'll build **a water tracker**.", tool_use("artifacts", create(), chunk_size=40))
    anthropic_env.reply("Done: press *+1 glass* after each glass.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await send(pilot, "Make a water tracker")
        chat = app.main_screen.chat
        await turn_done(pilot)

        replies = [m.text for m in chat.log_view.query(AssistantMessage)]
        assert replies == ["I'll build **a water tracker**.", "Done: press *+1 glass* after each glass."]
        (chip,) = chat.log_view.query(ArtifactChip)
        assert chip.state == "done" and chip.artifact_id
        assert [m.text for m in chat.log_view.query(UserMessage)] == ["Make a water tracker"]

        library = app.main_screen.library
        await wait_until(pilot, lambda: "Water tracker" in [r.title for r in library.table.rows_data])
        assert library.current_artifact_id() == chip.artifact_id  # selected there too
        inspector = app.main_screen.inspector
        await wait_until(
            pilot, lambda: inspector.code.version is not None and inspector.code.version.artifact_id == chip.artifact_id
        )
        assert inspector.code.editor.text == TRACKER
        assert chat.conversation_id is not None
        assert "Make a water tracker" in str(chat.query_one("#chat-header").render())

        request = anthropic_env.requests[0]
        assert request.messages[-1]["content"][0]["text"] == "Make a water tracker"
        assert any(t["name"] == "artifacts" for t in request.tools)


async def test_the_inspector_follows_the_artifact_while_it_is_written(seeded, anthropic_env) -> None:
    anthropic_env.reply(tool_use("artifacts", create(), chunk_size=20), delay=0.003)
    anthropic_env.reply("Done.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        code = app.main_screen.inspector.code
        seen: list[int] = []
        tick = code._live_tick

        def record() -> None:
            tick()
            seen.append(len(code.editor.text))

        code._live_tick = record  # type: ignore[method-assign]
        await send(pilot, "Make a water tracker")
        await turn_done(pilot)
        assert any(0 < n < len(TRACKER) for n in seen), seen  # part of it, while it streamed
        assert code.live is None and code.editor.text == TRACKER


async def test_escape_cancels_the_reply_and_keeps_what_arrived(seeded, anthropic_env, paths) -> None:
    anthropic_env.reply(text("word " * 600, chunk_size=10), delay=0.005)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await send(pilot, "Write a long essay")
        chat = app.main_screen.chat
        await wait_until(
            pilot,
            lambda: (
                chat.log_view.query(AssistantMessage) and len(chat.log_view.query(AssistantMessage).last().text) > 50
            ),
        )
        await pilot.press("escape")
        await turn_done(pilot)
        shown = chat.log_view.query(AssistantMessage).last().text
        assert 50 < len(shown) < len("word " * 600)
        assert any("cancelled" in str(n.render()) for n in chat.log_view.query(Notice))
        conversation_id = chat.conversation_id

    async with await Store.open(paths.library) as store:
        messages = await store.messages(conversation_id)
        assert [m.role for m in messages] == ["user", "assistant"]
        assert messages[1].incomplete and messages[1].text().startswith("word word")


async def test_without_a_key_chat_explains_and_the_library_still_works(seeded) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        chat = app.main_screen.chat
        assert any("No Anthropic API key" in str(n.render()) for n in chat.log_view.query(Notice))
        await send(pilot, "Make a chart")
        assert any("API key" in n and "library, previews and state work" in n for n in notifications(app))
        assert chat.prompt.text == "Make a chart"  # nothing typed is lost
        assert chat.turns == 0 and chat.conversation_id is None
        assert "no API key" in app.main_screen.query_one("#top-status").render().plain
        # The library, the inspector and state work as ever.
        await pilot.press("f2", "slash", *"notes")
        library = app.main_screen.library
        await wait_until(pilot, lambda: library.last_query == "notes")
        assert [r.title for r in library.table.rows_data] == ["Meeting notes"]


async def test_up_recalls_earlier_messages(seeded, anthropic_env) -> None:
    anthropic_env.queue("First answer.", "Second answer.")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await send(pilot, "first question")
        await turn_done(pilot, 1)
        await send(pilot, "second\nquestion")
        await turn_done(pilot, 2)
        prompt = app.main_screen.chat.prompt
        prompt.load_text("draft")
        await pilot.press("up")
        assert prompt.text == "second\nquestion"
        prompt.move_cursor((0, 0))
        await pilot.press("up")
        assert prompt.text == "first question"
        prompt.move_cursor(prompt.document.end)
        await pilot.press("down")
        assert prompt.text == "second\nquestion"
        prompt.move_cursor(prompt.document.end)
        await pilot.press("down")
        assert prompt.text == "draft"
        await pilot.press("ctrl+j")
        assert prompt.text == "draft\n"
        # The second turn continued the same conversation.
        assert len(anthropic_env.requests[1].messages) == 3


async def test_attach_a_file_to_the_conversation(seeded, anthropic_env, tmp_path) -> None:
    data = tmp_path / "expenses.csv"
    data.write_text("date,amount\n2026-05-01,12.50\n")
    anthropic_env.reply("I see your expenses.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f3", "ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TextPrompt))
        app.screen.query_one("#prompt-input").value = str(tmp_path / "missing.csv")
        await pilot.press("enter")
        assert "is not a file" in str(app.screen.query_one(".dialog-error").render())
        app.screen.query_one("#prompt-input").value = str(data)
        await pilot.press("enter")
        chat = app.main_screen.chat
        assert [p.name for p in chat.pending_attachments] == ["expenses.csv"]
        await send(pilot, "Chart these")
        await turn_done(pilot)
        files = await app.workspace.store.files(conversation_id=chat.conversation_id)
        assert [f.name for f in files] == ["expenses.csv"]
        sent = anthropic_env.requests[0]
        assert "date,amount" in str(sent.system)  # the model sees the file
        assert "expenses.csv" in str(chat.query_one("#chat-attachments").render())


async def test_conversations_list_opens_an_earlier_one(paths, anthropic_env) -> None:
    from ..app_builder import seed_library

    ids = await seed_library(paths, conversation=True)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConversationsDialog))
        await pilot.press("enter")
        chat = app.main_screen.chat
        await wait_until(pilot, lambda: chat.conversation_id == ids["conversation"])
        await wait_until(pilot, lambda: chat.log_view.query(AssistantMessage))
        assert [m.text for m in chat.log_view.query(UserMessage)] == ["Make me a habit tracker"]
        (chip,) = chat.log_view.query(ArtifactChip)
        assert chip.artifact_id == ids["Habit tracker"]
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: chat.conversation_id is None)


async def test_a_runtime_error_offers_fix_with_claude(seeded, anthropic_env) -> None:
    artifact_id = seeded["Habit tracker"]
    fixed = "<!doctype html><html><head><title>Habit tracker</title></head><body>ok</body></html>\n"
    anthropic_env.reply(tool_use("artifacts", {"command": "rewrite", "id": artifact_id, "content": fixed}))
    anthropic_env.reply("Fixed: `habits` was undefined.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.main_screen.library.select(artifact_id)
        await pilot.press("enter")
        inspector = app.main_screen.inspector
        await wait_until(pilot, lambda: inspector.artifact is not None and inspector.artifact.id == artifact_id)
        # What the bridge publishes when the page reports an error.
        await app.workspace.bridge.call(
            artifact_id, "error.report", {"message": "ReferenceError: habits is not defined", "version": 2}
        )
        await wait_until(pilot, lambda: inspector.query_one("#inspector-error").display)
        assert "habits is not defined" in str(inspector.query_one("#inspector-error").render())
        # The toast follows once the worker has looked up the artifact's title.
        await wait_until(pilot, lambda: any("habits is not defined" in n for n in notifications(app)))
        await pilot.press("F")
        await turn_done(pilot)
        assert "ReferenceError: habits is not defined" in str(anthropic_env.requests[0].messages)
        assert (await app.workspace.store.version(artifact_id)).content == fixed
        await wait_until(pilot, lambda: not inspector.query_one("#inspector-error").display)


async def test_quitting_mid_reply_keeps_it_and_closes_everything(seeded, anthropic_env, paths) -> None:
    anthropic_env.reply(text("slow " * 600, chunk_size=10), delay=0.005)
    app = build_app(start_server=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await wait_until(pilot, lambda: app.workspace.server is not None)
        server = app.workspace.server
        await send(pilot, "Talk slowly")
        chat = app.main_screen.chat
        await wait_until(
            pilot,
            lambda: (
                chat.log_view.query(AssistantMessage) and len(chat.log_view.query(AssistantMessage).last().text) > 30
            ),
        )
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app._exit_renderables is not None or not app.is_running)
    assert app.workspace is None  # closed
    assert server._runner is None or not server._runner.sites  # the server stopped
    async with await Store.open(paths.library) as store:
        (conversation,) = await store.conversations()
        messages = await store.messages(conversation.id)
        assert messages[-1].role == "assistant" and messages[-1].incomplete
        assert messages[-1].text().startswith("slow slow")


async def test_enter_right_after_a_burst_of_keys_sends_all_of_them(seeded, anthropic_env) -> None:
    """A paste, or keys batched over SSH, then Enter: the message has every character."""
    from textual import events

    anthropic_env.reply("ok")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        for char in "hi there":
            app._driver.send_message(events.Key("space" if char == " " else char, char))
        app._driver.send_message(events.Key("enter", "\r"))
        await turn_done(pilot)
        assert anthropic_env.requests[0].messages[-1]["content"][0]["text"] == "hi there"


async def test_an_api_error_is_a_notification_that_says_what_to_do(seeded, anthropic_env) -> None:
    from tests.fakes.fixtures import TEST_API_KEY

    anthropic_env.bad_keys.add(TEST_API_KEY)  # the API refuses the key: 401
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await send(pilot, "Hello")
        await turn_done(pilot)
        assert any("ANTHROPIC_API_KEY" in n for n in notifications(app))
        chat = app.main_screen.chat
        assert any("ANTHROPIC_API_KEY" in str(n.render()) for n in chat.log_view.query(Notice))
        assert not chat.streaming and chat.prompt.text == ""


async def test_fix_with_claude_clicked_in_a_preview_reaches_the_chat(seeded, anthropic_env) -> None:
    """The shell's button (tests/browser/test_fix_from_preview.py) publishes a request; the app
    sends the error it recorded, as F in the inspector does."""
    artifact_id = seeded["Habit tracker"]
    anthropic_env.reply("Found it: `habits` was undefined.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        bridge = app.workspace.bridge
        await bridge.call(
            artifact_id, "error.report", {"message": "ReferenceError: habits is not defined", "version": 2}
        )
        await bridge.call(artifact_id, "error.fix", {"message": "ignored: the app sends what it recorded"})
        await turn_done(pilot)
        sent = str(anthropic_env.requests[0].messages)
        assert "ReferenceError: habits is not defined" in sent and "ignored" not in sent

"""Entering the API key inside the app: no quit, no export, no restart. The key is checked,
kept 0600 for the next start, and used at once (the fake Messages API sees it)."""

from __future__ import annotations

import stat

from artifacts_runtime.credentials import key_file
from tui.dialogs.text_prompt import TextPrompt

from ..app_builder import build_app
from ..helpers import ready, wait_until
from .test_chat import send

KEY = "sk-ant-entered-in-the-app-0123456789"


async def test_a_key_entered_in_the_app_is_used_at_once_and_kept(seeded, messages_api, monkeypatch, paths) -> None:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", messages_api.base_url)  # and no ANTHROPIC_API_KEY
    messages_api.reply("Hello with the new key.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        chat = app.main_screen.chat
        assert not chat.has_key()
        chat.ask_api_key()
        prompt = await wait_until(pilot, lambda: app.screen if isinstance(app.screen, TextPrompt) else None)
        field = await wait_until(
            pilot, lambda: prompt.query("#prompt-input").first() if prompt.query("#prompt-input") else None
        )
        assert field.password  # shown as dots

        field.value = "sk-ant with a space"
        await pilot.press("enter")
        assert isinstance(app.screen, TextPrompt)  # refused, the dialog stays with the reason
        field.value = KEY
        await pilot.press("enter")
        await wait_until(pilot, chat.has_key)
        await wait_until(pilot, lambda: "no API key" not in app.main_screen.query_one("#top-status").render().plain)

        await send(pilot, "Hi")
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        assert messages_api.requests[-1].api_key == KEY
    stored = key_file(paths)
    assert stored.read_text().strip() == KEY
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600


async def test_the_environment_key_wins_over_the_stored_one(paths, messages_api, monkeypatch) -> None:
    from artifacts_runtime.credentials import save_key
    from artifacts_runtime.workspace import Workspace

    save_key(paths, KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", messages_api.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-from-the-environment-000000")
    messages_api.reply("ok")
    async with await Workspace.open(paths) as workspace:
        await workspace.chat_engine().send("Hi")
    assert messages_api.requests[-1].api_key == "sk-ant-from-the-environment-000000"


async def test_choosing_the_model_in_the_app_is_used_and_kept(seeded, anthropic_env, paths) -> None:
    from artifacts_runtime.config import load_config

    anthropic_env.reply("From the other model.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        chat = app.main_screen.chat
        chat.ask_model()
        prompt = await wait_until(pilot, lambda: app.screen if isinstance(app.screen, TextPrompt) else None)
        field = await wait_until(
            pilot, lambda: prompt.query("#prompt-input").first() if prompt.query("#prompt-input") else None
        )
        field.value = "claude-other-model"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.workspace.config.model == "claude-other-model")
        await send(pilot, "Hi")
        await wait_until(pilot, lambda: chat.turns >= 1 and not chat.streaming, timeout=20)
        assert anthropic_env.requests[-1].model == "claude-other-model"
    assert load_config(paths).model == "claude-other-model"  # the next start too

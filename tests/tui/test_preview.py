"""Opening a preview: where no window can be shown the app gives the browser URL (with the
``ssh -L`` line over SSH); with a preview manager that can, it asks it for the window."""

from __future__ import annotations

from typing import Any, ClassVar

from tui.dialogs.preview_url import PreviewUrlDialog
from tui.preview import Previews, preview_manager

from .app_builder import build_app
from .helpers import notifications, ready, wait_until


async def test_no_display_shows_the_url_and_the_ssh_line(seeded, monkeypatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")
    monkeypatch.setenv("USER", "ada")
    app = build_app(preview_manager=preview_manager)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        artifact_id = seeded["Habit tracker"]
        app.main_screen.library.select(artifact_id)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewUrlDialog), what="the URL dialog")
        dialog = app.screen
        server = app.workspace.server
        assert server is not None  # started on demand
        assert dialog.url == server.view_url(artifact_id)
        assert dialog.url.startswith(f"http://127.0.0.1:{server.port}/view/{artifact_id}#token=")
        assert (
            dialog.ssh_hint
            == f"ssh -N -L {server.port}:127.0.0.1:{server.port} ada@" + dialog.ssh_hint.rsplit("@", 1)[1]
        )
        assert dialog.reason  # says why no window
        text = " ".join(str(w.render()) for w in dialog.query("Static"))
        assert "forward the port" in text
        # Each on one line that never wraps (a selection across a wrap breaks the token).
        url_field, ssh_field = dialog.query_one("#preview-url-text"), dialog.query_one("#preview-ssh")
        assert url_field.text == dialog.url and ssh_field.text == dialog.ssh_hint
        assert not url_field.soft_wrap and url_field.read_only
        await pilot.press("p")  # no terminal to print to in a test: it says so, and stays
        await wait_until(pilot, lambda: any("select the line above" in n for n in notifications(app)))
        assert isinstance(app.screen, PreviewUrlDialog)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, PreviewUrlDialog))
        # Ctrl+O works from anywhere, on the current artifact.
        await pilot.press("f3", "ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewUrlDialog))


async def test_without_a_preview_manager_the_url_still_works(seeded) -> None:
    app = build_app(preview_manager=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, PreviewUrlDialog))
        assert app.screen.ssh_hint is None  # not over SSH here
        assert "turned off" in app.screen.reason


class FakeManager:
    """Stands in for artifacts_runtime.preview.manager.PreviewManager."""

    instances: ClassVar[list[FakeManager]] = []

    def __init__(self, workspace: Any) -> None:
        self.workspace = workspace
        self.on_event = None
        self.opened: list[str] = []
        self.closed = False
        FakeManager.instances.append(self)

    def availability(self) -> str | None:
        return None

    async def open(self, artifact_id: str) -> str:
        again = artifact_id in self.opened
        self.opened.append(artifact_id)
        return "focused" if again else "opened"

    async def close(self, artifact_id: str) -> None:
        pass

    async def aclose(self) -> None:
        self.closed = True


async def test_a_window_opens_through_the_manager_and_closes_on_quit(seeded) -> None:
    FakeManager.instances.clear()
    app = build_app(preview_manager=FakeManager)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.main_screen.library.select(seeded["Budget chart"])
        await pilot.press("o")
        await wait_until(pilot, lambda: FakeManager.instances and FakeManager.instances[0].opened)
        (manager,) = FakeManager.instances
        assert manager.opened == [seeded["Budget chart"]]
        assert any("Opened “Budget chart”" in n for n in notifications(app))
        await pilot.press("o")  # open already: the app says it was brought to the front
        await wait_until(pilot, lambda: any("Brought “Budget chart” to the front" in n for n in notifications(app)))
        manager.on_event({"type": "crashed", "log": "/tmp/preview.log"})  # the host died
        await wait_until(pilot, lambda: any("preview windows closed unexpectedly" in n for n in notifications(app)))
        await pilot.press("ctrl+q")
    assert manager.closed


async def test_previews_report_a_missing_manager() -> None:
    def missing(workspace: Any) -> Any:
        raise ImportError("no module named webview")

    previews = Previews(workspace=None, manager=missing)  # type: ignore[arg-type]
    assert previews.availability() == "preview windows are not available in this installation"
    assert Previews(workspace=None, manager=None).availability() == "preview windows are turned off"  # type: ignore[arg-type]

"""The preview manager without a GUI: when no window can be shown, what it raises and says; a
host that cannot start; the calls that must be harmless when no host runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from artifacts_runtime.errors import ArtifactsError, NotFound
from artifacts_runtime.preview import environment
from artifacts_runtime.preview.manager import PreviewManager, PreviewUnavailable
from artifacts_runtime.workspace import Workspace

DISPLAY_VARS = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "QT_QPA_PLATFORM",
    "PYWEBVIEW_GUI",
    "SSH_CONNECTION",
    "SSH_CLIENT",
    "SSH_TTY",
)


@pytest.fixture
def bare_env(monkeypatch):
    """No display, not over SSH: the variables each test then sets are the whole story."""
    for name in DISPLAY_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
async def workspace(paths):
    ws = await Workspace.open(paths)
    yield ws
    await ws.close()


async def _artifact(ws: Workspace) -> str:
    artifact = await ws.store.create("<!doctype html><h1>hi</h1>", title="Hi", type="text/html")
    return artifact.id


def test_preview_unavailable_carries_the_reason_the_url_and_the_ssh_line():
    url = "http://127.0.0.1:4100/view/abcd1234#token=t"
    hint = "ssh -N -L 4100:127.0.0.1:4100 me@box"
    exc = PreviewUnavailable("running over SSH", url=url, ssh_hint=hint)
    assert isinstance(exc, ArtifactsError)
    assert (exc.reason, exc.url, exc.ssh_hint) == ("running over SSH", url, hint)
    assert str(exc) == (
        f"no preview window: running over SSH. Open this URL in a browser instead: {url} "
        f"(from your own machine, forward the port first: {hint})"
    )
    plain = PreviewUnavailable("no display (DISPLAY/WAYLAND_DISPLAY unset)", url=url)
    assert plain.ssh_hint is None
    assert "forward" not in str(plain) and url in str(plain)


async def test_open_without_a_display_offers_the_url_and_starts_no_host(bare_env, workspace):
    artifact_id = await _artifact(workspace)
    manager = PreviewManager(workspace)
    assert manager.availability() == environment.REASON_NO_DISPLAY
    with pytest.raises(PreviewUnavailable) as caught:
        await manager.open(artifact_id)
    exc = caught.value
    assert exc.reason == environment.REASON_NO_DISPLAY
    assert workspace.server is not None  # the URL is live: the server was started for it
    assert exc.url == workspace.server.view_url(artifact_id)
    assert exc.ssh_hint is None
    assert manager.host_pid is None and manager.open_ids() == set()
    await manager.aclose()


async def test_open_over_ssh_gives_the_ssh_forwarding_line(bare_env, workspace):
    bare_env.setenv("SSH_CONNECTION", "10.0.0.2 51000 10.0.0.1 22")
    bare_env.setenv("USER", "tester")
    artifact_id = await _artifact(workspace)
    manager = PreviewManager(workspace)
    assert manager.availability() == environment.REASON_SSH
    with pytest.raises(PreviewUnavailable) as caught:
        await manager.open(artifact_id)
    port = workspace.server.port
    assert caught.value.ssh_hint == f"ssh -N -L {port}:127.0.0.1:{port} tester@{os.uname().nodename}"


async def test_availability_is_worked_out_once(bare_env, workspace):
    manager = PreviewManager(workspace)
    first = manager.availability()
    bare_env.setenv("DISPLAY", ":0")
    assert manager.availability() == first == environment.REASON_NO_DISPLAY


async def test_an_unknown_artifact_is_not_found(bare_env, workspace):
    with pytest.raises(NotFound):
        await PreviewManager(workspace).open("zzzzzzzz")


async def test_calls_without_a_host_are_harmless(workspace):
    manager = PreviewManager(workspace)
    await manager.close("abcd1234")
    await manager.reload("abcd1234")
    await manager.aclose()
    await manager.aclose()
    assert manager.open_ids() == set() and manager.host_pid is None


async def test_a_host_that_cannot_start_makes_previews_unavailable(bare_env, workspace, tmp_path: Path):
    """A broken backend (here: a pywebview that fails to import) is found out on the first
    open: PreviewUnavailable says why, availability() says it from then on, nothing is left
    running, and the host's complaint is in the log."""
    fake = tmp_path / "fake"
    (fake / "webview").mkdir(parents=True)
    (fake / "webview" / "__init__.py").write_text("raise ImportError('fake: no pywebview here')\n")
    bare_env.setenv("PYTHONPATH", str(fake))
    bare_env.setattr(environment, "availability", lambda *a, **k: None)
    artifact_id = await _artifact(workspace)
    manager = PreviewManager(workspace)
    events: list[dict] = []
    manager.on_event = events.append

    with pytest.raises(PreviewUnavailable) as caught:
        await manager.open(artifact_id)
    reason = caught.value.reason
    assert reason.startswith("no working GUI backend: the preview window host exited before it was ready")
    assert "fake: no pywebview here" in reason
    assert str(manager.log_path) in reason
    assert manager.availability() == reason
    assert manager.host_pid is None
    assert [e["type"] for e in events] == ["error"]  # said before it ended; no "crashed"
    assert "fake: no pywebview here" in manager.log_path.read_text()

    with pytest.raises(PreviewUnavailable):  # and no second attempt
        await manager.open(artifact_id)
    await manager.aclose()

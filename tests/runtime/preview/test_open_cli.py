"""``artifacts open ID`` where no window can be shown: it prints the URL (and the ssh -L line
over SSH), serves until Ctrl+C, and says so."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "QT_QPA_PLATFORM",
            "PYWEBVIEW_GUI",
            "SSH_CONNECTION",
            "SSH_CLIENT",
            "SSH_TTY",
        )
    }
    env.update(extra)
    return env


def _start(artifact_id: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "artifacts_runtime.cli.main", "open", artifact_id],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


async def test_open_over_ssh_prints_the_url_and_serves_until_ctrl_c(store):
    artifact = await store.create("<!doctype html><h1>over ssh</h1>", title="Over SSH", type="text/html")
    proc = _start(artifact.id, _env(SSH_CONNECTION="10.0.0.2 51000 10.0.0.1 22", USER="tester"))
    try:
        url = proc.stdout.readline().strip()  # the URL is the one line on stdout
        match = re.fullmatch(rf"http://127\.0\.0\.1:(\d+)/view/{artifact.id}#token=\S+", url)
        assert match, url
        port = match.group(1)
        # It serves: the shell page answers while the command runs.
        with urllib.request.urlopen(url.split("#")[0], timeout=5) as response:
            assert response.status == 200
        time.sleep(0.2)
        assert proc.poll() is None
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "No preview window: running over SSH" in err
    assert f"ssh -N -L {port}:127.0.0.1:{port} tester@" in err
    assert "Serving until Ctrl+C." in err
    assert err.rstrip().endswith("stopped")


async def test_open_without_a_display_needs_no_ssh_line(store):
    artifact = await store.create("<!doctype html><h1>x</h1>", title="X", type="text/html")
    proc = _start(artifact.id, _env())
    try:
        assert f"/view/{artifact.id}#token=" in proc.stdout.readline()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
    assert proc.returncode == 0
    assert "No preview window: no display (DISPLAY/WAYLAND_DISPLAY unset)." in err
    assert "ssh -N -L" not in err


@pytest.mark.parametrize("ref", ["zzzzzzzz"])
async def test_open_of_an_unknown_artifact_fails_with_one_sentence(store, ref):
    proc = _start(ref, _env())
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert out == ""
    assert err.startswith("artifacts: ") and err.count("\n") == 1

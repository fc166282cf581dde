"""Can a preview window be shown here? The answer for each combination of environment and
installed backends, worked out without importing pywebview or Qt."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from artifacts_runtime.preview import environment
from artifacts_runtime.preview.environment import (
    REASON_NO_BACKEND,
    REASON_NO_DISPLAY,
    REASON_SSH,
    availability,
    choose_gui,
    prepare_environment,
)

SSH = {"SSH_CONNECTION": "10.0.0.2 51000 10.0.0.1 22", "SSH_TTY": "/dev/pts/3"}


@pytest.mark.parametrize(
    ("env", "qt", "gtk", "expected"),
    [
        # A desktop session: X11 or Wayland.
        ({"DISPLAY": ":0"}, True, False, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True, False, None),
        # Nothing to draw on.
        ({}, True, False, REASON_NO_DISPLAY),
        ({"DISPLAY": ""}, True, False, REASON_NO_DISPLAY),
        # Over SSH: say so (the URL and the ssh -L line come with it).
        (SSH, True, False, REASON_SSH),
        ({"SSH_CLIENT": "10.0.0.2 51000 22"}, True, False, REASON_SSH),
        # ssh -X: a forwarded display is a display.
        ({**SSH, "DISPLAY": "localhost:10.0"}, True, False, None),
        # Offscreen Qt (tests, headless use) needs no display, even over SSH...
        ({"QT_QPA_PLATFORM": "offscreen"}, True, False, None),
        ({**SSH, "QT_QPA_PLATFORM": "offscreen"}, True, False, None),
        # ...but it needs Qt.
        ({"QT_QPA_PLATFORM": "offscreen"}, False, False, REASON_NO_BACKEND),
        ({"QT_QPA_PLATFORM": "xcb"}, True, False, REASON_NO_DISPLAY),
        # A display but no backend installed.
        ({"DISPLAY": ":0"}, False, False, REASON_NO_BACKEND),
        # GTK is used when that is what the machine has.
        ({"DISPLAY": ":0"}, False, True, None),
        # A backend forced by name must be there.
        ({"DISPLAY": ":0", "PYWEBVIEW_GUI": "gtk"}, True, False, REASON_NO_BACKEND),
        ({"DISPLAY": ":0", "PYWEBVIEW_GUI": "qt"}, False, True, REASON_NO_BACKEND),
        ({"DISPLAY": ":0", "PYWEBVIEW_GUI": "gtk"}, False, True, None),
        # Offscreen is a Qt setting: with GTK forced it does not stand in for a display.
        ({"QT_QPA_PLATFORM": "offscreen", "PYWEBVIEW_GUI": "gtk"}, True, True, REASON_NO_DISPLAY),
    ],
)
def test_availability(env, qt, gtk, expected):
    assert availability(env, platform="linux", qt=qt, gtk=gtk) == expected


def test_macos_and_windows_need_no_display_variable():
    assert availability({}, platform="darwin", qt=True, gtk=False) is None
    assert availability({}, platform="win32", qt=True, gtk=False) is None


def test_reasons_are_one_sentence_saying_what_to_do():
    assert "preview extra" in REASON_NO_BACKEND
    assert "SSH" in REASON_SSH
    assert "DISPLAY" in REASON_NO_DISPLAY
    for reason in (REASON_NO_BACKEND, REASON_SSH, REASON_NO_DISPLAY):
        assert not reason.endswith(".") and "\n" not in reason


def test_this_machine_has_the_qt_backend_when_pyqt6_is_installed():
    """The file-based check agrees with what can actually be imported (in a fresh process)."""
    code = "import importlib.util as u; print(u.find_spec('PyQt6.QtWebEngineWidgets') is not None)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    importable = done.stdout.strip() == "True"
    assert environment.qt_available() == (importable and environment.has_module("webview"))


def test_choose_gui_prefers_qt_and_respects_pywebview_gui(monkeypatch):
    monkeypatch.setattr(environment, "qt_available", lambda: True)
    assert choose_gui({}) == "qt"
    assert choose_gui({"PYWEBVIEW_GUI": "GTK"}) == "gtk"
    monkeypatch.setattr(environment, "qt_available", lambda: False)
    assert choose_gui({}) is None  # pywebview's own detection: GTK where that is what there is


def test_root_gets_no_sandbox_once_and_keeps_other_flags():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}
    prepare_environment(env, root=True)
    prepare_environment(env, root=True)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"].split() == ["--disable-gpu", "--no-sandbox"]

    env = {}
    prepare_environment(env, root=True)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox"


def test_no_sandbox_flag_only_for_root_or_when_not_disabled_otherwise():
    env: dict[str, str] = {}
    prepare_environment(env, root=False)
    assert env == {}
    env = {"QTWEBENGINE_DISABLE_SANDBOX": "1"}
    prepare_environment(env, root=True)
    assert "QTWEBENGINE_CHROMIUM_FLAGS" not in env


def test_asking_for_availability_imports_neither_pywebview_nor_qt():
    """The app pays nothing for previews until a window is opened."""
    code = textwrap.dedent(
        """
        import json, sys
        from artifacts_runtime.preview.manager import PreviewManager
        m = PreviewManager(workspace=None)
        m.availability()
        print(json.dumps(sorted(sys.modules)))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    top = {name.partition(".")[0] for name in json.loads(done.stdout.strip().splitlines()[-1])}
    assert not top & {"webview", "PyQt6", "qtpy", "gi", "textual"}


def test_a_backend_name_is_one_pywebview_knows():
    from artifacts_runtime.preview.environment import gui_name

    assert gui_name("qt") == "qt" and gui_name("gtk") == "gtk"
    assert gui_name(None) is None and gui_name("") is None
    with pytest.raises(ValueError, match="unknown pywebview backend 'tk'"):
        gui_name("tk")

"""``python -m artifacts_runtime.preview``: the window host process. Sets the process up (the
protocol's own stdout, the log, the backend, Qt's application names, the navigation guard), then
runs the GUI loop with a :class:`~.host.Host` serving stdin (see ``host.py``). Importing this
module starts nothing."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import BinaryIO

from ..paths import APP_NAME
from . import qt
from .environment import choose_gui, gui_name, prepare_environment
from .host import ANCHOR_HTML, Host, log
from .navigation import install_navigation_guard
from .protocol import encode_event


def _protocol_stdout() -> BinaryIO:
    """Keep the real stdout for the protocol only; point descriptor 1 at stderr."""
    sys.stdout.flush()
    fd = os.dup(1)
    os.dup2(2, 1)
    return os.fdopen(fd, "wb", buffering=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m artifacts_runtime.preview",
        description="The live-artifacts preview window host (driven by JSON lines on stdin).",
    )
    parser.add_argument(
        "--gui", default=None, help="pywebview backend (default: qt when installed, else pywebview's choice)"
    )
    parser.add_argument("--debug", action="store_true", help="verbose log, WebEngine inspector")
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s preview[%(process)d] %(levelname)s %(message)s",
    )
    out = _protocol_stdout()
    prepare_environment(os.environ)
    try:
        gui = gui_name(args.gui or choose_gui())
    except ValueError as exc:
        log.error("%s", exc)
        out.write(encode_event("error", id=None, message=str(exc)))
        return 2
    log.info("starting: gui=%s QT_QPA_PLATFORM=%s", gui or "auto", os.environ.get("QT_QPA_PLATFORM", ""))
    try:
        import webview
    except ImportError as exc:
        log.error("pywebview is not installed: %s", exc)
        out.write(encode_event("error", id=None, message=f"pywebview is not installed ({exc})"))
        return 2

    host = Host(webview, out, gui)
    if gui == "qt":
        try:
            qt.prepare_application(APP_NAME)  # names, and no quitting when the last window closes
            host.invoker = qt.make_invoker()
            install_navigation_guard(host.origins)
        except ImportError as exc:
            log.warning("Qt helpers unavailable (%s); focusing falls back to show/restore", exc)
    host.anchor = webview.create_window(f"{APP_NAME} preview host", html=ANCHOR_HTML, hidden=True)
    try:
        webview.start(host.run, gui=gui, private_mode=True)
    except Exception as exc:
        log.exception("the GUI could not start")
        host.emit("error", id=None, message=f"the GUI could not start: {exc}")
        return 2
    log.info("GUI loop ended; exiting")
    logging.shutdown()
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

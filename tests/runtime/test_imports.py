"""``anthropic`` takes about 2 s to import: the core, the chat package, the model package (its
Anthropic provider included), the workspace and the CLI's start-up must not import it (a fresh
interpreter proves it). ``artifacts chat`` opens a Workspace, which must not pull in the server
(aiohttp) either."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import artifacts_runtime, artifacts_runtime.chat, artifacts_runtime.model, artifacts_runtime.model.anthropic
import artifacts_runtime.workspace
import artifacts_runtime.cli.main, artifacts_runtime.cli.chat_cmds
artifacts_runtime.cli.main.build_parser()
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("anthropic", "textual"))
print(",".join(bad))
"""

WORKSPACE = """
import sys
import artifacts_runtime.workspace, artifacts_runtime.chat, artifacts_runtime.cli.chat_cmds
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "aiohttp" or m == "artifacts_runtime.server")))
"""


def test_no_anthropic_or_textual_at_import() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_the_workspace_does_not_import_the_server() -> None:
    done = subprocess.run([sys.executable, "-c", WORKSPACE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""

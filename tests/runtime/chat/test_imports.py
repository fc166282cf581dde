"""``anthropic`` takes about 2 s to import: the core, the chat package and the CLI's start-up
must not import it (a fresh interpreter proves it)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import artifacts_runtime, artifacts_runtime.chat, artifacts_runtime.llm
import artifacts_runtime.cli.main, artifacts_runtime.cli.chat_cmds
artifacts_runtime.cli.main.build_parser()
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("anthropic", "textual"))
print(",".join(bad))
"""


def test_no_anthropic_or_textual_at_import() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""

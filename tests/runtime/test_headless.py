"""The headless core never imports the terminal UI, and the CLI starts without the model client.

``artifacts_runtime`` must work over SSH, in the CLI and in the preview host, with no Textual;
and ``anthropic`` costs about two seconds to import, so the CLI's start-up must not pay for it.
Each check runs in a fresh interpreter, where ``sys.modules`` shows exactly what was imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def _modules_after(code: str) -> set[str]:
    """Run ``code`` in a new interpreter and return the names in its ``sys.modules``."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _top_level(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_every_module_of_artifacts_runtime_imports_without_textual_or_tui():
    """Walk the whole package (no exclusions) and import each module; no Textual, no tui."""
    modules = _modules_after(
        """
        import importlib, pkgutil
        import artifacts_runtime
        names = [m.name for m in pkgutil.walk_packages(artifacts_runtime.__path__, "artifacts_runtime.")]
        assert "artifacts_runtime.store.store" in names, names
        assert "artifacts_runtime.cli.main" in names, names
        for name in names:
            importlib.import_module(name)
        """
    )
    assert "artifacts_runtime.store" in modules
    assert "artifacts_runtime.cli.library_cmds" in modules
    top = _top_level(modules)
    assert "textual" not in top
    assert "tui" not in top


def test_the_cli_entry_point_does_not_import_the_anthropic_client():
    """Importing the CLI and building its parser leaves ``anthropic`` unimported."""
    modules = _modules_after(
        """
        import artifacts_runtime.cli.main as cli
        cli.build_parser()
        """
    )
    assert "artifacts_runtime.cli.main" in modules
    top = _top_level(modules)
    assert "anthropic" not in top
    assert "textual" not in top

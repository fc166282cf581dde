"""The component tests render on the real locked libraries, served by ``ui_harness``."""

from __future__ import annotations

import pytest

from tests.browser import ui_harness as H


@pytest.fixture(scope="module", autouse=True)
def _assets(runtime_assets) -> None:
    """Serve the real locked libraries (React, ReactDOM, Tailwind, clsx, tailwind-merge, cva,
    Babel) and our ui-*.js parts, the same tags a React frame gets."""
    H.server(runtime_assets)

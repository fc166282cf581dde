"""What the component tests share: theme colours, and waits for a settled page."""

from __future__ import annotations

EMERALD_600 = "rgb(5, 150, 105)"  # Tailwind v3 emerald-600 (#059669), v3 palette in the v4 engine
PRIMARY = "oklch(0.205 0 0)"  # the theme's --primary (neutral-900)


def no_errors(page) -> None:
    assert page.page_errors == []
    assert page.console_errors == []


def wait_for_animations(page) -> None:
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)"
    )

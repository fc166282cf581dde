"""The common shapes of artifacts Claude writes, beyond the one-pattern corpus entries: a
recharts dashboard with shadcn cards, a canvas game driven by the keyboard, a three.js scene.
Each is rendered in the real sandboxed frame, used as a person would, and judged by what shows
(and that no error overlay does)."""

from __future__ import annotations

import time

import pytest

from .test_corpus_imports import load, no_overlay, open_view, shows

pytestmark = pytest.mark.slow


def test_recharts_dashboard_switches_region_and_draws_both_charts(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "recharts_sales_dashboard.jsx")))
    shows(frame, "Sales Dashboard")
    assert frame.inner_text("#total") == "905 units"
    assert frame.inner_text("#change").strip() == "58.3%"
    assert frame.locator(".recharts-line").count() == 2
    assert frame.locator(".recharts-bar-rectangle").count() == 6
    assert frame.evaluate("getComputedStyle(document.querySelector('#change')).color") == "rgb(22, 163, 74)"
    frame.get_by_role("button", name="South").click()
    frame.locator("#total", has_text="647 units").wait_for(timeout=5000)
    assert frame.inner_text("#change").strip() == "27.6%"
    no_overlay(frame, page)


def test_canvas_game_starts_steers_scores_and_ends(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "canvas_snake_game.jsx")))
    shows(frame, "Press space to start")
    painted = frame.evaluate(
        """() => {
          const c = document.querySelector('canvas');
          const px = c.getContext('2d').getImageData(5 * 16 + 4, 7 * 16 + 4, 1, 1).data;
          return [px[0], px[1], px[2]];
        }"""
    )
    assert painted == [34, 197, 94]  # the snake's head, green, where it starts
    frame.locator("canvas").click()
    page.keyboard.press("Space")
    frame.locator("#status", has_text="Playing").wait_for(timeout=5000)
    frame.locator("#score", has_text="Score: 10").wait_for(timeout=5000)  # food straight ahead
    frame.locator("#status", has_text="Game over").wait_for(timeout=10000)  # then the wall
    frame.get_by_role("button", name="Restart").click()
    frame.locator("#score", has_text="Score: 0").wait_for(timeout=5000)
    no_overlay(frame, page)


def test_three_scene_renders_frames_and_takes_a_speed(live_server, page) -> None:
    frame = open_view(page, live_server.view_url(load(live_server, "three_spinning_cube.jsx")))
    shows(frame, "Spinning Cube")
    frame.locator("#frames", has_text="rendering").wait_for(timeout=10000)
    assert frame.locator("canvas").count() == 1
    frame.locator("input[type=range]").fill("3")
    assert frame.inner_text("#speed") == "3x"
    time.sleep(0.2)
    no_overlay(frame, page)

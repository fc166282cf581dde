"""Every catalog artifact in real headless Chromium, the way a person meets it.

Each entry is imported into a running workspace and opened through its view URL (shell page +
sandboxed frame). It must render without a page error and without the frame's error overlay,
and show what it is for. The storage tools are then used like a person would, and the write is
checked in the store; the shared board picks up another view's write without a reload; the
model tools show the bridge's error when no API key is set, and work against the fake Messages
API when one is; the dashboard explains a denied fetch, and shows granted data with the time it
was fetched.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from artifacts_runtime import catalog
from tests.browser.conftest import LiveServer, open_view

pytestmark = pytest.mark.slow

ENTRIES = {e.slug: e for e in catalog.entries()}


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def watched(page):
    """The ``page`` fixture, also collecting console errors from the shell and the frame."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors  # type: ignore[attr-defined]
    return page


def open_entry(server: LiveServer, page, slug: str, *, before_open: Callable[[str], None] | None = None):
    """Import catalog entry ``slug`` as a new artifact, open it, return (artifact id, frame)."""
    entry = ENTRIES[slug]
    artifact = server.import_artifact(
        entry.source(), type=entry.type, title=entry.title, language=entry.language, filename=entry.file
    )
    if before_open:
        before_open(artifact)
    frame = open_view(page, server.view_url(artifact), timeout=30_000)
    return artifact, frame


def assert_healthy(page, frame) -> None:
    """No uncaught error in the page, none reported to the console, no error overlay in the frame."""
    page.wait_for_timeout(300)  # let effects that run after the first render settle
    overlay = frame.query_selector("#__artifact_error")
    assert overlay is None, "error overlay: " + overlay.inner_text()
    assert page.page_errors == []
    assert getattr(page, "console_errors", []) == []


def wait_state(
    server: LiveServer,
    artifact: str,
    key: str,
    predicate: Callable[[Any], bool],
    *,
    shared: bool = False,
    timeout: float = 10.0,
) -> Any:
    """Poll the store until ``key`` holds a value (parsed as JSON when it is) that satisfies
    ``predicate``; return that value."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        raw = server.state(artifact, key, shared=shared)
        if raw is not None:
            try:
                last = json.loads(raw)
            except ValueError:
                last = raw
            if predicate(last):
                return last
        time.sleep(0.1)
    raise AssertionError(f"{key!r} never satisfied the check; last value: {last!r}")


def text_of(frame) -> str:
    return frame.inner_text("body")


# --------------------------------------------------------------------------- what each entry shows


def _react_root_has_content(frame) -> None:
    assert frame.evaluate("document.getElementById('root').children.length") > 0


def check_habit_tracker(frame) -> None:
    frame.get_by_text("Drink 8 glasses of water").wait_for()
    assert "Longest streak" in text_of(frame)
    assert frame.locator("button[data-day]").count() == 21  # three habits × seven days


def check_expense_tracker(frame) -> None:
    frame.get_by_text("Monthly budget").wait_for()
    body = text_of(frame)
    assert "Expenses" in body and "Load sample data" in body and "Last six months" in body


def check_kanban_board(frame) -> None:
    frame.get_by_text("Team board").wait_for()
    for column in ("To do", "In progress", "Review", "Done"):
        assert frame.locator(f"[data-column] h2:text-is('{column}')").count() == 1
    assert frame.locator("[data-card]").count() >= 3


def check_flashcards(frame) -> None:
    frame.get_by_text("What does HTTP status 404 mean?").wait_for()
    assert "8 due" in text_of(frame)


def check_writing_helper(frame) -> None:
    frame.get_by_role("button", name="Fix grammar").wait_for()
    assert "Your text" in text_of(frame)
    assert "the the API" in frame.input_value("textarea")  # the sample draft to try it on


def check_live_dashboard(frame) -> None:
    # No grant in a fresh workspace: the fetch is denied, and the page says so plainly.
    alert = frame.locator("[data-testid=fetch-error]")
    alert.wait_for(timeout=15_000)
    message = alert.inner_text()
    assert "Could not load data from https://api.open-meteo.com" in message
    assert "artifacts grant" in message  # the bridge's own explanation, shown as it is
    assert "Try again" in message


def check_chart_studio(frame) -> None:
    frame.get_by_text("Data preview").wait_for()
    frame.wait_for_function("() => window.Chart && Object.keys(window.Chart.instances).length === 1")
    assert frame.evaluate("() => Object.values(window.Chart.instances)[0].data.datasets.length") == 3
    assert "6 rows × 4 columns" in text_of(frame)


def check_regex_tester(frame) -> None:
    frame.wait_for_selector("#backdrop mark")
    assert frame.locator("#backdrop mark").count() == 2
    assert frame.inner_text("#summary") == "2 matches"
    assert "<year>" in frame.inner_text("#matches")


def check_json_viewer(frame) -> None:
    frame.get_by_text("Valid JSON").wait_for()
    assert frame.locator('[data-path="$.books"]').count() == 1
    assert frame.locator('[data-path="$.books[2]"]').count() == 1
    assert frame.locator('[data-path="$.address.city"]').count() == 1
    assert frame.locator('[data-path="$.books[2].title"]').count() == 0  # deeper levels start collapsed


def check_architecture_diagram(frame) -> None:
    frame.wait_for_selector("#root svg")
    assert frame.locator("#root svg .node").count() >= 8
    labels = frame.inner_text("#root")
    for name in ("Bridge", "Server", "Store", "Sandboxed iframe"):
        assert name in labels


def check_markdown_cheatsheet(frame) -> None:
    frame.wait_for_selector("#root h1")
    assert frame.inner_text("#root h1") == "Markdown cheat sheet"
    assert frame.locator("#root table").count() >= 5
    assert frame.locator("#root pre code.hljs").count() >= 8
    assert frame.locator("#root h2").count() >= 8


def check_pomodoro_timer(frame) -> None:
    frame.locator("[data-testid=time]").wait_for()
    assert frame.inner_text("[data-testid=time]") == "25:00"
    assert "Session 1 of 4" in text_of(frame)


def check_unit_converter(frame) -> None:
    frame.locator("[data-testid=result]").wait_for()
    assert "1.609344" in frame.inner_text("[data-testid=result]")
    assert "= 170.18 cm" in frame.inner_text("[data-testid=expr-result]")


def check_logo(frame) -> None:
    frame.wait_for_selector("#root svg")
    assert "live-artifacts" in frame.inner_text("#root")
    assert frame.evaluate("document.querySelector('#root svg').getBoundingClientRect().width") > 300


def check_use_stored_state(frame) -> None:
    frame.wait_for_selector("table.code-view")
    assert frame.locator("table.code-view tr").count() > 100
    assert frame.locator("table.code-view .hljs-keyword").count() > 10  # highlighted as TypeScript
    assert "useStoredState" in text_of(frame)


CHECKS: dict[str, Callable[[Any], None]] = {
    "habit-tracker": check_habit_tracker,
    "expense-tracker": check_expense_tracker,
    "kanban-board": check_kanban_board,
    "flashcards": check_flashcards,
    "writing-helper": check_writing_helper,
    "live-dashboard": check_live_dashboard,
    "chart-studio": check_chart_studio,
    "regex-tester": check_regex_tester,
    "json-viewer": check_json_viewer,
    "architecture-diagram": check_architecture_diagram,
    "markdown-cheatsheet": check_markdown_cheatsheet,
    "pomodoro-timer": check_pomodoro_timer,
    "unit-converter": check_unit_converter,
    "logo": check_logo,
    "use-stored-state": check_use_stored_state,
}


def test_every_entry_has_a_render_check() -> None:
    assert set(CHECKS) == set(ENTRIES)


@pytest.mark.parametrize("slug", sorted(ENTRIES))
def test_entry_renders_without_errors_and_shows_its_content(live_server, watched, slug) -> None:
    _, frame = open_entry(live_server, watched, slug)
    if ENTRIES[slug].type == "application/vnd.ant.react":
        _react_root_has_content(frame)
    CHECKS[slug](frame)
    assert_healthy(watched, frame)


# --------------------------------------------------------------------------- storage, used like a person would


def test_habit_tracker_saves_a_check_in(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "habit-tracker")
    today = date.today().isoformat()
    frame.locator(f"button[data-day='{today}']").first.click()
    saved = wait_state(
        live_server, artifact, "habit-tracker-v1", lambda v: any(today in days for days in v["log"].values())
    )
    assert len(saved["habits"]) == 3
    assert frame.locator(f"button[data-day='{today}'][aria-pressed=true]").count() == 1
    assert_healthy(watched, frame)


def test_expense_tracker_saves_an_expense_and_charts_it(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "expense-tracker")
    frame.get_by_text("Load sample data").click()
    sample = wait_state(live_server, artifact, "expense-tracker-v1", lambda v: len(v["expenses"]) > 20)
    frame.wait_for_selector(".recharts-pie-sector")
    assert frame.locator(".recharts-bar-rectangle").count() > 6
    frame.fill("#amount", "12.50")
    frame.fill("#note", "Coffee beans")
    frame.get_by_role("button", name="Add", exact=True).click()
    saved = wait_state(
        live_server, artifact, "expense-tracker-v1", lambda v: len(v["expenses"]) == len(sample["expenses"]) + 1
    )
    assert saved["expenses"][-1]["amount"] == 12.5 and saved["expenses"][-1]["note"] == "Coffee beans"
    frame.get_by_text("Coffee beans").wait_for()
    assert_healthy(watched, frame)


def test_kanban_board_writes_the_shared_scope_and_picks_up_another_views_write(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "kanban-board")
    frame.fill("[aria-label='Your name']", "Ana Lima")
    frame.press("[aria-label='Your name']", "Enter")
    wait_state(live_server, artifact, "kanban-profile", lambda v: v == {"name": "Ana Lima"})

    frame.get_by_text("Add a card").first.click()
    frame.fill("[data-column=todo] textarea", "Write the release notes")
    frame.press("[data-column=todo] textarea", "Enter")
    board = wait_state(
        live_server,
        artifact,
        "kanban-board",
        lambda v: any(c["title"] == "Write the release notes" for c in v["cards"].values()),
        shared=True,
    )
    assert board["activity"][0]["who"] == "Ana Lima"
    assert live_server.state(artifact, "kanban-board") is None, "the board is not in the personal scope"

    # Someone else, in another view, moves the card to Done: this view shows it without a reload.
    card_id = next(c["id"] for c in board["cards"].values() if c["title"] == "Write the release notes")
    for column in board["columns"]:
        column["cardIds"] = [i for i in column["cardIds"] if i != card_id]
    board["columns"][-1]["cardIds"].append(card_id)
    board["rev"] += 1
    board["updatedBy"] = "Sam"
    live_server.set_state(artifact, "kanban-board", json.dumps(board), shared=True)
    frame.locator(f"[data-column=done] [data-card='{card_id}']").wait_for(timeout=10_000)
    frame.get_by_text("Sam updated the board").wait_for()
    assert_healthy(watched, frame)


def test_kanban_board_moves_a_card_by_drag_and_drop(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "kanban-board")
    card = frame.locator("[data-column=todo] [data-card]").first
    card_id = card.get_attribute("data-card")
    card.drag_to(frame.locator("[data-column=review]"))
    board = wait_state(
        live_server, artifact, "kanban-board", lambda v: card_id in v["columns"][2]["cardIds"], shared=True
    )
    assert card_id not in board["columns"][0]["cardIds"]
    assert_healthy(watched, frame)


def test_flashcards_saves_a_card_and_studies_it(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "flashcards")
    frame.fill("[aria-label='New card front']", "What does HTTP status 418 mean?")
    frame.fill("[aria-label='New card back']", "I'm a teapot.")
    frame.get_by_role("button", name="Add card").click()
    decks = wait_state(live_server, artifact, "flashcards-v1", lambda v: len(v["decks"][0]["cards"]) == 9)["decks"]
    assert decks[0]["cards"][-1]["back"] == "I'm a teapot."
    frame.get_by_role("button", name=re.compile(r"Study 9 due")).click()
    frame.get_by_role("button", name="Show answer").click()
    frame.get_by_role("button", name=re.compile("^Good")).click()
    wait_state(live_server, artifact, "flashcards-v1", lambda v: any(c["reviews"] == 1 for c in v["decks"][0]["cards"]))
    assert_healthy(watched, frame)


def test_chart_studio_redraws_from_pasted_csv_and_saves_it(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "chart-studio")
    frame.fill("[aria-label='CSV data']", "city,visitors\nLisbon,120\nPorto,80\nFaro,45\n")
    frame.get_by_role("button", name="Pie").click()
    frame.wait_for_function(
        "() => { const c = Object.values(window.Chart.instances)[0];"
        " return c && c.config.type === 'pie' && c.data.labels.join() === 'Lisbon,Porto,Faro'; }"
    )
    wait_state(
        live_server,
        artifact,
        "chart-studio-state",
        lambda v: v["csv"].startswith("city,visitors") and v["cfg"]["type"] == "pie",
    )
    assert_healthy(watched, frame)


def test_regex_tester_matches_as_you_type_and_reports_a_bad_pattern(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "regex-tester")
    frame.fill("#pattern", r"#([0-9a-f]{6})\b")
    frame.get_by_role("button", name=re.compile("ignore case")).click()
    frame.wait_for_function("document.querySelectorAll('#backdrop mark').length === 3")
    matches = frame.inner_text("#matches")
    assert "4f46e5" in matches and "FACC15" in matches and "0ea5e9" in matches
    wait_state(live_server, artifact, "regex-tester-state", lambda v: v["flags"] == "gi")
    frame.fill("#pattern", "(unclosed")
    assert "Invalid pattern" in frame.inner_text("#error")
    assert_healthy(watched, frame)


def test_json_viewer_explains_an_error_by_line_and_column(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "json-viewer")
    frame.fill("[aria-label='JSON input']", '{\n  "name": "Ada",\n  "langs": ["en", "fr",],\n  "age": 36\n}')
    error = frame.locator("[data-testid=json-error]")
    error.wait_for()
    assert "Trailing comma" in error.inner_text()
    assert "Line 3, column 24" in error.inner_text()
    wait_state(live_server, artifact, "json-viewer-input", lambda v: isinstance(v, str) and '"langs"' in v)
    frame.fill("[aria-label='JSON input']", '{"a": {"b": [1, 2, {"needle": true}]}}')
    frame.fill("[aria-label=Search]", "needle")
    frame.locator('[data-path="$.a.b[2].needle"]').wait_for()
    assert_healthy(watched, frame)


def test_pomodoro_timer_runs_and_saves_the_task(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "pomodoro-timer")
    frame.get_by_role("button", name="Start").click()
    frame.wait_for_function("document.querySelector('[data-testid=time]').textContent !== '25:00'", timeout=5_000)
    frame.fill("[aria-label='Current task']", "Write the catalog")
    wait_state(live_server, artifact, "pomodoro-v1", lambda v: v["task"] == "Write the catalog")
    frame.get_by_role("button", name="Pause").click()
    assert_healthy(watched, frame)


def test_unit_converter_converts_and_remembers(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "unit-converter")
    frame.get_by_role("button", name="Temperature").click()
    assert frame.inner_text("[data-testid=result]").startswith("37")
    frame.fill("[aria-label=Expression]", "60 mph to km/h")
    assert "96.56064 km / h" in frame.inner_text("[data-testid=expr-result]")
    wait_state(live_server, artifact, "unit-converter-state", lambda v: v["cat"] == "temperature")
    assert_healthy(watched, frame)


def test_writing_helper_keeps_the_draft(live_server, watched) -> None:
    artifact, frame = open_entry(live_server, watched, "writing-helper")
    frame.fill("textarea", "A draft worth keeping.")
    wait_state(live_server, artifact, "writing-helper-draft", lambda v: v == "A draft worth keeping.")
    assert_healthy(watched, frame)


# --------------------------------------------------------------------------- the model


def test_without_an_api_key_flashcards_shows_the_bridges_explanation(live_server, watched) -> None:
    _, frame = open_entry(live_server, watched, "flashcards")
    frame.get_by_role("button", name="New deck").first.click()
    frame.fill("#topic", "Photosynthesis")
    frame.get_by_role("button", name="Generate deck").click()
    error = frame.locator("[data-testid=generate-error]")
    error.wait_for(timeout=15_000)
    assert "ANTHROPIC_API_KEY" in error.inner_text()
    assert_healthy(watched, frame)


def test_without_an_api_key_the_writing_helper_shows_the_bridges_explanation(live_server, watched) -> None:
    _, frame = open_entry(live_server, watched, "writing-helper")
    frame.get_by_role("button", name="Shorten").click()
    error = frame.locator("[data-testid=model-error]")
    error.wait_for(timeout=15_000)
    assert "Shorten failed" in error.inner_text()
    assert "ANTHROPIC_API_KEY" in error.inner_text()
    assert "Retry" in error.inner_text()
    assert_healthy(watched, frame)


@pytest.fixture
def model_server(runtime_assets, anthropic_env, tmp_path) -> Iterator[LiveServer]:
    """A workspace of this test's own whose model is the fake Messages API."""
    server = LiveServer(tmp_path / "model-home")
    yield server
    server.stop()


def test_flashcards_generates_a_deck_with_the_model(model_server, anthropic_env, watched) -> None:
    cards = [{"front": f"Question {i}?", "back": f"Answer {i}."} for i in range(1, 6)]
    anthropic_env.responder = lambda body: "Here you go:\n```json\n" + json.dumps(cards) + "\n```"
    artifact, frame = open_entry(model_server, watched, "flashcards")
    frame.get_by_role("button", name="New deck").first.click()
    frame.fill("#topic", "the water cycle")
    frame.get_by_role("button", name="Generate deck").click()
    frame.get_by_text("Question 3?").wait_for(timeout=20_000)
    decks = wait_state(model_server, artifact, "flashcards-v1", lambda v: len(v["decks"]) == 2)["decks"]
    assert decks[0]["name"] == "The water cycle"
    assert [c["front"] for c in decks[0]["cards"]] == [c["front"] for c in cards]
    prompt = anthropic_env.requests[-1].messages[-1]["content"]
    assert "the water cycle" in json.dumps(prompt)
    assert_healthy(watched, frame)


def test_writing_helper_rewrites_through_the_messages_api(model_server, anthropic_env, watched) -> None:
    anthropic_env.responder = lambda body: "Hi team, here is a quick update on the project."
    _, frame = open_entry(model_server, watched, "writing-helper")
    frame.get_by_role("button", name="Improve").click()
    frame.locator("ins").first.wait_for(timeout=20_000)
    assert "Hi" in frame.locator("ins").first.inner_text()
    assert frame.locator("del").count() > 0
    request = anthropic_env.requests[-1]
    assert request.model  # the artifact's model, or the configured one if that is retired
    assert "expert editor" in json.dumps(request.system)
    assert_healthy(watched, frame)


# --------------------------------------------------------------------------- live data


from tests.browser.conftest import DataServer  # noqa: E402


class WeatherServer(DataServer):
    """An Open-Meteo-shaped forecast on 127.0.0.1, standing in for the real API."""

    def __init__(self) -> None:
        super().__init__()
        now = datetime.now().replace(minute=0, second=0, microsecond=0)
        hours = [(now.replace(hour=0) + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M") for i in range(48)]
        self.payload = {
            "latitude": 51.5,
            "longitude": -0.12,
            "timezone": "Europe/London",
            "current_units": {"time": "iso8601", "temperature_2m": "°C", "wind_speed_10m": "km/h"},
            "current": {"time": now.strftime("%Y-%m-%dT%H:%M"), "temperature_2m": 11.4, "wind_speed_10m": 14.2},
            "hourly_units": {"time": "iso8601", "temperature_2m": "°C", "precipitation_probability": "%"},
            "hourly": {
                "time": hours,
                "temperature_2m": [round(9 + (i % 24) / 4, 1) for i in range(48)],
                "precipitation_probability": [(i * 7) % 100 for i in range(48)],
            },
        }


@pytest.fixture
def weather() -> Iterator[WeatherServer]:
    server = WeatherServer()
    yield server
    server.stop()


def test_live_dashboard_shows_granted_data_and_when_it_was_fetched(live_server, watched, weather) -> None:
    url = weather.origin + "/v1/forecast?latitude=51.5&longitude=-0.12"

    def configure(artifact: str) -> None:
        live_server.run(lambda: live_server.store.grant(artifact, weather.origin, "allow"))
        settings = {"url": url, "title": "London weather", "refreshMinutes": "0"}
        live_server.set_state(artifact, "dashboard-settings", json.dumps(settings))

    _, frame = open_entry(live_server, watched, "live-dashboard", before_open=configure)
    frame.get_by_text("Temperature (2 m)").first.wait_for(timeout=15_000)
    body = text_of(frame)
    assert "London weather" in body and "11.4" in body and "°C" in body
    fetched = frame.inner_text("[data-testid=fetched-at]")
    assert fetched.startswith("Fetched") and "just now" in fetched
    frame.wait_for_selector(".recharts-line-curve")
    assert frame.locator(".recharts-line-curve").count() == 2
    assert frame.locator("[data-testid=fetch-error]").count() == 0
    assert_healthy(watched, frame)


def test_live_dashboard_can_switch_source_from_the_denied_message(live_server, watched, weather) -> None:
    artifact, frame = open_entry(live_server, watched, "live-dashboard")
    frame.locator("[data-testid=fetch-error]").wait_for(timeout=15_000)
    live_server.run(lambda: live_server.store.grant(artifact, weather.origin, "allow"))
    frame.get_by_role("button", name="Change source").click()
    frame.fill("#url", weather.origin + "/forecast")
    frame.get_by_role("button", name="Save and load").click()
    frame.get_by_text("Wind speed (10 m)").first.wait_for(timeout=15_000)
    saved = wait_state(live_server, artifact, "dashboard-settings", lambda v: v["url"].startswith(weather.origin))
    assert saved["url"] == weather.origin + "/forecast"
    assert frame.locator("[data-testid=fetch-error]").count() == 0
    assert_healthy(watched, frame)

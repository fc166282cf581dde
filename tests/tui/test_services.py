"""The one typed way a widget reaches the runtime: ``services(widget)``."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Static

from tui.services import NotReady, Services, services

from .host import HostApp


async def test_a_widget_finds_the_services_of_its_app() -> None:
    widget = Static("x")
    host = HostApp(widget)
    async with host.run_test():
        found = services(widget)
        assert found is host.services
        assert found.now() == host.services.clock()
        with pytest.raises(NotReady):
            found.require_store()
        with pytest.raises(NotReady):
            found.require_workspace()


async def test_an_app_without_services_is_refused() -> None:
    widget = Static("x")

    class Bare(App[None]):
        def compose(self):
            yield widget

    async with Bare().run_test():
        with pytest.raises(TypeError, match="does not provide"):
            services(widget)


def test_errors_are_kept_per_artifact() -> None:
    found = Services()
    found.runtime_errors["a"] = [{"message": "boom"}]
    assert found.errors_for("a") == [{"message": "boom"}]
    assert found.errors_for("b") == [] and found.errors_for(None) == []
    found.errors_for("a").clear()  # a copy: the kept list is untouched
    assert found.runtime_errors["a"]

"""The preview host's navigation decision (what ``acceptNavigationRequest`` answers), as a pure
function; the real window is driven in tests/gui/test_hostile_navigation.py."""

from __future__ import annotations

import pytest

from artifacts_runtime.preview.navigation import navigation_allowed, origin_of

OWN = {"http://127.0.0.1:8123"}


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8123/view/abc#token=x",
        "http://127.0.0.1:8123/frame/abc/1?ticket=t",
        "HTTP://127.0.0.1:8123/frame/abc/1",
        "about:blank",
        "about:srcdoc",
        "data:text/html,<p>x",
        "blob:http://127.0.0.1:8123/uuid",
    ],
)
def test_the_local_server_and_schemes_without_network_are_allowed(url: str) -> None:
    assert navigation_allowed(url, OWN)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8124/",  # another local port
        "http://localhost:8123/",  # the same server under another name is another origin
        "https://127.0.0.1:8123/",
        "http://secret-data.evil.example/",
        "http://sub.example.invalid/x",
        "http://127.0.0.1:8123@evil.example/",
        "file:///etc/passwd",
        "ftp://evil.example/",
        "ws://127.0.0.1:8123/ws",
        "javascript:alert(1)",
        "http://[::1]:8123/",
        "http://127.0.0.1:99999/",
        "",
        "not a url",
    ],
)
def test_everything_else_is_refused(url: str) -> None:
    assert not navigation_allowed(url, OWN)


def test_without_a_window_nothing_on_the_network_is_allowed() -> None:
    assert not navigation_allowed("http://127.0.0.1:8123/view/x", set())
    assert origin_of("http://[::1]:8123/x") == "http://[::1]:8123"
    assert origin_of("https://Example.COM/x") == "https://example.com"

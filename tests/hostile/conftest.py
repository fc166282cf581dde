"""The workspace and its running server, for the hostile modules that attack the server: the
server tests' own fixtures (tests/runtime/server/conftest.py), not a copy. A module that needs
another server (a smaller quota, a far peer's address) defines its own, which wins."""

from tests.runtime.server.conftest import server, workspace

__all__ = ["server", "workspace"]

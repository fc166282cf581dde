"""Fixtures of the server tests: a workspace and its running server, in the test's loop."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from artifacts_runtime.paths import Paths
from artifacts_runtime.server import ArtifactServer
from artifacts_runtime.workspace import Workspace

PAGE = "<!doctype html><p>hello from the server test</p>"


@pytest.fixture
async def workspace(paths: Paths) -> AsyncIterator[Workspace]:
    ws = await Workspace.open(paths)
    yield ws
    await ws.close()


@pytest.fixture
async def server(workspace: Workspace) -> ArtifactServer:
    return await workspace.start_server()

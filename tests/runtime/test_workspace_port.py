"""The local server's port: the configured one (so an ssh -L tunnel survives restarts), or a
free one, said out loud, when another process holds it."""

from __future__ import annotations

import socket

import pytest

from artifacts_runtime.config import Config
from artifacts_runtime.workspace import Workspace


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_the_configured_port_is_used(paths) -> None:
    port = free_port()
    async with await Workspace.open(paths, config=Config(server_port=port)) as workspace:
        server = await workspace.start_server()
        assert server.port == port and workspace.port_note is None


async def test_a_taken_port_falls_back_to_a_free_one_and_says_so(paths) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        async with await Workspace.open(paths, config=Config(server_port=taken)) as workspace:
            events: list[dict] = []
            workspace.events.subscribe(events.append)
            server = await workspace.start_server()
            assert server.port != taken
            assert (
                workspace.port_note
                and f"port {taken}" in workspace.port_note
                and str(server.port) in workspace.port_note
            )
            assert [e["type"] for e in events if e["type"] == "server.port_taken"] == ["server.port_taken"]


async def test_an_explicit_port_that_is_taken_is_an_error(paths) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        async with await Workspace.open(paths) as workspace:
            with pytest.raises(OSError):
                await workspace.start_server(port=holder.getsockname()[1])


def test_the_ssh_hint_names_the_login_without_USER(monkeypatch) -> None:
    import getpass

    from artifacts_runtime.remote import ssh_hint

    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")
    monkeypatch.delenv("USER", raising=False)
    monkeypatch.delenv("LOGNAME", raising=False)
    hint = ssh_hint(8765)
    assert hint is not None and f" {getpass.getuser()}@" in hint and " you@" not in hint

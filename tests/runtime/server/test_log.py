"""Refusals are logged with their reason, method, path and peer, and never with a secret."""

from __future__ import annotations

import logging

import httpx
import pytest

from artifacts_runtime.server.log import redact_path

from .conftest import PAGE

LOGGER = "artifacts_runtime.server"


async def test_a_refused_request_is_logged_without_the_token(workspace, server, caplog) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    caplog.set_level(logging.INFO, logger=LOGGER)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as client:
        # the right token where it does not count (the query of an API route), and a wrong one
        refused = await client.get(
            f"/api/artifacts/{artifact.id}?token={server.token}",
            headers={"Authorization": f"Bearer {server.token[:-2]}xx"},
        )
        assert refused.status_code == 401
    [record] = [r for r in caplog.records if r.name == LOGGER]
    assert record.levelno == logging.WARNING
    line = record.getMessage()
    assert "bad_token" in line and "GET" in line and f"/api/artifacts/{artifact.id}" in line
    assert "127.0.0.1" in line
    assert "?" not in line
    assert server.token not in caplog.text and server.token[:-2] not in caplog.text


@pytest.mark.parametrize(
    "headers, code",
    [
        ({"Host": "evil.example"}, "bad_host"),
        ({"Origin": "null"}, "bad_origin"),
    ],
)
async def test_host_and_origin_refusals_are_logged(workspace, server, caplog, headers, code) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as client:
        response = await client.get("/api/artifacts/x", headers={"Authorization": f"Bearer {server.token}", **headers})
    assert response.json()["error"]["code"] == code
    assert any(code in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records if r.name == LOGGER)
    assert server.token not in caplog.text


async def test_a_websocket_with_a_wrong_token_is_logged_without_its_query(server, caplog) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as client:
        response = await client.get(f"/ws?token={server.token}x")
    assert response.status_code == 401
    assert "refused GET /ws from 127.0.0.1: bad_token" in caplog.text
    assert server.token not in caplog.text


async def test_an_unknown_link_and_a_wrong_ticket_are_logged_at_info(workspace, server, caplog) -> None:
    artifact = await workspace.store.create(PAGE, type="html")
    share = "s3cr3t-share-token-0123456789"
    ticket = server.frame_ticket(artifact.id)
    wrong = ticket[:-1] + ("1" if ticket.endswith("0") else "0")  # (a fixed "0" was the ticket 1 time in 16)
    caplog.set_level(logging.INFO, logger=LOGGER)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as client:
        assert (await client.get(f"/s/{share}/info")).status_code == 404
        assert (await client.post(f"/s/{share}/call", json={"method": "storage.list"})).status_code == 404
        assert (await client.get(f"/frame/{artifact.id}/1?ticket={wrong}")).status_code == 403
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno == logging.INFO]
    assert sum("unknown_share" in line for line in lines) == 2
    assert any("bad_ticket" in line and f"/frame/{artifact.id}/1 " in line for line in lines)
    assert share not in caplog.text and share[:4] + "…" in caplog.text
    assert ticket[:-1] not in caplog.text


def test_a_logged_path_carries_no_share_token_and_no_control_characters() -> None:
    assert redact_path("/s/abcdefghijklmnop/call") == "/s/abcd…/call"
    assert redact_path("/s/ab") == "/s/ab"
    assert redact_path("/view/x\nINFO forged line") == "/view/x\\nINFO forged line"
    assert len(redact_path("/x" * 500)) <= 201

"""The provider seam: a provider that is not Anthropic's (here a scripted one, no SDK, no HTTP)
drives a whole chat turn, its retries and an in-artifact call, through the Workspace."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

from artifacts_runtime.chat import events as ev
from artifacts_runtime.model import MessageStream, ModelProvider, StreamEvent
from artifacts_runtime.model.retry import Failure
from artifacts_runtime.paths import Paths
from artifacts_runtime.workspace import Workspace

from .conftest import FAST_RETRY, MODEL


class Busy(Exception):
    """The scripted provider's own failure; only its ``classify`` knows what it means."""


class ScriptedStream:
    def __init__(self, events: list[StreamEvent]) -> None:
        self.events = events
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[StreamEvent]:
        for event in self.events:
            yield event

    async def close(self) -> None:
        self.closed = True


def reply(*blocks: Any, stop: str = "end_turn") -> list[StreamEvent]:
    """The SDK-shaped raw events of one reply; a block is a str (text) or a tool input dict."""
    events: list[StreamEvent] = [
        NS(type="message_start", message=NS(model=MODEL, usage=NS(input_tokens=10, output_tokens=0)))
    ]
    for i, block in enumerate(blocks):
        if isinstance(block, str):
            events.append(NS(type="content_block_start", index=i, content_block=NS(type="text", text="")))
            events.append(NS(type="content_block_delta", index=i, delta=NS(type="text_delta", text=block)))
        else:
            start = NS(type="tool_use", id=f"toolu_{i}", name="artifacts")
            events.append(NS(type="content_block_start", index=i, content_block=start))
            raw = json.dumps(block)
            for k in range(0, len(raw), 7):
                piece = NS(type="input_json_delta", partial_json=raw[k : k + 7])
                events.append(NS(type="content_block_delta", index=i, delta=piece))
        events.append(NS(type="content_block_stop", index=i))
    events.append(NS(type="message_delta", delta=NS(stop_reason=stop), usage=NS(output_tokens=5)))
    events.append(NS(type="message_stop"))
    return events


class ScriptedProvider:
    """Answers from a script; fails with :class:`Busy` when the script says so."""

    def __init__(self, script: list[list[StreamEvent] | Exception]) -> None:
        self.script = script
        self.requests: list[dict[str, Any]] = []
        self.streams: list[ScriptedStream] = []
        self.closed = False

    @property
    def base_url(self) -> str:
        return "scripted://"

    def has_key(self) -> bool:
        return True

    async def warm_up(self) -> None:
        pass

    async def connect(self) -> None:
        pass

    async def stream(self, params: Mapping[str, Any]) -> MessageStream:
        self.requests.append(dict(params))
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        stream = ScriptedStream(step)
        self.streams.append(stream)
        return stream

    async def create(self, params: Mapping[str, Any], *, request_timeout: float) -> dict[str, Any]:
        self.requests.append(dict(params))
        return {"model": params["model"], "content": [{"type": "text", "text": "scripted"}], "usage": {}}

    def classify(self, exc: BaseException) -> Failure:
        if isinstance(exc, Busy):
            return Failure("overloaded", 529, "overloaded_error", "busy", None, True)
        return Failure("other", None, None, None, None, False, repr(exc))

    async def aclose(self) -> None:
        self.closed = True


def test_the_scripted_provider_is_a_model_provider() -> None:
    provider: ModelProvider = ScriptedProvider([])  # mypy checks the Protocol here
    assert isinstance(provider, ModelProvider)


async def test_a_provider_drives_a_whole_turn_through_the_workspace(tmp_path: Path) -> None:
    create = {
        "command": "create",
        "id": "hello",
        "type": "text/html",
        "title": "Hello",
        "content": "<h1>Hello</h1>",
    }
    provider = ScriptedProvider([Busy(), reply("Making it.", create, stop="tool_use"), reply("Done.")])
    paths = Paths(data=tmp_path / "data", cache=tmp_path / "cache", logs=tmp_path / "logs", runtime=tmp_path / "run")
    async with await Workspace.open(paths, provider=provider) as workspace:
        assert workspace.model_service().provider is provider
        workspace.model_service().retry = FAST_RETRY
        engine = workspace.chat_engine()
        events = [event async for event in engine.turn("Make a page", model=MODEL)]

        kinds = [type(e) for e in events]
        assert kinds[0] is ev.TurnStarted and kinds[-1] is ev.TurnDone
        assert ev.Retrying in kinds  # the provider's own error, classified by the provider
        assert any(isinstance(e, ev.ToolInputProgress) and e.content == "<h1>Hello</h1>" for e in events)
        created = [e for e in events if isinstance(e, ev.ArtifactCreated)]
        assert len(created) == 1 and created[0].title == "Hello"
        done = events[-1]
        assert isinstance(done, ev.TurnDone) and done.stop_reason == "end_turn" and not done.incomplete
        assert "".join(e.text for e in events if isinstance(e, ev.TextDelta)) == "Making it.Done."
        version = await workspace.store.version(created[0].artifact_id)
        assert version.content == "<h1>Hello</h1>"
        assert len(provider.requests) == 3 and all(s.closed for s in provider.streams)
        assert provider.requests[-1]["messages"][-1]["role"] == "user"  # the tool result went back

        # the bridge's in-artifact calls go through the same provider
        assert await workspace.model_service().complete(created[0].artifact_id, "hi") == "scripted"
    assert provider.closed

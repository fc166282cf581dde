"""What a frame document is built from: one version of one artifact."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FrameSpec:
    artifact_id: str
    version: int
    type: str
    title: str
    source: str
    language: str | None = None
    #: React only: the code a frame already compiled this source to (then no Babel is loaded)
    compiled: str | None = None
    #: React only: lets the frame hand back what it compiled, for this version and no other
    compile_ticket: str | None = None

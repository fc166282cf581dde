"""TokenBucket: the per-artifact rate limit of calls made from inside artifacts."""

from __future__ import annotations

import pytest

from artifacts_runtime.model import TokenBucket

from .test_service import Clock


def test_token_bucket_refills_up_to_the_burst() -> None:
    clock = Clock()
    bucket = TokenBucket(60, 3, clock=clock)
    assert [bucket.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("a") == pytest.approx(1.0)
    clock.now += 100
    assert [bucket.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("a") > 0

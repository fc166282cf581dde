"""The model side of the core: providers, the service the chat and the bridge share, retries
and rate limits.

- :class:`ModelService` — one per process (the Workspace builds it): a provider plus retries,
  per-artifact rate limits and usage accounting.
- :class:`ModelProvider` — the interface a provider implements; :mod:`.anthropic` has the one
  we ship (the only module that imports ``anthropic``, lazily: importing this package does not).
- :mod:`.retry` — classifying failures, the retry policy, the sentences shown to the person.
"""

from __future__ import annotations

from .provider import MessageStream, ModelProvider, StreamEvent
from .rate_limit import TokenBucket
from .retry import Failure, RetryPolicy
from .service import ModelService

__all__ = ["Failure", "MessageStream", "ModelProvider", "ModelService", "RetryPolicy", "StreamEvent", "TokenBucket"]

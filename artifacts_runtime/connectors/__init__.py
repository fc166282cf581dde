"""Live data: an artifact's ``fetch()`` to an http(s) URL, answered through the bridge.

Nothing leaves the machine unless the user granted that origin, or a path prefix of it, to that
artifact (allow once, always, or deny; ``artifacts grant``). The most specific grant whose
prefix holds the URL's path decides (``/v1`` covers ``/v1`` and ``/v1/…``, not ``/v10``); a
path that could mean another one to the server (``%2e%2e``, ``%2f``, ``..;``) is refused where a
path grant applies. Visitors of a shared link use only grants the owner opened to visitors
(``--visitors``), for GET and HEAD, and are never asked. Then:

- Loopback, private, link-local, shared (CGNAT), multicast and cloud-metadata addresses are
  refused unless the granted origin names that address itself (``http://127.0.0.1:8080``,
  ``http://localhost:3000``, ``http://192.168.1.20``): a grant for ``https://api.example.com``
  does not let a DNS answer of 127.0.0.1 through. The connection goes to the address that was
  checked (the host name is kept for the Host header and TLS), so a second DNS answer cannot
  swap it.
- Redirects are followed by hand, at most five, and each hop must be granted too.
- Answers are limited in size and time: 10 MB *decoded* (we ask for gzip or deflate and decode
  them ourselves, in steps of 64 KB with the loop free between steps; stacked or other
  encodings are refused) and 15 s in all. Each artifact has 6 fetches in flight (32 more wait
  their turn, beyond that a fetch is refused) and the app 16 over all artifacts.
- Answers to GET are cached per artifact, per principal (the owner, each visitor) and per exact
  request (a digest of method, URL, headers and body: ``store/fetch_rules.py``), within size
  limits (``CacheLimits``): when an artifact opens again, the cached answer comes at once and a
  fresh one is fetched behind it; the page hears of it through an ``artifact-data`` event.
  Responses carry ``x-artifacts-fetched-at`` (seconds since the epoch) and
  ``x-artifacts-cache: hit|miss``.

The package, bottom up: ``answers`` (a ``FetchResult``, or a ``FetchRefused`` with its code),
``addresses`` (origins, name resolution, the internal-address checks), ``scope`` (what a grant
covers, the grant that decides about a URL), ``decode`` (an answer's body within the size limit,
gzip and deflate inflated in steps), ``network`` (turns at the network, pinned requests,
redirects, the time limit) and ``fetcher`` (``DataFetcher``: grants, asking, the cache).
"""

from __future__ import annotations

from .addresses import origin_of
from .answers import FetchRefused, FetchResult, PageResponse
from .decode import MAX_RESPONSE_BYTES
from .fetcher import Asker, CacheLimits, DataFetcher, cache_key
from .network import MAX_FETCHES, MAX_FETCHES_PER_ARTIFACT, MAX_REDIRECTS, MAX_WAITING_PER_ARTIFACT, USER_AGENT
from .scope import grant_scope, is_url_granted

# The names other code and tests use, bound here for reading. Code looks a name up in its own
# module: to change one in a test, patch the module that reads it (``decode.MAX_RESPONSE_BYTES``, ``network.TIMEOUT_SECONDS``,
# ``fetcher.FRESH_SECONDS``, ``addresses.resolve``). Those the tests patch are left out of the
# package on purpose, so a patch of the package fails instead of silently changing nothing.
__all__ = [
    "MAX_FETCHES",
    "MAX_FETCHES_PER_ARTIFACT",
    "MAX_REDIRECTS",
    "MAX_RESPONSE_BYTES",
    "MAX_WAITING_PER_ARTIFACT",
    "USER_AGENT",
    "Asker",
    "CacheLimits",
    "DataFetcher",
    "FetchRefused",
    "FetchResult",
    "PageResponse",
    "cache_key",
    "grant_scope",
    "is_url_granted",
    "origin_of",
]

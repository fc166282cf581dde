"""The hostile-input suite, to read as the threat model.

Artifacts are untrusted code written by a model; share visitors are strangers; models, pages
and files choose strings the app shows. Each module below is one class of attack, with who
attacks, what they try and what must hold in its docstring; every test runs real components
(the SQLite file, the server over sockets, the real SDK against the fake Messages API,
Chromium, a Qt window, the Textual app).

The page and its frame (artifact code)
- ``test_injection``: markup that tries to run before our bridge and policy (comment endings
  ``--!>``, ``<!-->``, BOMs, processing instructions…); browser: ``browser/test_hostile_injection``.
- ``browser/test_hostile_frame_toplevel``, ``browser/test_hostile_share``: a frame document
  opened outside its shell (sandbox and ``frame-ancestors`` in the header; share frames need a
  ticket).
- ``browser/test_hostile_navigation``, ``gui/test_hostile_navigation``: links and navigations
  that would carry data out in a URL or a host name; ``browser/test_hostile_export``: the
  exported file opened from disk (what it cannot stop is printed after every export).
- ``test_host_header``: Host headers that try to reach the frame policy.

The bridge (artifact code calling storage, the model, files)
- ``test_bridge_malformed``: lone surrogates, bad JSON, odd ids, binary frames: every call
  answered, the connection kept.
- ``test_storage_quota``: key floods, empty values under long keys, visitors filling storage.
- ``test_model_body``, ``browser/test_hostile_model_body``: Messages bodies that make the
  provider fetch (URL sources, server tools, ``mcp_servers``).
- ``test_error_redaction``, ``browser/test_hostile_error_redaction``: model errors that would
  echo the base URL, keys or tokens.
- ``test_fix_prompt_injection``: a page's error text that tries to give Claude orders.

Live data (artifact code and the servers it reaches)
- ``test_decompression``: compressed bombs, stacked encodings, endless and slow answers, too
  many fetches at once.
- ``test_live_data_cache``, ``browser/test_hostile_live_data``: one principal's cached answer
  served to another (owner and visitors).
- ``test_fetch_cache_growth``: a cache grown without bound by distinct URLs.
- ``test_grant_scope``: what a grant covers (path prefixes, encoded traversals, redirects),
  and what visitors may reach.

Share visitors
- ``test_visitor_identity``: made-up, edited and foreign visitor cookies.
- ``test_share_file_names``: what a visitor learns from a not-found file.

The person's machine and terminal
- ``test_file_modes``: other users of a shared host reading the library, logs and tokens.
- ``tui/test_hostile_markup``, ``tui/test_markup_rule``: markup in titles, labels, keys,
  errors and file names; ``tui/test_grant_dialog_hostile``: a grant question that takes the
  keys of someone typing, and question floods.

What remains open is in docs/runtime.md ("Known limits") and the README.
"""

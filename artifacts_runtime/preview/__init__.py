"""Pop-out preview windows: each artifact in its own native window (pywebview).

Two halves, in two processes:

- ``manager.PreviewManager`` runs in the app (asyncio; never imports pywebview or Qt). It
  starts the **window host** when a window is first asked for, sends it commands, turns its
  events into ``on_event`` calls, notices when it dies, and ends it on ``aclose()``.
- ``python -m artifacts_runtime.preview`` (``__main__.py``, ``host.py``) is the window host:
  one process holding every preview window of one app, spawned with
  ``asyncio.create_subprocess_exec`` (never a fork of the app), in its own session. stdin and
  stdout are pipes to the manager; stderr goes to ``<logs>/preview.log``. A hidden anchor
  window keeps its GUI loop alive between windows. When its stdin closes (the app is gone) it
  closes its windows and exits.

Windows only *show* artifacts: each loads the shell page of the app's own local server
(``/view/{id}#token=…``), the same URL a browser would, so storage, model calls and data go
through the app's one bridge. The shell reloads its frame itself when the server announces a
new version (``artifact.updated``) and updates its title on a rename; the host reports each
finished render as a ``loaded`` event and keeps the window title equal to the page's title.

Protocol (version 2): UTF-8 JSON objects, one per line; an event says what it is in "type"
(as the event hub's and the chat's events do).

Commands, app → host (stdin)::

    {"cmd": "open",   "id": ID, "url": URL, "title": TITLE}
        Open a window for artifact ID showing URL. If ID's window is open already, bring it to
        the front instead (and follow URL if it changed): answers "focused", not "opened".
    {"cmd": "focus",  "id": ID}                  bring the window to the front    → "focused"
    {"cmd": "reload", "id": ID}                  reload the page                  → "loaded"
    {"cmd": "title",  "id": ID, "title": TITLE}  set the window title
    {"cmd": "close",  "id": ID}                  close the window                 → "closed"
    {"cmd": "list"}                              which windows are open           → "windows"
    {"cmd": "screenshot", "id": ID, "path": P}   save the window as PNG (Qt only) → "screenshot"
    {"cmd": "describe"}                          what Qt says of the windows      → "described"
    {"cmd": "quit"}                              close every window ("closed" each), then exit

Events, host → app (stdout)::

    {"type": "ready",   "pid": N, "gui": "qt", "renderer": "qtwebengine", "protocol": 2,
                         "startup_ms": N}                       once, when the GUI loop runs
    {"type": "opened",  "id": ID, "title": TITLE}              a new window was created
    {"type": "focused", "id": ID}                              an open window was raised
    {"type": "loaded",  "id": ID, "version": N, "title": TITLE, "renders": N}
        the artifact finished rendering in the window: first render, reload, new version;
        ``renders`` counts them for this window
    {"type": "closed",  "id": ID, "by": "user" | "app"}        the window is gone
    {"type": "windows", "windows": [{"id", "title", "url_path", "renders"}, ...]}
    {"type": "screenshot", "id": ID, "path": P, "ok": BOOL}
    {"type": "described", "app": {"name", "display_name", "desktop_file", "platform"},
                          "screen": {"x", "y", "width", "height"},
                          "windows": [{"id", "title", "url_path", "renders", "slot",
                                       "geometry": {"x", "y", "width", "height"}, "shown_title"}]}
        as Qt reports them on its GUI thread: the application's names, the primary screen's
        usable area, each window's cascade slot (``cascade.py``), frame corner, contents size
        and shown title
        (``app``, ``screen`` and ``geometry`` are null on other toolkits)
    {"type": "error",   "id": ID | null, "message": TEXT}      a command failed

The manager adds one event of its own for ``on_event``: ``{"type": "crashed", "returncode":
N, "ids": [...], "log": PATH}`` when the host ends without having been asked to; the next
``open()`` starts a new host.

A TITLE is one line of at most 200 characters (``protocol.clean_title``: the manager cleans
the library's title before sending it, the host what it is sent and what the page reports).
Unknown or malformed commands get an ``error`` event and are otherwise ignored. The URL
carries the server's token in its fragment: the host never logs or echoes it (``url_path``).
"""

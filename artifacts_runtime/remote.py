"""Where the person is: whether this process runs in an SSH session, and the ``ssh -L`` line
that forwards the local server's port to their own machine."""

from __future__ import annotations

import getpass
import os


def over_ssh() -> bool:
    return bool(os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_CLIENT") or os.environ.get("SSH_TTY"))


def ssh_hint(port: int) -> str | None:
    """The ``ssh -L`` line to use when this runs in an SSH session, else None."""
    if not over_ssh():
        return None
    host = os.uname().nodename
    return f"ssh -N -L {port}:127.0.0.1:{port} {user_name()}@{host}"


def user_name() -> str:
    """The login name (``USER`` is not set in every SSH session; the password database is)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or os.environ.get("LOGNAME") or "you"

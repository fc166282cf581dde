"""Refresh the footer only when it would change.

``refresh_bindings`` makes the footer rebuild itself; calling it on every cursor move costs a
few milliseconds each time. Widgets whose ``check_action`` depends on their state say what that
state is (``binding_key``) and call ``update_bindings`` after changes.
"""

from __future__ import annotations

from collections.abc import Hashable


class FooterState:
    _binding_key: Hashable = None

    def binding_key(self) -> Hashable:
        return None

    def update_bindings(self) -> None:
        key = self.binding_key()
        if key != self._binding_key:
            self._binding_key = key
            self.refresh_bindings()  # type: ignore[attr-defined]

"""Bindings speak the UI language; cursors can be told not to blink (for snapshots)."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from tui.app.strings import S, t
from tui.model.i18n import Lang


def localize_bindings(node: DOMNode, lang: Lang) -> None:
    """Rewrite ``node``'s binding descriptions for ``lang`` (class BINDINGS carry stable ids)."""
    localized = BindingsMap()
    for _key, binding in node._bindings:
        if binding.id and f"b.{binding.id}" in S:
            binding = replace(binding, description=t(f"b.{binding.id}", lang))
        localized._add_binding(binding)
    node._bindings = localized


def steady_cursors(node: DOMNode) -> None:
    """Stop cursor blinking under ``node`` when the app asks for steady cursors."""
    if getattr(node.app, "blink", True):
        return
    for widget in node.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]

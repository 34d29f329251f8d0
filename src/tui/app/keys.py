"""Cursors can be told not to blink (for snapshots).

Key descriptions are not rewritten: the key bar, the help screen and the
command palette look each binding up by its id in the UI language.
"""

from __future__ import annotations

from textual.dom import DOMNode


def steady_cursors(node: DOMNode) -> None:
    """Stop cursor blinking under ``node`` when the app asks for steady cursors."""
    if getattr(node.app, "blink", True):
        return
    for widget in node.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]

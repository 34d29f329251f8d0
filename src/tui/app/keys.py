"""Cursors can be told not to blink (for snapshots).

Key descriptions are not rewritten: the key bar, the help screen and the
command palette look each binding up by its id in the UI language.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Input, TextArea


def steady_cursors(node: DOMNode) -> None:
    """Stop cursor blinking under ``node`` when the app asks for steady cursors."""
    if getattr(node.app, "blink", True):
        return
    for field in node.query(Input):
        field.cursor_blink = False
    for area in node.query(TextArea):
        area.cursor_blink = False

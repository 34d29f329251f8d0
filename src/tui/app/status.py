"""The status line: the editor's messages on a line of their own, above the key bar.

Textual's toasts float over the panes, and where a wide character of a
message meets the edge of a pane under it the compositor cuts the line and
the character is lost (“已修正：“，” → “，”” showed as “  ”, 王校对 as 王  对).
A line that no pane lies under cannot lose a character; it keeps the last
message for its timeout, coloured by severity, and grows (up to four lines)
for a long one rather than cutting it off.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text as RichText
from textual.timer import Timer
from textual.widgets import Static

_STYLES = {"information": "", "warning": "bold yellow", "error": "bold red"}


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        min-height: 1;
        max-height: 4;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)
        self.message = ""  # what the line shows now ("" once it has cleared)
        self._timer: Timer | None = None

    def show(self, message: str, severity: str = "information", timeout: float = 5.0) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.message = message.strip()  # a long message wraps (up to four lines), never cut off
        self.update(RichText(self.message, style=_STYLES.get(severity, "")))
        self._timer = self.set_timer(timeout, self.clear)

    def clear(self) -> None:
        self.message = ""
        self.update("")

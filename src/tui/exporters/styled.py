"""Terminal lines with a few styles, printed as plain text or with ANSI colours.

The command line's reports (diff, search, stats) mark a few things: deleted
and inserted text, a hit, a heading.  Rich would do it, but importing it
costs start-up time every command pays, and outside the app the code keeps
to the standard library; a handful of SGR codes is all it takes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Literal

from tui.model.linebreak import cell_width

Style = Literal["", "bold", "del", "ins", "hit", "head", "added", "removed", "changed"]
_SGR: dict[str, str] = {
    "bold": "1",
    "del": "31;9",  # red, struck through
    "ins": "32",  # green
    "hit": "1;7",  # bold, reversed
    "head": "36",  # cyan
    "added": "32",
    "removed": "31",
    "changed": "33",
}


@dataclass
class Line:
    """One line of styled pieces."""

    parts: list[tuple[str, Style]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str = "", style: Style = "") -> Line:
        return cls([(text, style)] if text else [])

    def add(self, text: str, style: Style = "") -> Line:
        if text:
            self.parts.append((text, style))
        return self

    def __add__(self, other: Line) -> Line:
        return Line(self.parts + other.parts)

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def ansi(self) -> str:
        return "".join(f"\x1b[{_SGR[s]}m{text}\x1b[0m" if s else text for text, s in self.parts)


def render(lines: Iterable[Line], color: bool) -> str:
    return "".join((line.ansi() if color else line.plain) + "\n" for line in lines)


def width(text: str) -> int:
    """Terminal cells: two for a Chinese character."""
    return sum(cell_width(ch) for ch in text)


def table(rows: list[list[str]], right: Collection[int] = (), gap: int = 2) -> list[str]:
    """Rows as aligned text, columns padded by their cell width (CJK-aware); ``right``: right-aligned columns."""
    if not rows:
        return []
    widths = [max(width(row[c]) for row in rows) for c in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = []
        for c, text in enumerate(row):
            pad = " " * (widths[c] - width(text))
            cells.append(pad + text if c in right else text + pad)
        out.append((" " * gap).join(cells).rstrip())
    return out

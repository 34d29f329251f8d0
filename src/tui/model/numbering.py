"""Issue numbering: 第N期 restarts each year, 总第M期 never does.

Editions listed in the house style's ``own_sequences`` (增刊, 专刊 by
default) each count in a sequence of their own and do not advance the
regular one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tui.model import Masthead
from tui.model.house import Style

REGULAR = "普刊"


def sequence_of(edition: str, style: Style) -> str:
    return edition if edition in style.own_sequences else REGULAR


def previous_in_sequence(
    mastheads: Iterable[Masthead], edition: str, style: Style, before: dt.date | None = None
) -> Masthead | None:
    """The latest issue of ``edition``'s sequence (dated before ``before``, if given)."""
    seq = sequence_of(edition, style)
    candidates = [
        m for m in mastheads if sequence_of(m.edition, style) == seq and (before is None or m.date < before)
    ]
    return max(candidates, key=lambda m: (m.date, m.cumulative, m.number), default=None)


def next_numbers(previous: Masthead | None, date: dt.date) -> tuple[int, int]:
    """(第N期, 总第M期) of the issue that follows ``previous`` on ``date``."""
    if previous is None:
        return 1, 1
    number = previous.number + 1 if previous.date.year == date.year else 1
    return number, previous.cumulative + 1


_FILE_PREFIX = {"增刊": "zengkan-", "专刊": "zhuankan-"}


def issue_filename(masthead: Masthead, style: Style) -> str:
    """2025-12.toml for a regular issue, 2025-zengkan-01.toml for a supplement."""
    seq = sequence_of(masthead.edition, style)
    prefix = _FILE_PREFIX.get(seq, "") if seq != REGULAR else ""
    return f"{masthead.date.year}-{prefix}{masthead.number:02d}.toml"

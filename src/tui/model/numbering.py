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


def previous_issue(archive: Iterable[Masthead], me: Masthead, style: Style) -> tuple[Masthead | None, bool]:
    """The issue ``me`` follows in its sequence, and whether ``me``'s date is what is wrong.

    The one definition of "the previous issue", for the checks and the
    masthead pane alike.  Normally the latest issue dated before ``me`` is
    also the one with the highest 总期号 below ``me``'s.  When the two differ,
    the evidence of the other fields decides: if ``me``'s 总期号 and 第N期
    follow the issue found by number (the next 总期号; 第N期 one up, or 1 in
    a new year) while its date is not after that issue's, the date is wrong
    (a January issue still dated last year).  Otherwise the date is trusted
    and the numbers are compared with the issue before it.
    """
    seq = sequence_of(me.edition, style)
    same = [m for m in archive if sequence_of(m.edition, style) == seq]
    by_number = max((m for m in same if m.cumulative < me.cumulative), key=_order_by_number, default=None)
    by_date = max((m for m in same if m.date < me.date), key=_order_by_date, default=None)
    if by_number is None or by_number == by_date:
        return by_date, False
    follows = me.cumulative == by_number.cumulative + 1 and me.number in (by_number.number + 1, 1)
    if by_date is None or (follows and me.date <= by_number.date):
        return by_number, me.date <= by_number.date
    return by_date, False


def _order_by_number(m: Masthead) -> tuple[int, dt.date]:
    return (m.cumulative, m.date)


def _order_by_date(m: Masthead) -> tuple[dt.date, int]:
    return (m.date, m.cumulative)


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

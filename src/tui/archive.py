"""The archive: the folder of issue files, and making the next issue in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tui.errors import LoadError, UsageError
from tui.house import House
from tui.i18n import Text
from tui.model import EDITIONS, Column, EndBlock, Issue, Masthead
from tui.numbering import next_numbers, previous_in_sequence
from tui.storage import load_issue, save_issue


@dataclass
class Archived:
    path: Path
    issue: Issue


def scan(archive: Path, *, exclude: Path | None = None) -> list[Archived]:
    """Every issue in the archive folder; an unreadable one stops the scan with its error.

    Numbering from a partial archive would be silently wrong, so a broken
    file is reported rather than skipped.
    """
    if not archive.is_dir():
        return []
    found = []
    for path in sorted(archive.glob("*.toml")):
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        found.append(Archived(path, load_issue(path)))
    return found


def scan_lenient(archive: Path, *, exclude: Path | None = None) -> tuple[list[Archived], list[LoadError]]:
    """Like :func:`scan`, but collects unreadable files instead of stopping at the first."""
    found: list[Archived] = []
    errors: list[LoadError] = []
    if not archive.is_dir():
        return found, errors
    for path in sorted(archive.glob("*.toml")):
        if exclude is not None and path.resolve() == exclude.resolve():
            continue
        try:
            found.append(Archived(path, load_issue(path)))
        except LoadError as exc:
            errors.append(exc)
    return found, errors


def make_next_issue(archived: list[Archived], house: House, date: dt.date, edition: str = "普刊") -> Issue:
    """The issue that follows the archive: numbers, columns, end block."""
    if edition not in EDITIONS:
        raise UsageError(
            Text(
                f"刊别“{edition}”无效，应为：{'、'.join(EDITIONS)}",
                f"invalid edition {edition!r}; expected one of: {', '.join(EDITIONS)}",
            )
        )
    mastheads = [a.issue.masthead for a in archived]
    previous = previous_in_sequence(mastheads, edition, house.style)
    if previous is not None and date <= previous.date:
        raise UsageError(
            Text(
                f"日期 {date} 不晚于上一期（{previous.date}）",
                f"the date {date} is not after the previous issue's ({previous.date})",
            )
        )
    number, cumulative = next_numbers(previous, date)
    latest = max(archived, key=lambda a: (a.issue.masthead.date, a.issue.masthead.cumulative), default=None)
    endblock = EndBlock()
    if latest is not None:
        e = latest.issue.endblock
        endblock = EndBlock(list(e.distribution), e.editor, e.phone)
    return Issue(
        masthead=Masthead(
            name=house.name,
            edition=edition,
            number=number,
            cumulative=cumulative,
            unit=house.unit,
            date=date,
        ),
        columns=[Column(c.name, c.kind) for c in house.columns if c.default],
        endblock=endblock,
    )


def write_new_issue(archive: Path, issue: Issue, filename: str) -> Path:
    """Save into the archive, refusing to replace an existing issue."""
    archive.mkdir(parents=True, exist_ok=True)
    path = archive / filename
    save_issue(issue, path, overwrite=False)
    return path

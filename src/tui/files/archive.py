"""The archive: the folder of issue files, and making the next issue in it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tui.files.archive_index import Summary, summaries
from tui.files.storage import load_issue, save_issue
from tui.model import EDITIONS, Column, EndBlock, Issue, Masthead
from tui.model.errors import LoadError, UsageError
from tui.model.house import HOUSE_FILE, House
from tui.model.i18n import Text
from tui.model.numbering import next_numbers, previous_in_sequence
from tui.model.past import PastIssue


class Archived:
    """An issue of the archive as the checks and ``new`` see it: masthead, titles, end block.

    Held as folder and name: the path is made only when asked for (a
    thousand ``Path`` objects at every start cost more than the index read).
    """

    __slots__ = ("_summary", "folder", "name")

    def __init__(self, folder: Path, name: str, summary: Summary) -> None:
        self.folder = folder
        self.name = name
        self._summary = summary

    @property
    def masthead(self) -> Masthead:
        return self._summary.masthead

    @property
    def past(self) -> PastIssue:
        return self._summary.past

    @property
    def path(self) -> Path:
        return self.folder / self.name


def archive_folder(path: Path, *, create: bool = False) -> Path:
    """The archive folder, which must exist (a typo would otherwise start a new archive at 第1期)."""
    if path.exists() and not path.is_dir():
        raise UsageError(
            Text(
                "档案应是一个文件夹，这里是一个文件",
                "the archive must be a folder; this is a file",
            ),
            file=path,
        )
    if not path.exists():
        if not create:
            raise UsageError(
                Text(
                    "档案文件夹不存在（路径是否写错？如确需新建，请加 --create）",
                    "the archive folder does not exist (a typo? add --create to make a new archive)",
                ),
                file=path,
            )
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(
                Text(
                    f"无法新建档案文件夹：{exc.strerror}", f"cannot create the archive folder: {exc.strerror}"
                ),
                file=path,
            ) from None
    return path


def scan_lenient(
    archive: Path, *, exclude: Path | None = None, titles: bool = True
) -> tuple[list[Archived], list[LoadError]]:
    """Every readable issue in the archive folder, and the errors of those that cannot be read.

    ``titles=False``: mastheads and end blocks only (what ``new`` needs), faster to read.

    One broken file must not stop work on its good neighbours: callers
    report the errors (a warning naming each file) and go on.
    """
    if not archive.is_dir():
        return [], []
    # Names sorted as strings: sorting Path objects is slow.  A directory entry says whether it
    # is a file without a stat (d_type): the index stats each file once, not twice.
    with os.scandir(archive) as entries:
        names = sorted(e.name for e in entries if e.name.endswith(".toml") and e.is_file())
    misplaced = []
    if HOUSE_FILE in names:  # the house configuration put inside the archive: not an issue, and not read
        names.remove(HOUSE_FILE)
        beside = archive.resolve().parent
        misplaced.append(
            LoadError(
                Text(
                    f"这是本刊配置文件，应放在档案文件夹的上一级（{beside}）；放在档案中不会生效",
                    f"this is the house configuration: it belongs beside the archive folder (in {beside}); inside it, it is not read",
                ),
                file=archive / HOUSE_FILE,
            )
        )
    found, errors = summaries(archive, names, titles=titles)
    errors = misplaced + errors
    archived = [Archived(archive, name, summary) for name, summary in found.items()]
    if exclude is not None:
        # The excluded file stays in the index (the next check of another file needs it);
        # one resolve for it, not one per archived file (1,000 of them cost 60 ms).
        skip = exclude.resolve()
        if skip.parent == archive.resolve():
            archived = [a for a in archived if a.name != skip.name]
            errors = [e for e in errors if Path(str(e.file)).name != skip.name]
    return archived, errors


def make_next_issue(archived: list[Archived], house: House, date: dt.date, edition: str = "普刊") -> Issue:
    """The issue that follows the archive: numbers, columns, end block."""
    if edition not in EDITIONS:
        raise UsageError(
            Text(
                f"刊别“{edition}”无效，应为：{'、'.join(EDITIONS)}",
                f"invalid edition {edition!r}; expected one of: {', '.join(EDITIONS)}",
            )
        )
    mastheads = [a.masthead for a in archived]
    previous = previous_in_sequence(mastheads, edition, house.style)
    if previous is not None and date <= previous.date:
        raise UsageError(
            Text(
                f"日期 {date} 不晚于上一期（{previous.date}）",
                f"the date {date} is not after the previous issue's ({previous.date})",
            )
        )
    number, cumulative = next_numbers(previous, date)
    latest = max(archived, key=lambda a: (a.masthead.date, a.masthead.cumulative), default=None)
    endblock = EndBlock()
    if latest is not None:
        e = latest.past.endblock
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


def earlier_in_quarter(archive: Path, issue: Issue, path: Path) -> list[Issue]:
    """The archive's issues of ``issue``'s quarter dated before it (``path`` itself left out), read whole.

    A quarter of a fortnightly bulletin is six or seven files; one that cannot
    be read is left out (the numbering checks already report it).
    """
    from tui.model.coverage import same_quarter

    date = issue.masthead.date
    found, _ = scan_lenient(archive, exclude=path, titles=False)
    out = []
    for a in found:
        m = a.masthead
        if same_quarter(m.date, date) and m.date < date:
            try:
                out.append(load_issue(a.path))
            except LoadError:
                continue
    return out

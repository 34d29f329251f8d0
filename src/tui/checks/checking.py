"""Checking an issue file: load it, find its archive and house, run the rules, apply waivers, fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tui.checks.waivers import apply_waivers
from tui.files.archive import Archived, scan_lenient
from tui.files.config import house_path_for, load_house
from tui.files.storage import load_issue, load_issue_stamped, locate, read_text
from tui.files.writing import FileStamp
from tui.model import Issue, Masthead
from tui.model.errors import LoadError
from tui.model.findings import Finding, Location, Severity
from tui.model.house import House
from tui.model.i18n import Text
from tui.model.past import PastIssue

if TYPE_CHECKING:  # loaded by --fix only
    from tui.checks.fixes import Change

MAX_FIX_PASSES = 10


@dataclass
class FileCheck:
    """One issue file with what its check needs (house, archive) and what the check found and fixed."""

    path: Path
    issue: Issue
    house: House
    archive: tuple[Masthead, ...]
    archive_problems: list[Finding] = field(default_factory=list)
    past: tuple[PastIssue, ...] = ()
    findings: list[Finding] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    stamp: FileStamp | None = None  # the file as read: --fix writes only if it is still that

    def run(self) -> list[Finding]:
        from tui.checks.rules import check_issue  # the rules load when a check runs, not when a file opens

        self.findings = self.archive_problems + apply_waivers(
            check_issue(self.issue, self.house, self.archive, self.past), self.issue.waivers
        )
        return self.findings

    def fix(self) -> list[Change]:
        """Apply safe fixes until none is left (a fix can uncover or unblock another)."""
        from tui.checks.fixes import apply_fixes

        for _ in range(MAX_FIX_PASSES):
            changes = apply_fixes(self.issue, self.run())
            if not changes:
                break
            self.changes += changes
        self.run()
        return self.changes

    @property
    def failed(self) -> bool:
        return any(f.active and f.severity is Severity.ERROR for f in self.findings)

    def failed_strict(self) -> bool:
        return any(f.active and f.severity in (Severity.ERROR, Severity.WARNING) for f in self.findings)


def _refuse_unknown_switches(house: House, folder: Path) -> None:
    """A rule name mistyped in ``[checks] off`` would switch nothing off, silently: refuse it."""
    if not house.checks_off:
        return  # nothing switched off: the rules need not be loaded to know their names
    from tui.checks.rules import unknown_switches

    unknown = unknown_switches(house)
    if not unknown:
        return
    path = house_path_for(folder)
    line = locate(read_text(path), "checks.off") if path.is_file() else None
    raise LoadError(
        Text(
            f"没有名为“{unknown[0]}”的检查规则或规则族（见 docs/checks.md）",
            f"no check rule or family is called {unknown[0]!r} (see docs/checks.md)",
        ),
        file=path,
        line=line,
        field="checks.off",
    )


class _Folder(NamedTuple):
    """An archive folder as read once for every file checked against it."""

    house: House
    archived: list[Archived]
    problems: list[Finding]

    @classmethod
    def read(cls, folder: Path) -> _Folder:
        house = load_house(folder)
        _refuse_unknown_switches(house, folder)
        archived, errors = scan_lenient(folder)
        return cls(house, archived, _unreadable(errors))

    def without(self, path: Path) -> tuple[PastIssue, ...]:
        """The archive as ``path`` sees it: every issue but itself."""
        me = path.resolve()
        return tuple(a.past for a in self.archived if a.name != me.name or a.path.resolve() != me)


def open_checks(paths: list[Path], archive: Path | None = None, *, stamped: bool = True) -> list[FileCheck]:
    """Load each file with its archive and house; each archive folder is read once for all of them.

    ``stamped``: note what each file was when read, for a later safe write
    (a check that only reports need not).
    """
    folders: dict[Path, _Folder] = {}
    out = []
    for path in paths:
        issue, read = load_issue_stamped(path) if stamped else (load_issue(path), None)
        folder = archive if archive is not None else path.parent
        key = folder.resolve()
        if key not in folders:
            folders[key] = _Folder.read(folder)
        seen = folders[key]
        past = seen.without(path)
        masts = tuple(p.masthead for p in past)
        out.append(FileCheck(path, issue, seen.house, masts, list(seen.problems), past=past, stamp=read))
    return out


def open_check(path: Path, archive: Path | None = None) -> FileCheck:
    """Load ``path`` with its archive (``archive`` or the file's folder) and house configuration."""
    return open_checks([path], archive)[0]


def _unreadable(errors: list[LoadError]) -> list[Finding]:
    return [
        Finding(
            "numbering.archive-unreadable",
            Severity.WARNING,
            Location(field="masthead.number"),
            Text(
                f"档案文件无法读取，期号核对可能不完整：{e.render('zh')}",
                f"an archive file cannot be read, numbering checks may be incomplete: {e.render('en')}",
            ),
        )
        for e in errors
    ]

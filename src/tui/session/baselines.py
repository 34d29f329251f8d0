"""What the open issue is compared with in the changes view: the last save, the sign-off, a file.

"What changed since I read it?" has three usual answers: since the file was
last saved (or opened), since the last sign-off, and against another copy
(the version sent for approval, a colleague's).  The comparison itself is
``tui.model.changes.compare``; this keeps the versions to compare with.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.files.signed import signed_version
from tui.files.storage import load_issue
from tui.model.i18n import Text
from tui.model.issue import Issue, Signoff
from tui.model.snapshot import Plain, from_plain, to_plain
from tui.session.errors import Refused

if TYPE_CHECKING:  # the comparison (difflib) is loaded when the view first asks, not at every start
    from tui.model.changes import IssueChanges


def compare(old: Issue, new: Issue) -> IssueChanges:
    from tui.model.changes import compare as compare_issues

    return compare_issues(old, new)


@dataclass
class Compared:
    """A comparison as the view shows it: what with, and the changes."""

    basis: Text  # 上次保存 / 签发（审签 张三 2026-11-27 09:30） / the file's name
    changes: IssueChanges


@dataclass
class Baselines:
    saved: Plain  # the content as last read from or written to the file (``tui.model.snapshot``)

    def remember_saved(self, issue: Issue) -> None:
        self.saved = to_plain(issue)

    def since_save(self, issue: Issue) -> Compared:
        return Compared(Text("上次保存", "the last save"), compare(from_plain(self.saved), issue))

    def since_signoff(self, issue: Issue) -> Compared:
        signed = [s for s in issue.signoffs if s.digest]
        if not signed:
            raise Refused(Text("本期还没有签发", "this issue has not been signed off"))
        last: Signoff = signed[-1]
        then = signed_version(last.digest)
        if then is None:
            raise Refused(
                Text(
                    "签发时的版本没有保存在这台电脑上（在别处签发，或签发于较早的 jianbao），无法对照",
                    "the signed version was not kept on this computer (signed elsewhere, or by an older jianbao)",
                )
            )
        when = last.at.strftime("%Y-%m-%d %H:%M")
        return Compared(
            Text(f"签发（{last.name}，{when}）", f"the sign-off ({last.name}, {when})"), compare(then, issue)
        )

    def against(self, path: Path, issue: Issue) -> Compared:
        """Raises LoadError (naming the file, line and field) when ``path`` is not a readable issue."""
        return Compared(Text(str(path), str(path)), compare(load_issue(path), issue))

"""An editing session: one issue file open in the editor, independent of the UI.

It owns what the panes share: the issue, the findings (re-checked per
article), the undo stack for structural edits and fixes, and saving with
conflict detection.  The Textual app only calls into it.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from tui.checks.fixes import Change, apply_fixes
from tui.checks.recheck import ArticleMemo
from tui.checks.rules import check_article, check_cross
from tui.checks.waivers import apply_waivers, waiver_for
from tui.files import codec, recovery
from tui.files.archive import scan_lenient
from tui.files.config import load_house
from tui.files.storage import FileStamp, atomic_write, load_issue_stamped, loads_issue, save_issue, stamp
from tui.model import Article, Column, Comment, Issue, Masthead, Signoff
from tui.model.errors import ChangedOnDisk, JianbaoError
from tui.model.findings import Finding, Severity, sort_findings
from tui.model.house import House
from tui.model.i18n import Text
from tui.model.numbering import next_numbers, previous_in_sequence

UNDO_DEPTH = 50


class Conflict(JianbaoError):
    """The file changed on disk since it was loaded or saved."""


class Refused(JianbaoError):
    """An action the session will not do, with the reason."""


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


@dataclass
class Step:
    """A whole-issue state to go back (undo) or forward (redo) to.

    ``version`` is the session's version on which the step applies cleanly;
    if the issue changed since (text typed after a structural edit), going to
    the step would drop that text too, and the editor asks first.  ``base``
    is the version whose content ``issue`` holds.
    """

    label: Text
    issue: Issue
    base: int
    version: int = -1


@dataclass
class Session:
    path: Path
    issue: Issue
    house: House
    archive: tuple[Masthead, ...] = ()
    review: bool = False
    read_only: bool = False
    version: int = 0
    saved_version: int = 0
    disk_stamp: FileStamp | None = None  # the file as last read or written by this session
    article_findings: list[list[Finding]] = field(default_factory=list)
    cross_findings: list[Finding] = field(default_factory=list)
    undo_stack: list[Step] = field(default_factory=list)
    redo_stack: list[Step] = field(default_factory=list)
    checked: bool = False  # until the first full check has run (the editor runs it after its first paint)
    memo: ArticleMemo = field(default_factory=ArticleMemo, repr=False, compare=False)
    recovery: recovery.Recovery = field(init=False, repr=False, compare=False)
    autosave_error: JianbaoError | None = None  # why the last autosave failed, until one succeeds
    rejected: dict[str, tuple[str, str]] = field(default_factory=dict)  # field → (label, typed text)

    def __post_init__(self) -> None:
        self.recovery = recovery.Recovery.for_session(self.path)

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path, *, archive: Path | None = None, review: bool = False) -> Session:
        issue, read = load_issue_stamped(path)
        folder = archive if archive is not None else path.parent
        archived, _ = scan_lenient(folder, exclude=path)
        session = cls(
            path=path,
            issue=issue,
            house=load_house(folder),
            archive=tuple(a.issue.masthead for a in archived),
            review=review,
            disk_stamp=read,
        )
        return session

    def restore_from(self, found: recovery.Found) -> None:
        """Replace the buffer with a recovery file's issue; it stays unsaved, and the file is now ours."""
        self.issue = loads_issue(found.text(), found.path)
        self.recovery.adopt(found)
        self.touch()
        self.revalidate()

    # ------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        return self.version != self.saved_version

    def touch(self) -> None:
        self.version += 1

    def check_all(self) -> tuple[list[list[Finding]], list[Finding]]:
        """Every article's findings and the cross-article ones; reads the issue only (safe in a worker)."""
        issue = self.issue
        found = [check_article(issue, i, self.house, self.archive) for i in range(len(issue.articles))]
        return found, check_cross(issue, self.house, self.archive)

    def set_findings(self, article_findings: list[list[Finding]], cross_findings: list[Finding]) -> None:
        self.article_findings, self.cross_findings = article_findings, cross_findings
        self.checked = True

    def revalidate(self, index: int | None = None) -> None:
        """Re-check one article (plus the cross-article rules), or everything (what changed of it)."""
        if index is None or not self.checked or len(self.article_findings) != len(self.issue.articles):
            found = self.memo.check(self.issue, self.house, self.archive)
            self.set_findings(found, check_cross(self.issue, self.house, self.archive))
            return
        self.article_findings[index] = check_article(self.issue, index, self.house, self.archive)
        self.cross_findings = check_cross(self.issue, self.house, self.archive)

    def findings(self) -> list[Finding]:
        """All findings in reading order, waivers applied."""
        found = list(self.cross_findings)
        for group in self.article_findings:
            found += group
        return apply_waivers(sort_findings(found), self.issue.waivers)

    def active_errors(self) -> list[Finding]:
        if not self.checked:  # never decide on a partial check
            self.revalidate()
        return [f for f in self.findings() if f.active and f.severity is Severity.ERROR]

    def expected_numbers(self) -> tuple[int, int] | None:
        """(第N期, 总第M期) the archive expects for this issue's date and edition."""
        m = self.issue.masthead
        prev = previous_in_sequence(self.archive, m.edition, self.house.style, before=m.date)
        return next_numbers(prev, m.date) if prev is not None else None

    # ------------------------------------------------------------ undo

    def checkpoint(self, label: Text) -> None:
        """Record the issue before a structural edit or fix; a new edit ends what could be redone."""
        self.undo_stack.append(Step(label, copy.deepcopy(self.issue), base=self.version))
        del self.undo_stack[:-UNDO_DEPTH]
        self.redo_stack.clear()

    def _recorded(self) -> None:
        """The structural edit is done: the step remembers the version it left behind."""
        if self.undo_stack:
            self.undo_stack[-1].version = self.version

    def undo_would_drop(self) -> Issue | None:
        """The issue undo would return to, if it would also drop changes made since (else None)."""
        return self._would_drop(self.undo_stack)

    def redo_would_drop(self) -> Issue | None:
        return self._would_drop(self.redo_stack)

    def _would_drop(self, stack: list[Step]) -> Issue | None:
        if not stack or stack[-1].version == self.version:
            return None
        return stack[-1].issue

    def undo(self) -> Text | None:
        """Go back one structural step; the state left is kept for redo, typed text included."""
        return self._step(self.undo_stack, self.redo_stack)

    def redo(self) -> Text | None:
        return self._step(self.redo_stack, self.undo_stack)

    def _step(self, source: list[Step], target: list[Step]) -> Text | None:
        if not source:
            return None
        step = source.pop()
        target.append(Step(step.label, self.issue, base=self.version))
        self.issue = step.issue
        self.touch()
        target[-1].version = self.version
        if source and source[-1].version == step.base:  # the content is back to where that step applies
            source[-1].version = self.version
        self.revalidate()
        return step.label

    # ------------------------------------------------------------ structure

    def _structural(self, label: Text) -> None:
        if self.review or self.read_only:
            raise Refused(Text("只读模式下不能修改稿件", "the text is read-only here"))
        self.checkpoint(label)

    def _after_structure(self) -> None:
        self.touch()
        self._recorded()
        self.revalidate()

    def add_article(self, column: str, *, brief: bool = False, title: str = "") -> int:
        return self.insert_article(Article(column=column, title="" if brief else title, paragraphs=[]))

    def insert_article(self, article: Article) -> int:
        """Put an article (new, or imported from Word) at the end of its column."""
        self._structural(Text("新建稿件", "new article"))
        at = self.issue.end_of_column(article.column)
        self.issue.articles.insert(at, article)
        self._after_structure()
        return at

    def delete_article(self, index: int) -> Article:
        self._structural(Text("删除稿件", "delete article"))
        article = self.issue.articles.pop(index)
        self._after_structure()
        return article

    def move_article(self, index: int, delta: int) -> int:
        """Move within its column; returns the new index (unchanged at the column's edge)."""
        articles = self.issue.articles
        column = articles[index].column
        same = [i for i, a in enumerate(articles) if a.column == column]
        pos = same.index(index) + delta
        if not 0 <= pos < len(same):
            return index
        self._structural(Text("移动稿件", "move article"))
        other = same[pos]
        articles[index], articles[other] = articles[other], articles[index]
        self._after_structure()
        return other

    def move_to_column(self, index: int, column: str) -> int:
        if self.issue.column(column) is None:
            raise Refused(Text(f"本期没有栏目“{column}”", f"this issue has no column “{column}”"))
        self._structural(Text("移到其他栏目", "move to column"))
        article = self.issue.articles.pop(index)
        article.column = column  # a title stays: the check reports a titled brief rather than lose it
        self.issue.articles.insert(self._end_of_column(column), article)
        self._after_structure()
        return self.issue.articles.index(article)

    def _end_of_column(self, column: str) -> int:
        in_column = [i for i, a in enumerate(self.issue.articles) if a.column == column]
        if in_column:
            return in_column[-1] + 1
        order = [c.name for c in self.issue.columns]
        later = set(order[order.index(column) + 1 :])
        return next(
            (i for i, a in enumerate(self.issue.articles) if a.column in later), len(self.issue.articles)
        )

    def add_column(self, name: str) -> None:
        cat = self.house.catalogue_column(name)
        if cat is None:
            raise Refused(Text(f"“{name}”不在本刊栏目目录中", f"“{name}” is not in the house catalogue"))
        if self.issue.column(name) is not None:
            raise Refused(Text(f"本期已有栏目“{name}”", f"this issue already has “{name}”"))
        self._structural(Text("添加栏目", "add column"))
        order = [c.name for c in self.house.columns]
        rank = order.index(name)
        at = next(
            (i for i, c in enumerate(self.issue.columns) if c.name in order and order.index(c.name) > rank),
            len(self.issue.columns),
        )
        self.issue.columns.insert(at, Column(cat.name, cat.kind))
        self._after_structure()

    def rename_column(self, old: str, new: str) -> None:
        cat = self.house.catalogue_column(new)
        if cat is None:
            raise Refused(Text(f"“{new}”不在本刊栏目目录中", f"“{new}” is not in the house catalogue"))
        if self.issue.column(new) is not None:
            raise Refused(Text(f"本期已有栏目“{new}”", f"this issue already has “{new}”"))
        column = self.issue.column(old)
        if column is None:
            raise Refused(Text(f"本期没有栏目“{old}”", f"this issue has no column “{old}”"))
        self._structural(Text("重命名栏目", "rename column"))
        column.name, column.kind = cat.name, cat.kind
        for article in self.issue.articles:
            if article.column == old:
                article.column = new
        self._after_structure()

    def remove_column(self, name: str) -> None:
        if self.issue.articles_in(name):
            raise Refused(
                Text(
                    f"栏目“{name}”中还有稿件，请先移走或删除",
                    f"“{name}” still holds articles; move or delete them first",
                )
            )
        self._structural(Text("删除栏目", "remove column"))
        self.issue.columns = [c for c in self.issue.columns if c.name != name]
        self._after_structure()

    # ------------------------------------------------------------ proofreading

    def apply_fix(self, finding: Finding, *, allowed: bool = True) -> list[Change]:
        if not allowed:
            raise Refused(Text("校对模式下未允许自动修正", "fixes are not allowed in this review"))
        if finding.fix is None:
            raise Refused(Text("这个问题没有可自动应用的修正", "this finding offers no fix"))
        self.checkpoint(Text("应用修正", "apply fix"))
        changes = apply_fixes(self.issue, [finding])
        if not changes:
            self.undo_stack.pop()
            raise Refused(Text("文字已改动，修正不再适用", "the text has changed; the fix no longer applies"))
        self.touch()
        self._recorded()
        self.revalidate(finding.location.article)
        return changes

    def waive(self, finding: Finding, reason: str, by: str) -> None:
        if not reason.strip() or not by.strip():
            raise Refused(Text("豁免须写明理由和姓名", "a waiver needs a reason and a name"))
        self.issue.waivers.append(waiver_for(finding, reason.strip(), by.strip(), now()))
        self.touch()

    def sign_off(self, role: str, name: str) -> None:
        errors = self.active_errors()
        if errors:
            raise Refused(
                Text(
                    f"还有 {len(errors)} 个未豁免的错误，不能签发",
                    f"{len(errors)} unwaived errors remain; sign-off refused",
                )
            )
        if not name.strip():
            raise Refused(Text("签发须写明姓名", "a sign-off needs a name"))
        self.issue.signoffs.append(Signoff(role, name.strip(), now()))  # type: ignore[arg-type]
        self.touch()

    def add_comment(self, index: int, author: str, text: str) -> None:
        if not text.strip():
            raise Refused(Text("批注不能为空", "a comment cannot be empty"))
        self.issue.articles[index].comments.append(Comment(author.strip() or "?", text.strip(), now()))
        self.touch()

    # ------------------------------------------------------------ files

    def reject_field(self, field_path: str, label: str, text: str | None) -> None:
        """A form field holds text the model cannot take (None: it is valid again).

        Saving is refused while any is left: the file would keep the old
        value while the screen shows the typed one.
        """
        if text is None:
            self.rejected.pop(field_path, None)
        else:
            self.rejected[field_path] = (label, text)
            self.touch()  # typed text not yet in the file: quitting asks

    def changed_on_disk(self) -> bool:
        now_on_disk = stamp(self.path)
        return now_on_disk is None or self.disk_stamp is None or now_on_disk.digest != self.disk_stamp.digest

    def gone_from_disk(self) -> bool:
        return not self.path.exists()

    def save(self, path: Path | None = None, *, force: bool = False) -> Path:
        """Save atomically; refuses (Conflict) if the file changed on disk, unless forced.

        The check is made again by the write itself, right before the new file
        replaces the old, so a save by someone else a moment earlier is not lost.
        """
        target = path or self.path
        same = target == self.path
        if self.rejected:
            label, text = next(iter(self.rejected.values()))
            raise Refused(
                Text(
                    f"{label}“{text}”无效，未保存；请先改正",
                    f"{label} “{text}” is not valid; nothing saved. Correct it first",
                )
            )
        if same and not force and self.changed_on_disk():
            raise Conflict(self._conflict_text(), file=self.path)
        try:
            written = save_issue(self.issue, target, expect=self.disk_stamp if same and not force else None)
        except ChangedOnDisk:
            raise Conflict(self._conflict_text(), file=self.path) from None
        if not same:
            self.recovery.discard()
            self.path = target
            self.recovery = recovery.Recovery.for_session(target)
        self.disk_stamp = written
        self.saved_version = self.version
        self.recovery.discard()
        return target

    def _conflict_text(self) -> Text:
        if self.gone_from_disk():
            return Text("文件已被删除或移走", "the file was deleted or moved away")
        return Text("文件在打开后被其他程序修改过", "the file was changed on disk since it was opened")

    def reload(self) -> None:
        if self.gone_from_disk():
            raise Refused(
                Text(
                    "文件已不存在，无法重新载入；请用“另存为”保存",
                    "the file is gone and cannot be reloaded; use Save As",
                )
            )
        self.issue, self.disk_stamp = load_issue_stamped(self.path)
        self.version += 1
        self.saved_version = self.version
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.revalidate()

    def autosave(self) -> Path | None:
        """Write the unsaved buffer to this session's recovery file; nothing if nothing is unsaved.

        Raises SaveError when the file cannot be written (the reason is kept
        in ``autosave_error`` until an autosave succeeds again).
        """
        if not self.dirty:
            return None
        try:
            written = self.recovery.write(codec.dumps(self.issue))
        except JianbaoError as exc:
            self.autosave_error = exc
            raise
        self.autosave_error = None
        return written

    def discard_changes(self) -> None:
        """The user chose to quit without saving: this session's recovery file goes too."""
        self.recovery.discard()

    def close(self) -> None:
        """A clean close: this session's recovery file is no longer needed if everything is saved.

        Another session's recovery file is never touched here.
        """
        if not self.dirty:
            self.recovery.discard()


def add_to_catalogue(house_file: Path, name: str, kind: str) -> None:
    """Append a column to bulletin.toml's catalogue, keeping the file's comments."""
    data = house_file.read_bytes()
    read = FileStamp.of_bytes(house_file, data)
    text = data.decode("utf-8")
    entry = "[[columns]]\n" + tomli_w.dumps({"name": name, "kind": kind, "default": False}) + "\n"
    marker = text.find("\n[units]")
    text = text + "\n" + entry if marker < 0 else text[: marker + 1] + entry + text[marker + 1 :]
    atomic_write(house_file, text.encode("utf-8"), expect=read)

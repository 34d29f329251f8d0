"""An editing session: one issue file open in the editor, independent of the UI.

The one owner of an open issue.  Every change goes through it — typed text
(:meth:`Session.set_field`), structural edits, fixes, waivers, undo and
redo — so it knows what is unsaved, what needs re-checking (its
:class:`Checker`), what undo would take back (its :class:`History`), and
saves with conflict detection.  The Textual app reads from it and asks it;
no widget writes the model.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.checks.catalogue import rule_name
from tui.checks.checking import open_check
from tui.checks.filtering import FindingFilter, FindingKey, baseline, new_mask
from tui.checks.fixes import Change, apply_fixes
from tui.checks.notes import note_of
from tui.checks.waivers import waiver_for
from tui.files import codec
from tui.files.archive import earlier_in_quarter
from tui.files.config import add_columns_to_catalogue
from tui.files.recovery import Found, Recovery
from tui.files.signed import keep_signed
from tui.files.storage import load_issue_stamped, loads_issue, save_issue
from tui.files.writing import FileStamp, stamp
from tui.model import ROLES, Article, Byline, Comment, Issue, Masthead, Note, Signoff, structure
from tui.model.coverage import Coverage
from tui.model.coverage import coverage as quarter_coverage
from tui.model.errors import ChangedOnDisk, JianbaoError
from tui.model.findings import Finding, Location, Severity
from tui.model.house import House
from tui.model.i18n import Lang, Text
from tui.model.issue import ColumnKind
from tui.model.numbering import next_numbers, previous_issue
from tui.model.past import PastIssue
from tui.model.search import Hit, Query, find_all, replace_hits
from tui.model.snapshot import article_to_plain, to_plain
from tui.model.titlebreak import parse_typed
from tui.session.baselines import Baselines, Compared
from tui.session.checker import Checker, Recheck, Rechecked
from tui.session.errors import Conflict, Refused
from tui.session.history import History, ListEdit, PutBack, Step, Swap, Went, apply_edit

if TYPE_CHECKING:
    from tui.model.proof_report import ProofReport

EVERYTHING = FindingFilter()  # every open finding
# A structural edit re-checks an issue of up to this many articles at once (about 10 ms
# at 300); a larger one between keystrokes, in steps of STRUCTURE_STEP seconds (the
# editor's budget: no keystroke waits more than 50 ms).
CHECKED_AT_ONCE = 500
STRUCTURE_STEP = 0.005


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


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
    archive_problems: list[Finding] = field(default_factory=list)
    past: tuple[PastIssue, ...] = ()
    archive_path: Path | None = None  # the archive folder as given (--archive); else the issue's own folder
    history: History = field(default_factory=History, repr=False, compare=False)
    checker: Checker = field(init=False, repr=False, compare=False)
    baselines: Baselines = field(init=False, repr=False, compare=False)
    recovery: Recovery = field(init=False, repr=False, compare=False)
    autosave_error: JianbaoError | None = None  # why the last autosave failed, until one succeeds
    rejected: dict[str, tuple[str, str]] = field(default_factory=dict)  # field → (label, typed text)
    # The findings of the file as last saved (or opened), for "new since the last save";
    # None until a check of exactly that text has landed.
    saved_findings: Counter[FindingKey] | None = field(default=None, repr=False, compare=False)
    # Columns this session created that are not in the catalogue: offered to bulletin.toml at save.
    new_columns: dict[str, ColumnKind] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.baselines = Baselines(saved=to_plain(self.issue))
        self.recovery = Recovery.for_session(self.path)
        self.checker = Checker(self.house, self.archive, list(self.archive_problems), self.past)

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path, *, archive: Path | None = None, review: bool = False) -> Session:
        """Load the issue, its house and archive the way ``jianbao check`` does (one loader)."""
        loaded = open_check(path, archive)
        return cls(
            path=path,
            issue=loaded.issue,
            house=loaded.house,
            archive=loaded.archive,
            review=review,
            disk_stamp=loaded.stamp,
            archive_problems=loaded.archive_problems,
            past=loaded.past,
            archive_path=archive,
        )

    def restore_from(self, found: Found) -> None:
        """Replace the buffer with a recovery file's issue; it stays unsaved, and the file is now ours."""
        self.issue = loads_issue(found.text(), found.path)
        self.recovery.adopt(found)
        self.touch()
        self.revalidate()

    # ------------------------------------------------------------ state

    @property
    def archive_folder(self) -> Path:
        """Where the issues this one is checked against live (what ``jianbao search`` searches)."""
        return self.archive_path if self.archive_path is not None else self.path.parent

    @property
    def dirty(self) -> bool:
        return self.version != self.saved_version

    def touch(self) -> None:
        self.version += 1

    @property
    def checked(self) -> bool:
        return self.checker.checked

    def revalidate(self, index: int | None = None) -> None:
        """Re-check one article (plus the cross-article rules) at once, or everything."""
        self.checker.revalidate(self.issue, index)
        self._note_saved_findings()

    def _restructured(self) -> None:
        """Everything is checked again after a structural edit: at once in a small issue, else in steps.

        In steps, the editor carries it out between keystrokes (:meth:`step`),
        and anything that reads the findings before then finishes it
        (:meth:`settle`).
        """
        self.checker.restructure(self.issue)
        if not self.large:
            self.settle()

    @property
    def large(self) -> bool:
        """Over CHECKED_AT_ONCE articles: structural re-checks go in steps, and the editor refreshes in pieces."""
        return len(self.issue.articles) > CHECKED_AT_ONCE

    @property
    def settling(self) -> bool:
        """A structural edit's re-check is still under way (the findings shown are from before it)."""
        return not self.checker.settled

    def step(self, seconds: float) -> bool:
        """Carry a structural edit's re-check on for about ``seconds``; True once it is done."""
        done = self.checker.step(seconds)
        if done:
            self._landed()
        return done

    def settle(self) -> None:
        """Finish a structural edit's re-check now."""
        self.checker.settle()
        self._landed()

    def _landed(self) -> None:
        self._note_saved_findings()
        self.history.compact()  # the state an undo left, made plain now the keys are served

    def _current(self, finding: Finding) -> None:
        """Refuse to act on a finding that is no longer one of the findings (a structural edit moved what it points at)."""
        if not self.checker.holds(finding):
            raise Refused(
                Text(
                    "这条问题已不在当前的校验结果中，请重新选择",
                    "this finding is no longer among the current findings; choose it again",
                )
            )

    def _note_saved_findings(self) -> None:
        """Keep the findings of the saved text once they are known: checked, nothing pending, no edit since."""
        if (
            self.saved_findings is None
            and self.checked
            and not self.checker.pending
            and self.version == self.saved_version
        ):
            self.saved_findings = baseline(self.findings())

    def new_since_save(self, findings: list[Finding]) -> list[bool] | None:
        """Which of ``findings`` the edits since the last save brought in; None while that is unknown."""
        return None if self.saved_findings is None else new_mask(findings, self.saved_findings)

    def proof_report(self, lang: Lang, *, made_at: dt.datetime) -> ProofReport:
        """The 校对单 of the buffer as it stands: checked in full first, never from a partial check."""
        if not self.checked or self.checker.pending:
            self.revalidate()
        from tui.checks.proof import build_proof_report  # when a 校对单 is made, not at every start

        return build_proof_report(self.issue, self.findings(), lang, made_at=made_at)

    def findings(self) -> list[Finding]:
        """All findings in reading order, waivers applied."""
        return self.checker.findings(self.issue)

    def active_errors(self) -> list[Finding]:
        if not self.checked:  # never decide on a partial check
            self.revalidate()
        return [f for f in self.findings() if f.active and f.severity is Severity.ERROR]

    # ------------------------------------------------------------ re-checking in the background

    def first_check(self) -> Recheck:
        return self.checker.first(self.issue)

    def take_recheck(self) -> Recheck | None:
        """What typed edits left to re-check (None while the first check runs, or if nothing)."""
        return self.checker.take(self.issue)

    def run_recheck(self, request: Recheck) -> Rechecked:
        """Safe in a worker thread: reads the issue only."""
        return self.checker.run(request)

    def apply_recheck(self, result: Rechecked) -> bool:
        """Take a result in; False if it no longer fits (then nothing changed)."""
        applied = self.checker.apply(result, self.issue)
        if applied:
            self._note_saved_findings()
        return applied

    @property
    def recheck_pending(self) -> bool:
        return bool(self.checker.pending)

    # ------------------------------------------------------------ typed edits

    def set_field(self, field_path: str, value: object, article: int | None = None) -> bool:
        """Write one field the user typed into; False if it already held that value.

        ``field_path``: ``title`` (a line break in it is the editor's own break), ``paragraphs``, ``byline.unit``,
        ``byline.authors`` (of ``article``), ``masthead.<key>``,
        ``endblock.<key>``.
        """
        if self.review or self.read_only:
            raise Refused(Text("只读模式下不能修改稿件", "the text is read-only here"))
        if field_path.startswith(("masthead.", "endblock.")):
            part, key = field_path.split(".", 1)
            holder = getattr(self.issue, part)
            if getattr(holder, key) == value:
                return False
            setattr(holder, key, value)
            self._edited(None)
            return True
        if article is None or not 0 <= article < len(self.issue.articles):
            return False
        a = self.issue.articles[article]
        if field_path == "title":
            title, breaks = parse_typed(str(value))
            if (a.title, a.title_breaks) == (title, breaks):
                return False
            a.title, a.title_breaks = title, breaks
        elif field_path == "paragraphs" and isinstance(value, list):
            if a.paragraphs == value:
                return False
            a.paragraphs = [str(p) for p in value]  # a new list: a worker keeps its view
        elif field_path in ("byline.unit", "byline.authors"):
            unit = str(value) if field_path == "byline.unit" else (a.byline.unit if a.byline else "")
            authors = (
                [str(v) for v in value]
                if field_path == "byline.authors" and isinstance(value, list)
                else (list(a.byline.authors) if a.byline else [])
            )
            wanted = Byline(unit, authors) if (a.byline is not None or unit or authors) else None
            if wanted == a.byline:
                return False
            a.byline = wanted
        else:
            raise ValueError(f"not a field the editor types into: {field_path}")
        self._edited(article)
        return True

    def _edited(self, article: int | None) -> None:
        self.touch()
        self.checker.mark(article)

    def expected_numbers(self) -> tuple[int, int] | None:
        """(第N期, 总第M期) the archive expects for this issue's date and edition."""
        m = self.issue.masthead
        prev, date_wrong = previous_issue(self.archive, m, self.house.style)
        if prev is None:
            return None
        if date_wrong:  # the numbers follow prev; the date is what needs correcting
            return (1 if m.number == 1 else prev.number + 1), prev.cumulative + 1
        return next_numbers(prev, m.date)

    # ------------------------------------------------------------ undo

    @property
    def undo_stack(self) -> list[Step]:  # the dialogs read the labels
        return self.history.undo_stack

    @property
    def redo_stack(self) -> list[Step]:
        return self.history.redo_stack

    def checkpoint(self, label: Text) -> None:
        self.history.checkpoint(label, self.issue, self.version)

    def undo_would_drop(self) -> Issue | None:
        """The issue undo would return to, if it would also drop changes made since (else None)."""
        return self.history.would_drop(redo=False, version=self.version, issue=self.issue)

    def redo_would_drop(self) -> Issue | None:
        return self.history.would_drop(redo=True, version=self.version, issue=self.issue)

    def undo(self) -> Went | None:
        """Go back one structural step; the state left is kept for redo, typed text included."""
        return self._go(redo=False)

    def redo(self) -> Went | None:
        return self._go(redo=True)

    def _go(self, *, redo: bool) -> Went | None:
        step = self.history.step(redo=redo, issue=self.issue, version=self.version)
        if step is None:
            return None
        edit = step.edit
        if edit is not None:  # a move or a delete, made again or undone in this issue
            apply_edit(edit, self.issue)
        else:
            self.issue = step.issue
        self.touch()
        restored = self.history.arrived(step, redo=redo, version=self.version)
        if restored is not None and restored == self.saved_version:
            # Back to what the file holds: nothing is unsaved (●未保存 goes, quitting does not ask),
            # and a recovery file would only repeat the file.
            self.saved_version = self.version
            self.recovery.discard()
        self._recheck_structure(edit if isinstance(edit, Swap) else None)
        return Went(step.label, edit)

    # ------------------------------------------------------------ structure

    def _structural(self, label: Text, undo: ListEdit | None = None) -> None:
        """Refuse a read-only issue; record the step that undoes the edit (``undo``, or the whole state)."""
        if self.review or self.read_only:
            raise Refused(Text("只读模式下不能修改稿件", "the text is read-only here"))
        if undo is not None:
            self.history.checkpoint_edit(label, undo, self.version)
        else:
            self.checkpoint(label)

    def _after_structure(self, swapped: Swap | None = None) -> None:
        """The edit is recorded and checked: two articles that only changed places swap their findings."""
        self.touch()
        self.history.recorded(self.version)
        self._recheck_structure(swapped)

    def _recheck_structure(self, swapped: Swap | None) -> None:
        if swapped is None:
            self._restructured()
        else:
            self.checker.swapped(self.issue, swapped.first, swapped.second)
            self._note_saved_findings()

    def add_article(self, column: str, *, brief: bool = False, title: str = "") -> int:
        """A new article at the end of ``column``, its body the column's template (bulletin.toml) if it has one."""
        cat = self.house.catalogue_column(column)
        paragraphs = list(cat.template) if cat is not None else []
        return self.insert_article(
            Article(column=column, title="" if brief else title, paragraphs=paragraphs)
        )

    def insert_article(self, article: Article, notes: list[Note] | None = None) -> int:
        """Put an article (new, or imported from Word with what the import noticed) at the end of its column."""
        self._structural(Text("新建稿件", "new article"))
        at = self.issue.end_of_column(article.column)
        self.issue.articles.insert(at, article)
        self.issue.notes += notes or []
        self._after_structure()
        return at

    def mark_done(self, finding: Finding) -> None:
        """An import note the proofreader has dealt with: it no longer shows (the file keeps it, done = true)."""
        if self.read_only:
            raise Refused(Text("只读打开时不能修改", "opened read-only: nothing can be changed"))
        note = note_of(self.issue, finding)
        if note is None:
            raise Refused(
                Text("只有导入时记录的问题可以标记为已处理", "only the import's notes can be marked done")
            )
        self.checkpoint(Text("标记已处理", "mark done"))
        note.done = True
        self.touch()
        self.history.recorded(self.version)
        self.checker.recheck_cross(self.issue)

    def delete_article(self, index: int) -> Article:
        put_back = PutBack(index, article_to_plain(self.issue.articles[index]))
        self._structural(Text("删除稿件", "delete article"), undo=put_back)
        article = self.issue.articles.pop(index)
        self._after_structure()
        return article

    def move_article(self, index: int, delta: int) -> int:
        """Move within its column; returns the new index (unchanged at the column's edge)."""
        other = structure.neighbour_in_column(self.issue, index, delta)
        if other is None:
            return index
        swap = Swap(index, other)
        self._structural(Text("移动稿件", "move article"), undo=swap)
        apply_edit(swap, self.issue)
        self._after_structure(swapped=swap)
        return other

    def move_to_column(self, index: int, column: str) -> int:
        structure.existing_column(self.issue, column)
        self._structural(Text("移到其他栏目", "move to column"))
        moved = structure.move_to_column(self.issue, index, column)
        self._after_structure()
        return moved

    def add_column(self, name: str, kind: ColumnKind = "articles") -> None:
        """A column from the house catalogue (at its catalogue place), or a new one (after the others).

        A new column joins the catalogue (bulletin.toml) only when the issue is
        saved and the user agrees (:meth:`columns_for_catalogue`).
        """
        name = structure.new_column_name(self.issue, name)
        self._structural(Text("添加栏目", "add column"))
        if structure.add_column(self.issue, self.house, name, kind):
            self.new_columns[name] = kind
        self._after_structure()

    def rename_column(self, old: str, new: str) -> None:
        """Another name for a column (its articles follow): from the catalogue, or a new one."""
        new = structure.new_column_name(self.issue, new)
        column = structure.existing_column(self.issue, old)
        self._structural(Text("重命名栏目", "rename column"))
        if structure.rename_column(self.issue, self.house, column, new):
            self.new_columns[new] = column.kind
        self._after_structure()

    def move_column(self, name: str, delta: int) -> int:
        """Move a column up (-1) or down (+1) in print order, its articles with it; its new place."""
        place = structure.column_place(self.issue, name, delta)
        if place is None:
            return [c.name for c in self.issue.columns].index(name)
        self._structural(Text("移动栏目", "move column"))
        structure.move_column(self.issue, *place)
        self._after_structure()
        return place[1]

    def columns_for_catalogue(self) -> list[tuple[str, str]]:
        """New columns of this session still in the issue and not in the catalogue: (name, kind)."""
        return [
            (c.name, c.kind)
            for c in self.issue.columns
            if c.name in self.new_columns and self.house.catalogue_column(c.name) is None
        ]

    def add_to_catalogue(self, columns: list[tuple[str, str]]) -> None:
        """The user agreed: these columns join bulletin.toml, and the checks know them from now on."""
        self.house = add_columns_to_catalogue(self.path.parent, columns)
        self.checker.house = self.house
        self.forget_new_columns(columns)
        self.revalidate()

    def forget_new_columns(self, columns: list[tuple[str, str]]) -> None:
        """Not asked again about these (the user said no, or they are in the catalogue now)."""
        for name, _ in columns:
            self.new_columns.pop(name, None)

    def remove_column(self, name: str) -> None:
        structure.empty_column(self.issue, name)
        self._structural(Text("删除栏目", "remove column"))
        structure.remove_column(self.issue, name)
        self._after_structure()

    # ------------------------------------------------------------ proofreading

    def apply_fix(self, finding: Finding, *, allowed: bool = True) -> list[Change]:
        if not allowed:
            raise Refused(Text("校对模式下未允许自动修正", "fixes are not allowed in this review"))
        if finding.fix is None:
            raise Refused(Text("这个问题没有可自动应用的修正", "this finding offers no fix"))
        self._current(finding)
        self.checkpoint(Text("应用修正", "apply fix"))
        changes = apply_fixes(self.issue, [finding])
        if not changes:
            self.history.cancel()
            raise Refused(Text("文字已改动，修正不再适用", "the text has changed; the fix no longer applies"))
        self.touch()
        self.history.recorded(self.version)
        self.revalidate(finding.location.article)
        return changes

    def open_of(self, rule: str, only: FindingFilter = EVERYTHING) -> list[Finding]:
        """The open findings of one kind, within what ``only`` lets through (the checks pane's filter)."""
        findings = self.findings()
        new = self.new_since_save(findings) if only.new_only else None
        return [f for f in only.apply(findings, new) if f.rule == rule and f.active]

    def fixable_of(self, rule: str, only: FindingFilter = EVERYTHING) -> list[Finding]:
        """The open findings of one kind that offer a safe fix (within ``only``)."""
        return [f for f in self.open_of(rule, only) if f.fix is not None or f.joins_next]

    def apply_fixes_of(
        self, rule: str, *, allowed: bool = True, only: FindingFilter = EVERYTHING
    ) -> list[Change]:
        """Every safe fix of one kind at once (within ``only``), as one undo step (u takes them all back)."""
        if not allowed:
            raise Refused(Text("校对模式下未允许自动修正", "fixes are not allowed in this review"))
        found = self.fixable_of(rule, only)
        if not found:
            raise Refused(Text("这一类问题没有可自动应用的修正", "no finding of this kind offers a fix"))
        self.checkpoint(Text(f"修正全部“{rule_name(rule, 'zh')}”", f"fix every {rule_name(rule, 'en')}"))
        changes = apply_fixes(self.issue, found)
        if not changes:
            self.history.cancel()
            raise Refused(Text("文字已改动，修正不再适用", "the text has changed; the fixes no longer apply"))
        self.touch()
        self.history.recorded(self.version)
        self.revalidate()
        return changes

    def find(self, query: Query) -> list[Hit]:
        """Every occurrence of ``query`` in the issue as it stands, in reading order."""
        return find_all(self.issue, query)

    def replace(self, query: Query, replacement: str, only: Location | None = None) -> int:
        """Replace every occurrence (or the one at ``only``), as one undo step; how many were replaced."""
        if self.read_only or self.review:
            raise Refused(
                Text("只读或校对模式下不能替换文字", "text cannot be replaced read-only or in review")
            )
        hits = find_all(self.issue, query)
        if only is not None:
            hits = [h for h in hits if h.location == only]
        if not hits:
            raise Refused(Text(f"没有找到“{query.text}”", f"“{query.text}” is not found"))
        self.checkpoint(Text(f"替换“{query.text}”", f"replace “{query.text}”"))
        count = replace_hits(self.issue, hits, replacement)
        self.touch()
        self.history.recorded(self.version)
        self.revalidate()
        return count

    def waive_all(self, rule: str, reason: str, by: str, only: FindingFilter = EVERYTHING) -> int:
        """Waive every open finding of one kind (within ``only``) with one reason; how many."""
        if not reason.strip() or not by.strip():
            raise Refused(Text("豁免须写明理由和姓名", "a waiver needs a reason and a name"))
        found = self.open_of(rule, only)
        stamp = now()
        self.issue.waivers += [waiver_for(f, reason.strip(), by.strip(), stamp) for f in found]
        self.touch()
        return len(found)

    def unwaive(self, finding: Finding) -> None:
        """Take a waiver back: the finding counts again (recorded like any change)."""
        waiver = finding.waiver
        if waiver is None or waiver not in self.issue.waivers:
            raise Refused(Text("这个问题没有被豁免", "this finding is not waived"))
        if self.read_only:
            raise Refused(Text("只读打开时不能修改", "opened read-only: nothing can be changed"))
        self.issue.waivers.remove(waiver)
        self.touch()

    def waive(self, finding: Finding, reason: str, by: str) -> None:
        if not reason.strip() or not by.strip():
            raise Refused(Text("豁免须写明理由和姓名", "a waiver needs a reason and a name"))
        self._current(finding)
        self.issue.waivers.append(waiver_for(finding, reason.strip(), by.strip(), now()))
        self.touch()

    def sign_off(self, role: str, name: str) -> None:
        if role not in ROLES:
            raise Refused(Text(f"没有“{role}”这个签发角色", f"no sign-off role “{role}”"))
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
        digest = codec.content_digest(self.issue)
        # Kept for "changes since the sign-off"; the sign-off stands if it cannot be.
        keep_signed(self.issue, digest)
        self.issue.signoffs.append(Signoff(role, name.strip(), now(), digest))
        self.touch()
        self.checker.recheck_cross(self.issue)  # signoff.changed: no longer, for this sign-off

    def add_comment(self, index: int, author: str, text: str) -> None:
        if not text.strip():
            raise Refused(Text("批注不能为空", "a comment cannot be empty"))
        self.issue.articles[index].comments.append(Comment(author.strip() or "?", text.strip(), now()))
        self.touch()

    def resolve_comments(self, index: int) -> int:
        """Mark the article's open comments as dealt with (they stay, shown as done); how many."""
        open_ones = [c for c in self.issue.articles[index].comments if not c.resolved]
        if not open_ones:
            raise Refused(Text("这篇稿件没有未处理的批注", "this article has no open comments"))
        self.checkpoint(Text("批注已处理", "comments resolved"))  # one undo step
        for c in open_ones:
            c.resolved = True
        self.touch()
        self.history.recorded(self.version)
        return len(open_ones)

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
            self.recovery = Recovery.for_session(target)
        self.disk_stamp = written
        self.saved_version = self.version
        self.baselines.remember_saved(self.issue)
        self.recovery.discard()
        self.saved_findings = None  # taken again once the saved text's findings are in
        self._note_saved_findings()
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
        self.baselines.remember_saved(self.issue)
        self.version += 1
        self.saved_version = self.version
        self.history.clear()
        self.saved_findings = None
        self.revalidate()

    def autosave(self) -> Path | None:
        """Write the unsaved buffer to this session's recovery file; nothing if nothing is unsaved.

        Raises SaveError when the file cannot be written (the reason is kept
        in ``autosave_error`` until an autosave succeeds again).
        """
        if not self.dirty:
            return None
        version = self.version  # the buffer serialized below (this runs in a worker while typing goes on)
        text = codec.dumps(self.issue)
        same = (
            self.disk_stamp is not None
            and hashlib.sha256(text.encode("utf-8")).hexdigest() == self.disk_stamp.digest
        )
        if same and self.version == version:
            # Edits undone back to what the file holds: nothing is unsaved any more (●未保存 goes),
            # and a recovery file of this session would only repeat the file.  A keystroke made
            # while this serialized changed the version: then it stays unsaved until the next look.
            self.saved_version = version
            self.recovery.discard()
            return None
        try:
            written = self.recovery.write(text)
        except JianbaoError as exc:
            self.autosave_error = exc
            raise
        self.autosave_error = None
        return written

    # ------------------------------------------------------------ coverage

    def earlier_in_quarter(self) -> tuple[dt.date, list[Issue]]:
        """The archive's issues of this quarter before this one, and the date they are for.

        Reads files: call it in a worker.  Which issues count depends on the
        masthead's date, so the caller reads them again when that changes.
        """
        date = self.issue.masthead.date
        return date, earlier_in_quarter(self.archive_folder, self.issue, self.path)

    def coverage(self, earlier: list[Issue]) -> Coverage | None:
        """Districts not yet in an issue of this quarter; None when the house lists no districts."""
        if not self.house.districts:
            return None
        # Counted afresh at each refresh: 1 ms at 3,000 articles, less than a key telling whether it changed.
        return quarter_coverage(self.issue, earlier, self.house)

    # ------------------------------------------------------------ what changed

    def changes_since_save(self) -> Compared:
        return self.baselines.since_save(self.issue)

    def changes_since_signoff(self) -> Compared:
        """Raises Refused when the issue has no sign-off, or its signed text was not kept here."""
        return self.baselines.since_signoff(self.issue)

    def changes_against(self, path: Path) -> Compared:
        """Raises LoadError when ``path`` is not a readable issue."""
        return self.baselines.against(path, self.issue)

    def discard_changes(self) -> None:
        """The user chose to quit without saving: this session's recovery file goes too."""
        self.recovery.discard()

    def close(self) -> None:
        """A clean close: this session's recovery file is no longer needed if everything is saved.

        Another session's recovery file is never touched here.
        """
        if not self.dirty:
            self.recovery.discard()

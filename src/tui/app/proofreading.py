"""Proofreading and file actions of the main screen: fix, waive, sign off, comment, save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.app.dialogs import ChoiceDialog, Field, FormDialog
from tui.app.strings import t
from tui.app.validation import FindingTable
from tui.checks.catalogue import rule_name
from tui.model import ROLES
from tui.model.errors import JianbaoError
from tui.model.findings import Finding
from tui.session import Conflict

if TYPE_CHECKING:
    from tui.app.editor import Editor


class ProofActions:
    """Proofreading and files: fix, waive, sign off, comment; save, save as, import, export."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def _target_finding(self) -> Finding | None:
        """The finding the user means: the table's row when the table has focus, else the last jumped to."""
        table = self.editor.query_one(FindingTable)
        finding = (
            table.current()
            if table.has_focus or self.editor.current_finding is None
            else self.editor.current_finding
        )
        if finding is None:
            self.editor.notify(t("no_finding", self.editor.lang), severity="warning")
        return finding

    def apply_fix(self) -> None:
        finding = self._target_finding()
        if finding is None:
            return
        if finding.fix is None:
            self.editor.notify(t("no_fix", self.editor.lang), severity="warning")
            return
        ok, changes = self.editor.guard(
            self.editor.session.apply_fix,
            finding,
            allowed=self.editor.allow_fixes or not self.editor.session.review,
        )
        if not ok:
            return
        self.editor.current_finding = None
        self.editor.reload_form()
        self.editor.refresh_findings()
        self.editor.schedule_autosave()
        for c in changes or []:
            self.editor.notify(t("fixed", self.editor.lang, old=c.old, new=c.new))

    def fix_all_of_kind(self) -> None:
        """Every safe fix of the highlighted finding's kind, at once; asked first when more than one article changes."""
        finding = self._target_finding()
        if finding is None:
            return
        session, lang = self.editor.session, self.editor.lang
        found = session.fixable_of(finding.rule)
        if not found:
            self.editor.notify(t("no_fix", lang), severity="warning")
            return
        name = rule_name(finding.rule, lang)
        articles = {f.location.article for f in found}

        def go(choice: str | None = "yes") -> None:
            if choice != "yes":
                return
            allowed = self.editor.allow_fixes or not session.review
            ok, changes = self.editor.guard(session.apply_fixes_of, finding.rule, allowed=allowed)
            if not ok:
                return
            self.editor.current_finding = None
            self.editor.reload_form()
            self.editor.refresh_findings()
            self.editor.schedule_autosave()
            self.editor.notify(t("fixed_all", lang, n=len(changes or []), name=name))

        if len(articles) <= 1:
            go()
            return
        self.editor.app.push_screen(
            ChoiceDialog(
                t("fix_all_title", lang),
                t("fix_all_body", lang, n=len(found), name=name, articles=len(articles)),
                [("no", t("no", lang)), ("yes", t("yes", lang))],
            ),
            go,
        )

    def waive_all_of_kind(self) -> None:
        """Waive every open finding of the highlighted finding's kind, with one reason."""
        finding = self._target_finding()
        if finding is None:
            return
        session, lang = self.editor.session, self.editor.lang
        count = sum(1 for f in session.findings() if f.rule == finding.rule and f.active)
        name = rule_name(finding.rule, lang)

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            ok, n = self.editor.guard(session.waive_all, finding.rule, values["reason"], values["by"])
            if ok:
                self.editor.refresh_findings()
                self.editor.schedule_autosave()
                self.editor.notify(t("waived_all", lang, n=n, name=name))

        self.editor.app.push_screen(
            FormDialog(
                t("waive_all_title", lang, name=name),
                [Field("reason", t("waive_reason", lang)), Field("by", t("waive_by", lang), self._who())],
                lang,
                note=t("waive_all_note", lang, n=count, name=name),
            ),
            done,
        )

    def unwaive(self) -> None:
        """Take the highlighted finding's waiver back, after saying whose it was."""
        finding = self._target_finding()
        if finding is None:
            return
        w, lang = finding.waiver, self.editor.lang
        if w is None:
            self.editor.notify(t("not_waived", lang), severity="warning")
            return

        def go(choice: str | None) -> None:
            if choice == "yes" and self.editor.guard(self.editor.session.unwaive, finding)[0]:
                self.editor.refresh_findings()
                self.editor.schedule_autosave()
                self.editor.notify(t("unwaived", lang))

        self.editor.app.push_screen(
            ChoiceDialog(
                t("b.unwaive", lang),
                t("unwaive_body", lang, reason=w.reason, by=w.by),
                [("no", t("no", lang)), ("yes", t("yes", lang))],
            ),
            go,
        )

    def mark_done(self) -> None:
        """An import note dealt with (the article restored, the title checked): it stops showing."""
        finding = self._target_finding()
        if finding is None:
            return
        if self.editor.guard(self.editor.session.mark_done, finding)[0]:
            self.editor.current_finding = None
            self.editor.refresh_findings()
            self.editor.schedule_autosave()
            self.editor.notify(t("marked_done", self.editor.lang))

    def waive(self) -> None:
        finding = self._target_finding()
        if finding is None:
            return
        note = f"[{finding.rule}] {finding.location.describe(self.editor.lang)}\n{finding.message.get(self.editor.lang)}"

        def done(values: dict[str, str] | None) -> None:
            if (
                values
                and self.editor.guard(self.editor.session.waive, finding, values["reason"], values["by"])[0]
            ):
                self.editor.refresh_findings()
                self.editor.schedule_autosave()
                self.editor.notify(t("waived_ok", self.editor.lang))

        self.editor.app.push_screen(
            FormDialog(
                t("waive_title", self.editor.lang),
                [
                    Field("reason", t("waive_reason", self.editor.lang)),
                    Field("by", t("waive_by", self.editor.lang), self._who()),
                ],
                self.editor.lang,
                note=note,
            ),
            done,
        )

    def _who(self) -> str:
        return self.editor.session.issue.endblock.editor if not self.editor.session.review else ""

    def sign_off(self) -> None:
        roles = tuple((t(f"role.{r}", self.editor.lang), r) for r in ROLES)
        default = "proofreader" if self.editor.session.review else "editor"

        def done(values: dict[str, str] | None) -> None:
            if values and self.editor.guard(self.editor.session.sign_off, values["role"], values["name"])[0]:
                self.editor.refresh_header()
                self.editor.schedule_autosave()
                self.editor.notify(
                    t(
                        "signed",
                        self.editor.lang,
                        role=t(f"role.{values['role']}", self.editor.lang),
                        name=values["name"],
                    )
                )

        errors = self.editor.session.active_errors()
        if errors:  # refused up front, before asking for a name
            self.editor.notify(t("signoff_refused", self.editor.lang, n=len(errors)), severity="error")
            return
        self.editor.app.push_screen(
            FormDialog(
                t("signoff_title", self.editor.lang),
                [
                    Field("role", t("signoff_role", self.editor.lang), default, roles),
                    Field("name", t("signoff_name", self.editor.lang), self._who()),
                ],
                self.editor.lang,
            ),
            done,
        )

    def comment(self) -> None:
        index = self.editor.selected_article()
        if index is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if (
                values
                and self.editor.guard(self.editor.session.add_comment, index, values["by"], values["text"])[0]
            ):
                self.editor.reload_form()
                self.editor.refresh_header()
                self.editor.schedule_autosave()
                self.editor.notify(t("commented", self.editor.lang))

        self.editor.app.push_screen(
            FormDialog(
                t("comment_title", self.editor.lang),
                [
                    Field("text", t("comment_text", self.editor.lang)),
                    Field("by", t("comment_by", self.editor.lang), self._who()),
                ],
                self.editor.lang,
            ),
            done,
        )

    # ------------------------------------------------------------ files

    def save(self, then_quit: bool = False) -> None:
        if self.editor.session.read_only:
            self.editor.notify(t("read_only_refused", self.editor.lang), severity="warning")
            return
        self._save(None, force=False, then_quit=then_quit)

    def _save(self, path: Path | None, *, force: bool, then_quit: bool = False) -> None:
        try:
            saved = self.editor.session.save(path, force=force)
        except Conflict:
            self._ask_conflict(then_quit)
            return
        except JianbaoError as exc:
            self.editor.notify(
                t("save_failed", self.editor.lang, reason=exc.render(self.editor.lang)),
                severity="error",
                timeout=10,
            )
            return
        self.editor.refresh_header()
        self.editor.notify(t("saved", self.editor.lang, path=saved))
        if then_quit:
            self.editor.app.exit()

    def _ask_conflict(self, then_quit: bool) -> None:
        """The file changed (or went) since it was read: show what differs, let the user choose."""
        session = self.editor.session
        gone = session.gone_from_disk()

        def done(choice: str | None) -> None:
            if choice in ("overwrite", "recreate"):
                self._save(None, force=True, then_quit=then_quit)
            elif choice == "reload":
                if self.editor.guard(session.reload)[0]:
                    self.editor.refresh_all()
                    self.editor.reload_form()
            elif choice == "save_as":
                self.save_as()

        if gone:
            body = f"{session.path}\n{t('conflict_gone', self.editor.lang)}"
            choices = [
                ("save_as", t("conflict_save_as", self.editor.lang)),
                ("recreate", t("conflict_recreate", self.editor.lang)),
                ("cancel", t("cancel", self.editor.lang)),
            ]
        else:
            body = f"{session.path}\n{t('conflict_differs', self.editor.lang)}\n" + "\n".join(
                self._disk_differences()
            )
            choices = [
                ("save_as", t("conflict_save_as", self.editor.lang)),
                ("overwrite", t("conflict_overwrite", self.editor.lang)),
                ("reload", t("conflict_reload", self.editor.lang)),
                ("cancel", t("cancel", self.editor.lang)),
            ]
        title = t("conflict_gone_title" if gone else "conflict_title", self.editor.lang)
        self.editor.app.push_screen(ChoiceDialog(title, body, choices), done)

    def _disk_differences(self) -> list[str]:
        from tui.files.storage import load_issue
        from tui.model.issuediff import describe

        try:
            on_disk = load_issue(self.editor.session.path)
        except JianbaoError as exc:
            return [exc.render(self.editor.lang)]
        return describe(on_disk, self.editor.session.issue, self.editor.lang)

    def save_as(self) -> None:
        def done(values: dict[str, str] | None) -> None:
            if not values or not values["path"].strip():
                return
            target = Path(values["path"].strip()).expanduser()
            if target.suffix != ".toml":
                target = target.with_suffix(".toml")
            if target == self.editor.session.path:
                self.save()
                return

            def write() -> None:
                self.editor.session.read_only = False  # the copy is ours
                self._save(target, force=True)

            self._unless_unwanted_overwrite(target, write)

        self.editor.app.push_screen(
            FormDialog(
                t("save_as_title", self.editor.lang),
                [Field("path", t("save_as_path", self.editor.lang), str(self.editor.session.path))],
                self.editor.lang,
            ),
            done,
        )

    def _unless_unwanted_overwrite(self, target: Path, write: Callable[[], None]) -> None:
        """Write at once to a new file; ask before replacing an existing one."""
        if not target.exists():
            write()
            return

        def chosen(choice: str | None) -> None:
            if choice == "overwrite":
                write()

        self.editor.app.push_screen(
            ChoiceDialog(
                t("exists_title", self.editor.lang),
                str(target),
                [
                    ("cancel", t("cancel", self.editor.lang)),
                    ("overwrite", t("conflict_overwrite", self.editor.lang)),
                ],
            ),
            chosen,
        )

    def import_word(self) -> None:
        """A district's .docx submission becomes an article of the current column."""
        from tui.app.file_picker import WordFilePicker
        from tui.importers.docx import import_submission
        from tui.importers.notes import notes_from

        issue = self.editor.session.issue
        column = self.editor.node.column if self.editor.node.kind == "column" else None
        if (
            self.editor.node.kind == "article"
            and self.editor.node.index is not None
            and self.editor.node.index < len(issue.articles)
        ):
            column = issue.articles[self.editor.node.index].column
        if column is None:
            self.editor.notify(t("not_column", self.editor.lang), severity="warning")
            return

        def done(path: Path | None) -> None:
            if path is None:
                return
            try:
                submission = import_submission(path, self.editor.session.house)
            except JianbaoError as exc:
                self.editor.notify(exc.render(self.editor.lang), severity="error", timeout=10)
                return
            submission.article.column = column
            notes = notes_from(
                submission.findings,
                self.editor.session.issue,
                origin=path.name,
                title=submission.article.title,
            )
            ok, index = self.editor.guard(self.editor.session.insert_article, submission.article, notes)
            if ok:
                from tui.app.outline import NodeRef

                self.editor.after_structure(NodeRef("article", index))
                self.editor.notify(
                    t(
                        "imported_word",
                        self.editor.lang,
                        name=path.name,
                        column=column,
                        n=len(submission.findings),
                    )
                )

        self.editor.app.push_screen(WordFilePicker(self.editor.session.path.parent, self.editor.lang), done)

    def export(self) -> None:
        from tui.exporters import FORMATS, SUFFIXES, render
        from tui.files.writing import atomic_write

        labels = {
            "docx": "Word (.docx)",
            "html": "HTML",
            "md": "Markdown",
            "text": t("plain_text", self.editor.lang),
        }

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            fmt = values["format"]
            target = Path(
                values["path"].strip() or self.editor.session.path.with_suffix(SUFFIXES[fmt])
            ).expanduser()
            if target.suffix.lower() != SUFFIXES[fmt]:
                target = target.with_suffix(SUFFIXES[fmt])
            if target.exists() and target.resolve() == self.editor.session.path.resolve():
                self.editor.notify(t("export_is_source", self.editor.lang), severity="error", timeout=10)
                return

            def write() -> None:
                try:
                    atomic_write(
                        target, render(self.editor.session.issue, self.editor.session.house.style, fmt)
                    )
                except JianbaoError as exc:
                    self.editor.notify(exc.render(self.editor.lang), severity="error", timeout=10)
                    return
                self.editor.notify(t("exported", self.editor.lang, path=target))

            self._unless_unwanted_overwrite(target, write)

        self.editor.app.push_screen(
            FormDialog(
                t("export_title", self.editor.lang),
                [
                    Field(
                        "format",
                        t("export_format", self.editor.lang),
                        "docx",
                        tuple((labels[f], f) for f in FORMATS),
                    ),
                    Field("path", t("export_path", self.editor.lang), ""),
                ],
                self.editor.lang,
                note=t("export_note", self.editor.lang, stem=self.editor.session.path.stem),
            ),
            done,
        )

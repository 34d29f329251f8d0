"""Proofreading and file actions of the main screen: fix, waive, sign off, comment, save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.app.dialogs import ChoiceDialog, Field, FormDialog
from tui.app.strings import t
from tui.app.validation import FindingTable
from tui.model import ROLES
from tui.model.errors import JianbaoError
from tui.model.findings import Finding
from tui.session import Conflict

if TYPE_CHECKING:
    from tui.app.main_screen import MainScreen


class ProofActions:
    """Mixed into MainScreen."""

    def _target_finding(self: MainScreen) -> Finding | None:  # type: ignore[misc]
        """The finding the user means: the table's row when the table has focus, else the last jumped to."""
        table = self.query_one(FindingTable)
        finding = table.current() if table.has_focus or self.current_finding is None else self.current_finding
        if finding is None:
            self.notify(t("no_finding", self.lang), severity="warning")
        return finding

    def action_apply_fix(self: MainScreen) -> None:  # type: ignore[misc]
        finding = self._target_finding()
        if finding is None:
            return
        if finding.fix is None:
            self.notify(t("no_fix", self.lang), severity="warning")
            return
        ok, changes = self._guard(
            self.session.apply_fix, finding, allowed=self.allow_fixes or not self.session.review
        )
        if not ok:
            return
        self.current_finding = None
        self.reload_form()
        self.refresh_findings()
        self.schedule_autosave()
        for c in changes:
            self.notify(t("fixed", self.lang, old=c.old, new=c.new))

    def action_waive(self: MainScreen) -> None:  # type: ignore[misc]
        finding = self._target_finding()
        if finding is None:
            return
        note = f"[{finding.rule}] {finding.location.describe(self.lang)}\n{finding.message.get(self.lang)}"

        def done(values: dict[str, str] | None) -> None:
            if values and self._guard(self.session.waive, finding, values["reason"], values["by"])[0]:
                self.refresh_findings()
                self.schedule_autosave()
                self.notify(t("waived_ok", self.lang))

        self.app.push_screen(
            FormDialog(
                t("waive_title", self.lang),
                [
                    Field("reason", t("waive_reason", self.lang)),
                    Field("by", t("waive_by", self.lang), self._who()),
                ],
                self.lang,
                note=note,
            ),
            done,
        )

    def _who(self: MainScreen) -> str:  # type: ignore[misc]
        return self.session.issue.endblock.editor if not self.session.review else ""

    def action_sign_off(self: MainScreen) -> None:  # type: ignore[misc]
        roles = tuple((t(f"role.{r}", self.lang), r) for r in ROLES)
        default = "proofreader" if self.session.review else "editor"

        def done(values: dict[str, str] | None) -> None:
            if values and self._guard(self.session.sign_off, values["role"], values["name"])[0]:
                self.refresh_header()
                self.schedule_autosave()
                self.notify(
                    t("signed", self.lang, role=t(f"role.{values['role']}", self.lang), name=values["name"])
                )

        errors = self.session.active_errors()
        if errors:  # refused up front, before asking for a name
            self.notify(t("signoff_refused", self.lang, n=len(errors)), severity="error")
            return
        self.app.push_screen(
            FormDialog(
                t("signoff_title", self.lang),
                [
                    Field("role", t("signoff_role", self.lang), default, roles),
                    Field("name", t("signoff_name", self.lang), self._who()),
                ],
                self.lang,
            ),
            done,
        )

    def action_comment(self: MainScreen) -> None:  # type: ignore[misc]
        index = self._selected_article()
        if index is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values and self._guard(self.session.add_comment, index, values["by"], values["text"])[0]:
                self.reload_form()
                self.refresh_header()
                self.schedule_autosave()
                self.notify(t("commented", self.lang))

        self.app.push_screen(
            FormDialog(
                t("comment_title", self.lang),
                [
                    Field("text", t("comment_text", self.lang)),
                    Field("by", t("comment_by", self.lang), self._who()),
                ],
                self.lang,
            ),
            done,
        )

    # ------------------------------------------------------------ files

    def action_save(self: MainScreen, then_quit: bool = False) -> None:  # type: ignore[misc]
        if self.session.read_only:
            self.notify(t("read_only_refused", self.lang), severity="warning")
            return
        self._save(None, force=False, then_quit=then_quit)

    def _save(self: MainScreen, path: Path | None, *, force: bool, then_quit: bool = False) -> None:  # type: ignore[misc]
        try:
            saved = self.session.save(path, force=force)
        except Conflict:
            self._ask_conflict(then_quit)
            return
        except JianbaoError as exc:
            self.notify(
                t("save_failed", self.lang, reason=exc.render(self.lang)), severity="error", timeout=10
            )
            return
        self.refresh_header()
        self.notify(t("saved", self.lang, path=saved))
        if then_quit:
            self.app.exit()

    def _ask_conflict(self: MainScreen, then_quit: bool) -> None:  # type: ignore[misc]
        """The file changed (or went) since it was read: show what differs, let the user choose."""
        session = self.session
        gone = session.gone_from_disk()

        def done(choice: str | None) -> None:
            if choice in ("overwrite", "recreate"):
                self._save(None, force=True, then_quit=then_quit)
            elif choice == "reload":
                if self._guard(session.reload)[0]:
                    self.refresh_all()
                    self.reload_form()
            elif choice == "save_as":
                self.action_save_as()

        if gone:
            body = f"{session.path}\n{t('conflict_gone', self.lang)}"
            choices = [
                ("save_as", t("conflict_save_as", self.lang)),
                ("recreate", t("conflict_recreate", self.lang)),
                ("cancel", t("cancel", self.lang)),
            ]
        else:
            body = f"{session.path}\n{t('conflict_differs', self.lang)}\n" + "\n".join(
                self._disk_differences()
            )
            choices = [
                ("save_as", t("conflict_save_as", self.lang)),
                ("overwrite", t("conflict_overwrite", self.lang)),
                ("reload", t("conflict_reload", self.lang)),
                ("cancel", t("cancel", self.lang)),
            ]
        title = t("conflict_gone_title" if gone else "conflict_title", self.lang)
        self.app.push_screen(ChoiceDialog(title, body, choices), done)

    def _disk_differences(self: MainScreen) -> list[str]:  # type: ignore[misc]
        from tui.files.storage import load_issue
        from tui.model.issuediff import describe

        try:
            on_disk = load_issue(self.session.path)
        except JianbaoError as exc:
            return [exc.render(self.lang)]
        return describe(on_disk, self.session.issue, self.lang)

    def action_save_as(self: MainScreen) -> None:  # type: ignore[misc]
        def done(values: dict[str, str] | None) -> None:
            if not values or not values["path"].strip():
                return
            target = Path(values["path"].strip()).expanduser()
            if target.suffix != ".toml":
                target = target.with_suffix(".toml")
            if target == self.session.path:
                self.action_save()
                return

            def write() -> None:
                self.session.read_only = False  # the copy is ours
                self._save(target, force=True)

            self._unless_unwanted_overwrite(target, write)

        self.app.push_screen(
            FormDialog(
                t("save_as_title", self.lang),
                [Field("path", t("save_as_path", self.lang), str(self.session.path))],
                self.lang,
            ),
            done,
        )

    def _unless_unwanted_overwrite(self: MainScreen, target: Path, write: Callable[[], None]) -> None:  # type: ignore[misc]
        """Write at once to a new file; ask before replacing an existing one."""
        if not target.exists():
            write()
            return

        def chosen(choice: str | None) -> None:
            if choice == "overwrite":
                write()

        self.app.push_screen(
            ChoiceDialog(
                t("exists_title", self.lang),
                str(target),
                [("cancel", t("cancel", self.lang)), ("overwrite", t("conflict_overwrite", self.lang))],
            ),
            chosen,
        )

    def action_import_word(self: MainScreen) -> None:  # type: ignore[misc]
        """A district's .docx submission becomes an article of the current column."""
        from tui.app.file_picker import WordFilePicker
        from tui.importers.docx import import_submission

        issue = self.session.issue
        column = self.node.column if self.node.kind == "column" else None
        if (
            self.node.kind == "article"
            and self.node.index is not None
            and self.node.index < len(issue.articles)
        ):
            column = issue.articles[self.node.index].column
        if column is None:
            self.notify(t("not_column", self.lang), severity="warning")
            return

        def done(path: Path | None) -> None:
            if path is None:
                return
            try:
                submission = import_submission(path, self.session.house)
            except JianbaoError as exc:
                self.notify(exc.render(self.lang), severity="error", timeout=10)
                return
            submission.article.column = column
            ok, index = self._guard(self.session.insert_article, submission.article)
            if ok:
                from tui.app.outline import NodeRef

                self.after_structure(NodeRef("article", index))
                self.notify(
                    t("imported_word", self.lang, name=path.name, column=column, n=len(submission.findings))
                )

        self.app.push_screen(WordFilePicker(self.session.path.parent, self.lang), done)

    def action_export(self: MainScreen) -> None:  # type: ignore[misc]
        from tui.exporters import FORMATS, SUFFIXES, render
        from tui.files.storage import atomic_write

        labels = {
            "docx": "Word (.docx)",
            "html": "HTML",
            "md": "Markdown",
            "text": t("plain_text", self.lang),
        }

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            fmt = values["format"]
            target = Path(values["path"].strip() or self.session.path.with_suffix(SUFFIXES[fmt])).expanduser()
            if target.suffix.lower() != SUFFIXES[fmt]:
                target = target.with_suffix(SUFFIXES[fmt])
            if target.exists() and target.resolve() == self.session.path.resolve():
                self.notify(t("export_is_source", self.lang), severity="error", timeout=10)
                return

            def write() -> None:
                try:
                    atomic_write(target, render(self.session.issue, self.session.house.style, fmt))
                except JianbaoError as exc:
                    self.notify(exc.render(self.lang), severity="error", timeout=10)
                    return
                self.notify(t("exported", self.lang, path=target))

            self._unless_unwanted_overwrite(target, write)

        self.app.push_screen(
            FormDialog(
                t("export_title", self.lang),
                [
                    Field(
                        "format",
                        t("export_format", self.lang),
                        "docx",
                        tuple((labels[f], f) for f in FORMATS),
                    ),
                    Field("path", t("export_path", self.lang), ""),
                ],
                self.lang,
                note=t("export_note", self.lang, stem=self.session.path.stem),
            ),
            done,
        )

    def action_help(self: MainScreen) -> None:  # type: ignore[misc]
        from tui.app.help import HelpScreen

        self.app.push_screen(HelpScreen(self.lang))

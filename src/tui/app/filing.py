"""The editor's file actions: save, save as (with the conflict question), import a Word submission, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.app.dialogs import ChoiceDialog, Field, FormDialog
from tui.app.strings import t
from tui.files.recent import recent_folders, remember_folder
from tui.model.errors import JianbaoError
from tui.session import Conflict

if TYPE_CHECKING:
    from tui.app.editor import Editor


class FileActions:
    """Saving and moving text in and out: every write asks before replacing what it should not."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def save(self, then_quit: bool = False) -> None:
        """Ctrl+S; new columns of this session are offered to the catalogue first (once)."""
        session, lang = self.editor.session, self.editor.lang
        if session.read_only:
            self.editor.notify(t("read_only_refused", lang), severity="warning")
            return
        new = session.columns_for_catalogue()
        if not new:
            self._save(None, force=False, then_quit=then_quit)
            return

        def chosen(choice: str | None) -> None:
            if choice is None:
                return  # Esc: nothing saved, nothing decided
            if choice == "yes" and self.editor.guard(session.add_to_catalogue, new)[0]:
                self.editor.notify(t("added_catalogue", lang, name="、".join(n for n, _ in new)))
            else:
                session.forget_new_columns(new)
            self._save(None, force=False, then_quit=then_quit)

        names = "".join(f"“{n}”" for n, _ in new)
        self.editor.app.push_screen(
            ChoiceDialog(
                t("catalogue_title", lang),
                t("catalogue_body", lang, names=names),
                [("no", t("catalogue_no", lang)), ("yes", t("catalogue_yes", lang))],
            ),
            chosen,
        )

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
        self.editor.refresh_findings()  # and the header: nothing is new since this save
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
            if ok and index is not None:
                from tui.app.outline_nodes import NodeRef
                from tui.app.validation import FindingTable
                from tui.checks.filtering import FindingFilter

                remember_folder("import", path.parent)
                self.editor.after_structure(NodeRef("article", index))
                if (
                    notes and submission.article.title
                ):  # the pane shows the new article's findings, notes among them
                    self.editor.query_one(FindingTable).set_filter(FindingFilter(article=index))
                self.editor.notify(
                    t(
                        "imported_word",
                        self.editor.lang,
                        name=path.name,
                        column=column,
                        n=len(submission.findings),
                    )
                )

        recent = recent_folders("import")
        start = recent[0] if recent else self.editor.session.path.parent
        self.editor.app.push_screen(WordFilePicker(start, self.editor.lang, recent), done)

    def export(self) -> None:
        from tui.exporters import FORMATS, SUFFIXES, render

        session = self.editor.session
        labels = {
            "docx": "Word (.docx)",
            "pdf": t("pdf_proof", self.editor.lang),
            "html": "HTML",
            "md": "Markdown",
            "text": t("plain_text", self.editor.lang),
        }
        self._ask_and_write(
            t("export_title", self.editor.lang),
            [(labels[f], f) for f in ("docx", *[f for f in FORMATS if f != "docx"])],  # Word first
            SUFFIXES,
            session.path.stem,
            t("export_note", self.editor.lang, stem=session.path.stem),
            lambda fmt: render(session.issue, session.house.style, fmt),
        )

    def proof_report(self) -> None:
        """The 校对单 of the issue as it stands (unsaved edits included), as HTML, Word or text."""
        import datetime as dt

        from tui.exporters.proof import PROOF_FORMATS, PROOF_SUFFIXES, render_proof

        session, lang = self.editor.session, self.editor.lang
        labels = {"html": "HTML", "docx": "Word (.docx)", "text": t("plain_text", lang)}
        stem = f"{session.path.stem}-校对单"

        def produce(fmt: str) -> bytes:
            made = dt.datetime.now().replace(microsecond=0)
            return render_proof(session.proof_report(lang, made_at=made), fmt)

        self._ask_and_write(
            t("proof_title", lang),
            [(labels[f], f) for f in ("html", *[f for f in PROOF_FORMATS if f != "html"])],
            PROOF_SUFFIXES,
            stem,
            t("proof_note", lang, stem=stem),
            produce,
        )

    def _ask_and_write(
        self,
        title: str,
        formats: list[tuple[str, str]],
        suffixes: dict[str, str],
        stem: str,
        note: str,
        produce: Callable[[str], bytes],
    ) -> None:
        """Ask for a format and a file, then write it: never the issue itself, another file only if confirmed.

        The file goes where the last export went (remembered), else the folder
        jianbao was started in, never the archive unless the user names it.
        """
        from tui.files.writing import atomic_write

        lang = self.editor.lang
        recent = recent_folders("export")
        folder = recent[0] if recent else Path.cwd()
        first = formats[0][1]

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            fmt = values["format"]
            target = Path(values["path"].strip() or folder / (stem + suffixes[fmt])).expanduser()
            if target.suffix.lower() != suffixes[fmt]:
                target = target.with_suffix(suffixes[fmt])
            if target.exists() and target.resolve() == self.editor.session.path.resolve():
                self.editor.notify(t("export_is_source", lang), severity="error", timeout=10)
                return

            def write() -> None:
                try:
                    atomic_write(target, produce(fmt))
                except JianbaoError as exc:
                    self.editor.notify(exc.render(lang), severity="error", timeout=10)
                    return
                remember_folder("export", target.parent)
                self.editor.notify(t("exported", lang, path=target))

            self._unless_unwanted_overwrite(target, write)

        self.editor.app.push_screen(
            FormDialog(
                title,
                [
                    Field("format", t("export_format", lang), first, tuple(formats)),
                    Field("path", t("export_path", lang), str(folder / (stem + suffixes[first]))),
                ],
                lang,
                note=note,
            ),
            done,
        )

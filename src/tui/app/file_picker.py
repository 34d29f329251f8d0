"""Choosing a Word file to import: any folder (typed, one level up, or a recent one), its .docx files.

The tree lists folders and .docx files, but not the Word files jianbao made
itself (an exported issue, a 校对单): those are not submissions.  The folder
a submission came from is remembered for the next import.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label, Select

from tui.app.strings import t
from tui.app.text_fields import FieldInput
from tui.importers.docx_reader import word_marks
from tui.model.i18n import Lang
from tui.model.provenance import OWN_MARKS


def is_submission_candidate(path: Path) -> bool:
    """A .docx that is not one of jianbao's own exports."""
    return path.suffix.lower() == ".docx" and word_marks(path)[0] not in OWN_MARKS


class WordTree(DirectoryTree):
    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith((".", "~$")) and (p.is_dir() or is_submission_candidate(p))
        ]


class WordFilePicker(ModalScreen[Path | None]):
    """Returns the chosen .docx, or None on Esc.  Backspace in the tree goes one folder up."""

    BINDINGS = [
        Binding("escape", "dismiss_none", show=False),
        Binding("backspace", "up", show=False),  # the path field keeps Backspace for itself
    ]

    def __init__(self, start: Path, lang: Lang, recent: list[Path] | None = None) -> None:
        super().__init__(classes="dialog")
        self.start = start
        self.lang = lang
        self.recent = [p for p in recent or [] if p != start]
        self._typing = False  # a name is being typed into the path field from the tree

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog-box picker-box"):
            yield Label(t("import_word_title", lang), classes="dialog-title")
            yield Label(t("picker_path", lang), classes="field-label")
            yield FieldInput(str(self.start), select_on_focus=False, id="picker-path")
            if self.recent:
                yield Select(
                    [(str(p), str(p)) for p in self.recent],
                    prompt=t("picker_recent", lang),
                    id="picker-recent",
                )
            yield WordTree(self.start, id="word-tree")
            yield Label(t("picker_hint", lang), classes="field-label full-label")

    def on_mount(self) -> None:
        self.query_one(WordTree).focus()

    def on_key(self, event: events.Key) -> None:
        """A character typed in the tree starts a path in the current folder (a name, or a path of its own).

        The tree has no use for letters: typed there they went nowhere, and a
        user who types a file's name expects it to be taken.  (The path field
        keeps the characters typed into it: only the others come here.)
        """
        if not (event.is_printable and event.character):
            return
        tree = self.query_one(WordTree)
        event.stop()
        field = self.query_one("#picker-path", Input)
        typed = event.character
        # A burst (a paste, an input method's word) reaches the tree before the field has the focus.
        if self._typing:
            field.value += typed
        else:
            field.value = typed if typed in "/~" else str(Path(tree.path) / typed)
            self._typing = True
        field.cursor_position = len(field.value)
        field.focus()

    def _go(self, folder: Path) -> None:
        self._typing = False  # back in the tree: the next character starts a name again
        tree = self.query_one(WordTree)
        tree.path = folder
        self.query_one("#picker-path", Input).value = str(folder)
        tree.focus()

    def action_up(self) -> None:
        current = Path(self.query_one(WordTree).path)
        if current.parent != current:
            self._go(current.parent)

    @on(Input.Submitted, "#picker-path")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if path.is_dir():
            self._go(path)
        elif path.is_file() and path.suffix.lower() == ".docx":
            self.dismiss(path)  # the import says what it is if it is not a submission
        else:
            self.notify(t("picker_not_found", self.lang, path=path), severity="warning")

    @on(Select.Changed, "#picker-recent")
    def _recent(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._go(Path(event.value))

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

"""Choosing a Word file to import: a folder tree showing folders and .docx files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Label

from tui.app.strings import t
from tui.model.i18n import Lang


class WordTree(DirectoryTree):
    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() == ".docx")
        ]


class WordFilePicker(ModalScreen[Path | None]):
    """Returns the chosen .docx, or None on Esc."""

    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, start: Path, lang: Lang) -> None:
        super().__init__(classes="dialog")
        self.start = start
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box picker-box"):
            yield Label(t("import_word_title", self.lang), classes="dialog-title")
            yield WordTree(self.start, id="word-tree")

    def on_mount(self) -> None:
        self.query_one(WordTree).focus()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

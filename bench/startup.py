"""Start an app headless and exit right after its first refresh (a subprocess of run.py).

python bench/startup.py jianbao ISSUE.toml          # the editor on an issue, exit after its first paint
python bench/startup.py jianbao-checked ISSUE.toml  # ... after the first check's findings are shown
python bench/startup.py bare ISSUE.toml             # the same standard widgets, filled from the same file
python bench/startup.py jianbao ISSUE.toml ARCHIVE  # the editor with ISSUE checked against the archive ARCHIVE
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, TextArea, Tree


class Bare(App[None]):
    """Header, Tree, TextArea, DataTable, Footer: what the editor shows, with nothing of jianbao."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.data = tomllib.loads(path.read_text(encoding="utf-8"))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tree("issue")
        yield TextArea()
        yield DataTable()
        yield Footer()

    exit_after_first_paint = True  # start-up is measured to the first paint; a subclass may stay

    def fill_tree(self, tree: Tree[None]) -> None:
        for article in self.data["articles"]:
            tree.root.add_leaf(article["title"] or article["paragraphs"][0][:12])

    def on_mount(self) -> None:
        self.fill_tree(self.query_one(Tree))
        self.query_one(TextArea).load_text("\n\n".join(self.data["articles"][0]["paragraphs"]))
        table = self.query_one(DataTable)
        table.add_columns("title", "column")
        for article in self.data["articles"]:
            table.add_row(article["title"], article["column"])
        if self.exit_after_first_paint:
            self.call_after_refresh(self.exit)


def jianbao_app(path: Path, *, until_checked: bool = False, archive: Path | None = None) -> App[None]:
    from tui.app.app import JianbaoApp
    from tui.app.main_screen import MainScreen

    class OnceScreen(MainScreen):
        def on_mount(self) -> None:  # Textual also runs MainScreen.on_mount
            if not until_checked:
                self.call_after_refresh(self.app.exit)

        def on_checks_ready(self, message: Any) -> None:  # after MainScreen's own handler shows them
            self.call_after_refresh(self.app.exit)

    class Once(JianbaoApp):
        def _editor_screen(self) -> MainScreen:
            assert self.session is not None
            return OnceScreen(self.session, self.lang)

    return Once(path, blink=False, archive=archive)


def main() -> None:
    kind, path = sys.argv[1], Path(sys.argv[2])
    archive = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    app = (
        Bare(path)
        if kind == "bare"
        else jianbao_app(path, until_checked=kind == "jianbao-checked", archive=archive)
    )
    app.run(headless=True)


if __name__ == "__main__":
    main()

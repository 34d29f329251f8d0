"""The keys of 查找/替换 on the main screen: Ctrl+F, Ctrl+H (or Ctrl+R), F3 and Shift+F3, Esc.

After a hit is chosen the search stays on: F3 and Shift+F3 go to the next
and previous hit (found again each time, so edits in between count), the
status line says which of how many, and Esc ends it (F3 then waives again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.search import SearchDialog, SearchOutcome
from tui.app.strings import t
from tui.model.search import Query

if TYPE_CHECKING:
    from tui.app.editor import Editor


class SearchActions:
    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.query: Query | None = None  # the search F3 steps through; None when none is on
        self.index = 0
        self.replacement = ""

    @property
    def searching(self) -> bool:
        return self.query is not None

    def open(self, *, replacing: bool = False) -> None:
        session = self.editor.session
        self.editor.app.push_screen(
            SearchDialog(
                self.editor.lang,
                session.find,
                query=self.query,
                replacement=self.replacement if replacing else None,
                at=self.index,
            ),
            self._chosen,
        )

    def _chosen(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        self.query, self.index = outcome.query, outcome.index
        lang = self.editor.lang
        if outcome.action == "go":
            self._show()
            return
        self.replacement = outcome.replacement
        only = outcome.hit.location if outcome.action == "replace_one" and outcome.hit else None
        ok, count = self.editor.guard(self.editor.session.replace, outcome.query, outcome.replacement, only)
        if not ok:
            return
        self.editor.reload_form()
        self.editor.refresh_findings()
        self.editor.schedule_autosave()
        self.editor.notify(t("replaced", lang, n=count or 0, old=outcome.query.text, new=outcome.replacement))
        if outcome.action == "replace_one":  # on to the next: the dialog again, on the hit that follows
            self.open(replacing=True)

    def step(self, delta: int) -> None:
        """F3 / Shift+F3: the next or previous hit of the search that is on."""
        if self.query is None:
            return
        self.index += delta
        self._show()

    def end(self) -> None:
        if self.query is not None:
            self.query = None
            self.editor.notify(t("search_ended", self.editor.lang))

    def _show(self) -> None:
        assert self.query is not None
        hits = self.editor.session.find(self.query)
        lang = self.editor.lang
        if not hits:
            self.editor.notify(t("search_none", lang, text=self.query.text), severity="warning")
            return
        self.index %= len(hits)
        self.editor.navigator.show_location(hits[self.index].location)
        self.editor.notify(t("search_at", lang, text=self.query.text, i=self.index + 1, n=len(hits)))

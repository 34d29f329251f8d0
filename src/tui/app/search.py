"""查找 and 替换: the whole issue searched as you type, the hits listed, one or all replaced.

The dialog lists the hits of what the screen's ``find`` returns (it never
touches the issue); it closes with what the user chose, and the screen asks
the session to do it: go to a hit (then F3 / Shift+F3 step through the rest),
replace the highlighted hit, or replace them all as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.app.dialogs import DIALOG_BINDINGS
from tui.app.keys import steady_cursors
from tui.app.strings import t
from tui.app.text_fields import FieldInput
from tui.model.i18n import Lang
from tui.model.search import Hit, Query

LISTED = 500  # hits listed at most (all of them are found, and F3 reaches every one)

Action = Literal["go", "replace_one", "replace_all"]


@dataclass(frozen=True)
class SearchOutcome:
    action: Action
    query: Query
    replacement: str
    hit: Hit | None  # the highlighted hit (go, replace_one)
    index: int  # its place among the hits


class SearchDialog(ModalScreen[SearchOutcome | None]):
    """Ctrl+F: find in the whole issue; Ctrl+H (Ctrl+R): find and replace."""

    BINDINGS = [
        *DIALOG_BINDINGS,
        Binding("down", "to_hits", show=False),
    ]

    def __init__(
        self,
        lang: Lang,
        find: Callable[[Query], list[Hit]],
        *,
        query: Query | None = None,
        replacement: str | None = None,
        at: int = 0,
    ) -> None:
        super().__init__(classes="dialog")
        self.lang = lang
        self.find = find
        self.query_start = query or Query("")
        self.replacing = replacement is not None
        self.replacement_start = replacement or ""
        self.at = at
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog-box search-box"):
            yield Label(
                t("replace_title" if self.replacing else "search_title", lang), classes="dialog-title"
            )
            yield Label(t("search_for", lang), classes="field-label")
            yield FieldInput(select_on_focus=False, value=self.query_start.text, id="search-query")
            if self.replacing:
                yield Label(t("replace_with", lang), classes="field-label")
                yield FieldInput(select_on_focus=False, value=self.replacement_start, id="search-replacement")
            yield Checkbox(t("search_loose", lang), self.query_start.loose, id="search-loose")
            yield Label("", id="search-count", classes="field-label")
            yield OptionList(id="search-hits")
            with Horizontal(classes="dialog-buttons"):
                if self.replacing:
                    yield Button(t("replace_one", lang), id="replace-one", variant="primary")
                    yield Button(t("replace_all", lang), id="replace-all")
                yield Button(t("close", lang), id="close")

    def on_mount(self) -> None:
        steady_cursors(self)
        self._refresh_hits(self.at)
        self.query_one("#search-query", Input).focus()

    # ------------------------------------------------------------ hits

    @property
    def current_query(self) -> Query:
        return Query(self.query_one("#search-query", Input).value, self.query_one(Checkbox).value)

    def _refresh_hits(self, at: int = 0) -> None:
        query = self.current_query
        self.hits = self.find(query) if query.text else []
        hits = self.query_one(OptionList)
        hits.clear_options()
        hits.add_options(
            [Option(f"{h.location.describe(self.lang)}　{h.context}") for h in self.hits[:LISTED]]
        )
        if self.hits:
            hits.highlighted = min(at, len(self.hits[:LISTED]) - 1)
        count = t("search_count", self.lang, n=len(self.hits)) if query.text else ""
        if len(self.hits) > LISTED:
            count += t("search_listed", self.lang, n=LISTED)
        self.query_one("#search-count", Label).update(count)

    @on(Input.Changed, "#search-query")
    @on(Checkbox.Changed)
    def _query_changed(self) -> None:
        self._refresh_hits()

    def _highlighted(self) -> int:
        highlighted = self.query_one(OptionList).highlighted
        return highlighted if highlighted is not None else 0

    def _close_with(self, action: Action) -> None:
        if not self.hits:
            return
        index = self._highlighted()
        replacement = self.query_one("#search-replacement", Input).value if self.replacing else ""
        self.dismiss(SearchOutcome(action, self.current_query, replacement, self.hits[index], index))

    # ------------------------------------------------------------ keys and buttons

    def action_to_hits(self) -> None:
        """↓ from a field moves into the list of hits."""
        if self.hits and not self.query_one(OptionList).has_focus:
            self.query_one(OptionList).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field: go to the highlighted hit (replace mode: replace it)."""
        event.stop()
        self._close_with("replace_one" if self.replacing and event.input.id == "search-replacement" else "go")

    @on(OptionList.OptionSelected)
    def _hit_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._close_with("go")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "replace-one":
            self._close_with("replace_one")
        elif event.button.id == "replace-all":
            self._close_with("replace_all")
        else:
            self.dismiss(None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

"""档案检索 (F2): full-text search of every issue of the archive, from the editor; Enter opens the hit.

The same index as ``jianbao search`` (SQLite FTS5, trigram; in the per-user
cache), brought up to date and queried in a worker, so a first search of a
large archive does not hold the screen.  The result is the hit chosen; the
editor then goes to it, in this issue or (once it is saved) in the other.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text as RichText
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import ArchiveSearched
from tui.app.strings import t
from tui.app.text_fields import FieldInput
from tui.files.search_index import Filters, SearchHit, SearchIndex
from tui.model.i18n import Lang

LIMIT = 200  # hits listed; the count says how many there are in all


def hit_label(hit: SearchHit, lang: Lang) -> RichText:
    """第12期（总第718期） 2025-12-05 【栏目】标题 · 第3段, then the text around the hit, the hit marked."""
    where = {"title": t("hit_title", lang), "byline": t("hit_byline", lang)}.get(hit.field) or t(
        "hit_paragraph", lang, n=(hit.paragraph or 0) + 1
    )
    name = hit.title or t("hit_brief", lang)
    head = t("hit_issue", lang, number=hit.number, cumulative=hit.cumulative, date=hit.date)
    text = RichText(f"{head}  【{hit.column}】{name} · {where}\n   ", style="")
    text.append(hit.snippet[: hit.start])
    text.append(hit.snippet[hit.start : hit.end], style="bold reverse")
    text.append(hit.snippet[hit.end :])
    return text


class ArchiveSearchScreen(ModalScreen[tuple[str, SearchHit] | None]):
    """The query, the hits; Enter on a hit returns (query, hit), Esc returns None."""

    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, archive: Path, lang: Lang) -> None:
        super().__init__(classes="dialog")
        self.archive = archive
        self.lang = lang
        self.hits: list[SearchHit] = []
        self.query_text = ""  # the query whose hits are listed
        self._asked = ""  # the query last asked for

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box search-archive-box") as box:
            box.border_title = t("archive_search_title", self.lang)
            yield FieldInput(
                select_on_focus=False, placeholder=t("archive_search_prompt", self.lang), id="archive-query"
            )
            yield Static(t("archive_search_hint", self.lang), id="archive-status", classes="dialog-body")
            yield OptionList(id="archive-hits")

    def on_mount(self) -> None:
        self.query_one("#archive-query", Input).focus()

    @on(Input.Submitted, "#archive-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = event.value.strip()
        if not query:
            return
        self.query_one("#archive-status", Static).update(t("archive_searching", self.lang))
        self._asked = query
        self._search(query)

    @work(thread=True, exclusive=True, group="archive-search")
    def _search(self, query: str) -> None:
        """Off the UI thread: the index is updated (files changed since) and asked; the result comes back as a message."""
        index = SearchIndex(self.archive)
        try:
            update = index.update()
            hits, total = index.search(query, Filters(), limit=LIMIT)
        finally:
            index.close()
        self.post_message(ArchiveSearched(query, hits, total, len(update.errors)))

    @on(ArchiveSearched)
    def _show(self, message: ArchiveSearched) -> None:
        if message.query != self._asked:
            return  # an earlier search finishing after a later one was asked: not what is wanted now
        self.query_text, self.hits = message.query, message.hits
        listing = self.query_one("#archive-hits", OptionList)
        listing.clear_options()
        listing.add_options([Option(hit_label(h, self.lang)) for h in message.hits])
        status = (
            t("archive_found", self.lang, text=message.query, n=message.total, shown=len(message.hits))
            if message.hits
            else t("archive_none", self.lang, text=message.query)
        )
        if message.unreadable:
            status += "  " + t("archive_unreadable", self.lang, n=message.unreadable)
        self.query_one("#archive-status", Static).update(status)
        if message.hits:
            listing.highlighted = 0
            listing.focus()

    @on(OptionList.OptionSelected, "#archive-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.dismiss((self.query_text, self.hits[event.option_index]))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

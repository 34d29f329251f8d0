"""The editor pane: the masthead card, and the forms for a node of the outline, mounted when first needed.

No form exists at start-up (the masthead shows as a card): every widget
mounted costs start-up time, and most sessions open one or two kinds of
node.  A form is mounted the first time it is needed; until it is there,
``show`` says so and the screen asks again once it is (``when_mounted``).
The screen gives the pane what to show (attributes down); the forms post
what the user types (messages up).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Static

from tui.app.forms import ArticleForm, EndBlockForm
from tui.app.keys import steady_cursors
from tui.app.masthead import MastheadCard, MastheadForm
from tui.app.outline_nodes import NodeRef
from tui.app.preview import PreviewText
from tui.app.strings import t
from tui.model.house import House
from tui.model.i18n import Lang
from tui.model.issue import Issue
from tui.model.templates import prompts


class Shown(NamedTuple):
    """What the pane is to show a node with (the screen's state, handed down)."""

    issue: Issue
    house: House
    expected: tuple[int, int] | None  # the numbers the archive expects, for the masthead
    read_only: bool
    editing_masthead: bool  # the masthead as its form, not as the card


class EditorPane(ContentSwitcher):
    def __init__(self, lang: Lang, *, id: str) -> None:
        super().__init__(initial="masthead-card", id=id)
        self.lang = lang
        self.units: list[str] = []  # the house's known units, offered in the article form
        self._mounting: dict[str, AwaitMount] = {}

    def compose(self) -> ComposeResult:
        yield MastheadCard(self.lang, id="masthead-card")  # there from the start: the first thing shown

    # ------------------------------------------------------------ forms, mounted on first use

    # The forms of _factories that are one widget with nothing composed inside: every other form
    # has children once composed (when_mounted tells a form that never will be by their absence).
    FIELDLESS = frozenset({"column-info"})

    def _factories(self) -> dict[str, Callable[[], Widget]]:
        return {
            "article-form": lambda: ArticleForm(self.lang, self.units, id="article-form"),
            "masthead-form": lambda: MastheadForm(self.lang, id="masthead-form"),
            "endblock-form": lambda: EndBlockForm(self.lang, id="endblock-form"),
            "column-info": lambda: Static("", id="column-info"),
            "preview": lambda: VerticalScroll(PreviewText(id="preview-text"), id="preview"),
        }

    def form(self, pane_id: str) -> Widget | None:
        """The form ``pane_id``; None while it is still being mounted (mounting it if it is not there)."""
        if pane_id in self._mounting or not self.is_attached:
            return None  # asked again before it is there (one form, not two with one id), or leaving
        found = self.query(f"#{pane_id}")
        if found:
            return found.first()
        widget = self._factories()[pane_id]()
        widget.display = False
        self._mounting[pane_id] = self.mount(widget)
        return None

    async def when_mounted(self, pane_id: str) -> bool:
        """Wait for the form ``pane_id`` to be mounted (its cursors steadied once it is); False if it never will be.

        A form mounted while the app shuts down is reported mounted but never
        composed (no fields): there is nothing to show into then.
        """
        waiting = self._mounting.get(pane_id)
        if waiting is not None:
            await waiting
            self._mounting.pop(pane_id, None)
        found = self.query(f"#{pane_id}")
        if not self.is_attached or not found:
            return False
        form = found.first()
        if pane_id not in self.FIELDLESS and not form.children:
            return False
        if waiting is not None:
            steady_cursors(form)
        return True

    @property
    def ready(self) -> bool:
        """No form is still being mounted."""
        return not self._mounting

    async def settle(self) -> None:
        """Wait until every form being mounted is there (before focusing a field in it)."""
        for pane_id, waiting in list(self._mounting.items()):
            await waiting
            self._mounting.pop(pane_id, None)

    # ------------------------------------------------------------ showing

    def show(self, ref: NodeRef, shown: Shown) -> str | None:
        """Show ``ref``; the id of a form still being mounted when it cannot yet (None when shown)."""
        issue = shown.issue
        if ref.kind == "article" and ref.index is not None and ref.index < len(issue.articles):
            form = self.form("article-form")
            if not isinstance(form, ArticleForm):
                return "article-form"
            catalogue = shown.house.catalogue_column(issue.articles[ref.index].column)
            form.load(
                issue,
                ref.index,
                read_only=shown.read_only,
                prompts=prompts(catalogue.template) if catalogue else (),
            )
            self.current = "article-form"
            self.border_title = issue.articles[ref.index].column
        elif ref.kind == "masthead":
            self.border_title = t("masthead", self.lang)
            if not shown.editing_masthead:
                self.query_one(MastheadCard).show(issue, shown.expected, read_only=shown.read_only)
                self.current = "masthead-card"
                return None
            masthead_form = self.form("masthead-form")
            if not isinstance(masthead_form, MastheadForm):
                return "masthead-form"
            masthead_form.load(issue, shown.expected, read_only=shown.read_only)
            self.current = "masthead-form"
        elif ref.kind == "endblock":
            endblock_form = self.form("endblock-form")
            if not isinstance(endblock_form, EndBlockForm):
                return "endblock-form"
            endblock_form.load(issue, read_only=shown.read_only)
            self.current = "endblock-form"
            self.border_title = t("endblock", self.lang)
        elif ref.kind == "column":
            column = issue.column(ref.column)
            n = len(issue.articles_in(ref.column))
            kind = t("briefs_count", self.lang, n=n) if column and column.kind == "briefs" else f"{n}"
            info = self.form("column-info")
            if not isinstance(info, Static):
                return "column-info"
            info.update(f"{t('column', self.lang)}：{ref.column}（{kind}）")
            self.current = "column-info"
            self.border_title = ref.column
        return None

    def show_preview(self, text: str) -> bool:
        """The print preview of the issue; False while its pane is still being mounted."""
        preview = self.form("preview")
        if preview is None:
            return False
        preview.query_one(PreviewText).text = text
        self.current = "preview"
        self.border_title = t("preview", self.lang)
        return True

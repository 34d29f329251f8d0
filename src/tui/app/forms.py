"""The editor pane's forms: article and end block (the masthead has its own module).

Forms never write the model: they post ``FieldEdited`` and the screen asks
the session to take the value (attributes down, messages up).  Loading a
node into a form posts nothing (values equal to the model are ignored).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.text_area import Edit, EditResult, Selection

from tui.app.messages import ColumnChanged, FieldEdited
from tui.app.strings import t
from tui.app.text_fields import FieldArea, FieldInput, TitleArea
from tui.model import Article, Issue, bylines
from tui.model.bodytext import body_text, paragraphs_of
from tui.model.i18n import Lang
from tui.model.titlebreak import parse_typed, with_breaks

_NAME_SEPARATORS = re.compile(r"[、，,；;]+")


def split_names(text: str) -> list[str]:
    """Names as typed: separated by spaces or 、; padded two-character names (石 晗) pair up."""
    return bylines.split_names(_NAME_SEPARATORS.sub(" ", text))[0]


class Line(Widget):
    """One line of text that repaints only itself (Static.update re-lays out the whole screen)."""

    DEFAULT_CSS = "Line { height: 1; }"
    text: reactive[str] = reactive("")

    def render(self) -> str:
        return self.text


class BodyArea(FieldArea):
    """The article body: each edit calls back at once, so the 字数 line repaints with the text.

    The one exception to "messages up": a message (or TextArea.Changed) is
    handled a frame later, and every keystroke then costs two screen updates
    instead of one (measured: typing 1.39× a bare TextArea instead of 1.05×).
    The form hands its callback down when it composes the area.
    """

    def __init__(self, *, on_edit: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_edit = on_edit

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        self.on_edit()
        return result


def _label(text: str, width: int, **kwargs: Any) -> Label:
    label = Label(text, classes="field-label", **kwargs)
    label.styles.width = width
    return label


def _location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset in a text area's text."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class ArticleForm(Vertical):
    def __init__(self, lang: Lang, units: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.units = units
        self.issue: Issue | None = None
        self.index: int | None = None
        self.read_only = False
        self.prompts: tuple[str, ...] = ()
        self._column_options: list[tuple[str, str]] | None = None  # what the column list shows

    def compose(self) -> ComposeResult:
        lang = self.lang
        # The labels as wide as the widest of them in this language: none wraps (Byline unit).
        width = max(cell_len(t(k, lang)) for k in ("column", "title", "unit", "authors")) + 2
        with Horizontal(classes="row"):
            yield _label(t("column", lang), width)
            yield Select(
                [("…", "")],
                id="article-column",
                compact=True,
                allow_blank=False,
                prompt=t("select_prompt", lang),
            )
        with Horizontal(classes="row title-row"):  # as tall as the wrapped title
            yield _label(t("title", lang), width, id="title-label")
            yield TitleArea(
                id="article-title",
                compact=True,
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
                highlight_cursor_line=False,
            )
        with Horizontal(classes="row"):
            yield _label(t("unit", lang), width)
            yield FieldInput(
                select_on_focus=False,
                id="article-unit",
                suggester=SuggestFromList(self.units, case_sensitive=True),
                compact=True,
            )
        with Horizontal(classes="row"):
            yield _label(t("authors", lang), width)
            yield FieldInput(
                select_on_focus=False, id="article-authors", placeholder=t("authors_hint", lang), compact=True
            )
        yield BodyArea(
            on_edit=self.sync_body,
            id="article-body",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
        )
        yield Line(id="article-counts", classes="counts")
        yield Static("", id="article-comments", classes="comments")

    @property
    def article(self) -> Article | None:
        if self.issue is None or self.index is None or not 0 <= self.index < len(self.issue.articles):
            return None
        return self.issue.articles[self.index]

    def load(self, issue: Issue, index: int, *, read_only: bool, prompts: tuple[str, ...] = ()) -> None:
        """Show an article; ``prompts`` are its column template's （prompts） (selected when the body is entered)."""
        self.issue, self.index, self.read_only = issue, index, read_only
        self.prompts = prompts
        a = issue.articles[index]
        select = self.query_one("#article-column", Select)
        options = [(c.name, c.name) for c in issue.columns]
        if a.column not in [v for _, v in options]:
            options.append((a.column or "？", a.column))
        if options != self._column_options:  # new options lay the screen out again: only when they change
            self._column_options = options
            select.set_options(options)
        if select.value != a.column:
            select.value = a.column
        column = issue.column(a.column)
        brief = column is not None and column.kind == "briefs"
        title = self.query_one("#article-title", TitleArea)
        if parse_typed(title.text) != (
            a.title,
            a.title_breaks,
        ):  # a break just typed stays until the next line
            title.load_text(with_breaks(a))  # the whole title, wrapped: its start (区名：) always in view
        title.placeholder = t("title_brief", self.lang) if brief else ""
        title.disabled = read_only
        self.query_one("#article-unit", Input).value = a.byline.unit if a.byline else ""
        self.query_one("#article-authors", Input).value = "　".join(a.byline.authors) if a.byline else ""
        body = self.query_one("#article-body", TextArea)
        text = body_text(a.paragraphs)
        if body.text != text:
            body.load_text(text)
        for widget in self.query("Input"):
            widget.disabled = read_only
        select.disabled = read_only
        body.read_only = read_only
        self.update_counts()
        self.update_comments()

    def update_counts(self, paragraphs: list[str] | None = None) -> None:
        """The 字数 line, from the paragraphs as typed (the model takes them a moment later)."""
        a = self.article
        if paragraphs is None:
            if a is None:
                return
            paragraphs = a.paragraphs
        self.query_one("#article-counts", Line).text = t(
            "counts", self.lang, chars=sum(len(p) for p in paragraphs), paras=len(paragraphs)
        )

    def update_comments(self) -> None:
        a = self.article
        widget = self.query_one("#article-comments", Static)
        if a is None or not a.comments:
            widget.display = False
            return
        widget.display = True
        lines = [f"【{t('comments', self.lang)}】"]
        done = t("comment_done", self.lang)
        lines += [
            f"{c.author}（{c.at:%Y-%m-%d %H:%M}）：{c.text}" + (done if c.resolved else "")
            for c in a.comments
        ]
        widget.update("\n".join(lines))

    def on_input_changed(self, event: Input.Changed) -> None:
        a = self.article
        if a is None or self.read_only or event.value != event.input.value:
            return  # a stale event from before the form was loaded with another article
        event.stop()
        value = event.value
        if event.input.id == "article-unit":
            if value != (a.byline.unit if a.byline else ""):
                self.post_message(FieldEdited("byline.unit", value, self.index))
        elif event.input.id == "article-authors":
            names = split_names(value)
            if names != (a.byline.authors if a.byline else []):
                self.post_message(FieldEdited("byline.authors", names, self.index))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Entering the body of an article still holding a template prompt selects the first one.

        Only from the very start of the text (a fresh article): typing then
        replaces the prompt instead of running into it.
        """
        body = event.widget
        if not isinstance(body, TextArea) or body.id != "article-body" or self.read_only:
            return
        if body.cursor_location != (0, 0) or not body.selection.is_empty:
            return
        text = body.text
        found = [(text.index(p), p) for p in self.prompts if p in text]
        if not found:
            return
        offset, prompt = min(found)
        body.selection = Selection(_location(text, offset), _location(text, offset + len(prompt)))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "article-title":
            event.stop()
            self._title_changed(event.text_area)
            return
        if event.text_area.id == "article-body":
            event.stop()
            self.sync_body()  # undo and redo change the text without BodyArea.edit

    def _title_changed(self, area: TextArea) -> None:
        a = self.article
        if a is None or self.read_only:
            return
        value = area.text  # a line break in it is the editor's own (Ctrl+J); a pasted one is joined
        if parse_typed(value) != (a.title, a.title_breaks):
            self.post_message(FieldEdited("title", value, self.index))

    def sync_body(self) -> None:
        """The body as typed: the 字数 line now, and the paragraphs up to the screen (when they differ)."""
        a = self.article
        if a is None or self.read_only:
            return
        paragraphs = paragraphs_of(self.query_one("#article-body", TextArea).text)
        if paragraphs == a.paragraphs:
            return
        self.update_counts(paragraphs)
        self.post_message(FieldEdited("paragraphs", paragraphs, self.index))

    def on_select_changed(self, event: Select.Changed) -> None:
        a = self.article
        if (
            a is None
            or self.read_only
            or event.select.id != "article-column"
            or event.value != event.select.value
        ):
            return
        event.stop()
        if event.value is Select.NULL or not event.value or event.value == a.column:  # no blank column, ever
            return
        if self.index is not None:
            self.post_message(ColumnChanged(self.index, str(event.value)))


class EndBlockForm(Vertical):
    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.issue: Issue | None = None
        self.read_only = False

    def compose(self) -> ComposeResult:
        yield Label(t("distribution", self.lang), classes="field-label full-label")
        yield FieldArea(id="endblock-distribution", soft_wrap=True, tab_behavior="focus")
        with Horizontal(classes="row"):
            yield Label(t("editor", self.lang), classes="field-label wide-label")
            yield FieldInput(select_on_focus=False, id="endblock-editor", compact=True)
        with Horizontal(classes="row"):
            yield Label(t("phone", self.lang), classes="field-label wide-label")
            yield FieldInput(select_on_focus=False, id="endblock-phone", compact=True)

    def load(self, issue: Issue, *, read_only: bool) -> None:
        self.issue, self.read_only = issue, read_only
        e = issue.endblock
        area = self.query_one("#endblock-distribution", TextArea)
        text = "\n".join(e.distribution)
        if area.text != text:
            area.load_text(text)
        area.read_only = read_only
        self.query_one("#endblock-editor", Input).value = e.editor
        self.query_one("#endblock-phone", Input).value = e.phone
        for widget in self.query("Input"):
            widget.disabled = read_only

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.issue is None or self.read_only:
            return
        event.stop()
        lines = [line.strip() for line in event.text_area.text.split("\n") if line.strip()]
        if lines != self.issue.endblock.distribution:
            self.post_message(FieldEdited("endblock.distribution", lines))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.issue is None or self.read_only or event.value != event.input.value:
            return
        event.stop()
        key = (event.input.id or "").removeprefix("endblock-")
        if key in ("editor", "phone") and getattr(self.issue.endblock, key) != event.value:
            self.post_message(FieldEdited(f"endblock.{key}", event.value))

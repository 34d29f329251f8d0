"""The masthead in the editor pane: a read-only card, and the form it opens.

Forms post ``FieldEdited``; the screen asks the session to take the value;
loading the masthead into the form never writes back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.cells import set_cell_size
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from tui.app.messages import FieldEdited, FieldRejected, MastheadOpened
from tui.app.strings import t
from tui.app.text_fields import FieldInput
from tui.model import EDITIONS, Issue
from tui.model.extent import extent
from tui.model.i18n import Lang

MASTHEAD_FIELDS = (
    ("name", "name"),
    ("edition", "edition"),
    ("number", "number"),
    ("cumulative", "cumulative"),
    ("unit", "editing_unit"),
    ("date", "date"),
)
LABEL_WIDTH = 21  # cells, as .wide-label (the longest English label is 20)


def expected_hint(expected: tuple[int, int] | None, lang: Lang) -> str:
    return t("expected", lang, n=expected[0], m=expected[1]) if expected else t("expected_none", lang)


class MastheadCard(Widget, can_focus=True):
    """The masthead as a read-only card, laid out like the form; entering it opens the form.

    Most sessions never change the masthead (``jianbao new`` fills it in), and
    the form's six inputs were a third of the editor's start-up, so the form
    is mounted only when the user goes to edit: Enter on the outline's 报头,
    Tab or a click into this card, or a jump to a masthead finding.
    """

    DEFAULT_CSS = "MastheadCard { height: auto; }"

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.values: dict[str, str] = {}
        self.hint = ""
        self.totals = ""
        self.read_only = False

    def show(self, issue: Issue, expected: tuple[int, int] | None, *, read_only: bool) -> None:
        m = issue.masthead
        self.values = {
            "name": m.name,
            "edition": m.edition,
            "number": str(m.number),
            "cumulative": str(m.cumulative),
            "unit": m.unit,
            "date": m.date.isoformat(),
        }
        self.hint = expected_hint(expected, self.lang)
        size = extent(issue)
        self.totals = t(
            "issue_totals",
            self.lang,
            articles=size.articles,
            briefs=size.briefs,
            chars=f"{size.chars:,}",
            pages=size.pages,
        )
        self.read_only = read_only
        self.refresh(layout=True)

    def render(self) -> RichText:
        spaced = self.screen.has_class("wide")  # the form's rows have a blank line between them there
        text = RichText()
        for key, label in MASTHEAD_FIELDS:
            text.append(set_cell_size(t(label, self.lang), LABEL_WIDTH), style="dim")
            text.append(self.values.get(key, "") + "\n" + ("\n" if spaced else ""))
        text.append(self.hint + "\n", style="dim")
        text.append(self.totals + "\n", style="dim")
        if not self.read_only:
            text.append("\n" + t("masthead_enter", self.lang), style="dim italic")
        return text

    def on_focus(self) -> None:
        self.post_message(MastheadOpened())

    def on_click(self) -> None:
        self.post_message(MastheadOpened())


class MastheadForm(VerticalScroll):
    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.issue: Issue | None = None
        self.read_only = False

    def compose(self) -> ComposeResult:
        lang = self.lang
        for key, label in MASTHEAD_FIELDS:
            with Horizontal(classes="row"):
                yield Label(t(label, lang), classes="field-label wide-label")
                if key == "edition":
                    yield Select(
                        [(e, e) for e in EDITIONS],
                        id="masthead-edition",
                        allow_blank=False,
                        compact=True,
                        prompt=t("select_prompt", lang),
                    )
                else:
                    if key in ("number", "cumulative"):
                        yield FieldInput(
                            select_on_focus=False, id=f"masthead-{key}", type="integer", compact=True
                        )
                    else:
                        yield FieldInput(select_on_focus=False, id=f"masthead-{key}", compact=True)
        yield Static("", id="masthead-hint", classes="hint")

    def load(self, issue: Issue, expected: tuple[int, int] | None, *, read_only: bool) -> None:
        self.issue, self.read_only = issue, read_only
        m = issue.masthead
        self.query_one("#masthead-name", Input).value = m.name
        self.query_one("#masthead-edition", Select).value = m.edition
        self.query_one("#masthead-number", Input).value = str(m.number)
        self.query_one("#masthead-cumulative", Input).value = str(m.cumulative)
        self.query_one("#masthead-unit", Input).value = m.unit
        self.query_one("#masthead-date", Input).value = m.date.isoformat()
        for widget in self.query("Input, Select"):
            widget.disabled = read_only
        self.show_hint(expected)

    def show_hint(self, expected: tuple[int, int] | None) -> None:
        self.query_one("#masthead-hint", Static).update(expected_hint(expected, self.lang))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.issue is None or self.read_only or event.value != event.input.value:
            return
        event.stop()
        m = self.issue.masthead
        key = (event.input.id or "").removeprefix("masthead-")
        value = event.value.strip()
        taken: object
        if key in ("name", "unit"):
            taken = event.value
        elif key in ("number", "cumulative"):
            if not value.isdigit() or int(value) < 1:
                self._reject(event.input, key, event.value)
                return
            taken = int(value)
        elif key == "date":
            try:
                taken = dt.date.fromisoformat(value)
            except ValueError:
                self._reject(event.input, key, event.value)
                return
        else:
            return
        self._accept(event.input, key)
        if getattr(m, key) != taken:
            self.post_message(FieldEdited(f"masthead.{key}", taken))

    def _reject(self, widget: Input, key: str, text: str) -> None:
        widget.add_class("invalid")
        self.post_message(FieldRejected(f"masthead.{key}", t(dict(MASTHEAD_FIELDS)[key], self.lang), text))

    def _accept(self, widget: Input, key: str) -> None:
        if widget.has_class("invalid"):
            widget.remove_class("invalid")
            self.post_message(
                FieldRejected(f"masthead.{key}", t(dict(MASTHEAD_FIELDS)[key], self.lang), None)
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        if (
            self.issue is None
            or self.read_only
            or event.value is Select.NULL
            or event.value != event.select.value
        ):
            return
        event.stop()
        if self.issue.masthead.edition != event.value:
            self.post_message(FieldEdited("masthead.edition", str(event.value)))

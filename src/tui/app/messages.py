"""The messages the editor's widgets post up to the screen: widgets say what happened, the screen acts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.model.findings import Finding
from tui.model.issue import Issue
from tui.session import Rechecked

if TYPE_CHECKING:  # sqlite3 is loaded when a search runs, not at every start
    from tui.files.search_index import SearchHit


class FieldEdited(Message):
    """The user typed into a field; the screen asks the session to take ``value``.

    ``field`` is a session field path (``title``, ``paragraphs``,
    ``byline.unit``, ``byline.authors``, ``masthead.<key>``,
    ``endblock.<key>``); ``article`` the article's index, None for the
    masthead and the end block.
    """

    def __init__(self, field: str, value: object, article: int | None = None) -> None:
        super().__init__()
        self.field = field
        self.value = value
        self.article = article


class FindingChosen(Message):
    """Enter or a second click on a row of the checks pane: show this finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding


class FindingHighlighted(Message):
    """The checks pane's cursor is on this finding now (None: the pane is empty, or on a group).

    On a group's header (the pane grouped by rule), ``group`` holds the rule
    and ``members`` its findings.
    """

    def __init__(
        self, finding: Finding | None, group: str | None = None, members: list[Finding] | None = None
    ) -> None:
        super().__init__()
        self.finding = finding
        self.group = group
        self.members = members or []


class FindingsFiltered(Message):
    """The checks pane now shows another selection (its title says how many)."""


class ChecksReady(Message):
    """A background check finished; the screen hands the result to the session.

    A message to a screen that is gone is dropped, so a check that lands
    after the editor closed does nothing.
    """

    def __init__(self, result: Rechecked) -> None:
        super().__init__()
        self.result = result


class StructureChecked(Message):
    """A structural edit's re-check, carried out between keystrokes, is done: the findings fit again."""


class ColumnChanged(Message):
    def __init__(self, article: int, column: str) -> None:
        super().__init__()
        self.article = article
        self.column = column


class MastheadOpened(Message):
    """Enter, a click or Tab on the masthead card: open the masthead form."""


class FieldRejected(Message):
    """A field holds text that cannot be taken into the model (e.g. 2025-13-45 as a date).

    ``text`` is what was typed, or None once the field is valid again.  While
    any field is rejected the issue cannot be saved: the save would otherwise
    report success and keep the old value.
    """

    def __init__(self, field: str, label: str, text: str | None) -> None:
        super().__init__()
        self.field = field
        self.label = label
        self.text = text


class ArchiveSearched(Message):
    """The archive search's worker is done: the hits shown (newest first) and how many in all."""

    def __init__(self, query: str, hits: list[SearchHit], total: int, unreadable: int) -> None:
        super().__init__()
        self.query = query
        self.hits = hits
        self.total = total
        self.unreadable = unreadable  # archive files that could not be read (left out)


class OpenArchiveHit(Message):
    """The editor is to leave its (saved) issue for another issue of the archive, at a search hit."""

    def __init__(self, path: Path, query: str, hit: SearchHit) -> None:
        super().__init__()
        self.path = path
        self.query = query
        self.hit = hit


class QuarterLoaded(Message):
    """The archive's earlier issues of this quarter, read in a worker for the masthead date ``date``."""

    def __init__(self, date: dt.date, issues: list[Issue]) -> None:
        super().__init__()
        self.date = date
        self.issues = issues

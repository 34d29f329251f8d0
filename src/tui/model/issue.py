"""The bulletin issue as plain data: no I/O, no UI.

An issue is what one number of a bulletin such as 杭州人大信息 holds: the
masthead (报头), the columns (栏目) in print order, the articles, and the end
block (报尾).  Waivers, sign-offs and comments record the proofreading
workflow in the same file so the editor and the proofreader share one truth.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from tui.model.record import Record

FORMAT = "jianbao/1"
KNOWN_FORMATS: tuple[str, ...] = (FORMAT,)

EDITIONS: tuple[str, ...] = ("普刊", "专刊", "增刊")
ColumnKind = Literal["articles", "briefs"]
COLUMN_KINDS: tuple[ColumnKind, ...] = ("articles", "briefs")
Role = Literal["editor", "proofreader", "approver"]
ROLES: tuple[Role, ...] = ("editor", "proofreader", "approver")
ROLE_LABELS: dict[str, tuple[str, str]] = {  # (zh, en)
    "editor": ("编辑", "editor"),
    "proofreader": ("校对", "proofreader"),
    "approver": ("审签", "approver"),
}


@dataclass(repr=False, eq=False)
class Masthead(Record):
    """报头: bulletin name, edition kind, 第N期, 总第M期, editing unit, date."""

    name: str
    edition: str
    number: int
    cumulative: int
    unit: str
    date: dt.date


@dataclass(repr=False, eq=False)
class Column(Record):
    """栏目: ``articles`` columns hold titled articles, ``briefs`` short untitled items."""

    name: str
    kind: ColumnKind = "articles"


@dataclass(repr=False, eq=False)
class Byline(Record):
    """署名: the unit and the authors, stored apart and rendered in house style."""

    unit: str
    authors: list[str] = field(default_factory=list)


@dataclass(repr=False, eq=False)
class Comment(Record):
    """A note left on an article, typically by the proofreader."""

    author: str
    text: str
    at: dt.datetime
    resolved: bool = False  # the editor dealt with it; kept, shown as done


@dataclass(repr=False, eq=False)
class Article(Record):
    """A titled article, or a brief (empty title) in a ``briefs`` column."""

    column: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    byline: Byline | None = None
    comments: list[Comment] = field(default_factory=list)
    title_breaks: tuple[
        int, ...
    ] = ()  # the editor's own line breaks: offsets in ``title`` where a line starts

    @property
    def is_brief(self) -> bool:
        return not self.title

    @property
    def char_count(self) -> int:
        """字数 as editors count it: the characters of the body, not of the title."""
        return sum(len(p) for p in self.paragraphs)

    def content_key(self) -> tuple[object, ...]:
        """Everything the article holds, as one hashable value.

        Equal keys, equal articles: what re-checks and the writer use to
        reuse their work for an unchanged article.  Built from the strings
        themselves (their hashes are cached), so at 3,000 articles the keys
        of a whole issue take milliseconds, where a generic walk of the
        dataclasses took 180 ms.  A test changes each field and sees the key change.
        """
        b = self.byline
        return (
            self.column,
            self.title,
            self.title_breaks,
            tuple(self.paragraphs),
            None if b is None else (b.unit, tuple(b.authors)),
            # the time as written: two zones' times of one instant are equal datetimes
            tuple((c.author, c.text, c.at.isoformat(), c.resolved) for c in self.comments)
            if self.comments
            else (),
        )


@dataclass(repr=False, eq=False)
class EndBlock(Record):
    """报尾: 送 distribution lines, 本期责任编辑, 电话."""

    distribution: list[str] = field(default_factory=list)
    editor: str = ""
    phone: str = ""


@dataclass(repr=False, eq=False)
class Waiver(Record):
    """A proofreader's decision that one finding is acceptable, with the reason.

    The waiver names the finding by rule, location and the matched text, so it
    goes stale (and is reported) when the text changes.
    """

    rule: str
    field: str
    text: str
    reason: str
    by: str
    at: dt.datetime
    article: int | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(repr=False, eq=False)
class Signoff(Record):
    """A cumulative approval: who signed the issue off, in which role, when."""

    role: Role
    name: str
    at: dt.datetime
    digest: str = ""  # what was approved: the content's hash when signed ("" in files from before)


NOTE_SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(repr=False, eq=False)
class Note(Record):
    """What the importer noticed about the source, kept in the issue until someone resolves it.

    A contents title that differs from the body, an article listed but not
    found, a byline repaired: the proofreader who opens the issue later sees
    them among the findings, and waives them with a reason or marks them done.
    """

    rule: str
    severity: str  # error | warning | info
    message: str  # Chinese
    message_en: str = ""
    line: int | None = None  # 1-based line of the imported source
    source: str = ""  # the source text it is about
    field: str = "source"
    title: str = ""  # the article it is about, by its title (indexes change as the issue is edited)
    done: bool = False


@dataclass(repr=False, eq=False)
class Issue(Record):
    """One number of the bulletin."""

    masthead: Masthead
    columns: list[Column] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    endblock: EndBlock = field(default_factory=EndBlock)
    waivers: list[Waiver] = field(default_factory=list)
    signoffs: list[Signoff] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    def articles_in(self, column: str) -> list[Article]:
        return [a for a in self.articles if a.column == column]

    def in_print_order(self) -> list[tuple[Column | None, list[Article]]]:
        """Each column with its articles, in print order; articles of no listed column last (None)."""
        groups: list[tuple[Column | None, list[Article]]] = [
            (c, self.articles_in(c.name)) for c in self.columns
        ]
        listed = {c.name for c in self.columns}
        strays = [a for a in self.articles if a.column not in listed]
        if strays:
            groups.append((None, strays))
        return groups

    def end_of_column(self, column: str) -> int:
        """Where a new article of ``column`` goes: after its last one, else before later columns' articles."""
        in_column = [i for i, a in enumerate(self.articles) if a.column == column]
        if in_column:
            return in_column[-1] + 1
        order = [c.name for c in self.columns]
        later = set(order[order.index(column) + 1 :]) if column in order else set()
        return next((i for i, a in enumerate(self.articles) if a.column in later), len(self.articles))

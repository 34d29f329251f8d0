"""Two versions of an issue as one Word document with tracked changes (修订).

The director who reads in Word or WPS asks what changed since the version
they saw.  This is the new version laid out exactly as the print export
(``docx.render_docx``), with every change made a revision: inserted text in
``w:ins``, deleted text in ``w:del`` (``w:delText``), each with the author
and the time, so 审阅 → 修订 shows them and 接受/拒绝 works on each.
Accepting all gives the new version's text, rejecting all the old one's.

- Inside a paragraph, the changes are the character runs of
  :func:`tui.model.changes.char_runs` (short unchanged stretches between two
  changes joined, as a person marks them by hand).
- A paragraph, article or byline added or removed is marked whole, its
  paragraph mark too, so accepting a deletion leaves no empty paragraph.
- An article moved to another column or to another place is deleted where
  it stood and inserted where it is now.
- The masthead, the contents and the end block show the new version
  unmarked; ``jianbao diff`` in the terminal or as JSON lists their changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tui.exporters import docx_style as S
from tui.exporters import printable
from tui.exporters.docx import (
    TITLE_STYLE,
    Body,
    paragraph,
    render_docx,
    set_font,
    write_article,
    write_title,
)
from tui.exporters.docx_xml import set_child
from tui.model import Article, Issue
from tui.model.bylines import render_byline
from tui.model.changes import Run, char_runs, compare, paragraph_script
from tui.model.house import Style
from tui.model.matching import match_articles
from tui.model.provenance import REVISIONS

INS, DEL = "ins", "del"


@dataclass
class _Marks:
    """Makes the revision elements: each with its own id, the author and the time."""

    author: str
    when: dt.datetime
    next_id: int = field(default=1)

    def element(self, kind: str) -> Any:
        el = OxmlElement("w:ins" if kind == INS else "w:del")
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.when.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.next_id += 1
        return el

    def run(self, p: Paragraph, text: str, font: S.Font, kind: str, *, on_grid: bool = True) -> None:
        """A run of ``text``: plain (``same``), or inside an insertion or a deletion."""
        if not text:
            return
        run = p.add_run(text)
        set_font(run, font, on_grid=on_grid)
        if kind == "same":
            return
        wrapper = self.element(kind)
        run._r.addprevious(wrapper)
        wrapper.append(run._r)
        if kind == DEL:  # deleted text is w:delText, or Word refuses the file
            for t in run._r.findall(qn("w:t")):
                t.tag = qn("w:delText")

    def runs(self, p: Paragraph, runs: tuple[Run, ...], font: S.Font, *, on_grid: bool = True) -> None:
        for r in runs:
            self.run(p, r.text, font, r.kind, on_grid=on_grid)

    def paragraph_mark(self, p: Paragraph, kind: str) -> None:
        """The paragraph itself inserted or deleted (its mark, in the paragraph's run properties)."""
        r_pr = set_child(p._p.get_or_add_pPr(), "w:rPr")
        r_pr.insert(0, self.element(kind))


def _title_paragraph(body: Body) -> Paragraph:
    p = body.add_paragraph()
    p.style = TITLE_STYLE
    return p


def _body_paragraph(body: Body, fonts: S.Roles) -> Paragraph:
    p = paragraph(body, "", fonts.body, indent_chars=2)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def _byline_paragraph(body: Body, fonts: S.Roles) -> Paragraph:
    return paragraph(body, "", fonts.body, align=WD_ALIGN_PARAGRAPH.RIGHT)


def _whole(body: Body, article: Article, kind: str, style: Style, fonts: S.Roles, marks: _Marks) -> None:
    """An article added (or removed) as a whole: every run and every paragraph mark."""
    run_kind = INS if kind == INS else DEL
    parts: list[tuple[Paragraph, str, S.Font, bool]] = []
    if article.title:
        parts.append((_title_paragraph(body), article.title, fonts.title, False))
    parts += [(_body_paragraph(body, fonts), text, fonts.body, True) for text in article.paragraphs]
    if article.byline is not None:
        parts.append((_byline_paragraph(body, fonts), render_byline(article.byline, style), fonts.body, True))
    for p, text, font, on_grid in parts:
        marks.run(p, text, font, run_kind, on_grid=on_grid)
        marks.paragraph_mark(p, kind)


def _edited(body: Body, old: Article, new: Article, style: Style, fonts: S.Roles, marks: _Marks) -> None:
    """An article in both versions: its title, paragraphs and byline marked where they differ."""
    if old.title == new.title:
        if new.title:
            write_title(body, new, fonts.title)  # unchanged: in the editor's own lines, as printed
    else:
        p = _title_paragraph(body)
        marks.runs(p, char_runs(old.title, new.title), fonts.title, on_grid=False)
        if not new.title:
            marks.paragraph_mark(p, DEL)
        elif not old.title:
            marks.paragraph_mark(p, INS)
    for change in paragraph_script(old.paragraphs, new.paragraphs):
        p = _body_paragraph(body, fonts)
        marks.runs(p, change.runs, fonts.body)
        if change.kind == "added":
            marks.paragraph_mark(p, INS)
        elif change.kind == "removed":
            marks.paragraph_mark(p, DEL)
    before = render_byline(old.byline, style) if old.byline is not None else ""
    after = render_byline(new.byline, style) if new.byline is not None else ""
    if before or after:
        p = _byline_paragraph(body, fonts)
        marks.runs(p, char_runs(before, after), fonts.body)
        if not after:
            marks.paragraph_mark(p, DEL)
        elif not before:
            marks.paragraph_mark(p, INS)


def _writer(old: Issue, marks: _Marks) -> Any:
    """The body of the new version with the old one's differences as revisions (a ``docx.ArticlesWriter``)."""

    def write(body: Body, new: Issue, style: Style, fonts: S.Roles) -> None:
        changes = compare(old, new)
        by_new = {c.new_index: c for c in changes.articles if c.new_index is not None}
        relocated = {j for j, c in by_new.items() if c.kind == "changed" and (c.moved or c.reordered)}
        new_of_old = {i: j for j, i in match_articles(old.articles, new.articles).items()}
        # Old articles that are not where they stood (removed, or moved away) are shown deleted
        # where they stood: after the last article before them in their column that is still
        # in place, else at the head of that column; a column that is gone, after the last
        # article before them still in place anywhere.
        in_place = {i: j for i, j in new_of_old.items() if j not in relocated}
        columns = {c.name for c in new.columns}
        ghosts: dict[int | str, list[int]] = {}
        for i, gone in enumerate(old.articles):
            if i in in_place:
                continue
            before = [k for k in range(i) if k in in_place]
            same = [in_place[k] for k in before if old.articles[k].column == gone.column]
            if same:
                spot: int | str = max(same)
            elif gone.column in columns:
                spot = gone.column
            else:
                spot = max((in_place[k] for k in before), default=-1)
            ghosts.setdefault(spot, []).append(i)
        for i in ghosts.get(-1, []):
            _whole(body, old.articles[i], DEL, style, fonts, marks)
        index_of = {id(a): j for j, a in enumerate(new.articles)}
        for column, articles in new.in_print_order():
            if column is not None:
                heading = paragraph(body, f"【{column.name}】", fonts.column_heading)
                heading.paragraph_format.keep_with_next = True
                for i in ghosts.get(column.name, []):
                    _whole(body, old.articles[i], DEL, style, fonts, marks)
            for article in articles:
                j = index_of[id(article)]
                change = by_new.get(j)
                if change is None:
                    write_article(body, article, style, fonts)
                elif change.kind == "added" or j in relocated:
                    _whole(body, article, INS, style, fonts, marks)
                else:
                    assert change.old_index is not None
                    _edited(body, old.articles[change.old_index], article, style, fonts, marks)
                for i in ghosts.get(j, []):
                    _whole(body, old.articles[i], DEL, style, fonts, marks)

    return write


def render_revisions(old: Issue, new: Issue, style: Style, *, author: str, when: dt.datetime) -> bytes:
    """The new version as a .docx, every difference from ``old`` a tracked change by ``author`` at ``when`` (UTC)."""
    marks = _Marks(author, when)
    new = printable(new)  # what the print export leaves out (control characters), left out alike
    return render_docx(new, style, now=when, articles=_writer(printable(old), marks), category=REVISIONS)

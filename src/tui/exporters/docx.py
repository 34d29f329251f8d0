"""The issue as a print-ready Word document, following GB/T 9704-2012 by convention.

Page setup and fonts come from ``docx_style``.  python-docx has no API for
three things the layout needs, so three small OOXML elements are added by
hand: the East-Asian font slot of a run (w:eastAsia), a paragraph rule
(w:pBdr, the red line under the masthead and the lines around the end
block) and the PAGE field of the page numbers.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from tui.exporters import docx_style as S
from tui.exporters.text import contents_lines, masthead_lines
from tui.model import Article, Issue
from tui.model.bylines import render_byline
from tui.model.house import Style
from tui.model.provenance import ISSUE_EXPORT


def set_font(run: Any, font: S.Font, color: tuple[int, int, int] | None = None) -> None:
    """A run in ``font``, its East-Asian slot set too (Word has no fallback list)."""
    run.font.name = font.latin
    run.font.size = Pt(font.size_pt)
    run.font.bold = font.bold or None
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    r_fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), font.east_asia)


class _Body:
    """Where the paragraphs go: the end of the document's body, reached in constant time.

    python-docx's ``add_paragraph`` looks for the body's section properties
    among all its children on every call, so a document of n paragraphs took
    n² steps (176 s for 3,000 articles).  The section properties are found
    once here, and each paragraph is put right before them.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.body = doc.element.body
        self.sect = self.body.sectPr  # one scan

    def add_paragraph(self) -> Paragraph:
        p = OxmlElement("w:p")
        if self.sect is not None:
            self.sect.addprevious(p)
        else:
            self.body.append(p)
        return Paragraph(p, self.doc)


def _paragraph(
    doc: _Body,
    text: str,
    font: S.Font,
    *,
    align: Any = None,
    indent_chars: int = 0,
    color: tuple[int, int, int] | None = None,
    pitch: float | None = S.LINE_PITCH_PT,
) -> Paragraph:
    p: Paragraph = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    if pitch is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(max(pitch, font.size_pt + 4))
    if indent_chars:
        pf.first_line_indent = Pt(font.size_pt * indent_chars)
    if align is not None:
        p.alignment = align
    if text:
        set_font(p.add_run(text), font, color)
    return p


def _rule(p: Paragraph, side: str, color: str = "000000", size_eighths: int = 8) -> None:
    """A line above or below a paragraph (w:pBdr)."""
    p_pr = p._p.get_or_add_pPr()
    borders = p_pr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        p_pr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size_eighths))
    edge.set(qn("w:space"), "4")
    edge.set(qn("w:color"), color)
    borders.append(edge)


def _page_number(p: Paragraph) -> None:
    """— PAGE — in 4号宋体."""
    set_font(p.add_run("— "), S.PAGE_NUMBER)
    run = p.add_run()
    set_font(run, S.PAGE_NUMBER)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    set_font(p.add_run(" —"), S.PAGE_NUMBER)


def _setup(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(S.PAGE_WIDTH_MM), Mm(S.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(S.TOP_MM), Mm(S.BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(S.LEFT_MM), Mm(S.RIGHT_MM)
    section.footer_distance = Mm(S.BOTTOM_MM - 7)
    normal = doc.styles["Normal"]
    normal.font.name = S.BODY.latin
    normal.font.size = Pt(S.BODY.size_pt)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), S.BODY.east_asia)
    # Page numbers: odd pages at the right, even pages at the left, one character in.
    doc.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(S.PAGE_NUMBER.size_pt)
    _page_number(odd)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(S.PAGE_NUMBER.size_pt)
    _page_number(even)


def _masthead(doc: _Body, issue: Issue) -> None:
    name, edition, numbers, unit, date = masthead_lines(issue)
    _paragraph(doc, name, S.MASTHEAD_NAME, align=WD_ALIGN_PARAGRAPH.CENTER, color=S.RED, pitch=None)
    _paragraph(doc, edition, S.MASTHEAD_LINE, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, numbers, S.MASTHEAD_LINE, align=WD_ALIGN_PARAGRAPH.CENTER)
    line = _paragraph(doc, "", S.MASTHEAD_LINE)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(S.BLOCK_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    set_font(line.add_run(f"{unit}\t{date}"), S.MASTHEAD_LINE)
    _rule(line, "bottom", "E60012", 18)  # the red rule, 2.25 pt


def _contents(doc: _Body, issue: Issue) -> None:
    _paragraph(doc, "", S.BODY)
    _paragraph(doc, "目　录", S.CONTENTS_TITLE, align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in contents_lines(issue):
        if line.startswith("【"):
            _paragraph(doc, line, S.CONTENTS_TITLE)
        else:
            _paragraph(doc, line, S.BODY, indent_chars=2)


def _article(doc: _Body, article: Article, style: Style) -> None:
    if article.title:
        _paragraph(doc, article.title, S.TITLE, align=WD_ALIGN_PARAGRAPH.CENTER, pitch=None)
    for text in article.paragraphs:
        p = _paragraph(doc, text, S.BODY, indent_chars=2)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if article.byline is not None:
        _paragraph(doc, render_byline(article.byline, style), S.BODY, align=WD_ALIGN_PARAGRAPH.RIGHT)


def _endblock(doc: _Body, issue: Issue) -> None:
    e = issue.endblock
    lines = [
        f"送：{e.distribution[0] if e.distribution else ''}",
        *("\u3000\u3000" + d for d in e.distribution[1:]),
    ]
    lines += [f"本期责任编辑：{e.editor}", f"电话：{e.phone}"]
    paragraphs = [_paragraph(doc, line, S.ENDBLOCK, pitch=None) for line in lines]
    _rule(paragraphs[0], "top")
    _rule(paragraphs[-1], "bottom")


def render_docx(issue: Issue, style: Style) -> bytes:
    doc = Document()
    _setup(doc)
    body = _Body(doc)
    _masthead(body, issue)
    _contents(body, issue)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for column, articles in issue.in_print_order():
        if column is not None:
            _paragraph(body, f"【{column.name}】", S.COLUMN_HEADING)
        for article in articles:
            _article(body, article, style)
    _endblock(body, issue)
    doc.core_properties.title = f"{issue.masthead.name} 第{issue.masthead.number}期"
    doc.core_properties.category = ISSUE_EXPORT  # known again by the Word import
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

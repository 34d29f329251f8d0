"""The issue as a print-ready Word document, following GB/T 9704-2012 by convention.

Page setup, the grid and the fonts come from ``docx_style`` (the families
from bulletin.toml ``[fonts]``).  What python-docx has no API for is written
as OOXML here: the document grid (w:docGrid, 22 lines × 28 characters), the
language of the text (zh-CN, not the template's ja-JP), the East-Asian font
slot and hint of every run, paragraph rules (the red line under the
masthead, the rules of the end block), the end block's frame at the foot of
the last page, and the PAGE field of the page numbers.  ``docx_package``
then finishes the file (font table with fallbacks, metadata).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from tui.exporters import docx_style as S
from tui.exporters.docx_package import finish_package
from tui.exporters.docx_xml import rule, set_child, soft_break
from tui.exporters.text import masthead_lines
from tui.model import Article, Issue
from tui.model.bylines import render_byline
from tui.model.house import Style
from tui.model.provenance import ISSUE_EXPORT
from tui.model.titlebreak import title_lines

TITLE_STYLE = "Title"  # the template's Title style, made the house title (Word's navigation shows it)


def set_font(
    run: Any, font: S.Font, color: tuple[int, int, int] | None = None, *, on_grid: bool = False
) -> None:
    """A run in ``font``: its East-Asian slot set and hinted, so “”‘’—… take the Chinese font too.

    ``on_grid``: the run is body text on the 22 × 28 page.  A 16 pt character
    is a quarter point wider than 156 mm / 28: the run is condensed by that
    much (w:spacing), which puts exactly 28 on a line in Word, WPS and
    LibreOffice alike.  (A character grid, w:docGrid linesAndChars, does it in
    Word but not in LibreOffice, which gives a character larger than a grid
    cell two cells: 14 a line, measured.)  Lines snap to the 28.95 pt line
    grid.
    """
    run.font.name = font.latin
    run.font.size = Pt(font.size_pt)
    run.font.bold = font.bold or None
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    r_fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), font.east_asia)
    r_fonts.set(qn("w:hint"), "eastAsia")
    condense = S.condense_twips(font.size_pt)
    if on_grid and condense:
        set_child(run._element.get_or_add_rPr(), "w:spacing", val=str(condense))


class Body:
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


def paragraph(
    doc: Body,
    text: str,
    font: S.Font,
    *,
    align: Any = None,
    indent_chars: int = 0,
    color: tuple[int, int, int] | None = None,
    grid: bool = True,
) -> Paragraph:
    """A paragraph on the grid (single spacing snaps each line to the 28.95 pt pitch), or off it."""
    p: Paragraph = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.widow_control = True
    if (
        not grid
    ):  # larger or smaller type: off the grid (it would spread a 22 pt title over two cells a character)
        set_child(p._p.get_or_add_pPr(), "w:snapToGrid", val="0")
    if indent_chars:
        pf.first_line_indent = Pt(font.size_pt * indent_chars)
    if align is not None:
        p.alignment = align
    if text:
        set_font(p.add_run(text), font, color, on_grid=grid)
    return p


def _page_number(p: Paragraph, font: S.Font) -> None:
    """— PAGE — in 4号宋体."""
    set_font(p.add_run("— "), font)
    run = p.add_run()
    set_font(run, font)
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
    set_font(p.add_run(" —"), font)


def _setup(doc: Any, fonts: S.Roles) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(S.PAGE_WIDTH_MM), Mm(S.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(S.TOP_MM), Mm(S.BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(S.LEFT_MM), Mm(S.RIGHT_MM)
    # The page number's line: its top 7 mm under the text block (a 16 pt line holds the 14 pt number).
    number_line_mm = 16 / S.PT_PER_MM
    section.footer_distance = Mm(S.BOTTOM_MM - S.PAGE_NUMBER_GAP_MM - number_line_mm)
    # A line grid of 22 lines; the 28 characters come from the body runs' advance (set_font).
    grid = set_child(section._sectPr, "w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(S.LINE_PITCH_TWIPS))
    _defaults(doc, fonts)
    _title_style(doc, fonts.title)
    # Page numbers: odd pages at the right, even pages at the left, one character in.
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        p = footer.paragraphs[0]
        p.alignment = align
        pf = p.paragraph_format
        pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(16)
        set_child(p._p.get_or_add_pPr(), "w:snapToGrid", val="0")
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            pf.right_indent = Pt(fonts.page_number.size_pt)
        else:
            pf.left_indent = Pt(fonts.page_number.size_pt)
        _page_number(p, fonts.page_number)


def _defaults(doc: Any, fonts: S.Roles) -> None:
    """Chinese text in Word: zh-CN in the defaults and the theme's language, the house body font."""
    styles = doc.styles.element
    r_pr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    r_fonts = set_child(r_pr, "w:rFonts")
    for key in list(r_fonts.attrib):
        del r_fonts.attrib[key]  # the template's theme fonts (Cambria, MS Mincho) go
    for slot in ("ascii", "hAnsi", "cs"):
        r_fonts.set(qn(f"w:{slot}"), fonts.body.latin)
    r_fonts.set(qn("w:eastAsia"), fonts.body.east_asia)
    set_child(r_pr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    # The grid's character pitch is counted from the default size (w:charSpace): 3号 in both places.
    set_child(r_pr, "w:sz", val=str(int(fonts.body.size_pt * 2)))
    set_child(r_pr, "w:szCs", val=str(int(fonts.body.size_pt * 2)))
    set_child(doc.settings.element, "w:themeFontLang", val="en-US", eastAsia="zh-CN")
    normal = doc.styles["Normal"]
    normal.font.name = fonts.body.latin
    normal.font.size = Pt(fonts.body.size_pt)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), fonts.body.east_asia)


def _title_style(doc: Any, font: S.Font) -> None:
    """The template's Title style as the house title: 2号小标宋, centred, a blank line above, kept with the text."""
    style = doc.styles[TITLE_STYLE]
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        old = element.find(qn(tag))
        if old is not None:
            element.remove(old)
    p_pr = OxmlElement("w:pPr")
    element.append(p_pr)
    set_child(p_pr, "w:keepNext")
    set_child(p_pr, "w:keepLines")
    set_child(p_pr, "w:snapToGrid", val="0")  # a 22 pt title on a 15.79 pt character grid would be spread out
    # A blank line above (one grid line), and the grid's line pitch for each of its lines.
    set_child(
        p_pr,
        "w:spacing",
        before=str(S.LINE_PITCH_TWIPS),
        after="0",
        line=str(S.LINE_PITCH_TWIPS),
        lineRule="exact",
    )
    set_child(p_pr, "w:jc", val="center")
    set_child(p_pr, "w:outlineLvl", val="0")
    r_pr = OxmlElement("w:rPr")
    element.append(r_pr)
    set_child(r_pr, "w:rFonts", ascii=font.latin, hAnsi=font.latin, eastAsia=font.east_asia, hint="eastAsia")
    set_child(r_pr, "w:sz", val=str(int(font.size_pt * 2)))
    set_child(r_pr, "w:szCs", val=str(int(font.size_pt * 2)))


def _masthead(doc: Body, issue: Issue, fonts: S.Roles) -> None:
    name, edition, numbers, unit, date = masthead_lines(issue)
    paragraph(doc, name, fonts.masthead_name, align=WD_ALIGN_PARAGRAPH.CENTER, color=S.RED, grid=False)
    paragraph(doc, edition, fonts.masthead_line, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(doc, numbers, fonts.masthead_line, align=WD_ALIGN_PARAGRAPH.CENTER)
    line = paragraph(doc, "", fonts.masthead_line)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(S.BLOCK_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    set_font(line.add_run(f"{unit}\t{date}"), fonts.masthead_line, on_grid=True)
    # The red rule, 2.25 pt, 4 mm under the line (w:space is in points, at most 31).
    rule(line, "bottom", color="E60012", eighths=18, space_pt=round(S.RED_RULE_GAP_MM * S.PT_PER_MM))


def _contents(doc: Body, issue: Issue, fonts: S.Roles) -> None:
    """目录 as printed: a column's name and its first title on one line, further titles under the first."""
    paragraph(doc, "", fonts.body)
    paragraph(doc, "目　录", fonts.contents_title, align=WD_ALIGN_PARAGRAPH.CENTER)
    widest = max((len(c.name) + 2 for c in issue.columns), default=6) + 1  # 【name】 and a space
    hang = Pt(fonts.body.size_pt * widest)
    for column in issue.columns:
        articles = issue.articles_in(column.name)
        head = f"【{column.name}】"
        if column.kind == "briefs" or not articles:
            line = f"{head}{len(articles)}则" if column.kind == "briefs" else head
            paragraph(doc, line, fonts.contents_title)
            continue
        for n, article in enumerate(articles):
            p = paragraph(doc, "", fonts.body)
            p.paragraph_format.left_indent = hang
            if n == 0:
                p.paragraph_format.first_line_indent = -hang
                p.paragraph_format.tab_stops.add_tab_stop(hang)
                set_font(p.add_run(head), fonts.contents_title, on_grid=True)
                set_font(p.add_run("\t" + article.title), fonts.body, on_grid=True)
            else:
                set_font(p.add_run(article.title), fonts.body, on_grid=True)


def write_title(doc: Body, article: Article, font: S.Font) -> None:
    """The title in the editor's own lines or balanced ones (梯形), on the house Title style."""
    p = doc.add_paragraph()
    p.style = TITLE_STYLE
    for n, line in enumerate(title_lines(article)):
        run = p.add_run(line)
        set_font(run, font)
        if n:
            run._r.addprevious(soft_break())


def write_article(doc: Body, article: Article, style: Style, fonts: S.Roles) -> None:
    if article.title:
        write_title(doc, article, fonts.title)
    last = None
    for text in article.paragraphs:
        last = paragraph(doc, text, fonts.body, indent_chars=2)
        last.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if article.byline is not None:
        if last is not None:
            last.paragraph_format.keep_with_next = True  # the byline never opens a page alone
        paragraph(doc, render_byline(article.byline, style), fonts.body, align=WD_ALIGN_PARAGRAPH.RIGHT)


def _endblock(doc: Body, issue: Issue, fonts: S.Roles) -> None:
    """版记 at the foot of the last page: thick rules first and last (0.35 mm), a thin one between (0.25 mm).

    送 lines are indented one character; a wrapped line hangs under the text after 送：.
    """
    e = issue.endblock
    font = fonts.endblock
    one = Pt(font.size_pt)
    first_item = e.distribution[0] if e.distribution else ""
    paragraphs = []
    for n, item in enumerate([first_item, *e.distribution[1:]]):
        p = paragraph(doc, f"送：{item}" if n == 0 else "\u3000\u3000" + item, font, grid=False)
        p.paragraph_format.left_indent = one * 3
        p.paragraph_format.first_line_indent = -(one * 2)
        paragraphs.append(p)
    paragraphs.append(paragraph(doc, f"本期责任编辑：{e.editor}", font, grid=False))
    paragraphs.append(paragraph(doc, f"电话：{e.phone}", font, grid=False))
    for p in paragraphs[-2:]:
        p.paragraph_format.left_indent = one
    thick, thin = 8, 6  # eighths of a point: 1 pt ≈ 0.35 mm, 0.75 pt ≈ 0.26 mm
    rule(paragraphs[0], "top", eighths=thick)
    rule(paragraphs[-3], "bottom", eighths=thin)
    rule(paragraphs[-1], "bottom", eighths=thick)
    width = str(round(S.BLOCK_WIDTH_MM * S.PT_PER_MM * 20))
    for p in paragraphs:  # one frame, anchored to the foot of the text block
        set_child(
            p._p.get_or_add_pPr(),
            "w:framePr",
            w=width,
            wrap="around",
            vAnchor="margin",
            hAnchor="margin",
            xAlign="center",
            yAlign="bottom",
        )


def write_articles(body: Body, issue: Issue, style: Style, fonts: S.Roles) -> None:
    """The columns in print order, each with its heading and articles."""
    for column, articles in issue.in_print_order():
        if column is not None:
            heading = paragraph(body, f"【{column.name}】", fonts.column_heading)
            heading.paragraph_format.keep_with_next = True
        for article in articles:
            write_article(body, article, style, fonts)


ArticlesWriter = Callable[[Body, Issue, Style, S.Roles], None]


def render_docx(
    issue: Issue,
    style: Style,
    *,
    now: dt.datetime | None = None,
    articles: ArticlesWriter = write_articles,
    category: str = ISSUE_EXPORT,
) -> bytes:
    """The issue as a .docx; ``articles`` writes the body between the contents and the end block.

    The tracked-changes document (``revisions``) is this same document with
    its own writer of the articles, so both print alike.
    """
    fonts = S.roles(style.fonts)
    doc = Document()
    _setup(doc, fonts)
    body = Body(doc)
    _masthead(body, issue, fonts)
    _contents(body, issue, fonts)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    articles(body, issue, style, fonts)
    _endblock(body, issue, fonts)
    m = issue.masthead
    props = doc.core_properties
    props.title = f"{m.name} 第{m.number}期"
    props.subject = f"{m.name}（{m.edition}）{m.date.year}年第{m.number}期（总第{m.cumulative}期）"
    props.author = props.last_modified_by = m.unit
    props.comments = ""
    props.keywords = ""
    props.category = category  # known again by the Word import
    props.revision = 1
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = when
    out = io.BytesIO()
    doc.save(out)
    return finish_package(out.getvalue(), fonts.families)

"""The 校对单 as a Word document in the house fonts: A4, 小标宋 title, 黑体 headings, 仿宋 text.

Tables repeat their header row on every page (w:tblHeader) and a row does
not break across pages (w:cantSplit); the offending part of a finding's
context is highlighted.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tui.exporters import docx_style as S
from tui.exporters.docx import set_font
from tui.exporters.proof import made_line, people, totals_line
from tui.model.findings import MARK_CLOSE, MARK_OPEN
from tui.model.proof_report import ProofReport
from tui.model.provenance import PROOF_REPORT

TITLE = S.Font(S.TITLE.east_asia, S.TITLE.latin, 18)
HEADING = S.Font(S.COLUMN_HEADING.east_asia, S.COLUMN_HEADING.latin, 14)
TEXT = S.Font(S.BODY.east_asia, S.BODY.latin, 12)
CELL = S.Font(S.BODY.east_asia, S.BODY.latin, 10.5)  # 五号
CELL_HEAD = S.Font(S.COLUMN_HEADING.east_asia, S.COLUMN_HEADING.latin, 10.5)
MARGIN_MM = 20


def _para(doc: Any, text: str, font: S.Font, *, align: Any = None, before: float = 0) -> Any:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(2)
    if align is not None:
        p.alignment = align
    set_font(p.add_run(text), font)
    return p


def _cell_text(cell: Any, text: str, font: S.Font = CELL) -> None:
    """Text in a cell; a context's ⟦span⟧ is highlighted (the marks themselves left out)."""
    p = cell.paragraphs[0]
    rest = text
    while MARK_OPEN in rest and MARK_CLOSE in rest.split(MARK_OPEN, 1)[1]:
        before, after = rest.split(MARK_OPEN, 1)
        span, rest = after.split(MARK_CLOSE, 1)
        if before:
            set_font(p.add_run(before), font)
        run = p.add_run(span)
        set_font(run, font)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if rest:
        set_font(p.add_run(rest), font)


def _row_flag(row: Any, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _table(doc: Any, head: list[str], rows: list[list[str]], widths_mm: list[float]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _row_flag(table.rows[0], "w:tblHeader")  # repeated at the top of every page
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        _cell_text(cell, text, CELL_HEAD)
    for values in rows:
        row = table.add_row()
        _row_flag(row, "w:cantSplit")
        for cell, text in zip(row.cells, values, strict=True):
            _cell_text(cell, text)
    table.autofit = False  # the widths below hold (Word and LibreOffice read the grid and the cells)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def render_proof_docx(r: ProofReport) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(S.PAGE_WIDTH_MM), Mm(S.PAGE_HEIGHT_MM)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    normal = doc.styles["Normal"]
    normal.font.name = TEXT.latin
    normal.font.size = Pt(TEXT.size_pt)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), TEXT.east_asia)
    width = S.PAGE_WIDTH_MM - 2 * MARGIN_MM  # 170 mm
    h, zh = r.heading, r.lang == "zh"
    colon = "：" if zh else ": "

    _para(doc, r.title, TITLE, align=WD_ALIGN_PARAGRAPH.CENTER)
    about = [*r.masthead, (h("made"), made_line(r)), (h("checked_by"), people(r)), (h("status"), r.status)]
    about.append((h("totals"), totals_line(r)))
    for key, value in about:
        _para(doc, f"{key}{colon}{value}", TEXT)

    def section_head(key: str, n: int) -> None:
        _para(doc, f"{h(key)}（{n}）" if zh else f"{h(key)} ({n})", HEADING, before=10)

    def none() -> None:
        _para(doc, h("none"), TEXT)

    section_head("counts", len(r.counts))
    if r.counts:
        _table(
            doc,
            [h("rule"), h("severity"), h("open_n"), h("waived_n")],
            [[f"{c.name}（{c.rule}）", c.severity, str(c.open), str(c.waived)] for c in r.counts],
            [width - 66, 22, 22, 22],
        )
    else:
        none()
    section_head("open", len(r.open))
    if r.open:
        _table(
            doc,
            [h("number"), h("where"), h("message"), h("context"), h("correction")],
            [
                [str(o.number), f"{o.where}\n{o.name}（{o.severity}）", o.message, o.context, o.correction]
                for o in r.open
            ],
            [12, 38, 50, 45, width - 145],
        )
    else:
        none()
    section_head("waived", len(r.waived))
    if r.waived:
        _table(
            doc,
            [h("number"), h("where"), h("context"), h("reason"), h("by")],
            [
                [str(w.number), f"{w.where}\n{w.name}", w.context, w.reason, f"{w.by}\n{w.at}"]
                for w in r.waived
            ],
            [12, 42, 50, 40, width - 144],
        )
    else:
        none()
    section_head("comments", len(r.comments))
    if r.comments:
        _table(
            doc,
            [h("article"), h("author"), h("text"), h("at")],
            [
                [c.article, c.author, c.text + (f"（{h('resolved')}）" if c.resolved else ""), c.at]
                for c in r.comments
            ],
            [45, 25, width - 105, 35],
        )
    else:
        none()
    section_head("signoffs", len(r.signoffs))
    if r.signoffs:
        _table(
            doc,
            [h("role"), h("name"), h("at")],
            [[s.role, s.name, s.at] for s in r.signoffs],
            [40, 60, width - 100],
        )
    else:
        none()
    doc.core_properties.title = r.title
    doc.core_properties.category = PROOF_REPORT  # known again by the Word import
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

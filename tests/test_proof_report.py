"""The 校对单 (`jianbao report`, and p in the checks pane): what it lists, in text, HTML and Word."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_cli
from tui.checks.checking import open_checks
from tui.checks.proof import build_proof_report, correction
from tui.checks.waivers import waiver_for
from tui.files.storage import load_issue, save_issue
from tui.model import Comment, Signoff
from tui.model.findings import Finding, Location, Severity
from tui.model.i18n import Text

AT = dt.datetime(2025, 12, 10, 14, 30)


def _proofread(sample_toml: Path) -> None:
    """The sample as a proofreader leaves it: one comma waived, a comment (one resolved), a sign-off by the editor."""
    (check,) = open_checks([sample_toml], None)
    first = next(f for f in check.run() if f.rule == "typography.halfwidth-semicolon")
    issue = load_issue(sample_toml)
    issue.waivers.append(waiver_for(first, "来稿原文如此，保留", "王校对", AT))
    issue.articles[1].comments.append(Comment("王校对", "第二段数据请核实出处", AT))
    issue.articles[2].comments.append(Comment("王校对", "标题过长", AT, resolved=True))
    issue.signoffs.append(Signoff("editor", "李编辑", AT))
    save_issue(issue, sample_toml)


def test_the_text_report_lists_everything_a_proofreader_hands_in(sample_toml: Path) -> None:
    _proofread(sample_toml)
    r = run_cli("report", str(sample_toml))
    assert r.returncode == 0, r.stderr
    text = r.stdout
    assert text.startswith("《杭州人大信息》2025年第12期（总第718期）校对单\n")
    assert "校对人：王校对" in text  # nobody signed as 校对: who waived
    assert "签发状态：已签发：李编辑（编辑）2025-12-10 14:30" in text
    assert "问题统计：错误 167，警告 0，提示 0，已豁免 1" in text
    assert "半角逗号（typography.halfwidth-comma） 错误  未处理 162  已豁免 0" in text
    assert "半角分号（typography.halfwidth-semicolon） 错误  未处理 2  已豁免 1" in text
    assert "未处理的问题（167）" in text
    assert "   原文：…导产业开展穿透式监督⟦,⟧实现大武林商圈、人工…\n   建议修改：“,” → “，”" in text
    assert "已豁免的问题（1）" in text and "豁免理由：来稿原文如此，保留（王校对，2025-12-10 14:30）" in text
    assert "王校对（2025-12-10 14:30）：第二段数据请核实出处" in text
    assert "标题过长〔已处理〕" in text
    assert "签发记录（1）\n----------------------------------------\n编辑 李编辑 2025-12-10 14:30" in text


def test_english_report(sample_toml: Path) -> None:
    r = run_cli("report", str(sample_toml), "--lang", "en")
    assert "proof report" in r.stdout.splitlines()[0]
    assert "Open findings (168)" in r.stdout and "Correction: “,” → “，”" in r.stdout
    assert "Checked by: none" in r.stdout and "Sign-off: not signed off" in r.stdout
    assert "Waived findings (0)" in r.stdout and "Comments (0)" in r.stdout


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[str] = []
        self.external: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_mark = tag == "mark"
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_mark = False if tag == "mark" else self._in_mark

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks.append(data)


def test_the_html_report_is_self_contained_and_made_for_a4(sample_toml: Path, tmp_path: Path) -> None:
    _proofread(sample_toml)
    out = tmp_path / "校对单.html"
    r = run_cli("report", str(sample_toml), "--to", "html", "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    parser = _Cells()
    parser.feed(page)
    assert parser.external == [] and "link" not in parser.tags and "script" not in parser.tags
    assert "@page { size: A4" in page and "thead { display: table-header-group; }" in page
    assert parser.marks.count(",") == 162  # each open comma marked in its context
    for section in ("counts", "open", "waived", "comments", "signoffs"):
        assert f'<section class="{section}">' in page
    assert "来稿原文如此，保留" in page and "第二段数据请核实出处" in page
    # an existing file is not replaced unless asked
    again = run_cli("report", str(sample_toml), "--to", "html", "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr


def test_the_word_report_uses_the_house_fonts_and_repeats_table_headers(
    sample_toml: Path, tmp_path: Path
) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    _proofread(sample_toml)
    r = run_cli("report", str(sample_toml), "--to", "docx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = sample_toml.with_name("2025-12-校对单.docx")
    assert r.stdout.strip() == str(out)
    doc = Document(io.BytesIO(out.read_bytes()))
    assert doc.paragraphs[0].text == "《杭州人大信息》2025年第12期（总第718期）校对单"
    fonts = {
        run._element.rPr.rFonts.get(qn("w:eastAsia"))
        for p in doc.paragraphs
        for run in p.runs
        if run._element.rPr is not None and run._element.rPr.rFonts is not None
    }
    assert fonts <= {"方正小标宋简体", "黑体", "仿宋_GB2312"} and "仿宋_GB2312" in fonts
    counts, open_, waived, comments, signoffs = doc.tables
    assert len(counts.rows) == 1 + 4 and len(signoffs.rows) == 2
    assert len(open_.rows) == 1 + 167 and len(waived.rows) == 2 and len(comments.rows) == 3
    assert open_.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    cell = open_.rows[1].cells[3]
    highlighted = [run.text for run in cell.paragraphs[0].runs if run.font.highlight_color is not None]
    assert highlighted == [","] and "⟦" not in cell.text
    assert doc.sections[0].page_width.mm == pytest.approx(210, abs=0.1)


def test_corrections_in_words() -> None:
    base = Finding("x.y", Severity.ERROR, Location("paragraph"), Text("", ""), matched="的的")
    assert correction(base, "zh") == ""
    assert correction(dataclasses.replace(base, fix="的"), "zh") == "“的的” → “的”"
    assert correction(dataclasses.replace(base, fix=""), "zh") == "删去“的的”"
    assert correction(dataclasses.replace(base, joins_next=True), "en") == "join with the next paragraph"


def test_a_clean_issue_reports_none(sample_toml: Path) -> None:
    (check,) = open_checks([sample_toml], None)
    report = build_proof_report(check.issue, [], "zh", made_at=AT)
    from tui.exporters.proof.text import render_proof_text

    text = render_proof_text(report)
    assert "未处理的问题（0）\n----------------------------------------\n无" in text
    assert "校对人：无" in text and "签发状态：未签发" in text


async def test_p_in_the_checks_pane_writes_the_report_of_the_buffer(sample_toml: Path) -> None:
    from apphelp import SIZE, checked, make_app, pick, until
    from tui.app.dialogs import FormDialog

    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        screen.query_one("#findings").focus()
        await pilot.pause()
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert app.screen.query_one("#field-format").selection == "html"  # type: ignore[attr-defined]
        await pick(pilot, "#field-format", "Word")
        await pilot.click("#ok")
        out = Path.cwd() / "2025-12-校对单.docx"  # the export folder: at first where jianbao started
        await until(pilot, out.exists)
    assert out.read_bytes()[:2] == b"PK"

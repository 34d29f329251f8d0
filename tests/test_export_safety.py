"""Exports never crash on text an issue can hold, and Markdown shows text as written."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import run_cli
from tui.checks.fixes import apply_fixes
from tui.checks.rules import check_issue
from tui.exporters import FORMATS, render
from tui.exporters.markdown import render_markdown
from tui.files.config import default_house
from tui.files.storage import load_issue, save_issue
from tui.model import Byline
from tui.model.textutil import CONTROL

HOUSE = default_house()
CONTROLS = "\x00\x01\x07\x0b\x0c\x1b\x1f\x7f\ufffe\uffff"


def _with_controls(sample_toml: Path):  # type: ignore[no-untyped-def]
    issue = load_issue(sample_toml)
    issue.masthead.name += "\x07"
    issue.articles[0].title += "\x01"
    issue.articles[0].paragraphs[0] = "开头" + CONTROLS + "结尾。"
    issue.articles[0].byline = Byline("拱墅区人大常委会办公室\x1b", ["宋玉凤\x0c"])
    issue.endblock.distribution[0] += "\x00"
    issue.endblock.editor += "\x1f"
    return issue


def test_control_characters_are_findings_with_a_fix_that_removes_them(sample_toml: Path) -> None:
    issue = _with_controls(sample_toml)
    found = [f for f in check_issue(issue, HOUSE) if f.rule == "text.control-character"]
    fields = {f.location.field for f in found}
    assert {"masthead.name", "title", "paragraph", "byline.unit", "byline.author"} <= fields
    assert {"endblock.distribution", "endblock.editor"} <= fields
    assert len([f for f in found if f.location.field == "paragraph"]) == len(CONTROLS)
    apply_fixes(issue, found)
    assert issue.articles[0].paragraphs[0] == "开头结尾。"
    assert not [f for f in check_issue(issue, HOUSE) if f.rule == "text.control-character"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_exporter_renders_an_issue_with_control_characters(sample_toml: Path, fmt: str) -> None:
    if fmt == "pdf":
        from tui.exporters import pdf

        if pdf.choose("仿宋_GB2312", pdf.SERIF, pdf._available()) is None:
            pytest.skip("no Chinese font installed: the PDF export refuses (tested in test_pdf_export)")
    data = render(_with_controls(sample_toml), HOUSE.style, fmt)
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
    elif fmt != "docx":
        assert not CONTROL.search(data.decode("utf-8"))
        assert "开头结尾。" in data.decode("utf-8")


def test_the_loader_takes_them_and_check_fix_removes_them(sample_toml: Path, tmp_path: Path) -> None:
    path = tmp_path / "controls.toml"
    save_issue(_with_controls(sample_toml), path)
    r = run_cli("check", str(path))
    assert r.returncode == 1 and "text.control-character" in r.stdout and "U+0007" in r.stdout
    r = run_cli("export", str(path), "--to", "docx", "-o", str(tmp_path / "out.docx"))
    assert r.returncode == 0, r.stderr
    r = run_cli("check", "--fix", str(path))
    assert "text.control-character" not in run_cli("check", str(path)).stdout
    assert load_issue(path).articles[0].paragraphs[0] == "开头结尾。"


TRICKY = [
    "~~~",
    "```python",
    "1) 第一条",
    "2. 第二条",
    "    缩进了四个空格的一段",
    "\t制表符开头",
    "第一行\n===",
    "第一行\n---",
    "---",
    "&amp; 与 & 与 &lt;",
    "- 横线开头",
    "+ 加号开头",
    "= 等号开头",
    "# 井号开头",
    "> 引用符开头",
    "<b>标签</b>与<!-- 注释 -->",
    "* 星号开头与 **加粗** 与 _下划线_",
    "| 表 | 格 |",
    "[链接](http://example.com) 与 ![图](x.png)",
    "反斜杠\\结尾\\",
    "~~删除线~~",
]


def _paragraph_texts(markdown: str) -> list[str]:
    """The text of every <p> a CommonMark renderer makes of ``markdown``."""
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)
    return [html.unescape(text) for text in re.findall(r"<p>(.*?)</p>", rendered, re.S)]


def test_markdown_shows_every_paragraph_as_written(sample_toml: Path) -> None:
    issue = load_issue(sample_toml)
    issue.articles[0].paragraphs = list(TRICKY)
    paragraphs = _paragraph_texts(render_markdown(issue, HOUSE.style))
    for text in TRICKY:
        assert text in paragraphs, text
    body = render_markdown(issue, HOUSE.style)
    html_out = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(body)
    assert "<pre" not in html_out and "<del>" not in html_out and "<table" not in html_out
    assert "<blockquote>" not in html_out and "<ol" not in html_out

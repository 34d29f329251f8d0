"""Word in, print out: .docx submissions and whole issues in; .docx, HTML and Markdown out."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from textual import events

from conftest import run_cli
from tui.exporters import render
from tui.files.config import default_house
from tui.files.storage import load_issue
from tui.importers.docx import choose_column, import_issue_docx, import_submission
from tui.model import Byline
from tui.model.errors import LoadError, UsageError

HOUSE = default_house()


def make_docx(path: Path, paragraphs: list[str | tuple[str, str]]) -> Path:
    """A Word file as a district would send it; (style, text) sets a paragraph style."""
    document = docx.Document()
    for item in paragraphs:
        style, text = item if isinstance(item, tuple) else (None, item)
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


# ------------------------------------------------------------ export .docx


@pytest.fixture
def sample_docx(sample_toml: Path, tmp_path: Path) -> Path:
    out = tmp_path / "issue.docx"
    out.write_bytes(render(load_issue(sample_toml), HOUSE.style, "docx"))
    return out


def test_docx_round_trip_is_identity(sample_toml: Path, sample_docx: Path) -> None:
    result = import_issue_docx(sample_docx, HOUSE)
    assert result.issue == load_issue(sample_toml)
    assert result.findings == []


def test_a_tab_in_running_text_stays_in_its_paragraph_through_the_round_trip(
    sample_toml: Path, tmp_path: Path
) -> None:
    """The masthead's unit and date, and a contents line, share a paragraph apart by a tab; a tab in an
    article's text is not such a parting: the words after it were made a paragraph of their own."""
    issue = load_issue(sample_toml)
    issue.articles[0].paragraphs[0] = "区人大常委会召开会议\t听取审议有关报告。"
    issue.articles[0].paragraphs[1] = (
        "会议于2025年11月10日召开\t电话会议同步进行。"  # a date inside a sentence
    )
    path = tmp_path / "制表.docx"
    path.write_bytes(render(issue, HOUSE.style, "docx"))
    result = import_issue_docx(path, HOUSE)
    assert result.issue == issue  # the masthead and contents still read apart at their tabs
    assert result.issue.articles[0].paragraphs[:2] == [
        "区人大常委会召开会议\t听取审议有关报告。",
        "会议于2025年11月10日召开\t电话会议同步进行。",
    ]


def test_docx_page_setup(sample_docx: Path) -> None:
    section = docx.Document(str(sample_docx)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert round(section.page_width.mm - section.left_margin.mm - section.right_margin.mm) == 156
    assert round(section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm) == 225


def _east_asia(run) -> str | None:  # type: ignore[no-untyped-def]
    r_pr = run._element.rPr
    return None if r_pr is None or r_pr.rFonts is None else r_pr.rFonts.get(qn("w:eastAsia"))


def test_docx_fonts_set_the_east_asian_slot(sample_docx: Path) -> None:
    document = docx.Document(str(sample_docx))
    paragraphs = document.paragraphs
    name = paragraphs[0].runs[0]
    assert name.text == "杭州人大信息" and _east_asia(name) == "方正小标宋简体"
    assert name.font.color.rgb == docx.shared.RGBColor(0xE6, 0x00, 0x12)
    title = next(p for p in paragraphs if p.text.startswith("拱墅区：") and p.style.name == "Title")
    assert _east_asia(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size == Pt(22)
    body = next(p for p in paragraphs if p.text.startswith("拱墅区人大常委会出台"))
    assert _east_asia(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_docx_order_of_headings_and_bylines(sample_docx: Path) -> None:
    texts = [p.text for p in docx.Document(str(sample_docx)).paragraphs]
    body = texts[texts.index("【助力攻坚】", texts.index("目　录") + 2) :]
    headings = [t for t in body if t.startswith("【")]
    assert headings == ["【助力攻坚】", "【监督纵横】", "【情况交流】", "【信息摘登】"]
    bylines = [t for t in body if t.startswith("（") and t.endswith("）")]
    assert bylines[:3] == [
        "（拱墅区人大常委会办公室　宋玉凤）",
        "（西湖区人大常委会办公室　方敏杰）",
        "（钱塘区人大常委会办公室　石　晗　刘　鹏）",
    ]
    assert len(bylines) == 9
    assert (
        body.index("【监督纵横】")
        < body.index("（萧山区人大常委会办公室　郭彧杰）")
        < body.index("【情况交流】")
    )
    assert texts[-2:] == ["本期责任编辑：杨青青", "电话：(0571)85250657"]


def test_docx_right_aligned_bylines_and_page_numbers(sample_docx: Path) -> None:
    document = docx.Document(str(sample_docx))
    byline = next(p for p in document.paragraphs if p.text.startswith("（拱墅区"))
    assert byline.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert "PAGE" in footer._p.xml
    assert document.settings.odd_and_even_pages_header_footer


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_converts_to_a_sane_pdf(sample_docx: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(sample_docx)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    import re

    pdf = (tmp_path / "issue.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    # about 5,000 characters at 22 lines of 28 characters a page, plus masthead and contents, and the
    # room left where a title or a byline is kept with its text
    assert 11 <= pages <= 16, pages


# ------------------------------------------------------------ html and markdown


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.found: list[tuple[str, str]] = []
        self.external: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("meta", "br", "link", "img"):
            self.stack.append(tag)
        self._text = ""
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
            if name == "href" and value and value.startswith("#"):
                self.links.append(value[1:])
            if name == "id" and value:
                self.ids.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3"):
            self.found.append((tag, self._text))
        if tag in ("article", "footer", "header", "nav", "section", "main"):
            self.found.append((f"/{tag}", ""))
        assert self.stack.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self._text += data


def test_html_is_self_contained_and_semantic(sample_toml: Path) -> None:
    html = render(load_issue(sample_toml), HOUSE.style, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    parser = _Outline()
    parser.feed(html)
    parser.close()
    assert parser.external == [] and "<link" not in html and "<script" not in html
    tags = [t for t, _ in parser.found]
    assert tags.count("/article") == 9 and tags.count("/footer") == 1 and tags.count("/header") == 1
    assert ("h1", "杭州人大信息") in parser.found
    h2 = [text for tag, text in parser.found if tag == "h2"]
    assert h2 == ["目　录", "助力攻坚", "监督纵横", "情况交流", "信息摘登"]
    h3 = [text for tag, text in parser.found if tag == "h3"]
    assert len(h3) == 6 and h3[2] == "钱塘区：“三聚三助”助推新质生产力高质量发展"
    assert "（钱塘区人大常委会办公室　石　晗　刘　鹏）" in html


def test_html_contents_link_to_the_articles_and_it_prints_on_a4(sample_toml: Path) -> None:
    html = render(load_issue(sample_toml), HOUSE.style, "html").decode("utf-8")
    parser = _Outline()
    parser.feed(html)
    assert len(parser.links) == 7 and set(parser.links) <= set(parser.ids)  # six titles and 信息摘登
    assert '<a href="#a3">钱塘区：“三聚三助”助推新质生产力高质量发展</a>' in html
    assert "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }" in html
    assert "nav.contents { break-after: page; }" in html and "break-after: avoid" in html


def test_html_escapes_text(sample_toml: Path) -> None:
    issue = load_issue(sample_toml)
    issue.articles[0].paragraphs[0] = "<script>alert(1)</script> & “引号”"
    html = render(issue, HOUSE.style, "html").decode("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&amp;" in html


def test_markdown_headings(sample_toml: Path) -> None:
    md = render(load_issue(sample_toml), HOUSE.style, "md").decode("utf-8")
    lines = md.splitlines()
    assert [line for line in lines if line.startswith("# ")] == ["# 杭州人大信息"]
    assert [line for line in lines if line.startswith("## ")] == [
        "## 目录",
        "## 助力攻坚",
        "## 监督纵横",
        "## 情况交流",
        "## 信息摘登",
    ]
    h3 = [line for line in lines if line.startswith("### ")]
    assert len(h3) == 6 and h3[0] == "### 拱墅区：多措并举护航新质生产力“加速跑”"
    assert "（上城区人大常委会办公室）" in lines


def test_markdown_escapes_markup() -> None:
    from tui.exporters.markdown import md_escape

    assert md_escape("1. 开头") == "1\\. 开头"
    assert md_escape("*强调*与#号") == "\\*强调\\*与\\#号"


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_cli_export_formats(sample_toml: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"issue.{fmt}"
    r = run_cli("export", str(sample_toml), "--to", fmt, "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "杭州人大信息" in out.read_text(encoding="utf-8")


def test_cli_export_docx_default_name(sample_toml: Path) -> None:
    r = run_cli("export", str(sample_toml), "--to", "docx")
    assert r.returncode == 0, r.stderr
    assert (
        Path(r.stdout.strip()) == sample_toml.with_suffix(".docx")
        and sample_toml.with_suffix(".docx").exists()
    )


def test_cli_import_whole_issue_docx(sample_docx: Path, sample_toml: Path, tmp_path: Path) -> None:
    out = tmp_path / "again.toml"
    r = run_cli("import", str(sample_docx), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == sample_toml.read_bytes()


# ------------------------------------------------------------ one submission


def test_submission_with_title_body_and_byline(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "sub.docx",
        [
            "富阳区：“三个聚焦”助力共同富裕",
            "富阳区人大常委会聚焦共同富裕。",
            "一是聚焦产业。二是聚焦民生。",
            "（富阳区人大常委会办公室　李　明）",
        ],
    )
    sub = import_submission(path, HOUSE)
    a = sub.article
    assert a.title == "富阳区：“三个聚焦”助力共同富裕"
    assert a.paragraphs == ["富阳区人大常委会聚焦共同富裕。", "一是聚焦产业。二是聚焦民生。"]
    assert a.byline == Byline("富阳区人大常委会办公室", ["李明"])
    assert [f.rule for f in sub.findings] == ["import.title-guess"]


def test_submission_styled_title_and_author_lines(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "sub.docx",
        [
            "（内部资料）",
            ("Title", "临安区：立法联系点建设"),
            "临安区人大常委会推进基层立法联系点建设。",
            "单位：临安区人大常委会办公室",
            "作者：王小明、李 华",
        ],
    )
    a = import_submission(path, HOUSE).article
    assert a.title == "临安区：立法联系点建设"
    assert a.paragraphs == ["（内部资料）", "临安区人大常委会推进基层立法联系点建设。"]
    assert a.byline == Byline("临安区人大常委会办公室", ["王小明", "李华"])


def test_submission_without_title_is_a_brief(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "brief.docx",
        ["桐庐县人大常委会开展专题调研，形成问题清单12项。", "(桐庐县人大常委会办公室 张 三)"],
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.title == "" and "import.untitled" in [f.rule for f in sub.findings]
    assert "byline.parenthesis" in [f.rule for f in sub.findings]  # half-width in the source


def test_choose_column_by_rules(sample_toml: Path, tmp_path: Path) -> None:
    issue = load_issue(sample_toml)
    brief = import_submission(
        make_docx(tmp_path / "b.docx", ["桐庐县人大常委会开展专题调研，形成问题清单。"]), HOUSE
    ).article
    assert choose_column(issue, HOUSE, brief) == "信息摘登"
    sup = import_submission(
        make_docx(tmp_path / "s.docx", ["淳安县：强化监督护航生态", "正文。"]), HOUSE
    ).article
    assert choose_column(issue, HOUSE, sup) == "监督纵横"
    unknown = import_submission(make_docx(tmp_path / "u.docx", ["淳安县：千岛湖", "正文。"]), HOUSE).article
    with pytest.raises(UsageError) as info:
        choose_column(issue, HOUSE, unknown)
    assert "助力攻坚、监督纵横、情况交流、信息摘登" in str(info.value)


def test_cli_import_submission_into_issue(sample_toml: Path, tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "sub.docx",
        [
            "淳安县：强化监督护航生态",
            "淳安县人大常委会开展生态环境监督。",
            "（淳安县人大常委会办公室　周　杰）",
        ],
    )
    r = run_cli("import", str(path), "--into", str(sample_toml))
    assert r.returncode == 0, r.stderr
    assert "监督纵横" in r.stdout
    issue = load_issue(sample_toml)
    assert [a.title[:3] for a in issue.articles_in("监督纵横")] == ["萧山区", "淳安县"]
    assert issue.articles[4].title == "淳安县：强化监督护航生态"  # placed at the end of its column


def test_cli_import_submission_needs_a_column(sample_toml: Path, tmp_path: Path) -> None:
    before = sample_toml.read_bytes()
    path = make_docx(tmp_path / "sub.docx", ["淳安县：千岛湖", "正文。"])
    r = run_cli("import", str(path), "--into", str(sample_toml))
    assert r.returncode == 2 and "--column" in r.stderr and "助力攻坚" in r.stderr
    assert sample_toml.read_bytes() == before
    r = run_cli("import", str(path), "--into", str(sample_toml), "--column", "情况交流")
    assert r.returncode == 0 and load_issue(sample_toml).articles_in("情况交流")[-1].title == "淳安县：千岛湖"


# ------------------------------------------------------------ bad Word files


def test_not_a_docx(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("这不是 Word 文档", encoding="utf-8")
    with pytest.raises(LoadError, match="不是 Word 文档"):
        import_submission(fake, HOUSE)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    import zipfile

    fake = tmp_path / "fake.docx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="不是 Word 文档"):
        import_submission(fake, HOUSE)


def test_encrypted_or_old_doc(tmp_path: Path) -> None:
    fake = tmp_path / "secret.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(LoadError, match="加密"):
        import_submission(fake, HOUSE)


def test_empty_document(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="空的"):
        import_submission(make_docx(tmp_path / "empty.docx", ["", "  "]), HOUSE)


def test_cli_bad_docx_leaves_issue_untouched(sample_toml: Path, tmp_path: Path) -> None:
    before = sample_toml.read_bytes()
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 broken")
    r = run_cli("import", str(fake), "--into", str(sample_toml))
    assert r.returncode == 2 and "fake.docx" in r.stderr and "Traceback" not in r.stderr
    assert sample_toml.read_bytes() == before


# ------------------------------------------------------------ in the editor


async def test_editor_imports_a_word_file_into_the_current_column(
    sample_toml: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from apphelp import SIZE, main, make_app, select
    from tui.app.file_picker import WordFilePicker
    from tui.app.outline_nodes import NodeRef

    make_docx(
        sample_toml.parent / "来稿.docx",
        ["淳安县：千岛湖保护", "淳安县人大常委会开展专题视察。", "（淳安县人大常委会办公室　周　杰）"],
    )
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("column", column="情况交流"))
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, WordFilePicker)
        app.screen.dismiss(sample_toml.parent / "来稿.docx")  # what choosing the file in the tree does
        await pilot.pause()
        issue = main(app).session.issue
        added = issue.articles_in("情况交流")[-1]
        assert added.title == "淳安县：千岛湖保护" and added.byline == Byline(
            "淳安县人大常委会办公室", ["周杰"]
        )
        assert main(app).node == NodeRef("article", issue.articles.index(added))


async def test_editor_exports_to_a_chosen_folder_and_remembers_it(sample_toml: Path, tmp_path: Path) -> None:
    """The first export goes to the folder jianbao started in, not the archive; the next to the last one's."""
    from apphelp import SIZE, make_app, until
    from tui.app.dialogs import FormDialog

    chosen = tmp_path / "出版"
    chosen.mkdir()
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        path = app.screen.query_one("#field-path")
        assert path.value == str(Path.cwd() / "2025-12.docx")  # type: ignore[attr-defined]
        path.value = str(chosen / "第12期.docx")  # type: ignore[attr-defined]
        await pilot.click("#ok")
        await until(pilot, (chosen / "第12期.docx").exists)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert app.screen.query_one("#field-path").value == str(chosen / "2025-12.docx")  # type: ignore[attr-defined]
        await pilot.click("#ok")
        await until(pilot, (chosen / "2025-12.docx").exists)
    assert docx.Document(str(chosen / "2025-12.docx")).paragraphs[0].text == "杭州人大信息"
    assert not sample_toml.with_suffix(".docx").exists()  # nothing written into the archive


def test_an_exported_issue_is_not_a_submission(sample_toml: Path, tmp_path: Path) -> None:
    exported = tmp_path / "第12期.docx"
    r = run_cli("export", str(sample_toml), "--to", "docx", "-o", str(exported))
    assert r.returncode == 0, r.stderr
    with pytest.raises(UsageError, match="jianbao 导出的整期简报（杭州人大信息 第12期）"):
        import_submission(exported, HOUSE)
    before = sample_toml.read_bytes()
    r = run_cli("import", str(exported), "--into", str(sample_toml), "--column", "情况交流")
    assert r.returncode == 2 and "不是区县来稿" in r.stderr and "第12期.docx" in r.stderr
    assert sample_toml.read_bytes() == before
    report = tmp_path / "单.docx"
    run_cli("report", str(sample_toml), "--to", "docx", "-o", str(report))
    with pytest.raises(UsageError, match="校对单"):
        import_submission(report, HOUSE)


async def test_the_word_picker_goes_anywhere_and_leaves_out_own_exports(
    sample_toml: Path, tmp_path: Path
) -> None:
    from apphelp import SIZE, main, make_app, select, type_text, until
    from tui.app.file_picker import WordFilePicker, WordTree
    from tui.app.outline_nodes import NodeRef

    inbox = tmp_path / "来稿箱"
    inbox.mkdir()
    make_docx(
        inbox / "淳安.docx",
        ["淳安县：千岛湖保护", "淳安县人大常委会开展专题视察。", "（淳安县人大常委会办公室　周　杰）"],
    )
    run_cli("export", str(sample_toml), "--to", "docx", "-o", str(inbox / "第12期.docx"))
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, NodeRef("column", column="情况交流"))
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, WordFilePicker))
        picker = app.screen
        field = picker.query_one("#picker-path")
        field.focus()
        field.value = ""  # type: ignore[attr-defined]
        await type_text(pilot, str(inbox))
        await pilot.press("enter")
        tree = picker.query_one(WordTree)
        await until(pilot, lambda: Path(tree.path) == inbox and tree.has_focus)
        listed = [p.name for p in tree.filter_paths(inbox.iterdir())]
        assert listed == ["淳安.docx"]  # the exported issue is not offered
        await pilot.press("backspace")
        await until(pilot, lambda: Path(tree.path) == tmp_path)
        picker.dismiss(inbox / "淳安.docx")  # what choosing the file in the tree does
        await until(pilot, lambda: len(main(app).session.issue.articles) == 10)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, WordFilePicker))
        assert Path(app.screen.query_one(WordTree).path) == inbox  # the last folder, remembered
        await until(pilot, lambda: app.screen.query_one(WordTree).has_focus)
        # Typed in the tree, in one burst as a terminal delivers a paste or an input method's word: every
        # key has reached the tree before the path field takes the focus.  The name goes to the path.
        tree = app.screen.query_one(WordTree)
        for ch in "淳安.docx":
            tree.post_message(events.Key(ch if ch.isalnum() else f"char_{ord(ch):x}", ch))
        field = app.screen.query_one("#picker-path")
        await until(pilot, lambda: field.value == str(inbox / "淳安.docx"))  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: len(main(app).session.issue.articles) == 11)

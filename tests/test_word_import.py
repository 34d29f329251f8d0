"""Word submissions as districts really send them: nothing of their text is lost, what is not text is reported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Mm

from conftest import run_cli
from tui.files.config import default_house
from tui.importers.docx import import_issue_docx, import_submission
from tui.importers.docx_numbering import format_number
from tui.importers.docx_reader import MAX_DOCUMENT_XML, read_word
from tui.model import Byline
from tui.model.errors import LoadError

HOUSE = default_house()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BYLINE = "（富阳区人大常委会办公室　李　明）"


def raw_docx(path: Path, paragraphs: list[str], *, numbering: str = "") -> Path:
    """A .docx whose body paragraphs are given as WordprocessingML (the inside of <w:p>)."""
    document = docx.Document()
    if numbering:
        numbering_element = document.part.numbering_part.element
        for element in parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>"):
            numbering_element.append(element)
    end = document.element.body[-1]  # sectPr stays last
    for inner in paragraphs:
        end.addprevious(parse_xml(f"<w:p {W}>{inner}</w:p>"))
    document.save(str(path))
    return path


def run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def test_tracked_changes_are_read_as_accepted_and_reported(tmp_path: Path) -> None:
    path = raw_docx(
        tmp_path / "修订.docx",
        [
            run("富阳区：修订稿"),
            run("原有的文字，")
            + f"<w:ins w:id='1' w:author='审稿人'>{run('新插入的文字，')}</w:ins>"
            + "<w:del w:id='2' w:author='审稿人'><w:r><w:delText>删去的文字，</w:delText></w:r></w:del>"
            + run("结尾。"),
            run(BYLINE),
        ],
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["原有的文字，新插入的文字，结尾。"]
    notes = [f for f in sub.findings if f.rule == "import.tracked-changes"]
    assert len(notes) == 1 and "1 处插入、1 处删除" in notes[0].message.get("zh")


CHINESE_LIST = """
<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
"""


def numbered(text: str, level: int = 0) -> str:
    return f"<w:pPr><w:numPr><w:ilvl w:val='{level}'/><w:numId w:val='90'/></w:numPr></w:pPr>{run(text)}"


def test_automatic_list_numbers_are_rendered_into_the_text(tmp_path: Path) -> None:
    path = raw_docx(
        tmp_path / "编号.docx",
        [
            run("富阳区：三项举措"),
            numbered("聚焦产业。"),
            numbered("细化分工。", 1),
            numbered("压实责任。", 1),
            numbered("聚焦民生。"),
            numbered("回应关切。", 1),
            run(BYLINE),
        ],
        numbering=CHINESE_LIST,
    )
    assert import_submission(path, HOUSE).article.paragraphs == [
        "一、聚焦产业。",
        "（1）细化分工。",
        "（2）压实责任。",
        "二、聚焦民生。",
        "（1）回应关切。",
    ]


def test_list_number_style_numbers_too(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("富阳区：标题")
    for text in ("第一项。", "第二项。", "第三项。"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph(BYLINE)
    path = tmp_path / "list.docx"
    document.save(str(path))
    body = import_submission(path, HOUSE).article.paragraphs
    assert body == ["1.第一项。", "2.第二项。", "3.第三项。"]


def test_a_document_without_list_numbering_reads_whole(tmp_path: Path) -> None:
    """Word writes no numbering part for a document without lists: nothing is missing, none is made."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    document.add_paragraph("富阳区：标题")
    document.add_paragraph("第一项。")
    document.add_paragraph(BYLINE)
    rels = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.NUMBERING]:
        del rels[rid]
    path = tmp_path / "plain.docx"
    document.save(str(path))
    assert import_submission(path, HOUSE).article.paragraphs == ["第一项。"]


def test_number_formats() -> None:
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 23)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
    ]
    assert format_number(4, "upperRoman") == "IV" and format_number(2, "lowerLetter") == "b"
    assert format_number(3, "decimalEnclosedCircle") == "③"


def test_a_bold_title_with_heading_2_subheadings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("富阳区：“三个聚焦”助力共同富裕").bold = True
    document.add_paragraph("富阳区人大常委会聚焦共同富裕。")
    document.add_paragraph("一、聚焦产业", style="Heading 2")
    document.add_paragraph("产业正文。")
    document.add_paragraph("二、聚焦民生", style="Heading 2")
    document.add_paragraph("民生正文。")
    document.add_paragraph(BYLINE)
    path = tmp_path / "小标题.docx"
    document.save(str(path))
    a = import_submission(path, HOUSE).article
    assert a.title == "富阳区：“三个聚焦”助力共同富裕"
    assert a.paragraphs == [
        "富阳区人大常委会聚焦共同富裕。",
        "一、聚焦产业",
        "产业正文。",
        "二、聚焦民生",
        "民生正文。",
    ]


def test_a_soft_line_break_before_the_byline_keeps_the_body_text(tmp_path: Path) -> None:
    path = raw_docx(
        tmp_path / "换行.docx",
        [run("富阳区：标题"), run("第一段。"), run("最后一句正文。") + "<w:r><w:br/></w:r>" + run(BYLINE)],
    )
    a = import_submission(path, HOUSE).article
    assert a.paragraphs == ["第一段。", "最后一句正文。"]
    assert a.byline == Byline("富阳区人大常委会办公室", ["李明"])


def test_author_and_unit_lines_at_the_top_subtitle_and_date(tmp_path: Path) -> None:
    document = docx.Document()
    for text in (
        "临安区：立法联系点建设",
        "——临安区人大常委会推进基层立法联系点建设纪实",
        "单位：临安区人大常委会办公室",
        "作者：王小明",
        "正文第一段。",
        "正文第二段。",
        "2025年11月10日",
    ):
        document.add_paragraph(text)
    path = tmp_path / "上方署名.docx"
    document.save(str(path))
    sub = import_submission(path, HOUSE)
    a = sub.article
    assert a.title == "临安区：立法联系点建设——临安区人大常委会推进基层立法联系点建设纪实"
    assert a.byline == Byline("临安区人大常委会办公室", ["王小明"])
    assert a.paragraphs == ["正文第一段。", "正文第二段。"]
    dated = [f for f in sub.findings if f.rule == "import.date-line"]
    assert len(dated) == 1 and "2025年11月10日" in dated[0].message.get("zh")


def test_a_date_after_the_byline_is_reported_not_body(tmp_path: Path) -> None:
    path = raw_docx(
        tmp_path / "日期.docx", [run("富阳区：标题"), run("正文。"), run(BYLINE), run("2025年11月10日")]
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["正文。"] and sub.article.byline is not None
    assert [f.rule for f in sub.findings if f.rule == "import.date-line"] == ["import.date-line"]


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f9d2d30000000049454e44ae426082"
)


def test_photos_and_tables_import_their_text_and_are_reported(tmp_path: Path) -> None:
    png = tmp_path / "dot.png"
    png.write_bytes(PNG)
    document = docx.Document()
    document.add_paragraph("富阳区：图文稿")
    document.add_paragraph("正文第一段。")
    document.add_picture(str(png), width=Mm(10))
    document.add_paragraph("图为代表视察现场。", style="Caption")
    table = document.add_table(rows=2, cols=2)
    cells = [cell for row in table.rows for cell in row.cells]
    for cell, text in zip(cells, ["项目", "数量", "走访企业", "48家"], strict=True):
        cell.text = text
    document.add_paragraph("正文第二段。")
    document.add_paragraph(BYLINE)
    path = tmp_path / "图表.docx"
    document.save(str(path))
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == [
        "正文第一段。",
        "图为代表视察现场。",
        "项目",
        "数量",
        "走访企业",
        "48家",
        "正文第二段。",
    ]
    rules = [f.rule for f in sub.findings]
    assert "import.image" in rules and "import.table" in rules


def test_refusing_a_column_still_shows_what_the_import_noticed(sample_toml: Path, tmp_path: Path) -> None:
    path = raw_docx(
        tmp_path / "无栏目.docx",
        [
            run("淳安县：千岛湖"),
            run("正文") + f"<w:ins w:id='1' w:author='x'>{run('补充。')}</w:ins>",
            run(BYLINE),
        ],
    )
    r = run_cli("import", str(path), "--into", str(sample_toml))
    assert r.returncode == 2 and "--column" in r.stderr
    assert "import.tracked-changes" in r.stderr


def test_the_whole_issue_import_reports_word_findings_too(tmp_path: Path, sample_toml: Path) -> None:
    from tui.exporters import render
    from tui.files.storage import load_issue

    path = tmp_path / "issue.docx"
    path.write_bytes(render(load_issue(sample_toml), HOUSE.style, "docx"))
    document = docx.Document(str(path))
    document.add_picture(io.BytesIO(PNG), width=Mm(10))
    document.save(str(path))
    result = import_issue_docx(path, HOUSE)
    assert "import.image" in [f.rule for f in result.findings]


# ------------------------------------------------------------ damaged files


def _valid_docx_bytes(tmp_path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("富阳区：标题")
    document.add_paragraph("正文。")
    document.add_paragraph(BYLINE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    "damage",
    ["truncated", "bad-xml", "no-document", "bad-content-types", "random-bytes-in-xml", "empty-document-xml"],
)
def test_damaged_word_files_are_clear_errors(tmp_path: Path, damage: str) -> None:
    good = _valid_docx_bytes(tmp_path)
    data = {
        "truncated": lambda: good[: len(good) // 2],
        "bad-xml": lambda: _rezip(good, "word/document.xml", b"<w:document><w:body><w:p>"),
        "no-document": lambda: _rezip(good, "word/document.xml", b"")[:0] or _drop(good, "word/document.xml"),
        "bad-content-types": lambda: _rezip(good, "[Content_Types].xml", b"not xml at all"),
        "random-bytes-in-xml": lambda: _rezip(good, "word/document.xml", bytes(range(256)) * 4),
        "empty-document-xml": lambda: _rezip(good, "word/document.xml", b""),
    }[damage]()
    path = tmp_path / "坏.docx"
    path.write_bytes(data)
    with pytest.raises(LoadError) as info:
        import_submission(path, HOUSE)
    assert "坏.docx" in info.value.render("zh")
    r = run_cli("import", str(path))
    assert r.returncode == 2 and "内部错误" not in r.stderr and "Traceback" not in r.stderr


def _drop(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def test_a_huge_document_xml_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    good = _valid_docx_bytes(tmp_path)
    huge = _rezip(good, "word/document.xml", b" " * (MAX_DOCUMENT_XML + 1))
    path = tmp_path / "巨大.docx"
    path.write_bytes(huge)
    assert path.stat().st_size < 1_000_000  # it compresses: the size that matters is unpacked
    with pytest.raises(LoadError, match="太大"):
        read_word(path)

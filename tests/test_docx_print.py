"""The Word export as a typesetter receives it: grid, language, fonts, pagination, end block, metadata.

Each test reads the .docx's XML, as Word reads it.  (The page images in
docs/print.md were rendered with LibreOffice on the development machine;
no test depends on it.)
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import DATA
from tui.exporters import docx_style as S
from tui.exporters import render
from tui.exporters.docx_xml import ORDER as _ORDER
from tui.files.config import load_house, loads_house
from tui.files.storage import load_issue
from tui.model.errors import LoadError
from tui.model.house import Fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def exported(sample_toml: Path) -> bytes:
    house = load_house(sample_toml.parent)
    return render(load_issue(sample_toml), house.style, "docx")


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_22_lines_of_28_characters(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch")))
    block_height = S.BLOCK_HEIGHT_MM * S.PT_PER_MM * 20  # twips
    assert grid.get(qn("w:type")) == "lines" and 22 * pitch <= block_height < 23 * pitch
    body = next(p for p in document.paragraphs if p.text.startswith("拱墅区人大常委会出台"))
    run = body.runs[0]._r
    advance = run.rPr.sz.val.pt * 20 + int(
        run.rPr.find(qn("w:spacing")).get(qn("w:val"))
    )  # twips a character
    block_width = S.BLOCK_WIDTH_MM * S.PT_PER_MM * 20
    assert 28 * advance <= block_width < 29 * advance  # 28 full-width characters a line, not 27
    assert body.paragraph_format.first_line_indent.pt == 32  # two characters


def test_chinese_in_word_language_hints_and_fonts(exported: bytes) -> None:
    styles, settings, document = (
        _part(exported, f"word/{n}.xml") for n in ("styles", "settings", "document")
    )
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert 'w:eastAsia="zh-CN"' in defaults and "ja-JP" not in settings
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', settings)
    runs = re.findall(r"<w:r>.*?</w:r>", document)
    fonted = [r for r in runs if "<w:t" in r]
    assert fonted and all('w:hint="eastAsia"' in r and "w:eastAsia=" in r for r in fonted)
    table = _part(exported, "word/fontTable.xml")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>' in table
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>' in table and "黑体" in table
    assert "ＭＳ" not in table and "Cambria" not in table


def test_fonts_come_from_the_house(sample_toml: Path) -> None:
    text = (DATA / "bulletin.toml").read_text(encoding="utf-8") + '\n[fonts]\nbody = "楷体_GB2312"\n'
    house = loads_house(text, "bulletin.toml")
    assert house.style.fonts == Fonts()._replace(body="楷体_GB2312")
    data = render(load_issue(sample_toml), house.style, "docx")
    document = _part(data, "word/document.xml")
    assert 'w:eastAsia="楷体_GB2312"' in document and 'w:eastAsia="仿宋_GB2312"' not in document
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in _part(data, "word/fontTable.xml")
    with pytest.raises(LoadError) as info:
        loads_house(text.replace('body = "楷体_GB2312"', 'bodyy = "x"'), "bulletin.toml")
    assert "bodyy" in str(info.value) and info.value.line is not None


def test_pagination_keeps_titles_headings_and_bylines_with_their_text(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    title_style = document.styles["Title"].element.pPr
    assert title_style.find(qn("w:keepNext")) is not None and title_style.find(qn("w:snapToGrid")) is not None
    spacing = title_style.find(qn("w:spacing"))
    assert spacing.get(qn("w:before")) == str(S.LINE_PITCH_TWIPS)  # a blank line above each title
    paragraphs = document.paragraphs
    headings = [p for p in paragraphs if p.text.startswith("【") and p.text.endswith("】")]
    assert [h.text for h in headings[-4:]] == ["【助力攻坚】", "【监督纵横】", "【情况交流】", "【信息摘登】"]
    assert all(h.paragraph_format.keep_with_next for h in headings[-4:])
    after = next(i for i, p in enumerate(paragraphs) if p.text == "【助力攻坚】")  # the body, past 目录
    bylines = [
        i for i, p in enumerate(paragraphs) if i > after and p.text.startswith("（") and p.text.endswith("）")
    ]
    assert len(bylines) == 9 and all(paragraphs[i - 1].paragraph_format.keep_with_next for i in bylines)
    body = [
        p
        for p in paragraphs
        if p.paragraph_format.first_line_indent is not None and p.paragraph_format.first_line_indent.pt == 32
    ]
    assert body and all(p.paragraph_format.widow_control for p in body)


def test_long_titles_break_into_balanced_lines(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    titles = [p for p in document.paragraphs if p.style.name == "Title"]
    broken = next(p for p in titles if p.text.startswith("萧山区"))
    lines = broken.text.split("\n")
    # two lines of nearly equal length, cut where the words allow (after the closing quote)
    assert lines == ["萧山区:紧扣“三大关键”", "强化监督助力共同富裕"]
    short = next(p for p in titles if p.text.startswith("拱墅区"))
    assert "\n" not in short.text  # 20 characters fit one line


def test_the_end_block_sits_at_the_foot_between_its_rules(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("送："))
    block = paragraphs[start:]
    assert [p.text for p in block[-2:]] == ["本期责任编辑：杨青青", "电话：(0571)85250657"]
    frames = [p._p.pPr.find(qn("w:framePr")) for p in block]
    assert all(
        f is not None and f.get(qn("w:yAlign")) == "bottom" and f.get(qn("w:vAnchor")) == "margin"
        for f in frames
    )

    def border(p, side: str) -> int | None:  # type: ignore[no-untyped-def]
        edge = p._p.pPr.find(qn("w:pBdr"))
        found = edge.find(qn(f"w:{side}")) if edge is not None else None
        return int(found.get(qn("w:sz"))) if found is not None else None

    assert border(block[0], "top") == 8 and border(block[-1], "bottom") == 8  # thick: 1 pt ≈ 0.35 mm
    assert border(block[-3], "bottom") == 6  # thin between: 0.75 pt ≈ 0.26 mm
    first = block[0].paragraph_format
    assert first.left_indent.pt == 42 and first.first_line_indent.pt == -28  # 送： then a hanging indent
    assert block[0].runs[0].font.size.pt == 14  # 4号


def test_positions_of_the_page_number_and_the_red_rule(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    section = document.sections[0]
    number_line = 16 / S.PT_PER_MM
    gap = S.BOTTOM_MM - section.footer_distance.mm - number_line
    assert abs(gap - 7) < 0.2  # the page number's line starts 7 mm under the text block
    rule = next(p for p in document.paragraphs if "杭州市人大常委会研究室编" in p.text)
    bottom = rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (
        bottom.get(qn("w:color")) == "E60012" and abs(int(bottom.get(qn("w:space"))) / S.PT_PER_MM - 4) < 0.2
    )


def test_metadata_names_the_issue_and_nothing_of_python_docx(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    props = document.core_properties
    assert props.author == "杭州市人大常委会研究室" and props.title == "杭州人大信息 第12期"
    assert props.created.year >= 2026 and props.comments == ""
    with zipfile.ZipFile(io.BytesIO(exported)) as z:
        names = z.namelist()
        everything = b"".join(z.read(n) for n in names)
    assert not any("thumbnail" in n or n.startswith("customXml") for n in names)
    assert (
        b"python-docx" not in everything and b"2013-12" not in everything and b"Macintosh" not in everything
    )


def test_the_contents_put_a_column_and_its_first_title_on_one_line(exported: bytes) -> None:
    document = docx.Document(io.BytesIO(exported))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("目　录")
    assert texts[start + 1] == "【助力攻坚】\t拱墅区：多措并举护航新质生产力“加速跑”"
    second = document.paragraphs[start + 2]
    assert second.text.startswith("西湖区") and second.paragraph_format.left_indent is not None
    assert "【信息摘登】3则" in texts[start : start + 12]


def test_every_property_element_is_in_the_schema_order(exported: bytes) -> None:
    """Word refuses a file whose pPr or rPr children are out of the schema's order."""
    from lxml import etree

    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        root = etree.fromstring(_part(exported, name).encode("utf-8"))
        for tag, order in _ORDER.items():
            for element in root.iter(tag.replace("w:", W)):
                seen = [c.tag.replace(W, "w:") for c in element if c.tag.replace(W, "w:") in order]
                assert seen == sorted(seen, key=order.index), (name, seen)

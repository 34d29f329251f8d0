"""Word text outside the body's plain paragraphs: text boxes, content controls, headers and footers,
footnotes, endnotes and comments.  Each word ends up once in the article or quoted in a finding."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from test_word_import import BYLINE, HOUSE, W, raw_docx, run
from tui.importers.docx import import_submission

MC = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def text_box(*paragraphs: str) -> str:
    """A text box as Word writes it: the shape (mc:Choice) and a copy for older readers (mc:Fallback)."""
    inner = "<w:txbxContent>" + "".join(f"<w:p>{run(p)}</w:p>" for p in paragraphs) + "</w:txbxContent>"
    return (
        f"<w:r><mc:AlternateContent {MC}><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic>"
        f"<a:graphicData><wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_as_paragraphs_of_its_own_and_reported(tmp_path: Path) -> None:
    """Word keeps a text box twice; reading both doubled its words inside the paragraph it sits in."""
    path = raw_docx(
        tmp_path / "文本框.docx",
        [
            run("富阳区：文本框稿"),
            run("正文开头。") + text_box("框内第一句。", "框内第二句。") + run("正文继续。"),
            run("正文第二段。"),
            run(BYLINE),
        ],
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["正文开头。正文继续。", "框内第一句。", "框内第二句。", "正文第二段。"]
    rules = [f.rule for f in sub.findings]
    assert rules.count("import.text-box") == 1 and "import.image" not in rules


def test_paragraphs_in_a_content_control_are_read_in_their_place(tmp_path: Path) -> None:
    """A template's content control (w:sdt) holds body paragraphs: they were skipped without a word."""
    path = raw_docx(tmp_path / "控件.docx", [run("富阳区：控件稿"), run("第一段。")])
    document = docx.Document(str(path))
    control = parse_xml(
        f"<w:sdt {W}><w:sdtPr><w:alias w:val='正文'/></w:sdtPr><w:sdtContent>"
        f"<w:p>{run('控件里的一段。')}</w:p></w:sdtContent></w:sdt>"
    )
    document.element.body[-1].addprevious(control)
    document.element.body[-1].addprevious(parse_xml(f"<w:p {W}>{run(BYLINE)}</w:p>"))
    document.save(str(path))
    assert import_submission(path, HOUSE).article.paragraphs == ["第一段。", "控件里的一段。"]


def _with_part(path: Path, name: str, kind: str, relation: str, xml: str) -> None:
    document = docx.Document(str(path))
    part = Part(PackURI(f"/word/{name}.xml"), WORD + kind, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, relation)
    document.save(str(path))


def _notes(tag: str, *texts: str) -> str:
    separator = f"<w:{tag} w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>"
    notes = "".join(f"<w:{tag} w:id='{i}'><w:p>{run(t)}</w:p></w:{tag}>" for i, t in enumerate(texts, 1))
    return f"<w:{tag}s {W}>{separator}{notes}</w:{tag}s>"


def test_headers_footers_notes_and_comments_are_quoted_in_findings(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("富阳区：带脚注的稿件", "正文一段。", BYLINE):
        document.add_paragraph(text)
    section = document.sections[0]
    section.header.paragraphs[0].text = "富阳区人大常委会研究室"
    section.footer.paragraphs[0].text = "第 1 页"  # a page number: furniture, not quoted
    section.footer.add_paragraph("内部资料　注意保存")
    path = tmp_path / "脚注.docx"
    document.save(str(path))
    _with_part(path, "footnotes", "footnotes+xml", RT.FOOTNOTES, _notes("footnote", "数据来源：区统计局。"))
    _with_part(path, "endnotes", "endnotes+xml", RT.ENDNOTES, _notes("endnote", "尾注一则。"))
    _with_part(
        path,
        "comments",
        "comments+xml",
        RT.COMMENTS,
        f"<w:comments {W}><w:comment w:id='0' w:author='审稿人'><w:p>{run('此处数字请核实')}</w:p></w:comment></w:comments>",
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["正文一段。"]
    said = {f.rule: (f.severity.value, f.message.get("zh")) for f in sub.findings}
    assert said["import.header-footer"] == (
        "info",
        "页眉、页脚中的文字未导入：「富阳区人大常委会研究室」「内部资料　注意保存」",
    )
    assert said["import.footnotes"] == (
        "warning",
        "文档有 1 条脚注，未导入，请核对：「数据来源：区统计局。」",
    )
    assert said["import.endnotes"] == ("warning", "文档有 1 条尾注，未导入，请核对：「尾注一则。」")
    assert said["import.comments"] == (
        "warning",
        "文档有 1 条批注，未导入，请核对：「此处数字请核实（审稿人）」",
    )


def test_a_plain_submission_reports_nothing_outside_its_body(tmp_path: Path) -> None:
    """No header, no notes: no finding about them (python-docx's template has empty ones)."""
    document = docx.Document()
    for text in ("富阳区：平常的稿件", "正文一段。", BYLINE):
        document.add_paragraph(text)
    document.sections[0].footer.paragraphs[0].text = "- 2 -"
    path = tmp_path / "平常.docx"
    document.save(str(path))
    rules = {f.rule for f in import_submission(path, HOUSE).findings}
    assert not {"import.header-footer", "import.footnotes", "import.endnotes", "import.comments"} & rules


def test_an_equation_is_read_and_a_symbol_font_character_is_reported(tmp_path: Path) -> None:
    """An equation's characters are text (m:t, not w:t); a Wingdings ✓ has none to read: it is reported."""
    math = (
        "<m:oMath xmlns:m='http://schemas.openxmlformats.org/officeDocument/2006/math'>"
        "<m:r><m:t>x+1=2</m:t></m:r></m:oMath>"
    )
    path = raw_docx(
        tmp_path / "公式.docx",
        [
            run("富阳区：公式稿"),
            run("增长率按") + math + run("计算。"),
            run("已完成") + "<w:r><w:sym w:font='Wingdings' w:char='F0FC'/></w:r>" + run("。"),
            run(BYLINE),
        ],
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["增长率按x+1=2计算。", "已完成。"]
    symbols = [f for f in sub.findings if f.rule == "import.symbol"]
    assert len(symbols) == 1 and "1 个符号字体字符" in symbols[0].message.get("zh")


def test_embedded_objects_are_reported(tmp_path: Path) -> None:
    """An embedded Excel table (w:object) or an imported HTML chunk (w:altChunk) has no text here: reported."""
    path = raw_docx(
        tmp_path / "嵌入.docx",
        [run("富阳区：嵌入稿"), run("见下表。") + "<w:r><w:object/></w:r>", run(BYLINE)],
    )
    document = docx.Document(str(path))
    document.element.body[-1].addprevious(parse_xml(f"<w:altChunk {W}/>"))
    document.save(str(path))
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["见下表。"]
    embedded = [f for f in sub.findings if f.rule == "import.embedded"]
    assert len(embedded) == 1 and "2 个嵌入对象" in embedded[0].message.get("zh")


# ------------------------------------------------------------ every word accounted for

KINDS = (
    "plain",
    "inserted",
    "deleted",
    "table",
    "text box",
    "control",
    "equation",
    "phonetic guide",
    "header",
    "footnote",
    "comment",
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(KINDS), min_size=1, max_size=8))
def test_every_word_a_submission_shows_ends_up_in_the_article_or_a_finding(kinds: list[str]) -> None:
    """However a submission's words are held (runs, tracked insertions, tables, text boxes, content controls,
    equations, phonetic guides, headers, footnotes, comments), each one Word shows is in the article or quoted
    in a finding; words a tracked change deleted are not brought back."""
    import tempfile

    shown: list[str] = []
    deleted: list[str] = []
    count = iter(range(1000))

    def word() -> str:
        token = f"词{next(count)}号"
        shown.append(token)
        return token

    body: list[str] = [run("富阳区：稿件")]
    parts: dict[str, list[str]] = {"header": [], "footnote": [], "comment": []}
    for kind in kinds:
        if kind == "plain":
            body.append(run(word()))
        elif kind == "inserted":
            body.append(run(word()) + f"<w:ins w:id='1' w:author='甲'>{run(word())}</w:ins>")
        elif kind == "deleted":
            gone = f"删{next(count)}字"
            deleted.append(gone)
            body.append(
                run(word())
                + f"<w:del w:id='2' w:author='甲'><w:r><w:delText>{gone}</w:delText></w:r></w:del>"
            )
        elif kind == "table":
            body.append(f"</w:p><w:tbl><w:tr><w:tc><w:p>{run(word())}</w:p></w:tc></w:tr></w:tbl><w:p>")
        elif kind == "text box":
            body.append(run(word()) + text_box(word(), word()))
        elif kind == "control":
            body.append(f"</w:p><w:sdt><w:sdtContent><w:p>{run(word())}</w:p></w:sdtContent></w:sdt><w:p>")
        elif kind == "phonetic guide":
            over = f"<w:rt>{run(word())}</w:rt><w:rubyBase>{run(word())}</w:rubyBase>"
            body.append(run(word()) + f"<w:r><w:ruby>{over}</w:ruby></w:r>")
        elif kind == "equation":
            math = "<m:oMath xmlns:m='http://schemas.openxmlformats.org/officeDocument/2006/math'>"
            body.append(run(word()) + f"{math}<m:r><m:t>{word()}</m:t></m:r></m:oMath>")
        else:
            parts[kind].append(word())
    body.append(run(BYLINE))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "稿件.docx"
        document = docx.Document()
        end = document.element.body[-1]
        for inner in body:
            for element in parse_xml(f"<w:body {W}><w:p>{inner}</w:p></w:body>"):
                if len(element):  # the empty paragraphs a table or control left around it
                    end.addprevious(element)
        document.sections[0].header.paragraphs[0].text = "".join(parts["header"])
        document.save(str(path))
        if parts["footnote"]:
            _with_part(
                path, "footnotes", "footnotes+xml", RT.FOOTNOTES, _notes("footnote", *parts["footnote"])
            )
        if parts["comment"]:
            comments = "".join(
                f"<w:comment w:id='{i}' w:author='乙'><w:p>{run(t)}</w:p></w:comment>"
                for i, t in enumerate(parts["comment"])
            )
            _with_part(
                path, "comments", "comments+xml", RT.COMMENTS, f"<w:comments {W}>{comments}</w:comments>"
            )
        sub = import_submission(path, HOUSE)
    article = sub.article
    text = "\n".join(
        [article.title, *article.paragraphs]
        + ([article.byline.unit, *article.byline.authors] if article.byline else [])
    )
    said = "\n".join([text, *(f.message.get("zh") for f in sub.findings)])
    assert [w for w in shown if w not in said] == [], said  # none lost
    assert [w for w in shown if text.count(w) > 1] == [], text  # none doubled in the article
    assert not [w for w in deleted if w in said]


def test_a_phonetic_guide_keeps_its_characters_and_reports_the_reading(tmp_path: Path) -> None:
    """拼音指南 sets a reading over characters (w:ruby): read as text, 重 came in as chóng重."""
    ruby = (
        "<w:r><w:ruby><w:rt>"
        + run("chóng")
        + "</w:rt><w:rubyBase>"
        + run("重")
        + "</w:rubyBase></w:ruby></w:r>"
    )
    path = raw_docx(
        tmp_path / "注音.docx",
        [run("富阳区：注音稿"), run("代表们") + ruby + run("新审视了方案。"), run(BYLINE)],
    )
    sub = import_submission(path, HOUSE)
    assert sub.article.paragraphs == ["代表们重新审视了方案。"]
    rubies = [f for f in sub.findings if f.rule == "import.ruby"]
    assert len(rubies) == 1 and rubies[0].message.get("zh").endswith(
        "1 处拼音指南（字上注音），注音未导入，请核对：「重（chóng）」"
    )

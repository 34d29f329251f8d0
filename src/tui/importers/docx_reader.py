"""Reading a .docx as the text a person sees in Word, with nothing dropped silently.

python-docx's ``Paragraph.text`` leaves out what real submissions are made
of: tracked insertions (``w:ins``), the numbers of automatic lists (1. 2. 3.,
一、二、), the text of tables, the lines after a soft line break.  This reader
walks the document body in order and gives:

- every paragraph, tables' cell paragraphs, text boxes' and content
  controls' in their place, with the document read as if every tracked
  change were accepted (insertions kept, deletions and moved-away text
  dropped), automatic list numbers rendered into the text, and soft line
  breaks (Shift+Enter) as paragraph breaks (a paragraph's own text:
  importers/docx_text.py);
- a finding for each thing that is not text (an image, a table or a text
  box turned into paragraphs, tracked changes accepted), so the proofreader
  knows, and one quoting the text outside the body that is not imported
  (headers and footers, notes, comments: importers/docx_parts.py).

A damaged file of any kind is a LoadError naming it, and a document.xml
larger than any bulletin's is refused before it is parsed.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.files.storage import read_bytes
from tui.importers.docx_numbering import Numbering, numbering_of
from tui.importers.docx_parts import outside_the_body
from tui.importers.docx_text import (
    W,
    is_embedded,
    is_image,
    is_ruby,
    is_symbol,
    own_elements,
    paragraph_text,
    removed,
    ruby_text,
    text_boxes,
)
from tui.model.errors import JianbaoError, LoadError
from tui.model.findings import Finding, Location, Severity
from tui.model.i18n import Text
from tui.model.textutil import strip_ws

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
MAX_DOCUMENT_XML = 20_000_000  # bytes uncompressed; a long bulletin's is under 2 MB
MAX_PACKAGE = 200_000_000  # bytes uncompressed, all parts together (images included)


@dataclass
class Para:
    """One paragraph as Word shows it."""

    style: str
    text: str
    bold: bool = False  # every run with text is bold
    in_table: bool = False

    @property
    def heading_level(self) -> int | None:
        """1 for Title/Heading 1/标题 1, 2 for Heading 2…; None for body text."""
        name = self.style.strip().lower()
        if name in ("title", "标题"):
            return 1
        m = re.match(r"^(?:heading|标题)\s*(\d)$", name)
        return int(m.group(1)) if m else None


@dataclass
class WordText:
    paragraphs: list[Para] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _note(rule: str, severity: str, message: Text, paragraph: int | None = None) -> Finding:
    return Finding(rule, Severity(severity), Location(field="source", paragraph=paragraph), message)


def _damaged(path: Path, detail: str = "") -> LoadError:
    extra_zh = f"（{detail}）" if detail else ""
    extra_en = f" ({detail})" if detail else ""
    return LoadError(
        Text(
            f"不是 Word 文档（.docx）或文件已损坏{extra_zh}",
            f"not a Word document (.docx), or it is damaged{extra_en}",
        ),
        file=path,
    )


def _check_package(path: Path) -> None:
    """Refuse what is not a .docx, and sizes no bulletin has, before parsing anything."""
    head = read_bytes(path)[:8]
    if head.startswith(OLE_SIGNATURE):
        raise LoadError(
            Text(
                "这是加密的 Word 文档或旧版 .doc 文件；请在 Word 中取消密码并另存为 .docx",
                "this is an encrypted Word document or an old .doc file; remove the password and save it as .docx",
            ),
            file=path,
        )
    if not zipfile.is_zipfile(path):
        raise LoadError(Text("不是 Word 文档（.docx）", "not a Word document (.docx)"), file=path)
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(path, str(exc)[:80]) from None
    document = next((i for i in infos if i.filename == "word/document.xml"), None)
    if document is None:
        raise _damaged(path, "word/document.xml")
    if document.file_size > MAX_DOCUMENT_XML or sum(i.file_size for i in infos) > MAX_PACKAGE:
        raise LoadError(
            Text(
                f"文档太大（正文 {document.file_size // 1_000_000} MB），不像一篇稿件或一期简报；未导入",
                f"the document is too large ({document.file_size // 1_000_000} MB of text) for a submission or an issue; not imported",
            ),
            file=path,
        )


# ---------------------------------------------------------------- reading


_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def word_marks(path: Path) -> tuple[str, str]:
    """(category, title) of a .docx's document properties; ("", "") when it has none or is unreadable.

    Read straight from docProps/core.xml: the import picker asks it of every
    .docx in a folder, and opening each with python-docx would be slow.
    """
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > 1_000_000:
                return "", ""
            root = ElementTree.fromstring(package.read(info))
    except (OSError, KeyError, LookupError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return "", ""  # a damaged file: the reader that follows says what is wrong with it
    category = root.findtext("cp:category", default="", namespaces=_CORE_NS)
    title = root.findtext("dc:title", default="", namespaces=_CORE_NS)
    return category.strip(), title.strip()


def read_word(path: Path) -> WordText:
    """The document's paragraphs and what about it was not plain text (see the module docstring)."""
    _check_package(path)
    try:
        return _read(path)
    except JianbaoError:
        raise
    except Exception as exc:  # lxml, zipfile and python-docx fail in many ways on damaged files
        raise _damaged(path, type(exc).__name__) from None


def _read(path: Path) -> WordText:
    import docx

    document = docx.Document(str(path))
    reading = _Reading(document)
    body = document.element.body
    reading.walk(body)
    result = reading.result
    insertions = sum(1 for e in body.iter(f"{W}ins") if not removed(e))
    deletions = sum(1 for tag in ("del", "moveFrom") for e in body.iter(f"{W}{tag}") if not removed(e))
    counted = (
        (
            reading.images,
            "import.image",
            Text(
                f"文档中有 {reading.images} 张图片，未导入（只导入文字；图注已作为段落保留）",
                f"the document holds {reading.images} image(s), not imported (jianbao imports text; captions are kept as paragraphs)",
            ),
        ),
        (
            reading.symbols,
            "import.symbol",
            Text(
                f"文档中有 {reading.symbols} 个符号字体字符（如插入的勾选符号 ✓），未导入，请核对",
                f"the document holds {reading.symbols} symbol-font character(s) (inserted symbols, such as a Wingdings ✓), not imported: check them",
            ),
        ),
        (
            len(reading.rubies),
            "import.ruby",
            Text(
                f"文档中有 {len(reading.rubies)} 处拼音指南（字上注音），注音未导入，请核对："
                + "".join(f"「{base}（{over}）」" for base, over in reading.rubies),
                f"the document has {len(reading.rubies)} phonetic guide(s) (readings set over characters); the readings were not imported: check them: "
                + "; ".join(f"{base} ({over})" for base, over in reading.rubies),
            ),
        ),
        (
            reading.embedded,
            "import.embedded",
            Text(
                f"文档中有 {reading.embedded} 个嵌入对象（如嵌入的电子表格），未导入，请核对",
                f"the document holds {reading.embedded} embedded object(s) (an Excel table, say), not imported: check them",
            ),
        ),
    )
    result.findings += [_note(rule, "warning", message) for count, rule, message in counted if count]
    if insertions or deletions:
        result.findings.append(
            _note(
                "import.tracked-changes",
                "warning",
                Text(
                    f"文档带有修订痕迹（{insertions} 处插入、{deletions} 处删除），已按“接受全部修订”读取，请核对",
                    f"the document has tracked changes ({insertions} insertions, {deletions} deletions); read as if all were accepted: check it",
                ),
            )
        )
    result.findings += outside_the_body(document)
    if not any(strip_ws(p.text) for p in result.paragraphs):
        raise LoadError(Text("文档是空的", "the document is empty"), file=path)
    return result


class _Reading:
    """The walk through a document's body: its paragraphs in order, and what was not plain text."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = numbering_of(document)
        self.result = WordText()
        self.images = self.tables = self.boxes = self.symbols = self.embedded = 0
        self.rubies: list[tuple[str, str]] = []  # (the characters, the reading set over them)

    def walk(self, container: Any, *, in_table: bool = False) -> None:
        """The paragraphs of ``container`` in document order, tables' and text boxes' in their place.

        A content control (``w:sdt``, a template's fields and cover pages) or custom
        XML holds paragraphs too: walked into, not skipped.
        """
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag == f"{W}sectPr":
                continue
            if tag == f"{W}p":
                self._paragraph(child, in_table=in_table)
            elif is_embedded(child):  # a chunk of HTML or RTF between paragraphs
                self.embedded += 1
            elif tag == f"{W}tbl":
                self._table(child)
            else:
                self.walk(child, in_table=in_table)

    def _table(self, table: Any) -> None:
        self.tables += 1
        n = self.tables
        self._walk_reported(
            table,
            "import.table",
            Text(
                f"第 {n} 个表格的单元格已按顺序作为段落导入，请核对",
                f"the cells of table {n} were imported as paragraphs, in order: check them",
            ),
            in_table=True,
        )

    def _paragraph(self, p: Any, *, in_table: bool) -> None:
        _add_paragraph(self.result, p, self.numbering, self.document, in_table=in_table)
        for element in own_elements(p):
            self.images += is_image(element)
            self.symbols += is_symbol(element)
            if is_ruby(element):
                self.rubies.append(ruby_text(element))
            self.embedded += is_embedded(element)
        for box in text_boxes(p):
            self.boxes += 1
            n = self.boxes
            self._walk_reported(
                box,
                "import.text-box",
                Text(
                    f"第 {n} 个文本框的文字已作为段落导入（在它所在的段落之后），请核对",
                    f"the text of text box {n} was imported as paragraphs (after the paragraph it sits in): check them",
                ),
                in_table=in_table,
            )

    def _walk_reported(self, container: Any, rule: str, message: Text, *, in_table: bool) -> None:
        """Walk ``container``, then warn that its paragraphs (from the first of them on) were not plain body text."""
        first = len(self.result.paragraphs)
        self.walk(container, in_table=in_table)
        self.result.findings.append(_note(rule, "warning", message, paragraph=first))


def _add_paragraph(result: WordText, p: Any, numbering: Numbering, document: Any, *, in_table: bool) -> None:
    """Append the paragraph (split at soft line breaks)."""
    text, bold = paragraph_text(p)
    style_element = _style_of(p, document)
    style = (style_element.name_val if style_element is not None else "") or _style_id(p)
    ppr = p.find(f"{W}pPr")
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    if num is None and style_element is not None:  # numbered by its style (List Number)
        style_ppr = style_element.find(f"{W}pPr")
        num = style_ppr.find(f"{W}numPr") if style_ppr is not None else None
    if num is not None:
        num_id = num.find(f"{W}numId")
        ilvl = num.find(f"{W}ilvl")
        label = numbering.label(
            num_id.get(f"{W}val", "") if num_id is not None else "",
            int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0,
        )
        if label and strip_ws(text):
            text = label + ("" if label[-1] in "、．.）)" or not label[-1].isascii() else " ") + text.lstrip()
    if Para(style, "").heading_level is not None:
        # A title broken over lines (Shift+Enter, or jianbao's balanced title lines) is still one title.
        text = text.replace("\n", "")
    for part in text.split("\n"):
        result.paragraphs.append(Para(style, part, bold, in_table))


def _style_id(p: Any) -> str:
    ppr = p.find(f"{W}pPr")
    style = ppr.find(f"{W}pStyle") if ppr is not None else None
    return style.get(f"{W}val", "") if style is not None else ""


def _style_of(p: Any, document: Any) -> Any | None:
    style_id = _style_id(p)
    if not style_id:
        return None
    try:
        return document.styles.element.get_by_id(style_id)
    except (KeyError, AttributeError):
        return None

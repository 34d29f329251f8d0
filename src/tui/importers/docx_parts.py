"""The text a .docx holds outside its body: headers and footers, footnotes and endnotes, comments.

An article of the bulletin has none of these, but submissions do: the
unit's name in a header, a source in a footnote, a reviewer's comment left
in.  None of it becomes part of the article (the article is the body), and
none of it may vanish without a word: each kind that holds text is a
finding that quotes that text in full.  Page numbers (“第 1 页”, “- 2 -”)
are a footer's furniture, not text, and are left out of the quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tui.importers.docx_text import W, paragraph_text
from tui.model.findings import Finding, Location, Severity
from tui.model.i18n import Text

_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_KINDS = {
    _WORD + "header+xml": "header-footer",
    _WORD + "footer+xml": "header-footer",
    _WORD + "footnotes+xml": "footnotes",
    _WORD + "endnotes+xml": "endnotes",
    _WORD + "comments+xml": "comments",
}
_NOTE_TYPES_SKIPPED = {"separator", "continuationSeparator", "continuationNotice"}  # Word's own lines
_PAGE_NUMBER = re.compile(r"[\s\d\-—–－‐·.．/／第页共]*")


def outside_the_body(document: Any) -> list[Finding]:
    """One finding per kind of text outside the body (headers and footers, footnotes, endnotes, comments)."""
    found: dict[str, list[str]] = {kind: [] for kind in _READERS}
    for part in document.part.package.iter_parts():
        kind = _KINDS.get(part.content_type)
        if kind is None:
            continue
        root = getattr(part, "element", None)
        if root is None:
            from docx.oxml import parse_xml

            root = parse_xml(part.blob)
        texts = _READERS[kind](root)
        found[kind] += [t for t in texts if t not in found[kind]]  # a header repeated by sections once
    return [_finding(kind, texts) for kind, texts in found.items() if texts]


def _lines(element: Any) -> list[str]:
    """The text of each paragraph under ``element`` that has any."""
    lines = (paragraph_text(p)[0].strip() for p in element.iter(f"{W}p"))
    return [line for line in lines if line]


def _text(element: Any) -> str:
    """The paragraphs under ``element``, their text joined by line breaks."""
    return "\n".join(_lines(element))


def _header_lines(root: Any) -> list[str]:
    """A header's or footer's lines, page numbers left out."""
    return [line for line in _lines(root) if not _PAGE_NUMBER.fullmatch(line)]


def _notes(root: Any) -> list[str]:
    """Each footnote's (or endnote's) text, Word's separator lines left out."""
    notes = (n for n in root if n.get(f"{W}type") not in _NOTE_TYPES_SKIPPED)
    return [text for text in map(_text, notes) if text]


def _comments(root: Any) -> list[str]:
    """Each comment's text with its author."""
    out = []
    for comment in root.iter(f"{W}comment"):
        text = _text(comment)
        author = comment.get(f"{W}author", "")
        if text:
            out.append(f"{text}（{author}）" if author else text)
    return out


def _finding(kind: str, texts: list[str]) -> Finding:
    quoted = "".join(f"「{t}」" for t in texts)
    listed = "; ".join(f"“{t}”" for t in texts)
    n = len(texts)
    message = {
        "header-footer": Text(
            f"页眉、页脚中的文字未导入：{quoted}", f"header and footer text, not imported: {listed}"
        ),
        "footnotes": Text(
            f"文档有 {n} 条脚注，未导入，请核对：{quoted}",
            f"{n} footnote(s), not imported: check them: {listed}",
        ),
        "endnotes": Text(
            f"文档有 {n} 条尾注，未导入，请核对：{quoted}",
            f"{n} endnote(s), not imported: check them: {listed}",
        ),
        "comments": Text(
            f"文档有 {n} 条批注，未导入，请核对：{quoted}",
            f"{n} comment(s), not imported: check them: {listed}",
        ),
    }[kind]
    severity = Severity.INFO if kind == "header-footer" else Severity.WARNING
    return Finding(f"import.{kind}", severity, Location(field="source"), message)


# How each kind of part is read into the texts its finding quotes.
_READERS: dict[str, Callable[[Any], list[str]]] = {
    "header-footer": _header_lines,
    "footnotes": _notes,
    "endnotes": _notes,
    "comments": _comments,
}

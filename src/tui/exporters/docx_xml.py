"""Small pieces of OOXML python-docx has no API for, written in the order Word's schema demands."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The order OOXML's schema gives the children of a paragraph's and a run's properties: Word
# refuses a file whose elements are out of it ("unreadable content").
ORDER = {
    "w:pPr": [
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ],
    "w:rPr": [
        "w:rStyle",
        "w:rFonts",
        "w:b",
        "w:bCs",
        "w:i",
        "w:iCs",
        "w:caps",
        "w:smallCaps",
        "w:strike",
        "w:dstrike",
        "w:outline",
        "w:shadow",
        "w:emboss",
        "w:imprint",
        "w:noProof",
        "w:snapToGrid",
        "w:vanish",
        "w:webHidden",
        "w:color",
        "w:spacing",
        "w:w",
        "w:kern",
        "w:position",
        "w:sz",
        "w:szCs",
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
        "w:em",
        "w:lang",
        "w:eastAsianLayout",
        "w:specVanish",
        "w:oMath",
    ],
}


def set_child(parent: Any, tag: str, **attrs: str) -> Any:
    """The child ``tag`` of ``parent`` (made if missing, in the schema's order) with these w: attributes."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        order = ORDER.get(parent.tag.replace(f"{{{_W}}}", "w:"), [])
        if tag in order:
            parent.insert_element_before(child, *order[order.index(tag) + 1 :])
        else:
            parent.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def rule(p: Paragraph, side: str, *, color: str = "000000", eighths: int = 8, space_pt: int = 1) -> None:
    """A line above or below a paragraph (w:pBdr); ``eighths`` of a point thick."""
    borders = set_child(p._p.get_or_add_pPr(), "w:pBdr")
    edge = OxmlElement(f"w:{side}")  # top, then bottom: the order rules are added in
    for key, value in (("val", "single"), ("sz", str(eighths)), ("space", str(space_pt)), ("color", color)):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)


def soft_break() -> Any:
    """A run holding a line break (w:br): a new line inside the paragraph."""
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run

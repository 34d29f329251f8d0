"""A Word paragraph's visible text: what Word shows of it, each character once.

Shared by the body's reader (importers/docx_reader.py) and the reader of the
other parts (importers/docx_parts.py).  Three kinds of element inside a
paragraph are not its own text:

- deleted and moved-away text (``w:del``, ``w:moveFrom``): the document is
  read as if every tracked change were accepted;
- the fallback copy of a shape (``mc:Fallback``): Word stores a text box
  twice, once for itself (``mc:Choice``) and once for older readers, and
  reading both doubled every text box's words;
- a text box's own paragraphs (``w:txbxContent``): they are paragraphs of
  their own, read after the one they are anchored in (:func:`text_boxes`);
- the reading set over characters by 拼音指南 (``w:rt`` of a ``w:ruby``): it
  would run into the text it annotates (重 read as chóng重); the reader
  counts it (:func:`is_ruby`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"  # an equation's text: m:t
REMOVED = frozenset({f"{W}del", f"{W}moveFrom"})  # text a tracked change took out
_NOT_OWN = REMOVED | {f"{MC}Fallback", f"{W}txbxContent", f"{W}rt"}
_BREAK_TYPES_KEPT = {None, "textWrapping"}


def own_elements(element: Any) -> Iterator[Any]:
    """The elements under ``element`` in document order that are its own text's (see the module docstring)."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_OWN:
            continue
        yield child
        yield from own_elements(child)


def text_boxes(element: Any) -> Iterator[Any]:
    """The text boxes (``w:txbxContent``) anchored under ``element``, as Word shows them, outermost only."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in REMOVED or tag == f"{MC}Fallback":
            continue
        if tag == f"{W}txbxContent":
            yield child
        else:
            yield from text_boxes(child)


def removed(element: Any) -> bool:
    """``element`` is inside text a tracked change took out, or inside a shape's fallback copy."""
    return any(a.tag in REMOVED or a.tag == f"{MC}Fallback" for a in element.iterancestors())


def paragraph_text(p: Any) -> tuple[str, bool]:
    """The paragraph's visible text with tracked changes accepted; and whether all its text is bold."""
    out: list[str] = []
    bold_runs = plain_runs = 0
    for element in own_elements(p):
        tag = element.tag
        if tag == f"{M}t":  # an equation (Insert → Equation): its characters, as typed
            out.append(element.text or "")
        elif tag == f"{W}t":
            out.append(element.text or "")
            run = element.getparent()
            rpr = run.find(f"{W}rPr") if run is not None else None
            b = rpr.find(f"{W}b") if rpr is not None else None
            if b is not None and b.get(f"{W}val", "true") not in ("0", "false"):
                bold_runs += 1
            elif (element.text or "").strip():
                plain_runs += 1
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if element.get(f"{W}type") in _BREAK_TYPES_KEPT:
                out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
    return "".join(out), bold_runs > 0 and plain_runs == 0


def is_ruby(element: Any) -> bool:
    """Characters with their reading set over them (拼音指南): the reading is not imported."""
    return bool(element.tag == f"{W}ruby")


def ruby_text(ruby: Any) -> tuple[str, str]:
    """A phonetic guide's characters and the reading set over them."""
    base = ruby.find(f"{W}rubyBase")
    over = ruby.find(f"{W}rt")
    return (
        "".join(t.text or "" for t in base.iter(f"{W}t")) if base is not None else "",
        "".join(t.text or "" for t in over.iter(f"{W}t")) if over is not None else "",
    )


def is_symbol(element: Any) -> bool:
    """A character from a symbol font (Insert → Symbol in Wingdings, Symbol…): no text to read."""
    return bool(element.tag == f"{W}sym")


def is_embedded(element: Any) -> bool:
    """Content another program made, kept as such: an embedded object (an Excel table) or an imported chunk."""
    return element.tag in (f"{W}object", f"{W}altChunk")


def is_image(element: Any) -> bool:
    """A drawing or picture that is not a text box (whose words are read as paragraphs)."""
    return element.tag in (f"{W}drawing", f"{W}pict") and element.find(f".//{W}txbxContent") is None

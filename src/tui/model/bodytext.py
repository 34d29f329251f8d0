"""The article body as one editable text: paragraphs separated by a blank line.

The editor shows the body in one text area; the model keeps a list of
paragraphs.  These functions go both ways and map a character of a stored
paragraph to its (row, column) in the text area, so a finding's span can be
selected where the user sees it.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_EDGE = " \t\u3000"


def body_text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _blocks(text: str) -> list[tuple[int, str]]:
    """(offset in text, raw block) for each block between blank lines."""
    blocks = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        blocks.append((pos, text[pos : m.start()]))
        pos = m.end()
    blocks.append((pos, text[pos:]))
    return blocks


def _kept(raw: str) -> list[int]:
    """Indexes into a raw block of the characters its stored paragraph keeps.

    Edge whitespace is dropped and a line break inside a paragraph joins the
    lines (as the importer does with wrapped lines).
    """
    lines = raw.split("\n")
    out: list[int] = []
    offset = 0
    for line in lines:
        left = len(line) - len(line.lstrip(_EDGE)) if out == [] else 0
        out += range(offset + left, offset + len(line))
        offset += len(line) + 1
    # strip trailing whitespace of the whole paragraph
    while out and raw[out[-1]] in _EDGE:
        out.pop()
    return out


def paragraphs_of(text: str) -> list[str]:
    """The stored paragraphs of an edited body; empty blocks vanish.

    Runs on every keystroke, so it sticks to string methods; it keeps the
    same characters as :func:`_kept` says (a test holds the two together).
    """
    blocks = (block.replace("\n", "").strip(_EDGE) for block in _BLANK_LINE.split(text))
    return [b for b in blocks if b]


def position_of(text: str, paragraph: int, char: int) -> tuple[int, int] | None:
    """(row, column) in ``text`` of character ``char`` of stored paragraph ``paragraph``.

    ``char`` may equal the paragraph's length (the position just after it).
    """
    k = -1
    for offset, raw in _blocks(text):
        kept = _kept(raw)
        if not kept:
            continue
        k += 1
        if k != paragraph:
            continue
        if char < len(kept):
            absolute = offset + kept[char]
        elif char == len(kept):
            absolute = offset + kept[-1] + 1
        else:
            return None
        row = text.count("\n", 0, absolute)
        column = absolute - (text.rfind("\n", 0, absolute) + 1)
        return row, column
    return None

"""Breaking Chinese text into lines the way typesetters do: 禁则 (line-start and line-end rules).

A terminal (and Rich) breaks a line after any character that fills it, so a
preview showed lines starting with ，or 。.  Chinese typesetting (GB/T 15834
and the 标点符号 layout of 《中文排版需求》 W3C CLReq) never starts a line
with a closing or pausing mark, and never ends one with an opening mark:
here such a mark takes the character before it along to the next line
(推出), which keeps every line within the width.
"""

from __future__ import annotations

import unicodedata

# Never at the start of a line: pausing and closing marks.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}")
# Never at the end of a line: opening marks.
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


def cell_width(ch: str) -> int:
    """Terminal cells of one character: 2 for East Asian wide and full-width forms, else 1."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


# Set in the Chinese font (w:hint eastAsia, Typst's latin-in-cjk): a full place each, though Unicode
# calls them ambiguous or narrow.
FULL_IN_CHINESE = frozenset("“”‘’—…·")


def print_places(text: str) -> float:
    """Character places on a printed Chinese line: a half-width character (digits, Latin) takes half."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in FULL_IN_CHINESE and ch != "\u3000" else 1 for ch in text)


def wrap(line: str, width: int) -> list[str]:
    """``line`` in lines of at most ``width`` cells, obeying 禁则 where the text allows it."""
    if width <= 2 or not line:
        return [line]
    out: list[str] = []
    current: list[str] = []
    used = 0
    for ch in line:
        w = cell_width(ch)
        if used + w > width and current:
            carry: list[str] = []
            # A mark that may not start a line takes characters with it (at most a few, and
            # never the whole line); an opening mark at the end goes down to the next line.
            if ch in NO_LINE_START:
                while len(current) > 1 and len(carry) < 3 and (not carry or carry[0] in NO_LINE_START):
                    carry.insert(0, current.pop())
            while len(current) > 1 and current[-1] in NO_LINE_END:
                carry.insert(0, current.pop())
            # The width comes first: what goes down must fit with ``ch`` (an opening mark
            # before a run of pausing marks cannot all go), so the rest stays up here.
            while carry and sum(cell_width(c) for c in carry) + w > width:
                current.append(carry.pop(0))
            out.append("".join(current))
            current, used = carry, sum(cell_width(c) for c in carry)
        current.append(ch)
        used += w
    out.append("".join(current))
    return out


def wrap_text(text: str, width: int) -> list[str]:
    """Every line of ``text`` wrapped (an empty line stays one empty line)."""
    lines: list[str] = []
    for line in text.split("\n"):
        lines += wrap(line, width)
    return lines

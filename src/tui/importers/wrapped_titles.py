"""Titles a printed page broke over two lines, joined again before the text import reads them.

A PDF (jianbao's own proofs included: they break long titles into balanced
lines) prints a title longer than the line on two; read line by line, the
second half became a title of its own and the first an article without a
body (303 articles of 300, with 233 contents findings, on a generated issue).
"""

from __future__ import annotations

import re

from tui.importers.contents import parse_contents_line
from tui.importers.frame import Line
from tui.model.bylines import looks_like_byline
from tui.model.house import House
from tui.model.textutil import could_be_title

TITLE_MAX = 60  # a line longer than this is body text, never a title
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十\d]+）|\d+[.、．])")
BODY_HEADING = re.compile(r"^【([^】]+)】$")
_MASTHEAD_WORDS = re.compile(r"第\s*\d+\s*期|目\s*录|编$|^送：|责任编辑|电话")


def _after_column(text: str) -> str:
    """A contents line without its column: 【助力攻坚】拱墅区：… → 拱墅区：…"""
    closing = text.find("】")
    return text[closing + 1 :].lstrip() if text.startswith("【") and closing > 0 else text


def _opens_district_title(text: str, house: House) -> bool:
    district = house.district_of(text)
    return district is not None and text[len(district) : len(district) + 1] in ("：", ":")


def join_wrapped_titles(lines: list[Line], house: House) -> tuple[list[Line], int]:
    """A district title the layout broke over two lines (区名：… / …) is one line again.

    A printed or PDF issue breaks a title longer than the line (jianbao's
    own proofs do, into balanced lines); read line by line, the second
    half became a title of its own and the first an article without a
    body.  The second line is joined when it cannot be anything else: it
    follows a line that opens a district title and has no end mark, it is
    short and title-like itself, opens no title of its own, is not a
    byline, a numbered heading or a column, and is not indented like body
    text.  Returns the lines and how many joins were made (the import notes them).
    """
    known = tuple(c.name for c in house.columns)
    out: list[Line] = []
    joined = 0
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and _opens_district_title(_after_column(previous.text), house)
            and len(previous.text) <= TITLE_MAX
            and previous.text[-1:] not in "。？！?!；;"  # a first half may end at ，、：
            and not previous.indented
            and not line.indented
            and could_be_title(line.text, TITLE_MAX)
            and line.text[-1:] not in "。"
            and len(previous.text) + len(line.text) <= TITLE_MAX
            and house.district_of(line.text) is None
            and not _NUMBERED.match(line.text)
            and not BODY_HEADING.match(line.text)
            and parse_contents_line(line.text, known) is None
            and not looks_like_byline(line.text, house)
            and not _MASTHEAD_WORDS.search(line.text)
        ):
            out[-1] = Line(previous.number, previous.text + line.text, previous.indented)
            joined += 1
            continue
        out.append(line)
    return out, joined

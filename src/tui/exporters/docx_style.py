"""Print conventions of GB/T 9704-2012 as the office follows them, in numbers.

A4, a text block of 156 × 225 mm (天头 37 mm, 订口 28 mm), body in 3号仿宋
(16 pt) in exactly 22 lines of 28 characters (a line grid, and the body
condensed a quarter point so 28 fit the 156 mm line), titles in
2号小标宋 (22 pt), the end block (版记) in 4号仿宋 (14 pt), page numbers in
4号宋体 as ``— 1 —`` 7 mm below the text block, the red rule 4 mm below the
masthead.  Word has no font fallback lists, so each role names the font
offices install (configurable in bulletin.toml ``[fonts]``), the East-Asian
slot (w:eastAsia) is always set, and the font table names the substitute
Word and WPS should take when the font is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.model.house import Fonts

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
TOP_MM = 37
LEFT_MM = 28
BLOCK_WIDTH_MM = 156
BLOCK_HEIGHT_MM = 225
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - BLOCK_WIDTH_MM  # 26
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - BLOCK_HEIGHT_MM  # 35

LINES = 22
CHARS = 28
PT_PER_MM = 72 / 25.4
# The grid: Word fits floor(block / pitch) lines and characters, so each pitch is rounded down.
LINE_PITCH_TWIPS = math.floor(BLOCK_HEIGHT_MM * PT_PER_MM / LINES * 20)  # 579 = 28.95 pt
LINE_PITCH_PT = LINE_PITCH_TWIPS / 20
CHAR_PITCH_PT = BLOCK_WIDTH_MM * PT_PER_MM / CHARS  # 15.79 pt: 28 full-width characters in 156 mm

PAGE_NUMBER_GAP_MM = 7  # from the text block's foot to the page number line (GB/T 9704 7.5)
RED_RULE_GAP_MM = 4  # from the masthead's last line to the red rule
RED = (0xE6, 0x00, 0x12)

# What Word and WPS should use when a house font is not installed (w:altName in the font table).
FALLBACKS = {
    "仿宋_GB2312": "仿宋",
    "方正小标宋简体": "华文中宋",
    "方正小标宋_GBK": "华文中宋",
    "楷体_GB2312": "楷体",
    "黑体": "SimHei",
    "宋体": "SimSun",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
}


def condense_twips(font_size_pt: float) -> int:
    """w:spacing (twentieths of a point) that narrows a character of this size to the grid's pitch; 0 if it fits."""
    return min(0, math.floor((CHAR_PITCH_PT - font_size_pt) * 20))


@dataclass(frozen=True)
class Font:
    east_asia: str
    latin: str
    size_pt: float
    bold: bool = False


@dataclass(frozen=True)
class Roles:
    """Each role's font: family (from the house), size, weight."""

    body: Font
    title: Font
    column_heading: Font
    masthead_name: Font
    masthead_line: Font
    contents_title: Font
    endblock: Font
    page_number: Font

    @property
    def families(self) -> list[str]:
        """Every family the document uses, East-Asian first, each once."""
        names: dict[str, None] = {}
        for font in (self.body, self.title, self.column_heading, self.masthead_name, self.page_number):
            names[font.east_asia] = None
        names[self.body.latin] = None
        return list(names)


def roles(fonts: Fonts) -> Roles:
    latin = fonts.latin
    return Roles(
        body=Font(fonts.body, latin, 16),
        title=Font(fonts.title, latin, 22),
        column_heading=Font(fonts.heading, latin, 16),
        masthead_name=Font(fonts.masthead, latin, 42),
        masthead_line=Font(fonts.body, latin, 16),
        contents_title=Font(fonts.heading, latin, 16),
        endblock=Font(fonts.body, latin, 14),
        page_number=Font(fonts.page_number, latin, 14),
    )


HOUSE = roles(Fonts())
BODY = HOUSE.body
TITLE = HOUSE.title
COLUMN_HEADING = HOUSE.column_heading

"""Print conventions of GB/T 9704-2012 as the office follows them, in numbers.

A4, a text block of 156 × 225 mm (天头 37 mm, 订口 28 mm), body in 3号仿宋
(16 pt) on a 28 pt grid (22 lines of 28 characters), titles in 2号小标宋
(22 pt), the end block in 4号仿宋 (14 pt), page numbers in 4号宋体 as
``— 1 —``.  Word has no font fallback lists, so each role names the font
offices install and the East-Asian slot (w:eastAsia) is always set.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
TOP_MM = 37
LEFT_MM = 28
BLOCK_WIDTH_MM = 156
BLOCK_HEIGHT_MM = 225
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - BLOCK_WIDTH_MM  # 26
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - BLOCK_HEIGHT_MM  # 35

LINE_PITCH_PT = 28  # 22 lines in 225 mm
RED = (0xE6, 0x00, 0x12)


@dataclass(frozen=True)
class Font:
    east_asia: str
    latin: str
    size_pt: float
    bold: bool = False


BODY = Font("仿宋_GB2312", "Times New Roman", 16)
TITLE = Font("方正小标宋简体", "Times New Roman", 22)
COLUMN_HEADING = Font("黑体", "Times New Roman", 16)
MASTHEAD_NAME = Font("方正小标宋简体", "Times New Roman", 42)
MASTHEAD_LINE = Font("仿宋_GB2312", "Times New Roman", 16)
CONTENTS_TITLE = Font("黑体", "Times New Roman", 16)
ENDBLOCK = Font("仿宋_GB2312", "Times New Roman", 14)
PAGE_NUMBER = Font("宋体", "Times New Roman", 14)

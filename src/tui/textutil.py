"""Character classes and small text helpers for Chinese official text."""

from __future__ import annotations

import re
import unicodedata

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WHITESPACE = " \t\u3000\u00a0"
TERMINAL = "。！？…"
CLOSERS = "”’」』）)》"

_CJK_LATIN_SPACE = re.compile(
    rf"(?<=[{HAN}])[ \t\u00a0]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \t\u00a0]+(?=[{HAN}])"
)
_WIDTH_FOLD = str.maketrans({":": "：", ",": "，", "(": "（", ")": "）", ";": "；", "?": "？", "!": "！"})


def is_han(ch: str) -> bool:
    return bool(re.match(rf"[{HAN}]", ch))


def drop_cjk_latin_spaces(text: str) -> tuple[str, int]:
    """Remove the spaces PDF extraction puts between Chinese and digits or Latin letters."""
    return _CJK_LATIN_SPACE.subn("", text)


def ends_sentence(text: str) -> bool:
    """True when a line ends a sentence: 。！？… possibly followed by closing quotes."""
    stripped = text.rstrip(WHITESPACE).rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL + ".!?"


def fold(text: str) -> str:
    """A comparison key: widths folded, whitespace removed, NFKC for digits and letters."""
    text = "".join(ch for ch in text if ch not in WHITESPACE)
    return text.translate(_WIDTH_FOLD)


def strip_ws(text: str) -> str:
    return text.strip(WHITESPACE + "\r\n")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

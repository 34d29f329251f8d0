"""Character classes and small text helpers for Chinese official text."""

from __future__ import annotations

import re
import unicodedata

WHITESPACE = " \t\u3000\u00a0"
TERMINAL = "。！？…"
CLOSERS = "”’」』）)》"
CJK_PUNCT = "“”‘’《》〈〉（）【】、。，；：？！…—·「」『』"

# Character tests are comparisons, not regex classes: a class spanning the
# CJK ranges costs ~1.5 ms to compile, paid by every short `jianbao check`.
_SPACE_RUN = re.compile(r"[ \t\u00a0]+")
_WIDTH_FOLD = str.maketrans({":": "：", ",": "，", "(": "（", ")": "）", ";": "；", "?": "？", "!": "！"})


def is_han(ch: str) -> bool:
    """A Chinese character (CJK Unified Ideographs, Extension A, Compatibility)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def is_cjk(ch: str) -> bool:
    """Chinese text around a mark: a Chinese character or full-width punctuation."""
    return is_han(ch) or (ch != "" and ch in CJK_PUNCT)


def is_latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (enough for enumerations and set expressions)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def inside_quote_or_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside “…” or 《…》 (more opened before it than closed)."""
    return text.count("“", 0, pos) > text.count("”", 0, pos) or text.count("《", 0, pos) > text.count(
        "》", 0, pos
    )


def around(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before ``start`` and at ``end`` ("" at the edges)."""
    return (text[start - 1] if start > 0 else "", text[end] if end < len(text) else "")


def cjk_latin_gaps(text: str, runs: re.Pattern[str] = _SPACE_RUN) -> list[tuple[int, int]]:
    """Spans of spaces between a Chinese character and a digit or Latin letter."""
    gaps = []
    for m in runs.finditer(text):
        a, b = around(text, m.start(), m.end())
        if (is_han(a) and is_latin_or_digit(b)) or ((is_latin_or_digit(a) or a == "%") and is_han(b)):
            gaps.append((m.start(), m.end()))
    return gaps


def drop_cjk_latin_spaces(text: str) -> tuple[str, int]:
    """Remove the spaces PDF extraction puts between Chinese and digits or Latin letters."""
    gaps = cjk_latin_gaps(text)
    if not gaps:
        return text, 0
    parts, pos = [], 0
    for start, end in gaps:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts), len(gaps)


def ends_sentence(text: str) -> bool:
    """True when a line ends a sentence: 。！？… possibly followed by closing quotes."""
    stripped = text.rstrip(WHITESPACE).rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL + ".!?"


_STATEMENT_ENDS = "。；，、：….;,:"


def could_be_title(text: str, max_length: int = 60) -> bool:
    """A line that may be a title: short, and not ending as a statement or clause does.

    A title may end with ？ or ！ (代表联络站如何“活”起来？), so those do
    not make a line body text; 。；，、： do.
    """
    stripped = text.rstrip(WHITESPACE).rstrip(CLOSERS)
    return bool(stripped) and len(text) <= max_length and stripped[-1] not in _STATEMENT_ENDS


def differences(old: str, new: str) -> tuple[str, str]:
    """The part of ``old`` that differs from ``new``, and what stands there instead: ("提升", "升级").

    Common beginnings and endings are left out, so a proofreader reads what
    changed, not two whole titles.  Either side may be empty (an insertion or
    a deletion).
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return old[start : len(old) - end], new[start : len(new) - end]


def fold(text: str) -> str:
    """A comparison key: widths folded, whitespace removed, NFKC for digits and letters."""
    text = "".join(ch for ch in text if ch not in WHITESPACE)
    return text.translate(_WIDTH_FOLD)


def strip_ws(text: str) -> str:
    return text.strip(WHITESPACE + "\r\n")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")  # never printable; Word's XML refuses them


def strip_control(text: str) -> str:
    """The text without control characters (U+0000–U+001F but tab and newline, U+007F, U+FFFE/F)."""
    return CONTROL.sub("", text)

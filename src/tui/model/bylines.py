"""Bylines (署名): parse what a district wrote, render it in house style.

A byline is stored structured (unit + names) because its printed form is a
house convention: full-width parentheses, U+3000 separators, two-character
names padded to the width of three (石　晗).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.model import Byline
from tui.model.house import House, Style
from tui.model.i18n import Text
from tui.model.textutil import WHITESPACE, strip_ws

OPEN = {"（": "full", "(": "half"}
CLOSE = {"）": "full", ")": "half"}


@dataclass
class Note:
    """Something the parser noticed about the source text of a byline."""

    rule: str
    severity: str
    message: Text


@dataclass
class ParsedByline:
    byline: Byline
    notes: list[Note] = field(default_factory=list)


def render_name(name: str, style: Style) -> str:
    if style.pad_two_char_names and len(name) == 2:
        return name[0] + style.name_padding + name[1]
    return name


def render_byline(byline: Byline, style: Style) -> str:
    """（拱墅区人大常委会办公室　宋玉凤）, （钱塘区人大常委会办公室　石　晗　刘　鹏）."""
    left, right = style.parentheses
    parts = ([byline.unit] if byline.unit else []) + [render_name(n, style) for n in byline.authors]
    return left + style.byline_separator.join(parts) + right


def parenthesis_kind(line: str) -> tuple[str, str]:
    """(kind, inner): kind is full, half, mixed, unclosed or missing."""
    line = strip_ws(line)
    opening = OPEN.get(line[:1])
    closing = CLOSE.get(line[-1:]) if len(line) > 1 else None
    inner = line[1 if opening else 0 : -1 if closing else None]
    if opening and closing:
        kind = opening if opening == closing else "mixed"
    elif opening or closing:
        kind = "unclosed"
    else:
        kind = "missing"
    return kind, strip_ws(inner)


def unit_length(inner: str, house: House) -> int:
    """Length of the longest prefix that is a known unit or ends in a unit suffix."""
    head = inner
    for i, ch in enumerate(inner):
        if ch in WHITESPACE:
            head = inner[:i]
            break
    best = 0
    for unit in house.known_units:
        if len(unit) > best and head.startswith(unit):
            best = len(unit)
    for suffix in house.unit_suffixes:
        pos = head.rfind(suffix)
        if pos >= 0:
            best = max(best, pos + len(suffix))
    return best


def split_names(rest: str) -> tuple[list[str], list[Note]]:
    """Names from the text after the unit; single characters pair up (石 晗 刘 鹏 → 石晗, 刘鹏)."""
    tokens = [t for t in "".join(" " if c in WHITESPACE else c for c in rest).split(" ") if t]
    names: list[str] = []
    notes: list[Note] = []
    pending = ""
    for token in tokens:
        if len(token) == 1:
            if pending:
                names.append(pending + token)
                pending = ""
            else:
                pending = token
            continue
        if pending:
            names.append(pending)
            notes.append(_odd_single(pending))
            pending = ""
        names.append(token)
    if pending:
        names.append(pending)
        notes.append(_odd_single(pending))
    return names, notes


def _odd_single(char: str) -> Note:
    return Note(
        "import.byline-guess",
        "warning",
        Text(
            f"署名中单独的“{char}”无法与相邻的字配成姓名，已按单字姓名处理",
            f"the lone character “{char}” in the byline could not be paired into a name; kept as a one-character name",
        ),
    )


def parse_byline(line: str, house: House) -> ParsedByline:
    """Parse a byline line as written in the source, noting what deviates from house style."""
    kind, inner = parenthesis_kind(line)
    notes: list[Note] = []
    if kind in ("mixed", "unclosed", "missing"):
        notes.append(
            Note(
                "byline.parenthesis",
                "warning",
                {
                    "mixed": Text(
                        "署名括号全角半角混用", "the byline mixes full-width and half-width parentheses"
                    ),
                    "unclosed": Text("署名括号不成对", "the byline's parentheses are not paired"),
                    "missing": Text("署名缺少括号", "the byline has no parentheses"),
                }[kind],
            )
        )
    elif kind == "half" and house.style.byline_parentheses == "full":
        notes.append(
            Note(
                "byline.parenthesis",
                "info",
                Text(
                    "署名使用半角括号，已按本刊格式改为全角",
                    "the byline uses half-width parentheses; rendered full-width in house style",
                ),
            )
        )
    n = unit_length(inner, house)
    if n == 0:
        head = inner.split()[0] if inner.split() else ""
        notes.append(
            Note(
                "import.byline-guess",
                "warning",
                Text(
                    f"未能识别署名单位，已把“{head}”当作单位",
                    f"could not recognise the byline's unit; took “{head}” as the unit",
                ),
            )
        )
        n = len(head)
    unit, rest = inner[:n], inner[n:]
    names, name_notes = split_names(rest)
    notes += name_notes
    if house.style.pad_two_char_names:
        tokens = rest.split()
        unpadded = [t for t in tokens if len(t) == 2 and t in names]
        if unpadded:
            listed = "、".join(unpadded)
            notes.append(
                Note(
                    "byline.name-padding",
                    "info",
                    Text(
                        f"两字姓名“{listed}”未加空格对齐",
                        f"two-character name(s) {', '.join(unpadded)} written without padding",
                    ),
                )
            )
    return ParsedByline(Byline(unit=unit, authors=names), notes)


def looks_like_byline(line: str, house: House) -> bool:
    """A line that closes an article: parenthesised, or starting with a known unit, and short."""
    kind, inner = parenthesis_kind(line)
    if not inner or len(inner) > 60 or any(p in inner for p in "。，；！？,;"):
        return False
    n = unit_length(inner, house)
    if n == 0:
        return False
    unit = inner[:n]
    if kind != "missing":
        return True
    return house.is_known_unit(unit)

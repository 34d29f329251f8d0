"""The frame around an imported bulletin's body: the masthead (报头) and the end block (报尾)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from tui.model import EndBlock, Issue, Masthead
from tui.model.house import House
from tui.model.i18n import Text

EDITION = re.compile(r"^[(（]\s*([普专增])\s*刊\s*[)）]$")
NUMBER = re.compile(r"第\s*(\d+)\s*期\s*[(（]\s*总\s*第\s*(\d+)\s*期\s*[)）]")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DISTRIBUTION = re.compile(r"^送\s*[：:]\s*(.*)$")
EDITOR = re.compile(r"本期责任编辑\s*[：:]\s*(\S*)")
PHONE = re.compile(r"电\s*话\s*[：:]\s*(\S*)")

Note = Callable[..., None]  # (rule, severity, message, **location)


@dataclass
class Line:
    number: int  # 1-based line in the source
    text: str  # stripped, spacing repaired
    indented: bool


def parse_masthead(lines: list[Line], house: House, note: Note) -> Masthead:
    """报头: name, edition, 第N期（总第M期）, unit (…编) and date, in any order."""
    name = edition = unit = None
    number = cumulative = None
    date = None
    for line in lines:
        t = line.text
        if m := EDITION.match(t):
            edition = m.group(1) + "刊"
        elif m := NUMBER.search(t):
            number, cumulative = int(m.group(1)), int(m.group(2))
        elif (m := DATE.search(t)) and date is None:
            try:
                date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                note(
                    "import.masthead",
                    "error",
                    Text(f"日期无效：{t}", f"invalid date: {t}"),
                    field="masthead.date",
                    line=line.number,
                )
        elif t.endswith("编") and unit is None:
            unit = t[:-1]
        elif name is None:
            name = t
        else:
            note(
                "import.unplaced",
                "warning",
                Text(f"报头中无法识别的行：{t}", f"unrecognised masthead line: {t}"),
                field="source",
                line=line.number,
            )
    first = lines[0].number if lines else 1
    missing = [
        (key, label)
        for key, value, label in (
            ("name", name, Text("刊名", "name")),
            ("edition", edition, Text("刊别", "edition")),
            ("number", number, Text("期号", "number")),
            ("date", date, Text("日期", "date")),
            ("unit", unit, Text("编印单位", "editing unit")),
        )
        if value is None
    ]
    for key, label in missing:
        note(
            "import.masthead",
            "error",
            Text("报头中找不到", "the masthead has no ")
            + label
            + Text("，已填入默认值", "; a default was filled in"),
            field=f"masthead.{key}",
            line=first,
        )
    return Masthead(
        name=name or house.name,
        edition=edition or "普刊",
        number=number or 1,
        cumulative=cumulative or 1,
        unit=unit or house.unit,
        date=date or dt.date(1970, 1, 1),
    )


def parse_endblock(lines: list[Line], issue: Issue, note: Note) -> EndBlock:
    """报尾: 送 and its continuation lines, 本期责任编辑, 电话; anything else is kept in the last article."""
    end = EndBlock()
    in_distribution = False
    for line in lines:
        t = line.text
        editor = EDITOR.search(t)
        phone = PHONE.search(t)
        if editor or phone:
            in_distribution = False
            if editor:
                end.editor = editor.group(1)
            if phone:
                end.phone = phone.group(1)
            continue
        if m := DISTRIBUTION.match(t):
            in_distribution = True
            if m.group(1):
                end.distribution.append(m.group(1))
        elif in_distribution:
            end.distribution.append(t)
        else:
            note(
                "import.unplaced",
                "warning",
                Text(f"报尾中无法识别的行：{t}", f"unrecognised end-block line: {t}"),
                field="source",
                line=line.number,
            )
            if issue.articles:
                issue.articles[-1].paragraphs.append(t)
    return end

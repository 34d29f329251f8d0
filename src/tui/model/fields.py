"""The fields a finding can point at: one registry for their names, order and editor widgets.

A finding's ``Location.field`` is one of these (a ``StrEnum``, so the
strings in issue files, waivers and JSON reports stay as they were).  The
registry says how a field is called in the UI, where it sorts inside an
article, how its items are counted (第2段, 第1位作者), which part of the
issue it belongs to (the outline node a finding shows under), and which
editor widget shows it (where a jump lands).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, NamedTuple

from tui.model.i18n import Text

Part = Literal["masthead", "article", "endblock", "source"]


class FieldId(StrEnum):
    COLUMN = "column"
    TITLE = "title"
    PARAGRAPH = "paragraph"
    BYLINE = "byline"
    BYLINE_UNIT = "byline.unit"
    BYLINE_AUTHOR = "byline.author"
    COMMENT = "comment"
    COLUMNS = "columns"
    MASTHEAD_NAME = "masthead.name"
    MASTHEAD_EDITION = "masthead.edition"
    MASTHEAD_NUMBER = "masthead.number"
    MASTHEAD_CUMULATIVE = "masthead.cumulative"
    MASTHEAD_UNIT = "masthead.unit"
    MASTHEAD_DATE = "masthead.date"
    ENDBLOCK_DISTRIBUTION = "endblock.distribution"
    ENDBLOCK_EDITOR = "endblock.editor"
    ENDBLOCK_PHONE = "endblock.phone"
    SIGNOFFS = "signoffs"
    SOURCE = "source"  # a line of an imported text


# A named tuple, not a frozen dataclass: defining the class costs a tenth as much at import
# (every `check` and every start of the editor), and its instances are never changed.
class FieldInfo(NamedTuple):
    """What a field of the issue is called, where it belongs and how it is shown (findings name fields by it)."""

    label: Text | None  # None: the location says enough (第2段 for a paragraph)
    part: Part
    order: int = 0  # reading order inside an article
    item: tuple[str, str] | None = None  # how its list items are counted: ("第{}段", "paragraph {}")
    widget: str | None = None  # the editor widget that shows it


FIELDS: dict[FieldId, FieldInfo] = {
    FieldId.COLUMN: FieldInfo(Text("栏目", "column"), "article", 0, widget="article-column"),
    FieldId.TITLE: FieldInfo(Text("标题", "title"), "article", 1, widget="article-title"),
    FieldId.PARAGRAPH: FieldInfo(None, "article", 2, ("第{}段", "paragraph {}"), "article-body"),
    FieldId.BYLINE: FieldInfo(Text("署名", "byline"), "article", 3, widget="article-unit"),
    FieldId.BYLINE_UNIT: FieldInfo(Text("署名单位", "byline unit"), "article", 3, widget="article-unit"),
    FieldId.BYLINE_AUTHOR: FieldInfo(
        Text("署名作者", "byline author"), "article", 4, ("第{}位作者", "author {}"), "article-authors"
    ),
    FieldId.COMMENT: FieldInfo(Text("批注", "comment"), "article", 5),
    FieldId.COLUMNS: FieldInfo(Text("栏目设置", "columns"), "masthead", item=("第{}个栏目", "column {}")),
    FieldId.MASTHEAD_NAME: FieldInfo(Text("报头·刊名", "masthead name"), "masthead", widget="masthead-name"),
    FieldId.MASTHEAD_EDITION: FieldInfo(
        Text("报头·刊别", "masthead edition"), "masthead", widget="masthead-edition"
    ),
    FieldId.MASTHEAD_NUMBER: FieldInfo(
        Text("报头·期号", "masthead number"), "masthead", widget="masthead-number"
    ),
    FieldId.MASTHEAD_CUMULATIVE: FieldInfo(
        Text("报头·总期号", "masthead cumulative number"), "masthead", widget="masthead-cumulative"
    ),
    FieldId.MASTHEAD_UNIT: FieldInfo(
        Text("报头·编印单位", "masthead unit"), "masthead", widget="masthead-unit"
    ),
    FieldId.MASTHEAD_DATE: FieldInfo(Text("报头·日期", "masthead date"), "masthead", widget="masthead-date"),
    FieldId.ENDBLOCK_DISTRIBUTION: FieldInfo(
        Text("报尾·送", "end block distribution"),
        "endblock",
        item=("第{}行", "line {}"),
        widget="endblock-distribution",
    ),
    FieldId.ENDBLOCK_EDITOR: FieldInfo(
        Text("报尾·责任编辑", "end block editor"), "endblock", widget="endblock-editor"
    ),
    FieldId.ENDBLOCK_PHONE: FieldInfo(
        Text("报尾·电话", "end block phone"), "endblock", widget="endblock-phone"
    ),
    FieldId.SIGNOFFS: FieldInfo(Text("签发", "sign-off"), "masthead"),
    FieldId.SOURCE: FieldInfo(None, "source"),
}


_BY_NAME: dict[str, FieldInfo] = {str(key.value): info for key, info in FIELDS.items()}


def field_info(field: str) -> FieldInfo | None:
    """The registry entry of a location's field (None for a field this version does not know).

    A plain dict lookup by the field's string: it runs for every finding at
    every sort, and building the enum member each time cost more than the sort.
    """
    return _BY_NAME.get(field)

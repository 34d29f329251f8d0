"""The house configuration: column catalogue, known units, house style.

Pure data plus the lookups the importer, the checks and the renderers share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from tui.model import ColumnKind
from tui.model.wordlist import LanguageSettings


class CatalogueColumn(NamedTuple):
    """A column the bulletin may run: its name, kind, whether new issues start with it, its template."""

    name: str
    kind: ColumnKind
    default: bool = False
    template: tuple[str, ...] = ()  # the paragraphs a new article of this column starts with


class ColumnRule(NamedTuple):
    """A Word submission whose title holds one of ``keywords`` goes to ``column``."""

    column: str
    keywords: tuple[str, ...]


class Fonts(NamedTuple):
    """The house fonts of the printed issue, by role (family names as Word and WPS know them)."""

    body: str = "仿宋_GB2312"  # 3号仿宋: body, masthead lines
    title: str = "方正小标宋简体"  # 2号小标宋: article titles
    heading: str = "黑体"  # column headings, the contents' title
    masthead: str = "方正小标宋简体"  # the bulletin's name
    page_number: str = "宋体"
    latin: str = "Times New Roman"  # digits and Latin letters in every role


FONT_ROLES: tuple[str, ...] = ("body", "title", "heading", "masthead", "page_number", "latin")


class Style(NamedTuple):
    """House style the checks and the print follow (bylines, spacing, title length…)."""

    byline_parentheses: str = "full"  # full | half
    byline_separator: str = "\u3000"
    pad_two_char_names: bool = True
    name_padding: str = "\u3000"
    space_between_cjk_and_latin: bool = False
    title_max_length: int = 40
    own_sequences: tuple[str, ...] = ("增刊", "专刊")
    check_column_order: bool = False  # the order of columns varies from issue to issue in most offices
    fonts: Fonts = Fonts()

    @property
    def parentheses(self) -> tuple[str, str]:
        return ("（", "）") if self.byline_parentheses == "full" else ("(", ")")


HOUSE_FILE = "bulletin.toml"  # the house configuration, beside the archive folder (files/config.py)


@dataclass(frozen=True)
class House:
    """The bulletin's house configuration: its name, unit, columns, districts and style."""

    name: str
    unit: str
    columns: tuple[CatalogueColumn, ...]
    districts: tuple[str, ...]
    district_offices: tuple[str, ...]
    other_units: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    style: Style = field(default_factory=Style)
    column_rules: tuple[ColumnRule, ...] = ()
    checks_off: tuple[str, ...] = ()  # rule IDs or whole families (``numbers``) the house switched off
    language: LanguageSettings = field(default_factory=LanguageSettings)

    def rule_is_on(self, rule_id: str) -> bool:
        return rule_id not in self.checks_off and rule_id.split(".", 1)[0] not in self.checks_off

    @cached_property
    def known_units(self) -> frozenset[str]:
        units = set(self.other_units)
        for d in self.districts:
            units.update(f"{d}人大常委会{office}" for office in self.district_offices)
        return frozenset(units)

    def is_known_unit(self, unit: str) -> bool:
        return unit in self.known_units

    def catalogue_column(self, name: str) -> CatalogueColumn | None:
        return next((c for c in self.columns if c.name == name), None)

    @cached_property
    def _district_starts(self) -> tuple[tuple[int, ...], dict[str, int]]:
        """The districts' lengths, and each district's place in the list (the first, if listed twice)."""
        places: dict[str, int] = {}
        for i, d in enumerate(self.districts):
            places.setdefault(d, i)
        return tuple(sorted({len(d) for d in self.districts})), places

    def district_of(self, text: str) -> str | None:
        """The county-level unit a unit name or title starts with, if any (the first listed, if several do).

        The text's start is looked up for each length of district name rather
        than compared with every district: coverage and ``stats`` ask this of
        every article, thousands of times a refresh in a large issue.
        """
        lengths, places = self._district_starts
        best: int | None = None
        for n in lengths:
            i = places.get(text[:n])
            if i is not None and (best is None or i < best):
                best = i
        return self.districts[best] if best is not None else None

"""Required fields: masthead and end block filled in, a body, a phone number that is one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.rules.base import Context, article_rule, at, issue_rule
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text

# (0571)85250657, （0571）85250657, 0571-85250657, 85250657, 13800000000
_PHONE = re.compile(r"^(?:[(（]0\d{2,3}[)）]|0\d{2,3}-)?\d{7,8}(?:-\d{1,5})?$|^1[3-9]\d{9}$")
_PHONE_SEPARATORS = re.compile(r"[、，,；;/ ]+")

_LABELS = {
    "masthead.name": Text("刊名", "bulletin name"),
    "masthead.unit": Text("编印单位", "editing unit"),
    "endblock.editor": Text("本期责任编辑", "responsible editor"),
    "endblock.phone": Text("电话", "phone"),
    "endblock.distribution": Text("送（分送范围）", "distribution (送)"),
}


def _empty(field: str) -> Finding:
    return at("required.empty", "error", _LABELS[field] + Text("未填写", " is empty"), field)


@issue_rule("required.empty", "required.phone")
def masthead_and_endblock(ctx: Context) -> Iterator[Finding]:
    m, e = ctx.issue.masthead, ctx.issue.endblock
    for field, value in (
        ("masthead.name", m.name),
        ("masthead.unit", m.unit),
        ("endblock.editor", e.editor),
        ("endblock.phone", e.phone),
    ):
        if not value.strip():
            yield _empty(field)
    if not any(line.strip() for line in e.distribution):
        yield _empty("endblock.distribution")
    if e.phone.strip():
        for number in _PHONE_SEPARATORS.split(e.phone.strip()):
            if number and not _PHONE.match(number):
                yield at(
                    "required.phone",
                    "error",
                    Text(f"“{number}”不是有效的电话号码", f"“{number}” is not a phone number"),
                    "endblock.phone",
                    start=e.phone.find(number),
                    end=e.phone.find(number) + len(number),
                    matched=number,
                )


@issue_rule("house.name", "house.unit")
def masthead_against_the_house(ctx: Context) -> Iterator[Finding]:
    """The bulletin's name and editing unit are the house's (bulletin.toml), letter for letter."""
    m, house = ctx.issue.masthead, ctx.house
    for rule, field, value, wanted, label in (
        ("house.name", "masthead.name", m.name, house.name, Text("刊名", "the bulletin name")),
        ("house.unit", "masthead.unit", m.unit, house.unit, Text("编印单位", "the editing unit")),
    ):
        if value.strip() and wanted and value != wanted:
            yield at(
                rule,
                "error",
                label
                + Text(
                    f"“{value}”与本刊配置不符，应为“{wanted}”",
                    f" “{value}” differs from the house's “{wanted}”",
                ),
                field,
                start=0,
                end=len(value),
                fix=wanted,
                matched=value,
            )


@article_rule("required.empty-body")
def body(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    if not any(p.strip() for p in article.paragraphs):
        yield at(
            "required.empty-body",
            "error",
            Text("正文为空", "the body is empty"),
            "paragraph",
            article=index,
            title=article.title,
        )

"""Bylines: present, a known unit of the title's district, names of 2–4 Chinese characters."""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.rules.base import Context, Spot, article_rule, at
from tui.checks.rules.title import title_district
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import is_han


def _is_name(name: str) -> bool:
    return 2 <= len(name) <= 4 and all(is_han(c) for c in name)


# Compound surnames keep a four-character name from looking like two names.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "长孙",
        "宇文",
        "夏侯",
        "轩辕",
        "端木",
        "独孤",
        "南宫",
        "司徒",
        "申屠",
        "太史",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "闻人",
        "赫连",
        "呼延",
        "钟离",
        "百里",
        "东郭",
        "西门",
        "第五",
    ]
)
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤应俞楼章鲍祝骆"
)
FIX_SIMILARITY = 0.9


@article_rule("byline.missing")
def missing(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    b = article.byline
    if b is None or (not b.unit and not b.authors):
        yield at(
            "byline.missing",
            "error",
            Text("缺少署名", "the byline is missing"),
            "byline",
            article=index,
            title=article.title,
        )


@article_rule("byline.unknown-unit")
def unknown_unit(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    b = article.byline
    if b is None or not b.unit or ctx.house.is_known_unit(b.unit):
        return
    from difflib import SequenceMatcher, get_close_matches  # only for a unit the house does not know

    near = get_close_matches(b.unit, sorted(ctx.house.known_units), n=1, cutoff=0.75)
    hint = Text(f"，是否应为“{near[0]}”", f"; did you mean “{near[0]}”") if near else Text("", "")
    safe = near and SequenceMatcher(None, b.unit, near[0]).ratio() >= FIX_SIMILARITY
    yield at(
        "byline.unknown-unit",
        "warning",
        Text(f"署名单位“{b.unit}”不是已知单位", f"the byline's unit “{b.unit}” is not a known unit") + hint,
        "byline.unit",
        article=index,
        title=article.title,
        start=0,
        end=len(b.unit),
        fix=near[0] if safe else None,
        matched=b.unit,
    )


@article_rule("byline.district-mismatch")
def district_mismatch(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    b = article.byline
    if b is None or not article.title:
        return
    in_title = title_district(article.title, ctx)
    in_unit = ctx.house.district_of(b.unit)
    if in_title and in_unit and in_title != in_unit:
        yield at(
            "byline.district-mismatch",
            "error",
            Text(
                f"标题写的是{in_title}，署名单位却是{in_unit}",
                f"the title names {in_title} but the byline's unit is in {in_unit}",
            ),
            "byline.unit",
            article=index,
            title=article.title,
            start=0,
            end=len(in_unit),
            matched=in_unit,
        )


def _looks_like_two_names(name: str) -> bool:
    return (
        len(name) == 4
        and name[:2] not in COMPOUND_SURNAMES
        and name[0] in COMMON_SURNAMES
        and name[2] in COMMON_SURNAMES
    )


@article_rule("byline.name-format", "byline.name-run", "byline.duplicate-name")
def names(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    b = article.byline
    if b is None:
        return
    seen: set[str] = set()
    for k, name in enumerate(b.authors):
        where: Spot = {
            "article": index,
            "title": article.title,
            "paragraph": k,
            "start": 0,
            "end": len(name),
            "matched": name,
        }
        if not _is_name(name) or "等" in name:
            reason = (
                Text("含“等”", "contains 等")
                if "等" in name
                else Text("含非汉字字符", "contains characters other than Chinese")
                if not all(is_han(c) for c in name)
                else Text(f"有{len(name)}个字", f"has {len(name)} characters")
            )
            yield at(
                "byline.name-format",
                "error",
                Text(
                    f"姓名“{name}”应为2至4个汉字（",
                    f"the name “{name}” should be 2 to 4 Chinese characters (",
                )
                + reason
                + Text("）", ")"),
                "byline.author",
                **where,
            )
        elif _looks_like_two_names(name):
            yield at(
                "byline.name-run",
                "warning",
                Text(
                    f"“{name}”像是两个姓名（{name[:2]}、{name[2:]}）连写，请分开",
                    f"“{name}” looks like two names ({name[:2]}, {name[2:]}) run together; separate them",
                ),
                "byline.author",
                **where,
            )
        if name in seen:
            yield at(
                "byline.duplicate-name",
                "error",
                Text(f"姓名“{name}”重复", f"the name “{name}” appears twice"),
                "byline.author",
                **where,
            )
        seen.add(name)

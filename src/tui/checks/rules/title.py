"""Titles: a district article opens with 区名：, the prefix is a known unit, no 。, not too long."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.rules.base import Context, InArticle, article_rule, at
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text

_PREFIX = re.compile(r"^([^：:“”《》，,]{2,8})([：:])")


def title_district(title: str, ctx: Context) -> str | None:
    """The county-level unit a title's prefix names, if it names one."""
    m = _PREFIX.match(title)
    return m.group(1) if m and m.group(1) in ctx.house.districts else None


def _prefix_names(ctx: Context) -> set[str]:
    """Short names that may open a title: districts and the city."""
    return set(ctx.house.districts) | {"杭州市", "市人大常委会", "省人大常委会"}


@article_rule(
    "title.halfwidth-colon",
    "title.unknown-prefix",
    "title.missing-prefix",
    "title.trailing-period",
    "title.too-long",
)
def title_rules(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    title = article.title
    if not title:
        return
    where: InArticle = {"article": index, "title": title}
    m = _PREFIX.match(title)
    if m:
        prefix, colon = m.group(1), m.group(2)
        if colon == ":":
            yield at(
                "title.halfwidth-colon",
                "error",
                Text("标题前缀后应使用全角冒号“：”", "the title's prefix takes a full-width colon “：”"),
                "title",
                start=m.start(2),
                end=m.end(2),
                fix="：",
                matched=":",
                **where,
            )
        if prefix not in _prefix_names(ctx) and re.search(r"[区县市]$", prefix):
            from difflib import get_close_matches  # only for a title's unknown district

            near = get_close_matches(prefix, ctx.house.districts, n=1, cutoff=0.6)
            hint = Text(f"，是否应为“{near[0]}”", f"; did you mean “{near[0]}”") if near else Text("", "")
            yield at(
                "title.unknown-prefix",
                "warning",
                Text(
                    f"标题前缀“{prefix}”不是已知的单位", f"the title's prefix “{prefix}” is not a known unit"
                )
                + hint,
                "title",
                start=0,
                end=len(prefix),
                matched=prefix,
                **where,
            )
    elif article.byline is not None:
        district = ctx.house.district_of(article.byline.unit)
        if district is not None:
            yield at(
                "title.missing-prefix",
                "warning",
                Text(
                    f"区县稿件的标题应以“{district}：”开头",
                    f"a district article's title should open with “{district}：”",
                ),
                "title",
                start=0,
                end=0,
                **where,
            )
    if title.endswith(("。", ".")):
        yield at(
            "title.trailing-period",
            "error",
            Text("标题末尾不用句号", "a title does not end with a full stop"),
            "title",
            start=len(title) - 1,
            end=len(title),
            fix="",
            matched=title[-1],
            **where,
        )
    limit = ctx.house.style.title_max_length
    if len(title) > limit:
        yield at(
            "title.too-long",
            "warning",
            Text(
                f"标题有{len(title)}字，超过{limit}字",
                f"the title has {len(title)} characters, more than {limit}",
            ),
            "title",
            start=limit,
            end=len(title),
            matched=title[limit:],
            **where,
        )

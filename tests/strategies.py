"""Hypothesis strategies for issues: arbitrary Unicode, and house-style text."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from tui.files.config import default_house
from tui.model import (
    COLUMN_KINDS,
    EDITIONS,
    NOTE_SEVERITIES,
    ROLES,
    Article,
    Byline,
    Column,
    Comment,
    EndBlock,
    Issue,
    Masthead,
    Note,
    Signoff,
    Waiver,
)

texts = st.text(max_size=40)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)
datetimes = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=offsets
)
counts = st.integers(min_value=1, max_value=10**9)
indexes = st.none() | st.integers(min_value=0, max_value=10**6)


def _with_breaks(article: Article, cuts: list[int]) -> Article:
    """The editor's own title breaks, where the title is long enough for them."""
    article.title_breaks = tuple(sorted({c for c in cuts if 0 < c < len(article.title)}))
    return article


def issues(text: st.SearchStrategy[str] = texts) -> st.SearchStrategy[Issue]:
    """Any issue the format can hold, with arbitrary Unicode in every string."""
    bylines = st.none() | st.builds(Byline, unit=text, authors=st.lists(text, max_size=4))
    comments = st.builds(Comment, author=text, text=text, at=datetimes)
    articles = st.builds(
        _with_breaks,
        st.builds(
            Article,
            column=text,
            title=text,
            paragraphs=st.lists(text, max_size=5),
            byline=bylines,
            comments=st.lists(comments, max_size=2),
        ),
        st.lists(st.integers(min_value=1, max_value=30), max_size=2),
    )
    waivers = st.builds(
        Waiver,
        rule=text,
        field=text,
        text=text,
        reason=text,
        by=text,
        at=datetimes,
        article=indexes,
        paragraph=indexes,
        start=indexes,
        end=indexes,
    )
    return st.builds(
        Issue,
        masthead=st.builds(
            Masthead,
            name=text,
            edition=st.sampled_from(EDITIONS),
            number=counts,
            cumulative=counts,
            unit=text,
            date=st.dates(),
        ),
        columns=st.lists(st.builds(Column, name=text, kind=st.sampled_from(COLUMN_KINDS)), max_size=5),
        articles=st.lists(articles, max_size=6),
        endblock=st.builds(EndBlock, distribution=st.lists(text, max_size=3), editor=text, phone=text),
        waivers=st.lists(waivers, max_size=3),
        signoffs=st.lists(
            st.builds(
                Signoff,
                role=st.sampled_from(ROLES),
                name=text,
                at=datetimes,
                digest=st.sampled_from(["", "0123456789abcdef"]),
            ),
            max_size=3,
        ),
        notes=st.lists(
            st.builds(
                Note,
                rule=text,
                severity=st.sampled_from(NOTE_SEVERITIES),
                message=text,
                message_en=text,
                line=st.none() | st.integers(min_value=1, max_value=10_000),
                source=text,
                field=st.sampled_from(["source", "title", "byline"]),
                title=text,
                done=st.booleans(),
            ),
            max_size=3,
        ),
    )


# House-style text: Chinese words, full-width punctuation, digits; no spaces,
# nothing that could read as a byline, a heading or an end-block line.
_HAN = "关于充分发挥职能作用助力加快建设创新因地制宜发展新质生产力的工作举措通过精准建言献策监督方式汇聚代表力量为好智囊团做油站护航加速跑一二三是"
_words = st.text(alphabet=_HAN, min_size=2, max_size=12)
_digits = st.integers(min_value=1, max_value=2025).map(str)
_clause = st.builds(
    lambda first, rest: first + "".join(rest), _words, st.lists(st.one_of(_words, _digits), max_size=3)
)


@st.composite
def _paragraph(draw) -> str:  # type: ignore[no-untyped-def]
    clauses = draw(st.lists(_clause, min_size=1, max_size=4))
    return "，".join(clauses) + draw(st.sampled_from(["。", "！", "？", "……"]))


_names = st.text(
    alphabet="王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈",
    min_size=2,
    max_size=4,
)
_districts = st.sampled_from(default_house().districts)
_units = st.builds(
    lambda d, o: f"{d}人大常委会{o}", _districts, st.sampled_from(["办公室", "研究室", "法工委"])
)
_house_bylines = st.builds(Byline, unit=_units, authors=st.lists(_names, max_size=3))


@st.composite
def house_style_issues(draw) -> Issue:  # type: ignore[no-untyped-def]
    """Issues written in house style, which the printed text layout can carry both ways."""
    n_columns = draw(st.integers(min_value=1, max_value=4))
    names = draw(
        st.lists(
            st.text(alphabet="动态纵横交流攻坚摘要专题调研风采", min_size=2, max_size=4),
            min_size=n_columns,
            max_size=n_columns,
            unique=True,
        )
    )
    kinds = draw(st.lists(st.sampled_from(COLUMN_KINDS), min_size=n_columns, max_size=n_columns))
    columns = [Column(n, k) for n, k in zip(names, kinds, strict=True)]
    _titles = st.builds(lambda d, c: f"{d}：{c}", _districts, _clause)
    titles = iter(draw(st.lists(_titles, min_size=12, max_size=12, unique=True)))
    articles = []
    for column in columns:
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            brief = column.kind == "briefs"
            articles.append(
                Article(
                    column=column.name,
                    title="" if brief else next(titles),
                    paragraphs=draw(st.lists(_paragraph(), min_size=1, max_size=3)),
                    byline=draw(_house_bylines) if brief else draw(st.none() | _house_bylines),
                )
            )
    return Issue(
        masthead=Masthead(
            name=draw(_words),
            edition=draw(st.sampled_from(EDITIONS)),
            number=draw(st.integers(min_value=1, max_value=60)),
            cumulative=draw(st.integers(min_value=1, max_value=5000)),
            unit=draw(_units),
            date=draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))),
        ),
        columns=columns,
        articles=articles,
        endblock=EndBlock(
            distribution=draw(st.lists(_clause, min_size=1, max_size=3)),
            editor=draw(_names),
            phone=draw(st.from_regex(r"\(0571\)8[0-9]{7}", fullmatch=True)),
        ),
    )

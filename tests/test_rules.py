"""Each rule: silent on clean text, and firing on a crafted failure with the right span and fix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from language_cases import LANGUAGE_CASES
from rulekit import ARCHIVE, HOUSE, Case, clean_issue, findings, para, rules
from tui.checks.rules import all_rule_ids, check_article, check_cross
from tui.model import Byline, Column, Issue, Masthead


def test_clean_issue_has_no_findings() -> None:
    assert findings(clean_issue()) == []


@pytest.mark.parametrize(
    "family", ["section", "title", "byline", "numbering", "required", "house", "typography", "text"]
)
def test_clean_text_is_silent_per_family(family: str) -> None:
    assert [r for r in rules(clean_issue()) if r.startswith(family + ".")] == []


ORDERED = replace(HOUSE, style=HOUSE.style._replace(check_column_order=True))


def _split_paragraph(issue: Issue) -> None:
    paragraphs = issue.articles[0].paragraphs
    paragraphs[1:2] = ["一是“智囊团”献策，精准定方向。调研人工智能产业48家，", "组织代表走访deepseek等公司。"]


def _signed_then_edited(issue: Issue) -> None:
    from tui.files.codec import content_digest
    from tui.model import Signoff

    issue.signoffs.append(Signoff("editor", "杨青青", dt.datetime(2025, 11, 27, 9, 0), content_digest(issue)))
    issue.articles[0].paragraphs.append("签发之后又加了一段。")


def set_title(i: int, text: str) -> Callable[[Issue], object]:
    return lambda issue: setattr(issue.articles[i], "title", text)


def set_byline(i: int, byline: Byline | None) -> Callable[[Issue], object]:
    return lambda issue: setattr(issue.articles[i], "byline", byline)


def set_masthead(**changes: object) -> Callable[[Issue], object]:
    return lambda issue: [setattr(issue.masthead, k, v) for k, v in changes.items()]


CASES = [
    # section
    Case("section.no-column", "error", lambda i: setattr(i.articles[0], "column", "")),
    Case(
        "section.undeclared-column",
        "error",
        lambda i: setattr(i.articles[0], "column", "情况交流"),
        "情况交流",
    ),
    Case(
        "section.unknown-column",
        "error",
        lambda i: i.columns.append(Column("八卦新闻", "articles")),
        "八卦新闻",
    ),
    Case(
        "section.empty-column",
        "warning",
        lambda i: i.columns.insert(2, Column("情况交流", "articles")),
        "情况交流",
    ),
    Case("section.column-order", "warning", lambda i: i.columns.reverse(), house=ORDERED),
    Case(
        "section.duplicate-column",
        "error",
        lambda i: i.columns.append(Column("助力攻坚", "articles")),
        "助力攻坚",
    ),
    Case("section.titled-brief", "error", set_title(2, "余杭区：民族宗教"), "余杭区：民族宗教"),
    Case("section.untitled-article", "error", set_title(1, "")),
    Case(
        "section.duplicate-title",
        "error",
        set_title(1, "拱墅区：多措并举护航新质生产力“加速跑”"),
        "拱墅区：多措并举护航新质生产力“加速跑”",
    ),
    # title
    Case("title.halfwidth-colon", "error", set_title(0, "拱墅区:多措并举"), ":", "："),
    Case("title.unknown-prefix", "warning", set_title(0, "拱野区：多措并举"), "拱野区"),
    Case("title.missing-prefix", "warning", set_title(0, "多措并举护航新质生产力")),
    Case("title.trailing-period", "error", set_title(0, "拱墅区：多措并举护航新质生产力。"), "。", ""),
    Case("title.too-long", "warning", set_title(0, "拱墅区：" + "多措并举护航新质生产力" * 4)),
    # byline
    Case("byline.missing", "error", set_byline(0, None)),
    Case(
        "byline.unknown-unit",
        "warning",
        set_byline(0, Byline("拱墅区人大常委办公室", ["宋玉凤"])),
        "拱墅区人大常委办公室",
        "拱墅区人大常委会办公室",
    ),
    Case(
        "byline.district-mismatch",
        "error",
        set_byline(0, Byline("西湖区人大常委会办公室", ["宋玉凤"])),
        "西湖区",
    ),
    Case(
        "byline.name-format",
        "error",
        set_byline(0, Byline("拱墅区人大常委会办公室", ["宋玉凤等"])),
        "宋玉凤等",
    ),
    Case(
        "byline.name-run",
        "warning",
        set_byline(1, Byline("萧山区人大常委会办公室", ["石晗刘鹏"])),
        "石晗刘鹏",
    ),
    Case(
        "byline.duplicate-name",
        "error",
        set_byline(0, Byline("拱墅区人大常委会办公室", ["宋玉凤", "宋玉凤"])),
        "宋玉凤",
    ),
    # numbering
    Case("numbering.number", "error", set_masthead(number=14)),
    Case("numbering.cumulative", "error", set_masthead(cumulative=721)),
    Case("numbering.date-order", "error", set_masthead(date=dt.date(2025, 11, 1))),
    Case("numbering.date-year", "error", set_masthead(date=dt.date(2026, 1, 9))),
    Case("numbering.duplicate", "error", set_masthead(number=12, cumulative=718, date=dt.date(2025, 11, 28))),
    Case("numbering.enumeration", "error", para(0, 3, "四是“加油站”赋能，精准激活力。"), "四是"),
    # required
    Case("required.empty", "error", lambda i: setattr(i.endblock, "editor", "")),
    Case("required.phone", "error", lambda i: setattr(i.endblock, "phone", "0571-852"), "0571-852"),
    Case("required.empty-body", "error", lambda i: setattr(i.articles[0], "paragraphs", [])),
    # paragraph
    Case("paragraph.split", "warning", lambda i: _split_paragraph(i)),
    Case(
        "paragraph.template-left",
        "error",
        lambda i: i.articles[0].paragraphs.append("三是（第三项做法，写法同上。）"),  # 助力攻坚's template
        "三是（第三项做法，写法同上。）",
    ),
    # signoff
    Case("signoff.changed", "warning", lambda i: _signed_then_edited(i)),
    # house
    Case("house.name", "error", set_masthead(name="杭州人大信息QQ"), "杭州人大信息QQ", "杭州人大信息"),
    Case(
        "house.unit",
        "error",
        set_masthead(unit="杭州市人大研究室"),
        "杭州市人大研究室",
        "杭州市人大常委会研究室",
    ),
    # text
    Case("text.control-character", "error", para(0, 3, "三是“加油站”赋能\x07，精准激活力。"), "\x07", ""),
    # typography
    Case("typography.halfwidth-comma", "error", para(0, 3, "三是“加油站”赋能,精准激活力。"), ",", "，"),
    Case("typography.halfwidth-colon", "error", para(0, 3, "三是“加油站”赋能:精准激活力。"), ":", "："),
    Case("typography.halfwidth-semicolon", "error", para(0, 3, "三是“加油站”赋能;精准激活力。"), ";", "；"),
    Case("typography.halfwidth-question", "error", para(0, 3, "三是“加油站”赋能?精准激活力。"), "?", "？"),
    Case("typography.halfwidth-exclamation", "error", para(0, 3, "三是“加油站”赋能!精准激活力。"), "!", "！"),
    Case("typography.halfwidth-period", "error", para(0, 3, "三是“加油站”赋能.精准激活力。"), ".", "。"),
    Case(
        "typography.halfwidth-parenthesis",
        "error",
        para(0, 3, "三是“加油站”(区级)赋能，精准激活力。"),
        "(区级)",
        "（区级）",
    ),
    Case("typography.space-fullwidth", "warning", para(0, 3, "三是“加油站”赋能， 精准激活力。"), " ", ""),
    Case("typography.unbalanced-pair", "error", para(0, 3, "三是“加油站赋能，精准激活力。"), "“"),
    Case(
        "typography.reversed-pair",
        "error",
        para(0, 3, "三是”加油站“赋能，精准激活力。"),
        "”加油站“",
        "“加油站”",
    ),
    Case("typography.ellipsis", "error", para(0, 3, "三是“加油站”赋能，精准激活力..."), "...", "……"),
    Case("typography.dash", "error", para(0, 3, "三是“加油站”赋能--精准激活力。"), "--", "——"),
    Case("typography.single-dash", "warning", para(0, 3, "三是坚持一个原则—，精准激活力。"), "—", None),
    Case(
        "typography.enumeration-comma",
        "warning",
        para(0, 3, "三是落实《条例》、《办法》，精准激活力。"),
        "、",
        "",
    ),
    Case(
        "typography.fullwidth-alnum",
        "warning",
        para(0, 3, "三是“加油站”赋能，激活力１２３家。"),
        "１２３",
        "123",
    ),
    Case(
        "typography.leading-space",
        "warning",
        para(0, 3, "\u3000\u3000三是“加油站”赋能，精准激活力。"),
        "\u3000\u3000",
        "",
    ),
    Case("typography.cjk-latin-space", "warning", para(0, 3, "三是“加油站”赋能，激活 48 家。"), " ", ""),
    *LANGUAGE_CASES,
]


def test_every_rule_has_a_failing_case() -> None:
    covered = {c.rule for c in CASES} | {"typography.autocorrect"}  # tested below with a stand-in engine
    assert covered == set(all_rule_ids())


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rule_fires(case: Case) -> None:
    issue = clean_issue()
    case.break_it(issue)
    found = [f for f in findings(issue, case.archive, case.house, case.past) if f.rule == case.rule]
    assert found, rules(issue, case.archive, case.house, case.past)
    f = found[0]
    assert f.severity.value == case.severity
    if case.matched is not None:
        assert f.matched == case.matched
    if case.fix is not None:
        assert f.fix == case.fix
    assert f.message.zh and f.message.en and f.message.zh != f.message.en


def test_autocorrect_lints_each_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.checks.rules import autocorrect

    calls: list[str] = []
    lint = autocorrect._changes
    monkeypatch.setattr(autocorrect, "LINT_CACHE", autocorrect.LintCache(max_chars=1000))  # a fresh one
    monkeypatch.setattr(autocorrect, "_changes", lambda text: calls.append(text) or lint(text))
    text = "共收集意见建议120,已全部转交办理。"  # a comma after a digit: autocorrect's to judge
    assert autocorrect.changes(text) == autocorrect.changes(text) == ((10, 11, "，"),)
    assert calls == [text]


def test_lint_cache_is_bounded_by_characters() -> None:
    from tui.checks.rules.autocorrect import LintCache

    cache = LintCache(max_chars=10)
    cache.put("一二三四", ())
    cache.put("五六七八", ((0, 1, "，"),))
    assert cache.get("一二三四") == ()  # now the most recently used
    cache.put("九十甲乙", ())  # 12 characters: the least recently used goes
    assert cache.get("五六七八") is None and cache.get("一二三四") == () and cache.chars == 8
    cache.put("一段超过上限的很长很长的文字", ())  # longer than the whole budget: never kept
    assert len(cache) == 2


def test_unclassified_autocorrect_change_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.checks.rules import autocorrect

    monkeypatch.setattr(
        autocorrect, "changes", lambda text: [(0, 2, "那是")] if text.startswith("三是") else []
    )
    issue = clean_issue()
    (f,) = [f for f in findings(issue) if f.rule == "typography.autocorrect"]
    assert (f.matched, f.fix, f.severity.value) == ("三是", "那是", "warning")


# ------------------------------------------------------------ specific behaviours


def test_findings_are_in_reading_order() -> None:
    issue = clean_issue()
    issue.endblock.phone = "x"
    issue.articles[1].paragraphs[0] = "萧山区,好。"
    issue.articles[0].paragraphs[3] = "三是,好,好。"
    issue.masthead.number = 20
    found = findings(issue)
    order = [(f.location.field.split(".")[0], f.location.article, f.location.start) for f in found]
    assert order == [
        ("masthead", None, None),
        (*("paragraph", 0, 2),),
        ("paragraph", 0, 4),
        ("paragraph", 1, 3),
        ("endblock", None, 0),
    ]


def test_typography_never_touches_bylines() -> None:
    issue = clean_issue()
    issue.articles[0].byline = Byline("拱墅区人大常委会办公室", ["宋 玉凤"])
    assert not [r for r in rules(issue) if r.startswith("typography.")]


def test_title_colon_reported_once() -> None:
    issue = clean_issue()
    issue.articles[0].title = "拱墅区:多措并举"
    assert [r for r in rules(issue) if r.endswith("colon")] == ["title.halfwidth-colon"]


def test_house_style_with_spaces_asks_for_them() -> None:
    from dataclasses import replace

    from tui.checks.rules import check_issue

    house = replace(HOUSE, style=HOUSE.style._replace(space_between_cjk_and_latin=True))
    found = [f for f in check_issue(clean_issue(), house, ARCHIVE) if f.rule == "typography.cjk-latin-space"]
    assert found and all(f.fix == " " for f in found)


@pytest.mark.parametrize(
    ("paragraphs", "problem"),
    [
        (["一是甲。二是乙。三是丙。"], None),
        (["一是甲。", "二是乙。", "三是丙。"], None),
        (["一是甲。三是丙。"], "跳过了“二是”"),
        (["一是甲。二是乙。二是丙。"], "重复"),
        (["二是乙。"], "从一开始"),
        (["一是甲。二是乙。", "一是丙。二是丁。"], None),  # a second series
        (["（一）甲。1.子。2.子。", "（二）乙。1.子。2.子。"], None),  # 1. restarts under each （二）
        (["（一）甲。", "（三）乙。"], "跳过了“（二）”"),
        (["第一，甲。第二，乙。第三，丙。"], None),
        (["全面落实“第一议题”制度。"], None),  # not an enumeration
        (["第一，甲。第三，乙。"], "跳过了“第二，”"),
        (["1.甲。2.乙。4.丙。"], "跳过了“3.”"),
        (["投资3.5亿元。"], None),
        (["一、总体情况", "二、主要做法", "四、下步打算"], "跳过了“三、”"),
        (["十是甲。"], "从一开始"),
    ],
)
def test_enumerations(paragraphs: list[str], problem: str | None) -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs = paragraphs
    found = [f for f in findings(issue) if f.rule == "numbering.enumeration"]
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0].message.zh


def test_supplement_numbering_is_its_own_sequence() -> None:
    archive = (*ARCHIVE, Masthead("杭州人大信息", "增刊", 2, 6, "研究室", dt.date(2025, 10, 1)))
    issue = clean_issue()
    issue.masthead.edition = "增刊"
    issue.masthead.number, issue.masthead.cumulative = 3, 7
    assert not [r for r in rules(issue, archive) if r.startswith("numbering.")]
    issue.masthead.number, issue.masthead.cumulative = 13, 719  # regular numbers on a supplement
    assert "numbering.cumulative" in rules(issue, archive)


def test_year_end_numbering() -> None:
    issue = clean_issue()
    issue.masthead.number, issue.masthead.cumulative, issue.masthead.date = 1, 719, dt.date(2026, 1, 9)
    assert not [r for r in rules(issue) if r.startswith("numbering.")]
    issue.masthead.number = 2
    assert "numbering.number" in rules(issue)


def test_first_issue_without_archive_is_not_judged() -> None:
    assert not [r for r in rules(clean_issue(), ()) if r.startswith("numbering.")]


def test_incremental_check_equals_full_check() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "三是,好。"
    issue.articles[1].title = "拱墅区：多措并举护航新质生产力“加速跑”"
    full = sorted(findings(issue), key=lambda f: f.sort_key())
    parts = check_cross(issue, HOUSE, ARCHIVE)
    for i in range(len(issue.articles)):
        parts += check_article(issue, i, HOUSE, ARCHIVE)
    assert sorted(parts, key=lambda f: f.sort_key()) == full


def test_sample_findings(sample_toml) -> None:  # type: ignore[no-untyped-def]
    """What docs/checks.md promises for the shipped sample."""
    from collections import Counter

    from tui.files.storage import load_issue

    found = findings(load_issue(sample_toml), ())
    assert Counter(f.rule for f in found) == {
        "typography.halfwidth-comma": 162,
        "typography.halfwidth-semicolon": 3,
        "title.halfwidth-colon": 2,
        "typography.halfwidth-parenthesis": 1,
    }
    # 拱墅区's paragraphs after the page break use half-width commas
    gongshu = [f for f in found if f.location.article == 0 and f.rule == "typography.halfwidth-comma"]
    assert {f.location.paragraph for f in gongshu} == {2, 3}
    first = gongshu[0]
    text = load_issue(sample_toml).articles[0].paragraphs[first.location.paragraph]  # type: ignore[index]
    assert text[first.location.start : first.location.end] == ","  # type: ignore[misc]
    titles = [f.location.title for f in found if f.rule == "title.halfwidth-colon"]
    assert titles == [
        "西湖区:高效履职助力推动企业场景服务迭代升级",
        "萧山区:紧扣“三大关键”强化监督助力共同富裕",
    ]
    assert all(f.severity.value == "error" for f in found)


def test_a_split_paragraph_is_joined_by_its_fix_and_headings_are_left_alone() -> None:
    from tui.checks.fixes import apply_fixes

    issue = clean_issue()
    _split_paragraph(issue)
    before = len(issue.articles[0].paragraphs)
    found = [f for f in findings(issue) if f.rule == "paragraph.split"]
    (change,) = apply_fixes(issue, found)
    assert len(issue.articles[0].paragraphs) == before - 1
    assert "调研人工智能产业48家，组织代表走访deepseek等公司。" in issue.articles[0].paragraphs[1]
    assert change.new == "人工智能产业48家，" and not [
        f for f in findings(issue) if f.rule == "paragraph.split"
    ]

    issue = clean_issue()
    issue.articles[0].paragraphs[1:1] = [
        "一、坚持问题导向",
        "（二）聚焦重点领域开展专项监督和跟踪问效",
        "二是持续跟踪。",
    ]
    assert not [f for f in findings(issue) if f.rule == "paragraph.split"]


def test_autocorrect_is_not_asked_about_text_it_cannot_change() -> None:
    """Text without ASCII punctuation or whitespace: autocorrect itself finds nothing in it either."""
    import random

    from tui.checks.rules import autocorrect

    alphabet = (
        "人大代表会议工作推进落实的了是一二三〇，。、；：？！“”‘’（）《》【】……——·～－0123456789abXYＡ１％＆"
    )
    rng = random.Random(7)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    assert all(autocorrect._MAY_CHANGE.search(t) is None for t in texts)
    assert [t for t in texts if autocorrect._changes(t)] == []
    assert autocorrect.changes("代表们说,好。") == ((4, 5, "，"),)  # a comma: asked, and found


def test_what_autocorrect_would_change_is_answered_here_exactly_where_known() -> None:
    """``answered_here`` agrees with autocorrect itself on every random text it answers, and answers most prose."""
    import random

    from tui.checks.rules import autocorrect

    han = "人大代表会议工作推进落实的是区"
    alphabet = (
        han * 6 + "0123456789aZ“”‘’《》（）【】〈〉，。、；：？！·…—" + ",,,?\"%&'()+-;/!.:#`$<>* \u3000\n"
    )
    rng = random.Random(11)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(10000)]
    for k in range(0, len(texts), 2):  # one of . : ! between Chinese characters, where autocorrect is fussy
        t = texts[k]
        cut = rng.randint(0, len(t))
        texts[k] = t[:cut] + rng.choice(".:!") + t[cut:]
    answered = [(t, autocorrect.answered_here(t)) for t in texts]
    answered = [(t, a) for t, a in answered if a is not None]
    assert len(answered) > 1000
    assert [t for t, a in answered if a != autocorrect._changes(t)] == []
    assert any(a for _, a in answered) and any(not a for _, a in answered)
    assert autocorrect.answered_here("代表们说,好:很好。") == ((4, 5, "，"), (6, 7, "："))
    for unknown in ("2023/2024年度工作,推动", "中:文:字", "中 ,文", "100,000", "见#话题,好"):
        assert autocorrect.answered_here(unknown) is None, unknown


def test_plain_prose_with_half_width_commas_is_checked_without_autocorrect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its rule tables cost a check 8-12 ms and 9 MB; a comma after a Chinese character needs none of them."""
    from tui.checks.rules import autocorrect

    def not_here() -> None:
        raise AssertionError("autocorrect was asked")

    monkeypatch.setattr(autocorrect, "_engine", not_here)
    monkeypatch.setattr(autocorrect, "LINT_CACHE", autocorrect.LintCache(max_chars=1000))  # nothing kept
    issue = clean_issue()
    issue.articles[0].paragraphs[0] = (
        "区人大常委会高度重视,组织代表开展专题调研;形成报告1份(附件),提出建议12条。"
    )
    found = [f for f in findings(issue) if f.rule.startswith("typography.halfwidth")]
    assert sorted((f.rule, f.fix) for f in found) == [
        ("typography.halfwidth-comma", "，"),
        ("typography.halfwidth-parenthesis", "（附件）"),
        ("typography.halfwidth-semicolon", "；"),
    ]


def test_template_left_only_where_the_prompt_is_still_there() -> None:
    """A template paragraph written over, even keeping 一是, is fine; a prompt left inside one is not."""
    issue = clean_issue()
    assert issue.articles[0].column == "助力攻坚"
    issue.articles[0].paragraphs += [
        "一是加强调研。区人大常委会组织代表走访企业二十余家。",
        "（开头：用一两句话写明本区人大常委会围绕什么开展了哪些工作、取得了什么成效。）",
        "二是强化监督（第二项做法，写法同上。）",
    ]
    found = [f for f in findings(issue) if f.rule == "paragraph.template-left"]
    assert [(f.location.paragraph, f.matched) for f in found] == [
        (len(issue.articles[0].paragraphs) - 2, issue.articles[0].paragraphs[-2]),
        (len(issue.articles[0].paragraphs) - 1, "（第二项做法，写法同上。）"),
    ]
    # a column without a template, and prose that merely uses parentheses, are left alone
    issue = clean_issue()
    issue.articles[0].paragraphs.append("会议听取了（关于推进数字经济发展情况的报告）并进行审议。")
    assert not [f for f in findings(issue) if f.rule == "paragraph.template-left"]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="“‘《（【〈”’》）】〉甲乙", max_size=14))
def test_paired_marks_are_reported_exactly_when_they_do_not_nest(text: str) -> None:
    """The quick test for well-nested text (one pattern for all six pairs) agrees with a plain stack."""
    from tui.checks.rules.base import Segment
    from tui.checks.rules.pairs import CLOSERS, PAIRS, unbalanced_pairs

    stack: list[str] = []
    nested = True
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in CLOSERS:
            nested = nested and bool(stack) and stack.pop() == CLOSERS[ch]
    nested = nested and not stack
    assert (list(unbalanced_pairs(Segment("paragraph", text, 0, "", 0))) == []) == nested

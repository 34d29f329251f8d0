"""Typography (GB/T 15834 punctuation, GB/T 15835 numbers) on running text.

autocorrect-py does what it covers (half-width , : ? ! between Chinese,
spaces beside full-width marks); the rules here add what it misses.  Titles,
paragraphs and distribution lines are checked; bylines never are (they are
structured and rendered in house style).  What the standard makes wrong is
an error; house-style spacing is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from tui.checks.rules import autocorrect
from tui.checks.rules.base import Context, Segment, article_rule, article_segments, issue_rule, span
from tui.checks.rules.pairs import unbalanced_pairs
from tui.model import Article
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.textutil import around, cjk_latin_gaps, is_cjk, is_han, is_latin_or_digit

FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}
MARK_NAMES = {
    ",": ("comma", Text("逗号", "comma")),
    ":": ("colon", Text("冒号", "colon")),
    ";": ("semicolon", Text("分号", "semicolon")),
    "?": ("question", Text("问号", "question mark")),
    "!": ("exclamation", Text("叹号", "exclamation mark")),
    ".": ("period", Text("句号", "full stop")),
    "(": ("parenthesis", Text("括号", "parenthesis")),
    ")": ("parenthesis", Text("括号", "parenthesis")),
}

_HALFWIDTH = re.compile(r" *([,:;?!]) *")
_PARENS = re.compile(r"\(([^()\n]*)\)")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|…+|·{3,}")
_DASH = re.compile(r"-{2,}|－{2,}|—+")
_CLAUSE_MARKS = set("，。、；：？！,.;:?!")
_ENUM_COMMA = re.compile(r"(?<=[》”])、(?=[《“])")
_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
_LEADING_SPACE = re.compile(r"^[ \u3000\t]+")
_SPACES = re.compile(r"[ \u00a0]+")
_LATIN_RUN = re.compile(r"[0-9A-Za-z%]+")
_TO_HALFWIDTH = {
    c: chr(ord(c) - 0xFEE0)
    for c in "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
}


# Rule ID and message per half-width mark, built once: a real issue has hundreds of these.
_HALFWIDTH_RULE = {
    mark: (
        f"typography.halfwidth-{name}",
        Text("中文之间使用了半角", "half-width ")
        + label
        + Text("，应使用全角", " in Chinese text; use the full-width mark"),
    )
    for mark, (name, label) in MARK_NAMES.items()
}


def _halfwidth_finding(seg: Segment, start: int, end: int, mark: str, fix: str) -> Finding:
    rule, message = _HALFWIDTH_RULE[mark]
    return span(seg, rule, "error", message, start, end, fix)


def from_autocorrect(seg: Segment) -> Iterator[Finding]:
    for start, end, new in autocorrect.changes(seg.text):
        old = seg.text[start:end]
        if len(old) == 1 and FULLWIDTH.get(old) == new:
            yield _halfwidth_finding(seg, start, end, old, new)
        elif old.strip() == "" and new == "":
            yield span(
                seg,
                "typography.space-fullwidth",
                "warning",
                Text("全角标点旁有多余的空格", "extra space beside a full-width mark"),
                start,
                end,
                "",
            )
        else:
            yield span(
                seg,
                "typography.autocorrect",
                "warning",
                Text(f"建议把“{old}”改为“{new}”", f"suggest “{new}” instead of “{old}”"),
                start,
                end,
                new,
            )


_ANY_HALFWIDTH = re.compile(r"[,:;?!(]")


def halfwidth_marks(seg: Segment) -> Iterator[Finding]:
    if not _ANY_HALFWIDTH.search(seg.text):
        return
    text = seg.text
    for m in _HALFWIDTH.finditer(text):
        before, after = around(text, m.start(), m.end())
        if is_cjk(before) and (is_cjk(after) or after == ""):
            yield _halfwidth_finding(seg, m.start(), m.end(), m.group(1), FULLWIDTH[m.group(1)])
    for m in _PARENS.finditer(text):
        before, after = around(text, m.start(), m.end())
        if any(is_cjk(c) for c in m.group(1) + before + after):
            yield _halfwidth_finding(seg, m.start(), m.end(), "(", f"（{m.group(1)}）")


def ellipsis(seg: Segment) -> Iterator[Finding]:
    if "." not in seg.text and "。。" not in seg.text and "…" not in seg.text and "·" not in seg.text:
        return
    for m in _ELLIPSIS.finditer(seg.text):
        if m.group() in ("……", "…………"):  # six dots; twelve for a whole paragraph left out (GB/T 15834 4.11)
            continue
        yield span(
            seg,
            "typography.ellipsis",
            "error",
            Text(f"省略号应为“……”，不是“{m.group()}”", f"the ellipsis is “……”, not “{m.group()}”"),
            m.start(),
            m.end(),
            "……",
        )


def dash(seg: Segment) -> Iterator[Finding]:
    if "-" not in seg.text and "—" not in seg.text and "－" not in seg.text:
        return
    for m in _DASH.finditer(seg.text):
        before, after = around(seg.text, m.start(), m.end())
        mark = m.group()
        if mark == "——":
            continue
        if mark == "—":
            # A single 一字线 between two terms is the connector of GB/T 15834 4.13
            # (北京—杭州, 调研—交办—督办—反馈): right as it is.  Next to a clause
            # mark it cannot connect anything: probably a dash typed short.
            if before in _CLAUSE_MARKS or after in _CLAUSE_MARKS:
                yield span(
                    seg,
                    "typography.single-dash",
                    "warning",
                    Text(
                        "单个“—”在这里连接不了两项；若是破折号，应为“——”",
                        "a single “—” connects nothing here; a dash is “——”",
                    ),
                    m.start(),
                    m.end(),
                )
            continue
        if not (is_cjk(before) and is_cjk(after)):
            continue
        yield span(
            seg,
            "typography.dash",
            "error",
            Text(f"破折号应为“——”，不是“{mark}”", f"the dash is “——”, not “{mark}”"),
            m.start(),
            m.end(),
            "——",
        )


def enumeration_comma(seg: Segment) -> Iterator[Finding]:
    if "》、" not in seg.text and "”、" not in seg.text:
        return
    for m in _ENUM_COMMA.finditer(seg.text):
        yield span(
            seg,
            "typography.enumeration-comma",
            "warning",
            Text(
                "并列的书名号或引号之间不用顿号",
                "no enumeration comma between adjacent quoted or book-titled items",
            ),
            m.start(),
            m.end(),
            "",
        )


def fullwidth_alnum(seg: Segment) -> Iterator[Finding]:
    for m in _FULLWIDTH_ALNUM.finditer(seg.text):
        fixed = "".join(_TO_HALFWIDTH[c] for c in m.group())
        yield span(
            seg,
            "typography.fullwidth-alnum",
            "warning",
            Text(f"数字和字母应使用半角：“{m.group()}”", f"digits and letters are half-width: “{m.group()}”"),
            m.start(),
            m.end(),
            fixed,
        )


def leading_space(seg: Segment) -> Iterator[Finding]:
    m = _LEADING_SPACE.match(seg.text)
    if m:
        yield span(
            seg,
            "typography.leading-space",
            "warning",
            Text(
                "段首有空格（缩进由排版生成，不必输入）", "leading spaces (indentation comes from the layout)"
            ),
            0,
            m.end(),
            "",
        )


def cjk_latin_spacing(seg: Segment, want_space: bool) -> Iterator[Finding]:
    text = seg.text
    if want_space:
        gaps = []
        for m in _LATIN_RUN.finditer(text):
            before, after = around(text, m.start(), m.end())
            if is_han(before) and is_latin_or_digit(m.group()[0]):
                gaps.append(m.start())
            if is_han(after):
                gaps.append(m.end())
        message = Text(
            "本刊格式：中文与数字、字母之间加空格",
            "house style: a space between Chinese and digits or Latin letters",
        )
        for pos in gaps:
            yield span(seg, "typography.cjk-latin-space", "warning", message, pos, pos, " ")
        return
    if " " not in text and "\u00a0" not in text:
        return
    message = Text(
        "本刊格式：中文与数字、字母之间不加空格",
        "house style: no space between Chinese and digits or Latin letters",
    )
    for start, end in cjk_latin_gaps(text, _SPACES):
        yield span(seg, "typography.cjk-latin-space", "warning", message, start, end, "")


OWN_RULES = (
    halfwidth_marks,
    unbalanced_pairs,
    ellipsis,
    dash,
    enumeration_comma,
    fullwidth_alnum,
    leading_space,
)


def rules_for(text: str) -> tuple[Callable[[Segment], Iterator[Finding]], ...]:
    """The own rules that could find anything in ``text`` (an article's segments joined).

    Plain ``in`` tests and one charset scan per rule on the whole article
    replace a call per rule per paragraph: most articles need few of them.
    """
    wanted: list[Callable[[Segment], Iterator[Finding]]] = [unbalanced_pairs]
    if _ANY_HALFWIDTH.search(text):
        wanted.append(halfwidth_marks)
    if "." in text or "。。" in text or "…" in text or "·" in text:
        wanted.append(ellipsis)
    if "-" in text or "—" in text or "－" in text:
        wanted.append(dash)
    if "》、" in text or "”、" in text:
        wanted.append(enumeration_comma)
    if _FULLWIDTH_ALNUM.search(text):
        wanted.append(fullwidth_alnum)
    if text[:1] in _INDENTS or any(f"\n{c}" in text for c in _INDENTS):
        wanted.append(leading_space)
    return tuple(wanted)


_INDENTS = " \u3000\t"


def check_segment(
    seg: Segment, ctx: Context, rules: tuple[Callable[[Segment], Iterator[Finding]], ...] = OWN_RULES
) -> list[Finding]:
    """autocorrect first; our own rules add what does not overlap its spans."""
    found = list(from_autocorrect(seg))
    taken = [(f.location.start or 0, f.location.end or 0) for f in found]

    def free(f: Finding) -> bool:
        s, e = f.location.start or 0, f.location.end or 0
        return not any((s < te and ts < e) or (s == e == ts) for ts, te in taken)

    own: Iterable[Finding] = (f for rule in rules for f in rule(seg))
    found += [f for f in own if free(f)]
    found += [f for f in cjk_latin_spacing(seg, ctx.house.style.space_between_cjk_and_latin) if free(f)]
    return found


TYPOGRAPHY_IDS = (
    "typography.halfwidth-comma",
    "typography.halfwidth-colon",
    "typography.halfwidth-semicolon",
    "typography.halfwidth-question",
    "typography.halfwidth-exclamation",
    "typography.halfwidth-period",
    "typography.halfwidth-parenthesis",
    "typography.space-fullwidth",
    "typography.autocorrect",
    "typography.unbalanced-pair",
    "typography.reversed-pair",
    "typography.ellipsis",
    "typography.dash",
    "typography.single-dash",
    "typography.enumeration-comma",
    "typography.fullwidth-alnum",
    "typography.leading-space",
    "typography.cjk-latin-space",
)


@article_rule(*TYPOGRAPHY_IDS)
def article_typography(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    segs = list(article_segments(article, index))
    rules = rules_for("\n".join(seg.text for seg in segs))
    for seg in segs:
        yield from check_segment(seg, ctx, rules)


@issue_rule(*TYPOGRAPHY_IDS)
def endblock_typography(ctx: Context) -> Iterator[Finding]:
    for k, line in enumerate(ctx.issue.endblock.distribution):
        yield from check_segment(Segment("endblock.distribution", line, paragraph=k), ctx)

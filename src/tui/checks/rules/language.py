"""The language checks as one article rule: each article is scanned as one text.

Wording, standard wording, repetition, 的地得, numbers, punctuation beyond
width and consistency each live in their own module as functions of a
segment (a title or a paragraph).  This rule joins an article's segments
into one text and asks each module's quick test (a scan or two, or a plain
``in``) of the whole article first; only when it could find something are
its segments checked one by one.  The word lists are matched on the joined
text directly, their hits mapped back to segments.  Most articles are clean
for most rules, so most of the work is one C-speed scan per article, not a
dozen Python calls per paragraph: the editor re-checks an article on every
keystroke, and ``jianbao check`` must stay within twice autocorrect's time on
a 300-article issue (docs/performance.md).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from tui.checks.lexicon import lexicon_for
from tui.checks.patterns import lazy
from tui.checks.rules.base import Context, Segment, article_rule, article_segments
from tui.checks.rules.consistency import future_dates, may_date, summaries, totals
from tui.checks.rules.marks import (
    doubled_marks,
    ellipsis_with_etc,
    may_double,
    paragraph_ends,
    spaces_in_chinese,
    straight_quotes,
)
from tui.checks.rules.numbers import NUMBER_IDS, number_findings
from tui.checks.rules.particles import may_misuse, particle_findings
from tui.checks.rules.repetition import may_repeat, repetitions
from tui.checks.rules.wording import (
    LIST_SEVERITY,
    list_finding,
    may_misorder,
    may_need_quotes,
    order_of_bodies,
    unquoted_slogans,
)
from tui.model import Article
from tui.model.findings import Finding

LANGUAGE_IDS = (
    *LIST_SEVERITY,
    "standard.quotes",
    "standard.order",
    "repetition.char",
    "repetition.word",
    "particle.adverbial",
    "particle.complement",
    "particle.attributive",
    *NUMBER_IDS,
    "typography.doubled-mark",
    "typography.straight-quotes",
    "typography.ellipsis-etc",
    "typography.space-in-chinese",
    "typography.paragraph-end",
    "consistency.total",
    "consistency.count",
    "consistency.future-date",
)
_NUMBERISH = lazy("[0-9约近年]")  # what any number rule needs (a charset: re skips to it at C speed)


@article_rule(*LANGUAGE_IDS)
def language(article: Article, index: int, ctx: Context) -> list[Finding]:
    segs = list(article_segments(article, index))
    if not segs:
        return []
    joined = "\n".join(seg.text for seg in segs)
    starts = [0]
    for seg in segs[:-1]:
        starts.append(starts[-1] + len(seg.text) + 1)
    out: list[Finding] = []
    for start, end, entry in lexicon_for(ctx.house.language).find(joined):
        k = bisect_right(starts, start) - 1
        out.append(list_finding(segs[k], start - starts[k], end - starts[k], entry))
    issued = ctx.issue.masthead.date
    if may_need_quotes(joined):
        out += _each(segs, unquoted_slogans)
    if may_misorder(joined):
        out += _each([seg for seg in segs if may_misorder(seg.text)], order_of_bodies)
    if may_repeat(joined):
        out += _each(segs, repetitions)
    if may_misuse(joined):
        out += _each(segs, particle_findings)
    if may_double(joined):
        out += _each(segs, doubled_marks)
    if '"' in joined:
        out += _each(segs, straight_quotes)
    if "……" in joined:
        out += _each(segs, ellipsis_with_etc)
    if " " in joined or "\u00a0" in joined:
        out += _each(segs, spaces_in_chinese)
    if _NUMBERISH.search(joined) or "中全会" in joined:
        for seg in segs:
            if _NUMBERISH.search(seg.text) or "中全会" in seg.text:
                out += number_findings(seg, issued.year)
    if "其中" in joined:
        out += _each(segs, totals)
    if may_date(joined):
        for seg in segs:
            out += future_dates(seg, issued)
    out += paragraph_ends(article, index)
    out += summaries(article, index)
    return out


def _each(segs: list[Segment], check: Callable[[Segment], Iterable[Finding]]) -> list[Finding]:
    return [f for seg in segs for f in check(seg)]

"""The language checks as one article rule: each title and paragraph is walked once.

Wording, standard wording, repetition, 的地得, numbers, punctuation beyond
width and consistency each live in their own module as functions of a
segment; this rule runs them all on each segment of an article.  One walk
instead of seven matters: the editor re-checks an article on every
keystroke, and ``jianbao check`` must stay within twice autocorrect's time
on a 300-article issue (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.rules.base import Context, article_rule, article_segments
from tui.checks.rules.consistency import consistency_findings, summaries
from tui.checks.rules.marks import mark_findings, paragraph_ends
from tui.checks.rules.numbers import NUMBER_IDS, number_findings
from tui.checks.rules.particles import particle_findings
from tui.checks.rules.repetition import repetitions
from tui.checks.rules.wording import LIST_SEVERITY, list_findings, order_of_bodies, unquoted_slogans
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


@article_rule(*LANGUAGE_IDS)
def language(article: Article, index: int, ctx: Context) -> Iterator[Finding]:
    issued = ctx.issue.masthead.date
    for seg in article_segments(article, index):
        yield from list_findings(seg, ctx)
        yield from unquoted_slogans(seg)
        yield from order_of_bodies(seg)
        yield from repetitions(seg)
        yield from particle_findings(seg)
        yield from number_findings(seg, issued.year)
        yield from mark_findings(seg)
        yield from consistency_findings(seg, issued)
    yield from paragraph_ends(article, index)
    yield from summaries(article, index)

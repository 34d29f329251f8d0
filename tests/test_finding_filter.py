"""The checks pane's filter as plain data, and "new since the save" by what a finding is about."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tui.checks.filtering import FindingFilter, baseline, family_counts, new_mask
from tui.model import Waiver
from tui.model.findings import Finding, Location, Severity
from tui.model.i18n import Text


def _f(
    rule: str,
    severity: Severity = Severity.ERROR,
    article: int | None = 0,
    matched: str = "x",
    context: str = "",
) -> Finding:
    return Finding(
        rule,
        severity,
        Location("paragraph", article=article, paragraph=0, start=0, end=1),
        Text("", ""),
        matched=matched,
        context=context or f"…{matched}…",
    )


WAIVER = Waiver("r", "paragraph", "x", "原文如此", "王校对", dt.datetime(2025, 12, 1))


def test_the_default_lets_everything_open_through_and_hides_the_waived() -> None:
    open_ = _f("typography.halfwidth-comma")
    waived = dataclasses.replace(open_, waiver=WAIVER)
    assert FindingFilter().apply([open_, waived]) == [open_]
    assert FindingFilter(show_waived=True).apply([open_, waived]) == [open_, waived]
    assert not FindingFilter().narrows and FindingFilter().describe("zh") == ""


def test_kind_is_a_family_or_one_rule() -> None:
    comma, colon, typo = (
        _f("typography.halfwidth-comma"),
        _f("typography.halfwidth-colon"),
        _f("wording.typo"),
    )
    assert FindingFilter(kind="typography").apply([comma, colon, typo]) == [comma, colon]
    assert FindingFilter(kind="typography.halfwidth-colon").apply([comma, colon, typo]) == [colon]
    # a family's name is not a prefix match: "typo" is not "typography"
    assert FindingFilter(kind="typo").apply([comma, colon, typo]) == []


def test_severity_article_and_their_description() -> None:
    a = _f("wording.typo", Severity.WARNING, article=2)
    b = _f("wording.typo", Severity.ERROR, article=3)
    flt = FindingFilter(severity=Severity.WARNING, article=2, kind="wording")
    assert flt.apply([a, b]) == [a]
    assert flt.describe("zh") == "仅警告 · 错别字与易混词 · 第3篇"
    assert flt.describe("en") == "warning only · wording · article 3"


def test_new_since_the_save_counts_repeats_and_ignores_renumbering() -> None:
    saved = [
        _f("wording.typo", article=0, matched="按排"),
        _f("typography.halfwidth-comma", article=1, matched=","),
    ]
    # an article inserted above: the same findings, other article numbers; one comma more
    now = [
        _f("wording.typo", article=1, matched="按排"),
        _f("typography.halfwidth-comma", article=2, matched=","),
        _f("typography.halfwidth-comma", article=2, matched=","),
    ]
    assert new_mask(now, baseline(saved)) == [False, False, True]
    assert FindingFilter(new_only=True).apply(now, new_mask(now, baseline(saved))) == [now[2]]


def test_family_counts_most_first_without_the_waived() -> None:
    found = [_f("typography.halfwidth-comma")] * 3 + [_f("wording.typo")]
    assert family_counts(found) == [("typography", 3), ("wording", 1)]

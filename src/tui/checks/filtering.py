"""Which findings the proofreader wants to see: by severity, kind, article, waived or not, new or not.

A real issue has a hundred and more findings; a proofreader works through
them a kind or an article at a time, with what is already waived out of the
way, and after a save wants to see only what the last edits brought in.  The
filter is plain data, so the pane, the 校对单 and the tests apply the same one.

"New since the last save" compares findings by what they are about (rule,
field, the matched text and its context), not by where: inserting an article
above renumbers every article below, and none of their findings is new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tui.checks.catalogue import family_name, family_of, rule_name
from tui.model.findings import SEVERITY_LABEL, Finding, Severity
from tui.model.i18n import Lang

FindingKey = tuple[str, str, str, str]


def finding_key(finding: Finding) -> FindingKey:
    """What a finding is about, independent of article and paragraph numbers."""
    return (finding.rule, finding.location.field, finding.matched, finding.context)


def baseline(findings: Iterable[Finding]) -> Counter[FindingKey]:
    """The findings of a saved state, for telling later ones apart (a count per key: a typo twice is two)."""
    return Counter(finding_key(f) for f in findings)


def new_mask(findings: Sequence[Finding], since: Counter[FindingKey]) -> list[bool]:
    """For each finding, whether it is new against ``since``: beyond the number of its kind there was."""
    left = Counter(since)
    out = []
    for f in findings:
        key = finding_key(f)
        if left[key] > 0:
            left[key] -= 1
            out.append(False)
        else:
            out.append(True)
    return out


class FindingFilter(NamedTuple):
    """What the checks pane lets through.  The default: everything still open.

    ``kind`` is a family (``typography``) or one rule (``typography.halfwidth-comma``);
    ``article`` a 0-based article index.
    """

    severity: Severity | None = None
    kind: str | None = None
    article: int | None = None
    show_waived: bool = False
    new_only: bool = False

    @property
    def narrows(self) -> bool:
        """Anything beyond hiding the waived: the pane says so in its title."""
        return self.severity is not None or self.kind is not None or self.article is not None or self.new_only

    def admits(self, finding: Finding, new: bool = True) -> bool:
        if finding.waiver is not None and not self.show_waived:
            return False
        if self.severity is not None and finding.severity is not self.severity:
            return False
        if self.kind is not None and finding.rule != self.kind and family_of(finding.rule) != self.kind:
            return False
        if self.article is not None and finding.location.article != self.article:
            return False
        return new or not self.new_only

    def apply(self, findings: Sequence[Finding], new: Sequence[bool] | None = None) -> list[Finding]:
        """The findings let through, in their order; ``new`` is new_mask's answer (all new when None)."""
        if new is None:
            return [f for f in findings if self.admits(f)]
        return [f for f, n in zip(findings, new, strict=True) if self.admits(f, n)]

    def describe(self, lang: Lang, article_title: str = "") -> str:
        """仅错误 · 标点与排版 · 第3篇 · 保存后新增 — what is narrowed, for the pane's title; "" if nothing."""
        zh = lang == "zh"
        parts = []
        if self.severity is not None:
            label = SEVERITY_LABEL[self.severity].get(lang)
            parts.append(f"仅{label}" if zh else f"{label} only")
        if self.kind is not None:
            parts.append(rule_name(self.kind, lang) if "." in self.kind else family_name(self.kind, lang))
        if self.article is not None:
            n = self.article + 1
            parts.append(f"第{n}篇" if zh else f"article {n}")
        if self.new_only:
            parts.append("保存后新增" if zh else "new since saved")
        if self.show_waived:
            parts.append("含已豁免" if zh else "waived shown")
        return " · ".join(parts)


def family_counts(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    """Open findings per family, most first (ties in the order met): 标点与排版 160 · 规范表述 3."""
    per_rule: Counter[str] = Counter(f.rule for f in findings if f.waiver is None)
    counts: Counter[str] = Counter()
    for rule, n in per_rule.items():  # a few dozen rules: split each once, not each finding
        counts[family_of(rule)] += n
    return counts.most_common()

"""Build the 校对单 from an issue and its findings (waivers applied): what was found, done, decided.

The report lists every open finding with where it is, the text around it and
the correction a fix would make; every waiver with its reason and who gave
it; every comment; the sign-offs.  It is data (``tui.model.proof_report``)
in one language; the exporters lay it out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from tui.checks.catalogue import BY_ID, rule_name
from tui.checks.report import signoff_status
from tui.model import ROLE_LABELS, Issue
from tui.model.findings import SEVERITY_LABEL, Finding, Severity, summarize
from tui.model.i18n import Lang
from tui.model.proof_report import (
    CommentItem,
    OpenItem,
    ProofReport,
    RuleCount,
    SignoffItem,
    WaivedItem,
)

_SEVERITY_ORDER = list(Severity)


def _when(at: dt.datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}"


def correction(finding: Finding, lang: Lang) -> str:
    """What the fix would do, in words: “,” → “，”; 删去“的”; 与下一段合并; "" when there is no fix."""
    zh = lang == "zh"
    if finding.joins_next:
        return "与下一段合并" if zh else "join with the next paragraph"
    if finding.fix is None:
        return ""
    if finding.fix == "":
        return f"删去“{finding.matched}”" if zh else f"delete “{finding.matched}”"
    return f"“{finding.matched}” → “{finding.fix}”"


def _masthead(issue: Issue, lang: Lang) -> list[tuple[str, str]]:
    m = issue.masthead
    if lang == "zh":
        return [
            ("刊名", m.name),
            ("刊别", m.edition),
            ("期号", f"第{m.number}期（总第{m.cumulative}期）"),
            ("编印单位", m.unit),
            ("日期", f"{m.date.year}年{m.date.month}月{m.date.day}日"),
        ]
    return [
        ("Name", m.name),
        ("Edition", m.edition),
        ("Number", f"{m.number} (cumulative {m.cumulative})"),
        ("Editing unit", m.unit),
        ("Date", m.date.isoformat()),
    ]


def _checked_by(issue: Issue, findings: Sequence[Finding]) -> list[str]:
    """Who proofread: those who signed as 校对; else those who waived findings (in order met)."""
    names = [s.name for s in issue.signoffs if s.role == "proofreader"]
    if not names:
        names = [f.waiver.by for f in findings if f.waiver is not None and f.waiver.by]
    return list(dict.fromkeys(names))


def _counts(findings: Sequence[Finding], lang: Lang) -> list[RuleCount]:
    """One line per rule, the most open first; rules of equal count in the catalogue's order."""
    open_: Counter[str] = Counter(f.rule for f in findings if f.waiver is None)
    waived: Counter[str] = Counter(f.rule for f in findings if f.waiver is not None)
    severity = {f.rule: f.severity for f in findings}
    order = {rule: i for i, rule in enumerate(BY_ID)}
    rules = sorted(severity, key=lambda r: (-open_[r], -waived[r], order.get(r, len(order)), r))
    return [
        RuleCount(r, rule_name(r, lang), SEVERITY_LABEL[severity[r]].get(lang), open_[r], waived[r])
        for r in rules
    ]


def _comments(issue: Issue, lang: Lang) -> list[CommentItem]:
    out = []
    for i, article in enumerate(issue.articles):
        label = article.title or next((p for p in article.paragraphs if p), "")[:16]
        where = f"第{i + 1}篇「{label}」" if lang == "zh" else f"article {i + 1} “{label}”"
        out += [CommentItem(where, c.author, c.text, _when(c.at), c.resolved) for c in article.comments]
    return out


def build_proof_report(
    issue: Issue, findings: Sequence[Finding], lang: Lang, *, made_at: dt.datetime
) -> ProofReport:
    """The 校对单 of ``issue`` with its checked ``findings`` (waivers applied), in ``lang``."""
    zh = lang == "zh"
    m = issue.masthead
    title = (
        f"《{m.name}》{m.date.year}年第{m.number}期（总第{m.cumulative}期）校对单"
        if zh
        else f"{m.name} no. {m.number} (cumulative {m.cumulative}), {m.date.year}: proof report"
    )
    c = summarize(list(findings))
    totals = [(SEVERITY_LABEL[s].get(lang), c[s.value]) for s in _SEVERITY_ORDER]
    totals.append(("已豁免" if zh else "waived", c["waived"]))
    status = signoff_status(issue.signoffs, findings, lang) or ("未签发" if zh else "not signed off")
    open_items = [
        OpenItem(
            n,
            f.location.describe(lang),
            SEVERITY_LABEL[f.severity].get(lang),
            rule_name(f.rule, lang),
            f.message.get(lang),
            f.context,
            correction(f, lang),
        )
        for n, f in enumerate((f for f in findings if f.waiver is None), 1)
    ]
    waived_items = [
        WaivedItem(
            n,
            f.location.describe(lang),
            rule_name(f.rule, lang),
            f.context or f.matched,
            f.waiver.reason,
            f.waiver.by,
            _when(f.waiver.at),
        )
        for n, f in enumerate((f for f in findings if f.waiver is not None), 1)
        if f.waiver is not None
    ]
    signoffs = [
        SignoffItem(ROLE_LABELS.get(s.role, (s.role, s.role))[0 if zh else 1], s.name, _when(s.at))
        for s in issue.signoffs
    ]
    return ProofReport(
        lang=lang,
        title=title,
        masthead=_masthead(issue, lang),
        made_at=made_at,
        checked_by=_checked_by(issue, findings),
        totals=totals,
        status=status,
        counts=_counts(findings, lang),
        open=open_items,
        waived=waived_items,
        comments=_comments(issue, lang),
        signoffs=signoffs,
    )

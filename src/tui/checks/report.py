"""Findings as linter-style text lines or as JSON, for the CLI and scripts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.checks.catalogue import rule_basis, rule_name
from tui.model import ROLE_LABELS, Signoff
from tui.model.findings import SEVERITY_LABEL, Finding, summarize
from tui.model.i18n import Lang, counted

if TYPE_CHECKING:  # a check that fixes nothing need not load the fixes
    from tui.checks.fixes import Change


class FileReport(NamedTuple):
    """What a check says of one file: its findings, the fixes made, the sign-offs."""

    file: str
    findings: Sequence[Finding]
    changes: Sequence[Change] = ()
    signoffs: Sequence[Signoff] = ()


def signoff_status(signoffs: Sequence[Signoff], findings: Sequence[Finding], lang: Lang) -> str:
    """已签发：王校对（校对）2025-12-10 14:30, with 签发后已修改 when the text changed since; "" if unsigned."""
    if not signoffs:
        return ""
    latest = signoffs[-1]
    zh, en = ROLE_LABELS.get(latest.role, (latest.role, latest.role))
    when = f"{latest.at:%Y-%m-%d %H:%M}"
    changed = any(f.rule == "signoff.changed" and f.active for f in findings)
    if lang == "zh":
        return f"已签发：{latest.name}（{zh}）{when}" + ("，签发后已修改" if changed else "")
    return f"signed off: {latest.name} ({en}) {when}" + (", changed since" if changed else "")


def finding_line(file: str, finding: Finding, lang: Lang) -> str:
    where = finding.location.describe(lang)
    head = f"{file}: {where}" if where else file
    name = rule_name(finding.rule, lang)
    rule = finding.rule if name == finding.rule else f"{finding.rule} {name}"
    line = f"{head}: {SEVERITY_LABEL[finding.severity].get(lang)} [{rule}] {finding.message.get(lang)}"
    if finding.context:
        line += f"：{finding.context}" if lang == "zh" else f": {finding.context}"
    w = finding.waiver
    if w is not None:
        line += f"（已豁免：{w.reason}——{w.by}）" if lang == "zh" else f" (waived: {w.reason} — {w.by})"
    return line


def change_line(file: str, change: Change, lang: Lang) -> str:
    where = change.location.describe(lang)
    verb = "已修改" if lang == "zh" else "fixed"
    return f"{file}: {where}: {verb} “{change.old}” → “{change.new}” [{change.rule}]"


def summary_line(findings: Sequence[Finding], lang: Lang) -> str:
    counts = summarize(list(findings))
    if lang == "zh":
        parts = [f"{counts[s.value]} {SEVERITY_LABEL[s].zh}" for s in SEVERITY_LABEL]
        if counts["waived"]:
            parts.append(f"{counts['waived']} 已豁免")
        return f"共 {len(findings)} 条：" + "，".join(parts)
    parts = [counted(counts[s.value], SEVERITY_LABEL[s].en) for s in SEVERITY_LABEL]
    if counts["waived"]:
        parts.append(f"{counts['waived']} waived")
    return counted(len(findings), "finding") + ": " + ", ".join(parts)


def render_text(reports: Sequence[FileReport], lang: Lang) -> str:
    lines = [change_line(r.file, c, lang) for r in reports for c in r.changes]
    lines += [finding_line(r.file, f, lang) for r in reports for f in r.findings]
    lines += [
        f"{r.file}: {status}" for r in reports if (status := signoff_status(r.signoffs, r.findings, lang))
    ]
    lines.append(summary_line([f for r in reports for f in r.findings], lang))
    return "\n".join(lines) + "\n"


def finding_json(finding: Finding, lang: Lang) -> dict[str, Any]:
    loc = finding.location
    return {
        "rule": finding.rule,
        "name": rule_name(finding.rule, lang),
        "basis": rule_basis(finding.rule),
        "severity": finding.severity.value,
        "message": finding.message.get(lang),
        "context": finding.context,
        "location": {
            "article": loc.article,
            "title": loc.title,
            "field": loc.field,
            "paragraph": loc.paragraph,
            "start": loc.start,
            "end": loc.end,
            "line": loc.line,
        },
        "fix": finding.fix,
        "matched": finding.matched,
        "waived": None
        if finding.waiver is None
        else {"reason": finding.waiver.reason, "by": finding.waiver.by, "at": finding.waiver.at.isoformat()},
    }


def _change_json(change: Change) -> dict[str, Any]:
    loc = change.location
    return {
        "rule": change.rule,
        "old": change.old,
        "new": change.new,
        "location": {
            "article": loc.article,
            "field": loc.field,
            "paragraph": loc.paragraph,
            "start": loc.start,
            "end": loc.end,
        },
    }


def render_json(reports: Sequence[FileReport], lang: Lang) -> str:
    import json  # only for --format json: the text report is the common case

    doc = {
        "files": [
            {
                "file": r.file,
                "findings": [finding_json(f, lang) for f in r.findings],
                "summary": summarize(list(r.findings)),
                **({"fixed": [_change_json(c) for c in r.changes]} if r.changes else {}),
                **(
                    {
                        "signoffs": [
                            {"role": s.role, "name": s.name, "at": s.at.isoformat()} for s in r.signoffs
                        ],
                        "changed_since_signoff": any(
                            f.rule == "signoff.changed" and f.active for f in r.findings
                        ),
                    }
                    if r.signoffs
                    else {}
                ),
            }
            for r in reports
        ]
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

"""Findings as linter-style text lines or as JSON, for the CLI and scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.findings import SEVERITY_LABEL, Finding, summarize
from tui.i18n import Lang


@dataclass
class FileReport:
    file: str
    findings: Sequence[Finding]


def finding_line(file: str, finding: Finding, lang: Lang) -> str:
    where = finding.location.describe(lang)
    head = f"{file}: {where}" if where else file
    return f"{head}: {finding.severity.value} [{finding.rule}] {finding.message.get(lang)}"


def summary_line(findings: Sequence[Finding], lang: Lang) -> str:
    counts = summarize(list(findings))
    if lang == "zh":
        parts = [f"{counts[s.value]} {SEVERITY_LABEL[s].zh}" for s in SEVERITY_LABEL]
        return f"共 {len(findings)} 条：" + "，".join(parts)
    parts = [f"{counts[s.value]} {SEVERITY_LABEL[s].en}" for s in SEVERITY_LABEL]
    return f"{len(findings)} findings: " + ", ".join(parts)


def render_text(reports: Sequence[FileReport], lang: Lang) -> str:
    lines = [finding_line(r.file, f, lang) for r in reports for f in r.findings]
    lines.append(summary_line([f for r in reports for f in r.findings], lang))
    return "\n".join(lines) + "\n"


def finding_json(finding: Finding, lang: Lang) -> dict[str, Any]:
    loc = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message.get(lang),
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
    }


def render_json(reports: Sequence[FileReport], lang: Lang) -> str:
    doc = {
        "files": [
            {
                "file": r.file,
                "findings": [finding_json(f, lang) for f in r.findings],
                "summary": summarize(list(r.findings)),
            }
            for r in reports
        ]
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

"""Waivers: a proofreader's accepted findings, matched back onto fresh findings.

A waiver names its finding by rule, field, article, list index and the text
it matched, and prefers the nearest position, so it survives edits elsewhere
in the paragraph but goes stale when the text it waived changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tui.model import Waiver
from tui.model.findings import Finding, Location, Severity, sort_findings
from tui.model.i18n import Text

STALE = "waiver.stale"


def waiver_for(finding: Finding, reason: str, by: str, at: dt.datetime) -> Waiver:
    loc = finding.location
    return Waiver(
        rule=finding.rule,
        field=loc.field,
        text=finding.matched,
        reason=reason,
        by=by,
        at=at,
        article=loc.article,
        paragraph=loc.paragraph,
        start=loc.start,
        end=loc.end,
    )


def _fits(w: Waiver, f: Finding) -> bool:
    loc = f.location
    return (w.rule, w.field, w.article, w.paragraph, w.text) == (
        f.rule,
        loc.field,
        loc.article,
        loc.paragraph,
        f.matched,
    )


def apply_waivers(findings: list[Finding], waivers: list[Waiver]) -> list[Finding]:
    """Mark waived findings, and add an info finding for each waiver that no longer fits one.

    A waiver goes to the finding at its own position first; only a waiver
    whose position matches none (the text moved) goes to the nearest
    finding of the same rule and text.  Several equal marks in one paragraph
    (162 half-width commas) each keep their own waiver.
    """
    findings = sort_findings(findings)  # the nearest of equals is the first in reading order
    if not waivers:
        return findings
    taken: dict[int, int] = {}  # finding index -> waiver index
    used: set[int] = set()
    by_key: dict[tuple[object, ...], list[int]] = {}
    for fi, f in enumerate(findings):
        loc = f.location
        by_key.setdefault((f.rule, loc.field, loc.article, loc.paragraph, f.matched), []).append(fi)
    for exact in (True, False):
        for wi, w in enumerate(waivers):
            if wi in used:
                continue
            candidates = [
                fi
                for fi in by_key.get((w.rule, w.field, w.article, w.paragraph, w.text), [])
                if fi not in taken
            ]
            if exact:
                candidates = [
                    fi
                    for fi in candidates
                    if (findings[fi].location.start, findings[fi].location.end) == (w.start, w.end)
                ]
            if not candidates:
                continue
            best = min(candidates, key=lambda fi: abs((findings[fi].location.start or 0) - (w.start or 0)))
            taken[best] = wi
            used.add(wi)
    out = [replace(f, waiver=waivers[taken[fi]]) if fi in taken else f for fi, f in enumerate(findings)]
    stale = []
    for i, w in enumerate(waivers):
        if i in used:
            continue
        stale.append(
            Finding(
                STALE,
                Severity.INFO,
                Location(field=w.field, article=w.article, paragraph=w.paragraph, start=w.start, end=w.end),
                Text(
                    f"豁免已失效：{w.rule}「{w.text}」的问题已不存在（{w.by}：{w.reason}）",
                    f"stale waiver: the finding {w.rule} “{w.text}” is gone ({w.by}: {w.reason})",
                ),
                matched=w.text,
            )
        )
    return sort_findings(out + stale) if stale else out

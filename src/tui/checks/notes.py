"""The issue's import notes, as findings like any other: shown, counted, waived or marked done."""

from __future__ import annotations

from tui.model import Issue, Note
from tui.model.findings import Finding, Location, Severity
from tui.model.i18n import Text


def _article(issue: Issue, title: str) -> int | None:
    if not title:
        return None
    return next((i for i, a in enumerate(issue.articles) if a.title == title), None)


def note_finding(issue: Issue, note: Note) -> Finding:
    article = _article(issue, note.title)
    return Finding(
        note.rule,
        Severity(note.severity),
        Location(field=note.field, article=article, title=note.title, line=note.line),
        Text(note.message, note.message_en or note.message),
        matched=note.source,
        context=note.source if len(note.source) <= 60 else note.source[:59] + "…",
    )


def notes_findings(issue: Issue) -> list[Finding]:
    """A finding for every note not yet marked done."""
    return [note_finding(issue, n) for n in issue.notes if not n.done]


def note_of(issue: Issue, finding: Finding) -> Note | None:
    """The note a finding was made from (to mark it done), if it was."""
    return next(
        (
            n
            for n in issue.notes
            if not n.done
            and (n.rule, n.line, n.source, n.title)
            == (finding.rule, finding.location.line, finding.matched, finding.location.title)
        ),
        None,
    )

"""Import findings kept in the issue as notes, so nothing the importer noticed is lost after it ran.

`jianbao import` used to print its findings once on standard error; the
proofreader who opened the issue later never saw that an article listed in
the contents was missing from the body.  Every finding of an import becomes
a ``[[notes]]`` entry of the issue, with the source line's text, and shows
among the findings until it is waived or marked done.
"""

from __future__ import annotations

from tui.model import Issue, Note
from tui.model.findings import Finding


def notes_from(
    findings: list[Finding], issue: Issue, source: str = "", origin: str = "", title: str = ""
) -> list[Note]:
    """One note per finding.

    ``source`` is the imported text (each note keeps its line's text),
    ``origin`` the file a submission came from, ``title`` the article a
    submission became.
    """
    lines = source.splitlines()
    out = []
    for f in findings:
        loc = f.location
        text = f.matched
        if loc.line is not None and 0 < loc.line <= len(lines):
            text = lines[loc.line - 1].strip()
        about = loc.title or title
        if not about and loc.article is not None and 0 <= loc.article < len(issue.articles):
            about = issue.articles[loc.article].title
        message, message_en = f.message.zh, f.message.en
        if origin:
            message, message_en = f"{origin}：{message}", f"{origin}: {message_en}"
        out.append(
            Note(
                rule=f.rule,
                severity=f.severity.value,
                message=message,
                message_en=message_en,
                line=loc.line,
                source=text,
                field=loc.field or "source",
                title=about,
            )
        )
    return out

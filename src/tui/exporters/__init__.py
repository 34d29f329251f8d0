"""Exporters: render an Issue for print, the web and other tools."""

from __future__ import annotations

from tui.model import Issue
from tui.model.house import Style
from tui.model.snapshot import copy_issue

FORMATS = ("text", "docx", "pdf", "html", "md")
SUFFIXES = {"text": ".txt", "docx": ".docx", "pdf": ".pdf", "html": ".html", "md": ".md"}
BINARY = ("docx", "pdf")  # written to a file (beside the issue by default), never to standard output


def printable(issue: Issue) -> Issue:
    """A copy without control characters: Word's XML refuses them and no reader wants them.

    The checks report each one (``text.control-character``) with a fix; an
    export never fails on them.
    """
    import dataclasses

    from tui.model.textutil import CONTROL, strip_control

    def clean(value: object) -> object:
        if isinstance(value, str):
            return strip_control(value) if CONTROL.search(value) else value
        if isinstance(value, list):
            return [clean(v) for v in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                setattr(value, f.name, clean(getattr(value, f.name)))
        return value

    copied = copy_issue(issue)
    clean(copied)
    return copied


def render(issue: Issue, style: Style, to: str) -> bytes:
    """The issue in one of FORMATS, as the bytes of the file."""
    issue = printable(issue)
    if to == "docx":
        from tui.exporters.docx import render_docx

        return render_docx(issue, style)
    if to == "pdf":
        from tui.exporters.pdf import render_pdf

        return render_pdf(issue, style).data
    if to == "html":
        from tui.exporters.html import render_html

        return render_html(issue, style).encode("utf-8")
    if to == "md":
        from tui.exporters.markdown import render_markdown

        return render_markdown(issue, style).encode("utf-8")
    from tui.exporters.text import render_text

    return render_text(issue, style).encode("utf-8")

"""Exporters: render an Issue for print, the web and other tools."""

from __future__ import annotations

from tui.house import Style
from tui.model import Issue

FORMATS = ("text", "docx", "html", "md")
SUFFIXES = {"text": ".txt", "docx": ".docx", "html": ".html", "md": ".md"}


def render(issue: Issue, style: Style, to: str) -> bytes:
    """The issue in one of FORMATS, as the bytes of the file."""
    if to == "docx":
        from tui.exporters.docx import render_docx

        return render_docx(issue, style)
    if to == "html":
        from tui.exporters.html import render_html

        return render_html(issue, style).encode("utf-8")
    if to == "md":
        from tui.exporters.markdown import render_markdown

        return render_markdown(issue, style).encode("utf-8")
    from tui.exporters.text import render_text

    return render_text(issue, style).encode("utf-8")

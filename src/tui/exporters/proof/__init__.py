"""The 校对单 laid out: plain text, a self-contained web page that prints on A4, a Word document.

Each layout takes the same :class:`~tui.model.proof_report.ProofReport` and
says the same things in the same order: the masthead and who checked it,
the totals and the counts per rule, every open finding, every waiver, every
comment, the sign-offs.
"""

from __future__ import annotations

from tui.model.proof_report import ProofReport

PROOF_FORMATS = ("text", "html", "docx")
PROOF_SUFFIXES = {"text": ".txt", "html": ".html", "docx": ".docx"}


def render_proof(report: ProofReport, to: str) -> bytes:
    """The report in one of PROOF_FORMATS, as the bytes of the file."""
    if to == "docx":
        from tui.exporters.proof.docx import render_proof_docx

        return render_proof_docx(report)
    if to == "html":
        from tui.exporters.proof.html import render_proof_html

        return render_proof_html(report).encode("utf-8")
    from tui.exporters.proof.text import render_proof_text

    return render_proof_text(report).encode("utf-8")


def totals_line(report: ProofReport) -> str:
    sep = "，" if report.lang == "zh" else ", "
    return sep.join(f"{label} {n}" for label, n in report.totals)


def made_line(report: ProofReport) -> str:
    return f"{report.made_at:%Y-%m-%d %H:%M}"


def people(report: ProofReport) -> str:
    """The proofreaders, or 无 when nobody signed or waived anything yet."""
    return "、".join(report.checked_by) if report.checked_by else report.heading("none")

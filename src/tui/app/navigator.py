"""Moving through findings: next/previous, and landing on a finding's exact span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef, node_of
from tui.app.strings import t
from tui.app.text_fields import FieldArea, FieldInput
from tui.app.validation import FindingTable
from tui.model.bodytext import position_of
from tui.model.fields import field_info
from tui.model.findings import Finding, Location

if TYPE_CHECKING:
    from tui.app.editor import Editor


class FindingNavigator:
    """Moving through findings: next/previous, and showing a finding's exact span."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.position = 0  # the row of the finding last shown: F8 goes on from here after a fix or waiver

    def _ordered(self) -> list[Finding]:
        if not self.editor.session.checked:  # asked before the first check landed: check now
            self.editor.session.revalidate()
            self.editor.refresh_findings()
        elif self.editor.pane_stale:  # rows from before a structural edit: its findings, now
            self.editor.refresh_findings()
        return self.editor.query_one(FindingTable).shown

    def next_finding(self, step: int = 1) -> None:
        findings = self._ordered()
        if not findings:
            self.editor.notify(t("no_findings", self.editor.lang))
            return
        current = self.editor.current_finding
        if current in findings:
            start = findings.index(current) + step
        else:  # fixed or waived meanwhile: the one after it now stands where it stood
            start = self.position if step > 0 else self.position - 1
        order = [(start + k * step) % len(findings) for k in range(len(findings))]
        i = next((i for i in order if findings[i].active), None)  # F8 passes over waived findings
        if i is None:
            self.editor.notify(t("no_findings", self.editor.lang))
            return
        self.editor.query_one(FindingTable).move_to(findings[i])
        self.jump_to(findings[i])

    def prev_finding(self) -> None:
        self.next_finding(-1)

    def jump_to(self, finding: Finding) -> None:
        """Show the finding's node and select its exact span."""
        self.editor.current_finding = finding
        shown = self.editor.query_one(FindingTable).shown
        if finding in shown:
            self.position = shown.index(finding)
        self.show_location(finding.location)

    def show_location(self, loc: Location) -> None:
        """Show the node of a location (a finding's, a search hit's) and select its span."""
        ref = node_of(loc)
        if (
            loc.field == "columns"
            and loc.paragraph is not None
            and loc.paragraph < len(self.editor.session.issue.columns)
        ):
            ref = NodeRef("column", column=self.editor.session.issue.columns[loc.paragraph].name)
        self.editor.query_one(OutlineTree).select_ref(ref)
        if ref.kind == "masthead":
            self.editor.editing_masthead = True  # the span is selected in the form's field
        self.editor.show_node(ref)
        self.editor.call_next(self._select_span_when_ready, loc)

    async def _select_span_when_ready(self, loc: Location) -> None:
        await self.editor.settle_panes()
        self.editor.call_after_refresh(self._select_span, loc)

    def _select_span(self, loc: Location) -> None:
        start, end = loc.start or 0, loc.end if loc.end is not None else (loc.start or 0)
        field = loc.field
        if field == "paragraph" and loc.paragraph is not None:
            area = self.editor.query_one("#article-body", FieldArea)
            a = position_of(area.text, loc.paragraph, start)
            b = position_of(area.text, loc.paragraph, end)
            if a is not None and b is not None:
                area.focus()
                area.show_span(a, b)
                area.scroll_cursor_visible(center=True)
            return
        if field == "endblock.distribution" and loc.paragraph is not None:
            area = self.editor.query_one("#endblock-distribution", FieldArea)
            area.focus()
            area.show_span((loc.paragraph, start), (loc.paragraph, end))
            return
        info = field_info(field)
        if info is None or info.widget is None:
            return
        widget = self.editor.query_one(f"#{info.widget}")
        widget.focus()
        if isinstance(widget, FieldArea):  # the title: one line of text, wrapped
            if loc.start is None:
                start, end = 0, len(widget.text)
            widget.show_span((0, start), (0, end))
            return
        if isinstance(widget, FieldInput):
            if field == "byline.author" and loc.paragraph is not None:
                byline = self.editor.session.issue.articles[loc.article or 0].byline
                authors = byline.authors if byline is not None else []
                offset = sum(len(n) + 1 for n in authors[: loc.paragraph])
                start, end = start + offset, end + offset
            if loc.start is None:
                start, end = 0, len(widget.value)
            widget.show_span(start, end)

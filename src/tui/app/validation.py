"""The validation pane: the check engine's findings for the whole issue.

A virtual list rather than a DataTable: a DataTable measures every cell of
every row whenever rows change (about 55 ms for the sample's 168 findings at
start-up, far more for a 300-article issue), while this list renders only
the rows on screen and costs the same for 10 findings or 10,000.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.cells import fit_cell
from tui.app.messages import FindingChosen, FindingHighlighted, FindingsFiltered
from tui.app.strings import t
from tui.checks.catalogue import family_name, rule_name
from tui.checks.filtering import FindingFilter, family_counts
from tui.model.findings import SEVERITY_LABEL, Finding, Severity, summarize
from tui.model.i18n import Lang

_SEVERITY_STYLE = {
    Severity.ERROR: Style(color="red", bold=True),
    Severity.WARNING: Style(color="yellow"),
    Severity.INFO: Style(color="cyan"),
}
_WAIVED_STYLE = Style(dim=True)
_HEADER_STYLE = Style(bold=True)
GROUP_AT = 40  # more findings than this when the issue opens: the list starts grouped by rule

# Cell widths: the place takes up to half of a narrow pane, the message what is
# left (at least MESSAGE_MIN); the rule ID sits at the right, a scroll away when narrow.
WHERE_WIDTH = (14, 26)
RULE_WIDTH = 30
MESSAGE_MIN = 16


class FindingTable(ScrollView, can_focus=True):
    """One line per finding under a fixed header; Enter (or a second click) jumps to it, f filters."""

    BINDINGS = [
        Binding("enter", "jump", "定位", id="jump"),
        Binding("f", "screen.filter_findings", "筛选", id="filter"),
        Binding("g", "toggle_grouped", "按类/逐条", id="group"),
        Binding("p", "screen.proof_report", "校对单", id="proof_report"),
        Binding("w", "screen.waive", "豁免", id="waive", show=False),
        Binding("d", "screen.mark_done", "标记已处理", id="mark_done", show=False),
        Binding("z", "screen.unwaive", "撤销豁免", id="unwaive", show=False),
        Binding("X", "screen.fix_all", "修正全部同类", id="fix_all", show=False),
        Binding("W", "screen.waive_all", "豁免全部同类", id="waive_all", show=False),
        Binding("x", "screen.apply_fix", "应用修正", id="apply_fix", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "cursor_to(0)", show=False),
        Binding("end", "cursor_to(-1)", show=False),
    ]

    COMPONENT_CLASSES = {"findings--header", "findings--cursor", "findings--even-row"}

    DEFAULT_CSS = """
    FindingTable {
        background: $surface;
        color: $foreground;
        & > .findings--header { text-style: bold; background: $panel; color: $foreground; }
        & > .findings--even-row { background: $surface-lighten-1 50%; }
        & > .findings--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .findings--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.all: list[Finding] = []
        # Per finding of ``all``: whether the edits since the last save brought it in (None: unknown).
        self.new: list[bool] | None = None
        # The findings the filter lets through, in reading order (F8 walks these).
        self.shown: list[Finding] = []
        self.filter = FindingFilter()  # the default hides what is waived
        self._counts: tuple[dict[str, int], str] | None = None  # per severity, per family (as shown)
        # Grouped by rule (g): a header row per rule with its count, its findings under it
        # when expanded.  ``rows`` is what is drawn: findings, and headers (rule IDs).
        # None until the first findings arrive: grouped then if there are many of them.
        self.grouped: bool | None = None
        self.expanded: set[str] = set()
        self.rows: list[Finding | str] = []
        self.groups: dict[str, list[Finding]] = {}
        self._cells: dict[int, tuple[str, str, str, str]] = {}
        labels = [label.get(lang) for label in SEVERITY_LABEL.values()] + [
            t("waived", lang),
            t("col_severity", lang),
        ]
        self.severity_width = max(cell_len(label) for label in labels)

    # ------------------------------------------------------------ rows

    def show(self, findings: list[Finding], new: list[bool] | None = None) -> None:
        """Replace the rows, keeping the cursor on the same finding where it still exists."""
        if findings == self.all and new == self.new:
            return  # a re-check that changed nothing: nothing to repaint while typing
        current = self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None
        if findings != self.all:
            self._counts = None  # the titles' counts, worked out again when asked
        self.all, self.new = findings, new
        self.shown = self.filter.apply(findings, new)
        if self.grouped is None and findings:
            self.grouped = len(findings) > GROUP_AT
        self._build_rows()
        row = self.rows.index(current) if current is not None and current in self.rows else 0
        self.move_cursor(row=min(row, max(len(self.rows) - 1, 0)))
        self.refresh()

    def _build_rows(self) -> None:
        self.groups = {}
        for f in self.shown:
            self.groups.setdefault(f.rule, []).append(f)
        if not self.grouped:
            self.rows = list(self.shown)
        else:
            self.rows = []
            for rule, members in self.groups.items():
                self.rows.append(rule)
                if rule in self.expanded:
                    self.rows += members
        self._cells.clear()
        self._update_virtual_size()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def move_to(self, finding: Finding) -> None:
        """Put the cursor on ``finding``, opening its group if it is closed."""
        if self.grouped and finding.rule not in self.expanded and finding in self.shown:
            self.expanded.add(finding.rule)
            self._build_rows()
        if finding in self.rows:
            self.move_cursor(row=self.rows.index(finding))

    def current_group(self) -> str | None:
        """The rule of the row under the cursor: a group's header, or a finding's rule."""
        if not 0 <= self.cursor_row < len(self.rows):
            return None
        row = self.rows[self.cursor_row]
        return row if isinstance(row, str) else row.rule

    def action_toggle_grouped(self) -> None:
        """g: one row per rule (all groups closed, the cursor on the current one's header), or one per finding."""
        rule, current = self.current_group(), self.current()
        self.grouped = not self.grouped
        if self.grouped:
            self.expanded.clear()
        self._build_rows()
        if self.grouped and rule in self.rows:
            self.move_cursor(row=self.rows.index(rule))
        elif current is not None:
            self.move_to(current)
        else:
            first = next(iter(self.groups.get(rule or "", [])), None)
            self.move_cursor(row=self.rows.index(first) if first in self.rows else 0)
        self.refresh()

    def _toggle_group(self, rule: str) -> None:
        self.expanded ^= {rule}
        self._build_rows()
        self.move_cursor(row=self.rows.index(rule))
        self.refresh()

    @property
    def rows_built(self) -> int:
        """How many rows' cells exist: the list builds a row when it is drawn, not when findings arrive."""
        return len(self._cells)

    def row_cells(self, row: int) -> tuple[str, str, str, str]:
        """Severity, place, message and rule of one row, as shown."""
        cells = self._cells.get(row)
        if cells is None and isinstance(self.rows[row], str):
            rule = self.rows[row]
            assert isinstance(rule, str)
            members = self.groups.get(rule, [])
            open_ = sum(1 for f in members if f.active)
            mark = "▼" if rule in self.expanded else "▶"
            worst = min((f.severity for f in members), key=list(Severity).index, default=Severity.INFO)
            cells = (
                f"{mark} {SEVERITY_LABEL[worst].get(self.lang)}",
                rule_name(rule, self.lang),
                t("group_count", self.lang, n=len(members), open=open_),
                rule,
            )
            self._cells[row] = cells
        if cells is None:
            f = self.rows[row]
            assert isinstance(f, Finding)
            severity = SEVERITY_LABEL[f.severity].get(self.lang)
            message = f.message.get(self.lang)
            if f.waiver is not None:
                severity = t("waived", self.lang)
                message = (
                    f"{message}（{f.waiver.reason}）"
                    if self.lang == "zh"
                    else f"{message} ({f.waiver.reason})"
                )
            cells = (severity, f.location.describe(self.lang), " ".join(message.split()), f.rule)
            self._cells[row] = cells
        return cells

    def current(self) -> Finding | None:
        """The finding under the cursor (None on a group's header)."""
        if not 0 <= self.cursor_row < len(self.rows):
            return None
        row = self.rows[self.cursor_row]
        return row if isinstance(row, Finding) else None

    def set_filter(self, wanted: FindingFilter) -> None:
        """Let through what ``wanted`` admits; the cursor stays on its finding if that still shows."""
        self.filter = wanted
        findings, self.all = self.all, []
        self.show(findings, self.new)
        self.post_message(FindingsFiltered())

    def summary(self) -> str:
        """The pane's title: open findings per severity and the waived; when filtered, what shows of what.

        A filtered list says first how much of it shows (the pane is narrow
        and the title is cut at its right end): 校验：显示 162/168 · 半角逗号.
        """
        narrowed = self.filter.describe(self.lang) if self.filter.narrows or self.filter.show_waived else ""
        if narrowed:
            shown = t("filter_shown", self.lang, n=len(self.shown), total=len(self.all))
            return f"{t('summary', self.lang)}{shown} · {narrowed}"
        c = self._tally()[0]
        parts = [
            t(f"n_{k}", self.lang, n=c[k])
            for k in ("error", "warning", "info", "waived")
            if c[k] or k == "error"
        ]
        return t("summary", self.lang) + " · ".join(parts)

    def family_summary(self) -> str:
        """The pane's bottom line: open findings per family, most first (标点与排版 160 · 规范表述 3)."""
        return self._tally()[1]

    def _tally(self) -> tuple[dict[str, int], str]:
        """Counts per severity and the per-family line, once per set of findings (not per repaint)."""
        if self._counts is None:
            families = " · ".join(f"{family_name(key, self.lang)} {n}" for key, n in family_counts(self.all))
            self._counts = (summarize(self.all), families)
        return self._counts

    # ------------------------------------------------------------ cursor

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = max(0, min(row, len(self.rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_to_row(new)
        self.refresh()
        current = self.current()
        group = self.current_group() if current is None else None
        self.post_message(FindingHighlighted(current, group, self.groups.get(group or "", [])))

    def _visible_rows(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)  # less the header

    def _scroll_to_row(self, row: int) -> None:
        top = round(self.scroll_y)
        visible = self._visible_rows()
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step * self._visible_rows())

    def action_cursor_to(self, row: int) -> None:
        self.move_cursor(row=row if row >= 0 else len(self.rows) - 1)

    def action_jump(self) -> None:
        """Enter: go to the finding; on a group's header, open or close the group."""
        if 0 <= self.cursor_row < len(self.rows) and isinstance(self.rows[self.cursor_row], str):
            self._toggle_group(str(self.rows[self.cursor_row]))
            return
        f = self.current()
        if f is not None:
            self.post_message(FindingChosen(f))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = round(self.scroll_y) + offset.y - 1
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor_row and (event.chain > 1 or self.has_focus):
            self.action_jump()
        self.move_cursor(row=row)

    # ------------------------------------------------------------ drawing

    def _widths(self) -> tuple[int, int, int, int]:
        width = self.scrollable_content_region.width - self.severity_width - 3  # three one-cell gaps
        where = max(WHERE_WIDTH[0], min(WHERE_WIDTH[1], width // 2))
        message = width - where - RULE_WIDTH
        if message < 2 * RULE_WIDTH:  # no room for the rule beside a readable message
            message = width - where
        return self.severity_width, where, max(MESSAGE_MIN, message), RULE_WIDTH

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(sum(self._widths()) + 3, len(self.rows) + 1)

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._scroll_to_row(self.cursor_row)

    def _line(self, cells: tuple[str, str, str, str], style: Style, first: Style | None = None) -> Strip:
        segments = []
        for i, (text, width) in enumerate(zip(cells, self._widths(), strict=True)):
            if i:
                segments.append(Segment(" ", style))
            segments.append(Segment(fit_cell(text, width), style + first if i == 0 and first else style))
        return Strip(segments)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("findings--header")
            heads = (
                t("col_severity", self.lang),
                t("col_where", self.lang),
                t("col_message", self.lang),
                t("col_rule", self.lang),
            )
            strip = self._line(heads, style)
        else:
            row = scroll_y + y - 1
            if row >= len(self.rows):
                return Strip.blank(width, base)
            style = base
            if row % 2:
                style += self.get_component_rich_style("findings--even-row")
            if row == self.cursor_row:
                style += self.get_component_rich_style("findings--cursor")
            item = self.rows[row]
            if isinstance(item, str):
                members = self.groups.get(item, [])
                worst = min((f.severity for f in members), key=list(Severity).index, default=Severity.INFO)
                first = _SEVERITY_STYLE[worst] + _HEADER_STYLE
            else:
                first = _WAIVED_STYLE if item.waiver is not None else _SEVERITY_STYLE[item.severity]
            strip = self._line(self.row_cells(row), style, None if row == self.cursor_row else first)
        if width > 1 and self._cuts_a_cell(scroll_x + width):
            # The pane's edge falls inside a cell (a narrow pane scrolls sideways): the cut is marked
            # like a cell's own, never silent ("未处理 162，" with its total a scroll away).
            cut = strip.crop_extend(scroll_x, scroll_x + width - 1, style)
            return Strip.join([cut, Strip([Segment("…", style)])])
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _cuts_a_cell(self, edge: int) -> bool:
        """The pane's right edge, at ``edge`` cells into the row, falls inside a cell rather than between two."""
        end = -1
        for width in self._widths():
            start, end = end + 1, end + 1 + width  # a one-cell gap before each cell but the first
            if start < edge < end:
                return True
        return False

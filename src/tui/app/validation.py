"""The validation pane: the check engine's findings for the whole issue."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from tui.app.strings import t
from tui.findings import Finding, Severity, summarize
from tui.i18n import Lang

FILTERS: tuple[Severity | None, ...] = (None, Severity.ERROR, Severity.WARNING, Severity.INFO)
_FILTER_KEYS = {
    None: "filter_all",
    Severity.ERROR: "filter_error",
    Severity.WARNING: "filter_warning",
    Severity.INFO: "filter_info",
}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class FindingTable(DataTable[object]):
    """One row per finding; Enter jumps to it, f filters by severity."""

    BINDINGS = [
        Binding("enter", "jump", "定位", id="jump"),
        Binding("f", "cycle_filter", "筛选", id="filter"),
        Binding("w", "screen.waive", "豁免", id="waive", show=False),
        Binding("x", "screen.apply_fix", "应用修正", id="apply_fix", show=False),
    ]

    class Jump(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, lang: Lang, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.lang = lang
        self.all: list[Finding] = []
        self.shown: list[Finding] = []
        self.filter: Severity | None = None

    # Fixed widths: an auto-width column measures every cell on every refresh.
    WIDTHS = {"col_severity": 7, "col_where": 30, "col_message": 48, "col_rule": 32}

    def on_mount(self) -> None:
        for key, width in self.WIDTHS.items():
            self.add_column(t(key, self.lang), key=key, width=width)

    def summary(self) -> str:
        c = summarize(self.all)
        parts = [
            t(f"n_{k}", self.lang, n=c[k])
            for k in ("error", "warning", "info", "waived")
            if c[k] or k == "error"
        ]
        text = t("summary", self.lang) + " · ".join(parts)
        if self.filter is not None:
            text += (
                f"（{t(_FILTER_KEYS[self.filter], self.lang)}）"
                if self.lang == "zh"
                else f" ({t(_FILTER_KEYS[self.filter], self.lang)})"
            )
        return text

    def show(self, findings: list[Finding]) -> None:
        """Replace the rows, keeping the cursor on the same finding where it still exists."""
        if findings == self.all and self.row_count == len(self.shown):
            return  # a re-check that changed nothing: no table rebuild while typing
        current = self.current()
        self.all = findings
        self.shown = [f for f in findings if self.filter is None or f.severity is self.filter]
        self.clear()
        rows = []
        for f in self.shown:
            sev = RichText(f.severity.value, style=_STYLE[f.severity])
            message = f.message.get(self.lang)
            if f.waiver is not None:
                sev = RichText(t("waived", self.lang), style="dim")
                message = f"{message}（{f.waiver.reason}）"
            rows.append((sev, f.location.describe(self.lang), message, f.rule))
        self.add_rows(rows)
        if current is not None and current in self.shown:
            self.move_cursor(row=self.shown.index(current))

    def current(self) -> Finding | None:
        if not self.shown or self.cursor_row is None or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def action_jump(self) -> None:
        f = self.current()
        if f is not None:
            self.post_message(self.Jump(f))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_jump()

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        findings, self.all = self.all, []
        self.show(findings)
        if self.parent is not None:
            self.parent.border_title = self.summary()

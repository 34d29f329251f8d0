"""The line under the checks list: the highlighted finding (or group) in full."""

from __future__ import annotations

from typing import Any

from rich.text import Text as RichText
from textual.reactive import reactive
from textual.widget import Widget

from tui.app.strings import t
from tui.checks.catalogue import rule_basis, rule_name
from tui.model.findings import Finding
from tui.model.i18n import Lang


class FindingDetail(Widget):
    """Under the checks list: the highlighted finding in full, its context and its 依据, without a dialog.

    A row of the list cuts a long message off; here nothing is cut (the line
    wraps), and the proofreader sees the offending text marked ⟦…⟧.
    """

    DEFAULT_CSS = "FindingDetail { height: auto; max-height: 6; color: $text-muted; }"
    text: reactive[str] = reactive("", layout=True)  # its height follows the text

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang

    def show_group(self, rule: str, members: list[Finding]) -> None:
        """A group's header: the rule in full, how many are open, fixable and waived, and its 依据."""
        zh = self.lang == "zh"
        name = rule_name(rule, self.lang)
        open_ = fixable = waived = 0
        for f in members:  # one pass: a group of half-width commas holds 10,000 at 3,000 articles
            if f.waiver is not None:
                waived += 1
            if f.active:
                open_ += 1
                if f.fix is not None or f.joins_next:
                    fixable += 1
        parts = [
            f"【{name}】共 {len(members)} 条：未处理 {open_} 条，可自动修正 {fixable} 条，已豁免 {waived} 条"
            if zh
            else f"[{name}] {len(members)}: {open_} open, {fixable} fixable, {waived} waived"
        ]
        basis = rule_basis(rule)
        if basis:
            parts.append(("依据：" if zh else "basis: ") + basis)
        parts.append(t("group_keys", self.lang))
        self.text = "\n".join(parts)

    def show(self, finding: Finding | None) -> None:
        if finding is None:
            self.text = ""
            return
        zh = self.lang == "zh"
        name = rule_name(finding.rule, self.lang)
        parts = [
            f"【{name}】{finding.message.get(self.lang)}"
            if zh
            else f"[{name}] {finding.message.get(self.lang)}"
        ]
        where = finding.location.describe(self.lang)
        if where:  # the list's column cuts it short (第1篇「拱墅区：…」 第3段 第180字)
            parts.append(("位置：" if zh else "where: ") + where)
        if finding.context:
            parts.append(("原文：" if zh else "text: ") + finding.context)
        basis = rule_basis(finding.rule)
        if basis:
            parts.append(("依据：" if zh else "basis: ") + basis)
        w = finding.waiver
        if w is not None:
            parts.append(f"已豁免：{w.reason}（{w.by}）" if zh else f"waived: {w.reason} ({w.by})")
        self.text = "\n".join(parts)

    def render(self) -> RichText:
        return RichText(self.text)

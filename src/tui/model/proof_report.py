"""The 校对单 (proof report) as plain data: what a proofreader hands in or files with the issue.

Built by ``tui.checks.proof`` from an issue and its findings, with every text
already in the report's language; the exporters only lay it out (text, a
self-contained web page for A4, a Word document in the house fonts), so the
three say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tui.model.i18n import Lang


@dataclass(frozen=True)
class RuleCount:
    """One rule's line of the counts table: 半角逗号 · 错误 · 未处理 160 · 已豁免 2."""

    rule: str
    name: str
    severity: str
    open: int
    waived: int


@dataclass(frozen=True)
class OpenItem:
    """A finding still open: where, what, the text around it, the correction proposed (if any)."""

    number: int
    where: str
    severity: str
    name: str
    message: str
    context: str
    correction: str


@dataclass(frozen=True)
class WaivedItem:
    number: int
    where: str
    name: str
    context: str
    reason: str
    by: str
    at: str


@dataclass(frozen=True)
class CommentItem:
    article: str
    author: str
    text: str
    at: str
    resolved: bool


@dataclass(frozen=True)
class SignoffItem:
    role: str
    name: str
    at: str


@dataclass
class ProofReport:
    lang: Lang
    title: str  # 《杭州人大信息》2025年第12期（总第718期）校对单
    masthead: list[tuple[str, str]]  # (label, value): 刊名, 刊别, 期号, 编印单位, 日期
    made_at: dt.datetime
    checked_by: list[str]  # the proofreaders: who signed as 校对, else who waived
    totals: list[tuple[str, int]]  # (label, count): 错误 3, 警告 1, 提示 0, 已豁免 160
    status: str  # 已签发：… / 未签发 / 签发后已修改
    counts: list[RuleCount] = field(default_factory=list)
    open: list[OpenItem] = field(default_factory=list)
    waived: list[WaivedItem] = field(default_factory=list)
    comments: list[CommentItem] = field(default_factory=list)
    signoffs: list[SignoffItem] = field(default_factory=list)

    def heading(self, key: str) -> str:
        """A section's heading in the report's language (one list, used by every layout)."""
        zh, en = HEADINGS[key]
        return zh if self.lang == "zh" else en


HEADINGS: dict[str, tuple[str, str]] = {
    "masthead": ("报头", "Masthead"),
    "made": ("生成时间", "Made"),
    "checked_by": ("校对人", "Checked by"),
    "status": ("签发状态", "Sign-off"),
    "totals": ("问题统计", "Totals"),
    "counts": ("按规则统计", "By rule"),
    "open": ("未处理的问题", "Open findings"),
    "waived": ("已豁免的问题", "Waived findings"),
    "comments": ("批注", "Comments"),
    "signoffs": ("签发记录", "Sign-offs"),
    "none": ("无", "none"),
    "rule": ("规则", "Rule"),
    "severity": ("级别", "Severity"),
    "open_n": ("未处理", "Open"),
    "waived_n": ("已豁免", "Waived"),
    "number": ("序号", "No."),
    "where": ("位置", "Where"),
    "message": ("说明", "Message"),
    "context": ("原文", "Text"),
    "correction": ("建议修改", "Correction"),
    "reason": ("豁免理由", "Reason"),
    "by": ("豁免人", "By"),
    "at": ("时间", "At"),
    "article": ("稿件", "Article"),
    "author": ("批注人", "Author"),
    "text": ("内容", "Text"),
    "resolved": ("已处理", "resolved"),
    "role": ("角色", "Role"),
    "name": ("姓名", "Name"),
}

"""The issue against earlier ones: a title printed before, an end block that changed.

A title already printed in an earlier issue is most often a submission sent
twice; an end-block field (本期责任编辑, 电话) that differs from the previous
issue's is often right (a new editor) but worth a look before printing.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.rules.base import Context, at, issue_rule
from tui.model.findings import Finding
from tui.model.i18n import Text
from tui.model.numbering import previous_issue
from tui.model.past import PastIssue


def _label(past: PastIssue) -> str:
    m = past.masthead
    return f"{m.date.year}年第{m.number}期（总第{m.cumulative}期）"


@issue_rule("archive.repeated-title")
def repeated_titles(ctx: Context) -> Iterator[Finding]:
    if not ctx.past:
        return
    printed: dict[str, PastIssue] = {}
    for past in sorted(ctx.past, key=lambda p: (p.masthead.date, p.masthead.cumulative)):
        for title in past.titles:
            printed.setdefault(title.strip(), past)
    me = ctx.issue.masthead
    for k, article in enumerate(ctx.issue.articles):
        earlier = printed.get(article.title.strip()) if article.title.strip() else None
        if earlier is None or (earlier.masthead.cumulative, earlier.masthead.date) == (
            me.cumulative,
            me.date,
        ):
            continue
        yield at(
            "archive.repeated-title",
            "warning",
            Text(
                f"标题已在{_label(earlier)}刊发过，可能是重复来稿",
                f"this title was printed in {_label(earlier)}: probably a resubmission",
            ),
            "title",
            article=k,
            title=article.title,
        )


_ENDBLOCK_FIELDS = (
    ("editor", Text("本期责任编辑", "responsible editor")),
    ("phone", Text("电话", "phone")),
)


@issue_rule("archive.endblock-changed")
def changed_endblock(ctx: Context) -> Iterator[Finding]:
    if not ctx.past:
        return
    prev, _ = previous_issue((p.masthead for p in ctx.past), ctx.issue.masthead, ctx.house.style)
    before = next((p for p in ctx.past if p.masthead is prev), None)
    if before is None:
        return
    for key, label in _ENDBLOCK_FIELDS:
        old, new = getattr(before.endblock, key).strip(), getattr(ctx.issue.endblock, key).strip()
        if not old or not new or old == new:
            continue
        yield at(
            "archive.endblock-changed",
            "info",
            label
            + Text(
                f"与上一期（{_label(before)}）不同：上期为“{old}”，本期为“{new}”",
                f" differs from the previous issue ({_label(before)}): “{old}” then, “{new}” now",
            ),
            f"endblock.{key}",
        )

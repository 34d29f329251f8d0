"""Archive statistics for people (tables with bars) and for spreadsheets (JSON, CSV)."""

from __future__ import annotations

import csv
import io
from typing import Any

from tui.exporters.styled import table
from tui.model.i18n import Lang, counted
from tui.model.stats import CITY, Stats

BAR = 24  # cells of the longest bar


def _bar(value: int, most: int) -> str:
    if not value or not most:
        return ""
    eighths = round(value / most * BAR * 8)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8] or "▏"


def stats_json(stats: Stats, absent: int) -> dict[str, Any]:
    return {
        "from": stats.start.isoformat() if stats.start else None,
        "to": stats.end.isoformat() if stats.end else None,
        "issues": stats.issues,
        "articles": stats.articles,
        "briefs": stats.briefs,
        "characters": stats.characters,
        "months": stats.months,
        "districts": [
            {
                "district": r.district,
                "articles": r.articles,
                "briefs": r.briefs,
                "characters": r.characters,
                "columns": dict(r.columns),
                "last": r.last or None,
                "issues_since": r.issues_since,
            }
            for r in stats.districts
        ],
        "columns": stats.columns,
        "authors": dict(stats.authors.most_common()),
        "absent": {"issues": absent, "districts": stats.absent(absent)},
    }


def stats_csv(stats: Stats, lang: Lang) -> str:
    """One row per district (the table a spreadsheet wants); UTF-8 with a BOM so Excel reads the Chinese."""
    zh = lang == "zh"
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["区县", "文章", "摘登", "字数", "最近一期", "此后期数"]
        if zh
        else ["district", "articles", "briefs", "characters", "last", "issues_since"]
    )
    for r in stats.districts:
        writer.writerow(
            [
                r.district,
                r.articles,
                r.briefs,
                r.characters,
                r.last,
                "" if r.issues_since is None else r.issues_since,
            ]
        )
    return out.getvalue()


def stats_text(stats: Stats, absent: int, lang: Lang) -> str:
    zh = lang == "zh"
    if stats.issues == 0:
        return "这段时间档案中没有期刊。\n" if zh else "No issues in the archive for this period.\n"
    period = f"{stats.start} — {stats.end}"
    out = [
        f"{period}：{stats.issues} 期，文章 {stats.articles} 篇，摘登 {stats.briefs} 则，正文 {stats.characters:,} 字"
        if zh
        else f"{period}: {counted(stats.issues, 'issue')}, {counted(stats.articles, 'article')}, "
        f"{counted(stats.briefs, 'brief')}, {stats.characters:,} characters",
        "",
        "各区县稿件" if zh else "Districts",
    ]
    rows = [
        ["区县", "文章", "摘登", "字数", "最近一期", ""]
        if zh
        else ["district", "articles", "briefs", "characters", "last", ""]
    ]
    most = max((r.articles + r.briefs for r in stats.districts), default=0)
    for r in stats.districts:
        if r.district == CITY and not (r.articles or r.briefs):
            continue
        rows.append(
            [
                r.district if zh or r.district != CITY else "city",
                str(r.articles),
                str(r.briefs),
                f"{r.characters:,}",
                r.last or "—",
                _bar(r.articles + r.briefs, most),
            ]
        )
    out += table(rows, right={1, 2, 3})
    out += ["", "各栏目" if zh else "Columns"]
    top = max(stats.columns.values(), default=0)
    rows = [["栏目", "篇数", ""] if zh else ["column", "items", ""]]
    rows += [[column, str(count), _bar(count, top)] for column, count in stats.columns.items()]
    out += table(rows, right={1})
    out.append("")
    months = "  ".join(f"{m}：{n}" if zh else f"{m}: {n}" for m, n in stats.months.items())
    out.append(("每月期数：" if zh else "Issues a month: ") + months)
    if stats.authors:
        names = "、".join(f"{a}（{n}）" for a, n in stats.authors.most_common(10))
        out.append(("作者（前 10 位）：" if zh else "Authors (top 10): ") + names)
    out.append("")
    missing = stats.absent(absent)
    if missing:
        out.append(
            (f"最近 {absent} 期未见稿件：" if zh else f"Not in the last {counted(absent, 'issue')}: ")
            + "、".join(missing)
        )
    else:
        out.append(
            f"最近 {absent} 期各区县均有稿件。"
            if zh
            else f"Every district appeared in the last {counted(absent, 'issue')}."
        )
    return "\n".join(out) + "\n"

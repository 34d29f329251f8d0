"""A comparison of two versions of an issue, for the terminal (colour or word-diff marks) and as JSON.

The terminal form reads like ``git diff --word-diff``: each changed
paragraph once, its deleted stretches in red ``[-…-]`` and inserted ones in
green ``{+…+}``, long unchanged stretches shortened to their ends so the
change stands out.  Without colour (a pipe, a file, ``--color never``) the
marks alone carry it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tui.exporters.styled import Line
from tui.model.changes import ArticleChange, FieldChange, IssueChanges, Run, char_runs
from tui.model.i18n import Lang

CONTEXT = 14  # unchanged characters kept on each side of a change

_FIELDS = {
    "masthead.name": ("报头·刊名", "masthead name"),
    "masthead.edition": ("报头·刊别", "edition"),
    "masthead.number": ("报头·期号", "number"),
    "masthead.cumulative": ("报头·总期号", "cumulative number"),
    "masthead.unit": ("报头·编印单位", "editing unit"),
    "masthead.date": ("报头·日期", "date"),
    "columns": ("栏目", "columns"),
    "endblock.distribution": ("报尾·送", "distribution"),
    "endblock.editor": ("报尾·责任编辑", "editor"),
    "endblock.phone": ("报尾·电话", "phone"),
}
_KINDS = {
    "added": ("＋ 新增", "+ added"),
    "removed": ("－ 删除", "- removed"),
    "changed": ("～ 修改", "~ changed"),
}
_COUNTS = (
    ("added", "新增 {n} 篇", "{n} added"),
    ("removed", "删除 {n} 篇", "{n} removed"),
    ("changed", "修改 {n} 篇", "{n} changed"),
    ("moved", "换栏目 {n} 篇", "{n} moved to another column"),
    ("retitled", "改标题 {n} 篇", "{n} retitled"),
    ("reordered", "调整顺序 {n} 篇", "{n} reordered"),
)


def _zh(lang: Lang, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "zh" else pair[1]


def _shorten(text: str, head: bool, tail: bool) -> str:
    """An unchanged stretch: its ends next to a change kept, the middle elided."""
    keep_head, keep_tail = (CONTEXT if head else 0), (CONTEXT if tail else 0)
    if len(text) <= keep_head + keep_tail + 1:
        return text
    return (
        (text[:keep_head] + "…" + (text[-keep_tail:] if keep_tail else ""))
        if keep_head
        else "…" + text[-keep_tail:]
    )


def runs_text(runs: tuple[Run, ...], *, shorten: bool = True) -> Line:
    """Runs as one line: deletions red and struck ``[-…-]``, insertions green ``{+…+}``."""
    out = Line()
    for n, run in enumerate(runs):
        if run.kind == "same":
            out.add(_shorten(run.text, head=n > 0, tail=n < len(runs) - 1) if shorten else run.text)
        elif run.kind == "del":
            out.add("[-" + run.text + "-]", "del")
        else:
            out.add("{+" + run.text + "+}", "ins")
    return out


def _field(change: FieldChange, lang: Lang) -> Line:
    label = _zh(lang, _FIELDS.get(change.field, (change.field, change.field)))
    line = Line.of(f"{label}：" if lang == "zh" else f"{label}: ", "bold")
    return line + runs_text(change.runs, shorten=False)


def _article(change: ArticleChange, lang: Lang) -> list[Line]:
    zh = lang == "zh"
    column = change.new_column or change.old_column
    head = Line.of(_zh(lang, _KINDS[change.kind]) + "  ", change.kind)
    head.add(f"【{column}】{change.label}", "bold")
    lines = [head]
    indent = "   "
    if change.title:
        lines.append(
            Line.of(indent + ("标题：" if zh else "title: ")) + runs_text(change.title, shorten=False)
        )
    if change.moved:
        lines.append(
            Line.of(
                indent
                + (
                    f"栏目：{change.old_column} → {change.new_column}"
                    if zh
                    else f"column: {change.old_column} → {change.new_column}"
                )
            )
        )
    if change.reordered and not change.moved:
        lines.append(
            Line.of(indent + ("在本期中的位置有调整" if zh else "moved to another place in the issue"))
        )
    if change.kind == "changed":
        for p in change.paragraphs:
            number = (p.new_index if p.new_index is not None else p.old_index or 0) + 1
            what = {"added": ("新增", "new"), "removed": ("删去", "removed"), "changed": ("", "")}[p.kind]
            label = f"第{number}段{what[0]}：" if zh else f"¶{number}{' ' + what[1] if what[1] else ''}: "
            lines.append(Line.of(indent + label) + runs_text(p.runs))
    else:
        count = len(change.paragraphs)
        lines.append(
            Line.of(indent + (f"正文 {count} 段" if zh else f"{count} paragraph{'s' if count != 1 else ''}"))
        )
    if change.byline is not None:
        old, new = change.byline
        lines.append(
            Line.of(indent + ("署名：" if zh else "byline: ")) + runs_text(char_runs(old, new), shorten=False)
        )
    return lines


def render_changes(changes: IssueChanges, old_name: str, new_name: str, lang: Lang) -> list[Line]:
    """The comparison as lines of styled text (print them with colour, or their ``.plain``)."""
    zh = lang == "zh"
    lines = [Line.of(f"比较 {old_name} → {new_name}" if zh else f"comparing {old_name} → {new_name}", "bold")]
    if changes.empty:
        lines.append(Line.of("两个版本内容相同。" if zh else "The two versions have the same content."))
        return lines
    counts = [
        (zh_f if zh else en_f).format(n=changes.counts[key])
        for key, zh_f, en_f in _COUNTS
        if changes.counts.get(key)
    ]
    if counts:
        lines.append(Line.of(" · ".join(counts)))
    lines.append(Line.of(""))
    lines += [_field(c, lang) for c in changes.fields]
    if changes.fields:
        lines.append(Line.of(""))
    for change in changes.articles:
        lines += _article(change, lang)
        lines.append(Line.of(""))
    return lines


def changes_json(changes: IssueChanges, old_name: str, new_name: str) -> dict[str, Any]:
    """The comparison as plain data: every field, article and run (``{"kind": "del", "text": …}``)."""
    articles = []
    for change in changes.articles:
        entry = dataclasses.asdict(change)
        entry["moved"], entry["retitled"] = change.moved, change.retitled
        articles.append(entry)
    return {
        "old": old_name,
        "new": new_name,
        "counts": changes.counts,
        "fields": [dataclasses.asdict(f) for f in changes.fields],
        "articles": articles,
    }

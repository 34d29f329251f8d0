"""What differs between two versions of an issue, in lines a person reads before choosing.

The recovery and conflict questions ("restore or discard?", "overwrite or
reload?") cannot be answered from buttons alone: they show which articles
differ and the changed lines themselves.
"""

from __future__ import annotations

import difflib

from tui.model import Article, Issue
from tui.model.i18n import Lang

MAX_LINES = 14
MAX_WIDTH = 60


def _label(article: Article, lang: Lang) -> str:
    if article.title:
        return f"「{article.title}」"
    first = article.paragraphs[0][:14] + "…" if article.paragraphs else ""
    return ("摘登 " if lang == "zh" else "brief ") + f"「{first}」"


def _clip(text: str) -> str:
    return text if len(text) <= MAX_WIDTH else text[: MAX_WIDTH - 1] + "…"


def _article_lines(article: Article, lang: Lang) -> list[str]:
    lines = [("标题：" if lang == "zh" else "title: ") + article.title] if article.title else []
    lines += article.paragraphs
    if article.byline is not None:
        lines.append(f"（{article.byline.unit} {' '.join(article.byline.authors)}）")
    return lines


def _changed_lines(old: list[str], new: list[str]) -> list[str]:
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out += ["  − " + _clip(line) for line in old[i1:i2]]
        out += ["  + " + _clip(line) for line in new[j1:j2]]
    return out


def describe(old: Issue, new: Issue, lang: Lang) -> list[str]:
    """Lines saying what ``new`` changes of ``old``: the parts that differ and their changed lines."""
    zh = lang == "zh"
    out: list[str] = []
    if old.masthead != new.masthead:
        out.append("报头有改动" if zh else "the masthead differs")
    if old.endblock != new.endblock:
        out.append("报尾有改动" if zh else "the end block differs")
    if [c.name for c in old.columns] != [c.name for c in new.columns]:
        out.append("栏目有改动" if zh else "the columns differ")
    matched: set[int] = set()
    for a in new.articles:
        twin = next(
            (
                b
                for b in old.articles
                if id(b) not in matched and (b.title, b.column) == (a.title, a.column) and (a.title or b == a)
            ),
            None,
        ) or next(
            (
                b
                for b in old.articles
                if id(b) not in matched and b.paragraphs[:1] == a.paragraphs[:1] and b.paragraphs
            ),
            None,
        )
        if twin is None:
            out.append(("新增 " if zh else "added ") + _label(a, lang))
            out += ["  + " + _clip(line) for line in _article_lines(a, lang)[:3]]
            continue
        matched.add(id(twin))
        if twin != a:
            out.append(("改动 " if zh else "changed ") + _label(a, lang))
            out += _changed_lines(_article_lines(twin, lang), _article_lines(a, lang))
    for b in old.articles:
        if id(b) not in matched:
            out.append(("删去 " if zh else "removed ") + _label(b, lang))
            out += ["  − " + _clip(line) for line in _article_lines(b, lang)[:3]]
    if len(out) > MAX_LINES:
        rest = len(out) - MAX_LINES + 1
        out = [*out[: MAX_LINES - 1], f"……另有 {rest} 行" if zh else f"… {rest} more lines"]
    return out or ["（内容相同）" if zh else "(the same content)"]

"""Merging two people's edits of one issue against the version both started from (git's three-way merge).

git merges text line by line, and an issue file puts a whole paragraph on one
line: two editors changing different sentences of one article would get
conflict markers, and markers break the TOML so the editor cannot open it.
Here the merge works on the issue itself: articles (paired as
:mod:`tui.model.matching` pairs them), their fields, their paragraphs, the
masthead and end-block fields, each merged three ways.  What only one side
changed is taken; what both changed alike is taken once; what both changed
differently is a conflict: this side's version stays in the text and the
other side's is kept whole in a ``merge.conflict`` note on the issue, which
the checks show like any finding until someone resolves it.  Nothing is lost
and the file stays valid.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from tui.model.issue import Article, Byline, Column, EndBlock, Issue, Masthead, Note
from tui.model.matching import match_articles

T = TypeVar("T", bound=Hashable)
V = TypeVar("V")
RULE = "merge.conflict"


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the same thing differently; ``ours`` stays, ``theirs`` is kept in a note."""

    where: str  # 报头·期号, 第3段, 标题…
    title: str  # the article it is in ("" for the masthead, end block, columns)
    field: str  # title | paragraph | byline | column | masthead.<key> | endblock.<key>
    ours: str
    theirs: str

    def note(self) -> Note:
        zh_where = f"「{self.title}」{self.where}" if self.title else self.where
        return Note(
            rule=RULE,
            severity="error",
            message=f"合并冲突：{zh_where}两个版本都改了。正文保留本方版本：{_short(self.ours)}；另一方版本：{self.theirs}",
            message_en=(
                f"merge conflict: both versions changed {zh_where}. The text keeps this side's: "
                f"{_short(self.ours)}; the other side's: {self.theirs}"
            ),
            source=self.theirs,
            field=self.field,
            title=self.title,
        )


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _hunks(base: Sequence[T], other: Sequence[T]) -> list[tuple[int, int, list[T]]]:
    ops = difflib.SequenceMatcher(None, base, other, autojunk=False).get_opcodes()
    return [(i1, i2, list(other[j1:j2])) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _version(
    base: Sequence[T], cluster: list[tuple[int, int, list[T], int]], side: int, start: int, end: int
) -> list[T]:
    """The region ``base[start:end]`` as ``side`` (0 ours, 1 theirs) changed it."""
    out: list[T] = []
    at = start
    for i1, i2, new, who in cluster:
        if who == side:
            out += list(base[at:i1]) + new
            at = i2
    return out + list(base[at:end])


def merge_lists(
    base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]
) -> tuple[list[T], list[tuple[list[T], list[T]]]]:
    """diff3 on sequences: the merged list, and each conflicting region as (ours, theirs) (ours kept)."""
    hunks = sorted(
        [(i1, i2, new, 0) for i1, i2, new in _hunks(base, ours)]
        + [(i1, i2, new, 1) for i1, i2, new in _hunks(base, theirs)],
        key=lambda h: (h[0], h[1]),
    )
    merged: list[T] = []
    conflicts: list[tuple[list[T], list[T]]] = []
    pos = 0
    k = 0
    while k < len(hunks):
        start, end = hunks[k][0], hunks[k][1]
        cluster = [hunks[k]]
        k += 1
        while k < len(hunks):
            i1, i2 = hunks[k][0], hunks[k][1]
            touching = i1 < end or (i1 == end and (i1 == i2 or start == end))
            if not touching:
                break
            cluster.append(hunks[k])
            end = max(end, i2)
            k += 1
        merged += base[pos:start]
        sides = {h[3] for h in cluster}
        if len(sides) == 1:
            merged += _version(base, cluster, sides.pop(), start, end)
        else:
            mine, other = _version(base, cluster, 0, start, end), _version(base, cluster, 1, start, end)
            merged += mine
            if mine != other:
                conflicts.append((mine, other))
        pos = end
    merged += base[pos:]
    return merged, conflicts


def _pick(base: V, ours: V, theirs: V) -> tuple[V, bool]:
    """A three-way choice of one value; True when both changed it differently (ours kept)."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def _union(base: list[V], ours: list[V], theirs: list[V]) -> list[V]:
    """Records (waivers, sign-offs, notes, comments): kept unless one side removed them; new ones from both."""
    kept = [x for x in ours if not (x in base and x not in theirs)]
    return kept + [x for x in theirs if x not in base and x not in ours]


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def value(
        self,
        base: V,
        ours: V,
        theirs: V,
        where: str,
        field: str,
        title: str = "",
        show: Callable[[V], str] = str,
    ) -> V:
        chosen, clash = _pick(base, ours, theirs)
        if clash:
            self.conflicts.append(Conflict(where, title, field, show(ours), show(theirs)))
        return chosen

    def article(self, base: Article, ours: Article, theirs: Article) -> Article:
        merged_title, clash = _pick(
            (base.title, base.title_breaks),
            (ours.title, ours.title_breaks),
            (theirs.title, theirs.title_breaks),
        )
        title = merged_title[0]  # a note names the article by the title it ends up with
        if clash and ours.title != theirs.title:
            self.conflicts.append(Conflict("标题", title, "title", ours.title, theirs.title))
        paragraphs, clashes = merge_lists(base.paragraphs, ours.paragraphs, theirs.paragraphs)
        for mine, other in clashes:
            where = "正文" if not mine else f"第{_paragraph_number(paragraphs, mine)}段"
            self.conflicts.append(
                Conflict(where, title, "paragraph", "\n".join(mine), "\n".join(other) or "（删去）")
            )
        return Article(
            column=self.value(base.column, ours.column, theirs.column, "栏目", "column", title),
            title=merged_title[0],
            title_breaks=merged_title[1],
            paragraphs=paragraphs,
            byline=self.value(base.byline, ours.byline, theirs.byline, "署名", "byline", title, _byline_text),
            comments=_union(base.comments, ours.comments, theirs.comments),
        )


def _paragraph_number(paragraphs: list[str], region: list[str]) -> int:
    for n in range(len(paragraphs) - len(region) + 1):
        if paragraphs[n : n + len(region)] == region:
            return n + 1
    return 1


def _byline_text(byline: Byline | None) -> str:
    return "（无署名）" if byline is None else "　".join([byline.unit, *byline.authors])


_MASTHEAD = {
    "name": "刊名",
    "edition": "刊别",
    "number": "期号",
    "cumulative": "总期号",
    "unit": "编印单位",
    "date": "日期",
}


def merge_issues(base: Issue, ours: Issue, theirs: Issue) -> tuple[Issue, list[Conflict]]:
    """The merged issue (conflicts recorded in its notes) and the conflicts."""
    m = _Merger()
    masthead = Masthead(
        **{
            key: m.value(
                getattr(base.masthead, key),
                getattr(ours.masthead, key),
                getattr(theirs.masthead, key),
                f"报头·{label}",
                f"masthead.{key}",
            )
            for key, label in _MASTHEAD.items()
        }
    )
    distribution, clashes = merge_lists(
        base.endblock.distribution, ours.endblock.distribution, theirs.endblock.distribution
    )
    for mine, other in clashes:
        m.conflicts.append(
            Conflict("报尾·送", "", "endblock.distribution", "\n".join(mine), "\n".join(other) or "（删去）")
        )
    endblock = EndBlock(
        distribution,
        m.value(
            base.endblock.editor,
            ours.endblock.editor,
            theirs.endblock.editor,
            "报尾·责任编辑",
            "endblock.editor",
        ),
        m.value(
            base.endblock.phone, ours.endblock.phone, theirs.endblock.phone, "报尾·电话", "endblock.phone"
        ),
    )
    columns = _columns(base, ours, theirs)
    articles = _articles(m, base, ours, theirs)
    notes = _union(base.notes, ours.notes, theirs.notes) + [c.note() for c in m.conflicts]
    merged = Issue(
        masthead=masthead,
        columns=columns,
        articles=articles,
        endblock=endblock,
        waivers=_union(base.waivers, ours.waivers, theirs.waivers),
        signoffs=_union(base.signoffs, ours.signoffs, theirs.signoffs),
        notes=notes,
    )
    return merged, m.conflicts


def _columns(base: Issue, ours: Issue, theirs: Issue) -> list[Column]:
    names, _ = merge_lists(
        [c.name for c in base.columns], [c.name for c in ours.columns], [c.name for c in theirs.columns]
    )
    kinds = {c.name: c for c in (*base.columns, *theirs.columns, *ours.columns)}
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return [dataclasses.replace(kinds[name]) for name in seen]


def _articles(m: _Merger, base: Issue, ours: Issue, theirs: Issue) -> list[Article]:
    to_ours = {i: j for j, i in match_articles(base.articles, ours.articles).items()}
    to_theirs = {i: k for k, i in match_articles(base.articles, theirs.articles).items()}
    of_ours = {j: i for i, j in to_ours.items()}
    of_theirs = {k: i for i, k in to_theirs.items()}
    key_base = [("o", i) for i in range(len(base.articles))]
    key_ours = [("o", of_ours[j]) if j in of_ours else ("a", j) for j in range(len(ours.articles))]
    key_theirs = [("o", of_theirs[k]) if k in of_theirs else ("b", k) for k in range(len(theirs.articles))]
    order, clashes = merge_lists(key_base, key_ours, key_theirs)
    for _mine, other in clashes:  # both reordered or inserted at one place: keep theirs' articles too
        order += [key for key in other if key not in order]
    order = list(dict.fromkeys(order))  # moved by both sides to different places: where it comes first
    # An article one side deleted and the other changed comes back, changed, with a note.
    for i, a in enumerate(base.articles):
        if ("o", i) in order:
            continue
        kept = (
            ours.articles[to_ours[i]]
            if i in to_ours
            else theirs.articles[to_theirs[i]]
            if i in to_theirs
            else None
        )
        if kept is not None and kept != a:
            side = order.index(("o", i - 1)) + 1 if ("o", i - 1) in order else len(order)
            order.insert(side, ("o", i))
            m.conflicts.append(
                Conflict(
                    "整篇",
                    kept.title or a.title,
                    "title",
                    "（一方删去了这篇稿件）",
                    "（另一方修改了它，已保留修改后的稿件）",
                )
            )
    out: list[Article] = []
    for origin, n in order:
        if origin == "a":
            out.append(ours.articles[n])
        elif origin == "b":
            added = theirs.articles[n]
            if added not in out:  # both added the same article
                out.append(added)
        else:
            was = base.articles[n]
            ours_now = ours.articles[to_ours[n]] if n in to_ours else was
            theirs_now = theirs.articles[to_theirs[n]] if n in to_theirs else was
            out.append(m.article(was, ours_now, theirs_now))
    return out

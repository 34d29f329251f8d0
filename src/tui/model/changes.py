"""What changed between two versions of an issue: article by article, and inside a paragraph character by character.

The director asks "what changed since I read it?".  A line diff of the TOML
answers in the file's terms (a paragraph is one line, so one changed
character shows the whole paragraph twice); this answers in the issue's:
articles added, removed, moved to another column or within their column,
retitled, and the changed stretches of each paragraph.

Chinese has no spaces between words, so a paragraph is compared character
by character; a change split by one or two unchanged characters (改了两处
相邻的字) is shown as one stretch, as a person would mark it by hand.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field
from typing import Literal

from tui.model.issue import Article, Byline, Issue
from tui.model.matching import match_articles

RunKind = Literal["same", "del", "ins"]
SHORT_SAME = 2  # an unchanged stretch this short between two changes joins them


@dataclass(frozen=True)
class Run:
    """A stretch of text: unchanged, deleted from the old version or inserted by the new."""

    kind: RunKind
    text: str


def char_runs(old: str, new: str) -> tuple[Run, ...]:
    """``old`` → ``new`` as runs: unchanged, then each changed stretch as its deletion and its insertion."""
    if old == new:
        return (Run("same", old),) if old else ()
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    # Chunks: (unchanged?, old text, new text); a short unchanged stretch between two changes joins them.
    chunks: list[tuple[bool, str, str]] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        a, b = old[i1:i2], new[j1:j2]
        inner = 0 < n < len(ops) - 1
        if tag == "equal" and not (inner and len(a) <= SHORT_SAME):
            chunks.append((True, a, b))
        elif chunks and not chunks[-1][0]:
            chunks[-1] = (False, chunks[-1][1] + a, chunks[-1][2] + b)
        else:
            chunks.append((False, a, b))
    runs: list[Run] = []
    for same, a, b in chunks:
        if same:
            runs.append(Run("same", a))
            continue
        if a:
            runs.append(Run("del", a))
        if b:
            runs.append(Run("ins", b))
    return tuple(runs)


@dataclass(frozen=True)
class ParagraphChange:
    kind: Literal["same", "added", "removed", "changed"]
    old_index: int | None  # 0-based paragraph of the old article
    new_index: int | None
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ArticleChange:
    kind: Literal["added", "removed", "changed"]
    old_index: int | None  # 0-based article of the old issue
    new_index: int | None
    old_column: str
    new_column: str
    old_title: str
    new_title: str
    title: tuple[Run, ...] = ()  # when retitled
    paragraphs: tuple[ParagraphChange, ...] = ()
    byline: tuple[str, str] | None = None  # (old, new) when it changed
    reordered: bool = False  # moved within the issue (another place in the print order)

    @property
    def moved(self) -> bool:
        """In another column."""
        return self.kind == "changed" and self.old_column != self.new_column

    @property
    def retitled(self) -> bool:
        return self.kind == "changed" and self.old_title != self.new_title

    @property
    def label(self) -> str:
        """The article as people name it: its title, or a brief's first words."""
        return self.new_title or self.old_title


@dataclass(frozen=True)
class FieldChange:
    """A masthead or end-block field, or the column list."""

    field: str  # masthead.number, endblock.distribution, columns…
    old: str
    new: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class IssueChanges:
    fields: tuple[FieldChange, ...] = ()
    articles: tuple[ArticleChange, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # added/removed/changed/moved/retitled/reordered

    @property
    def empty(self) -> bool:
        return not self.fields and not self.articles


def _byline_text(byline: Byline | None) -> str:
    return "" if byline is None else "　".join([byline.unit, *byline.authors]).strip("　")


def _brief_label(a: Article) -> str:
    first = a.paragraphs[0] if a.paragraphs else ""
    return first[:20] + ("…" if len(first) > 20 else "")


def _paragraph_changes(old: list[str], new: list[str]) -> tuple[ParagraphChange, ...]:
    return tuple(c for c in paragraph_script(old, new) if c.kind != "same")


def paragraph_script(old: list[str], new: list[str]) -> tuple[ParagraphChange, ...]:
    """Every paragraph of both versions in reading order: unchanged, changed (by character), removed, added."""
    out: list[ParagraphChange] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [
                ParagraphChange("same", i1 + k, j1 + k, (Run("same", old[i1 + k]),)) for k in range(i2 - i1)
            ]
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            a, b = old[i1 + k], new[j1 + k]
            if difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio() >= 0.3:
                out.append(ParagraphChange("changed", i1 + k, j1 + k, char_runs(a, b)))
            else:
                out.append(ParagraphChange("removed", i1 + k, None, (Run("del", a),)))
                out.append(ParagraphChange("added", None, j1 + k, (Run("ins", b),)))
        out += [ParagraphChange("removed", i, None, (Run("del", old[i]),)) for i in range(i1 + pairs, i2)]
        out += [ParagraphChange("added", None, j, (Run("ins", new[j]),)) for j in range(j1 + pairs, j2)]
    return tuple(out)


def _in_order(old_of_new: list[int]) -> set[int]:
    """The positions (in new) of the longest run of articles still in their old order."""
    tails: list[int] = []  # smallest old index ending an increasing run of each length
    tail_at: list[int] = []
    before: list[int] = [-1] * len(old_of_new)
    for pos, value in enumerate(old_of_new):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(pos)
        else:
            tails[k] = value
            tail_at[k] = pos
        before[pos] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(pos)
        pos = before[pos]
    return keep


def _text_field(name: str, old: str, new: str) -> FieldChange | None:
    return None if old == new else FieldChange(name, old, new, char_runs(old, new))


def _fields(old: Issue, new: Issue) -> list[FieldChange]:
    m, n = old.masthead, new.masthead
    e, f = old.endblock, new.endblock
    found = [
        _text_field(f"masthead.{key}", str(getattr(m, key)), str(getattr(n, key)))
        for key in ("name", "edition", "number", "cumulative", "unit", "date")
    ]
    found.append(
        _text_field("columns", "、".join(c.name for c in old.columns), "、".join(c.name for c in new.columns))
    )
    found.append(_text_field("endblock.distribution", "\n".join(e.distribution), "\n".join(f.distribution)))
    found += [_text_field(f"endblock.{key}", getattr(e, key), getattr(f, key)) for key in ("editor", "phone")]
    return [c for c in found if c is not None]


def _print_positions(issue: Issue) -> list[int]:
    """Each article's place in print (by its index in the list)."""
    at = {id(a): k for k, a in enumerate(a for _, group in issue.in_print_order() for a in group)}
    return [at[id(a)] for a in issue.articles]


def compare(old: Issue, new: Issue) -> IssueChanges:
    """Every change ``new`` makes to ``old``, in the new print order (a removed article where it stood)."""
    pairs = match_articles(old.articles, new.articles)
    # Order is the print order (columns in turn), not the order of the file's list: an article
    # listed elsewhere in the file but printed where it was has not moved.
    old_at, new_at = _print_positions(old), _print_positions(new)
    matched_new = sorted(pairs, key=lambda j: new_at[j])
    keep = _in_order([old_at[pairs[j]] for j in matched_new])
    reordered = {matched_new[pos] for pos in range(len(matched_new)) if pos not in keep}
    keyed: list[tuple[tuple[int, int, int], ArticleChange]] = []
    for j, b in enumerate(new.articles):
        i = pairs.get(j)
        if i is None:
            change = ArticleChange(
                "added",
                None,
                j,
                "",
                b.column,
                "",
                b.title or _brief_label(b),
                paragraphs=tuple(
                    ParagraphChange("added", None, k, (Run("ins", p),)) for k, p in enumerate(b.paragraphs)
                ),
                byline=("", _byline_text(b.byline)) if b.byline is not None else None,
            )
            keyed.append(((j, 0, 0), change))
            continue
        a = old.articles[i]
        if a == b and j not in reordered:
            continue
        old_byline, new_byline = _byline_text(a.byline), _byline_text(b.byline)
        change = ArticleChange(
            "changed",
            i,
            j,
            a.column,
            b.column,
            a.title or _brief_label(a),
            b.title or _brief_label(b),
            title=char_runs(a.title, b.title) if a.title != b.title else (),
            paragraphs=_paragraph_changes(a.paragraphs, b.paragraphs),
            byline=(old_byline, new_byline) if old_byline != new_byline else None,
            reordered=j in reordered,
        )
        if change.title or change.paragraphs or change.byline or change.moved or change.reordered:
            keyed.append(((j, 0, 0), change))
    placed_old = {i: j for j, i in pairs.items()}
    for i, a in enumerate(old.articles):
        if i in placed_old:
            continue
        after = max((placed_old[k] for k in range(i) if k in placed_old), default=-1)
        change = ArticleChange(
            "removed",
            i,
            None,
            a.column,
            "",
            a.title or _brief_label(a),
            "",
            paragraphs=tuple(
                ParagraphChange("removed", k, None, (Run("del", p),)) for k, p in enumerate(a.paragraphs)
            ),
            byline=(_byline_text(a.byline), "") if a.byline is not None else None,
        )
        keyed.append(((after, 1, i), change))
    articles = tuple(c for _, c in sorted(keyed, key=lambda kc: kc[0]))
    counts = {
        "added": sum(c.kind == "added" for c in articles),
        "removed": sum(c.kind == "removed" for c in articles),
        "changed": sum(c.kind == "changed" and bool(c.paragraphs or c.byline or c.title) for c in articles),
        "moved": sum(c.moved for c in articles),
        "retitled": sum(c.retitled for c in articles),
        "reordered": sum(c.reordered and not c.moved for c in articles),
    }
    return IssueChanges(tuple(_fields(old, new)), articles, counts)

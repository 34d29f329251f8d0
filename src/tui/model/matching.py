"""Which article of one version of an issue is which article of another.

Articles carry no identifier: the file is what people edit, and an ID would
be one more thing to keep right by hand.  Two versions of an issue (a file
handed back and forth, two branches of an archive) are paired the way a
person would pair them: the same title (in the same column first), then the
same first paragraph (a brief, or an article retitled), then the most
similar text, if similar enough to be the same article rewritten.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from tui.model.issue import Article

SIMILAR = 0.6  # the share of common text above which two articles are one article rewritten


def _body(a: Article) -> str:
    return a.title + "\n" + "\n".join(a.paragraphs)


def match_articles(old: list[Article], new: list[Article]) -> dict[int, int]:
    """``{index in new: index in old}`` for every article of ``new`` that is one of ``old``."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()

    def by(key: Callable[[Article], object]) -> None:
        waiting: dict[object, list[int]] = {}
        for i, a in enumerate(old):
            k = key(a)
            if i not in taken and k is not None:
                waiting.setdefault(k, []).append(i)
        for j, a in enumerate(new):
            k = key(a)
            if j in pairs or k is None or not waiting.get(k):
                continue
            i = waiting[k].pop(0)
            pairs[j] = i
            taken.add(i)

    by(lambda a: (a.column, a.title) if a.title else None)
    by(lambda a: a.title or None)
    by(lambda a: a.paragraphs[0] if a.paragraphs and a.paragraphs[0] else None)
    left_old = [i for i in range(len(old)) if i not in taken]
    left_new = [j for j in range(len(new)) if j not in pairs]
    if left_old and left_new:
        scored = []
        for j in left_new:
            text = _body(new[j])
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(text)
            for i in left_old:
                matcher.set_seq1(_body(old[i]))
                if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR:
                    ratio = matcher.ratio()
                    if ratio >= SIMILAR:
                        scored.append((ratio, j, i))
        for _ratio, j, i in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            if j not in pairs and i not in taken:
                pairs[j] = i
                taken.add(i)
    return pairs

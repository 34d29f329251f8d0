"""Paired marks (GB/T 15834: 引号、括号、书名号): every “”‘’《》（）【】〈〉 closed, in order, facing the right way.

Part of the typography family (checks/rules/typography.py runs it on each
segment): an opener without its closer, a closer without its opener, and a
pair written the wrong way round (”…“) are each a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.checks.rules.base import Segment, span
from tui.model.findings import Finding
from tui.model.i18n import Text

PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〈": "〉"}
CLOSERS = {v: k for k, v in PAIRS.items()}
_PAIR_MARKS = re.compile("[" + "".join(PAIRS) + "".join(CLOSERS) + "]")
_ALL_PAIRS = "".join(PAIRS) + "".join(CLOSERS)
# An innermost opener and closer: no paired mark between them (whether they pair is asked after).
# One pattern for all six pairs, not one alternative each: a class of Chinese marks costs
# 0.2 ms to compile, and the six alternatives held seven (in every check's start).
_INNERMOST = re.compile(
    f"[{re.escape(''.join(PAIRS))}][^{re.escape(_ALL_PAIRS)}]*[{re.escape(''.join(CLOSERS))}]"
)


def _well_nested(text: str) -> bool:
    """Every paired mark closed in order: the common case, decided at C speed.

    Innermost pairs are removed until none is left; whatever remains is a
    mark the full walk below must explain.
    """
    removed = True

    def unpaired(m: re.Match[str]) -> str:
        nonlocal removed
        span = m.group()
        if PAIRS[span[0]] != span[-1]:
            return span  # an opener closed by another's closer: left for the walk
        removed = True
        return ""

    while removed:
        removed = False
        text = _INNERMOST.sub(unpaired, text)
    return _PAIR_MARKS.search(text) is None


def unbalanced_pairs(seg: Segment) -> Iterator[Finding]:
    if _well_nested(seg.text):
        return
    stack: list[tuple[str, int]] = []
    bad: list[tuple[int, str]] = []
    for m in _PAIR_MARKS.finditer(seg.text):
        i, ch = m.start(), m.group()
        if ch in PAIRS:
            stack.append((ch, i))
        elif ch in CLOSERS:
            opener = CLOSERS[ch]
            if any(o == opener for o, _ in stack):
                while stack:
                    o, j = stack.pop()
                    if o == opener:
                        break
                    bad.append((j, o))
            else:
                bad.append((i, ch))
    bad += [(j, o) for o, j in stack]
    bad.sort()
    # A closer, then later the opener of the same pair, nothing of that pair between: 方向颠倒 (”…“).
    reversed_at: set[int] = set()
    for k, (i, ch) in enumerate(bad):
        if ch not in CLOSERS or i in reversed_at:
            continue
        opener = CLOSERS[ch]
        found = next((at for at, o in bad[k + 1 :] if o == opener and at not in reversed_at), None)
        if found is None or any(c in (ch, opener) for c in seg.text[i + 1 : found]):
            continue
        j = found
        reversed_at |= {i, j}
        kind = "引号" if ch in "”’" else "成对标点"
        yield span(
            seg,
            "typography.reversed-pair",
            "error",
            Text(
                f"{kind}方向颠倒：应为“{opener}…{ch}”",
                f"the paired marks face the wrong way: {opener}…{ch}",
            ),
            i,
            j + 1,
            opener + seg.text[i + 1 : j] + ch,
        )
    for i, ch in bad:
        if i in reversed_at:
            continue
        partner = PAIRS.get(ch) or CLOSERS[ch]
        yield span(
            seg,
            "typography.unbalanced-pair",
            "error",
            Text(f"“{ch}”没有配对的“{partner}”", f"“{ch}” has no matching “{partner}”"),
            i,
            i + 1,
        )

"""Breaking a long title into balanced lines, as typesetters set 公文 titles (梯形 or 菱形).

A title wider than the line is not filled line by line (which leaves one or
two characters alone on the last line): it is cut into as few lines as it
needs, of nearly equal length, an upper line no longer than the one below
(梯形, 上短下长).  A cut just after 区名： or another mark keeps the words
whole (词意完整) and is preferred when it is near; no line starts with a mark
that may not start a line (禁则).

The editor may also break a title by hand (Ctrl+J in the title field, for a
cut the rules cannot know: a name kept whole, a 菱形 layout).  The breaks are
part of the article (``title_breaks``, offsets where a line starts; stored as
``title_lines`` in the file) and every laid-out export prints them instead of
the balanced cut.  They follow the title through every edit: a replace or a
fix inside the title moves them with the text around them.
"""

from __future__ import annotations

import itertools
import math

from tui.model.issue import Article
from tui.model.linebreak import NO_LINE_END, NO_LINE_START, print_places

BREAK = "\n"  # how a title field shows and types the editor's own break

TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) characters on the 156 mm line
_GOOD_AFTER = "：，、；”’）》"  # a cut right after these keeps the words whole
NEAR = 3  # how far (in characters) from the even cut a natural cut may be


def balanced_lines(title: str, per_line: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """``title`` as the lines to print; one line if it fits."""
    width = print_places(title)
    if width <= per_line:
        return [title]
    count = math.ceil(width / per_line)
    lines: list[str] = []
    rest = title
    for left in range(count, 1, -1):
        target = len(rest) // left  # the lower lines take the extra character (上短下长)
        cut = _best_cut(rest, target, per_line)
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return lines


def _best_cut(text: str, target: int, per_line: int) -> int:
    """Where to end the line: near ``target``, after a natural mark if one is close, obeying 禁则."""
    candidates = [c for c in range(max(1, target - NEAR), min(len(text) - 1, target + 1) + 1)]
    fits = [c for c in candidates if print_places(text[:c]) <= per_line] or [target]

    def cost(c: int) -> tuple[int, int]:
        natural = 0 if text[c - 1] in _GOOD_AFTER else 1
        return (natural * NEAR + abs(c - target) if natural == 0 else 10 + abs(c - target), c)

    for c in sorted(fits, key=cost):
        if 0 < c < len(text) and text[c] not in NO_LINE_START and text[c - 1] not in NO_LINE_END:
            return c
    return min(max(1, target), len(text) - 1)


def title_lines(article: Article, per_line: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """The lines ``article``'s title prints on: the editor's own breaks if any, else balanced ones.

    A hand-made line still wider than the line is balanced within itself.
    """
    if not article.title_breaks:
        return balanced_lines(article.title, per_line)
    return [
        part
        for line in split_at(article.title, article.title_breaks)
        for part in balanced_lines(line, per_line)
    ]


def split_at(title: str, breaks: tuple[int, ...]) -> list[str]:
    """``title`` cut where each line starts."""
    cuts = [0, *breaks, len(title)]
    return [title[a:b] for a, b in itertools.pairwise(cuts)]


def with_breaks(article: Article) -> str:
    """The title as its field shows it: the editor's breaks as line breaks."""
    return BREAK.join(split_at(article.title, article.title_breaks))


def parse_typed(value: str) -> tuple[str, tuple[int, ...]]:
    """A title field's text as (title, breaks): an empty line or a break at either end is not a break."""
    lines = [line for line in value.split(BREAK) if line]
    return "".join(lines), breaks_of(lines)


def breaks_of(lines: list[str]) -> tuple[int, ...]:
    """Where each line after the first starts in the joined title."""
    breaks: list[int] = []
    offset = 0
    for line in lines[:-1]:
        offset += len(line)
        breaks.append(offset)
    return tuple(breaks)


def valid_breaks(title: str, breaks: tuple[int, ...]) -> bool:
    """Breaks strictly inside the title, in order, none twice."""
    return all(0 < b < len(title) for b in breaks) and list(breaks) == sorted(set(breaks))


def retitle(article: Article, title: str) -> None:
    """Give ``article`` a new title (a replace, a fix), the editor's breaks moved with the text around them.

    A break before the changed stretch stays, one after it shifts with it,
    one inside it goes to the end of the new text; one that would fall at an
    end of the title (the title got that short) is dropped.
    """
    old = article.title
    article.title = title
    if not article.title_breaks or old == title:
        return
    prefix = 0
    while prefix < min(len(old), len(title)) and old[prefix] == title[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(title)) - prefix and old[-1 - suffix] == title[-1 - suffix]:
        suffix += 1
    moved = []
    for b in article.title_breaks:
        if b <= prefix:
            moved.append(b)
        elif b >= len(old) - suffix:
            moved.append(b + len(title) - len(old))
        else:
            moved.append(len(title) - suffix)
    article.title_breaks = tuple(sorted({b for b in moved if 0 < b < len(title)}))

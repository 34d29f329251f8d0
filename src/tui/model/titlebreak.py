"""Breaking a long title into balanced lines, as typesetters set 公文 titles (梯形 or 菱形).

A title wider than the line is not filled line by line (which leaves one or
two characters alone on the last line): it is cut into as few lines as it
needs, of nearly equal length, an upper line no longer than the one below
(梯形, 上短下长).  A cut just after 区名： or another mark keeps the words
whole (词意完整) and is preferred when it is near; no line starts with a mark
that may not start a line (禁则).
"""

from __future__ import annotations

import math

from tui.model.linebreak import NO_LINE_END, NO_LINE_START, print_places

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

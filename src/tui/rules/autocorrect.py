"""autocorrect-py, configured for official Chinese style, as character spans.

autocorrect knows the CJK punctuation rules well, but its defaults suit
technical writing: it inserts spaces between Chinese and digits
(``space-word``) and turns U+3000 into ASCII spaces (``halfwidth-word``).
Both are off here.  It reports whole changed lines, so each line's old and
new text are diffed to get the spans and their replacements.
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from functools import cache

CONFIG = {
    "rules": {
        "space-word": 0,
        "space-punctuation": 0,
        "space-bracket": 0,
        "space-backticks": 0,
        "space-dash": 0,
        "fullwidth": 1,
        "no-space-fullwidth": 1,
        "no-space-fullwidth-quote": 1,
        "halfwidth-word": 0,
        "halfwidth-punctuation": 0,
        "spellcheck": 0,
    }
}


@cache
def _engine():  # type: ignore[no-untyped-def]
    """Import and configure once; the configuration is process-wide in autocorrect."""
    import autocorrect_py

    autocorrect_py.load_config(json.dumps(CONFIG))
    return autocorrect_py


def changes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each change autocorrect would make to ``text``."""
    if not text.strip():
        return []
    result = _engine().lint_for(text, "text")
    if not result.lines:
        return []
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    out: list[tuple[int, int, str]] = []
    for line_result in result.lines:
        old, new = line_result.old, line_result.new
        row = line_result.line - 1
        if not 0 <= row < len(lines):
            continue
        base = offsets[row] + max(lines[row].find(old), 0)
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op != "equal":
                out.append((base + i1, base + i2, new[j1:j2]))
    return out

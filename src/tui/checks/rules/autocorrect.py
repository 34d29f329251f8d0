"""autocorrect-py, configured for official Chinese style, as character spans.

autocorrect knows the CJK punctuation rules well, but its defaults suit
technical writing: it inserts spaces between Chinese and digits
(``space-word``) and turns U+3000 into ASCII spaces (``halfwidth-word``).
Both are off here.  It reports whole changed lines, so each line's old and
new text are diffed to get the spans and their replacements.  Where every
mark a text holds is in a context whose outcome is known (a half-width
comma after a Chinese character, a decimal point), its answer is worked out
here without loading autocorrect (``answered_here``).
"""

from __future__ import annotations

import re
from _thread import allocate_lock  # threading's Lock without loading threading (0.7 ms a check)
from collections import OrderedDict
from functools import cache
from typing import Any

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


def _config_json() -> str:
    """CONFIG as JSON (rule names and 0/1 only; without importing json, which a check need not load)."""
    rules = ", ".join(f'"{name}": {int(level)}' for name, level in CONFIG["rules"].items())
    return '{"rules": {' + rules + "}}"


@cache
def _engine() -> Any:
    """Import and configure once; the configuration is process-wide in autocorrect."""
    import autocorrect_py

    autocorrect_py.load_config(_config_json())  # type: ignore[attr-defined]  # the package ships no stubs
    return autocorrect_py


_ASCII = re.compile(r"[\x00-\x7f]")  # what autocorrect, as configured, replaces


def _spans(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) turning ``old`` into ``new``.

    autocorrect, as configured here, substitutes single marks (, → ，) and
    deletes spaces; a two-pointer walk finds those in one pass.  Anything
    else falls back to difflib, which is exact but much slower.
    """
    if len(old) == len(new):  # substitutions only: look where a mark could have changed
        subs = [(k, k + 1, new[k]) for k in (m.start() for m in _ASCII.finditer(old)) if new[k] != old[k]]
        if _apply(old, subs) == new:
            return subs
    out: list[tuple[int, int, str]] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            i += 1
            j += 1
        elif old[i].isspace() and (j >= len(new) or old[i] != new[j]):
            start = i
            while i < len(old) and old[i].isspace() and old[i] != new[j]:
                i += 1
            out.append((start, i, ""))
        else:
            out.append((i, i + 1, new[j]))
            i += 1
            j += 1
    if i < len(old):
        out.append((i, len(old), ""))
    elif j < len(new):
        out.append((i, i, new[j:]))
    if _apply(old, out) == new:
        return _merge(out)
    from difflib import SequenceMatcher  # the rare change the walk cannot explain

    return [
        (i1, i2, new[j1:j2])
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if op != "equal"
    ]


def _apply(old: str, spans: list[tuple[int, int, str]]) -> str:
    parts, pos = [], 0
    for start, end, repl in spans:
        parts += [old[pos:start], repl]
        pos = end
    parts.append(old[pos:])
    return "".join(parts)


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent changes become one (a space deleted next to a replaced mark)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, repl in spans:
        if merged and merged[-1][1] == start and (not repl or not merged[-1][2]):
            s0, _, r0 = merged[-1]
            merged[-1] = (s0, end, r0 + repl)
        else:
            merged.append((start, end, repl))
    return merged


class LintCache:
    """Texts already linted, least recently used first out, bounded by their total length.

    A re-check after a structural edit or a keystroke then lints only what
    changed (a full re-check of 300 articles: 160 -> 65 ms).  Bounded by
    characters rather than entries: the versions a long paragraph goes
    through while it is typed must not pile up.  The editor's check worker
    and its UI thread both use it, hence the lock.
    """

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self._entries: OrderedDict[str, tuple[tuple[int, int, str], ...]] = OrderedDict()
        self._chars = 0
        self._lock = allocate_lock()

    def get(self, text: str) -> tuple[tuple[int, int, str], ...] | None:
        with self._lock:
            found = self._entries.get(text)
            if found is not None:
                self._entries.move_to_end(text)
            return found

    def put(self, text: str, value: tuple[tuple[int, int, str], ...]) -> None:
        with self._lock:
            if text in self._entries or len(text) > self.max_chars:
                return
            self._entries[text] = value
            self._chars += len(text)
            while self._chars > self.max_chars:
                old, _ = self._entries.popitem(last=False)
                self._chars -= len(old)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._chars = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def chars(self) -> int:
        return self._chars


# About 4 MB of text: the 575,000-character synthetic issue three times over.
LINT_CACHE = LintCache(max_chars=2_000_000)


# What the rules enabled above act on: ASCII punctuation (to make it full-width)
# and whitespace (beside full-width marks).  A text with neither cannot change,
# so autocorrect is not asked (most paragraphs of official prose hold only
# Chinese, full-width marks and digits).  tests/test_rules.py checks this
# against autocorrect itself on random text.
_MAY_CHANGE = re.compile(r"[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\s]")


# What autocorrect, as configured, does to a mark in the contexts official prose puts it in,
# worked out on random text (tests/test_rules.py compares ``answered_here`` with autocorrect
# itself).  Its first call costs 8-12 ms and 9 MB for its rule tables; a half-width comma
# after a Chinese character, the most common slip, should not pay for them.
_TURNED_AFTER_HAN = {",": "，", "?": "？"}  # after a Chinese character, whatever follows
_TURNED_BETWEEN_HAN = {".": "。", ":": "：", "!": "！"}  # between two, when it is the text's only one
_KEPT = frozenset("\"%&'()+-;")  # left as they are (whitespace beside any mark goes to autocorrect)
_FULLWIDTH_MARKS = frozenset("“”‘’《》（）【】〈〉，。、；：？！…—")  # a , or ? after one is left as it is


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def answered_here(text: str) -> tuple[tuple[int, int, str], ...] | None:
    """autocorrect's changes to ``text`` when every mark it could change is in a known context; else None.

    Whitespace next to a mark, ``/`` (autocorrect leaves a line that starts
    like a path alone), ``#``, backquotes and the like, and marks in any
    other context are autocorrect's to judge: None.
    """
    out: list[tuple[int, int, str]] = []
    last = len(text) - 1
    for m in _MAY_CHANGE.finditer(text):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i else ""
        after = text[i + 1] if i < last else ""
        if after.isspace() or (before.isspace() and ch != " "):
            return None
        if ch in _TURNED_AFTER_HAN and _han(before):
            out.append((i, i + 1, _TURNED_AFTER_HAN[ch]))
        elif ch in _TURNED_BETWEEN_HAN and _han(before) and _han(after):
            if sum(map(text.count, _TURNED_BETWEEN_HAN)) != 1:
                return None  # autocorrect skips every other one of these between runs of Chinese
            out.append((i, i + 1, _TURNED_BETWEEN_HAN[ch]))
        elif not _left_alone(ch, before, after):
            return None
    return tuple(out)


def _left_alone(ch: str, before: str, after: str) -> bool:
    """autocorrect leaves ``ch`` as it is between ``before`` and ``after`` (neither whitespace)."""
    if ch in _KEPT:
        return True
    if ch in _TURNED_AFTER_HAN:
        return before in _FULLWIDTH_MARKS or before in _KEPT
    if ch in ".:":
        return before.isascii() and before.isdigit()  # 1.5, 8:30, 1.组织…
    if ch == " ":
        return _han_or_alnum(before) and _han_or_alnum(after)
    return False


def _han_or_alnum(ch: str) -> bool:
    return _han(ch) or (ch.isascii() and ch.isalnum())


def changes(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, replacement) for each change autocorrect would make to ``text``."""
    if _MAY_CHANGE.search(text) is None:
        return ()
    known = answered_here(text)
    if known is not None:
        return known
    found = LINT_CACHE.get(text)
    if found is None:
        found = _changes(text)
        LINT_CACHE.put(text, found)
    return found


CHUNK = 50_000  # autocorrect's parser gives up ("call limit reached") somewhere past 200,000 characters
_SENTENCE_ENDS = "。！？；\n"


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a long text after a sentence's end, each at most CHUNK characters."""
    out = []
    start = 0
    while len(text) - start > CHUNK:
        window = text[start : start + CHUNK]
        cut = max(window.rfind(ch) for ch in _SENTENCE_ENDS) + 1
        if cut <= CHUNK // 2:  # no sentence end near: cut where the window ends
            cut = CHUNK
        out.append((start, text[start : start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def _changes(text: str) -> tuple[tuple[int, int, str], ...]:
    if len(text) > CHUNK:
        return tuple(
            (offset + a, offset + b, repl)
            for offset, piece in _chunks(text)
            for a, b, repl in _changes(piece)
        )
    if not text.strip():
        return ()
    result = _engine().lint_for(text, "text")
    if not result.lines:
        return ()
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
        out += [(base + start, base + end, repl) for start, end, repl in _spans(old, new)]
    return tuple(out)

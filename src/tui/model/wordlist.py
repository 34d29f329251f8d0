"""Word-list entries: a wrong form, its correction, and when the entry applies.

The language checks match curated lists (shipped with jianbao, and a house's
own in bulletin.toml) against running text.  A list is only as good as its
precision: many wrong forms are also the seam between two right words
(按排 in 按排名顺序, 以法治 in 以法治思维), so an entry can say what must not
come before or after it.  The conditions are regular expressions matched
right after the entry (``after``/``not_after``) or right before it
(``before``/``not_before``).
"""

from __future__ import annotations

from typing import NamedTuple

# The rules a list entry may belong to (what its finding is called).
LIST_RULES = (
    "wording.typo",
    "wording.confusable",
    "standard.term",
    "standard.sensitive",
)


class WordEntry(NamedTuple):
    """A word-list entry: the wrong form, its correction, the rule that reports it, and why."""

    wrong: str
    right: str  # the correction; empty: the wrong form is to be rewritten, no single replacement
    rule: str = "wording.typo"
    source: str = ""  # where the entry comes from (a dictionary, a standard, the house)
    note: str = ""  # a word on why, shown in the finding
    after: str = ""
    not_after: str = ""
    before: str = ""
    not_before: str = ""


class LanguageSettings(NamedTuple):
    """A house's additions to the shipped lists, and the shipped entries it switches off."""

    off: tuple[str, ...] = ()  # shipped entries switched off, by their wrong form
    entries: tuple[WordEntry, ...] = ()

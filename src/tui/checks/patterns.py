"""Regular expressions compiled the first time they are used.

``jianbao check`` starts a fresh process for each run and the editor imports
every rule at start-up, but most runs need few of the language rules'
patterns: their quick tests (a character that must be present) skip the
rest.  Compiling a large alternation costs milliseconds, so the patterns
of the rules compile lazily; the start-up budgets (docs/performance.md)
count every millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class LazyPattern:
    """A pattern with the methods of :class:`re.Pattern` the rules use, compiled on first use."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def subn(self, repl: str | Callable[[re.Match[str]], str], text: str) -> tuple[str, int]:
        return self.compiled.subn(repl, text)


def lazy(source: str) -> LazyPattern:
    return LazyPattern(source)

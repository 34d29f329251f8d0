"""Language choice and bilingual text.

jianbao speaks Chinese unless the user asks for English, so every user-facing
message is carried as a (zh, en) pair and rendered late, once the language is
known.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """A message in both languages; pick one with :meth:`get`."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def __add__(self, other: Text) -> Text:
        return Text(self.zh + other.zh, self.en + other.en)


def _lang_of_locale(value: str) -> Lang:
    value = value.strip()
    if not value or value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
        return "zh"
    return "zh" if value.lower().startswith("zh") else "en"


def resolve_lang(explicit: str | None = None, env: Mapping[str, str] | None = None) -> Lang:
    """Decide the UI language.

    Order: ``--lang``, then ``JIANBAO_LANG``, then the POSIX locale variables
    (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; the first that is set wins).  An unset
    locale, ``C`` and ``POSIX`` mean Chinese: only a locale that names another
    language explicitly (``en_US.UTF-8``) switches to English.
    """
    env = os.environ if env is None else env
    for value in (explicit, env.get("JIANBAO_LANG")):
        if value:
            value = value.strip().lower()
            if value.startswith("zh"):
                return "zh"
            if value.startswith("en"):
                return "en"
            return _lang_of_locale(value)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return _lang_of_locale(value)
    return "zh"


def counted(n: int, noun: str) -> str:
    """An English count: ``1 error``, ``2 errors``; ``info`` is a mass noun and stays as it is."""
    return f"{n} {noun}" if n == 1 or noun == "info" else f"{n} {noun}s"

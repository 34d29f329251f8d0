"""Reading word lists: the ones shipped with jianbao, and a house's own in bulletin.toml.

A list file groups entries by the rule they report under, each group with
the source it comes from, one entry per line::

    format = "jianbao-wordlist/1"
    [[group]]
    rule = "wording.typo"
    source = "《现代汉语词典》（第7版）词形"
    entries = '''
    按排 安排 not_after=[名序查放]
    凑效 奏效
    '''

A line is ``WRONG RIGHT [after=RE] [not_after=RE] [before=RE]
[not_before=RE] [note=TEXT]`` (RIGHT ``-`` when there is no single
replacement).  The line format keeps hundreds of entries readable and
quick to read: ``jianbao check`` parses them at every start.  A house's
own entries are TOML tables in bulletin.toml's ``[language]``.  A mistake
in a list (a bad pattern, an unknown field) is a load error that names the
file, the line and the field, like any other file jianbao reads.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from tui.files.shipped import shipped
from tui.files.storage import locate
from tui.files.tomlread import FieldError, Table, join
from tui.model.errors import LoadError
from tui.model.i18n import Text
from tui.model.wordlist import LIST_RULES, LanguageSettings, WordEntry

LIST_FORMAT = "jianbao-wordlist/1"
SHIPPED = ("wording.toml", "standard.toml")
_CONDITIONS = ("after", "not_after", "before", "not_before")


def read_entry(t: Table, rule: str, source: str) -> WordEntry:
    """One entry; ``rule`` and ``source`` come from its group unless it names its own."""
    wrong = t.string("wrong")
    if not wrong.strip():
        raise FieldError(join(t.path, "wrong"), Text("不能为空", "must not be empty"))
    conditions = {key: t.string(key, "") for key in _CONDITIONS}
    for key, pattern in conditions.items():
        _valid_pattern(pattern, join(t.path, key))
    entry = WordEntry(
        wrong=wrong,
        right=t.string("right", ""),
        rule=t.choice("rule", LIST_RULES, rule),
        source=t.string("source", source),
        note=t.string("note", ""),
        **conditions,
    )
    t.finish()
    return entry


def _valid_pattern(pattern: str, field: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise FieldError(
            field, Text(f"正则表达式有误：{exc}", f"not a valid regular expression: {exc}")
        ) from None


def parse_line(line: str, rule: str, source: str, field: str) -> WordEntry:
    """One entry of the line format; ``field`` names it in an error (``group[0].entries`` line 3)."""
    wrong, *rest = line.split()
    if not rest:
        raise FieldError(
            field, Text("缺少更正（无单一更正时写“-”）", "no correction (write - if there is none)")
        )
    right, options = rest[0], rest[1:]
    values: dict[str, str] = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or key not in (*_CONDITIONS, "note"):
            known = "、".join((*_CONDITIONS, "note"))
            raise FieldError(
                field,
                Text(f"无法识别“{option}”（可用：{known}）", f"cannot read {option!r} (known: {known})"),
            )
        values[key] = value
    return WordEntry(wrong, "" if right == "-" else right, rule, source, **values)


def _entries_of(data: dict[str, object], text: str) -> tuple[WordEntry, ...]:
    t = Table(data)
    fmt = t.string("format")
    if fmt != LIST_FORMAT:
        raise FieldError(
            "format",
            Text(f"不支持的词表版本 {fmt!r}；已知版本：{LIST_FORMAT}", f"unknown list version {fmt!r}"),
        )
    out: list[WordEntry] = []
    for group in t.tables("group", required=True):
        rule = group.choice("rule", LIST_RULES)
        source = group.string("source")
        path = join(group.path, "entries")
        for n, line in enumerate(group.string("entries").splitlines()):
            if line.strip() and not line.lstrip().startswith("#"):
                out.append(parse_line(line, rule, source, f"{path}#{n}"))
        group.finish()
    t.finish()
    return tuple(out)


def loads_wordlist(text: str, file: str) -> tuple[WordEntry, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(Text(f"TOML 语法错误：{exc}", f"TOML syntax error: {exc}"), file=file) from None
    try:
        return _entries_of(data, text)
    except FieldError as exc:
        path, _, offset = exc.path.partition("#")
        line = locate(text, path)
        if line is not None and offset:
            line += int(offset) + 1  # the string starts on the line after its key
        raise LoadError(exc.message, file=file, line=line, field=path) from None


@cache
def shipped_entries() -> tuple[WordEntry, ...]:
    """Every entry of the lists inside the package, read once per process.

    Their patterns are not compiled here (a test compiles every one): the
    matcher compiles a condition the first time a hit needs it.
    """
    folder = shipped("defaults")
    out: list[WordEntry] = []
    for name in SHIPPED:
        out += loads_wordlist((folder / name).read_text(encoding="utf-8"), f"<jianbao>/defaults/{name}")
    return tuple(out)


def read_language(t: Table) -> LanguageSettings:
    """bulletin.toml's ``[language]``: ``off`` (shipped entries by their wrong form) and ``[[language.entries]]``."""
    off = tuple(t.str_list("off", required=False))
    entries = tuple(read_entry(e, "wording.typo", "本刊词表（bulletin.toml）") for e in t.tables("entries"))
    t.finish()
    return LanguageSettings(off, entries)

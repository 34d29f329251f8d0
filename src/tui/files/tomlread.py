"""Typed, path-aware reading of parsed TOML.

``tomllib`` gives plain dicts; this turns "wrong type" and "missing key" into
messages that name the field's path (``articles[3].byline.unit``) so a user
who hand-edited the file knows where to look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

from tui.model.i18n import Text

T = TypeVar("T")
S = TypeVar("S", bound=str)

_TYPE_NAMES = {
    str: Text("字符串", "a string"),
    int: Text("整数", "an integer"),
    float: Text("小数", "a float"),
    bool: Text("布尔值", "a boolean"),
    list: Text("数组", "an array"),
    dict: Text("表", "a table"),
    dt.date: Text("日期", "a date"),
    dt.datetime: Text("日期时间", "a date-time"),
    dt.time: Text("时间", "a time"),
}


def type_name(value: Any) -> Text:
    for kind in (bool, dt.datetime, dt.date, dt.time, str, int, float, list, dict):
        if isinstance(value, kind):
            return _TYPE_NAMES[kind]
    return Text(type(value).__name__, type(value).__name__)


class FieldError(Exception):
    """A structural problem at ``path``; storage adds file and line."""

    def __init__(self, path: str, message: Text) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message.en}")


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Table:
    """A TOML table being read; :meth:`finish` rejects keys nobody asked for."""

    def __init__(self, data: dict[str, Any], path: str = "") -> None:
        self.data = data
        self.path = path
        self._seen: set[str] = set()

    def _get(self, key: str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self.data:
            if required:
                raise FieldError(join(self.path, key), Text("缺少必填字段", "required field is missing"))
            return None
        return self.data[key]

    def _typed(self, key: str, kind: type[T], required: bool, hint: Text | None = None) -> T | None:
        value = self._get(key, required)
        if value is None:
            return None
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is dt.date and isinstance(value, dt.datetime):
            ok = False
        if not ok:
            msg = (
                Text("应为", "expected ") + _TYPE_NAMES[kind] + Text("，实际为", ", got ") + type_name(value)
            )
            if hint:
                msg = msg + hint
            raise FieldError(join(self.path, key), msg)
        return cast(T, value)  # checked against kind just above

    def _required(self, key: str, kind: type[T], hint: Text | None = None) -> T:
        value = self._typed(key, kind, True, hint)
        assert value is not None  # _get raised for a missing required field
        return value

    def string(self, key: str, default: str | None = None) -> str:
        if default is None:
            return self._required(key, str)
        value = self._typed(key, str, False)
        return default if value is None else value

    def integer(self, key: str, *, minimum: int | None = None) -> int:
        value = self.optional_integer(key, minimum=minimum, required=True)
        assert value is not None  # required: _get raised if it were missing
        return value

    def optional_integer(self, key: str, *, minimum: int | None = None, required: bool = False) -> int | None:
        value = self._typed(key, int, required)
        if value is not None and minimum is not None and value < minimum:
            raise FieldError(
                join(self.path, key),
                Text(f"应不小于 {minimum}，实际为 {value}", f"must be at least {minimum}, got {value}"),
            )
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._typed(key, bool, False)
        return default if value is None else value

    def date(self, key: str) -> dt.date:
        hint = Text("（日期不加引号，如 2025-11-14）", " (write a date without quotes, e.g. 2025-11-14)")
        return self._required(key, dt.date, hint)

    def datetime(self, key: str) -> dt.datetime:
        hint = Text(
            "（日期时间不加引号，如 2025-11-14T09:30:00+08:00）",
            " (write a date-time without quotes, e.g. 2025-11-14T09:30:00+08:00)",
        )
        return self._required(key, dt.datetime, hint)

    def choice(self, key: str, allowed: tuple[S, ...], default: S | None = None) -> S:
        value = self.string(key, default)
        if value not in allowed:
            listed = "、".join(allowed)
            raise FieldError(
                join(self.path, key),
                Text(
                    f"取值“{value}”无效，应为：{listed}",
                    f"invalid value {value!r}; expected one of: {', '.join(allowed)}",
                ),
            )
        return value

    def str_list(self, key: str, *, required: bool = True) -> list[str]:
        items = self._typed(key, list, required)
        if items is None:
            return []
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise FieldError(
                    join(join(self.path, key), i),
                    Text("应为字符串，实际为", "expected a string, got ") + type_name(item),
                )
        return list(items)

    def table(self, key: str, *, required: bool = True) -> Table | None:
        value = self._typed(key, dict, required)
        return None if value is None else Table(value, join(self.path, key))

    def tables(self, key: str, *, required: bool = False) -> Iterator[Table]:
        items = self._typed(key, list, required) or []
        for i, item in enumerate(items):
            path = join(join(self.path, key), i)
            if not isinstance(item, dict):
                raise FieldError(path, Text("应为表，实际为", "expected a table, got ") + type_name(item))
            yield Table(item, path)

    def read(self, key: str, reader: Callable[[Table], T]) -> T:
        """A required sub-table, read by ``reader``."""
        value = self.optional(key, reader, required=True)
        assert value is not None  # required: _get raised if it were missing
        return value

    def optional(self, key: str, reader: Callable[[Table], T], *, required: bool = False) -> T | None:
        table = self.table(key, required=required)
        return None if table is None else reader(table)

    def finish(self) -> None:
        unknown = [k for k in self.data if k not in self._seen]
        if unknown:
            known = ", ".join(sorted(self._seen))
            raise FieldError(
                join(self.path, unknown[0]),
                Text(f"未知字段（可用字段：{known}）", f"unknown field (known fields: {known})"),
            )

"""What the issue model's classes share: equality and repr written once, not compiled for each class.

On Python 3.11 ``@dataclass`` writes each class's ``__init__``, ``__repr__``
and ``__eq__`` as source and compiles each with ``exec`` when the module is
imported: the ten classes of the issue model cost 4.3 ms at every start of
``jianbao check`` and of the editor, 2.6 ms of it their ``__repr__`` and
``__eq__``.  They are declared ``@dataclass(repr=False, eq=False)`` and take
those two from :class:`Record`, which does what the generated ones do: equal
when of the same class with equal fields (compared as tuples, in field
order), unhashable (mutable and compared by value), and shown as
``Name(field=value, ...)``.  They stay dataclasses in every other way
(``fields``, ``replace``, ``asdict``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

_COMPARED: dict[type, tuple[str, ...]] = {}


def _compared(cls: type) -> tuple[str, ...]:
    """The names of ``cls``'s fields that take part in equality, in order (worked out once a class)."""
    names = _COMPARED.get(cls)
    if names is None:
        names = _COMPARED[cls] = tuple(f.name for f in fields(cls) if f.compare)
    return names


class Record:
    """The base of the issue model's dataclasses: a dataclass's ``__eq__`` and ``__repr__``, shared."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # as a dataclass that compares by value and may change

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in _compared(type(self))])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record) and other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __repr__(self) -> str:
        own = fields(self)  # type: ignore[arg-type]  # every Record is a dataclass; mypy cannot know it
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in own if f.repr)
        return f"{type(self).__qualname__}({shown})"

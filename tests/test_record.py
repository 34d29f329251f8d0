"""The issue model's shared equality and repr (model/record.py) behave as the ones dataclasses write."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tui.files.storage import load_issue
from tui.model import issue as model
from tui.model.record import Record

MODEL = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and issubclass(cls, Record) and cls is not Record
]


def _reference(cls: type) -> type:
    """The same class as dataclasses would write it, with its own ``__eq__`` and ``__repr__``."""
    spec = [
        (
            f.name,
            f.type,
            dataclasses.field(
                default=f.default, default_factory=f.default_factory, repr=f.repr, compare=f.compare
            ),
        )
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(cls.__name__, spec)


def _objects(sample_toml: Path) -> list[Any]:
    """Every model object of the sample issue (with a waiver, a comment, a sign-off and a note added)."""
    issue = load_issue(sample_toml)
    at = dt.datetime(2025, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    issue.articles[0].comments.append(model.Comment("王校对", "请核对数字", at))
    found: list[Any] = []

    def walk(value: Any) -> None:
        if isinstance(value, Record):
            found.append(value)
            for f in dataclasses.fields(value):  # type: ignore[arg-type]  # a Record is a dataclass
                walk(getattr(value, f.name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(issue)
    return found


def test_every_model_class_is_a_record() -> None:
    assert len(MODEL) == 10
    for cls in MODEL:
        assert dataclasses.is_dataclass(cls)
        assert "__eq__" not in vars(cls) and "__repr__" not in vars(cls)  # shared, not written again


def test_repr_and_equality_are_the_dataclass_ones(sample_toml: Path) -> None:
    objects = _objects(sample_toml)
    assert {type(o) for o in objects} >= {model.Issue, model.Article, model.Byline, model.Comment}
    for obj in objects:
        ref_cls = _reference(type(obj))
        values = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init}
        assert repr(obj) == repr(ref_cls(**values))
        twin = copy.deepcopy(obj)
        assert obj == twin
        assert obj.__ne__(twin) is False  # != follows == (object.__ne__ inverts __eq__)
        for f in dataclasses.fields(obj):
            changed = copy.deepcopy(obj)
            setattr(changed, f.name, object())
            assert (obj == changed) == (not f.compare), (type(obj).__name__, f.name)
            ref_a, ref_b = ref_cls(**values), ref_cls(**values)
            setattr(ref_b, f.name, object())
            assert (obj == changed) == (ref_a == ref_b)


def test_a_model_object_is_never_equal_to_another_kind_and_is_not_hashable() -> None:
    column, byline = model.Column("监督纵横"), model.Byline("监督纵横")
    assert column != byline and byline != column
    assert column != ("监督纵横", "articles")
    with pytest.raises(TypeError):
        hash(column)

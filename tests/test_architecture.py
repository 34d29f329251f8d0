"""The layers, checked: what each part of jianbao may import, and the nevers.

model → files → checks, importers, exporters → session → cli, app.  Nothing
imports upward; the three middle parts do not import each other; only app/
imports Textual; the CLI imports the app inside the command that runs it,
never at start-up (so `jianbao check` stays free of Textual).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "tui"
LAYER = {
    "model": 0,
    "files": 1,
    "checks": 2,
    "importers": 2,
    "exporters": 2,
    "session": 3,
    "cli": 4,
    "app": 4,
}


def _part(module: str) -> str | None:
    """The part of jianbao a dotted module belongs to (``tui.files.storage`` → files)."""
    pieces = module.split(".")
    if pieces[0] != "tui" or len(pieces) < 2:
        return None
    return pieces[1] if pieces[1] in LAYER else None


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module, at top level) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] if node.module == "tui" else [node.module]
            found += [(name, id(node) in top) for name in names]
    return found


MODULES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_upward_or_sideways(path: Path) -> None:
    own = _part("tui." + ".".join(path.relative_to(SRC).with_suffix("").parts))
    if own is None:
        return  # tui/__init__.py, tui/__main__.py
    for module, top_level in _imports(path):
        other = _part(module)
        if other is None or other == own:
            continue
        if own == "cli" and other == "app":
            assert not top_level, f"{path}: the CLI imports the app only inside `edit` ({module})"
            continue
        assert LAYER[other] < LAYER[own], f"{path} ({own}) imports {module} ({other})"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_app_imports_textual(path: Path) -> None:
    if path.relative_to(SRC).parts[0] == "app":
        return
    for module, _ in _imports(path):
        assert module.split(".")[0] not in ("textual", "rich"), f"{path} imports {module}"


def test_every_part_is_known() -> None:
    parts = {
        p.name for p in SRC.iterdir() if (p.is_dir() and (p / "__init__.py").exists()) or p.suffix == ".py"
    }
    parts = {p.removesuffix(".py") for p in parts} - {"__init__", "__main__"}
    assert parts == set(LAYER), parts


def test_every_field_a_rule_reports_is_in_the_field_registry(sample_toml) -> None:  # type: ignore[no-untyped-def]  # fixture
    from tui.checks.rules import check_issue
    from tui.files.config import default_house
    from tui.files.storage import load_issue
    from tui.model.fields import FIELDS, field_info

    fields = {f.location.field for f in check_issue(load_issue(sample_toml), default_house())}
    assert fields and all(field_info(field) is not None for field in fields), fields
    assert all(info.widget is None or info.widget.islower() for info in FIELDS.values())


def test_the_app_overrides_no_private_textual_name_but_the_error_hook() -> None:
    """Public Textual API only: the one exception is App._handle_exception (no public hook exists)."""
    import importlib
    import inspect
    import pkgutil

    import textual

    import tui.app

    allowed = {("JianbaoApp", "_handle_exception")}
    found = set()
    for info in pkgutil.iter_modules(tui.app.__path__):
        module = importlib.import_module(f"tui.app.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            textual_bases = [b for b in cls.__mro__[1:] if b.__module__.startswith(textual.__name__)]
            for attr, value in cls.__dict__.items():
                if not inspect.isfunction(value) or not attr.startswith("_") or attr.startswith("__"):
                    continue
                if any(attr in b.__dict__ for b in textual_bases):
                    found.add((name, attr))
    assert found == allowed

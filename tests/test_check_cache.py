"""`jianbao check` answers an unchanged check from its cache, and only an unchanged one.

Every input of a check is changed in turn (the file, the archive's issues,
the house file, the options, jianbao's own files); each time the answer
must be what a check without the cache prints.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli
from tui.cli.main import main
from tui.files import check_cache


def _results(home: Path) -> list[Path]:
    folder = home / "cache" / "check-results"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def _fresh(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    return _check(capsys, "--no-cache", *args)


def test_an_unchanged_check_is_answered_from_the_cache(
    sample_toml: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _check(capsys, str(sample_toml))
    assert first[0] == 1 and first[1].endswith("共 168 条：168 错误，0 警告，0 提示\n")
    (kept,) = _results(tmp_path)
    # What is printed the second time is what the cache holds: put a marker there.
    key = kept.name
    check_cache.store(key, check_cache.Cached(0, "从缓存读出\n"))
    assert _check(capsys, str(sample_toml)) == (0, "从缓存读出\n")
    assert _fresh(capsys, str(sample_toml)) == first  # --no-cache checks again


def test_the_cached_answer_is_the_checks_own(sample_toml: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _check(capsys, str(sample_toml))
    assert _check(capsys, str(sample_toml)) == first
    assert _check(capsys, str(sample_toml), "--format", "json") == _fresh(
        capsys, str(sample_toml), "--format", "json"
    )
    assert _check(capsys, str(sample_toml), "--lang", "en") == _fresh(
        capsys, str(sample_toml), "--lang", "en"
    )


def _same_as_fresh(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str]:
    cached = _check(capsys, str(path))
    assert cached == _fresh(capsys, str(path))
    return cached


def test_an_edit_of_the_same_size_and_time_is_seen(
    sample_toml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _check(capsys, str(sample_toml))
    st = sample_toml.stat()
    text = sample_toml.read_text(encoding="utf-8")
    assert text.count("穿透式监督,") == 1
    sample_toml.write_text(text.replace("穿透式监督,", "穿透式监察,"), encoding="utf-8")
    os.utime(sample_toml, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert sample_toml.stat().st_size == st.st_size
    after = _same_as_fresh(capsys, sample_toml)
    assert "穿透式监察⟦,⟧" in after[1] and after != before


def test_the_archive_and_the_house_are_inputs(
    sample_toml: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _check(capsys, str(sample_toml))
    # An earlier issue of the archive with this one's numbers: the numbering check must see it.
    clash = archive / "2025-11.toml"
    text = sample_toml.read_text(encoding="utf-8")
    assert "\ndate = 2025-11-14\n" in text
    clash.write_text(text.replace("\ndate = 2025-11-14\n", "\ndate = 2025-10-31\n"), encoding="utf-8")
    with_clash = _same_as_fresh(capsys, sample_toml)
    assert "numbering." in with_clash[1]
    clash.unlink()
    # The house switches a rule family off.
    house = archive.parent / "bulletin.toml"
    house.write_text(
        house.read_text(encoding="utf-8") + '\n[checks]\noff = ["typography"]\n', encoding="utf-8"
    )
    without = _same_as_fresh(capsys, sample_toml)
    assert "typography.halfwidth-comma" not in without[1]


def test_strict_is_an_input(tmp_path: Path, archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rulekit import clean_issue
    from tui.files.storage import save_issue
    from tui.model import Note

    issue = clean_issue()
    issue.notes.append(Note("import.unplaced", "warning", "一段未归入任何文章的文字"))
    path = archive / "2026-01.toml"
    save_issue(issue, path)
    plain = _check(capsys, str(path))
    strict = _check(capsys, str(path), "--strict")
    assert strict == _fresh(capsys, str(path), "--strict") and strict[0] != plain[0]


def test_jianbaos_own_files_are_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule edited (or jianbao upgraded) is a new key: the package's files are stamped."""
    package = tmp_path / "pkg"
    (package / "checks").mkdir(parents=True)
    rule = package / "checks" / "rule.py"
    rule.write_text("A = 1\n", encoding="utf-8")
    (package / "__pycache__").mkdir()
    monkeypatch.setattr(check_cache, "_package_root", lambda: package)
    issue = tmp_path / "a.toml"
    issue.write_text("", encoding="utf-8")
    key = check_cache.key_for([str(issue)], None, ())
    (package / "__pycache__" / "rule.pyc").write_bytes(b"compiled")
    assert check_cache.key_for([str(issue)], None, ()) == key  # compiled copies are not inputs
    rule.write_text("A = 22\n", encoding="utf-8")
    assert check_cache.key_for([str(issue)], None, ()) != key


def test_fix_never_uses_the_cache(sample_toml: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, str(sample_toml))
    code, out = _check(capsys, str(sample_toml), "--fix")
    assert code == 0 and "已修改 “(市)” → “（市）”" in out
    after = _check(capsys, str(sample_toml))
    assert after == _fresh(capsys, str(sample_toml)) and after[1].endswith(
        "共 0 条：0 错误，0 警告，0 提示\n"
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
        lambda data: b"not a result",
        lambda data: data.replace(b"py3", b"py2", 1),
    ],
)
def test_a_damaged_result_is_not_believed(
    sample_toml: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage
) -> None:  # type: ignore[no-untyped-def]
    first = _check(capsys, str(sample_toml))
    (kept,) = _results(tmp_path)
    kept.write_bytes(damage(kept.read_bytes()))
    assert _check(capsys, str(sample_toml)) == first


def test_a_file_changed_during_the_check_leaves_nothing(
    sample_toml: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.checks import checking

    real = checking.open_checks

    def open_then_save_elsewhere(paths, archive=None):  # type: ignore[no-untyped-def]
        opened = real(paths, archive)
        sample_toml.write_text(sample_toml.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return opened

    monkeypatch.setattr(checking, "open_checks", open_then_save_elsewhere)
    _check(capsys, str(sample_toml))
    assert _results(tmp_path) == []


def test_an_unreadable_file_is_still_reported(tmp_path: Path) -> None:
    r = run_cli("check", str(tmp_path / "missing.toml"))
    assert r.returncode == 2 and "missing.toml" in r.stderr and "Traceback" not in r.stderr


def test_old_results_are_pruned(tmp_path: Path) -> None:
    for n in range(check_cache.KEEP + 1):
        check_cache.store(f"{n:040x}", check_cache.Cached(0, str(n)))
    kept = _results(tmp_path)
    assert len(kept) <= check_cache.KEEP and check_cache.read(
        f"{check_cache.KEEP:040x}"
    ) == check_cache.Cached(0, str(check_cache.KEEP))


def test_an_unwritable_cache_changes_nothing(
    sample_toml: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cache").write_text("a file where the folder would be", encoding="utf-8")
    first = _check(capsys, str(sample_toml))
    assert first == _check(capsys, str(sample_toml)) == _fresh(capsys, str(sample_toml))

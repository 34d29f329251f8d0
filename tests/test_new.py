"""Numbering and `jianbao new`: within a year, across a year end, supplements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_cli
from tui.files.archive import make_next_issue, scan_lenient
from tui.files.storage import load_issue
from tui.model import Masthead
from tui.model.errors import UsageError
from tui.model.house import Style
from tui.model.numbering import issue_filename, next_numbers, previous_in_sequence

STYLE = Style()


def m(edition: str, number: int, cumulative: int, date: str) -> Masthead:
    return Masthead("杭州人大信息", edition, number, cumulative, "研究室", dt.date.fromisoformat(date))


ARCHIVE = [
    m("普刊", 11, 717, "2025-10-31"),
    m("普刊", 12, 718, "2025-11-14"),
    m("增刊", 1, 5, "2025-06-01"),
    m("增刊", 2, 6, "2025-11-20"),
]


def test_next_within_a_year() -> None:
    prev = previous_in_sequence(ARCHIVE, "普刊", STYLE)
    assert next_numbers(prev, dt.date(2025, 11, 28)) == (13, 719)


def test_next_across_year_end() -> None:
    prev = previous_in_sequence(ARCHIVE, "普刊", STYLE)
    assert next_numbers(prev, dt.date(2026, 1, 9)) == (1, 719)


def test_supplement_has_its_own_sequence() -> None:
    prev = previous_in_sequence(ARCHIVE, "增刊", STYLE)
    assert prev is not None and prev.number == 2
    assert next_numbers(prev, dt.date(2025, 12, 1)) == (3, 7)
    # and the regular sequence ignores it
    assert previous_in_sequence(ARCHIVE, "普刊", STYLE).cumulative == 718  # type: ignore[union-attr]


def test_first_issue_of_a_sequence() -> None:
    assert next_numbers(previous_in_sequence(ARCHIVE, "专刊", STYLE), dt.date(2025, 12, 1)) == (1, 1)


def test_special_edition_joins_regular_when_configured() -> None:
    style = Style(own_sequences=("增刊",))
    prev = previous_in_sequence([*ARCHIVE, m("专刊", 13, 719, "2025-11-21")], "普刊", style)
    assert (prev.number, prev.cumulative) == (13, 719)  # type: ignore[union-attr]


def test_filenames() -> None:
    assert issue_filename(m("普刊", 3, 1, "2026-02-01"), STYLE) == "2026-03.toml"
    assert issue_filename(m("增刊", 1, 1, "2026-02-01"), STYLE) == "2026-zengkan-01.toml"


def test_make_next_issue_from_archive(archive: Path, house) -> None:  # type: ignore[no-untyped-def]
    issue = make_next_issue(scan_lenient(archive)[0], house, dt.date(2025, 11, 28))
    assert (issue.masthead.number, issue.masthead.cumulative) == (13, 719)
    assert issue.masthead.name == "杭州人大信息" and issue.masthead.unit == "杭州市人大常委会研究室"
    assert [c.name for c in issue.columns] == ["助力攻坚", "监督纵横", "情况交流", "信息摘登"]
    assert issue.endblock.editor == "杨青青" and len(issue.endblock.distribution) == 2
    assert issue.articles == []


def test_date_must_follow_previous(archive: Path, house) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="不晚于上一期"):
        make_next_issue(scan_lenient(archive)[0], house, dt.date(2025, 11, 1))


def test_cli_new_within_year_then_year_end_then_supplement(archive: Path) -> None:
    r = run_cli("new", "--archive", str(archive), "--date", "2025-11-28")
    assert r.returncode == 0, r.stderr
    first = Path(r.stdout.strip())
    assert first == archive / "2025-13.toml"
    assert (load_issue(first).masthead.number, load_issue(first).masthead.cumulative) == (13, 719)

    r = run_cli("new", "--archive", str(archive), "--date", "2026-01-09")
    assert r.returncode == 0, r.stderr
    second = load_issue(Path(r.stdout.strip()))
    assert (second.masthead.number, second.masthead.cumulative) == (1, 720)
    assert Path(r.stdout.strip()).name == "2026-01.toml"

    r = run_cli("new", "--archive", str(archive), "--date", "2026-01-20", "--edition", "增刊")
    assert r.returncode == 0, r.stderr
    supplement = load_issue(Path(r.stdout.strip()))
    assert (supplement.masthead.edition, supplement.masthead.number, supplement.masthead.cumulative) == (
        "增刊",
        1,
        1,
    )

    r = run_cli("new", "--archive", str(archive), "--date", "2026-01-23")
    regular = load_issue(Path(r.stdout.strip()))
    assert (regular.masthead.number, regular.masthead.cumulative) == (2, 721)


def test_cli_new_refuses_to_overwrite(archive: Path) -> None:
    """A hand-made file already sits where the next issue would go."""
    existing = archive / "2025-13.toml"
    existing.write_bytes(
        (archive / "2025-12.toml").read_bytes().replace(b"cumulative = 718", b"cumulative = 700")
    )
    before = existing.read_bytes()
    r = run_cli("new", "--archive", str(archive), "--date", "2025-11-28")
    assert r.returncode == 2
    assert "已存在" in r.stderr and "2025-13.toml" in r.stderr
    assert existing.read_bytes() == before


def test_cli_new_skips_a_broken_archive_file_with_a_warning(archive: Path) -> None:
    (archive / "2025-11.toml").write_text("format = ", encoding="utf-8")
    r = run_cli("new", "--archive", str(archive), "--date", "2025-11-28")
    assert r.returncode == 0, r.stderr
    assert "2025-11.toml" in r.stderr and "警告" in r.stderr and "Traceback" not in r.stderr
    made = load_issue(Path(r.stdout.strip()))
    assert made.masthead.number == 13  # numbered from the good neighbour 2025-12


@pytest.mark.parametrize(
    "content",
    [
        "format = 'jianbao/1'\nn = " + "9" * 5000 + "\n",  # past Python's integer-string limit
        "a = " + "[" * 500 + "]" * 500 + "\n",  # nesting deeper than the recursion limit
    ],
    ids=["5000-digit-number", "500-deep-nesting"],
)
def test_hostile_archive_files_are_skipped_by_new_and_check(archive: Path, content: str) -> None:
    (archive / "2025-11.toml").write_text(content, encoding="utf-8")
    r = run_cli("new", "--archive", str(archive), "--date", "2025-11-28")
    assert r.returncode == 0 and "2025-11.toml" in r.stderr, r.stderr
    r = run_cli("check", str(archive / "2025-12.toml"))
    assert r.returncode == 1 and "2025-11.toml" in r.stdout and "内部错误" not in r.stderr
    r = run_cli("check", str(archive / "2025-11.toml"))
    assert r.returncode == 2 and "2025-11.toml" in r.stderr and "内部错误" not in r.stderr


def test_a_title_of_a_million_characters_is_checked(archive: Path) -> None:
    text = (archive / "2025-12.toml").read_text(encoding="utf-8")
    huge = text.replace('title = "', 'title = "' + "长" * 1_000_000, 1)
    (archive / "2025-11.toml").write_text(huge, encoding="utf-8")
    r = run_cli("check", str(archive / "2025-11.toml"))
    assert r.returncode == 1 and "内部错误" not in r.stderr, r.stderr[:300]


def test_a_mistyped_archive_folder_is_an_error_not_a_new_archive(tmp_path: Path, archive: Path) -> None:
    typo = tmp_path / "data" / "isues"
    r = run_cli("new", "--archive", str(typo), "--date", "2025-11-28")
    assert r.returncode == 2 and "isues" in r.stderr and "--create" in r.stderr
    assert not typo.exists()
    r = run_cli("new", "--date", "2025-11-28", env={"JIANBAO_ARCHIVE": str(typo)})
    assert r.returncode == 2 and not typo.exists()
    r = run_cli("new", "--archive", str(typo), "--date", "2025-11-28", "--create")
    assert r.returncode == 0, r.stderr
    assert load_issue(Path(r.stdout.strip())).masthead.number == 1


def test_an_archive_that_is_a_file_is_named_as_such(sample_toml: Path) -> None:
    r = run_cli("new", "--archive", str(sample_toml), "--date", "2025-11-28")
    assert r.returncode == 2 and "文件夹" in r.stderr and "内部错误" not in r.stderr


def test_cli_new_uses_environment_archive(archive: Path) -> None:
    r = run_cli("new", "--date", "2025-11-28", env={"JIANBAO_ARCHIVE": str(archive)})
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip()).parent == archive


def test_cli_new_in_empty_archive_uses_packaged_house(tmp_path: Path) -> None:
    r = run_cli("new", "--date", "2026-03-01", "--create", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    made = load_issue(tmp_path / r.stdout.strip())
    assert (made.masthead.number, made.masthead.cumulative, made.masthead.name) == (1, 1, "杭州人大信息")

"""`jianbao search` and `jianbao stats` on generated archives of more than a hundred issues."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.files.search_index import Filters, SearchIndex, index_file
from tui.files.storage import load_issue, save_issue

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synth import make_archive

ISSUES = 120


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive") / "issues"
    make_archive(folder, ISSUES, quiet=("淳安县",))
    return folder


@pytest.fixture
def archive_copy(big_archive: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(big_archive, tmp_path / "issues"))


def _count(folder: Path, text: str) -> int:
    """The same count the slow way: every field of every issue, substring by substring."""
    n = 0
    for path in folder.glob("*.toml"):
        for a in load_issue(path).articles:
            fields = [a.title, *a.paragraphs]
            if a.byline is not None:
                fields.append("\u3000".join([a.byline.unit, *a.byline.authors]))
            n += sum(1 for f in fields if f and text in f)
    return n


def test_search_finds_what_a_scan_finds_for_long_and_two_character_queries(big_archive: Path) -> None:
    index = SearchIndex(big_archive)
    first = index.update()
    assert (first.read, first.unchanged, first.errors) == (ISSUES, 0, [])
    for query in ("代表联络站", "人大", "淳安"):
        hits, total = index.search(query, limit=5)
        assert total == _count(big_archive, query), query
        assert len(hits) == min(5, total)
        assert all(h.snippet[h.start : h.end] == query for h in hits)
    dates = [h.date for h in index.search("人大常委会", limit=40)[0]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert index.update().unchanged == ISSUES  # nothing read again
    index.close()


def test_filters_narrow_by_year_column_district_and_author(big_archive: Path) -> None:
    index = SearchIndex(big_archive)
    index.update()
    issue = load_issue(sorted(big_archive.glob("2021-*.toml"))[3])
    article = next(a for a in issue.articles if a.byline and a.byline.authors and a.title)
    assert article.byline is not None
    author, district = article.byline.authors[0], article.title.split("：")[0]
    hits, total = index.search(
        "人大常委会", Filters(year=2021, column=article.column, unit=district, author=author), 500
    )
    assert total >= 1 and len(hits) == total
    for h in hits:
        assert h.date.startswith("2021") and h.column == article.column and h.title.startswith(district)
        found = load_issue(big_archive / h.file).articles[h.article]
        assert found.byline is not None and author in found.byline.authors
    assert index.search("人大常委会", Filters(year=1999))[1] == 0
    index.close()


def test_the_index_follows_changed_and_removed_files_and_survives_damage(archive_copy: Path) -> None:
    index = SearchIndex(archive_copy)
    index.update()
    assert index.search("甲乙丙丁戊")[1] == 0
    path = sorted(archive_copy.glob("*.toml"))[5]
    issue = load_issue(path)
    issue.articles[0].paragraphs.append("本段含有检索测试用语甲乙丙丁戊。")
    save_issue(issue, path)
    removed = sorted(archive_copy.glob("*.toml"))[7]
    removed.unlink()
    again = index.update()
    assert (again.read, again.dropped, again.unchanged) == (1, 1, ISSUES - 2)
    hits, total = index.search("甲乙丙丁戊")
    assert (
        total == 1
        and hits[0].file == path.name
        and hits[0].paragraph == len(issue.articles[0].paragraphs) - 1
    )
    assert index.search("人大", Filters())[1] == _count(archive_copy, "人大")
    index.close()
    index_file(archive_copy).write_bytes(b"this is not a database" * 100)  # damaged: rebuilt, never trusted
    rebuilt = SearchIndex(archive_copy)
    assert rebuilt.update().read == ISSUES - 1
    assert rebuilt.search("甲乙丙丁戊")[1] == 1
    rebuilt.close()


def test_an_unreadable_issue_is_named_and_the_rest_searched(
    archive_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (archive_copy / "2099-01.toml").write_text("format = 3\n", encoding="utf-8")
    assert main(["search", "代表联络站", "--archive", str(archive_copy), "--limit", "3"]) == 0
    captured = capsys.readouterr()
    assert "2099-01.toml" in captured.err and "代表联络站" in captured.out
    assert main(["search", "完全不存在的词语组合", "--archive", str(archive_copy)]) == 1
    assert "没有找到" in capsys.readouterr().out


def test_search_cli_json(big_archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["search", "代表联络站", "--archive", str(big_archive), "--format", "json", "--limit", "4"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == _count(big_archive, "代表联络站") and len(data["hits"]) == 4
    hit = data["hits"][0]
    assert hit["snippet"][hit["start"] : hit["end"]] == "代表联络站"


def _by_district(folder: Path, year: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in folder.glob("*.toml"):
        issue = load_issue(path)
        if issue.masthead.date.year != year:
            continue
        for a in issue.articles:
            assert a.byline is not None
            district = a.byline.unit.split("人大")[0]
            counts[district] = counts.get(district, 0) + 1
    return counts


def test_stats_count_every_district_and_name_the_absent_one(
    big_archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--archive", str(big_archive), "--year", "2024", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = _by_district(big_archive, 2024)
    got = {
        d["district"]: d["articles"] + d["briefs"] for d in data["districts"] if d["articles"] + d["briefs"]
    }
    assert got == expected
    assert data["issues"] == sum(data["months"].values()) == sum(1 for p in big_archive.glob("2024-*.toml"))
    assert "淳安县" in data["absent"]["districts"]  # quiet for the last ten issues
    assert main(["stats", "--archive", str(big_archive), "--year", "2024"]) == 0
    text = capsys.readouterr().out
    assert (
        "各区县稿件" in text
        and "最近 6 期未见稿件：" in text
        and "淳安县" in text.split("最近 6 期未见稿件：")[1]
    )


def test_stats_csv_for_a_spreadsheet_and_a_date_range(
    big_archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "stats",
                "--archive",
                str(big_archive),
                "--from",
                "2021-01-01",
                "--to",
                "2021-06-30",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0] == ["区县", "文章", "摘登", "字数", "最近一期", "此后期数"]
    total = sum(int(r[1]) + int(r[2]) for r in rows[1:])
    issues = [load_issue(p) for p in big_archive.glob("2021-*.toml")]
    assert total == sum(len(i.articles) for i in issues if i.masthead.date.month <= 6)
    assert all(r[4] == "" or "2021-01-01" <= r[4] <= "2021-06-30" for r in rows[1:])


def test_stats_of_an_empty_period_and_in_english(
    big_archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--archive", str(big_archive), "--year", "1999"]) == 0
    assert "没有期刊" in capsys.readouterr().out
    assert main(["stats", "--archive", str(big_archive), "--year", "2022", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Districts" in out and not any("\u4e00" <= ch <= "\u9fff" for ch in out.split("Districts")[0])
    assert os.environ.get("JIANBAO_CACHE_DIR")  # the index went to the test's cache, not the user's


@pytest.mark.parametrize("writer", ["missing", "failing"])
def test_a_writer_process_that_cannot_write_leaves_it_to_this_one(
    archive_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str
) -> None:
    """The index of many files is written by a second process; if it cannot start or fails, nothing of it stays."""
    if writer == "missing":
        monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    else:
        script = tmp_path / "fails.sh"
        script.write_text("#!/bin/sh\nhead -c 100 >/dev/null\nexit 3\n")
        script.chmod(0o755)
        monkeypatch.setattr(sys, "executable", str(script))
    index = SearchIndex(archive_copy, tmp_path / "index.sqlite")
    first = index.update()
    assert (first.read, first.errors) == (ISSUES, [])
    assert index.search("代表联络站")[1] == _count(archive_copy, "代表联络站")
    assert index.update().unchanged == ISSUES
    index.close()


def test_latin_letters_match_whatever_their_case(archive_copy: Path, tmp_path: Path) -> None:
    path = sorted(archive_copy.glob("*.toml"))[0]
    issue = load_issue(path)
    issue.articles[0].paragraphs[0] = "区人大常委会调研XuanwuLab等人工智能企业。"
    save_issue(issue, path)
    index = SearchIndex(archive_copy, tmp_path / "index.sqlite")
    index.update()
    for query in ("XuanwuLab", "xuanwulab", "XUANWULAB"):
        hits, total = index.search(query)
        assert total == 1 and hits[0].snippet[hits[0].start : hits[0].end] == "XuanwuLab", query
    index.close()

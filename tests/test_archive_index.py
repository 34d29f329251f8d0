"""The archive index: unchanged files are not read again; the index is never the truth."""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

from rulekit import clean_issue
from tui.files import archive_index
from tui.files.archive import scan_lenient
from tui.files.storage import save_issue


def _archive(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "issues"
    folder.mkdir()
    for k in range(n):
        issue = clean_issue()
        issue.masthead.number, issue.masthead.cumulative = 10 + k, 716 + k
        save_issue(issue, folder / f"2025-{10 + k}.toml")
    return folder


def _numbers(folder: Path) -> list[int]:
    found, _ = scan_lenient(folder)
    return sorted(a.past.masthead.number for a in found)


def _rewrite_in_place_keeping_stat(path: Path, old: bytes, new: bytes) -> None:
    """Change the bytes without changing size, time or inode: only the index can tell the old content."""
    st = path.stat()
    data = path.read_bytes().replace(old, new, 1)
    with path.open("r+b") as f:
        f.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_an_unchanged_file_is_taken_from_the_index_on_disk(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    assert _numbers(folder) == [10, 11, 12]
    assert archive_index.index_path(folder).is_file()
    _rewrite_in_place_keeping_stat(folder / "2025-10.toml", b"number = 10", b"number = 19")
    archive_index.forget()  # a new process: only the index on disk remembers
    assert _numbers(folder) == [10, 11, 12]


def test_a_saved_file_is_read_again(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    _numbers(folder)
    issue = clean_issue()
    issue.masthead.number = 42
    save_issue(issue, folder / "2025-10.toml")
    assert _numbers(folder) == [11, 12, 42]


def test_files_come_and_go(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    _numbers(folder)
    (folder / "2025-11.toml").unlink()
    issue = clean_issue()
    issue.masthead.number = 30
    save_issue(issue, folder / "2025-30.toml")
    assert _numbers(folder) == [10, 12, 30]


def test_a_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    _numbers(folder)
    archive_index.index_path(folder).write_bytes(archive_index.INDEX_MAGIC + b"0\n" + b"\x00garbage")
    archive_index.forget()
    assert _numbers(folder) == [10, 11, 12]
    archive_index.index_path(folder).write_bytes(b"\x00garbage")
    archive_index.forget()
    assert _numbers(folder) == [10, 11, 12]
    # a sound checksum over a payload of the wrong shape
    payload = marshal.dumps({"2025-10.toml": 1})
    archive_index.index_path(folder).write_bytes(
        archive_index.INDEX_MAGIC + b"%d\n" % zlib.crc32(payload) + payload
    )
    archive_index.forget()
    assert _numbers(folder) == [10, 11, 12]
    # one damaged byte in a real index: it is not trusted, so a change only the files know shows
    _rewrite_in_place_keeping_stat(folder / "2025-10.toml", b"number = 10", b"number = 19")
    data = bytearray(archive_index.index_path(folder).read_bytes())
    data[-5] ^= 0xFF
    archive_index.index_path(folder).write_bytes(bytes(data))
    archive_index.forget()
    assert _numbers(folder) == [11, 12, 19]


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("JIANBAO_CACHE_DIR", str(blocker))
    folder = _archive(tmp_path)
    assert _numbers(folder) == [10, 11, 12]
    archive_index.forget()
    assert _numbers(folder) == [10, 11, 12]


def test_an_unreadable_file_is_reported_every_time_and_never_indexed(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    (folder / "2025-99.toml").write_text("this is [not toml", encoding="utf-8")
    for _ in range(2):
        found, errors = scan_lenient(folder)
        assert len(found) == 3 and len(errors) == 1 and "2025-99.toml" in str(errors[0].file)
        archive_index.forget()


def test_the_excluded_file_is_left_out(tmp_path: Path) -> None:
    folder = _archive(tmp_path)
    found, _ = scan_lenient(folder, exclude=folder / "2025-11.toml")
    assert sorted(a.past.masthead.number for a in found) == [10, 12]
    assert _numbers(folder) == [10, 11, 12]


def test_checking_many_files_reads_each_archive_file_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``check`` of every issue of an archive: each file is parsed once, not once per file checked."""
    from tui.checks import checking
    from tui.files import storage

    folder = _archive(tmp_path, 6)
    archive_index.forget()
    parsed: list[str] = []
    real = storage.load_issue
    monkeypatch.setattr(archive_index, "load_issue", lambda p: parsed.append(Path(p).name) or real(p))
    checks = checking.open_checks(sorted(folder.glob("*.toml")))
    assert sorted(parsed) == sorted(p.name for p in folder.glob("*.toml"))
    assert [len(c.archive) for c in checks] == [5] * 6  # each file sees the others, not itself


def test_a_scan_without_titles_does_not_leave_its_summaries_for_the_checks(tmp_path: Path) -> None:
    """``new`` reads mastheads only; a check in the same process still sees every title."""
    folder = _archive(tmp_path)
    scan_lenient(folder)  # the index on disk, with titles
    archive_index.forget()
    quick, _ = scan_lenient(folder, titles=False)
    assert all(a.past.titles == () for a in quick)
    assert sorted(a.past.masthead.number for a in quick) == [10, 11, 12]
    full, _ = scan_lenient(folder)
    expected = tuple(a.title for a in clean_issue().articles if a.title)
    assert expected and all(a.past.titles == expected for a in full)
    # What the quick scan builds only when asked (the end block) is the same as the full one's.
    assert [(a.masthead, a.past.endblock) for a in quick] == [(a.masthead, a.past.endblock) for a in full]
    assert full[0].past.endblock.distribution and full[0].past.endblock.editor


def test_a_house_file_put_inside_the_archive_is_named_as_such(tmp_path: Path) -> None:
    """bulletin.toml belongs beside the archive folder; inside it, it was reported as a broken issue
    (“不支持的格式版本 'jianbao-house/1'”), which says nothing of why the house's settings are not read."""
    from tui.files.shipped import shipped

    folder = _archive(tmp_path, 2)
    (folder / "bulletin.toml").write_bytes(shipped("defaults", "bulletin.toml").read_bytes())
    found, errors = scan_lenient(folder)
    assert len(found) == 2  # the issues beside it are read as before
    (error,) = errors
    said = error.render("zh")
    assert "bulletin.toml" in said and "本刊配置文件" in said and str(tmp_path.resolve()) in said
    assert "格式版本" not in said

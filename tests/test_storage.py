"""Atomic saves: whatever fails, the old file stays byte-for-byte and the error is clear."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tui.files.storage import load_issue, locate, save_issue
from tui.files.writing import atomic_write
from tui.model.errors import SaveError


def _fail(err: int):  # type: ignore[no-untyped-def]
    def raiser(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    return raiser


@pytest.mark.parametrize(
    ("target", "err", "words"),
    [
        ("os.replace", errno.EACCES, "没有写入权限"),
        ("os.fsync", errno.EIO, "写入失败"),
        ("os.fdopen", errno.ENOSPC, "磁盘空间不足"),
        ("tempfile.mkstemp", errno.EROFS, "只读"),
    ],
)
def test_failed_save_keeps_old_file(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch, target: str, err: int, words: str
) -> None:
    issue = load_issue(sample_toml)
    before = sample_toml.read_bytes()
    issue.articles[0].title = "改过的标题"
    module, name = target.split(".")
    monkeypatch.setattr(f"{module}.{name}", _fail(err))
    with pytest.raises(SaveError) as info:
        save_issue(issue, sample_toml)
    monkeypatch.undo()
    assert sample_toml.read_bytes() == before
    assert words in str(info.value) and str(sample_toml) in str(info.value)
    assert not [p for p in sample_toml.parent.iterdir() if p.name.endswith(".tmp")]


def test_failed_write_midway_keeps_old_file(sample_toml: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up halfway through the write."""
    before = sample_toml.read_bytes()
    real_fdopen = os.fdopen

    class HalfFull:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self) -> HalfFull:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> None:
            self.handle.write(data[:10])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fdopen", lambda fd, mode: HalfFull(real_fdopen(fd, mode)))
    with pytest.raises(SaveError, match="磁盘空间不足"):
        save_issue(load_issue(sample_toml), sample_toml)
    assert sample_toml.read_bytes() == before
    assert not [p for p in sample_toml.parent.iterdir() if p.name.endswith(".tmp")]


def test_save_preserves_permissions(tmp_path: Path, sample_toml: Path) -> None:
    os.chmod(sample_toml, 0o640)
    save_issue(load_issue(sample_toml), sample_toml)
    assert sample_toml.stat().st_mode & 0o777 == 0o640


def test_no_overwrite_refuses_existing(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(SaveError, match="已存在"):
        atomic_write(target, b"new", overwrite=False)
    assert target.read_text(encoding="utf-8") == "old"


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="文件夹不存在"):
        atomic_write(tmp_path / "no" / "x.toml", b"data")


def test_locate_finds_nested_fields() -> None:
    text = (Path(__file__).parent / "data" / "good-minimal.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[locate(text, "masthead.number") - 1].startswith("number")  # type: ignore[operator]
    assert lines[locate(text, "articles[0].byline.unit") - 1].startswith('unit = "拱墅区')  # type: ignore[operator]
    assert lines[locate(text, "endblock.phone") - 1].startswith("phone")  # type: ignore[operator]
    assert locate(text, "articles[5].title") is None

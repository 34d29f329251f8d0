"""Malformed issue files: one clear message naming file, line and field; exit 2; no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from tui.files.storage import load_issue
from tui.model.errors import LoadError

BAD = Path(__file__).parent / "data" / "bad"

# file -> (line or None, fragments the message must contain)
EXPECTED: dict[str, tuple[int | None, tuple[str, ...]]] = {
    "binary.toml": (None, ("二进制",)),
    "bool-as-number.toml": (7, ("masthead.cumulative", "整数", "布尔值")),
    "empty.toml": (None, ("文件为空",)),
    "whitespace-only.toml": (None, ("文件为空",)),
    "gbk-encoded.toml": (4, ("UTF-8",)),
    "json-instead.toml": (1, ("TOML 语法错误",)),
    "not-toml-prose.toml": (1, ("TOML 语法错误",)),
    "missing-article-title.toml": (15, ("articles[0].title", "缺少必填字段")),
    "missing-byline-unit.toml": (22, ("articles[0].byline.unit", "缺少必填字段")),
    "missing-endblock.toml": (None, ("endblock", "缺少必填字段")),
    "missing-format.toml": (None, ("format", "jianbao/1")),
    "missing-masthead-date.toml": (3, ("masthead.date", "缺少必填字段")),
    "negative-number.toml": (6, ("masthead.number", "不小于 1")),
    "signoff-bad-role.toml": (36, ("signoffs[0].role", "boss", "editor")),
    "syntax-bad-date.toml": (9, ("TOML 语法错误",)),
    "syntax-duplicate-key.toml": (7, ("重复定义",)),
    "syntax-missing-equals.toml": (6, ("缺少“=”",)),
    "syntax-unclosed-string.toml": (4, ("TOML 语法错误",)),
    "unknown-column-kind.toml": (13, ("columns[0].kind", "list", "articles、briefs")),
    "unknown-edition.toml": (5, ("masthead.edition", "周刊", "普刊")),
    "unknown-field.toml": (18, ("articles[0].titel", "未知字段")),
    "unknown-format.toml": (1, ("jianbao/2", "已知版本：jianbao/1")),
    "waiver-missing-reason.toml": (35, ("waivers[0].reason", "缺少必填字段")),
    "wrong-type-author.toml": (24, ("articles[0].byline.authors[0]", "字符串", "整数")),
    "wrong-type-byline-unit.toml": (23, ("articles[0].byline.unit", "数组")),
    "wrong-type-date-string.toml": (9, ("masthead.date", "不加引号")),
    "wrong-type-masthead.toml": (3, ("masthead", "表")),
    "wrong-type-number.toml": (6, ("masthead.number", "整数", "字符串")),
    "wrong-type-paragraphs.toml": (18, ("articles[0].paragraphs", "数组")),
}


def test_corpus_is_complete() -> None:
    assert len(EXPECTED) >= 20
    assert {p.name for p in BAD.iterdir()} == set(EXPECTED)


def test_minimal_reference_is_valid() -> None:
    """Each bad file is this valid file with one defect."""
    load_issue(Path(__file__).parent / "data" / "good-minimal.toml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_one_clear_message(name: str, tmp_path: Path) -> None:
    line, fragments = EXPECTED[name]
    path = tmp_path / name
    shutil.copy(BAD / name, path)
    before = path.read_bytes()
    result = run_cli("export", str(path), "--to", "text")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    messages = [m for m in result.stderr.splitlines() if m.strip()]
    assert len(messages) == 1, result.stderr
    message = messages[0]
    assert message.startswith(str(path))
    if line is not None:
        assert f"第{line}行" in message
    for fragment in fragments:
        assert fragment in message
    assert result.stdout == ""
    assert path.read_bytes() == before  # loading never touches the file


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_raises_load_error_in_process(name: str) -> None:
    line, _ = EXPECTED[name]
    with pytest.raises(LoadError) as info:
        load_issue(BAD / name)
    assert info.value.line == line
    assert info.value.file == str(BAD / name)


def test_english_messages() -> None:
    result = run_cli("export", str(BAD / "wrong-type-number.toml"), env={"LANG": "en_US.UTF-8"})
    assert result.returncode == 2
    assert "line 6" in result.stderr and "expected an integer, got a string" in result.stderr


def test_missing_file() -> None:
    result = run_cli("export", "no/such/issue.toml")
    assert result.returncode == 2
    assert "no/such/issue.toml" in result.stderr and "文件不存在" in result.stderr
    assert "Traceback" not in result.stderr

"""What the recovery and conflict questions show: which parts differ, and the changed lines."""

from __future__ import annotations

import copy
from pathlib import Path

from tui.files.storage import load_issue
from tui.model import Article
from tui.model.issuediff import describe


def test_changed_added_and_removed_articles_with_their_lines(sample_toml: Path) -> None:
    old = load_issue(sample_toml)
    new = copy.deepcopy(old)
    new.articles[0].paragraphs[1] = "改写后的第二段。"
    removed = new.articles.pop(2)
    new.articles.append(Article(column="信息摘登", title="", paragraphs=["新增的一则摘登。"]))
    new.endblock.editor = "李四"
    lines = describe(old, new, "zh")
    assert "报尾有改动" in lines
    changed = lines.index(f"改动 「{old.articles[0].title}」")
    assert lines[changed + 1].startswith("  − ") and lines[changed + 2] == "  + 改写后的第二段。"
    assert f"删去 「{removed.title}」" in lines
    assert any(line.startswith("新增 摘登") for line in lines) and "  + 新增的一则摘登。" in lines
    assert not any("title" in line for line in lines)  # Chinese all through


def test_the_same_issue_says_so_and_long_lists_are_cut(sample_toml: Path) -> None:
    old = load_issue(sample_toml)
    assert describe(old, copy.deepcopy(old), "en") == ["(the same content)"]
    new = copy.deepcopy(old)
    for a in new.articles:
        a.paragraphs = [p + "改" for p in a.paragraphs]
    lines = describe(old, new, "zh")
    assert len(lines) == 14 and lines[-1].startswith("……另有")

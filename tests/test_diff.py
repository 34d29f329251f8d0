"""`jianbao diff`: what changed between two versions of an issue, article by article and character by character."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.files.storage import save_issue
from tui.model import Article, Byline, Column, EndBlock, Issue, Masthead
from tui.model.changes import Run, char_runs, compare


def _issue() -> Issue:
    return Issue(
        masthead=Masthead("测试人大信息", "普刊", 4, 120, "测试市人大常委会研究室", dt.date(2026, 4, 1)),
        columns=[Column("助力攻坚"), Column("监督纵横"), Column("信息摘登", "briefs")],
        articles=[
            Article(
                "助力攻坚",
                "东城区：做实代表联络站",
                ["东城区人大常委会推动联络站提质增效。", "一是健全机制。二是加强培训。"],
                Byline("东城区人大常委会办公室", ["李明"]),
            ),
            Article(
                "助力攻坚",
                "西城区：开展民生实事票决",
                ["西城区人大常委会完成年度票决工作。"],
                Byline("西城区人大常委会办公室", ["王芳"]),
            ),
            Article(
                "监督纵横",
                "南湖区：跟踪监督预算执行",
                ["南湖区人大常委会听取预算执行情况报告。"],
                Byline("南湖区人大常委会办公室", ["赵强"]),
            ),
            Article("信息摘登", "", ["北山区人大常委会召开主任会议，研究部署下半年工作。"]),
        ],
        endblock=EndBlock(["市人大常委会领导"], "周编辑", "81234567"),
    )


def test_a_changed_stretch_is_marked_by_characters_and_close_changes_join() -> None:
    assert char_runs("推动联络站提质增效", "推动联络站提档增效") == (
        Run("same", "推动联络站提"),
        Run("del", "质"),
        Run("ins", "档"),
        Run("same", "增效"),
    )
    # changes two characters or less apart are one stretch, as a person would mark them
    assert char_runs("健全机制加强培训", "完善机制强化培训") == (
        Run("del", "健全机制加强"),
        Run("ins", "完善机制强化"),
        Run("same", "培训"),
    )
    # further apart, each change is its own
    assert char_runs("健全工作机制，加强业务培训", "完善工作机制，强化业务培训") == (
        Run("del", "健全"),
        Run("ins", "完善"),
        Run("same", "工作机制，"),
        Run("del", "加强"),
        Run("ins", "强化"),
        Run("same", "业务培训"),
    )
    assert char_runs("一二三", "一二三") == (Run("same", "一二三"),)


def test_articles_added_removed_moved_retitled_and_edited() -> None:
    old = _issue()
    new = copy.deepcopy(old)
    new.articles[0].paragraphs[1] = "一是健全机制。二是强化培训。"  # edited
    new.articles[1].title = "西城区：做好民生实事项目票决"  # retitled (same body)
    new.articles[2].column = "助力攻坚"  # moved to another column
    del new.articles[3]  # a brief removed
    new.articles.append(Article("监督纵横", "中山区：审议环境报告", ["中山区人大常委会审议环境状况报告。"]))
    changes = compare(old, new)
    kinds = {(c.kind, c.label): c for c in changes.articles}
    edited = kinds[("changed", "东城区：做实代表联络站")]
    assert [p.kind for p in edited.paragraphs] == ["changed"]
    assert Run("del", "加强") in edited.paragraphs[0].runs and Run("ins", "强化") in edited.paragraphs[0].runs
    assert kinds[("changed", "西城区：做好民生实事项目票决")].retitled
    assert kinds[("changed", "南湖区：跟踪监督预算执行")].moved
    assert ("removed", "北山区人大常委会召开主任会议，研究部署下…") in kinds
    assert ("added", "中山区：审议环境报告") in kinds
    assert changes.counts == {
        "added": 1,
        "removed": 1,
        "changed": 2,
        "moved": 1,
        "retitled": 1,
        "reordered": 0,
    }


def test_an_article_moved_within_its_column_is_reported_as_reordered_only_itself() -> None:
    old = _issue()
    new = copy.deepcopy(old)
    new.articles[0], new.articles[1] = new.articles[1], new.articles[0]
    changes = compare(old, new)
    reported = [(c.label, c.reordered) for c in changes.articles]
    assert reported in ([("东城区：做实代表联络站", True)], [("西城区：开展民生实事票决", True)])


def test_an_article_listed_elsewhere_in_the_file_but_printed_in_place_has_not_moved() -> None:
    old = _issue()
    new = copy.deepcopy(old)
    new.articles.insert(
        0, new.articles.pop(2)
    )  # 监督纵横's article first in the file: printed after 助力攻坚 still
    assert compare(old, new).empty


def test_masthead_and_end_block_changes_are_fields() -> None:
    old = _issue()
    new = copy.deepcopy(old)
    new.masthead.number = 5
    new.endblock.distribution.append("各区、县（市）人大常委会")
    assert [f.field for f in compare(old, new).fields] == ["masthead.number", "endblock.distribution"]
    assert compare(old, copy.deepcopy(old)).empty


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old = _issue()
    new = copy.deepcopy(old)
    new.articles[1].paragraphs[0] = "西城区人大常委会圆满完成年度票决工作。"
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    save_issue(old, a)
    save_issue(new, b)
    return a, b


def test_cli_prints_word_diff_marks_and_exits_1_when_they_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    assert main(["diff", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "～ 修改  【助力攻坚】西城区：开展民生实事票决" in out
    assert "第1段：西城区人大常委会{+圆满+}完成年度票决工作。" in out
    assert "\x1b[" not in out  # not a terminal: marks, no colour
    assert main(["diff", str(a), str(a)]) == 0
    assert "两个版本内容相同" in capsys.readouterr().out


def test_cli_json_and_git_external_diff_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    assert main(["diff", str(a), str(b), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["changed"] == 1
    runs = data["articles"][0]["paragraphs"][0]["runs"]
    assert {"kind": "ins", "text": "圆满"} in runs
    # git calls diff.<driver>.command with: path old-file old-hex old-mode new-file new-hex new-mode
    assert (
        main(["diff", "issues/4.toml", str(a), "abc", "100644", str(b), "def", "100644", "--color", "always"])
        == 0
    )
    out = capsys.readouterr().out
    assert "a/issues/4.toml → b/issues/4.toml" in out and "\x1b[" in out
    assert main(["diff", "issues/4.toml", "/dev/null", ".", ".", str(b), "def", "100644"]) == 0
    assert "＋ 新增" in capsys.readouterr().out


def test_cli_english_and_a_bad_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    assert main(["diff", str(a), str(b), "--lang", "en"]) == 1
    assert "¶1: 西城区人大常委会{+圆满+}完成年度票决工作。" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "jianbao/1"\n[masthead]\nname = 3\n', encoding="utf-8")
    assert main(["diff", str(a), str(bad)]) == 2
    assert "bad.toml" in capsys.readouterr().err

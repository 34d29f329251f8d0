"""An archive in git: jianbao as its merge and diff driver, tried with real git in a temporary repository."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, run_cli
from tui.files.storage import load_issue, save_issue
from tui.model import Article
from tui.model.merge import merge_issues, merge_lists

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed here")


def test_merge_lists_takes_each_sides_changes_and_keeps_ours_where_both_differ() -> None:
    base = ["甲", "乙", "丙", "丁"]
    assert merge_lists(base, ["甲", "乙二", "丙", "丁"], ["甲", "乙", "丙", "丁四"]) == (
        ["甲", "乙二", "丙", "丁四"],
        [],
    )
    assert merge_lists(base, ["甲", "乙二", "丙", "丁"], ["甲", "乙二", "丙", "丁"]) == (
        ["甲", "乙二", "丙", "丁"],
        [],
    )
    merged, conflicts = merge_lists(base, ["甲", "乙A", "丙", "丁"], ["甲", "乙B", "丙", "丁"])
    assert merged == ["甲", "乙A", "丙", "丁"] and conflicts == [(["乙A"], ["乙B"])]
    assert merge_lists(base, ["零", *base], [*base, "戊"]) == (["零", *base, "戊"], [])


def test_merging_issues_in_the_model_merges_apart_and_records_the_same_paragraph() -> None:
    base = load_issue(DATA / "issues" / "2025-12.toml")
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours.articles[0].paragraphs[0] += "（本方补充）"
    theirs.articles[2].title += "（修订）"
    theirs.articles.append(
        Article("情况交流", "淳安县：新增一篇测试稿件", ["淳安县人大常委会开展专题调研。"])
    )
    ours.masthead.date = dt.date(2025, 11, 20)
    merged, conflicts = merge_issues(base, ours, theirs)
    assert conflicts == []
    assert merged.articles[0].paragraphs[0].endswith("（本方补充）")
    assert merged.articles[2].title.endswith("（修订）")
    assert merged.articles[-1].title == "淳安县：新增一篇测试稿件"
    assert merged.masthead.date == dt.date(2025, 11, 20)

    theirs.articles[0].paragraphs[0] += "（另一方补充）"
    merged, conflicts = merge_issues(base, ours, theirs)
    assert [(c.field, c.where) for c in conflicts] == [("paragraph", "第1段")]
    assert merged.articles[0].paragraphs[0].endswith("（本方补充）")  # ours stays in the text
    note = merged.notes[-1]
    assert note.rule == "merge.conflict" and note.source.endswith("（另一方补充）")  # theirs kept whole


def test_an_article_deleted_on_one_side_and_edited_on_the_other_comes_back_edited() -> None:
    base = load_issue(DATA / "issues" / "2025-12.toml")
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del ours.articles[1]
    theirs.articles[1].paragraphs[0] += "（补充）"
    merged, conflicts = merge_issues(base, ours, theirs)
    assert [a.title for a in merged.articles] == [a.title for a in base.articles]
    assert merged.articles[1].paragraphs[0].endswith("（补充）")
    assert [c.where for c in conflicts] == ["整篇"]


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "编辑甲",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "编辑甲",
        "GIT_COMMITTER_EMAIL": "a@example.org",
    }
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "office"
    shutil.copytree(DATA, repo)
    assert _git(repo, "init", "-q", "-b", "main").returncode == 0
    setup = run_cli("git-setup", "--archive", str(repo / "issues"))
    assert setup.returncode == 0, setup.stderr
    attributes = (repo / ".gitattributes").read_text(encoding="utf-8")
    assert "issues/*.toml diff=jianbao merge=jianbao" in attributes
    assert run_cli("git-setup", "--archive", str(repo / "issues")).returncode == 0  # again: nothing doubled
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == attributes
    assert _git(repo, "add", "-A").returncode == 0
    assert _git(repo, "commit", "-qm", "第12期").returncode == 0
    return repo


def _edit(repo: Path, branch: str, change, message: str) -> None:  # type: ignore[no-untyped-def]
    assert _git(repo, "checkout", "-q", branch).returncode == 0
    path = repo / "issues" / "2025-12.toml"
    issue = load_issue(path)
    change(issue)
    save_issue(issue, path)
    assert _git(repo, "commit", "-qam", message).returncode == 0


def test_two_branches_merge_by_article_and_a_clash_is_a_finding_not_markers(repo: Path) -> None:
    path = repo / "issues" / "2025-12.toml"
    assert _git(repo, "branch", "proof").returncode == 0
    assert _git(repo, "branch", "clash").returncode == 0

    def ours(issue) -> None:  # type: ignore[no-untyped-def]
        issue.articles[0].paragraphs[1] = issue.articles[0].paragraphs[1].replace("。", "（编辑改）。", 1)

    def theirs(issue) -> None:  # type: ignore[no-untyped-def]
        issue.articles[3].paragraphs[0] = issue.articles[3].paragraphs[0].replace("。", "（校对改）。", 1)

    _edit(repo, "main", ours, "编辑修改")
    _edit(repo, "proof", theirs, "校对修改")
    assert _git(repo, "checkout", "-q", "main").returncode == 0
    merged = _git(repo, "merge", "-q", "--no-edit", "proof")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    issue = load_issue(path)
    assert "（编辑改）" in issue.articles[0].paragraphs[1] and "（校对改）" in issue.articles[3].paragraphs[0]

    def clash(issue) -> None:  # type: ignore[no-untyped-def]
        issue.articles[0].paragraphs[1] = issue.articles[0].paragraphs[1].replace("。", "（另一种改法）。", 1)

    _edit(repo, "clash", clash, "另一位编辑的修改")
    assert _git(repo, "checkout", "-q", "main").returncode == 0
    conflicted = _git(repo, "merge", "--no-edit", "clash")
    assert conflicted.returncode != 0  # git reports the conflict…
    text = path.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text  # …but the file is an issue, not conflict markers
    issue = load_issue(path)
    assert "（编辑改）" in issue.articles[0].paragraphs[1]
    check = run_cli("check", str(path))
    assert "合并冲突" in check.stdout and "（另一种改法）" in check.stdout


def test_git_diff_shows_the_change_by_article(repo: Path) -> None:
    path = repo / "issues" / "2025-12.toml"
    issue = load_issue(path)
    issue.articles[1].paragraphs[0] = issue.articles[1].paragraphs[0].replace("聚焦", "紧扣", 1)
    save_issue(issue, path)
    shown = _git(repo, "diff")
    assert shown.returncode == 0, shown.stderr
    assert "[-聚焦-]{+紧扣+}" in shown.stdout and "a/issues/2025-12.toml" in shown.stdout


def test_a_conflict_note_names_the_article_by_its_merged_title() -> None:
    from tui.checks.notes import notes_findings

    base = load_issue(DATA / "issues" / "2025-12.toml")
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    theirs.articles[2].title += "（新标题）"
    ours.articles[2].paragraphs[0] += "甲"
    theirs.articles[2].paragraphs[0] += "乙"
    merged, conflicts = merge_issues(base, ours, theirs)
    assert merged.articles[2].title.endswith("（新标题）") and len(conflicts) == 1
    (finding,) = [f for f in notes_findings(merged) if f.rule == "merge.conflict"]
    assert finding.location.article == 2

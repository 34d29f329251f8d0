"""The word lists as data, and what a house does with them in bulletin.toml.

A house switches rules or whole families off (``[checks] off``), switches
shipped list entries off and adds its own (``[language]``); a name that
matches no rule, or a pattern that does not compile, is a load error that
names the file, the line and the field.  The shipped lists are checked
here too: every pattern compiles, every correction is itself clean.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import run_cli
from rulekit import ARCHIVE, HOUSE, clean_issue
from tui.checks.lexicon import Lexicon, lexicon_for
from tui.checks.rules import check_issue
from tui.checks.waivers import waiver_for
from tui.files.config import loads_house
from tui.files.storage import load_issue, save_issue
from tui.files.wordlists import loads_wordlist, shipped_entries
from tui.model.errors import LoadError
from tui.model.wordlist import LIST_RULES, LanguageSettings, WordEntry

TYPO = "会议对下一步工作作了具体按排。"


def _found(paragraph: str, house=HOUSE) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = paragraph
    return [(f.rule, f.matched) for f in check_issue(issue, house, ARCHIVE)]


def _house_text(extra: str) -> str:
    base = (Path(__file__).parents[1] / "data" / "bulletin.toml").read_text(encoding="utf-8")
    return base + "\n" + extra


# ---------------------------------------------------------------- the shipped lists


def test_the_shipped_lists_are_hundreds_of_sourced_entries() -> None:
    entries = shipped_entries()
    assert len(entries) > 400
    assert all(e.source for e in entries)
    assert {e.rule for e in entries} == set(LIST_RULES)
    wrongs = [e.wrong for e in entries]
    assert len(wrongs) == len(set(wrongs)), "an entry is listed twice"


def test_every_shipped_pattern_compiles() -> None:
    for e in shipped_entries():
        for pattern in (e.after, e.not_after, e.before, e.not_before):
            re.compile(pattern)


def test_no_correction_is_itself_reported() -> None:
    """Applying the list's own fix must not produce another finding of the list."""
    lexicon = lexicon_for(LanguageSettings())
    dirty = [
        (e.wrong, e.right, hit[2].wrong)
        for e in shipped_entries()
        if e.right
        for hit in lexicon.find(e.right)
    ]
    assert dirty == []


def test_every_entry_is_found_in_a_sentence_of_its_own() -> None:
    """Each wrong form, between neutral words, is reported (its conditions permitting)."""
    lexicon = lexicon_for(LanguageSettings())
    missed = []
    for e in shipped_entries():
        if e.after or e.before:
            continue  # found only in context: the rule tests give those their context
        text = f"大家认为{e.wrong}。"
        if not any(start == 4 and entry.wrong == e.wrong for start, _, entry in lexicon.find(text)):
            missed.append(e.wrong)
    assert missed == []


def test_a_seam_of_two_right_words_is_not_a_typo() -> None:
    assert _found("区人大常委会按排名先后公布积分，按排放标准抽测企业。") == []
    assert ("wording.typo", "按排") in _found(TYPO)


def test_the_longest_entry_wins_and_a_failed_condition_hides_nothing() -> None:
    lexicon = Lexicon(
        [
            WordEntry("按排", "安排", not_after="名"),
            WordEntry("排名表", "排行表"),
        ]
    )
    assert [(s, e.wrong) for s, _, e in lexicon.find("按排名表，按排工作")] == [(1, "排名表"), (5, "按排")]


def test_a_bad_line_in_a_list_names_the_file_line_and_field() -> None:
    text = "format = \"jianbao-wordlist/1\"\n\n[[group]]\nrule = \"wording.typo\"\nsource = \"测试\"\nentries = '''\n按排 安排\n凑效 奏效 sometimes=1\n'''\n"
    with pytest.raises(LoadError) as caught:
        loads_wordlist(text, "list.toml")
    err = caught.value
    assert err.file == "list.toml" and err.line == 8 and err.field == "group[0].entries"
    assert "sometimes=1" in err.render("zh")


# ---------------------------------------------------------------- the house's switches


def test_a_house_switches_a_rule_or_a_family_off() -> None:
    assert _found(TYPO, replace(HOUSE, checks_off=("wording.typo",))) == []
    assert _found(TYPO, replace(HOUSE, checks_off=("wording",))) == []
    assert _found("每季度开展视察3-5天。", replace(HOUSE, checks_off=("wording",))) == [
        ("numbers.range", "3-5")
    ]


def test_a_house_switches_a_shipped_entry_off_and_adds_its_own() -> None:
    house = loads_house(
        _house_text(
            "[language]\n"
            'off = ["按排"]\n'
            "[[language.entries]]\n"
            'wrong = "代表之家站"\n'
            'right = "代表联络站"\n'
            'rule = "standard.term"\n'
            'note = "本刊统一称联络站"\n'
        ),
        "bulletin.toml",
    )
    assert _found(TYPO, house) == []
    found = _found("全区建成代表之家站12个。", house)
    assert found == [("standard.term", "代表之家站")]
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "全区建成代表之家站12个。"
    (f,) = check_issue(issue, house, ARCHIVE)
    assert f.fix == "代表联络站" and "本刊统一称联络站" in f.message.zh and "本刊词表" in f.message.zh


def test_a_bad_house_pattern_is_a_load_error_naming_the_field() -> None:
    text = _house_text('[[language.entries]]\nwrong = "某词"\nright = "另词"\nnot_after = "[未闭合"\n')
    with pytest.raises(LoadError) as caught:
        loads_house(text, "bulletin.toml")
    assert caught.value.field == "language.entries[0].not_after"
    assert caught.value.line == text.splitlines().index('not_after = "[未闭合"') + 1


def test_an_unknown_rule_name_in_checks_off_stops_the_check_with_exit_2(tmp_path: Path) -> None:
    archive = tmp_path / "issues"
    archive.mkdir()
    (tmp_path / "bulletin.toml").write_text(
        _house_text('[checks]\noff = ["wording.typos"]\n'), encoding="utf-8"
    )
    path = archive / "x.toml"
    save_issue(clean_issue(), path)
    r = run_cli("check", str(path))
    assert r.returncode == 2
    assert "bulletin.toml" in r.stderr and "wording.typos" in r.stderr and "checks.off" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_house_switch_that_names_a_family_is_accepted(tmp_path: Path) -> None:
    archive = tmp_path / "issues"
    archive.mkdir()
    (tmp_path / "bulletin.toml").write_text(
        _house_text('[checks]\noff = ["particle", "numbers.range"]\n'), encoding="utf-8"
    )
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "今年的各项工作完成的很好，每季度视察3-5天。"
    path = archive / "x.toml"
    save_issue(issue, path)
    r = run_cli("check", str(path))
    assert "particle" not in r.stdout and "numbers.range" not in r.stdout, r.stdout


# ---------------------------------------------------------------- waivers and reports


def test_a_waived_language_finding_is_shown_waived_and_passes(tmp_path: Path) -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = TYPO
    (f,) = [f for f in check_issue(issue, HOUSE, ARCHIVE) if f.rule == "wording.typo"]
    issue.waivers.append(waiver_for(f, "引用原件用字", "王校对", dt.datetime(2025, 11, 27, 10, 0)))
    path = tmp_path / "issues" / "x.toml"
    path.parent.mkdir()
    save_issue(issue, path)
    r = run_cli("check", str(path), "--archive", str(path.parent))
    assert r.returncode == 0, r.stdout
    assert "（已豁免：引用原件用字——王校对）" in r.stdout
    run_cli("check", "--fix", str(path), "--archive", str(path.parent))
    assert "按排" in load_issue(path).articles[0].paragraphs[3]


def test_the_json_report_carries_the_rule_name_basis_and_fix(tmp_path: Path) -> None:
    import json

    issue = clean_issue()
    issue.articles[0].paragraphs[3] = TYPO
    path = tmp_path / "issues" / "x.toml"
    path.parent.mkdir()
    save_issue(issue, path)
    r = run_cli("check", str(path), "--archive", str(path.parent), "--format", "json")
    found = [f for f in json.loads(r.stdout)["files"][0]["findings"] if f["rule"] == "wording.typo"]
    assert (
        found
        and found[0]["name"] == "错别字"
        and found[0]["fix"] == "安排"
        and "现代汉语词典" in found[0]["basis"]
    )


def test_check_fix_corrects_list_findings(tmp_path: Path) -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "坚持以法治国，每季度视察3-5天，各地建立了工作台帐。"
    path = tmp_path / "issues" / "x.toml"
    path.parent.mkdir()
    save_issue(issue, path)
    run_cli("check", "--fix", str(path), "--archive", str(path.parent))
    assert (
        load_issue(path).articles[0].paragraphs[3] == "坚持依法治国，每季度视察3～5天，各地建立了工作台账。"
    )

"""`jianbao check`: output formats, exit codes, waivers, --fix, --strict, no Textual."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from rulekit import clean_issue, findings
from tui.checks.fixes import apply_fixes
from tui.checks.waivers import STALE, apply_waivers, waiver_for
from tui.files.storage import load_issue, save_issue

AT = dt.datetime(2025, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def test_text_output_linter_convention(sample_toml: Path) -> None:
    r = run_cli("check", str(sample_toml))
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert f"{sample_toml}: 第1篇「拱墅区：…」 第3段 第" in lines[0]
    assert ": 错误 [typography.halfwidth-comma 半角逗号] 中文之间使用了半角逗号" in lines[0]
    assert lines[0].endswith(
        "：…导产业开展穿透式监督⟦,⟧实现大武林商圈、人工…"
    )  # the context, the span marked
    assert lines[-1] == "共 168 条：168 错误，0 警告，0 提示"


def test_english_output(sample_toml: Path) -> None:
    r = run_cli("check", str(sample_toml), "--lang", "en")
    assert "article 1 “拱墅区：…” paragraph 3 char" in r.stdout
    assert r.stdout.splitlines()[-1] == "168 findings: 168 errors, 0 warnings, 0 info"
    assert run_cli("check", str(sample_toml), env={"LANG": "en_US.UTF-8"}).stdout == r.stdout


def test_json_output(sample_toml: Path) -> None:
    r = run_cli("check", str(sample_toml), "--format", "json")
    doc = json.loads(r.stdout)
    (entry,) = doc["files"]
    assert entry["file"] == str(sample_toml)
    assert entry["summary"] == {"error": 168, "warning": 0, "info": 0, "waived": 0}
    f = entry["findings"][0]
    assert f["rule"] == "typography.halfwidth-comma" and f["severity"] == "error" and f["fix"] == "，"
    assert (
        f["basis"].startswith("GB/T 15834—2011")
        and f["name"] == "半角逗号"
        and f["context"] == "…导产业开展穿透式监督⟦,⟧实现大武林商圈、人工…"
    )
    loc = f["location"]
    assert (loc["article"], loc["field"], loc["paragraph"]) == (0, "paragraph", 2)
    assert loc["end"] == loc["start"] + 1 and loc["title"].startswith("拱墅区")


def test_exit_codes(tmp_path: Path, archive: Path) -> None:
    clean = tmp_path / "clean.toml"
    save_issue(clean_issue(), clean)
    assert run_cli("check", str(clean), "--archive", str(archive)).returncode == 0
    broken = tmp_path / "broken.toml"
    broken.write_text("format = ", encoding="utf-8")
    r = run_cli("check", str(broken))
    assert r.returncode == 2 and "broken.toml" in r.stderr and "Traceback" not in r.stderr


def test_strict_fails_on_warnings(tmp_path: Path, archive: Path) -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[1] = "一是调研人工智能产业 48 家。"  # a house-style warning
    path = tmp_path / "warn.toml"
    save_issue(issue, path)
    assert run_cli("check", str(path), "--archive", str(archive)).returncode == 0
    assert run_cli("check", str(path), "--archive", str(archive), "--strict").returncode == 1


def test_fix_applies_saves_and_is_idempotent(sample_toml: Path) -> None:
    r = run_cli("check", "--fix", str(sample_toml))
    assert r.returncode == 0, r.stdout
    assert r.stdout.count("已修改") == 168
    assert "已修改 “,” → “，” [typography.halfwidth-comma]" in r.stdout
    issue = load_issue(sample_toml)
    assert issue.articles[1].title == "西湖区：高效履职助力推动企业场景服务迭代升级"
    assert "各区、县（市）人大常委会" in issue.endblock.distribution[1]
    before = sample_toml.read_bytes()
    again = run_cli("check", "--fix", str(sample_toml))
    assert again.returncode == 0 and "已修改" not in again.stdout
    assert sample_toml.read_bytes() == before


def test_fix_leaves_other_text_alone(sample_toml: Path) -> None:
    before = load_issue(sample_toml)
    run_cli("check", "--fix", str(sample_toml))
    after = load_issue(sample_toml)
    for a, b in zip(before.articles, after.articles, strict=True):
        assert [p.replace(",", "，").replace(";", "；") for p in a.paragraphs] == b.paragraphs
        assert a.byline == b.byline


def test_waiver_silences_and_goes_stale(tmp_path: Path) -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "三是“加油站”赋能,精准激活力。"
    (f,) = [f for f in findings(issue) if f.rule == "typography.halfwidth-comma"]
    issue.waivers.append(waiver_for(f, "引文原文如此", "王校对", AT))
    waived = apply_waivers(findings(issue), issue.waivers)
    (w,) = [x for x in waived if x.rule == "typography.halfwidth-comma"]
    assert not w.active and w.waiver.reason == "引文原文如此"  # type: ignore[union-attr]
    # an edit elsewhere in the paragraph keeps the waiver
    issue.articles[0].paragraphs[3] = "三是“加油站”全力赋能,精准激活力。"
    assert all(
        not x.active for x in apply_waivers(findings(issue), issue.waivers) if x.rule.startswith("typography")
    )
    # the text it waived is gone: the waiver is stale
    issue.articles[0].paragraphs[3] = "三是“加油站”赋能，精准激活力。"
    stale = [x for x in apply_waivers(findings(issue), issue.waivers) if x.rule == STALE]
    assert len(stale) == 1 and stale[0].severity.value == "info"


def test_waived_errors_pass_check_and_are_shown(tmp_path: Path, archive: Path) -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "三是“加油站”赋能,精准激活力。"
    (f,) = [f for f in findings(issue) if f.rule == "typography.halfwidth-comma"]
    issue.waivers.append(waiver_for(f, "引文原文如此", "王校对", AT))
    path = tmp_path / "waived.toml"
    save_issue(issue, path)
    r = run_cli("check", str(path), "--archive", str(archive))
    assert r.returncode == 0, r.stdout
    assert "（已豁免：引文原文如此——王校对）" in r.stdout
    # The archive holds the sample, which printed this article's title already: a warning, not an error.
    assert "archive.repeated-title" in r.stdout
    assert r.stdout.splitlines()[-1] == "共 2 条：0 错误，1 警告，0 提示，1 已豁免"
    # --fix does not touch a waived finding
    run_cli("check", "--fix", str(path), "--archive", str(archive))
    assert "赋能,精准" in load_issue(path).articles[0].paragraphs[3]


def test_overlapping_fixes_converge() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs[3] = "三是“加油站”赋能 , 精准激活力...。"
    for _ in range(5):
        if not apply_fixes(issue, findings(issue)):
            break
    assert issue.articles[0].paragraphs[3] == "三是“加油站”赋能，精准激活力……。"
    assert not [f for f in findings(issue) if f.fix is not None]


def test_numbering_against_archive_folder(archive: Path) -> None:
    made = run_cli("new", "--archive", str(archive), "--date", "2025-11-28")
    path = Path(made.stdout.strip())
    issue = load_issue(path)
    issue.masthead.number = 15
    save_issue(issue, path)
    r = run_cli("check", str(path))
    assert "[numbering.number 期号不连续] 期号应为第13期" in r.stdout


def test_check_does_not_import_textual(sample_toml: Path) -> None:
    """Nor the editor's, the archive tools' or the writers' modules: ``check`` starts in a blink."""
    unwanted = ("textual", "rich.live", "tui.cli.archive_commands", "sqlite3", "docx")
    code = (
        "import sys; from tui.cli.main import main; main(['check', sys.argv[1]]); "
        f"sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in {unwanted!r} or m in {unwanted!r})))"
    )
    r = subprocess.run([sys.executable, "-c", code, str(sample_toml)], capture_output=True, text=True)
    assert r.stderr.strip().splitlines()[-1] == "[]"


def test_docs_list_every_rule() -> None:
    from conftest import ROOT
    from tui.checks.rules import all_rule_ids

    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for rule in [*all_rule_ids(), STALE, "numbering.archive-unreadable"]:
        assert f"`{rule}`" in doc, rule


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["edit"]),
        (["--archive", "data/issues"], ["edit", "--archive", "data/issues"]),
        (["--lang", "en", "--archive", "a"], ["edit", "--lang", "en", "--archive", "a"]),
        (["--archive", "a", "x.toml"], ["edit", "--archive", "a", "x.toml"]),
        (["x.toml"], ["edit", "x.toml"]),
        (["check", "x.toml"], ["check", "x.toml"]),
        (["--help"], ["--help"]),
    ],
)
def test_without_a_command_jianbao_edits(argv: list[str], expected: list[str]) -> None:
    """`jianbao --archive DIR` opens the archive's newest issue, like bare `jianbao` (it was an argparse error)."""
    from tui.cli.args import build_parser
    from tui.cli.main import _with_default_command

    assert _with_default_command(argv) == expected
    if argv and argv[0] != "--help":
        args = build_parser("zh").parse_args(expected)
        assert args.command == "edit" or args.command == "check"


def test_help_fits_the_terminal_width() -> None:
    """Help is laid out to $COLUMNS, as argparse's own lookup would (ours spares the import of shutil)."""
    narrow = run_cli("check", "--help", env={"COLUMNS": "50"})
    wide = run_cli("check", "--help", env={"COLUMNS": "200"})
    assert narrow.returncode == wide.returncode == 0
    assert narrow.stdout.startswith("用法：jianbao check")
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 48
    assert max(len(line) for line in wide.stdout.splitlines()) > 60
    assert len(narrow.stdout.splitlines()) > len(wide.stdout.splitlines())


def test_the_english_summary_counts_in_the_singular_and_the_plural(sample_toml: Path) -> None:
    from tui.checks.checking import open_check
    from tui.checks.report import summary_line

    check = open_check(sample_toml)
    check.run()
    assert summary_line(check.findings[:1], "en") == "1 finding: 1 error, 0 warnings, 0 info"
    assert summary_line([], "en") == "0 findings: 0 errors, 0 warnings, 0 info"
    assert summary_line(check.findings[:1], "zh") == "共 1 条：1 错误，0 警告，0 提示"

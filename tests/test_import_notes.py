"""What the importer noticed stays in the issue as [[notes]], shows among the findings, and can be resolved."""

from __future__ import annotations

import json
from pathlib import Path

from apphelp import SIZE, checked, main, make_app, settle, until
from conftest import run_cli
from tui.app.validation import FindingTable
from tui.files.storage import load_issue

LOST_TITLE = "钱塘区:“三聚三助”助推新质生产力高质量发展"


def _without_the_third_article(sample_text: str) -> str:
    """The source as if a page were lost: 钱塘区's article is gone from the body, still in the contents."""
    lines = sample_text.splitlines()
    start = next(i for i, line in enumerate(lines) if i > 30 and line.startswith("钱塘区"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("(钱塘区"))
    return "\n".join(lines[:start] + lines[end + 1 :])


def test_import_keeps_its_findings_as_notes_and_check_shows_them(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "第12期.txt"
    source.write_text(_without_the_third_article(sample_text), encoding="utf-8")
    out = tmp_path / "2025-12.toml"
    r = run_cli("import", str(source), "-o", str(out), "--format", "json")
    assert r.returncode == 0, r.stderr
    printed = json.loads(r.stderr)["files"][0]["findings"]
    issue = load_issue(out)
    assert len(issue.notes) == len(printed) > 0
    lost = [n for n in issue.notes if n.rule == "contents.missing-article" and n.severity == "error"]
    assert len(lost) == 1 and LOST_TITLE in lost[0].source and lost[0].line is not None
    r = run_cli("check", str(out))
    assert r.returncode == 1
    assert "[contents.missing-article]" in r.stdout and LOST_TITLE in r.stdout


def test_a_note_can_be_waived_or_marked_done(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "第12期.txt"
    source.write_text(_without_the_third_article(sample_text), encoding="utf-8")
    out = tmp_path / "2025-12.toml"
    assert run_cli("import", str(source), "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "[[notes]]" in text and "done = false" in text
    marked = out.with_name("marked.toml")
    marked.write_text(text.replace("done = false", "done = true"), encoding="utf-8")
    r = run_cli("check", str(marked), "--format", "json")
    rules = {f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert "contents.missing-article" not in rules and not any(x.startswith("import.") for x in rules)


async def test_the_checks_pane_shows_a_note_and_d_marks_it_done(tmp_path: Path, sample_text: str) -> None:
    (tmp_path / "data" / "issues").mkdir(parents=True)
    source = tmp_path / "第12期.txt"
    source.write_text(_without_the_third_article(sample_text), encoding="utf-8")
    out = tmp_path / "data" / "issues" / "2025-12.toml"
    assert run_cli("import", str(source), "-o", str(out)).returncode == 0
    app = make_app(out)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        table = screen.query_one(FindingTable)
        table.focus()
        table.move_to(next(f for f in table.shown if f.rule == "contents.missing-article"))
        await pilot.pause()
        await pilot.press("d")
        await until(
            pilot, lambda: not any(f.rule == "contents.missing-article" for f in main(app).session.findings())
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
    (note,) = [n for n in load_issue(out).notes if n.rule == "contents.missing-article"]
    assert note.done


def test_a_word_submission_leaves_its_notes_in_the_issue(sample_toml: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("淳安县：强化监督护航生态")
    document.add_paragraph("淳安县人大常委会开展生态环境监督。")
    document.add_paragraph("(淳安县人大常委会办公室 周杰)")
    path = tmp_path / "淳安来稿.docx"
    document.save(str(path))
    r = run_cli("import", str(path), "--into", str(sample_toml))
    assert r.returncode == 0, r.stderr
    notes = load_issue(sample_toml).notes
    assert notes and all(n.message.startswith("淳安来稿.docx：") for n in notes)
    assert {n.title for n in notes} == {"淳安县：强化监督护航生态"}

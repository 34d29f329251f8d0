"""Imports never drop text silently: every line of the body ends up in the issue or in a finding that names it."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tui.exporters import render
from tui.files.config import default_house
from tui.importers.docx import import_issue_docx
from tui.importers.text import ImportResult, import_text
from tui.model import Issue

_IGNORED = re.compile(r"[\s()（）\u3000]")
_LABELS = re.compile(r"^(送\s*[：:]|本期责任编辑\s*[：:]|电\s*话\s*[：:])")
_FOOTER = re.compile(r"^[—－\-–]+\d+[—－\-–]+$")


def _fold(text: str) -> str:
    """What must survive of a line: its characters, not the spaces, brackets or end-block labels."""
    return _IGNORED.sub("", _LABELS.sub("", text.strip()))


def _issue_text(issue: Issue) -> str:
    parts = [issue.masthead.name, issue.masthead.unit, *(c.name for c in issue.columns)]
    for a in issue.articles:
        parts += [a.title, *a.paragraphs]
        if a.byline is not None:
            parts.append(a.byline.unit + "".join(a.byline.authors))
    e = issue.endblock
    parts += [*e.distribution, e.editor, e.phone]
    return _fold("\n".join(parts))


def lost_lines(source: str, result: ImportResult, body_from: int) -> list[tuple[int, str]]:
    """Source lines (from ``body_from``, 1-based) found neither in the issue nor in a finding on their line."""
    kept = _issue_text(result.issue)
    lost = []
    for number, line in enumerate(source.splitlines()[body_from - 1 :], start=body_from):
        folded = _fold(line)
        if not folded or _FOOTER.match(folded) or folded in kept:
            continue
        if any(f.location.line == number and folded in _fold(f.message.get("zh")) for f in result.findings):
            continue
        lost.append((number, line))
    return lost


def _body_start(lines: list[str]) -> int:
    """The first line after the contents (the line with 'N 则' closes it in the sample)."""
    return next(i for i, line in enumerate(lines) if re.search(r"\d+\s*则", line)) + 2


def test_the_sample_loses_nothing(sample_text: str) -> None:
    result = import_text(sample_text, default_house())
    assert lost_lines(sample_text, result, _body_start(sample_text.splitlines())) == []


@pytest.mark.parametrize("seed", range(40))
def test_variants_with_lines_dropped_duplicated_or_shuffled_lose_nothing(sample_text: str, seed: int) -> None:
    rng = random.Random(seed)
    lines = sample_text.splitlines()
    start = _body_start(lines)
    body = [i for i in range(start - 1, len(lines)) if lines[i].strip()]
    for _ in range(3):
        op = rng.choice(["drop", "duplicate", "swap", "shuffle"])
        i, j = rng.choice(body), rng.choice(body)
        if op == "drop":
            lines[i] = ""
        elif op == "duplicate":
            lines[i] = lines[i] + "\n\n" + lines[i]
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            window = body[rng.randrange(len(body) - 6) :][:6]
            moved = [lines[k] for k in window]
            rng.shuffle(moved)
            for k, text in zip(window, moved, strict=True):
                lines[k] = text
    source = "\n".join(lines)
    result = import_text(source, default_house())
    assert lost_lines(source, result, start) == []


@pytest.mark.parametrize("dropped", range(5))
def test_a_lost_contents_line_keeps_titles_and_columns(sample_text: str, dropped: int) -> None:
    lines = sample_text.splitlines()
    contents = next(i for i, line in enumerate(lines) if line.strip() == "目 录")
    entries = [i for i in range(contents + 1, _body_start(lines) - 1) if lines[i].strip()]
    gone = entries[dropped]
    lines[gone] = ""
    source = "\n".join(lines)
    result = import_text(source, default_house())
    full = import_text(sample_text, default_house())
    assert [a.title for a in result.issue.articles] == [a.title for a in full.issue.articles]
    titled_in_briefs = [a.title for a in result.issue.articles if a.column == "信息摘登" and a.title]
    assert titled_in_briefs == []
    assert lost_lines(source, result, _body_start(lines)) == []


QUESTION = "代表联络站如何“活”起来？"
EXCLAIM = "履职为民有多远！"


def _with_question_titles(sample_text: str) -> str:
    return sample_text.replace("多措并举护航新质生产力“加速跑”", QUESTION).replace(
        "高效履职助力推动企业场景服务迭代升级", EXCLAIM
    )


def test_titles_ending_in_question_or_exclamation_marks_stay_titles(sample_text: str) -> None:
    house = default_house()
    result = import_text(_with_question_titles(sample_text), house)
    titles = [a.title for a in result.issue.articles]
    assert titles[0] == f"拱墅区：{QUESTION}" and titles[1] == f"西湖区:{EXCLAIM}"
    assert len(result.issue.articles) == len(import_text(sample_text, house).issue.articles)
    again = import_text(render(result.issue, house.style, "text").decode("utf-8"), house)
    assert replace(again.issue, notes=[]) == replace(result.issue, notes=[])


def test_titles_ending_in_question_marks_survive_the_word_round_trip(
    sample_text: str, tmp_path: Path
) -> None:
    house = default_house()
    issue = import_text(_with_question_titles(sample_text), house).issue
    path = tmp_path / "issue.docx"
    path.write_bytes(render(issue, house.style, "docx"))
    assert replace(import_issue_docx(path, house).issue, notes=[]) == replace(issue, notes=[])


def test_a_title_listed_twice_in_the_contents_makes_no_phantom_article() -> None:
    """Two articles with one title (a mistake, but it happens): the text export imports back article for article.

    The contents lists the title twice; the importer once took the second
    listing for the body's first title, and every article after it shifted.
    """
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from synth import make_issue

    house = default_house()
    issue = make_issue(50)
    issue.articles[7].title = issue.articles[6].title = "淳安县：全力打造经济高质量发展的新增长极"
    issue.articles[30].title = issue.articles[2].title  # in another column too
    text = render(issue, house.style, "text").decode("utf-8")
    back = import_text(text, house).issue
    assert [(a.column, a.title, a.paragraphs) for a in back.articles] == [
        (a.column, a.title, a.paragraphs) for a in issue.articles
    ]

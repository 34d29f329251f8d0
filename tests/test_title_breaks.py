"""The editor's own line breaks in a long title: typed, stored, kept through edits, printed."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from tui.files import codec
from tui.files.tomlread import FieldError
from tui.model import Article, Column, EndBlock, Issue, Masthead
from tui.model.titlebreak import (
    balanced_lines,
    parse_typed,
    retitle,
    title_lines,
    valid_breaks,
    with_breaks,
)

TITLE = "临平区：聚焦共同富裕示范区建设持续擦亮人大代表联络站品牌"


def _article(breaks: tuple[int, ...] = ()) -> Article:
    return Article(column="助力攻坚", title=TITLE, paragraphs=["正文。"], title_breaks=breaks)


def test_typed_breaks_become_offsets_and_show_again_as_typed() -> None:
    typed = "临平区：聚焦共同富裕示范区建设\n持续擦亮人大代表联络站品牌"
    title, breaks = parse_typed(typed)
    assert title == TITLE
    assert breaks == (15,)
    assert with_breaks(_article(breaks)) == typed


@pytest.mark.parametrize(
    ("typed", "breaks"),
    [("\n" + TITLE, ()), (TITLE + "\n", ()), (TITLE[:4] + "\n\n" + TITLE[4:], (4,))],
)
def test_a_break_at_an_end_or_an_empty_line_is_not_a_line(typed: str, breaks: tuple[int, ...]) -> None:
    assert parse_typed(typed) == (TITLE, breaks)


def test_the_print_follows_the_editors_breaks_instead_of_the_balanced_cut() -> None:
    article = _article((15,))
    assert title_lines(article) == ["临平区：聚焦共同富裕示范区建设", "持续擦亮人大代表联络站品牌"]
    assert title_lines(_article()) == balanced_lines(TITLE)
    assert title_lines(_article()) != title_lines(article)


def test_a_hand_made_line_wider_than_the_line_is_balanced_within_itself() -> None:
    long = _article((2,))
    lines = title_lines(long, per_line=10)
    assert lines[0] == TITLE[:2]
    assert "".join(lines) == TITLE
    assert all(len(line) <= 10 for line in lines)


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (TITLE.replace("临平区", "余杭区"), (15,)),  # before the break: unchanged
        (TITLE.replace("人大代表", "代表"), (15,)),  # after it: the break keeps its place
        (TITLE.replace("聚焦", "围绕并聚焦"), (18,)),  # before it, longer: it moves on with the text
        (
            TITLE.replace("示范区建设持续", "建设持续"),
            (12,),
        ),  # shorter before it: it moves back with the text
        (TITLE.replace("建设持续", "工作不断"), (17,)),  # the break inside the changed text: at its end
        ("临平区", ()),  # the title got too short for it
    ],
)
def test_a_replace_or_fix_moves_the_break_with_the_text_around_it(
    new: str, expected: tuple[int, ...]
) -> None:
    article = _article((15,))
    retitle(article, new)
    assert article.title == new
    assert article.title_breaks == expected
    assert valid_breaks(article.title, article.title_breaks)


def _issue(article: Article) -> Issue:
    masthead = Masthead("杭州人大信息", "普刊", 5, 700, "杭州市人大常委会研究室", dt.date(2026, 3, 1))
    return Issue(
        masthead, [Column("助力攻坚")], [article], EndBlock(["市人大常委会领导"], "王编辑", "85000000")
    )


def test_breaks_are_stored_as_the_titles_lines_and_read_back() -> None:
    issue = _issue(_article((4, 15)))
    text = codec.dumps(issue)
    stored = tomllib.loads(text)["articles"][0]
    assert stored["title"] == TITLE
    assert stored["title_lines"] == ["临平区：", "聚焦共同富裕示范区建设", "持续擦亮人大代表联络站品牌"]
    assert codec.loads(text) == issue
    assert "title_lines" not in codec.dumps(_issue(_article()))


def test_lines_that_do_not_make_up_the_title_are_refused_naming_the_field() -> None:
    text = codec.dumps(_issue(_article((4,)))).replace('"临平区：",', '"临平区",')
    with pytest.raises(FieldError) as raised:
        codec.loads(text)
    assert raised.value.path == "articles[0].title_lines"


def test_every_laid_out_export_prints_the_editors_lines(sample_toml: Path) -> None:
    """The .docx, the PDF's Typst source and the HTML break the title where the editor did."""
    import io

    import docx

    from tui.exporters import pdf, render
    from tui.files.config import load_house
    from tui.files.storage import load_issue

    issue = load_issue(sample_toml)
    style = load_house(sample_toml.parent).style
    index = next(i for i, a in enumerate(issue.articles) if a.title.startswith("萧山区"))
    article = issue.articles[index]
    article.title_breaks = (4,)  # right after 萧山区: instead of the balanced cut after the quote
    head, rest = article.title[:4], article.title[4:]

    document = docx.Document(io.BytesIO(render(issue, style, "docx")))
    printed = next(p for p in document.paragraphs if p.style.name == "Title" and p.text.startswith("萧山区"))
    assert printed.text.split("\n") == [head, rest]

    fonts = dict.fromkeys(("body", "title", "heading", "masthead", "number", "latin"), "Noto Serif CJK SC")
    assert f'#title(("{head}", "{rest}",))' in pdf.typst_source(issue, style, fonts)

    html = render(issue, style, "html").decode("utf-8")
    assert f"<h3>{head}<br>{rest}</h3>" in html

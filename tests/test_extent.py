"""字数 and the printed-page estimate of an issue (22 lines of 28 characters a page)."""

from __future__ import annotations

from pathlib import Path

from apphelp import SIZE, main, make_app, until
from rulekit import clean_issue
from tui.files.storage import load_issue
from tui.model import Article, Byline, Column
from tui.model.extent import LINES_PER_PAGE, extent, lines_of


def test_lines_count_places_half_width_as_half() -> None:
    assert lines_of("字" * 26, 28, indent=2) == 1
    assert lines_of("字" * 27, 28, indent=2) == 2
    assert lines_of("a" * 52, 28, indent=2) == 1  # 26 places
    assert lines_of("", 28) == 1


def test_pages_grow_with_the_text() -> None:
    issue = clean_issue()
    issue.columns = [Column("工作动态")]
    issue.articles = [
        Article("工作动态", "某区：标题", ["字" * 26], Byline("某区人大常委会办公室", ["张三"]))
    ]
    small = extent(issue)
    assert small.articles == 1 and small.briefs == 0 and small.chars == 26
    assert small.pages == 2  # the masthead and contents page, and one page of text
    issue.articles[0].paragraphs = ["字" * 26] * (LINES_PER_PAGE * 3)
    assert extent(issue).pages == 1 + 4  # 66 lines of text with heading, title and byline: four pages


def test_the_sample_as_the_word_export_prints_it(sample_toml: Path) -> None:
    """12 pages of lines; LibreOffice prints the Word export on 14 (titles and bylines kept with their text)."""
    size = extent(load_issue(sample_toml))
    assert (size.articles, size.briefs, size.chars, size.pages) == (6, 3, 5015, 12)


async def test_the_masthead_card_shows_the_totals(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        card = main(app).query_one("#masthead-card")
        await until(pilot, lambda: "正文 5,015 字" in str(card.render()))
        assert "全刊 6 篇、摘登 3 则" in str(card.render()) and "印刷约 12 页" in str(card.render())

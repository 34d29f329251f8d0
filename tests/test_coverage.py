"""District coverage: which districts have not appeared yet in this quarter's issues."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from apphelp import checked, focus, main, make_app, select, type_text, until
from rulekit import clean_issue
from tui.app.coverage_panel import CoveragePanel, coverage_line
from tui.app.outline_nodes import NodeRef
from tui.files.archive import earlier_in_quarter
from tui.files.config import default_house
from tui.files.storage import load_issue, save_issue
from tui.model import Article, Byline, Issue
from tui.model.coverage import coverage

HOUSE = default_house()


def _issue(date: dt.date, *articles: Article) -> Issue:
    issue = clean_issue()
    issue.masthead.date = date
    issue.articles = list(articles)
    return issue


def test_a_district_appears_by_title_byline_or_a_briefs_first_words() -> None:
    first, second, third = HOUSE.districts[:3]
    earlier = _issue(dt.date(2025, 10, 9), Article("监督纵横", f"{first}：做法", ["正文。"]))
    current = _issue(
        dt.date(2025, 11, 6),
        Article("监督纵横", "一项做法", ["正文。"], Byline(f"{second}人大常委会办公室", ["王明"])),
        Article("信息摘登", "", [f"{third}人大常委会召开主任会议。"]),
    )
    found = coverage(current, [earlier], HOUSE)
    assert (found.year, found.quarter, found.issues) == (2025, 4, 2)
    assert not {first, second, third} & set(found.missing)
    assert list(found.missing) == [d for d in HOUSE.districts if d not in (first, second, third)]


NAMES = [*HOUSE.districts, "市人大", ""]  # every district, a city-level unit, an untitled article


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.permutations(NAMES), st.integers(0, len(NAMES))), min_size=1, max_size=4))
def test_missing_districts_are_those_no_article_of_the_quarter_names(
    issues: list[tuple[list[str], int]],
) -> None:
    """However the articles fall (every district named early, late or not at all), what is missing is
    what no article of any of the issues is attributed to."""
    from tui.model.stats import district_of

    date = dt.date(2025, 11, 6)
    made = [
        _issue(date, *(Article("监督纵横", f"{d}：做法" if d else "", ["正文。"]) for d in names[:count]))
        for names, count in issues
    ]
    found = coverage(made[0], made[1:], HOUSE)
    named = {district_of(a, HOUSE) for issue in made for a in issue.articles}
    assert found.missing == tuple(d for d in HOUSE.districts if d not in named)
    assert found.issues == len(made)


def test_only_earlier_issues_of_the_same_quarter_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "issues"
    folder.mkdir()
    dates = {"q3": dt.date(2025, 9, 25), "early": dt.date(2025, 10, 9), "later": dt.date(2025, 12, 4)}
    for name, date in dates.items():
        save_issue(_issue(date, Article("监督纵横", f"{name}：标题", ["正文。"])), folder / f"{name}.toml")
    current = _issue(dt.date(2025, 11, 6))
    me = folder / "current.toml"
    save_issue(current, me)
    found = earlier_in_quarter(folder, current, me)
    assert [i.articles[0].title for i in found] == ["early：标题"]


async def test_the_panel_under_the_outline_follows_the_typing(sample_toml: Path) -> None:
    issue = load_issue(sample_toml)
    shown = set(HOUSE.districts) - set(coverage(issue, [], HOUSE).missing)
    absent = [d for d in HOUSE.districts if d not in shown]
    assert absent, "the sample leaves some districts out"
    app = make_app(sample_toml)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await checked(pilot)
        panel = screen.query_one(CoveragePanel)
        await until(pilot, lambda: f"尚未出现（{len(absent)}）" in panel.text)
        assert all(d in panel.text for d in absent)
        shown_lines = str(panel.render()).split("\n")
        assert "".join(shown_lines) == panel.text and len(shown_lines) > 1  # wrapped in the narrow pane...
        assert not any(line.startswith(("、", "）", "：")) for line in shown_lines)  # ...by 禁则
        await select(pilot, NodeRef("article", 0))
        title = await focus(pilot, "#article-title")
        title.value = ""  # type: ignore[attr-defined]
        await type_text(pilot, f"{absent[0]}：新的做法")
        await until(pilot, lambda: absent[0] not in panel.text)
        # the article was 拱墅区's only one: retitled, it now counts for the other district
        now = coverage(main(app).session.issue, [], HOUSE)
        assert absent[0] not in now.missing and issue.articles[0].title[:3] in now.missing
        assert panel.text == coverage_line(now, "zh")


async def test_a_new_date_reads_the_quarter_again(sample_toml: Path) -> None:
    """Which issues count depends on the masthead's date: changing it to another quarter changes the list."""
    issue = load_issue(sample_toml)
    absent = coverage(issue, [], HOUSE).missing
    earlier = load_issue(sample_toml)
    earlier.masthead.number, earlier.masthead.cumulative = 5, 711
    earlier.masthead.date = dt.date(2025, 7, 10)
    earlier.articles[0].title = f"{absent[0]}：上一季度的做法"
    save_issue(earlier, sample_toml.with_name("2025-05.toml"))
    app = make_app(sample_toml)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await checked(pilot)
        panel = screen.query_one(CoveragePanel)
        await until(pilot, lambda: panel.text.startswith("四季度") and absent[0] in panel.text)
        await select(pilot, NodeRef("masthead"))
        await pilot.press("enter")  # the masthead's form
        date = await focus(pilot, "#masthead-date")
        date.value = ""  # type: ignore[attr-defined]
        await type_text(pilot, "2025-08-14")
        await pilot.press("tab")
        await until(pilot, lambda: panel.text.startswith("三季度") and absent[0] not in panel.text)


@given(
    districts=st.lists(st.text(alphabet="上城区县市西湖", min_size=0, max_size=4), max_size=6),
    text=st.text(alphabet="上城区县市西湖：", max_size=8),
)
@settings(max_examples=300, deadline=None)
def test_a_district_is_the_first_listed_that_the_text_starts_with(districts: list[str], text: str) -> None:
    """The lookup by length finds what comparing with every district in order finds (prefixes and repeats too)."""
    house = dataclasses.replace(HOUSE, districts=tuple(districts))
    assert house.district_of(text) == next((d for d in districts if text.startswith(d)), None)

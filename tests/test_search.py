"""查找 and 替换 across the whole issue: the pure search, and Ctrl+F / Ctrl+H / F3 in the editor."""

from __future__ import annotations

from pathlib import Path

from apphelp import SIZE, checked, main, make_app, type_text, until
from rulekit import clean_issue
from tui.app.search import SearchDialog
from tui.files.storage import load_issue
from tui.model.search import Query, find_all, loosen, replace_hits


def test_search_reaches_every_text_of_the_issue() -> None:
    issue = clean_issue()
    issue.masthead.unit = "某市人大常委会研究室"
    issue.articles[0].title = "西湖区：人大代表进社区"
    issue.articles[0].paragraphs = ["人大代表走进社区。", "社区群众反映问题，人大代表当场记录。"]
    assert issue.articles[0].byline is not None
    issue.articles[0].byline.unit = "西湖区人大常委会办公室"
    issue.endblock.distribution = ["市人大常委会各位副主任"]
    hits = find_all(issue, Query("人大"))
    fields = [h.location.field for h in hits]
    assert {"masthead.unit", "title", "paragraph", "byline.unit", "endblock.distribution"} <= set(fields)
    second = [h for h in hits if h.location.field == "paragraph" and h.location.paragraph == 1]
    assert [(h.location.start, h.location.end) for h in second] == [(9, 11)]
    assert second[0].context == "社区群众反映问题，⟦人大⟧代表当场记录。"


def test_width_insensitive_search_keeps_offsets() -> None:
    assert loosen("，（）：Ａ\u3000") == ",():A "
    issue = clean_issue()
    issue.articles[0].paragraphs = ["一是加强监督,二是强化服务，三是（试点）推进。"]
    strict = [h for h in find_all(issue, Query(",")) if h.location.article == 0]
    loose = [h for h in find_all(issue, Query(",", loose=True)) if h.location.article == 0]
    assert len(strict) == 1 and len(loose) == 2
    assert [issue.articles[0].paragraphs[0][h.location.start : h.location.end] for h in loose] == [",", "，"]
    assert len(find_all(issue, Query("(试点)", loose=True))) == 1
    assert find_all(issue, Query("、", loose=True)) == find_all(
        issue, Query("、")
    )  # 、 has no half-width twin


def test_replace_all_in_one_field_from_the_right() -> None:
    issue = clean_issue()
    issue.articles[0].paragraphs = ["按排会议，按排人员，按排时间。"]
    hits = find_all(issue, Query("按排"))
    assert replace_hits(issue, hits, "安排") == 3
    assert issue.articles[0].paragraphs[0] == "安排会议，安排人员，安排时间。"


def test_an_empty_query_finds_nothing() -> None:
    assert find_all(clean_issue(), Query("")) == []


async def _search(pilot, text: str, *, replace: str | None = None) -> SearchDialog:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+r" if replace is not None else "ctrl+f")
    await until(pilot, lambda: isinstance(pilot.app.screen, SearchDialog))
    await type_text(pilot, text)
    dialog = pilot.app.screen
    assert isinstance(dialog, SearchDialog)
    if replace is not None:
        dialog.query_one("#search-replacement").focus()
        await pilot.pause()
        await type_text(pilot, replace)
    return dialog


async def test_ctrl_f_lists_the_hits_enter_goes_and_f3_steps(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        dialog = await _search(pilot, "人大代表")
        await until(pilot, lambda: len(dialog.hits) > 3)
        n = len(dialog.hits)
        assert f"共 {n} 处" in str(dialog.query_one("#search-count").render())
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, SearchDialog))
        first = dialog.hits[0].location
        await until(pilot, lambda: screen.node.index == first.article and screen.panes_ready)
        await until(pilot, lambda: getattr(screen.focused, "selected_text", "") == "人大代表")
        await pilot.press("f3")
        await until(pilot, lambda: screen.search.index == 1)
        second = dialog.hits[1].location
        await until(pilot, lambda: screen.node.index == second.article)
        await until(pilot, lambda: getattr(screen.focused, "selected_text", "") == "人大代表")
        assert "第 2/" in str(screen.query_one("#status").render())
        await pilot.press("shift+f3", "shift+f3")
        await until(pilot, lambda: screen.search.index == n - 1)  # round from the first to the last
        await pilot.press("escape")
        await until(pilot, lambda: not screen.search.searching)
        assert screen.check_action("next_hit", ()) is False  # F3 waives again


async def test_replace_all_is_one_undo_step_with_a_count(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        before = len(screen.session.find(Query("人大代表")))
        dialog = await _search(pilot, "人大代表", replace="代表")
        await until(pilot, lambda: len(dialog.hits) == before)
        await pilot.click("#replace-all")
        await until(pilot, lambda: not screen.session.find(Query("人大代表")))
        assert screen.session.dirty
        main(app).query_one("#outline").focus()
        await pilot.press("u")
        await until(pilot, lambda: len(screen.session.find(Query("人大代表"))) == before)


async def test_replace_one_replaces_the_highlighted_hit_only(sample_toml: Path) -> None:
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        dialog = await _search(pilot, ",", replace="，")
        await until(pilot, lambda: len(dialog.hits) == 162)
        await pilot.click("#replace-one")
        await until(pilot, lambda: len(screen.session.find(Query(","))) == 161)
        await until(pilot, lambda: isinstance(app.screen, SearchDialog))  # open again for the next one
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.session.dirty)
    assert sum(p.count(",") for a in load_issue(sample_toml).articles for p in a.paragraphs) == 161


async def test_review_mode_finds_but_does_not_replace(sample_toml: Path) -> None:
    app = make_app(sample_toml, review=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        assert screen.check_action("replace", ()) is False
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not isinstance(app.screen, SearchDialog)
        await _search(pilot, "人大")
        assert isinstance(app.screen, SearchDialog)


def test_snapshot_search_dialog(snap_compare, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot) -> None:  # type: ignore[no-untyped-def]
        await checked(pilot)
        dialog = await _search(pilot, "人大代表")
        await until(pilot, lambda: len(dialog.hits) == 8)

    assert snap_compare(make_app(sample_toml), terminal_size=(120, 40), run_before=search)

"""The outline after a delete, an insert, a move to another column or an undo: changed in place, as if rebuilt.

At 3,000 articles a rebuild of every node took ~400 ms; the outline now keeps
the nodes whose articles stay and adds or removes the others.  What it shows
must be exactly what a fresh outline of the same issue shows: every label, its
counts, and which article each node stands for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult

from apphelp import SIZE, checked, main, make_app, select, settle, until
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.model import Issue
from tui.model.findings import Finding
from tui.session import session as session_module


def listing(tree: OutlineTree) -> list[tuple[str, NodeRef | None]]:
    out: list[tuple[str, NodeRef | None]] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            out.append((str(child.label), child.data))
            walk(child)

    walk(tree.root)
    return out


def nodes_titled(tree: OutlineTree, start: str) -> list[object]:
    found: list[object] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            if start in str(child.label):
                found.append(child)
            walk(child)

    walk(tree.root)
    return found


class Fresh(App[None]):
    """An outline built from nothing, to compare with."""

    def compose(self) -> ComposeResult:
        yield OutlineTree("zh")


async def fresh_listing(
    issue: Issue, findings: list[Finding]
) -> tuple[list[tuple[str, NodeRef | None]], int]:
    """What a fresh outline lists, and how wide it measures its lines."""
    app = Fresh()
    async with app.run_test() as pilot:
        tree = app.query_one(OutlineTree)
        tree.rebuild(issue, findings)
        await pilot.pause()
        return listing(tree), tree.virtual_size.width


@pytest.mark.parametrize("in_steps", [False, True], ids=["at-once", "in-steps"])
async def test_structural_edits_leave_the_outline_as_a_fresh_one(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch, in_steps: bool
) -> None:
    """In steps too: the outline reshaped at once, its counts when the re-check is done (session/checker.py)."""
    if in_steps:
        monkeypatch.setattr(session_module, "CHECKED_AT_ONCE", 0)
    app = make_app(sample_toml)
    async with app.run_test(size=SIZE) as pilot:
        screen = await checked(pilot)
        tree = screen.query_one(OutlineTree)

        async def same_as_fresh() -> None:
            await settle(pilot)
            assert not screen.session.settling
            expected, width = await fresh_listing(screen.session.issue, screen.session.findings())
            assert listing(tree) == expected
            assert tree.virtual_size.width == width  # each label measured anew when it changed

        await select(pilot, NodeRef("article", 1))  # 西湖区
        kept = nodes_titled(tree, "萧山区")  # in another column
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # 是
        await until(pilot, lambda: len(screen.session.issue.articles) == 8)
        await same_as_fresh()
        assert nodes_titled(tree, "萧山区") == kept  # changed in place: the same node, told its new index
        await pilot.press("u")
        await until(pilot, lambda: len(screen.session.issue.articles) == 9)
        await same_as_fresh()
        await select(pilot, NodeRef("article", 0))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "enter")  # to 情况交流
        await until(
            pilot,
            lambda: any(
                a.title.startswith("拱墅区") and a.column == "情况交流" for a in screen.session.issue.articles
            ),
        )
        await same_as_fresh()
        await select(pilot, NodeRef("article", 7))  # a brief of 信息摘登
        for count in (10, 11):  # two empty briefs: equal content, told apart by place
            await pilot.press("b")
            await until(pilot, lambda count=count: len(screen.session.issue.articles) == count)  # type: ignore[misc]
            await select(pilot, NodeRef("article", 7))
        await same_as_fresh()
        labels = [label for label, _ in listing(tree)]
        assert any(label.startswith("信息摘登  5 则") for label in labels)  # the column's count follows
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: len(screen.session.issue.articles) == 10)
        await same_as_fresh()
        assert main(app).node == tree.cursor_node.data  # type: ignore[union-attr]  # the cursor is where the keys act


def _apply(old: list[object], new: list[object], ops: list[tuple[str, int, int, int, int]]) -> list[object]:
    out: list[object] = []
    at = 0
    for tag, i1, i2, j1, j2 in ops:
        assert i1 == at  # the ops cover ``old`` in order, without gaps
        out += old[i1:i2] if tag == "equal" else new[j1:j2]
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2]
        at = i2
    assert at == len(old)
    return out


@given(
    st.lists(st.integers(0, 4), max_size=40),
    st.lists(
        st.tuples(st.sampled_from(["insert", "delete", "move"]), st.integers(0, 60), st.integers(0, 4)),
        max_size=6,
    ),
)
def test_edits_turn_a_column_into_the_new_one(old: list[int], changes: list[tuple[str, int, int]]) -> None:
    """Whatever the edits (equal keys included), the ops rebuild the new column from the old one."""
    from tui.app.outline_nodes import column_edits

    new = list(old)
    for kind, at, value in changes:
        if kind == "insert":
            new.insert(at % (len(new) + 1), value)
        elif new and kind == "delete":
            del new[at % len(new)]
        elif new:
            new.append(new.pop(at % len(new)))
    assert _apply(list(old), list(new), column_edits(list(old), list(new))) == new


def test_a_long_column_of_equal_articles_keeps_them_all_but_one() -> None:
    from tui.app.outline_nodes import column_edits

    old: list[object] = [("（空摘登）",)] * 3000
    ops = column_edits(old, old[:-1])
    assert ops == [("equal", 0, 2999, 0, 2999), ("delete", 2999, 3000, 2999, 2999)]
    wide = [(i,) for i in range(600)]
    assert _apply(list(wide), list(reversed(wide)), column_edits(list(wide), list(reversed(wide)))) == list(
        reversed(wide)
    )


async def test_a_key_before_the_cursor_is_placed_moves_from_where_the_cursor_stands(
    sample_toml: Path,
) -> None:
    """A structural edit asks for the cursor's place once the new lines are laid out; ↓ pressed before that wins."""
    from tui.files.storage import load_issue

    issue = load_issue(sample_toml)
    app = Fresh()
    async with app.run_test() as pilot:
        tree = app.query_one(OutlineTree)
        tree.focus()
        tree.rebuild(issue, [])
        await pilot.pause()
        tree.select_ref(NodeRef("article", 1))  # 西湖区
        await pilot.pause()
        removed = issue.articles.pop(0)
        tree.rebuild(issue, [], select=NodeRef("article", 2))  # would place the cursor two articles on
        # The key is queued before anything is awaited, so it is handled before the next refresh lays
        # the lines out (pilot.press first waits for the app to be idle: on a loaded machine that
        # refresh came first, and the test then pressed ↓ from the placed cursor).
        app.post_message(events.Key("down", None))
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data == NodeRef("article", 1)
        assert removed.title not in str(tree.cursor_node.label)


async def test_after_a_move_a_delete_keeps_each_article_s_own_line_and_counts(sample_toml: Path) -> None:
    """A move relabels nodes in place; the delete after it must still match nodes to the articles they show.

    While a large issue's re-check runs the outline shows the new order with
    the counts each article had: no node may keep the line (or the counts) of
    the article it showed before the move.
    """
    from tui.app.outline_nodes import badges, marker
    from tui.checks.rules import check_issue
    from tui.files.config import default_house
    from tui.files.storage import load_issue
    from tui.model import structure

    issue = load_issue(sample_toml)
    house = default_house()
    app = Fresh()
    async with app.run_test() as pilot:
        tree = app.query_one(OutlineTree)
        tree.rebuild(issue, check_issue(issue, house))
        await pilot.pause()
        first, second = issue.articles[0].title, issue.articles[1].title
        assert issue.articles[0].column == issue.articles[1].column and first != second
        structure.swap_articles(issue, 0, 1)
        findings = check_issue(issue, house)
        tree.rebuild(issue, findings, select=NodeRef("article", 1))
        await pilot.pause()
        tally = badges(issue, findings)
        counts = {id(a): tally.get(NodeRef("article", i)) for i, a in enumerate(issue.articles)}
        del issue.articles[1]  # the moved article, as a delete does while its re-check waits
        tree.rebuild(issue, None, select=NodeRef("article", 1))
        await pilot.pause()
        expected, _ = await fresh_listing(issue, [])
        shown = listing(tree)
        assert [ref for _, ref in shown] == [ref for _, ref in expected]
        for (label, ref), (bare, _) in zip(shown, expected, strict=True):
            assert label.endswith(bare)
            if ref is not None and ref.kind == "article":
                badge = counts[id(issue.articles[ref.index])]  # type: ignore[index]
                assert label == (str(marker(badge)) if badge else "") + bare
        assert not any(label.endswith(first) for label, _ in shown)  # the deleted article is gone
        assert any(label.endswith(second) for label, _ in shown)


async def test_an_article_typed_into_keeps_its_line_and_counts_through_a_delete(sample_toml: Path) -> None:
    """Text typed into an article's body, then another article deleted before the re-check lands.

    The typed article is the same article: its node stays, with the counts it
    had, rather than being removed and added again without them.  A title
    typed before the delete shows on its line.
    """
    from tui.app.outline_nodes import badges, marker
    from tui.checks.rules import check_issue
    from tui.files.config import default_house
    from tui.files.storage import load_issue

    issue = load_issue(sample_toml)
    house = default_house()
    app = Fresh()
    async with app.run_test() as pilot:
        tree = app.query_one(OutlineTree)
        findings = check_issue(issue, house)
        tree.rebuild(issue, findings)
        await pilot.pause()
        typed, retitled = issue.articles[1], issue.articles[2]
        badge = badges(issue, findings)[NodeRef("article", 1)]
        assert badge != (0, 0, 0)
        (node,) = nodes_titled(tree, typed.title)
        typed.paragraphs[0] += "补写的一句话。"  # as typing does: the same article, its text changed
        retitled.title += "（续）"
        del issue.articles[0]  # a delete, while the re-check of the typing waits
        tree.rebuild(issue, None, select=NodeRef("article", 0))
        await pilot.pause()
        assert nodes_titled(tree, typed.title) == [node]  # kept, not made again
        assert str(node.label) == str(marker(badge)) + typed.title
        assert [label for label, _ in listing(tree) if label.endswith(retitled.title)]
        expected, _ = await fresh_listing(issue, [])
        shown = listing(tree)
        assert [ref for _, ref in shown] == [ref for _, ref in expected]
        assert all(label.endswith(bare) for (label, _), (bare, _) in zip(shown, expected, strict=True))

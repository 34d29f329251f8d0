"""The outline pane: 报头, the columns with their articles, 报尾, each with finding counts."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.events import Key
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.app.outline_nodes import NO_BADGE, Badge, NodeRef, article_ref, badges, column_edits, marker
from tui.app.strings import t
from tui.model import Article, Issue
from tui.model.findings import Finding
from tui.model.i18n import Lang

BRIEF_PREVIEW = 12


class OutlineTree(Tree[NodeRef]):
    """Structure actions live here, so the Footer shows them while the outline has focus."""

    BINDINGS = [
        Binding("a", "screen.new_article", "新建文章", id="new_article"),
        Binding("b", "screen.new_brief", "新建摘登", id="new_brief"),
        Binding("shift+up,K", "screen.move_up", "上移", id="move_up"),
        Binding("shift+down,J", "screen.move_down", "下移", id="move_down"),
        Binding("m", "screen.move_to_column", "移到栏目", id="move_to_column"),
        Binding("delete,d", "screen.delete_article", "删除稿件", id="delete_article"),
        Binding("u,ctrl+z", "screen.undo", "撤销", id="undo"),
        Binding("U,ctrl+y", "screen.redo", "重做", id="redo"),
        Binding("c", "screen.add_column", "添加栏目", id="add_column"),
        Binding("r", "screen.rename_column", "重命名栏目", id="rename_column"),
        Binding("x", "screen.remove_column", "删除栏目", id="remove_column"),
        Binding("n", "screen.comment", "批注", id="comment"),
        Binding("N", "screen.resolve_comments", "批注已处理", id="resolve_comments"),
        Binding("i", "screen.import_word", "导入Word", id="import_word"),
        Binding("e", "screen.export", "导出", id="export"),
    ]

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        # Before the tree is made: making it measures the root's label.
        self._widths: dict[int, tuple[object, bool, int]] = {}  # node id -> (label, expanded, width)
        super().__init__("", **kwargs)
        self.lang = lang
        self.show_root = False
        self.guide_depth = 2
        self._signature: object = None
        self._wanted: NodeRef | None = None  # where the cursor goes once the rebuilt lines are laid out
        self._placing = False  # a rebuild's cursor placement is due (and no key has come since)
        # What is on screen, for updates in place: the tree's shape, and each node with its label and counts.
        self._shape: tuple[object, object] | None = None  # (columns, each article's column)
        self._shown: dict[NodeRef, tuple[TreeNode[NodeRef], str, Badge]] = {}
        # Each article node's article object (node id -> article). A move relabels nodes in place,
        # so a node's article changes: this must follow it, or the next delete matches nodes to
        # the articles they showed before the move.
        self._articles: dict[int, Article] = {}
        self._stray = False  # an article stands in no listed column (shown under the root, marked ？)

    def rebuild(self, issue: Issue, findings: list[Finding] | None, select: NodeRef | None = None) -> None:
        """Show ``issue``; ``findings`` None while a structural edit's re-check is under way.

        Then the nodes that stay keep the counts they show, and new ones show
        none, until the findings come (session/checker.py).
        """
        counts = badges(issue, findings) if findings is not None else None
        want = select or (self.cursor_node.data if self.cursor_node else None)
        labels = [_article_label(issue, a, self.lang) for a in issue.articles]  # worked out once, used twice
        signature = (
            tuple((c.name, c.kind) for c in issue.columns),
            tuple(a.column for a in issue.articles),
            labels,
            counts,  # compared as a dict: its order does not matter
            want,
        )
        if signature == self._signature:
            return  # nothing the outline shows has changed: keep the tree as it is
        self._signature = signature
        # A move within a column, typing, a re-check: the same columns holding as many articles,
        # so only labels and counts differ and the nodes are updated in place (a rebuild of
        # 3,000 articles took 260 ms); the cursor then goes to the node asked for.
        shape = (signature[0], signature[1])
        if shape == self._shape and self._relabel(labels, counts, articles=issue.articles):
            if select is not None:
                self._wanted = select
                shown = self._shown.get(select)
                if shown is not None and self.cursor_node is not shown[0]:
                    self.move_cursor(shown[0])
            return
        same_columns = self._shape is not None and self._shape[0] == signature[0]
        if same_columns and self._reconcile(issue, labels, counts):
            self._shape = shape
            self._wanted = want
            self._placing = True
            self.call_after_refresh(self._place_cursor)
            return
        self._shape = shape
        self._shown = {}
        self._articles = {}
        self._widths = {}
        self.clear()
        target: TreeNode[NodeRef] | None = None

        def add(parent: TreeNode[NodeRef], label: str, ref: NodeRef, leaf: bool = True) -> TreeNode[NodeRef]:
            badge = counts.get(ref, NO_BADGE) if counts is not None else NO_BADGE
            text = marker(badge)
            text.append(label)
            node = parent.add_leaf(text, ref) if leaf else parent.add(text, ref, expand=True)
            self._shown[ref] = (node, label, badge)
            if ref.kind == "article" and ref.index is not None:
                self._articles[node.id] = issue.articles[ref.index]
            nonlocal target
            if ref == want:
                target = node
            return node

        add(self.root, t("masthead", self.lang), NodeRef("masthead"))
        placed: set[int] = set()
        for column in issue.columns:
            members = [(i, a) for i, a in enumerate(issue.articles) if a.column == column.name]
            label = self._column_label(column.name, column.kind, len(members))
            col_node = add(self.root, label, NodeRef("column", column=column.name), leaf=False)
            for i, _ in members:
                placed.add(i)
                add(
                    col_node,
                    labels[i],
                    article_ref(i),
                )
        self._stray = len(placed) < len(issue.articles)
        for i in range(len(issue.articles)):  # articles in no listed column still show
            if i not in placed:
                add(
                    self.root,
                    "？" + labels[i],
                    article_ref(i),
                )
        add(self.root, t("endblock", self.lang), NodeRef("endblock"))
        self.root.expand_all()
        chosen = target if target is not None else (self.root.children[0] if self.root.children else None)
        self._wanted = chosen.data if chosen is not None else None
        self._placing = True
        # Node lines are laid out on the next refresh; move the cursor then, to the
        # node wanted by then (a jump made in between wins over the rebuild's choice).
        self.call_after_refresh(self._place_cursor)

    def get_label_width(self, node: TreeNode[NodeRef]) -> int:
        """A node's width, measured once per label (Textual's documented place to do it faster).

        After any node is added or removed the tree measures every line again
        by rendering its label: at 3,000 articles 25 ms, in one piece between
        two keystrokes. A label is replaced, never changed, when it changes
        (``set_label``), so the label object itself says the width still holds.
        """
        label, expanded = node.label, node.is_expanded
        known = self._widths.get(node.id)
        if known is not None and known[0] is label and known[1] == expanded:
            return known[2]
        width = super().get_label_width(node)
        self._widths[node.id] = (label, expanded, width)
        return width

    def _column_label(self, name: str, kind: str, members: int) -> str:
        return name + ("  " + t("briefs_count", self.lang, n=members) if kind == "briefs" else "")

    def _reconcile(self, issue: Issue, labels: list[str], counts: dict[NodeRef, Badge] | None) -> bool:
        """The same columns, articles added, removed or moved between them: change only those nodes.

        A delete, an insert, a move to another column or an undo of one at
        3,000 articles rebuilt all 3,000 nodes (about 400 ms). Each column's
        nodes are matched to its articles: by the article object where it is
        still in the issue (a delete, or its undo, leaves every other article
        as it was, typed text and all), else by content (an undo that brings a
        whole state back makes new objects). The nodes that stay keep their
        counts and are told their new index; the rest are removed or added.
        False (a rebuild) when an article stands in no listed column.
        """
        members: dict[str, list[int]] = {c.name: [] for c in issue.columns}
        for i, article in enumerate(issue.articles):
            if article.column not in members:
                return False
            members[article.column].append(i)
        if self._stray:
            return False  # an article shown outside the columns (？): rebuild
        present = {id(a) for a in issue.articles}
        shown_before = {id(a) for a in self._articles.values()}
        keys = [_match_key(a, shown_before) for a in issue.articles]
        reshaped = False  # a node added or removed: the tree measures its lines again
        retitled = False  # a kept article's line shows another title than it now has
        old_shown = self._shown
        shown = {ref: entry for ref, entry in old_shown.items() if ref.kind != "article"}
        node_articles: dict[int, Article] = {}
        for column in issue.columns:
            col_node = shown[NodeRef("column", column=column.name)][0]
            old = list(col_node.children)
            wanted = members[column.name]
            before = [self._articles[n.id] for n in old]
            for tag, i1, i2, j1, j2 in column_edits(
                [_match_key(a, present) for a in before], [keys[i] for i in wanted]
            ):
                if tag == "equal":
                    # The same article: the node keeps its line and counts and learns its new index.
                    for node, index in zip(old[i1:i2], wanted[j1:j2], strict=True):
                        entry = old_shown[node.data]  # type: ignore[index]  # every article node has its ref
                        node.data = ref = article_ref(index)
                        shown[ref] = entry
                        node_articles[node.id] = issue.articles[index]
                        # A title typed since the last re-check has not reached the line yet.
                        retitled = retitled or entry[1] != labels[index]
                    continue
                reshaped = True
                for node in old[i1:i2]:  # delete, replace
                    node.remove()
                    self._widths.pop(node.id, None)
                for index in wanted[j1:j2]:  # insert, replace
                    ref = article_ref(index)
                    text = marker(NO_BADGE)
                    text.append(labels[index])
                    node = col_node.add_leaf(text, ref, before=old[i2] if i2 < len(old) else None)
                    shown[ref] = (node, labels[index], NO_BADGE)
                    node_articles[node.id] = issue.articles[index]
        self._shown, self._articles = shown, node_articles
        column_labels = {
            NodeRef("column", column=c.name): self._column_label(c.name, c.kind, len(members[c.name]))
            for c in issue.columns
        }
        if counts is None and not retitled:  # the articles' lines are right: only the columns' may change
            return self._relabel(labels, None, column_labels, measured=reshaped)
        return self._relabel(labels, counts, column_labels, measured=reshaped, articles=issue.articles)

    def _relabel(
        self,
        labels: list[str],
        counts: dict[NodeRef, Badge] | None,
        columns: dict[NodeRef, str] | None = None,
        *,
        measured: bool = False,
        articles: list[Article] | None = None,
    ) -> bool:
        """Update in place the nodes whose label or counts changed (typing, a re-check); False if it cannot.

        A full rebuild clears and re-adds every node (30 ms and thousands of
        messages at 300 articles, on every re-check while typing); the shape
        of the tree (columns, and which article is in which) is unchanged
        here, so only labels can differ.  ``measured``: nodes were added or
        removed, so the tree measures its lines anyway.  ``articles``: the
        issue's articles, whose lines are looked at (None: only the columns'
        are; a reconcile without counts leaves every article line as it was,
        3,000 of them).  Each node learns which article object it now shows
        (a move exchanges them).
        """
        changes = []
        for ref, (node, label, tally) in self._shown.items():
            if ref.kind == "article":
                if articles is None:
                    continue
                if ref.index is None or ref.index >= len(labels):
                    return False
                new_label = labels[ref.index]
                if label.startswith("？"):
                    new_label = "？" + new_label
                self._articles[node.id] = articles[ref.index]
            else:
                new_label = columns.get(ref, label) if columns else label
            badge = counts.get(ref, NO_BADGE) if counts is not None else tally
            if new_label != label or badge != tally:
                changes.append((ref, node, new_label, badge))
        widest = self.virtual_size.width  # as the tree last measured its lines
        grew = left_widest = kept_widest = False
        for ref, node, new_label, badge in changes:
            before = self._line_width(node)
            text = marker(badge)
            text.append(new_label)
            node.set_label(text)
            self._shown[ref] = (node, new_label, badge)
            after = self._line_width(node)
            grew = grew or after > widest
            left_widest = left_widest or (before >= widest > after)
            kept_widest = kept_widest or after == widest
        # The tree's width changes when a line grows past it, or when a widest line
        # narrows and no changed line is as wide now (a move swaps two labels: neither).
        if (grew or (left_widest and not kept_widest)) and not measured:
            # Expanding the (always expanded) root is the public way to have the tree lay
            # out and measure its lines again: cheap, as each label is measured only once.
            self.root.expand()
        return True

    def _line_width(self, node: TreeNode[NodeRef]) -> int:
        """A node's line as the tree measures it: its label, indented under its column."""
        return self.get_label_width(node) + (0 if node.parent is self.root else self.guide_depth)

    def _place_cursor(self) -> None:
        if not self._placing:
            return  # a key moved the cursor first: where the user went wins
        self._placing = False
        node = self._node_for(self._wanted) if self._wanted is not None else None
        if node is not None:
            self.move_cursor(node)

    def on_key(self, event: Key) -> None:
        """A key before a rebuild's cursor placement: the placement is dropped.

        After a structural edit of a large issue the user may press ↓ before
        the outline has laid out its new lines; the cursor then moves from
        the node it stands on, not back to where the edit put it.  The lines
        are laid out first (reading one builds them), so that the cursor's
        line is its node's line in the new tree, not the old number.
        """
        if self._placing:
            self._placing = False
            self.get_node_at_line(0)

    def _node_for(self, ref: NodeRef) -> TreeNode[NodeRef] | None:
        shown = self._shown.get(ref)
        return shown[0] if shown is not None else None

    def select_ref(self, ref: NodeRef) -> bool:
        node = self._node_for(ref)
        if node is None:
            return False
        self._wanted = ref
        self.move_cursor(node)
        return True


def _match_key(article: Article, other_side: set[int]) -> object:
    """What a node and an article are matched by: the object itself if it is on the other side too, else its content.

    An id stands for the object: the outline holds the old side's articles, so
    no new object can take one of their ids.  Content keys are worked out
    only for objects on one side (new ones, or an undo's whole state).
    """
    return id(article) if id(article) in other_side else article.content_key()


def _article_label(issue: Issue, article: Article, lang: Lang) -> str:
    """The title; a brief by its first characters (（空摘登） when empty); an untitled article （无标题）."""
    if article.title:
        return article.title
    column = issue.column(article.column)
    if column is not None and column.kind == "articles":
        return t("untitled", lang)  # its body may be the column's template: not what it is about
    first = next((p for p in article.paragraphs if p), "")
    if not first:
        return t("empty_brief", lang)
    return first[:BRIEF_PREVIEW] + ("…" if len(first) > BRIEF_PREVIEW else "")

"""Structure actions of the main screen: articles and columns (the outline's keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.dialogs import ChoiceDialog, PickDialog
from tui.app.outline_nodes import NodeRef
from tui.app.strings import t

if TYPE_CHECKING:
    from tui.app.editor import Editor

STRUCTURE_ACTIONS = (
    "new_article",
    "new_brief",
    "move_up",
    "move_down",
    "move_to_column",
    "delete_article",
    "undo",
    "redo",
    "add_column",
    "rename_column",
    "remove_column",
    "import_word",
)


class StructureEditor:
    """Articles and columns: the outline's structural keys, undo and redo."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def _current_column(self, kind: str) -> str | None:
        issue = self.editor.session.issue
        name = self.editor.node.column if self.editor.node.kind == "column" else None
        if (
            self.editor.node.kind == "article"
            and self.editor.node.index is not None
            and self.editor.node.index < len(issue.articles)
        ):
            name = issue.articles[self.editor.node.index].column
        column = issue.column(name) if name else None
        if column is not None and column.kind == kind:
            return column.name
        return next((c.name for c in issue.columns if c.kind == kind), None)

    def new_article(self, brief: bool = False) -> None:
        column = self._current_column("briefs" if brief else "articles")
        if column is None:
            self.editor.notify(t("not_column", self.editor.lang), severity="warning")
            return
        ok, index = self.editor.guard(self.editor.session.add_article, column, brief=brief)
        if ok:
            self.editor.after_structure(NodeRef("article", index))
            self.editor.focus_later("#article-body" if brief else "#article-title")

    def new_brief(self) -> None:
        self.new_article(brief=True)

    def _move(self, delta: int) -> None:
        """Shift+↑/↓: an article within its column, or on a column's node the column with its articles."""
        if self.editor.node.kind == "column":
            name = self.editor.node.column
            before = [c.name for c in self.editor.session.issue.columns].index(name)
            ok, at = self.editor.guard(self.editor.session.move_column, name, delta)
            if ok and at != before:
                self.editor.after_structure(NodeRef("column", column=name))
            return
        index = self.editor.selected_article()
        if index is not None:
            ok, new = self.editor.guard(self.editor.session.move_article, index, delta)
            if ok and new != index:
                self.editor.after_structure(NodeRef("article", new))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def move_to_column(self) -> None:
        index = self.editor.selected_article()
        if index is None:
            return
        current = self.editor.session.issue.articles[index].column
        choices = [(c.name, c.name) for c in self.editor.session.issue.columns if c.name != current]

        def done(column: str | None) -> None:
            if column:
                ok, new = self.editor.guard(self.editor.session.move_to_column, index, column)
                if ok:
                    self.editor.after_structure(NodeRef("article", new))

        self.editor.app.push_screen(PickDialog(t("pick_column", self.editor.lang), choices), done)

    def _near(self, index: int, column: str) -> NodeRef:
        """Article ``index`` if it is in ``column``, else the one before it there, else the column itself.

        Where the cursor goes when the article it was on is gone: the next one of
        its column, which took its place (in a column of hundreds it must not jump away).
        """
        articles = self.editor.session.issue.articles
        near = [i for i in (index, index - 1) if 0 <= i < len(articles) and articles[i].column == column]
        return NodeRef("article", near[0]) if near else NodeRef("column", column=column)

    def delete_article(self) -> None:
        index = self.editor.selected_article()
        if index is None:
            return
        a = self.editor.session.issue.articles[index]
        label = a.title or (
            a.paragraphs[0][:12] + "…" if a.paragraphs else t("empty_brief", self.editor.lang)
        )

        def done(choice: str | None) -> None:
            if choice == "yes" and self.editor.guard(self.editor.session.delete_article, index)[0]:
                self.editor.after_structure(self._near(index, a.column))

        self.editor.app.push_screen(
            ChoiceDialog(
                t("b.delete_article", self.editor.lang),
                t("confirm_delete", self.editor.lang, title=label),
                [("yes", t("yes", self.editor.lang)), ("no", t("no", self.editor.lang))],
                variant_first="error",
            ),
            done,
        )

    def undo(self) -> None:
        self._go(redo=False)

    def redo(self) -> None:
        self._go(redo=True)

    def _go(self, *, redo: bool) -> None:
        """Undo or redo a structural step; asks first when it would also take back text typed since."""
        session = self.editor.session
        stack = session.redo_stack if redo else session.undo_stack
        if not stack:
            self.editor.notify(t("nothing_to_redo" if redo else "nothing_to_undo", self.editor.lang))
            return
        label = stack[-1].label.get(self.editor.lang)
        would_drop = session.redo_would_drop() if redo else session.undo_would_drop()

        def go(choice: str | None = "yes") -> None:
            if choice != "yes":
                return
            node = self.editor.node
            articles = session.issue.articles
            on = node.index if node.kind == "article" and (node.index or 0) < len(articles) else None
            column = articles[on].column if on is not None else None
            went = session.redo() if redo else session.undo()
            if went is None:
                return
            index = went.selection(on)
            if on is not None and column is not None and went.took_out(on):
                node = self._near(on, column)  # deleted again: the cursor goes where a delete leaves it
            elif index is not None:
                node = NodeRef("article", index)
            if node.kind == "article" and (node.index is None or node.index >= len(session.issue.articles)):
                node = NodeRef("masthead")
            self.editor.after_structure(node)
            self.editor.notify(
                t("redone" if redo else "undone", self.editor.lang, what=went.label.get(self.editor.lang))
            )

        if would_drop is None:
            go()
            return
        from tui.model.issuediff import describe

        body = t("confirm_redo" if redo else "confirm_undo", self.editor.lang, what=label)
        body += "\n" + "\n".join(describe(session.issue, would_drop, self.editor.lang))
        self.editor.app.push_screen(
            ChoiceDialog(
                t("b.redo" if redo else "b.undo", self.editor.lang),
                body,
                [("no", t("no", self.editor.lang)), ("yes", t("yes", self.editor.lang))],
            ),
            go,
        )

    def add_column(self) -> None:
        """A column from the catalogue, or a new name (it joins bulletin.toml only at a save, if wanted)."""
        present = {c.name for c in self.editor.session.issue.columns}
        choices = [(c.name, c.name) for c in self.editor.session.house.columns if c.name not in present]

        def done(name: str | None) -> None:
            if name and self.editor.guard(self.editor.session.add_column, name)[0]:
                self.editor.after_structure(NodeRef("column", column=name.strip()))

        self.editor.app.push_screen(
            PickDialog(
                t("add_column_title", self.editor.lang),
                choices,
                new_label=t("new_column_name", self.editor.lang),
            ),
            done,
        )

    def rename_column(self) -> None:
        if self.editor.node.kind != "column":
            self.editor.notify(t("not_column", self.editor.lang), severity="warning")
            return
        old = self.editor.node.column
        present = {c.name for c in self.editor.session.issue.columns}
        choices = [(c.name, c.name) for c in self.editor.session.house.columns if c.name not in present]

        def done(new: str | None) -> None:
            if new and self.editor.guard(self.editor.session.rename_column, old, new)[0]:
                self.editor.after_structure(NodeRef("column", column=new.strip()))

        self.editor.app.push_screen(
            PickDialog(
                t("rename_column_title", self.editor.lang, name=old),
                choices,
                new_label=t("new_column_name", self.editor.lang),
            ),
            done,
        )

    def remove_column(self) -> None:
        if self.editor.node.kind != "column":
            self.editor.notify(t("not_column", self.editor.lang), severity="warning")
            return
        if self.editor.guard(self.editor.session.remove_column, self.editor.node.column)[0]:
            self.editor.after_structure(NodeRef("masthead"))

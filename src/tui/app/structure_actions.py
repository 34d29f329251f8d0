"""Structure actions of the main screen: articles and columns (the outline's keys)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.app.dialogs import ChoiceDialog, PickDialog
from tui.app.outline import NodeRef
from tui.app.strings import t
from tui.files.config import add_to_catalogue, house_path_for, load_house
from tui.model.errors import JianbaoError

if TYPE_CHECKING:
    from tui.app.main_screen import MainScreen

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


class StructureActions:
    """Mixed into MainScreen; every method runs on the UI thread."""

    def check_action(self: MainScreen, action: str, parameters: tuple[object, ...]) -> bool | None:  # type: ignore[misc]
        if action in STRUCTURE_ACTIONS and self.read_only:
            return False
        return not (action == "apply_fix" and self.session.review and not self.allow_fixes)

    def _guard(self: MainScreen, func, *args, **kwargs) -> tuple[bool, Any]:  # type: ignore[no-untyped-def, misc]
        """Run a session call: (True, result), or (False, None) after telling the user why not."""
        try:
            return True, func(*args, **kwargs)
        except JianbaoError as exc:
            self.notify(exc.message.get(self.lang), severity="warning")
            return False, None

    def after_structure(self: MainScreen, select: NodeRef) -> None:  # type: ignore[misc]
        self.refresh_all(select=select)
        self.show_node(select)
        self.schedule_autosave()

    def _current_column(self: MainScreen, kind: str) -> str | None:  # type: ignore[misc]
        issue = self.session.issue
        name = self.node.column if self.node.kind == "column" else None
        if (
            self.node.kind == "article"
            and self.node.index is not None
            and self.node.index < len(issue.articles)
        ):
            name = issue.articles[self.node.index].column
        column = issue.column(name) if name else None
        if column is not None and column.kind == kind:
            return column.name
        return next((c.name for c in issue.columns if c.kind == kind), None)

    def _selected_article(self: MainScreen) -> int | None:  # type: ignore[misc]
        if self.node.kind == "article" and self.node.index is not None:
            return self.node.index
        self.notify(t("not_article", self.lang), severity="warning")
        return None

    def action_new_article(self: MainScreen, brief: bool = False) -> None:  # type: ignore[misc]
        column = self._current_column("briefs" if brief else "articles")
        if column is None:
            self.notify(t("not_column", self.lang), severity="warning")
            return
        ok, index = self._guard(self.session.add_article, column, brief=brief)
        if ok:
            self.after_structure(NodeRef("article", index))
            self.focus_later("#article-body" if brief else "#article-title")

    def action_new_brief(self: MainScreen) -> None:  # type: ignore[misc]
        self.action_new_article(brief=True)

    def _move(self: MainScreen, delta: int) -> None:  # type: ignore[misc]
        index = self._selected_article()
        if index is not None:
            ok, new = self._guard(self.session.move_article, index, delta)
            if ok and new != index:
                self.after_structure(NodeRef("article", new))

    def action_move_up(self: MainScreen) -> None:  # type: ignore[misc]
        self._move(-1)

    def action_move_down(self: MainScreen) -> None:  # type: ignore[misc]
        self._move(1)

    def action_move_to_column(self: MainScreen) -> None:  # type: ignore[misc]
        index = self._selected_article()
        if index is None:
            return
        current = self.session.issue.articles[index].column
        choices = [(c.name, c.name) for c in self.session.issue.columns if c.name != current]

        def done(column: str | None) -> None:
            if column:
                ok, new = self._guard(self.session.move_to_column, index, column)
                if ok:
                    self.after_structure(NodeRef("article", new))

        self.app.push_screen(PickDialog(t("pick_column", self.lang), choices), done)

    def action_delete_article(self: MainScreen) -> None:  # type: ignore[misc]
        index = self._selected_article()
        if index is None:
            return
        a = self.session.issue.articles[index]
        label = a.title or (a.paragraphs[0][:12] + "…" if a.paragraphs else t("empty_brief", self.lang))

        def done(choice: str | None) -> None:
            if choice == "yes" and self._guard(self.session.delete_article, index)[0]:
                remaining = self.session.issue.articles_in(a.column)
                select = (
                    NodeRef("article", self.session.issue.articles.index(remaining[-1]))
                    if remaining
                    else NodeRef("column", column=a.column)
                )
                self.after_structure(select)

        self.app.push_screen(
            ChoiceDialog(
                t("b.delete_article", self.lang),
                t("confirm_delete", self.lang, title=label),
                [("yes", t("yes", self.lang)), ("no", t("no", self.lang))],
                variant_first="error",
            ),
            done,
        )

    def action_undo(self: MainScreen) -> None:  # type: ignore[misc]
        self._go(redo=False)

    def action_redo(self: MainScreen) -> None:  # type: ignore[misc]
        self._go(redo=True)

    def _go(self: MainScreen, *, redo: bool) -> None:  # type: ignore[misc]
        """Undo or redo a structural step; asks first when it would also take back text typed since."""
        session = self.session
        stack = session.redo_stack if redo else session.undo_stack
        if not stack:
            self.notify(t("nothing_to_redo" if redo else "nothing_to_undo", self.lang))
            return
        label = stack[-1].label.get(self.lang)
        would_drop = session.redo_would_drop() if redo else session.undo_would_drop()

        def go(choice: str | None = "yes") -> None:
            if choice != "yes":
                return
            done = session.redo() if redo else session.undo()
            if done is None:
                return
            node = self.node
            if node.kind == "article" and (node.index is None or node.index >= len(session.issue.articles)):
                node = NodeRef("masthead")
            self.after_structure(node)
            self.notify(t("redone" if redo else "undone", self.lang, what=done.get(self.lang)))

        if would_drop is None:
            go()
            return
        from tui.model.issuediff import describe

        body = t("confirm_redo" if redo else "confirm_undo", self.lang, what=label)
        body += "\n" + "\n".join(describe(session.issue, would_drop, self.lang))
        self.app.push_screen(
            ChoiceDialog(
                t("b.redo" if redo else "b.undo", self.lang),
                body,
                [("no", t("no", self.lang)), ("yes", t("yes", self.lang))],
            ),
            go,
        )

    def action_add_column(self: MainScreen) -> None:  # type: ignore[misc]
        present = {c.name for c in self.session.issue.columns}
        choices = [(c.name, c.name) for c in self.session.house.columns if c.name not in present]

        def done(name: str | None) -> None:
            if not name:
                return
            if self.session.house.catalogue_column(name) is None and not self._add_to_catalogue(name):
                return
            if self._guard(self.session.add_column, name)[0]:
                self.after_structure(NodeRef("column", column=name))

        self.app.push_screen(
            PickDialog(t("add_column_title", self.lang), choices, new_label=t("new_to_catalogue", self.lang)),
            done,
        )

    def _add_to_catalogue(self: MainScreen, name: str) -> bool:  # type: ignore[misc]
        """A new column goes into bulletin.toml beside the archive (made from the default if missing)."""
        folder = self.session.path.parent
        house_file = house_path_for(folder)
        try:
            if not house_file.exists():
                from importlib import resources

                default = (resources.files("tui") / "defaults" / "bulletin.toml").read_bytes()
                Path(house_file).write_bytes(default)
            add_to_catalogue(house_file, name, "articles")
            self.session.house = load_house(folder)
        except (OSError, JianbaoError) as exc:
            self.notify(str(exc), severity="error")
            return False
        self.notify(t("added_catalogue", self.lang, name=name))
        return True

    def action_rename_column(self: MainScreen) -> None:  # type: ignore[misc]
        if self.node.kind != "column":
            self.notify(t("not_column", self.lang), severity="warning")
            return
        old = self.node.column
        present = {c.name for c in self.session.issue.columns}
        choices = [(c.name, c.name) for c in self.session.house.columns if c.name not in present]

        def done(new: str | None) -> None:
            if new and self._guard(self.session.rename_column, old, new)[0]:
                self.after_structure(NodeRef("column", column=new))

        self.app.push_screen(PickDialog(t("rename_column_title", self.lang, name=old), choices), done)

    def action_remove_column(self: MainScreen) -> None:  # type: ignore[misc]
        if self.node.kind != "column":
            self.notify(t("not_column", self.lang), severity="warning")
            return
        if self._guard(self.session.remove_column, self.node.column)[0]:
            self.after_structure(NodeRef("masthead"))

"""The key of 档案检索 on the main screen (F2): search the archive, go to the hit chosen.

A hit in the open issue is shown as a Ctrl+F hit is (its text selected).
A hit in another issue opens that issue in the editor, once this one is
saved: the app leaves a clean session only (nothing typed can be lost by
going to a search hit), then opens the other file the way it opens any file
(its lock, its recovery file) and goes to the hit there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.messages import OpenArchiveHit
from tui.app.outline import OutlineTree
from tui.app.outline_nodes import NodeRef
from tui.app.strings import t
from tui.model.search import Query

if TYPE_CHECKING:
    from tui.app.editor import Editor
    from tui.files.search_index import SearchHit


class ArchiveActions:
    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def open(self) -> None:
        from tui.app.archive_search import ArchiveSearchScreen

        editor = self.editor
        editor.app.push_screen(ArchiveSearchScreen(editor.session.archive_folder, editor.lang), self._chosen)

    def _chosen(self, chosen: tuple[str, SearchHit] | None) -> None:
        if chosen is None:
            return
        query, hit = chosen
        editor, session = self.editor, self.editor.session
        path = session.archive_folder / hit.file
        if path.resolve() == session.path.resolve():
            self.go_to(query, hit)
        elif session.dirty:
            editor.notify(t("archive_save_first", editor.lang, file=hit.file), severity="warning", timeout=8)
        else:
            editor.post_message(OpenArchiveHit(path, query, hit))

    def go_to(self, query: str, hit: SearchHit) -> None:
        """Show the hit: found again in its article (the text may have changed since it was indexed)."""
        editor = self.editor
        found = [h for h in editor.session.find(Query(query)) if h.location.article == hit.article]
        exact = [
            h
            for h in found
            if h.location.field.split(".")[0] == hit.field  # the index has one byline entry: unit and authors
            and (hit.field != "paragraph" or h.location.paragraph == hit.paragraph)
        ]
        if exact or found:
            editor.navigator.show_location((exact or found)[0].location)
            return
        if hit.article < len(editor.session.issue.articles):
            ref = NodeRef("article", hit.article)
            editor.query_one(OutlineTree).select_ref(ref)
            editor.show_node(ref)
        editor.notify(t("archive_hit_gone", editor.lang), severity="warning")

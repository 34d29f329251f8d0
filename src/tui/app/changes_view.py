"""The changes view (F9): what changed since the last save, since the sign-off, or against a file.

The same report as ``jianbao diff`` (articles added, removed, moved,
retitled; inside paragraphs the changed characters), shown over the editor.
1, 2 and 3 choose what to compare with; Esc closes.  The screen asks the
session for each comparison; nothing here changes the issue.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.dialogs import Field, FormDialog
from tui.app.strings import t
from tui.exporters.changes import render_changes
from tui.model.errors import JianbaoError
from tui.model.i18n import Lang
from tui.session import Session
from tui.session.baselines import Compared

# The command line's styles (tui.exporters.styled), in Rich's words.
_STYLES = {
    "": "",
    "bold": "bold",
    "del": "red strike",
    "ins": "green underline",
    "hit": "bold reverse",
    "head": "cyan",
    "added": "green",
    "removed": "red",
    "changed": "yellow",
}


def changes_text(compared: Compared, path: Path, lang: Lang) -> RichText:
    """The report as styled text: its first line names what was compared with what."""
    lines = render_changes(compared.changes, compared.basis.get(lang), path.name, lang)
    text = RichText()
    for n, line in enumerate(lines):
        if n:
            text.append("\n")
        for piece, style in line.parts:
            text.append(piece, style=_STYLES.get(style, ""))
    return text


class ChangesScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f9,q", "dismiss", show=False),
        Binding("1", "since_save", show=False),
        Binding("2", "since_signoff", show=False),
        Binding("3", "against_file", show=False),
    ]

    def __init__(self, session: Session, lang: Lang) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box changes-box") as box:
            box.border_title = t("changes_title", self.lang)
            yield Static(t("changes_keys", self.lang), classes="dialog-body", id="changes-keys")
            with VerticalScroll(id="changes-scroll"):
                yield Static(id="changes-report", markup=False)

    def on_mount(self) -> None:
        self.query_one("#changes-scroll").focus()
        self.action_since_save()

    def _show(self, compared: Compared) -> None:
        self.query_one("#changes-report", Static).update(changes_text(compared, self.session.path, self.lang))
        self.query_one("#changes-scroll", VerticalScroll).scroll_home(animate=False)

    def _say(self, error: JianbaoError) -> None:
        self.notify(error.render(self.lang), severity="warning", timeout=8)

    def action_since_save(self) -> None:
        self._show(self.session.changes_since_save())

    def action_since_signoff(self) -> None:
        try:
            self._show(self.session.changes_since_signoff())
        except JianbaoError as exc:
            self._say(exc)

    def action_against_file(self) -> None:
        fields = [Field("path", t("changes_file_label", self.lang))]

        def chosen(values: dict[str, str] | None) -> None:
            path = (values or {}).get("path", "").strip()
            if not path:
                return
            try:
                self._show(self.session.changes_against(Path(path).expanduser()))
            except JianbaoError as exc:
                self._say(exc)

        self.app.push_screen(FormDialog(t("changes_file_title", self.lang), fields, self.lang), chosen)

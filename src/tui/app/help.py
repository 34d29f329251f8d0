"""The help screen: every binding of every pane, in the UI language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.strings import t
from tui.model.i18n import Lang

_KEY_NAMES = {
    "ctrl": "Ctrl",
    "shift": "Shift",
    "up": "↑",
    "down": "↓",
    "delete": "Delete",
    "enter": "Enter",
    "escape": "Esc",
}


def pretty_key(key: str) -> str:
    """ctrl+s → Ctrl+S, shift+f8 → Shift+F8, a → a."""
    parts = key.split("+")
    if len(parts) == 1 and len(key) == 1:
        return key
    return "+".join(_KEY_NAMES.get(p, p.upper() if len(p) <= 3 else p.capitalize()) for p in parts)


def _rows(
    bindings: list[Binding | tuple[str, str] | tuple[str, str, str]], lang: Lang
) -> list[tuple[str, str]]:
    return [
        (" / ".join(pretty_key(k) for k in b.key.split(",")), t(f"b.{b.id}", lang))
        for b in bindings
        if isinstance(b, Binding) and b.id
    ]


# The keys of Textual's TextArea and Input (and FieldInput's Ctrl+Z/Ctrl+Y) that an editor reaches for.
TEXT_KEYS = (
    ("Ctrl+Z / Ctrl+Y", "k.undo"),
    ("Ctrl+X / Ctrl+C / Ctrl+V", "k.clipboard"),
    ("Shift+←→↑↓ / Shift+Home/End", "k.select"),
    ("Ctrl+← / Ctrl+→", "k.word"),
    ("Home / End", "k.line"),
    ("F7", "k.select_all"),
    ("Ctrl+W / Ctrl+K / Ctrl+U", "k.delete_word"),
    ("Enter", "k.enter"),
    ("Ctrl+J", "k.break_title"),
    ("Tab / Shift+Tab", "k.tab"),
)


def help_text(lang: Lang) -> str:
    from tui.app.main_screen import MainScreen
    from tui.app.outline import OutlineTree
    from tui.app.validation import FindingTable

    sections = [
        (t("help_global", lang), [*_rows(MainScreen.BINDINGS, lang), ("Ctrl+Q", t("b.quit", lang))]),
        (t("help_outline", lang), _rows(OutlineTree.BINDINGS, lang)),
        (t("help_validation", lang), _rows(FindingTable.BINDINGS, lang)),
        (t("help_text", lang), [(keys, t(key, lang)) for keys, key in TEXT_KEYS]),
    ]
    lines = []
    for title, rows in sections:
        lines.append(f"[b]{title}[/b]")
        width = max((len(key) for key, _ in rows), default=0) + 2
        lines += [f"  {key:<{max(width, 18)}}{label}" for key, label in rows]
        lines.append("")
    lines.append(t("help_palette", lang))
    lines.append(t("help_close", lang))
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", show=False)]

    def __init__(self, lang: Lang) -> None:
        super().__init__(classes="dialog")
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box") as box:
            box.border_title = t("help_title", self.lang)
            yield Static(help_text(self.lang), markup=True)

"""The editor's text fields: what a Chinese keyboard types, and a finding's span safe from the next key.

Two things Textual's Input and TextArea do not do for this editor:

- **U+3000.** A Chinese input method in full-width mode types the ideographic
  space (U+3000); Textual counts it as non-printable and drops it, so
  ``石　晗　刘　鹏`` typed as authors lost its separators.  These fields
  insert it like any character.
- **A jump's span.** A jump to a finding shows its span as a selection with
  the cursor at its start.  A selection is at the mercy of the next key:
  Enter or a typed character would replace the flagged text and the finding
  would vanish.  The span is marked as a jump's: the first key that would
  edit the text collapses the selection to its start first, so it inserts
  there and deletes nothing; a navigation key just moves on.  A selection
  the user makes stays an ordinary selection.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Location
from textual.widgets.text_area import Selection as AreaSelection

IDEOGRAPHIC_SPACE = "\u3000"
_MODIFIERS = ("shift+", "ctrl+", "alt+", "meta+", "super+")
_NAVIGATION = frozenset(
    {"up", "down", "left", "right", "home", "end", "pageup", "pagedown", "tab", "escape", "backtab"}
)
_READING = frozenset({"ctrl+c", "ctrl+a"})  # copy and select all change no text


def is_navigation(key: str) -> bool:
    """Keys that move, select or copy, never edit."""
    if key in _READING:
        return True
    base = key
    while base.startswith(_MODIFIERS):
        base = base.split("+", 1)[1]
    return base in _NAVIGATION or (base.startswith("f") and base[1:].isdigit())


_RUN_BREAKS = frozenset("，。、；：！？　 ")  # a typed mark or space ends one undo step of typing


class FieldInput(Input):
    """A one-line field (title, unit, authors, masthead…), with Ctrl+Z / Ctrl+Y as a text area has.

    Textual's Input keeps no history.  Here each edit the user makes while the
    field has focus is a step, a run of typed characters one step (ended by a
    mark or a space, or by any other kind of edit); a value set while the
    field is not focused (another article loaded) starts the history afresh.
    """

    BINDINGS = [
        Binding("ctrl+z", "undo", show=False),
        Binding("ctrl+y", "redo", show=False),
    ]

    _jump: InputSelection | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._past: list[tuple[str, int]] = []  # (value, cursor) before each step
        self._future: list[tuple[str, int]] = []
        self._shown = self.value  # the value the history has seen last
        self._typing = False  # the last step is a run of typed characters that may go on

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self or event.value == self._shown:
            return
        before, self._shown = self._shown, event.value
        if not self.has_focus:  # loaded, not typed
            self._past.clear()
            self._future.clear()
            self._typing = False
            return
        typed = len(event.value) == len(before) + 1 and event.value[-1:] not in _RUN_BREAKS
        typed = typed and event.value.startswith(before[: self.cursor_position - 1])
        if not (typed and self._typing):
            self._past.append((before, min(self.cursor_position, len(before))))
        self._future.clear()
        self._typing = typed

    def _restore(self, value: str, cursor: int) -> None:
        self._shown = value  # its Changed message is not a new step
        self.value = value
        self.cursor_position = min(cursor, len(value))
        self._typing = False

    def action_undo(self) -> None:
        if self._past and not self.disabled:
            self._future.append((self.value, self.cursor_position))
            self._restore(*self._past.pop())

    def action_redo(self) -> None:
        if self._future and not self.disabled:
            self._past.append((self.value, self.cursor_position))
            self._restore(*self._future.pop())

    def show_span(self, start: int, end: int) -> None:
        """Select a finding's span with the cursor at its start, guarded from the next key."""
        self.selection = InputSelection(end, start)
        self._jump = self.selection

    def _guard(self, key: str | None) -> None:
        jump, self._jump = self._jump, None
        if jump is None or self.selection != jump or (key is not None and is_navigation(key)):
            return
        self.selection = InputSelection.cursor(min(jump))

    async def on_key(self, event: events.Key) -> None:
        self._guard(event.key)
        if event.character == IDEOGRAPHIC_SPACE:
            event.stop()
            event.prevent_default()
            if self.selection.is_empty:
                self.insert_text_at_cursor(IDEOGRAPHIC_SPACE)
            else:
                self.replace(IDEOGRAPHIC_SPACE, *self.selection)

    def on_paste(self, event: events.Paste) -> None:
        self._guard(None)


class FieldArea(TextArea):
    """A multi-line field (the body, the 送 lines)."""

    _jump: AreaSelection | None = None

    def show_span(self, start: Location, end: Location) -> None:
        """Select a finding's span with the cursor at its start, guarded from the next key."""
        self.selection = AreaSelection(end, start)
        self._jump = self.selection

    def _guard(self, key: str | None) -> None:
        jump, self._jump = self._jump, None
        if jump is None or self.selection != jump or (key is not None and is_navigation(key)):
            return
        self.selection = AreaSelection.cursor(min(jump.start, jump.end))

    async def on_key(self, event: events.Key) -> None:
        self._guard(event.key)
        if event.character == IDEOGRAPHIC_SPACE and not self.read_only:
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self.replace(IDEOGRAPHIC_SPACE, start, end, maintain_selection_offset=False)

    def on_paste(self, event: events.Paste) -> None:
        self._guard(None)


class TitleArea(FieldArea):
    """A title: one paragraph, wrapped over as many lines as it needs, so its start (区名：) stays in view.

    A one-line Input scrolls a title longer than the field, and the 富阳区：
    prefix left the screen while the rest was typed.  Enter moves on to the
    next field.  Ctrl+J (or Shift+Enter where the terminal tells it from
    Enter) puts the editor's own line break into a long title, which the
    printed issue follows; a pasted line break is not one (a title copied
    from a PDF keeps its words, joined).
    """

    BINDINGS = [Binding("ctrl+j,shift+enter", "break_title", show=False)]

    DEFAULT_CSS = """
    TitleArea {
        height: auto;
        max-height: 3;
        min-height: 1;
    }
    """

    async def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        await super().on_key(event)

    def action_break_title(self) -> None:
        """The editor's own line break, where the cursor is."""
        if not self.read_only:
            start, end = self.selection
            self.replace("\n", start, end, maintain_selection_offset=False)

    def on_paste(self, event: events.Paste) -> None:
        self._guard(None)
        if "\n" in event.text or "\r" in event.text:
            event.prevent_default()
            if not self.read_only:
                joined = "".join(part.strip() for part in event.text.splitlines())
                start, end = self.selection
                self.replace(joined, start, end, maintain_selection_offset=False)

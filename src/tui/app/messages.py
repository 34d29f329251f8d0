"""The messages the editor's widgets post up to the screen: widgets say what happened, the screen acts."""

from __future__ import annotations

from textual.message import Message


class Edited(Message):
    """Something in the model changed; ``article`` is its index, or None for masthead/end block."""

    def __init__(self, article: int | None, structural: bool = False) -> None:
        super().__init__()
        self.article = article
        self.structural = structural


class ColumnChanged(Message):
    def __init__(self, article: int, column: str) -> None:
        super().__init__()
        self.article = article
        self.column = column


class FieldRejected(Message):
    """A field holds text that cannot be taken into the model (e.g. 2025-13-45 as a date).

    ``text`` is what was typed, or None once the field is valid again.  While
    any field is rejected the issue cannot be saved: the save would otherwise
    report success and keep the old value.
    """

    def __init__(self, field: str, label: str, text: str | None) -> None:
        super().__init__()
        self.field = field
        self.label = label
        self.text = text

"""Modal dialogs: a choice among buttons, a small form, a pick from a list."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.button import ButtonVariant
from textual.widgets.option_list import Option

from tui.app.keys import steady_cursors
from tui.app.strings import t
from tui.app.text_fields import FieldInput
from tui.model.i18n import Lang

# Esc cancels; ← and → move between the buttons (as Tab does), so → then Enter chooses the
# button on the right.  A text field keeps ← and → for its cursor (it handles them first).
DIALOG_BINDINGS: list[BindingType] = [
    Binding("escape", "dismiss_none", show=False),
    Binding("left", "app.focus_previous", show=False),
    Binding("right", "app.focus_next", show=False),
]


class ChoiceDialog(ModalScreen[str | None]):
    """A question with a row of buttons; returns the chosen button's id, None on Esc."""

    BINDINGS = DIALOG_BINDINGS

    def __init__(
        self,
        title: str,
        body: str,
        choices: list[tuple[str, str]],
        *,
        variant_first: ButtonVariant = "primary",
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.body = body
        self.choices = choices
        self.variant_first = variant_first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.body:
                yield Static(self.body, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for i, (key, label) in enumerate(self.choices):
                    yield Button(
                        label, id=f"choice-{key}", variant=self.variant_first if i == 0 else "default"
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()
        steady_cursors(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class Field(NamedTuple):
    key: str
    label: str
    value: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (label, value) makes it a Select


class FormDialog(ModalScreen[dict[str, str] | None]):
    """A few labelled fields with OK and Cancel; returns the values, None on Cancel/Esc."""

    BINDINGS = DIALOG_BINDINGS

    def __init__(self, title: str, fields: list[Field], lang: Lang, *, note: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.fields = fields
        self.lang = lang
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="dialog-body")
            for f in self.fields:
                yield Label(f.label, classes="field-label")
                if f.options:
                    yield Select(
                        f.options,
                        value=f.value or f.options[0][1],
                        allow_blank=False,
                        id=f"field-{f.key}",
                        prompt=t("select_prompt", self.lang),
                    )
                else:
                    yield FieldInput(select_on_focus=False, value=f.value, id=f"field-{f.key}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ok", self.lang), id="ok", variant="primary")
                yield Button(t("cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        steady_cursors(self)
        self.query("Input, Select").first().focus()

    def values(self) -> dict[str, str]:
        out = {}
        for f in self.fields:
            widget = self.query_one(f"#field-{f.key}")
            value = widget.value if isinstance(widget, (Input, Select)) else ""
            out[f.key] = "" if value is Select.NULL else str(value)
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.values())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.values() if event.button.id == "ok" else None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one of a list, or (optionally) type a new value; None on Esc."""

    BINDINGS = DIALOG_BINDINGS

    def __init__(self, title: str, choices: list[tuple[str, str]], *, new_label: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.choices = choices  # (value, label)
        self.new_label = new_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(label, id=value) for value, label in self.choices], id="pick")
            if self.new_label:
                yield Label(self.new_label, classes="field-label")
                yield FieldInput(select_on_focus=False, id="pick-new")

    def on_mount(self) -> None:
        steady_cursors(self)
        if self.choices:
            self.query_one(OptionList).focus()
        elif self.new_label:
            self.query_one("#pick-new", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

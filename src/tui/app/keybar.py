"""The key bar at the bottom: the keys that work where the focus is, in one widget.

Textual's Footer builds a widget per key and rebuilds them all on every
focus change (about 70 ms of the editor's start-up for two dozen keys).
This bar draws the same keys as one line of text, repaints only when the
keys actually change, and a click on a key presses it.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text as RichText
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from tui.app.strings import S, t
from tui.model.i18n import Lang

_DIM = Style(dim=True)

KeyItem = tuple[str, str, str, bool]  # key, how it is shown, description, enabled


class KeyBar(Widget):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, lang: Lang, *, first: tuple[str, ...] = (), **kwargs: Any) -> None:
        """``first``: actions shown before the focused widget's own keys (help, so the rest can be found)."""
        super().__init__(**kwargs)
        self.lang = lang
        self.first = first
        self.items: list[KeyItem] = []
        self._spans: list[tuple[int, int, KeyItem]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items = self.collect()
        if items != self.items:
            self.items = items
            self.refresh()

    def _describe(self, binding: Binding) -> str:
        """The key's description in the UI language, found by the binding's id (public API only)."""
        if binding.action == "command_palette":
            return t("b.palette", self.lang)
        if binding.id and f"b.{binding.id}" in S:
            return t(f"b.{binding.id}", self.lang)
        return binding.description

    def collect(self) -> list[KeyItem]:
        """One key per shown action: ``first`` in its order, then the nearest widget's, the palette last."""
        seen: set[str] = set()
        front: dict[str, KeyItem] = {}
        rest: list[KeyItem] = []
        palette: list[KeyItem] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            action = binding.action.removeprefix("screen.")
            is_palette = action == "command_palette"
            if not (binding.show or is_palette) or action in seen:
                continue
            seen.add(action)
            item = (binding.key, self.app.get_key_display(binding), self._describe(binding), enabled)
            if is_palette:
                palette.append(item)
            elif action in self.first:
                front[action] = item
            else:
                rest.append(item)
        return [front[a] for a in self.first if a in front] + rest + palette

    def render(self) -> RichText:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        text = RichText(no_wrap=True, overflow="crop")
        self._spans = []
        x = 0
        for item in self.items:
            _key, shown, description, enabled = item
            end = x + cell_len(shown) + cell_len(description) + 3
            if end > self.size.width:
                break  # whole keys only: F1 lists the rest
            text.append(f" {shown} ", key_style if enabled else key_style + _DIM)
            text.append(f"{description} ", description_style if enabled else description_style + _DIM)
            self._spans.append((x, end, item))
            x = end
        return text

    def key_at(self, x: int) -> KeyItem | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    @property
    def shown(self) -> list[tuple[int, int, KeyItem]]:
        """The keys drawn at the last render, with the columns each takes (whole keys only)."""
        return list(self._spans)

    def on_click(self, event: events.Click) -> None:
        item = self.key_at(event.x)
        if item is None:
            return
        if item[3]:
            self.app.simulate_key(item[0])
        else:
            self.app.bell()

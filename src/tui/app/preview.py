"""The print preview's text, broken into lines by the rules of Chinese typesetting (禁则).

A Static lets Rich wrap the text, and Rich starts a line with ，or 。 when
that is where the width runs out.  This widget wraps each line itself
(``tui.model.linebreak``) at the width it is given, again on every resize.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.reactive import reactive
from textual.widget import Widget

from tui.model.linebreak import wrap_text


class PreviewText(Widget):
    DEFAULT_CSS = "PreviewText { height: auto; width: 100%; }"

    text: reactive[str] = reactive("", layout=True)

    def render(self) -> RichText:
        width = self.content_size.width or 80
        return RichText("\n".join(wrap_text(self.text, width)), no_wrap=True, overflow="crop")

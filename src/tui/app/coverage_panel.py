"""Under the outline: the districts not yet in an issue this quarter (四季度尚未出现：淳安县、建德市)."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

from tui.app.strings import t
from tui.model.coverage import Coverage
from tui.model.i18n import Lang
from tui.model.linebreak import wrap_text


def coverage_line(c: Coverage, lang: Lang) -> str:
    quarter = t(f"quarter_{c.quarter}", lang)
    if not c.missing:
        return t("coverage_all", lang, quarter=quarter)
    sep = "、" if lang == "zh" else ", "
    return t("coverage_missing", lang, quarter=quarter, districts=sep.join(c.missing), n=len(c.missing))


class CoveragePanel(Widget):
    """Shown from the attributes it is given (``show``); it reads nothing itself.

    Lines are broken by 禁则 (no line starts with 、), as the preview's are:
    Rich's own wrap would put a 、 first on a line of this narrow pane.
    """

    def __init__(self, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.text = ""

    def show(self, c: Coverage | None) -> None:
        """None: the house lists no districts, so there is nothing to say (the panel hides)."""
        text = "" if c is None else coverage_line(c, self.lang)
        self.display = bool(text)
        if text != self.text:  # an unchanged line is not laid out again at every refresh
            self.text = text
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[str]:
        return wrap_text(self.text, width) if self.text else []

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> str:
        return "\n".join(self._lines(self.content_size.width))

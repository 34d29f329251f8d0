"""The command palette in the UI's language.

Textual's palette says “Search for commands…” and, when nothing matches,
“No matches found”: English in the Chinese UI.  The placeholder is a
parameter of the palette; the second is shown only when no provider has a
hit, so this provider (the app's only one) answers a search that matches
nothing with a line of its own that says so and does nothing.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.strings import t
from tui.model.i18n import Lang


class JianbaoCommands(Provider):
    """jianbao's commands (the app's system commands), searched by name."""

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            if (score := matcher.match(name)) > 0:
                found = True
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        if not found and query.strip():
            lang: Lang = "en" if getattr(self.app, "lang", "zh") == "en" else "zh"
            yield Hit(0.0001, t("palette_none", lang), _nothing, text=t("palette_none", lang))


def _nothing() -> None:
    """Choosing “no matching command” does nothing (the palette closes)."""

"""The errors jianbao reports to users instead of tracebacks."""

from __future__ import annotations

from pathlib import Path

from tui.model.i18n import Lang, Text


class JianbaoError(Exception):
    """An error with a bilingual message that names where it happened.

    ``file``, ``line``, ``column`` and ``field`` are kept apart so the CLI and
    the editor can both show them; ``str()`` gives the Chinese text.
    """

    def __init__(
        self,
        message: Text,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self.render("zh"))

    def render(self, lang: Lang) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            if lang == "zh":
                where.append(f"第{self.line}行" + (f"第{self.column}列" if self.column else ""))
            else:
                where.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.field:
            where.append(self.field)
        prefix = ("：" if lang == "zh" else ": ").join(where)
        sep = "：" if lang == "zh" else ": "
        return f"{prefix}{sep}{self.message.get(lang)}" if prefix else self.message.get(lang)


class LoadError(JianbaoError):
    """A file could not be read as an issue or a house configuration."""


class SaveError(JianbaoError):
    """A file could not be written; the previous version is untouched."""


class UsageError(JianbaoError):
    """The command line asked for something that cannot be done."""


class ChangedOnDisk(SaveError):
    """The file is no longer what was read: writing would lose someone else's change."""


class Refused(JianbaoError):
    """An edit that will not be made, with the reason (the model's and the session's)."""

"""The domain as plain data and pure functions: no I/O, no UI.

- ``issue``: an issue of a bulletin (masthead, columns, articles, end block,
  waivers, sign-offs, comments); its names are re-exported here.
- ``house``: the house configuration (catalogue, known units, style).
- ``findings``: what a check reports (rule, severity, location, message).
- ``i18n``, ``errors``: bilingual text and the errors users see.
- ``textutil``, ``bylines``, ``bodytext``, ``numbering``, ``issuediff``:
  pure text and numbering logic the layers above share.

This package imports nothing of jianbao outside itself.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model.issue import (
        COLUMN_KINDS,
        EDITIONS,
        FORMAT,
        KNOWN_FORMATS,
        NOTE_SEVERITIES,
        ROLE_LABELS,
        ROLES,
        Article,
        Byline,
        Column,
        ColumnKind,
        Comment,
        EndBlock,
        Issue,
        Masthead,
        Note,
        Role,
        Signoff,
        Waiver,
    )


def __getattr__(name: str) -> object:
    """The issue module's names, imported the first time one is asked for.

    ``tui.model.errors`` and ``tui.model.i18n`` load this package first, and
    the command line needs them before it knows whether it will read an
    issue at all (``jianbao check`` answered from its cache does not): the
    issue module's dataclasses cost milliseconds to create.
    """
    if name in __all__:
        from tui.model import issue

        value = getattr(issue, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tui.model' has no attribute {name!r}")


__all__ = [
    "COLUMN_KINDS",
    "EDITIONS",
    "FORMAT",
    "KNOWN_FORMATS",
    "NOTE_SEVERITIES",
    "ROLES",
    "ROLE_LABELS",
    "Article",
    "Byline",
    "Column",
    "ColumnKind",
    "Comment",
    "EndBlock",
    "Issue",
    "Masthead",
    "Note",
    "Role",
    "Signoff",
    "Waiver",
]

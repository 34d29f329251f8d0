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

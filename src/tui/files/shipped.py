"""Files shipped inside the package: the default house configuration, word lists, the schema.

Found beside this package rather than through importlib.resources: importing
that costs 1.5-11 ms (it loads zipfile), paid by every start of the editor
and every ``jianbao check`` in a folder without its own bulletin.toml.  The
package is installed as files (a wheel or an editable install), never run
from a zip.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def shipped(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``shipped("defaults", "bulletin.toml")``."""
    return PACKAGE.joinpath(*parts)

"""``jianbao new`` in an archive, then the new file removed again (a subprocess of run.py).

python bench/new_issue.py ARCHIVE   # makes the next issue of ARCHIVE, dated 2100-01-01, and deletes it

Removing the file keeps the archive as it was for the next run; both sides
of a comparison pay for it alike.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

from tui.cli import run as jianbao


def run(archive: str) -> None:
    out = io.StringIO()
    # Through the program's own entry, as the ``jianbao`` script runs it (cli/startup.py).
    sys.argv = ["jianbao", "new", "--archive", archive, "--date", "2100-01-01"]
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        jianbao()
    made = out.getvalue().strip()
    if not made:
        raise SystemExit(f"jianbao new made no issue in {archive}")
    Path(made).unlink()


if __name__ == "__main__":
    run(sys.argv[1])

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

from tui.cli.main import main


def run(archive: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(["new", "--archive", archive, "--date", "2100-01-01"])
    made = out.getvalue().strip()
    if not made:
        raise SystemExit(f"jianbao new made no issue in {archive}")
    Path(made).unlink()


if __name__ == "__main__":
    run(sys.argv[1])

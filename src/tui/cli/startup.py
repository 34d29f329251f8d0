"""The process's start: the garbage collector held back while a command loads.

A command's start makes tens of thousands of objects that hold references
(modules, classes, functions, compiled patterns, the rules' tables) and
none of them is garbage.  With the collector's own rule (a young
collection every 700 of them, every tenth one older) a ``jianbao check`` of
the sample ran about 30 collections that walked them again and again:
about 5 ms, a tenth of what the check costs beyond Python's own start.

A headless command is short and makes almost no cyclic garbage, so its
young generation is collected only every ``HEADLESS_YOUNG`` objects: never
in a check of one issue, still now and then in a long batch (a check of
a hundred files, an export of thousands of articles), so memory stays
bounded.  The editor, which runs for hours and makes its garbage in small
steps, gets the collector's own rule back before its first screen
(:func:`collector_as_usual`), and freezes what it loaded (app/app.py).

Only the program's entry does this (``jianbao``, ``python -m tui``); tests
that call :func:`tui.cli.main.main` keep their process's collector as it is.
"""

from __future__ import annotations

import gc

HEADLESS_YOUNG = 100_000  # objects made between two young collections while a command loads and runs

_USUAL = gc.get_threshold()


def run() -> None:
    """The ``jianbao`` program: hold the collector back, then load and run the command."""
    gc.set_threshold(HEADLESS_YOUNG, *_USUAL[1:])
    from tui.cli.main import run as run_command

    run_command()


def collector_as_usual() -> None:
    """The collector's own rule again (for the editor's long session), as the process started with it."""
    gc.set_threshold(*_USUAL)

"""``python -m tui`` is the ``jianbao`` command."""

from tui.cli import run

run()

"""``python -m tui`` is the ``jianbao`` command."""

from tui.cli.main import run

run()

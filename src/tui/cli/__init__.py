"""The ``jianbao`` command line: arguments, subcommands, and never a traceback for users."""

from tui.cli.main import main, run

__all__ = ["main", "run"]

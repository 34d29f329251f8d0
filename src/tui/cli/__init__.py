"""The ``jianbao`` command line: arguments, subcommands, and never a traceback for users.

Importing this package loads nothing else: :func:`run`, the program's entry,
first sets the collector for a command's start (cli/startup.py).
"""

from tui.cli.startup import run

__all__ = ["run"]

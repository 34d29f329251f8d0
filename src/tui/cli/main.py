"""The ``jianbao`` command: parse, dispatch, and never let a traceback reach the user."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from tui.cli.args import build_parser, t_
from tui.cli.commands import (
    EXIT_INTERNAL,
    EXIT_UNUSABLE,
    cmd_check,
    cmd_edit,
    cmd_export,
    cmd_import,
    cmd_new,
    cmd_report,
    cmd_schema,
)
from tui.model.errors import JianbaoError
from tui.model.i18n import Lang, resolve_lang

COMMANDS: dict[str, Callable[[argparse.Namespace, Lang], int]] = {
    "new": cmd_new,
    "import": cmd_import,
    "export": cmd_export,
    "schema": cmd_schema,
    "check": cmd_check,
    "report": cmd_report,
    "edit": cmd_edit,
    "review": cmd_edit,
}
# The archive's tools, imported when one of them runs (``check`` pays nothing for them).
ARCHIVE_COMMANDS = {
    "diff": "cmd_diff",
    "search": "cmd_search",
    "stats": "cmd_stats",
    "merge-driver": "cmd_merge_driver",
    "git-setup": "cmd_git_setup",
}


def _command(name: str) -> Callable[[argparse.Namespace, Lang], int]:
    if name in ARCHIVE_COMMANDS:
        from tui.cli import archive_commands

        command: Callable[[argparse.Namespace, Lang], int] = getattr(archive_commands, ARCHIVE_COMMANDS[name])
        return command
    return COMMANDS[name]


def _with_default_command(argv: list[str]) -> list[str]:
    """`jianbao FILE`, `jianbao --archive DIR` and bare `jianbao` mean `jianbao edit …`.

    ``edit`` goes first: its options (``--archive``) are known to it only.
    """
    takes_value = {"--lang", "--archive"}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg in takes_value:
            i += 2
            continue
        if not arg.startswith("-"):
            return argv if arg in COMMANDS or arg in ARCHIVE_COMMANDS else ["edit", *argv]
        i += 1
    return ["edit", *argv]


def _prescan_lang(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = resolve_lang(_prescan_lang(argv))
    try:
        parser = build_parser(lang)
        args = parser.parse_args(_with_default_command(argv))
        return _command(args.command)(args, lang)
    except JianbaoError as exc:
        sys.stderr.write(exc.render(lang) + "\n")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("JIANBAO_DEBUG"):
            raise
        detail = str(exc)
        detail = detail if len(detail) <= 300 else detail[:300] + "…"
        sys.stderr.write(
            t_(
                lang,
                f"jianbao 内部错误：{type(exc).__name__}: {detail}（设置 JIANBAO_DEBUG=1 可查看详情，请报告此问题）\n",
                f"jianbao internal error: {type(exc).__name__}: {detail} (set JIANBAO_DEBUG=1 for details; please report it)\n",
            )
        )
        return EXIT_INTERNAL


def run() -> None:
    sys.exit(main())

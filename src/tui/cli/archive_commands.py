"""The archive tool's subcommands: compare versions of an issue (and, below, work across the archive)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from tui.cli.commands import EXIT_FINDINGS, EXIT_OK, write_stdout
from tui.model.errors import UsageError
from tui.model.i18n import Lang, Text
from tui.model.issue import Issue

GIT_DIFF_ARGS = 7  # path old-file old-hex old-mode new-file new-hex new-mode


def _load_or_nothing(path: str) -> Issue | None:
    """The issue at ``path``; None for git's /dev/null (a file added or deleted)."""
    from tui.files.storage import load_issue

    if path == os.devnull:
        return None
    return load_issue(path)


def _empty_like(issue: Issue) -> Issue:
    import dataclasses

    return Issue(
        masthead=dataclasses.replace(issue.masthead), columns=list(issue.columns), endblock=issue.endblock
    )


def cmd_diff(args: argparse.Namespace, lang: Lang) -> int:
    """``jianbao diff OLD NEW``: exit 0 when the contents are the same, 1 when they differ (like diff)."""
    from rich.console import Console

    from tui.exporters.changes import changes_json, render_changes
    from tui.model.changes import compare

    files: list[str] = args.files
    if len(files) == GIT_DIFF_ARGS:  # git's diff.<driver>.command
        shown, old_path, new_path = files[0], files[1], files[4]
        old_name, new_name = f"a/{shown}", f"b/{shown}"
    elif len(files) == 2:
        old_path, new_path = files
        old_name, new_name = old_path, new_path
    else:
        raise UsageError(
            Text(
                f"diff 需要两个文件（旧版本、新版本），收到 {len(files)} 个",
                f"diff takes two files (old, new); got {len(files)}",
            )
        )
    old, new = _load_or_nothing(old_path), _load_or_nothing(new_path)
    if old is None and new is None:
        return EXIT_OK
    if old is None:
        assert new is not None
        old = _empty_like(new)
    if new is None:
        new = _empty_like(old)
    changes = compare(old, new)
    if args.format == "json":
        write_stdout(
            json.dumps(changes_json(changes, old_name, new_name), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        lines = render_changes(changes, old_name, new_name, lang)
        color = args.color == "always" or (
            args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        )
        if color:
            console = Console(force_terminal=True, highlight=False, soft_wrap=True)
            for line in lines:
                console.print(line)
        else:
            write_stdout("".join(line.plain + "\n" for line in lines))
    if len(files) == GIT_DIFF_ARGS:
        return EXIT_OK  # git stops at a diff command that does not exit 0
    return EXIT_OK if changes.empty else EXIT_FINDINGS

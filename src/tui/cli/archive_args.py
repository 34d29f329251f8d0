"""The archive tool's subcommands on the command line: diff, and (below) what works across the archive."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.args import t_
from tui.model.i18n import Lang


def add_archive_commands(sub: Any, common: argparse.ArgumentParser, lang: Lang, archive_help: str) -> None:
    """Add ``diff`` (and the other archive commands) to the ``jianbao`` parser."""
    p = sub.add_parser(
        "diff",
        add_help=False,
        parents=[common],
        help=t_(
            lang, "比较一期的两个版本：逐篇、逐字", "compare two versions of an issue, article by article"
        ),
        description=t_(
            lang,
            "比较一期的两个版本。作为 git 的 diff 命令（diff.jianbao.command）时，git 传入 7 个参数，取其中的旧文件与新文件。",
            "Compare two versions of an issue. As git's diff command (diff.jianbao.command) it takes git's 7 arguments and compares the old and new file among them.",
        ),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=t_(lang, "旧版本与新版本（TOML）", "the old and the new version (TOML)"),
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t_(lang, "输出格式", "output format"),
    )
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help=t_(
            lang,
            "是否着色（auto：输出到终端时着色；不着色时以 [-删去-] {+新增+} 标出）",
            "colour (auto: when writing to a terminal; without it [-deleted-] {+inserted+} mark the changes)",
        ),
    )

"""The archive tool's subcommands on the command line: diff, and (below) what works across the archive."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.args import output_options, parse_date, t_
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
        choices=("text", "json", "docx"),
        default="text",
        help=t_(
            lang,
            "输出格式（docx：新版本的 Word 文档，改动为修订，可在 Word/WPS 中逐条接受或拒绝）",
            "output format (docx: the new version as a Word document with the changes as tracked revisions)",
        ),
    )
    output_options(
        p,
        lang,
        archive_help,
        t_(
            lang,
            "--format docx 写入的文件（默认：新版本旁的 名称-修订.docx）",
            "the .docx to write (default: NEW-修订.docx beside the new version)",
        ),
    )
    p.add_argument(
        "--author",
        help=t_(
            lang,
            "修订的作者（默认：新版本的本期责任编辑）",
            "the revisions' author (default: the new version's 本期责任编辑)",
        ),
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

    p = sub.add_parser(
        "search",
        add_help=False,
        parents=[common],
        help=t_(lang, "在整个档案中全文检索", "search every issue of the archive"),
    )
    p.add_argument(
        "query", help=t_(lang, "要找的文字（任意长度的中文片段）", "the text to find (any Chinese fragment)")
    )
    p.add_argument("--archive", help=archive_help)
    p.add_argument("--year", type=int, help=t_(lang, "只找这一年的期刊", "only issues of this year"))
    p.add_argument("--column", help=t_(lang, "只找这个栏目", "only this column"))
    p.add_argument(
        "--unit", help=t_(lang, "只找这个区县或单位的稿件", "only articles of this district or unit")
    )
    p.add_argument("--author", help=t_(lang, "只找这位作者的稿件", "only articles by this author"))
    p.add_argument(
        "--limit",
        type=int,
        default=50,
        help=t_(lang, "最多显示几处（默认 50）", "show at most this many hits (default 50)"),
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=t_(lang, "输出格式", "output format")
    )

    p = sub.add_parser(
        "stats",
        add_help=False,
        parents=[common],
        help=t_(
            lang,
            "档案统计：各区县、栏目、作者与刊期",
            "archive statistics: districts, columns, authors, issues",
        ),
    )
    p.add_argument("--archive", help=archive_help)
    p.add_argument(
        "--year",
        type=int,
        help=t_(
            lang, "统计这一年（默认：最新一期所在的年份）", "this year (default: the newest issue's year)"
        ),
    )
    p.add_argument(
        "--from",
        dest="start",
        type=parse_date,
        help=t_(lang, "起始日期 YYYY-MM-DD", "from this date YYYY-MM-DD"),
    )
    p.add_argument(
        "--to",
        dest="end",
        type=parse_date,
        help=t_(lang, "截止日期 YYYY-MM-DD", "up to this date YYYY-MM-DD"),
    )
    p.add_argument(
        "--absent",
        type=int,
        default=6,
        metavar="N",
        help=t_(
            lang,
            "列出最近 N 期未见稿件的区县（默认 6）",
            "list districts absent from the last N issues (default 6)",
        ),
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help=t_(lang, "输出格式", "output format"),
    )

    p = sub.add_parser(
        "merge-driver",
        add_help=False,
        parents=[common],
        help=t_(
            lang,
            "git 合并驱动：按稿件合并一期的两个版本（由 git 调用）",
            "git merge driver: merge two versions of an issue article by article (git runs it)",
        ),
    )
    p.add_argument("base", help=t_(lang, "共同的原版本（%%O）", "the common ancestor (%%O)"))
    p.add_argument(
        "ours", help=t_(lang, "本方版本，合并结果写回此文件（%%A）", "ours; the result is written here (%%A)")
    )
    p.add_argument("theirs", help=t_(lang, "另一方版本（%%B）", "theirs (%%B)"))
    p.add_argument(
        "path",
        nargs="?",
        default="",
        help=t_(lang, "文件在仓库中的路径（%%P）", "the file's path in the repository (%%P)"),
    )

    p = sub.add_parser(
        "git-setup",
        add_help=False,
        parents=[common],
        help=t_(
            lang,
            "把 jianbao 设为档案 git 仓库的比较与合并工具",
            "make jianbao the diff and merge driver of the archive's git repository",
        ),
    )
    p.add_argument("--archive", help=archive_help)

"""The ``jianbao`` command line: its options, in the user's language."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Any, NoReturn

from tui.model.errors import UsageError
from tui.model.i18n import Lang, Text


def t_(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size works it out, without importing shutil."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, told the width.

    argparse makes a formatter for every option it is given (to test the
    option's metavar), and a formatter not told the width imports shutil to
    ask the terminal: a few milliseconds on every command, help or not.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors become UsageError (clear message, exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def format_help(self) -> str:
        """argparse's help, with its section headings ended as Chinese ends them (参数：, not 参数:)."""
        text = super().format_help()
        for heading in _HEADINGS_ZH:
            text = text.replace(f"\n{heading}:\n", f"\n{heading}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            Text(f"命令行参数有误：{message}\n{self.format_usage()}", f"{message}\n{self.format_usage()}")
        )


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: YYYY-MM-DD") from None


_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "参数",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
}


# argparse writes a colon after each section heading itself.
_HEADINGS_ZH = (_ARGPARSE_ZH["positional arguments"], _ARGPARSE_ZH["options"])


def _localise_argparse(lang: Lang) -> None:
    """argparse's own words (usage, options) follow the UI language too: ours in Chinese, else English.

    Not the system's gettext catalogues: a German locale would otherwise give
    German argparse messages inside an English interface (and importing
    gettext and locale costs every command a millisecond and a half).
    """
    table = _ARGPARSE_ZH if lang == "zh" else {}
    argparse._ = lambda message: table.get(message, message)  # type: ignore[attr-defined]  # argparse reads its own messages through this module global


def output_options(p: argparse.ArgumentParser, lang: Lang, archive_help: str, output_help: str) -> None:
    """-o, --force and --archive of the commands that write a file made from an issue."""
    p.add_argument("-o", "--output", help=output_help)
    p.add_argument(
        "--force",
        action="store_true",
        help=t_(
            lang,
            "允许覆盖已有的输出文件（期刊文件本身除外）",
            "allow replacing an existing output file (never the issue itself)",
        ),
    )
    p.add_argument("--archive", help=archive_help)


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    _localise_argparse(lang)
    common = _Parser(add_help=False)
    common.add_argument(
        "-h", "--help", action="help", help=t_(lang, "显示帮助并退出", "show this help and exit")
    )
    common.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=t_(lang, "界面语言（默认中文）", "interface language (default Chinese)"),
    )
    archive_help = t_(
        lang,
        "期刊档案文件夹（默认 $JIANBAO_ARCHIVE 或 ./data/issues）",
        "archive folder (default $JIANBAO_ARCHIVE or ./data/issues)",
    )

    parser = _Parser(
        add_help=False,
        prog="jianbao",
        parents=[common],
        description=t_(
            lang, "jianbao：简报编辑工具", "jianbao: an editor for Chinese official bulletins (简报)"
        ),
    )
    from tui import __version__

    parser.add_argument(
        "--version",
        action="version",
        version=f"jianbao {__version__}",
        help=t_(lang, "显示版本并退出", "show the version and exit"),
    )
    # prog given: argparse would otherwise build a help formatter to work it out (and import shutil)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog="jianbao")

    p = sub.add_parser(
        "new",
        add_help=False,
        parents=[common],
        help=t_(lang, "在档案中新建下一期", "write the next issue into the archive"),
    )
    p.add_argument("--archive", help=archive_help)
    p.add_argument(
        "--date",
        type=parse_date,
        help=t_(lang, "出刊日期 YYYY-MM-DD（默认今天）", "issue date YYYY-MM-DD (default today)"),
    )
    p.add_argument(
        "--edition", default="普刊", help=t_(lang, "刊别：普刊、专刊、增刊", "edition: 普刊, 专刊 or 增刊")
    )
    p.add_argument(
        "--create",
        action="store_true",
        help=t_(lang, "档案文件夹不存在时新建它", "create the archive folder if it does not exist"),
    )

    p = sub.add_parser(
        "import",
        add_help=False,
        parents=[common],
        help=t_(
            lang,
            "把简报文本或 Word 文档导入为期刊文件，或把 Word 来稿加入一期",
            "import a bulletin (text or Word) as an issue file, or add a Word submission to an issue",
        ),
    )
    p.add_argument(
        "file",
        help=t_(
            lang,
            "简报文本（UTF-8 或 GB18030）或 Word 文档（.docx）",
            "the bulletin as text (UTF-8 or GB18030) or a Word document (.docx)",
        ),
    )
    p.add_argument(
        "--into",
        metavar="ISSUE.toml",
        help=t_(
            lang, "把 Word 来稿作为一篇稿件加入这一期", "add a Word submission to this issue as an article"
        ),
    )
    p.add_argument(
        "--column",
        help=t_(
            lang,
            "来稿放入的栏目（默认按本刊规则判断）",
            "the column for the submission (default: by the house rules)",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        help=t_(
            lang, "输出的 TOML 文件（默认打印到标准输出）", "output TOML file (default: standard output)"
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=t_(lang, "允许覆盖已有的输出文件", "allow replacing an existing output file"),
    )
    p.add_argument("--archive", help=archive_help)
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t_(
            lang, "问题报告的格式（输出到标准错误）", "format of the findings (written to standard error)"
        ),
    )

    p = sub.add_parser(
        "export",
        add_help=False,
        parents=[common],
        help=t_(lang, "按印刷版式导出期刊", "render an issue in its printed layout"),
    )
    p.add_argument("file", help=t_(lang, "期刊文件（TOML）", "issue file (TOML)"))
    p.add_argument(
        "--to",
        choices=("text", "docx", "pdf", "html", "md"),
        default="text",
        help=t_(
            lang,
            "导出格式（pdf：不经 Word 直接排版的校样）",
            "output format (pdf: a proof typeset without Word)",
        ),
    )
    output_options(
        p,
        lang,
        archive_help,
        t_(
            lang,
            "输出文件（默认打印到标准输出；docx、pdf 默认与期刊同名）",
            "output file (default: standard output; docx, pdf: the issue's name with .docx, .pdf)",
        ),
    )

    p = sub.add_parser(
        "report",
        add_help=False,
        parents=[common],
        help=t_(
            lang,
            "生成校对单（问题、豁免、批注与签发）",
            "write the proof report (findings, waivers, comments, sign-offs)",
        ),
    )
    p.add_argument("file", help=t_(lang, "期刊文件（TOML）", "issue file (TOML)"))
    p.add_argument(
        "--to",
        choices=("text", "html", "docx"),
        default="text",
        help=t_(lang, "校对单格式", "report format"),
    )
    output_options(
        p,
        lang,
        archive_help,
        t_(
            lang,
            "输出文件（默认打印到标准输出；docx 默认为“期刊名-校对单.docx”）",
            "output file (default: standard output; docx: the issue's name with -校对单.docx)",
        ),
    )

    for name, helptext in (
        (
            "edit",
            t_(
                lang,
                "在编辑器中打开期刊（默认：档案中最新的一期）",
                "open an issue in the editor (default: the archive's newest)",
            ),
        ),
        (
            "review",
            t_(lang, "以校对模式打开期刊（正文只读）", "open an issue for proofreading (text read-only)"),
        ),
    ):
        p = sub.add_parser(name, add_help=False, parents=[common], help=helptext)
        p.add_argument(
            "file",
            nargs="?" if name == "edit" else None,
            help=t_(lang, "期刊文件（TOML）", "issue file (TOML)"),
        )
        p.add_argument("--archive", help=archive_help)
        if name == "review":
            p.add_argument(
                "--allow-fixes",
                action="store_true",
                help=t_(lang, "允许校对人员应用自动修正", "let the proofreader apply offered fixes"),
            )

    p = sub.add_parser(
        "check",
        add_help=False,
        parents=[common],
        help=t_(lang, "校对检查期刊文件", "check issue files as a proofreader would"),
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help=t_(lang, "期刊文件（TOML）", "issue files (TOML)")
    )
    p.add_argument(
        "--archive",
        help=t_(
            lang,
            "核对期号用的档案文件夹（默认为文件所在文件夹）",
            "archive folder for numbering checks (default: the file's folder)",
        ),
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=t_(lang, "输出格式", "output format")
    )
    p.add_argument(
        "--fix",
        action="store_true",
        help=t_(lang, "自动修正可安全修正的问题并保存", "apply the safe fixes and save"),
    )
    p.add_argument("--strict", action="store_true", help=t_(lang, "警告也视为不通过", "fail on warnings too"))
    p.add_argument(
        "--no-cache",
        action="store_true",
        help=t_(
            lang,
            "不用上次检查的结果（默认：文件、档案、本刊配置和 jianbao 都未改变时直接给出上次的结果）",
            "check again even if nothing changed (by default an unchanged check prints its last result)",
        ),
    )

    from tui.cli.archive_args import add_archive_commands

    add_archive_commands(sub, common, lang, archive_help)

    sub.add_parser(
        "schema",
        add_help=False,
        parents=[common],
        help=t_(lang, "打印期刊文件格式的 JSON Schema", "print the JSON Schema of the issue format"),
    )
    return parser

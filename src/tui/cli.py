"""The ``jianbao`` command: subcommands over the domain; no traceback reaches the user."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.errors import JianbaoError, UsageError
from tui.i18n import Lang, Text, resolve_lang

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 70


def _t(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors become UsageError (clear message, exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(
            Text(f"命令行参数有误：{message}\n{self.format_usage()}", f"{message}\n{self.format_usage()}")
        )


def _parse_date(value: str) -> dt.date:
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


def _localise_argparse(lang: Lang) -> None:
    """argparse's own words (usage, options) follow the UI language too."""
    from gettext import gettext

    table = _ARGPARSE_ZH if lang == "zh" else {}
    argparse._ = lambda message: table.get(message, gettext(message))  # type: ignore[attr-defined]


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    _localise_argparse(lang)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-h", "--help", action="help", help=_t(lang, "显示帮助并退出", "show this help and exit")
    )
    common.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=_t(lang, "界面语言（默认中文）", "interface language (default Chinese)"),
    )
    archive_help = _t(
        lang,
        "期刊档案文件夹（默认 $JIANBAO_ARCHIVE 或 ./data/issues）",
        "archive folder (default $JIANBAO_ARCHIVE or ./data/issues)",
    )

    parser = _Parser(
        add_help=False,
        prog="jianbao",
        parents=[common],
        description=_t(
            lang, "jianbao：简报编辑工具", "jianbao: an editor for Chinese official bulletins (简报)"
        ),
    )
    from tui import __version__

    parser.add_argument(
        "--version",
        action="version",
        version=f"jianbao {__version__}",
        help=_t(lang, "显示版本并退出", "show the version and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "new",
        add_help=False,
        parents=[common],
        help=_t(lang, "在档案中新建下一期", "write the next issue into the archive"),
    )
    p.add_argument("--archive", help=archive_help)
    p.add_argument(
        "--date",
        type=_parse_date,
        help=_t(lang, "出刊日期 YYYY-MM-DD（默认今天）", "issue date YYYY-MM-DD (default today)"),
    )
    p.add_argument(
        "--edition", default="普刊", help=_t(lang, "刊别：普刊、专刊、增刊", "edition: 普刊, 专刊 or 增刊")
    )

    p = sub.add_parser(
        "import",
        add_help=False,
        parents=[common],
        help=_t(
            lang,
            "把简报文本或 Word 文档导入为期刊文件，或把 Word 来稿加入一期",
            "import a bulletin (text or Word) as an issue file, or add a Word submission to an issue",
        ),
    )
    p.add_argument(
        "file",
        help=_t(
            lang,
            "简报文本（UTF-8 或 GB18030）或 Word 文档（.docx）",
            "the bulletin as text (UTF-8 or GB18030) or a Word document (.docx)",
        ),
    )
    p.add_argument(
        "--into",
        metavar="ISSUE.toml",
        help=_t(
            lang, "把 Word 来稿作为一篇稿件加入这一期", "add a Word submission to this issue as an article"
        ),
    )
    p.add_argument(
        "--column",
        help=_t(
            lang,
            "来稿放入的栏目（默认按本刊规则判断）",
            "the column for the submission (default: by the house rules)",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        help=_t(
            lang, "输出的 TOML 文件（默认打印到标准输出）", "output TOML file (default: standard output)"
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=_t(lang, "允许覆盖已有的输出文件", "allow replacing an existing output file"),
    )
    p.add_argument("--archive", help=archive_help)
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_t(
            lang, "问题报告的格式（输出到标准错误）", "format of the findings (written to standard error)"
        ),
    )

    p = sub.add_parser(
        "export",
        add_help=False,
        parents=[common],
        help=_t(lang, "按印刷版式导出期刊", "render an issue in its printed layout"),
    )
    p.add_argument("file", help=_t(lang, "期刊文件（TOML）", "issue file (TOML)"))
    p.add_argument(
        "--to",
        choices=("text", "docx", "html", "md"),
        default="text",
        help=_t(lang, "导出格式", "output format"),
    )
    p.add_argument(
        "-o",
        "--output",
        help=_t(
            lang,
            "输出文件（默认打印到标准输出；docx 默认与期刊同名）",
            "output file (default: standard output; docx: the issue's name with .docx)",
        ),
    )
    p.add_argument("--archive", help=archive_help)

    for name, helptext in (
        (
            "edit",
            _t(
                lang,
                "在编辑器中打开期刊（默认：档案中最新的一期）",
                "open an issue in the editor (default: the archive's newest)",
            ),
        ),
        (
            "review",
            _t(lang, "以校对模式打开期刊（正文只读）", "open an issue for proofreading (text read-only)"),
        ),
    ):
        p = sub.add_parser(name, add_help=False, parents=[common], help=helptext)
        p.add_argument(
            "file",
            nargs="?" if name == "edit" else None,
            help=_t(lang, "期刊文件（TOML）", "issue file (TOML)"),
        )
        p.add_argument("--archive", help=archive_help)
        if name == "review":
            p.add_argument(
                "--allow-fixes",
                action="store_true",
                help=_t(lang, "允许校对人员应用自动修正", "let the proofreader apply offered fixes"),
            )

    p = sub.add_parser(
        "check",
        add_help=False,
        parents=[common],
        help=_t(lang, "校对检查期刊文件", "check issue files as a proofreader would"),
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", help=_t(lang, "期刊文件（TOML）", "issue files (TOML)")
    )
    p.add_argument(
        "--archive",
        help=_t(
            lang,
            "核对期号用的档案文件夹（默认为文件所在文件夹）",
            "archive folder for numbering checks (default: the file's folder)",
        ),
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help=_t(lang, "输出格式", "output format")
    )
    p.add_argument(
        "--fix",
        action="store_true",
        help=_t(lang, "自动修正可安全修正的问题并保存", "apply the safe fixes and save"),
    )
    p.add_argument("--strict", action="store_true", help=_t(lang, "警告也视为不通过", "fail on warnings too"))

    sub.add_parser(
        "schema",
        add_help=False,
        parents=[common],
        help=_t(lang, "打印期刊文件格式的 JSON Schema", "print the JSON Schema of the issue format"),
    )
    return parser


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def cmd_schema(args: argparse.Namespace, lang: Lang) -> int:
    from importlib import resources

    _write_stdout((resources.files("tui") / "schema" / "issue.schema.json").read_text(encoding="utf-8"))
    return EXIT_OK


def cmd_new(args: argparse.Namespace, lang: Lang) -> int:
    from tui.archive import make_next_issue, scan, write_new_issue
    from tui.config import archive_dir, load_house
    from tui.numbering import issue_filename

    archive = archive_dir(args.archive)
    house = load_house(archive)
    issue = make_next_issue(scan(archive), house, args.date or dt.date.today(), args.edition)
    path = write_new_issue(archive, issue, issue_filename(issue.masthead, house.style))
    _write_stdout(f"{path}\n")
    return EXIT_OK


def _is_docx(path: Path) -> bool:
    return path.suffix.lower() == ".docx"


def cmd_import(args: argparse.Namespace, lang: Lang) -> int:
    from tui import codec, report
    from tui.config import archive_dir, load_house
    from tui.storage import atomic_write, read_text

    source = Path(args.file)
    if args.into:
        return _import_submission(args, lang, source)
    house = load_house(archive_dir(args.archive))
    if _is_docx(source):
        from tui.importers.docx import import_issue_docx

        result = import_issue_docx(source, house)
    else:
        from tui.importers.text import import_text

        result = import_text(read_text(source, legacy_encodings=("gb18030",)), house)
    data = codec.dumps(result.issue)
    if args.output:
        atomic_write(args.output, data.encode("utf-8"), overwrite=args.force)
    else:
        _write_stdout(data)
    reports = [report.FileReport(str(source), result.findings)]
    render = report.render_json if args.format == "json" else report.render_text
    sys.stderr.write(render(reports, lang))
    return EXIT_OK


def _import_submission(args: argparse.Namespace, lang: Lang, source: Path) -> int:
    """A district's Word submission, appended to an issue as one article."""
    from tui import report
    from tui.config import load_house
    from tui.importers.docx import choose_column, import_submission
    from tui.storage import load_issue, save_issue

    target = Path(args.into)
    issue = load_issue(target)
    house = load_house(Path(args.archive) if args.archive else target.parent)
    submission = import_submission(source, house)  # reads and checks everything before writing
    article = submission.article
    if args.column:
        if issue.column(args.column) is None:
            names = "、".join(c.name for c in issue.columns)
            raise UsageError(
                Text(
                    f"本期没有栏目“{args.column}”；可用：{names}",
                    f"this issue has no column “{args.column}”; it has: {names}",
                )
            )
        article.column = args.column
    else:
        article.column = choose_column(issue, house, article)
    issue.articles.insert(issue.end_of_column(article.column), article)
    save_issue(issue, target)
    title = article.title or (article.paragraphs[0][:12] + "…" if article.paragraphs else "")
    _write_stdout(
        _t(
            lang,
            f"已加入 {target}：栏目“{article.column}”，「{title}」\n",
            f"added to {target}: column “{article.column}”, “{title}”\n",
        )
    )
    render = report.render_json if args.format == "json" else report.render_text
    sys.stderr.write(render([report.FileReport(str(source), submission.findings)], lang))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, lang: Lang) -> int:
    from tui.config import archive_dir, load_house
    from tui.exporters import render
    from tui.storage import atomic_write, load_issue

    path = Path(args.file)
    issue = load_issue(path)
    house = load_house(archive_dir(args.archive) if args.archive else path.parent)
    data = render(issue, house.style, args.to)
    output = args.output or (str(path.with_suffix(".docx")) if args.to == "docx" else None)
    if output:
        atomic_write(output, data)
        if args.to == "docx" and not args.output:
            _write_stdout(f"{output}\n")
    else:
        _write_stdout(data.decode("utf-8"))
    return EXIT_OK


def cmd_check(args: argparse.Namespace, lang: Lang) -> int:
    from tui import report
    from tui.checking import open_check
    from tui.storage import save_issue

    archive = Path(args.archive) if args.archive else None
    checks = [open_check(Path(f), archive) for f in args.files]  # all load before any is changed
    for check in checks:
        if args.fix:
            if check.fix():
                save_issue(check.issue, check.path)
        else:
            check.run()
    reports = [report.FileReport(str(c.path), c.findings, c.changes) for c in checks]
    render = report.render_json if args.format == "json" else report.render_text
    _write_stdout(render(reports, lang))
    failed = any(c.failed_strict() if args.strict else c.failed for c in checks)
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_edit(args: argparse.Namespace, lang: Lang) -> int:
    from tui.app.app import JianbaoApp, newest_issue
    from tui.config import archive_dir

    archive = Path(args.archive) if args.archive else None
    path = Path(args.file) if args.file else newest_issue(archive_dir(archive))
    review = args.command == "review"
    app = JianbaoApp(
        path, lang=lang, review=review, allow_fixes=getattr(args, "allow_fixes", False), archive=archive
    )
    app.run()
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Lang], int]] = {
    "new": cmd_new,
    "import": cmd_import,
    "export": cmd_export,
    "schema": cmd_schema,
    "check": cmd_check,
    "edit": cmd_edit,
    "review": cmd_edit,
}


def _with_default_command(argv: list[str]) -> list[str]:
    """`jianbao FILE` and bare `jianbao` mean `jianbao edit …`."""
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
            return argv if arg in COMMANDS else [*argv[:i], "edit", *argv[i:]]
        i += 1
    return [*argv, "edit"]


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
        return COMMANDS[args.command](args, lang)
    except JianbaoError as exc:
        sys.stderr.write(exc.render(lang) + "\n")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("JIANBAO_DEBUG"):
            raise
        sys.stderr.write(
            _t(
                lang,
                f"jianbao 内部错误：{type(exc).__name__}: {exc}（设置 JIANBAO_DEBUG=1 可查看详情，请报告此问题）\n",
                f"jianbao internal error: {type(exc).__name__}: {exc} (set JIANBAO_DEBUG=1 for details; please report it)\n",
            )
        )
        return EXIT_INTERNAL


def run() -> None:
    sys.exit(main())

"""The subcommands of ``jianbao``: each parses nothing and imports what it needs late.

Late imports keep ``jianbao check`` free of Textual and quick to start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.args import t_
from tui.model.errors import UsageError
from tui.model.i18n import Lang, Text

if TYPE_CHECKING:
    from tui.model.findings import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 70


def write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def cmd_schema(args: argparse.Namespace, lang: Lang) -> int:
    from tui.files.shipped import shipped

    write_stdout(shipped("schema", "issue.schema.json").read_text(encoding="utf-8"))
    return EXIT_OK


def cmd_new(args: argparse.Namespace, lang: Lang) -> int:
    from tui.files.archive import archive_folder, make_next_issue, scan_lenient, write_new_issue
    from tui.files.config import archive_dir, load_house
    from tui.model.numbering import issue_filename

    archive = archive_folder(archive_dir(args.archive), create=args.create)
    house = load_house(archive)
    found, unreadable = scan_lenient(archive, titles=False)
    for error in unreadable:
        sys.stderr.write(
            t_(lang, "警告：已跳过无法读取的档案文件 ", "warning: skipped an unreadable archive file ")
            + error.render(lang)
            + "\n"
        )
    issue = make_next_issue(found, house, args.date or dt.date.today(), args.edition)
    path = write_new_issue(archive, issue, issue_filename(issue.masthead, house.style))
    write_stdout(f"{path}\n")
    return EXIT_OK


def _is_docx(path: Path) -> bool:
    return path.suffix.lower() == ".docx"


def cmd_import(args: argparse.Namespace, lang: Lang) -> int:
    from tui.checks import report
    from tui.files import codec
    from tui.files.config import archive_dir, load_house
    from tui.files.storage import read_text
    from tui.files.writing import atomic_write

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
        check_output_target(source, Path(args.output), force=args.force)
        atomic_write(args.output, data.encode("utf-8"), overwrite=args.force)
    else:
        write_stdout(data)
    reports = [report.FileReport(str(source), result.findings)]
    render = report.render_json if args.format == "json" else report.render_text
    sys.stderr.write(render(reports, lang))
    return EXIT_OK


def _import_submission(args: argparse.Namespace, lang: Lang, source: Path) -> int:
    """A district's Word submission, appended to an issue as one article."""
    from tui.files.config import load_house
    from tui.files.storage import load_issue_stamped, save_issue
    from tui.importers.docx import choose_column, import_submission
    from tui.importers.notes import notes_from

    target = Path(args.into)
    refuse_if_being_edited(target, lang)
    issue, read = load_issue_stamped(target)
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
        try:
            article.column = choose_column(issue, house, article)
        except UsageError:
            _report(args, lang, source, submission.findings)  # what the import noticed, not only the refusal
            raise
    issue.articles.insert(issue.end_of_column(article.column), article)
    issue.notes += notes_from(submission.findings, issue, origin=source.name, title=article.title)
    save_issue(issue, target, expect=read)
    title = article.title or (article.paragraphs[0][:12] + "…" if article.paragraphs else "")
    write_stdout(
        t_(
            lang,
            f"已加入 {target}：栏目“{article.column}”，「{title}」\n",
            f"added to {target}: column “{article.column}”, “{title}”\n",
        )
    )
    _report(args, lang, source, submission.findings)
    return EXIT_OK


def _report(args: argparse.Namespace, lang: Lang, source: Path, findings: list[Finding]) -> None:
    from tui.checks import report

    render = report.render_json if args.format == "json" else report.render_text
    sys.stderr.write(render([report.FileReport(str(source), findings)], lang))


def cmd_export(args: argparse.Namespace, lang: Lang) -> int:
    from tui.exporters import BINARY, SUFFIXES, render
    from tui.files.config import archive_dir, load_house
    from tui.files.storage import load_issue
    from tui.files.writing import atomic_write

    path = Path(args.file)
    issue = load_issue(path)
    house = load_house(archive_dir(args.archive) if args.archive else path.parent)
    output = args.output or (str(path.with_suffix(SUFFIXES[args.to])) if args.to in BINARY else None)
    if output:
        check_output_target(path, Path(output), force=args.force)
    if args.to == "pdf":
        from tui.exporters.pdf import render_pdf

        result = render_pdf(issue, house.style)
        data = result.data
        for note in result.substitutions:  # say which house font was replaced by which
            sys.stderr.write(f"{output}: {note.get(lang)}\n")
    else:
        data = render(issue, house.style, args.to)
    if output:
        atomic_write(output, data, overwrite=args.force)
        if args.to in BINARY and not args.output:
            write_stdout(f"{output}\n")
    else:
        write_stdout(data.decode("utf-8"))
    return EXIT_OK


def cmd_report(args: argparse.Namespace, lang: Lang) -> int:
    """The 校对单: the issue checked as ``check`` does, then laid out as text, HTML or Word."""
    import datetime as dt

    from tui.checks.checking import open_checks
    from tui.checks.proof import build_proof_report
    from tui.exporters.proof import render_proof
    from tui.files.writing import atomic_write

    path = Path(args.file)
    default = path.with_name(f"{path.stem}-校对单.docx") if args.to == "docx" else None
    output = Path(args.output) if args.output else default
    if output is not None:
        check_output_target(path, output, force=args.force)
    (check,) = open_checks([path], Path(args.archive) if args.archive else None)
    findings = check.run()
    report = build_proof_report(check.issue, findings, lang, made_at=dt.datetime.now().replace(microsecond=0))
    data = render_proof(report, args.to)
    if output is None:
        write_stdout(data.decode("utf-8"))
        return EXIT_OK
    atomic_write(output, data, overwrite=args.force)
    if not args.output:
        write_stdout(f"{output}\n")
    return EXIT_OK


def check_output_target(source: Path, output: Path, *, force: bool) -> None:
    """An export or import never replaces its own source, and replaces another file only when told to."""
    if output.exists() and (output.resolve() == source.resolve() or _same_file(output, source)):
        raise UsageError(
            Text(
                "输出文件就是输入文件本身，不会覆盖；请用 -o 指定另一个文件",
                "the output is the input file itself and will not be replaced; name another file with -o",
            ),
            file=output,
        )
    if output.exists() and not force:
        raise UsageError(
            Text(
                "文件已存在，不会覆盖（确需覆盖请加 --force）",
                "the file exists and will not be replaced (add --force to replace it)",
            ),
            file=output,
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def cmd_check(args: argparse.Namespace, lang: Lang) -> int:
    """Check the files; an unchanged check answers from the cache (files/check_cache.py)."""
    if args.fix or args.no_cache:
        code, text = _check(args, lang)
        write_stdout(text)
        return code
    from tui.files import check_cache

    options = ("check", lang, args.format, args.strict)
    key = check_cache.key_for(args.files, args.archive, options)
    kept = check_cache.read(key) if key else None
    if kept is not None:
        write_stdout(kept.text)
        return kept.exit_code
    code, text = _check(args, lang)
    write_stdout(text)
    # Kept only if nothing changed while the rules ran: the result must be the inputs' own.
    if key is not None and key == check_cache.key_for(args.files, args.archive, options):
        check_cache.store(key, check_cache.Cached(code, text))
    return code


def _check(args: argparse.Namespace, lang: Lang) -> tuple[int, str]:
    """The exit code and the report of checking (and with --fix, fixing) the files."""
    from tui.checks import report
    from tui.checks.checking import open_checks
    from tui.files.storage import save_issue

    archive = Path(args.archive) if args.archive else None
    # All load before any is changed; only --fix writes, so only it notes what each file was.
    checks = open_checks([Path(f) for f in args.files], archive, stamped=args.fix)
    if args.fix:
        for check in checks:
            refuse_if_being_edited(check.path, lang)
    for check in checks:
        if args.fix:
            if check.fix():
                save_issue(check.issue, check.path, expect=check.stamp)
        else:
            check.run()
    reports = [report.FileReport(str(c.path), c.findings, c.changes, c.issue.signoffs) for c in checks]
    render = report.render_json if args.format == "json" else report.render_text
    failed = any(c.failed_strict() if args.strict else c.failed for c in checks)
    return (EXIT_FINDINGS if failed else EXIT_OK), render(reports, lang)


def refuse_if_being_edited(path: Path, lang: Lang) -> None:
    """A writer other than the editor leaves a file alone while an editor holds it."""
    from tui.files.locking import holder

    who = holder(path)
    if who is not None:
        raise UsageError(
            Text(
                f"{who.describe()} 正在编辑这个文件，未作修改；请在编辑器中修改或等其关闭后再试",
                f"{who.describe()} is editing this file; nothing changed. Fix it in the editor, or try again when it is closed",
            ),
            file=path,
        )


def cmd_edit(args: argparse.Namespace, lang: Lang) -> int:
    from tui.app.app import JianbaoApp, newest_issue
    from tui.cli.startup import collector_as_usual
    from tui.files.config import archive_dir

    archive = Path(args.archive) if args.archive else None
    path = Path(args.file) if args.file else newest_issue(archive_dir(archive))
    review = args.command == "review"
    app = JianbaoApp(
        path, lang=lang, review=review, allow_fixes=getattr(args, "allow_fixes", False), archive=archive
    )
    collector_as_usual()  # a session of hours makes its garbage in small steps
    app.run()
    return EXIT_INTERNAL if app.return_code else EXIT_OK

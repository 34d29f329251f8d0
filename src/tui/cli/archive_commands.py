"""The archive tool's subcommands: compare versions, search, statistics, git's diff and merge drivers.

Each imports what it needs when it runs: ``jianbao check`` loads this module
too and should not pay for them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path

from tui.cli.commands import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, write_stdout
from tui.model.errors import LoadError, UsageError
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
    return Issue(
        masthead=dataclasses.replace(issue.masthead), columns=list(issue.columns), endblock=issue.endblock
    )


def cmd_diff(args: argparse.Namespace, lang: Lang) -> int:
    """``jianbao diff OLD NEW``: exit 0 when the contents are the same, 1 when they differ (like diff)."""
    from tui.exporters.changes import changes_json, render_changes
    from tui.exporters.styled import render
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
    if args.format == "docx":
        return _diff_docx(args, old, new, Path(old_path), Path(new_path))
    if args.format == "json":
        write_stdout(
            json.dumps(changes_json(changes, old_name, new_name), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        lines = render_changes(changes, old_name, new_name, lang)
        write_stdout(render(lines, _colour(args.color)))
    if len(files) == GIT_DIFF_ARGS:
        return EXIT_OK  # git stops at a diff command that does not exit 0
    return EXIT_OK if changes.empty else EXIT_FINDINGS


def _diff_docx(args: argparse.Namespace, old: Issue, new: Issue, old_path: Path, new_path: Path) -> int:
    """The new version as a Word document with tracked changes; prints where it went (unless -o named it)."""
    from tui.cli.commands import check_output_target
    from tui.exporters.revisions import render_revisions
    from tui.files.config import archive_dir, load_house
    from tui.files.writing import atomic_write

    output = Path(args.output) if args.output else new_path.with_name(f"{new_path.stem}-修订.docx")
    for source in (old_path, new_path):
        check_output_target(source, output, force=args.force)
    house = load_house(archive_dir(args.archive) if args.archive else new_path.parent)
    try:  # the changes were made by the time the new version was written
        when = dt.datetime.fromtimestamp(new_path.stat().st_mtime, dt.UTC)
    except OSError:
        when = dt.datetime.now(dt.UTC)
    author = args.author or new.endblock.editor or "jianbao"
    atomic_write(
        output, render_revisions(old, new, house.style, author=author, when=when), overwrite=args.force
    )
    if not args.output:
        write_stdout(f"{output}\n")
    return EXIT_OK


def _archive(args: argparse.Namespace) -> Path:
    from tui.files.archive import archive_folder
    from tui.files.config import archive_dir

    return archive_folder(archive_dir(args.archive))


def _warn_unreadable(errors: list[LoadError], lang: Lang) -> None:
    for error in errors:
        sys.stderr.write(
            (
                "警告：已跳过无法读取的档案文件 "
                if lang == "zh"
                else "warning: skipped an unreadable archive file "
            )
            + error.render(lang)
            + "\n"
        )


def cmd_search(args: argparse.Namespace, lang: Lang) -> int:
    """``jianbao search QUERY``: exit 0 with hits, 1 without (like grep)."""

    from tui.exporters.styled import Line, render
    from tui.files.search_index import Filters, SearchIndex

    index = SearchIndex(_archive(args))
    try:
        _warn_unreadable(index.update().errors, lang)
        filters = Filters(args.year, args.column or "", args.unit or "", args.author or "")
        hits, total = index.search(args.query, filters, limit=max(args.limit, 1))
    finally:
        index.close()
    zh = lang == "zh"
    if args.format == "json":
        data = {"query": args.query, "total": total, "hits": [dataclasses.asdict(h) for h in hits]}
        write_stdout(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK if hits else EXIT_FINDINGS
    issues = len({h.file for h in hits})
    if not hits:
        write_stdout(f"没有找到“{args.query}”。\n" if zh else f"“{args.query}” not found.\n")
        return EXIT_FINDINGS
    head = (
        f"“{args.query}”：共 {total} 处"
        + (f"，显示前 {len(hits)} 处" if total > len(hits) else "")
        + f"（{issues} 期）"
        if zh
        else f"“{args.query}”: {total} hit{'s' if total != 1 else ''}"
        + (f", the first {len(hits)} shown" if total > len(hits) else "")
        + f" ({issues} issue{'s' if issues != 1 else ''})"
    )
    lines = [Line.of(head, "bold"), Line()]
    for h in hits:
        where = {
            "title": "标题" if zh else "title",
            "byline": "署名" if zh else "byline",
            "paragraph": (f"第{(h.paragraph or 0) + 1}段" if zh else f"¶{(h.paragraph or 0) + 1}"),
        }[h.field]
        label = h.title or ("（摘登）" if zh else "(brief)")
        issue = f"第{h.number}期（总第{h.cumulative}期）" if zh else f"No. {h.number} ({h.cumulative})"
        lines.append(Line.of(f"{issue} {h.date}  {h.file}  【{h.column}】{label} · {where}", "head"))
        lines.append(
            Line.of("   " + h.snippet[: h.start])
            .add(h.snippet[h.start : h.end], "hit")
            .add(h.snippet[h.end :])
        )
    write_stdout(render(lines, _colour("auto")))
    return EXIT_OK


def _colour(choice: str) -> bool:
    """--color always|never|auto: auto colours a terminal unless NO_COLOR is set."""
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _period(args: argparse.Namespace, dates: list[dt.date]) -> tuple[dt.date | None, dt.date | None]:
    if args.start or args.end:
        return args.start, args.end
    year = args.year or (max(dates).year if dates else dt.date.today().year)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def cmd_stats(args: argparse.Namespace, lang: Lang) -> int:
    from tui.exporters.stats import stats_csv, stats_json, stats_text
    from tui.files.archive import scan_lenient
    from tui.files.config import load_house
    from tui.files.storage import load_issue
    from tui.model.stats import compute

    archive = _archive(args)
    house = load_house(archive)
    found, errors = scan_lenient(archive, titles=False)
    start, end = _period(args, [a.masthead.date for a in found])
    chosen = [
        a.path
        for a in found
        if (start is None or a.masthead.date >= start) and (end is None or a.masthead.date <= end)
    ]
    issues = []
    for path in chosen:
        try:
            issues.append(load_issue(path))
        except LoadError as exc:
            errors.append(exc)
    _warn_unreadable(errors, lang)
    stats = compute(issues, house, start, end)
    if args.format == "json":
        write_stdout(json.dumps(stats_json(stats, args.absent), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        write_stdout(stats_csv(stats, lang))
    else:
        write_stdout(stats_text(stats, args.absent, lang))
    return EXIT_OK


def cmd_merge_driver(args: argparse.Namespace, lang: Lang) -> int:
    """Merge %B into %A against %O; exit 0 merged, 1 merged with conflicts recorded as notes, 2 unreadable."""
    from tui.files import codec
    from tui.files.storage import load_issue
    from tui.model.merge import merge_issues

    name = args.path or args.ours
    try:
        base, ours, theirs = load_issue(args.base), load_issue(args.ours), load_issue(args.theirs)
    except LoadError as exc:
        sys.stderr.write(
            (
                f"jianbao 无法按稿件合并 {name}，已保留本方版本："
                if lang == "zh"
                else f"jianbao cannot merge {name} by article; ours is kept: "
            )
            + exc.render(lang)
            + "\n"
        )
        return EXIT_UNUSABLE
    merged, conflicts = merge_issues(base, ours, theirs)
    Path(args.ours).write_text(codec.dumps(merged), encoding="utf-8")
    if conflicts:
        zh = lang == "zh"
        sys.stderr.write(
            (
                f"{name}：{len(conflicts)} 处两人都改了，已记入期刊（jianbao check 可见）：\n"
                if zh
                else f"{name}: {len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}, recorded in the issue (see jianbao check):\n"
            )
            + "".join(f"  {c.title + ' ' if c.title else ''}{c.where}\n" for c in conflicts)
        )
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_git_setup(args: argparse.Namespace, lang: Lang) -> int:
    from tui.files.gitsetup import set_up

    setup = set_up(_archive(args))
    zh = lang == "zh"
    lines = [
        (f"已设置 git 仓库 {setup.repository}：" if zh else f"set up the git repository {setup.repository}:"),
        (
            f"  {setup.attributes}：新增 {len(setup.added)} 行"
            if zh
            else f"  {setup.attributes}: {len(setup.added)} line(s) added"
        )
        + ("（请提交它）" if zh and setup.added else " (commit it)" if setup.added else ""),
        *(f"  git config {key} {value!r}" for key, value in setup.config.items()),
    ]
    write_stdout("\n".join(lines) + "\n")
    return EXIT_OK

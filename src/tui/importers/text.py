"""Plain-text import: a bulletin laid out like the printed issue, as text from its PDF.

The parser keeps the text as written (fixing punctuation is the checker's
job) but repairs what PDF extraction breaks: paragraphs split across lines or
pages are joined, page footers such as ``— 3 —`` are removed, and the spaces
put between Chinese and digits or Latin letters are dropped when house style
says so.  Whatever it cannot place ends up in the nearest article and is
reported, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tui.importers import frame
from tui.importers.contents import ContentsEntry, Match, closest, compare_contents, parse_contents_line
from tui.importers.frame import Line
from tui.importers.notes import notes_from
from tui.importers.wrapped_titles import BODY_HEADING as _BODY_HEADING
from tui.importers.wrapped_titles import TITLE_MAX, join_wrapped_titles
from tui.model import Article, Column, ColumnKind, Issue
from tui.model.bylines import looks_like_byline, parse_byline
from tui.model.findings import Finding, Location, Severity, sort_findings
from tui.model.house import House
from tui.model.i18n import Text
from tui.model.textutil import could_be_title, drop_cjk_latin_spaces, ends_sentence, fold, strip_ws

_PAGE_FOOTER = re.compile(r"^[—－\-–]+\s*\d+\s*[—－\-–]+$")
_CONTENTS = re.compile(r"^目\s*录$")
_INDENT = re.compile(r"^(\u3000{2}| {2,}|\t)")


@dataclass
class ImportResult:
    issue: Issue
    findings: list[Finding] = field(default_factory=list)


def _finding(rule: str, severity: str, message: Text, **where: Any) -> Finding:
    return Finding(rule, Severity(severity), Location(**where), message)


class _Parser:
    def __init__(self, house: House) -> None:
        self.house = house
        self.findings: list[Finding] = []
        self.matches: list[Match] = []

    def note(self, rule: str, severity: str, message: Text, **where: object) -> None:
        self.findings.append(_finding(rule, severity, message, **where))

    # ------------------------------------------------------------ lines

    def lines(self, text: str) -> list[Line]:
        out: list[Line] = []
        spaces = footers = 0
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = strip_ws(raw)
            if not stripped:
                continue
            if _PAGE_FOOTER.match(stripped):
                footers += 1
                continue
            if not self.house.style.space_between_cjk_and_latin:
                stripped, n = drop_cjk_latin_spaces(stripped)
                spaces += n
            out.append(Line(number, stripped, bool(_INDENT.match(raw))))
        out = self._join_wrapped_titles(out)
        if spaces:
            self.note(
                "import.spacing",
                "info",
                Text(
                    f"删除了 {spaces} 处中文与数字或字母之间的空格（本刊格式不加空格）",
                    f"removed {spaces} spaces between Chinese and digits or Latin letters (house style has none)",
                ),
            )
        if footers:
            self.note(
                "import.page-footer",
                "info",
                Text(f"删除了 {footers} 处页码行", f"removed {footers} page-number lines"),
            )
        return out

    def _join_wrapped_titles(self, lines: list[Line]) -> list[Line]:
        out, joined = join_wrapped_titles(lines, self.house)
        if joined:
            self.note(
                "import.joined-title",
                "info",
                Text(
                    f"把 {joined} 个分两行排印的标题各接成一行",
                    f"joined {joined} titles printed over two lines",
                ),
            )
        return out

    # ------------------------------------------------------------ contents

    def contents(self, lines: list[Line]) -> tuple[list[ContentsEntry], int]:
        """Contents entries, and how many lines they took (the body follows)."""
        known = tuple(c.name for c in self.house.columns)
        entries: list[ContentsEntry] = []
        seen_titles: set[str] = set()
        for i, line in enumerate(lines):
            parsed = parse_contents_line(line.text, known)
            if parsed is not None:
                name, count, first_title = parsed
                if any(e.column == name for e in entries):
                    return entries, i  # the body's heading of a column already listed
                entries.append(ContentsEntry(name, line.number, count=count))
                if first_title:
                    entries[-1].titles.append((first_title, line.number))
                    seen_titles.add(fold(first_title))
                continue
            key = fold(line.text)
            if key in seen_titles and not self._listed_twice(lines, i):
                return entries, i  # the body's first title
            if not could_be_title(line.text, TITLE_MAX):
                return entries, i
            if entries and entries[-1].count is not None:
                return entries, i  # a briefs column ("N 则") lists no titles: the body has begun
            if looks_like_byline(line.text, self.house):
                return entries, i
            if not entries:
                entries.append(ContentsEntry("", line.number))
            entries[-1].titles.append((line.text, line.number))
            seen_titles.add(key)
        return entries, len(lines)

    def _listed_twice(self, lines: list[Line], i: int) -> bool:
        """Whether a title seen before, at line ``i``, is listed twice in the contents.

        Two articles may carry the same title (a mistake the checks report,
        but it happens); the contents then lists it twice.  In the body a
        title is followed by its first paragraph, in the contents by another
        title or a column: that tells the two apart.
        """
        if i + 1 >= len(lines):
            return False
        following = lines[i + 1].text
        if parse_contents_line(following, tuple(c.name for c in self.house.columns)) is not None:
            return True  # the next column of the contents
        return could_be_title(following, TITLE_MAX) and not looks_like_byline(following, self.house)

    # ------------------------------------------------------------ body

    def body(self, lines: list[Line], contents: list[ContentsEntry], issue: Issue) -> list[int]:
        """Parse articles into ``issue``; returns each article's first source line."""
        indented_mode = any(line.indented for line in lines)
        # Contents entries not yet matched, by folded title; a list each, in
        # contents order, since two articles may carry the same title.
        unused: dict[str, list[tuple[str, str, int]]] = {}
        for e in contents:
            for t, n in e.titles:
                unused.setdefault(fold(t), []).append((e.column, t, n))
        column_names = [c.name for c in issue.columns]
        current_column = column_names[0] if column_names else ""
        article: Article | None = None
        starts: list[int] = []
        joined = 0

        def start_article(title: str, line: Line, column: str) -> Article:
            new = Article(column=column, title=title, paragraphs=[])
            issue.articles.append(new)
            starts.append(line.number)
            return new

        def kind_of(column: str) -> ColumnKind:
            col = issue.column(column)
            if col is not None:
                return col.kind
            cat = self.house.catalogue_column(column)
            return cat.kind if cat else "articles"

        def next_briefs_column(after: str) -> str | None:
            names = column_names[column_names.index(after) + 1 :] if after in column_names else column_names
            return next((n for n in names if kind_of(n) == "briefs"), None)

        for line in lines:
            text = line.text
            heading = _BODY_HEADING.match(text)
            if heading or (text in column_names and article is None):
                current_column = heading.group(1) if heading else text
                if issue.column(current_column) is None:
                    issue.columns.append(Column(current_column, kind_of(current_column)))
                    column_names.append(current_column)
                    self.note(
                        "contents.empty-column",
                        "warning",
                        Text(
                            f"正文中的栏目“{current_column}”不在目录中",
                            f"the body's column “{current_column}” is not in the contents",
                        ),
                        field="column",
                        line=line.number,
                    )
                article = None
                continue
            if looks_like_byline(text, self.house):
                parsed = parse_byline(text, self.house)
                if article is None or article.byline is not None:
                    article = start_article("", line, current_column)
                    self.note(
                        "import.unplaced",
                        "warning",
                        Text(
                            "署名前没有正文，已单独成篇",
                            "a byline with no text before it; kept as an article of its own",
                        ),
                        field="byline",
                        article=len(issue.articles) - 1,
                        line=line.number,
                    )
                article.byline = parsed.byline
                for note in parsed.notes:
                    self.note(
                        note.rule,
                        note.severity,
                        note.message,
                        field="byline",
                        article=len(issue.articles) - 1,
                        title=article.title,
                        line=line.number,
                    )
                article = None
                continue
            key = fold(text)
            title_like = could_be_title(text, TITLE_MAX)
            if article is None and key not in unused and title_like:
                key = closest(key, unused) or key
            if key in unused:
                if article is not None:
                    self._no_byline(issue, starts)
                column, listed, listed_line = unused[key].pop(0)
                if not unused[key]:
                    del unused[key]
                current_column = column or current_column
                article = start_article(text, line, current_column)
                self.matches.append(Match(listed, listed_line, len(issue.articles) - 1))
                continue
            if article is None:
                if kind_of(current_column) == "articles":
                    if title_like:
                        article = start_article(text, line, current_column)
                        continue
                    briefs = next_briefs_column(current_column)
                    if briefs is not None:
                        current_column = briefs
                article = start_article("", line, current_column)
                if kind_of(current_column) == "articles":
                    self.note(
                        "import.untitled",
                        "warning",
                        Text("找不到这篇文章的标题", "could not find this article's title"),
                        field="title",
                        article=len(issue.articles) - 1,
                        line=line.number,
                    )
                article.paragraphs.append(text)
                continue
            paragraphs = article.paragraphs
            if not paragraphs:
                paragraphs.append(text)
            elif indented_mode:
                if line.indented:
                    paragraphs.append(text)
                else:
                    paragraphs[-1] = _join(paragraphs[-1], text)
                    joined += 1
            elif ends_sentence(paragraphs[-1]):
                paragraphs.append(text)
            else:
                paragraphs[-1] = _join(paragraphs[-1], text)
                joined += 1
        if article is not None:
            self._no_byline(issue, starts)
        if joined:
            self.note(
                "import.joined-lines",
                "info",
                Text(
                    f"合并了 {joined} 处跨行或跨页断开的段落",
                    f"joined {joined} paragraphs broken across lines or pages",
                ),
            )
        return starts

    def _no_byline(self, issue: Issue, starts: list[int]) -> None:
        index = len(issue.articles) - 1
        self.note(
            "import.no-byline",
            "warning",
            Text("文章末尾找不到署名", "no byline at the end of the article"),
            field="byline",
            article=index,
            title=issue.articles[index].title,
            line=starts[index],
        )


def _join(left: str, right: str) -> str:
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalnum()
        and right[0].isascii()
        and right[0].isalnum()
    ):
        return f"{left} {right}"
    return left + right


def import_text(text: str, house: House) -> ImportResult:
    """Parse a bulletin's text; findings say what was repaired, guessed or not matched."""
    p = _Parser(house)
    lines = p.lines(text)
    contents_at = next((i for i, line in enumerate(lines) if _CONTENTS.match(line.text)), None)
    end_at = next(
        (
            i
            for i, line in enumerate(lines)
            if frame.DISTRIBUTION.match(line.text) or frame.EDITOR.match(line.text)
        ),
        len(lines),
    )
    if contents_at is None:
        head = _masthead_span(lines[:end_at])
        masthead_lines, rest = lines[:head], lines[head:end_at]
        entries: list[ContentsEntry] = []
        p.note(
            "contents.missing",
            "warning",
            Text("找不到目录", "no contents (目录) found"),
            field="source",
            line=rest[0].number if rest else 1,
        )
    else:
        masthead_lines, after = lines[:contents_at], lines[contents_at + 1 : end_at]
        entries, n = p.contents(after)
        rest = after[n:]
    issue = Issue(masthead=frame.parse_masthead(masthead_lines, house, p.note))
    _guess_unnamed_column(entries, house, p)
    for e in entries:
        if e.column and issue.column(e.column) is None:
            cat = house.catalogue_column(e.column)
            kind: ColumnKind = (
                "briefs" if e.count is not None else (cat.kind if cat and not e.titles else "articles")
            )
            issue.columns.append(Column(e.column, kind))
    starts = p.body(rest, entries, issue)
    issue.endblock = frame.parse_endblock(lines[end_at:], issue, p.note)
    if end_at == len(lines):
        p.note(
            "import.endblock",
            "warning",
            Text("找不到报尾（送：、本期责任编辑、电话）", "no end block (送：, 本期责任编辑, 电话) found"),
            field="endblock.distribution",
        )
    p.findings += compare_contents(entries, issue, starts, p.matches)
    findings = sort_findings(p.findings)
    issue.notes = notes_from(findings, issue, text)  # kept in the issue, not only printed once
    return ImportResult(issue, findings)


def _guess_unnamed_column(entries: list[ContentsEntry], house: House, p: _Parser) -> None:
    """Titles listed before any column name (its line lost): the first article column not listed."""
    if not entries or entries[0].column or not entries[0].titles:
        return
    listed = {e.column for e in entries}
    guess = next(
        (c.name for c in house.columns if c.kind == "articles" and c.default and c.name not in listed),
        next((c.name for c in house.columns if c.kind == "articles" and c.name not in listed), ""),
    )
    if not guess:
        return
    entries[0].column = guess
    p.note(
        "import.guessed-column",
        "warning",
        Text(
            f"目录开头的文章前没有栏目名，已放入栏目“{guess}”，请核对",
            f"the contents lists articles before any column name; they were put into “{guess}”: check it",
        ),
        field="column",
        line=entries[0].line,
    )


def _masthead_span(lines: list[Line]) -> int:
    """Without a contents page, the masthead ends after its date line."""
    for i, line in enumerate(lines[:8]):
        if frame.DATE.search(line.text):
            return i + 1
    return 0

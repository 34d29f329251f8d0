"""Word (.docx) import: a district's submission, or a whole issue laid out like the print.

The document is read as Word shows it (docx_reader: tracked changes
accepted, list numbers rendered, tables and captions as paragraphs, images
reported).  A whole issue goes through the plain-text parser, fed one Word
paragraph per line.  A submission is taken apart here: its title (and
subtitle), its byline (a last paragraph in parentheses, or 作者：/单位：
lines at the top or the end), a date line, and the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.importers import frame
from tui.importers.docx_reader import Para, read_word, word_marks
from tui.importers.notes import notes_from
from tui.importers.text import ImportResult, import_text
from tui.importers.wrapped_titles import TITLE_MAX
from tui.model import Article, Byline, Issue
from tui.model.bylines import looks_like_byline, parenthesis_kind, parse_byline, split_names
from tui.model.errors import UsageError
from tui.model.findings import Finding, Location, Severity
from tui.model.house import House
from tui.model.i18n import Text
from tui.model.provenance import ISSUE_EXPORT, OWN_MARKS, REVISIONS
from tui.model.textutil import could_be_title, strip_ws

_AUTHOR = re.compile(r"^(?:作\s*者|撰\s*稿|撰\s*写)\s*[：:]\s*(.+)$")
_UNIT = re.compile(r"^(?:单\s*位|供\s*稿(?:单\s*位)?|来\s*源)\s*[：:]\s*(.+)$")
_SUBTITLE = re.compile(r"^[—－-]{1,2}\s*\S")
_DATE_LINE = re.compile(
    r"^[（(]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2})\s*[）)]?$"
)
_META_LINES = 3  # how many paragraphs after the title may still be 作者：/单位：/date lines


# ---------------------------------------------------------------- whole issue


def import_issue_docx(path: Path, house: House) -> ImportResult:
    """A whole issue laid out like the print: the text parser, one Word paragraph per line."""
    word = read_word(path)
    lines = []
    for para in word.paragraphs:
        for part in _lines_of(para.text):
            if strip_ws(part):
                lines.append("\u3000\u3000" + strip_ws(part))
    result = import_text("\n".join(lines), house)
    result.findings = word.findings + result.findings
    result.issue.notes = notes_from(word.findings, result.issue) + result.issue.notes
    return result


# Lines that share a Word paragraph with another, apart by a tab: the masthead's 编印单位 and date,
# a contents line's 【栏目】 and title, the end block's 责任编辑 and 电话.  Each part is the whole
# of such a line: a date or a phone number inside a sentence is not one.
_FURNITURE = re.compile(r"【[^】]*】|.+编|本期责任编辑\s*[：:].*|电\s*话\s*[：:].*")


def _is_furniture(part: str) -> bool:
    line = strip_ws(part)
    return bool(_FURNITURE.fullmatch(line) or frame.DATE.fullmatch(line) or frame.NUMBER.fullmatch(line))


def _lines_of(text: str) -> list[str]:
    """A paragraph as the lines of the text parser: split at its tabs only where they part furniture.

    A tab inside running text stays in it: splitting there made a new
    paragraph of the words after it, without a word to the proofreader.
    """
    parts = text.split("\t")
    if len(parts) > 1 and any(_is_furniture(part) for part in parts):
        return parts
    return [text]


# ---------------------------------------------------------------- one submission


@dataclass
class Submission:
    article: Article
    findings: list[Finding] = field(default_factory=list)


def _note(rule: str, severity: str, message: Text, field: str = "source") -> Finding:
    return Finding(rule, Severity(severity), Location(field=field), message)


def _title_index(paragraphs: list[Para]) -> tuple[int | None, bool]:
    """Where the title is, and whether it was a guess.

    A paragraph styled Title or Heading 1 is the title; Heading 2 and lower
    are subheadings of the body, even when no paragraph is styled as a title
    (a bold first paragraph followed by Heading 2 subheadings).  Otherwise
    the first paragraph is, if it reads like one.
    """
    styled = next((i for i, p in enumerate(paragraphs[:4]) if p.heading_level == 1), None)
    if styled is not None:
        return styled, False
    if paragraphs and could_be_title(paragraphs[0].text, TITLE_MAX):
        return 0, not paragraphs[0].bold
    return None, False


def _take_meta(texts: list[str], at: int, stop: int) -> tuple[str | None, str | None, list[str]]:
    """作者：/单位： and date lines among texts[at:stop], removed from texts; (unit, authors, dates)."""
    unit = authors = None
    dates: list[str] = []
    i = at
    while i < min(stop, len(texts)):
        text = texts[i]
        if m := _UNIT.match(text):
            unit = strip_ws(m.group(1))
        elif m := _AUTHOR.match(text):
            authors = m.group(1)
        elif _DATE_LINE.match(text):
            dates.append(text)
        else:
            i += 1
            continue
        del texts[i]
        stop -= 1
    return unit, authors, dates


def import_submission(path: Path, house: House) -> Submission:
    """Title, body and byline of a district's submission; what was guessed is reported.

    A Word file jianbao made itself (a whole exported issue, a 校对单) is not
    a submission: it is refused, saying what it is.
    """
    category, title = word_marks(path)
    if category in OWN_MARKS:
        what = {
            ISSUE_EXPORT: Text("整期简报", "a whole issue"),
            REVISIONS: Text("修订对照稿", "a tracked-changes comparison"),
        }.get(category, Text("校对单", "a proof report"))
        raise UsageError(
            Text(
                f"这是 jianbao 导出的{what.zh}（{title}），不是区县来稿，不能作为一篇稿件导入",
                f"this is {what.en} exported by jianbao ({title}), not a district's submission; it cannot be imported as one article",
            ),
            file=path,
        )
    word = read_word(path)
    paragraphs = [
        Para(p.style, strip_ws(p.text), p.bold, p.in_table) for p in word.paragraphs if strip_ws(p.text)
    ]
    findings: list[Finding] = list(word.findings)

    title = ""
    at, guessed = _title_index(paragraphs)
    if at is not None:
        for skipped in paragraphs[:at]:  # text above a styled title stays in the body
            findings.append(
                _note(
                    "import.before-title",
                    "info",
                    Text(
                        f"标题前的“{skipped.text[:30]}”留在正文开头",
                        f"“{skipped.text[:30]}” above the title stays in the body",
                    ),
                    "paragraph",
                )
            )
        title = paragraphs.pop(at).text
        if guessed:
            findings.append(
                _note(
                    "import.title-guess",
                    "info",
                    Text(f"把第一段“{title}”当作标题", f"took the first paragraph “{title}” as the title"),
                    "title",
                )
            )
        if (
            at < len(paragraphs)
            and _SUBTITLE.match(paragraphs[at].text)
            and len(paragraphs[at].text) <= TITLE_MAX
        ):
            subtitle = paragraphs.pop(at).text
            title += subtitle
            findings.append(
                _note(
                    "import.subtitle",
                    "info",
                    Text(
                        f"副标题“{subtitle}”已接在标题后",
                        f"the subtitle “{subtitle}” was joined to the title",
                    ),
                    "title",
                )
            )
    else:
        findings.append(
            _note(
                "import.untitled",
                "info",
                Text("没有标题：按信息摘登稿件处理", "no title: treated as a brief"),
                "title",
            )
        )

    texts = [p.text for p in paragraphs]
    top = max(0, at or 0)
    unit, authors, dates = _take_meta(texts, top, top + _META_LINES)
    end_unit, end_authors, end_dates = _take_meta(texts, max(0, len(texts) - _META_LINES), len(texts))
    unit, authors, dates = unit or end_unit, authors or end_authors, dates + end_dates

    byline: Byline | None = None
    if unit is not None or authors is not None:
        byline = Byline(unit or "", split_names(re.sub(r"[、，,；;]", " ", authors or ""))[0])
    elif texts and (parenthesis_kind(texts[-1])[0] != "missing" or looks_like_byline(texts[-1], house)):
        parsed = parse_byline(texts.pop(), house)
        byline = parsed.byline
        findings += [_note(n.rule, n.severity, n.message, "byline") for n in parsed.notes]
        while texts and _DATE_LINE.match(texts[-1]):
            dates.append(texts.pop())
    else:
        findings.append(
            _note(
                "import.no-byline",
                "warning",
                Text(
                    "找不到署名（末段括号，或“作者：”“单位：”）",
                    "no byline found (a last paragraph in parentheses, or 作者：/单位： lines)",
                ),
                "byline",
            )
        )
    for date in dates:
        findings.append(
            _note(
                "import.date-line",
                "info",
                Text(
                    f"稿件中的日期行“{date}”未放入正文（简报以报头日期为准）",
                    f"the date line “{date}” was left out of the body (the masthead's date counts)",
                ),
                "paragraph",
            )
        )
    if not texts:
        findings.append(
            _note("import.empty-body", "warning", Text("正文为空", "the body is empty"), "paragraph")
        )
    return Submission(Article(column="", title=title, paragraphs=texts, byline=byline), findings)


def choose_column(issue: Issue, house: House, article: Article) -> str:
    """A column by the house rules: untitled → the briefs column, else the first keyword rule that fits."""
    names = [c.name for c in issue.columns]
    if not article.title:
        briefs = next((c.name for c in issue.columns if c.kind == "briefs"), None)
        if briefs:
            return briefs
    for rule in house.column_rules:
        if rule.column in names and any(k in article.title for k in rule.keywords):
            column = issue.column(rule.column)
            if column is not None and column.kind == ("articles" if article.title else "briefs"):
                return rule.column
    listed = "、".join(names)
    raise UsageError(
        Text(
            f"无法判断稿件应放入哪个栏目；请用 --column 指定：{listed}",
            f"cannot tell which column the submission belongs to; give one with --column: {', '.join(names)}",
        )
    )

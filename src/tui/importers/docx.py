"""Word (.docx) import: a district's submission, or a whole issue laid out like the print.

python-docx reads the document; anything it cannot represent as running
text (tables, images) is refused with a clear message rather than imported
half-way.  A whole issue goes through the plain-text parser, fed one Word
paragraph per paragraph.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tui.bylines import looks_like_byline, parenthesis_kind, parse_byline
from tui.errors import LoadError, UsageError
from tui.findings import Finding, Location, Severity
from tui.house import House
from tui.i18n import Text
from tui.importers.text import ImportResult, import_text
from tui.model import Article, Byline, Issue
from tui.textutil import could_be_title, strip_ws

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files
TITLE_MAX = 60
_AUTHOR = re.compile(r"^(?:作\s*者|撰\s*稿)\s*[：:]\s*(.+)$")
_UNIT = re.compile(r"^(?:单\s*位|供\s*稿(?:单位)?)\s*[：:]\s*(.+)$")


def read_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph; refuses what is not plain running text."""
    try:
        head = path.read_bytes()[:8]
    except FileNotFoundError:
        raise LoadError(Text("文件不存在", "no such file"), file=path) from None
    except OSError as exc:
        raise LoadError(
            Text(f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}"), file=path
        ) from None
    if head.startswith(OLE_SIGNATURE):
        raise LoadError(
            Text(
                "这是加密的 Word 文档或旧版 .doc 文件；请在 Word 中取消密码并另存为 .docx",
                "this is an encrypted Word document or an old .doc file; remove the password and save it as .docx",
            ),
            file=path,
        )
    if not zipfile.is_zipfile(path):
        raise LoadError(Text("不是 Word 文档（.docx）", "not a Word document (.docx)"), file=path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise LoadError(
            Text("不是 Word 文档（.docx）或文件已损坏", "not a Word document (.docx), or it is damaged"),
            file=path,
        ) from None
    problems = []
    if document.tables:
        problems.append(Text(f"{len(document.tables)} 个表格", f"{len(document.tables)} table(s)"))
    body = document.element.body
    images = len(body.findall(".//" + _qn("w:drawing"))) + len(body.findall(".//" + _qn("w:pict")))
    if images:
        problems.append(Text(f"{images} 张图片", f"{images} image(s)"))
    if problems:
        listed = Text("", "")
        for i, p in enumerate(problems):
            listed = listed + (Text("、", ", ") if i else Text("", "")) + p
        raise LoadError(
            Text("文档含有", "the document holds ")
            + listed
            + Text(
                "；jianbao 只导入文字，请把表格和图片改为文字或删去后再导入",
                "; jianbao imports text only: turn them into text or remove them first",
            ),
            file=path,
        )
    paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    if not any(strip_ws(text) for _, text in paragraphs):
        raise LoadError(Text("文档是空的", "the document is empty"), file=path)
    return paragraphs


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


# ---------------------------------------------------------------- whole issue


def import_issue_docx(path: Path, house: House) -> ImportResult:
    """A whole issue laid out like the print: the text parser, one Word paragraph per paragraph."""
    lines = []
    for _, text in read_paragraphs(path):
        for part in text.split("\t"):  # 编印单位 and date share a line, apart by a tab
            if strip_ws(part):
                lines.append("\u3000\u3000" + strip_ws(part))
    return import_text("\n".join(lines), house)


# ---------------------------------------------------------------- one submission


@dataclass
class Submission:
    article: Article
    findings: list[Finding] = field(default_factory=list)


def _note(rule: str, severity: str, message: Text, field: str = "source") -> Finding:
    return Finding(rule, Severity(severity), Location(field=field), message)


def import_submission(path: Path, house: House) -> Submission:
    """Title, body and byline of a district's submission; what was guessed is reported."""
    paragraphs = [(style, strip_ws(text)) for style, text in read_paragraphs(path) if strip_ws(text)]
    findings: list[Finding] = []
    byline: Byline | None = None
    unit = authors = None
    while paragraphs and (m := _UNIT.match(paragraphs[-1][1]) or _AUTHOR.match(paragraphs[-1][1])):
        if _UNIT.match(paragraphs[-1][1]):
            unit = m.group(1)
        else:
            authors = m.group(1)
        paragraphs.pop()
    if unit is not None or authors is not None:
        from tui.bylines import split_names

        byline = Byline(strip_ws(unit or ""), split_names(re.sub(r"[、，,；;]", " ", authors or ""))[0])
    elif paragraphs and (
        parenthesis_kind(paragraphs[-1][1])[0] != "missing" or looks_like_byline(paragraphs[-1][1], house)
    ):
        parsed = parse_byline(paragraphs.pop()[1], house)
        byline = parsed.byline
        findings += [_note(n.rule, n.severity, n.message, "byline") for n in parsed.notes]
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
    title = ""
    styled = next(
        (
            i
            for i, (style, _) in enumerate(paragraphs)
            if style.lower().startswith(("title", "heading")) or style.startswith("标题")
        ),
        None,
    )
    if styled is not None:
        title = paragraphs.pop(styled)[1]
    elif paragraphs and could_be_title(paragraphs[0][1], TITLE_MAX):
        title = paragraphs.pop(0)[1]
        findings.append(
            _note(
                "import.title-guess",
                "info",
                Text(f"把第一段“{title}”当作标题", f"took the first paragraph “{title}” as the title"),
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
    body = [text for _, text in paragraphs]
    if not body:
        findings.append(
            _note("import.empty-body", "warning", Text("正文为空", "the body is empty"), "paragraph")
        )
    return Submission(Article(column="", title=title, paragraphs=body, byline=byline), findings)


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

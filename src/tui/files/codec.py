"""The jianbao/1 TOML format: text to :class:`Issue` and back.

The format is a published contract (see docs/format.md): keys are written in
a fixed order, every table is spelled out (``[[columns]]``, ``[[articles]]``,
``[articles.byline]``) and each paragraph is one string on its own line, so a
person can read and hand-edit the file and a diff shows what changed.
"""

from __future__ import annotations

import tomllib
from typing import Any

from tui.files.tomlread import FieldError, Table, join
from tui.model import (
    COLUMN_KINDS,
    EDITIONS,
    FORMAT,
    KNOWN_FORMATS,
    NOTE_SEVERITIES,
    ROLES,
    Article,
    Byline,
    Column,
    Comment,
    EndBlock,
    Issue,
    Masthead,
    Note,
    Signoff,
    Waiver,
)
from tui.model.i18n import Text
from tui.model.titlebreak import breaks_of, split_at

# ---------------------------------------------------------------- reading


def _masthead(t: Table) -> Masthead:
    m = Masthead(
        name=t.string("name"),
        edition=t.choice("edition", EDITIONS),
        number=t.integer("number", minimum=1),
        cumulative=t.integer("cumulative", minimum=1),
        unit=t.string("unit"),
        date=t.date("date"),
    )
    t.finish()
    return m


def _column(t: Table) -> Column:
    c = Column(name=t.string("name"), kind=t.choice("kind", COLUMN_KINDS))
    t.finish()
    return c


def _byline(t: Table) -> Byline:
    b = Byline(unit=t.string("unit"), authors=t.str_list("authors", required=False))
    t.finish()
    return b


def _comment(t: Table) -> Comment:
    c = Comment(
        author=t.string("author"),
        text=t.string("text"),
        at=t.datetime("at"),
        resolved=t.boolean("resolved", False),
    )
    t.finish()
    return c


def _article(t: Table) -> Article:
    a = Article(
        column=t.string("column"),
        title=t.string("title"),
        paragraphs=t.str_list("paragraphs"),
        byline=t.optional("byline", _byline),
        comments=[_comment(c) for c in t.tables("comments")],
    )
    a.title_breaks = _title_breaks(t, a.title)
    t.finish()
    return a


def _title_breaks(t: Table, title: str) -> tuple[int, ...]:
    """``title_lines``: the editor's own line breaks, as the title's lines; they must make up the title."""
    lines = t.str_list("title_lines", required=False)
    if not lines:
        return ()
    if "".join(lines) != title or not all(lines):
        raise FieldError(
            join(t.path, "title_lines"),
            Text(
                "各行连起来应与 title 完全相同，且不能有空行",
                "the lines must join to exactly the title, none empty",
            ),
        )
    return breaks_of(lines)


def _endblock(t: Table) -> EndBlock:
    e = EndBlock(
        distribution=t.str_list("distribution"),
        editor=t.string("editor"),
        phone=t.string("phone"),
    )
    t.finish()
    return e


def _waiver(t: Table) -> Waiver:
    w = Waiver(
        rule=t.string("rule"),
        field=t.string("field"),
        article=t.optional_integer("article", minimum=0),
        paragraph=t.optional_integer("paragraph", minimum=0),
        start=t.optional_integer("start", minimum=0),
        end=t.optional_integer("end", minimum=0),
        text=t.string("text"),
        reason=t.string("reason"),
        by=t.string("by"),
        at=t.datetime("at"),
    )
    t.finish()
    return w


def _note(t: Table) -> Note:
    n = Note(
        rule=t.string("rule"),
        severity=t.choice("severity", NOTE_SEVERITIES),
        message=t.string("message"),
        message_en=t.string("message_en", ""),
        line=t.optional_integer("line", minimum=1),
        source=t.string("source", ""),
        field=t.string("field", "source"),
        title=t.string("title", ""),
        done=t.boolean("done", False),
    )
    t.finish()
    return n


def _signoff(t: Table) -> Signoff:
    s = Signoff(
        role=t.choice("role", ROLES),
        name=t.string("name"),
        at=t.datetime("at"),
        digest=t.string("digest", ""),
    )
    t.finish()
    return s


def check_format(data: dict[str, Any]) -> None:
    """Refuse a document that is not jianbao/1 before reading anything else."""
    if "format" not in data:
        raise FieldError(
            "format",
            Text(
                f'缺少格式版本字段 format（应为 "{FORMAT}"）；这不是 jianbao 期刊文件',
                f'the format key is missing (expected "{FORMAT}"); this is not a jianbao issue file',
            ),
        )
    version = data["format"]
    if version not in KNOWN_FORMATS:
        known = ", ".join(KNOWN_FORMATS)
        raise FieldError(
            "format",
            Text(
                f"不支持的格式版本 {version!r}；已知版本：{known}",
                f"unknown format version {version!r}; known versions: {known}",
            ),
        )


def issue_from_data(data: dict[str, Any]) -> Issue:
    """Build an Issue from parsed TOML; raises :class:`FieldError` naming the path."""
    check_format(data)
    t = Table(data)
    t.string("format")
    issue = Issue(
        masthead=t.read("masthead", _masthead),
        columns=[_column(c) for c in t.tables("columns")],
        articles=[_article(a) for a in t.tables("articles")],
        endblock=t.read("endblock", _endblock),
        waivers=[_waiver(w) for w in t.tables("waivers")],
        signoffs=[_signoff(s) for s in t.tables("signoffs")],
        notes=[_note(n) for n in t.tables("notes")],
    )
    t.finish()
    return issue


def content_digest(issue: Issue) -> str:
    """A hash of what a sign-off approves: masthead, columns, articles' text, end block, waivers.

    Comments, sign-offs and import notes are not content: adding one does
    not undo an approval.
    """
    import hashlib
    from dataclasses import replace

    content = replace(
        issue,
        articles=[replace(a, comments=[]) for a in issue.articles],
        signoffs=[],
        notes=[],
    )
    return hashlib.sha256(dumps(content).encode("utf-8")).hexdigest()[:16]


def loads(text: str) -> Issue:
    """Parse TOML text; raises tomllib.TOMLDecodeError or FieldError."""
    return issue_from_data(tomllib.loads(text))


# ---------------------------------------------------------------- writing


def _section(header: str, body: dict[str, Any]) -> str:
    import tomli_w  # only writers pay for it; `jianbao check` never writes

    return f"{header}\n{tomli_w.dumps(body)}"


def _without_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


_ARTICLE_TEXT: dict[tuple[object, ...], str] = {}


def forget_rendered() -> None:
    """Drop the kept article texts: the next ``dumps`` renders everything (a first save's cost)."""
    _ARTICLE_TEXT.clear()


def _article_text(a: Article) -> str:
    head: dict[str, Any] = {"column": a.column, "title": a.title}
    if a.title_breaks:
        head["title_lines"] = split_at(a.title, a.title_breaks)
    text = _section("[[articles]]", {**head, "paragraphs": a.paragraphs})
    if a.byline is not None:
        text += "\n" + _section("[articles.byline]", {"unit": a.byline.unit, "authors": a.byline.authors})
    for c in a.comments:
        entry: dict[str, object] = {"author": c.author, "text": c.text, "at": c.at}
        if c.resolved:
            entry["resolved"] = True
        text += "\n" + _section("[[articles.comments]]", entry)
    return text


def dumps(issue: Issue) -> str:
    """Render an Issue as jianbao/1 TOML, always in the same key order."""
    m = issue.masthead
    parts = [
        f'format = "{FORMAT}"\n',
        _section(
            "[masthead]",
            {
                "name": m.name,
                "edition": m.edition,
                "number": m.number,
                "cumulative": m.cumulative,
                "unit": m.unit,
                "date": m.date,
            },
        ),
    ]
    parts += [_section("[[columns]]", {"name": c.name, "kind": c.kind}) for c in issue.columns]
    # Each article's text is kept by its content key: autosave rewrites the issue after every
    # pause in typing, and at 3,000 articles rendering them all took 1.5 s of a worker's
    # CPU (typing slowed 3-7x meanwhile); now only the articles that changed are rendered.
    global _ARTICLE_TEXT
    previous = _ARTICLE_TEXT
    rendered: dict[tuple[object, ...], str] = {}
    for a in issue.articles:
        key = a.content_key()
        text = rendered.get(key) or previous.get(key) or _article_text(a)
        rendered[key] = text
        parts.append(text)
    _ARTICLE_TEXT = rendered  # the last issue written: what its next autosave will mostly repeat
    e = issue.endblock
    parts.append(
        _section("[endblock]", {"distribution": e.distribution, "editor": e.editor, "phone": e.phone})
    )
    for w in issue.waivers:
        body = _without_none(
            {
                "rule": w.rule,
                "field": w.field,
                "article": w.article,
                "paragraph": w.paragraph,
                "start": w.start,
                "end": w.end,
                "text": w.text,
                "reason": w.reason,
                "by": w.by,
                "at": w.at,
            }
        )
        parts.append(_section("[[waivers]]", body))
    parts += [
        _section(
            "[[signoffs]]",
            {"role": s.role, "name": s.name, "at": s.at, **({"digest": s.digest} if s.digest else {})},
        )
        for s in issue.signoffs
    ]
    for n in issue.notes:
        body = _without_none(
            {
                "rule": n.rule,
                "severity": n.severity,
                "message": n.message,
                "message_en": n.message_en or None,
                "line": n.line,
                "source": n.source or None,
                "field": n.field,
                "title": n.title or None,
                "done": n.done,
            }
        )
        parts.append(_section("[[notes]]", body))
    return "\n".join(parts)

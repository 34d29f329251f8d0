"""jianbao diff --format docx: the new version with every change a tracked revision (w:ins / w:del).

The strongest check of tracked changes is what Word does with them: accept
them all and the document reads as the new version's print export; reject
them all and it reads as the old version's.  The tests do both on the XML.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from test_diff import _issue
from tui.cli.main import main
from tui.exporters.docx import render_docx
from tui.exporters.revisions import render_revisions
from tui.files.config import default_house
from tui.files.storage import save_issue
from tui.importers.docx import import_submission
from tui.model import Article, Byline, Issue
from tui.model.errors import UsageError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = dt.datetime(2026, 11, 27, 8, 0, tzinfo=dt.UTC)
STYLE = default_house().style


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _inside(el: etree._Element, tag: str) -> bool:
    return any(a.tag == f"{W}{tag}" for a in el.iterancestors())


def _mark(p: etree._Element, tag: str) -> bool:
    return p.find(f"{W}pPr/{W}rPr/{W}{tag}") is not None


def _read(data: bytes, *, accept: bool) -> list[str]:
    """The articles' paragraphs (after the contents page) once every revision is accepted (or rejected).

    The masthead, the contents and the end block show the new version unmarked.
    """
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    out = []
    paragraphs = list(_body(data).iter(f"{W}p"))
    page_break = next(n for n, p in enumerate(paragraphs) if p.find(f".//{W}br[@{W}type='page']") is not None)
    for p in paragraphs[page_break + 1 :]:
        if p.find(f"{W}pPr/{W}framePr") is not None:
            break  # the end block
        if _mark(p, drop):
            continue  # the paragraph itself goes
        text = "".join(
            t.text or ""
            for t in p.iter(f"{W}t", f"{W}delText")
            if not _inside(t, drop) and (t.tag == f"{W}t" or _inside(t, keep) or not accept)
        )
        out.append(text)
    return out


def _plain(issue: Issue) -> list[str]:
    return _read(render_docx(issue, STYLE, now=WHEN), accept=True)


def _edited_pair() -> tuple[Issue, Issue]:
    old = _issue()
    new = copy.deepcopy(old)
    new.articles[0].paragraphs[1] = "一是健全机制。二是强化培训。"  # two characters changed
    new.articles[0].paragraphs.append("三是完善考评。")  # a paragraph added
    new.articles[1].title = "西城区：做好民生实事项目票决"  # retitled
    new.articles[1].byline = Byline("西城区人大常委会研究室", ["王芳", "陈亮"])  # byline changed
    new.articles[2].column = "助力攻坚"  # moved to another column
    del new.articles[3]  # a brief removed
    new.articles.append(Article("监督纵横", "中山区：审议环境报告", ["中山区人大常委会审议环境状况报告。"]))
    return old, new


def test_accepting_every_revision_gives_the_new_version_and_rejecting_the_old() -> None:
    old, new = _edited_pair()
    data = render_revisions(old, new, STYLE, author="周编辑", when=WHEN)
    assert _read(data, accept=True) == _plain(new)
    assert _read(data, accept=False) == _plain(old)


def test_a_changed_stretch_is_a_deletion_and_an_insertion_of_characters() -> None:
    old, new = _edited_pair()
    body = _body(render_revisions(old, new, STYLE, author="周编辑", when=WHEN))
    deleted = ["".join(t.text for t in d.iter(f"{W}delText")) for d in body.iter(f"{W}del")]
    inserted = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in body.iter(f"{W}ins")]
    assert "加强" in deleted and "强化" in inserted
    assert "三是完善考评。" in inserted
    assert "北山区人大常委会召开主任会议，研究部署下半年工作。" in deleted


def test_every_revision_names_its_author_and_time_with_its_own_id_and_deleted_text_is_deltext() -> None:
    old, new = _edited_pair()
    body = _body(render_revisions(old, new, STYLE, author="周编辑", when=WHEN))
    marks = list(body.iter(f"{W}ins", f"{W}del"))
    assert len(marks) > 10
    assert {m.get(f"{W}author") for m in marks} == {"周编辑"}
    assert {m.get(f"{W}date") for m in marks} == {"2026-11-27T08:00:00Z"}
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    assert not [t for d in body.iter(f"{W}del") for t in d.iter(f"{W}t")]  # Word refuses w:t in a deletion


def test_the_same_version_twice_has_no_revision() -> None:
    issue = _issue()
    body = _body(render_revisions(issue, copy.deepcopy(issue), STYLE, author="周编辑", when=WHEN))
    assert not list(body.iter(f"{W}ins", f"{W}del"))


def test_cli_writes_beside_the_new_version_never_over_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _edited_pair()
    a, b = tmp_path / "2026-04.toml", tmp_path / "2026-04-审改.toml"
    save_issue(old, a)
    save_issue(new, b)
    assert main(["diff", str(a), str(b), "--format", "docx"]) == 0
    made = tmp_path / "2026-04-审改-修订.docx"
    assert capsys.readouterr().out.strip() == str(made)
    authors = {m.get(f"{W}author") for m in _body(made.read_bytes()).iter(f"{W}ins")}
    assert authors == {"周编辑"}  # the new version's 本期责任编辑
    before = made.read_bytes()
    assert main(["diff", str(a), str(b), "--format", "docx"]) == 2  # exists: not replaced
    assert "--force" in capsys.readouterr().err and made.read_bytes() == before
    assert main(["diff", str(a), str(b), "--format", "docx", "--force", "--author", "李校对"]) == 0
    assert {m.get(f"{W}author") for m in _body(made.read_bytes()).iter(f"{W}ins")} == {"李校对"}
    assert main(["diff", str(a), str(b), "--format", "docx", "-o", str(b)]) == 2  # never over a version


def test_a_revisions_document_is_not_taken_for_a_submission(tmp_path: Path) -> None:
    old, new = _edited_pair()
    path = tmp_path / "修订.docx"
    path.write_bytes(render_revisions(old, new, STYLE, author="周编辑", when=WHEN))
    with pytest.raises(UsageError) as caught:
        import_submission(path, default_house())
    assert "修订对照稿" in caught.value.message.zh


OPS = ("edit", "delete", "move", "to_column", "add", "retitle", "paragraph")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 20), st.integers(0, 20)), max_size=6))
def test_any_edits_accepted_read_as_the_new_version_and_rejected_as_the_old(
    ops: list[tuple[str, int, int]],
) -> None:
    old = _issue()
    new = copy.deepcopy(old)
    for op, a, b in ops:
        articles, n = new.articles, len(new.articles)
        if op == "add" or not n:
            articles.insert(
                a % (n + 1), Article(new.columns[b % 3].name, f"新区{a}：新做法", [f"第{b}条新内容。"])
            )
        elif op == "edit":
            text = articles[a % n].paragraphs[0] if articles[a % n].paragraphs else ""
            cut = b % (len(text) + 1)
            articles[a % n].paragraphs[:1] = [text[:cut] + "调整" + text[cut + 1 :]]
        elif op == "delete":
            del articles[a % n]
        elif op == "move":
            articles.insert(b % n, articles.pop(a % n))
        elif op == "to_column":
            articles[a % n].column = new.columns[b % 3].name
        elif op == "retitle" and articles[a % n].title:
            articles[a % n].title += "（续）"
        elif op == "paragraph":
            articles[a % n].paragraphs.insert(b % (len(articles[a % n].paragraphs) + 1), "另起一段说明。")
    data = render_revisions(old, new, STYLE, author="周编辑", when=WHEN)
    assert _read(data, accept=True) == _plain(new)
    assert _read(data, accept=False) == _plain(old)

"""copy_issue and the undo snapshot (model/snapshot.py), and Article.content_key (what re-checks and the writer reuse by)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings

from rulekit import clean_issue
from strategies import house_style_issues
from tui.model import Article, Byline, Issue
from tui.model.issue import Comment, Note, Signoff, Waiver
from tui.model.snapshot import copy_issue

AT = dt.datetime(2026, 11, 27, 9, 30)


def _full_issue() -> Issue:
    """Every field of every record set, so a field the copy forgets shows."""
    issue = clean_issue()
    first = issue.articles[0]
    first.title_breaks = (4,)
    first.byline = Byline("西湖区人大常委会研究室", ["王晓明", "李红"])
    first.comments = [Comment("校对", "这里的数字请核实。", AT, resolved=True)]
    issue.endblock.distribution = ["省人大常委会办公厅", "市人大常委会组成人员"]
    issue.waivers = [Waiver("typography.x", "paragraph", "，", "原文如此", "校对", AT, 0, 1, 2, 3)]
    issue.signoffs = [Signoff("proofreader", "张校对", AT, digest="abc")]
    issue.notes = [
        Note("import.x", "warning", "目录标题与正文不同", "differs", 12, "原文", "title", "标题", True)
    ]
    return issue


def _mutables(value: object, seen: dict[int, object]) -> None:
    """Every list and record reachable from ``value``, by id."""
    if isinstance(value, list):
        seen[id(value)] = value
        for v in value:
            _mutables(v, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        seen[id(value)] = value
        for f in dataclasses.fields(value):
            _mutables(getattr(value, f.name), seen)


def test_copy_equals_a_deep_copy_and_shares_nothing_mutable() -> None:
    issue = _full_issue()
    copied = copy_issue(issue)
    assert copied == copy.deepcopy(issue)
    original: dict[int, object] = {}
    mine: dict[int, object] = {}
    _mutables(issue, original)
    _mutables(copied, mine)
    assert not set(original) & set(mine)


def test_every_record_field_is_copied() -> None:
    """A field added to a record later must reach the copy: compared field by field, not by eq alone."""
    issue = _full_issue()
    copied = copy_issue(issue)
    for f in dataclasses.fields(Issue):
        assert getattr(copied, f.name) == getattr(issue, f.name), f.name


def _changed(article: Article, name: str) -> Article:
    changed = copy.deepcopy(article)
    value = getattr(changed, name)
    if name == "byline":
        changed.byline = Byline("上城区人大常委会", ["赵一"])
    elif name == "comments":
        changed.comments = [Comment("校对", "请核对。", AT)]
    elif name == "paragraphs":
        changed.paragraphs = [*value, "新增一段。"]
    elif name == "title_breaks":
        changed.title_breaks = (2,)
    else:
        setattr(changed, name, value + "改")
    return changed


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Article)])
def test_the_content_key_changes_with_every_field(name: str) -> None:
    article = _full_issue().articles[0]
    assert article.content_key() == copy.deepcopy(article).content_key()
    assert _changed(article, name).content_key() != article.content_key()


def test_the_content_key_sees_inside_a_byline_and_a_comment() -> None:
    article = _full_issue().articles[0]
    key = article.content_key()
    assert article.byline is not None
    article.byline.authors.append("钱多")
    assert article.content_key() != key
    key = article.content_key()
    article.comments[0].resolved = False
    assert article.content_key() != key


def _fresh_dumps(issue: Issue) -> str:
    from tui.files import codec

    codec.forget_rendered()  # a cold render to compare with
    return codec.dumps(issue)


def test_the_writer_reuses_only_what_is_unchanged() -> None:
    """Each article's TOML is kept by its content key: after edits, the text equals a cold render."""
    from tui.files import codec

    issue = _full_issue()
    codec.dumps(issue)
    issue.articles[0].paragraphs[0] += "补一句。"
    issue.articles[1].title += "（续）"
    assert issue.articles[0].byline is not None
    issue.articles[0].byline.authors.append("钱多")
    issue.articles[0].comments[0].resolved = False
    warm = codec.dumps(issue)
    assert warm == _fresh_dumps(issue)
    assert "补一句。" in warm and "（续）" in warm and "钱多" in warm


def test_one_instant_in_two_zones_is_two_texts() -> None:
    """Equal datetimes written differently must not share a cached text."""
    from tui.files import codec

    issue = _full_issue()
    utc = dt.datetime(2026, 11, 27, 1, 30, tzinfo=dt.UTC)
    beijing = utc.astimezone(dt.timezone(dt.timedelta(hours=8)))
    issue.articles[0].comments = [Comment("校对", "请核对。", utc)]
    codec.dumps(issue)
    issue.articles[0].comments = [Comment("校对", "请核对。", beijing)]
    assert codec.dumps(issue) == _fresh_dumps(issue)


def test_undo_snapshot_round_trips_every_field() -> None:
    """The history keeps an issue as plain values: read back, it is the same issue, nothing shared."""
    import marshal

    from tui.model.snapshot import from_plain, to_plain

    issue = _full_issue()
    back = from_plain(marshal.loads(marshal.dumps(to_plain(issue))))
    assert back == issue
    for f in dataclasses.fields(Issue):
        assert getattr(back, f.name) == getattr(issue, f.name), f.name
    mine: dict[int, object] = {}
    original: dict[int, object] = {}
    _mutables(back, mine)
    _mutables(issue, original)
    assert not set(mine) & set(original)


@settings(max_examples=40, deadline=None)
@given(house_style_issues())
def test_undo_snapshot_round_trips_generated_issues(issue: Issue) -> None:
    import marshal

    from tui.model.snapshot import from_plain, to_plain

    assert from_plain(marshal.loads(marshal.dumps(to_plain(issue)))) == issue

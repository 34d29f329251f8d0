"""The jianbao/1 format: the sample loads, saving is deterministic, round trips are exact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from strategies import issues
from tui.files import codec
from tui.files.storage import load_issue, save_issue
from tui.model import Byline, Issue


def test_sample_has_every_part(sample_toml: Path) -> None:
    issue = load_issue(sample_toml)
    m = issue.masthead
    assert (m.name, m.edition, m.number, m.cumulative) == ("杭州人大信息", "普刊", 12, 718)
    assert m.unit == "杭州市人大常委会研究室"
    assert m.date == dt.date(2025, 11, 14)
    assert [(c.name, c.kind) for c in issue.columns] == [
        ("助力攻坚", "articles"),
        ("监督纵横", "articles"),
        ("情况交流", "articles"),
        ("信息摘登", "briefs"),
    ]
    assert len(issue.articles) == 9
    assert issue.endblock.editor == "杨青青"


def test_saving_the_sample_reproduces_the_file_byte_for_byte(sample_toml: Path, tmp_path: Path) -> None:
    out = tmp_path / "again.toml"
    save_issue(load_issue(sample_toml), out)
    assert out.read_bytes() == sample_toml.read_bytes()


def test_layout_is_readable(sample_toml: Path) -> None:
    text = sample_toml.read_text(encoding="utf-8")
    assert text.startswith('format = "jianbao/1"\n')
    assert "[[columns]]" in text and "[[articles]]" in text and "[articles.byline]" in text
    # one paragraph per line, Chinese written as itself, not escaped
    assert '\n    "一是“智囊团”献策，精准定方向。' in text
    assert "\\u" not in text


def test_key_order_is_fixed() -> None:
    from tui.model import Article, EndBlock, Masthead

    issue = Issue(
        masthead=Masthead("刊", "增刊", 1, 2, "单位", dt.date(2026, 1, 5)),
        articles=[Article(column="栏", title="题", paragraphs=["段"], byline=Byline("单位", ["张三"]))],
        endblock=EndBlock(["甲"], "编", "电话"),
    )
    text = codec.dumps(issue)
    order = [
        text.index(k)
        for k in (
            "format",
            "[masthead]",
            "name =",
            "edition =",
            "number =",
            "cumulative =",
            "unit =",
            "date =",
            "[[articles]]",
            "column =",
            "title =",
            "paragraphs =",
            "[articles.byline]",
            "[endblock]",
        )
    ]
    assert order == sorted(order)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues())
def test_round_trip_arbitrary_unicode(issue: Issue) -> None:
    assert codec.loads(codec.dumps(issue)) == issue


def test_round_trip_awkward_strings() -> None:
    from tui.model import Article, EndBlock, Masthead

    awkward = [
        '"""',
        "\\",
        "a\nb",
        "\r\n",
        "'''",
        "emoji 😀",
        "",
        "\x00\x7f",
        "“引号”‘单’",
        "# not a comment",
        "[[articles]]",
    ]
    issue = Issue(
        masthead=Masthead("\\n", "专刊", 3, 4, '"', dt.date(2025, 1, 1)),
        articles=[Article(column=s, title=s, paragraphs=awkward, byline=Byline(s, [s])) for s in awkward],
        endblock=EndBlock(awkward, '"""', "\\"),
    )
    assert codec.loads(codec.dumps(issue)) == issue


@settings(max_examples=60, deadline=None)
@given(issues())
def test_everything_the_writer_writes_matches_the_schema(issue: Issue) -> None:
    import tomllib

    from test_schema_contract import as_json, validator

    validator().validate(as_json(tomllib.loads(codec.dumps(issue))))


def test_a_resolved_comment_round_trips_and_an_open_one_writes_no_flag() -> None:
    import datetime as dt

    from rulekit import clean_issue
    from tui.files import codec
    from tui.model import Comment

    issue = clean_issue()
    at = dt.datetime(2025, 11, 27, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    issue.articles[0].comments = [
        Comment("王校对", "请核实", at),
        Comment("李编辑", "已改", at, resolved=True),
    ]
    text = codec.dumps(issue)
    assert text.count("resolved = true") == 1
    back = codec.loads(text)
    assert [(c.text, c.resolved) for c in back.articles[0].comments] == [("请核实", False), ("已改", True)]

"""The plain-text importer on the real sample, on damaged variants, and round trips."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from conftest import ROOT, SAMPLE_TEXT, run_cli
from strategies import house_style_issues
from tui.exporters.text import render_text
from tui.files.storage import load_issue
from tui.importers.text import import_text
from tui.model import Byline, Issue


def rules(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule for f in result.findings]


def test_sample_text_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "samples" / "000_fc0055518f50715f.txt"
    if shared.exists():
        assert shared.read_bytes() == SAMPLE_TEXT.read_bytes()


def test_sample_masthead_and_columns(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    issue = import_text(sample_text, house).issue
    m = issue.masthead
    assert (m.name, m.edition, m.number, m.cumulative, m.unit, m.date) == (
        "杭州人大信息",
        "普刊",
        12,
        718,
        "杭州市人大常委会研究室",
        dt.date(2025, 11, 14),
    )
    assert [(c.name, c.kind) for c in issue.columns] == [
        ("助力攻坚", "articles"),
        ("监督纵横", "articles"),
        ("情况交流", "articles"),
        ("信息摘登", "briefs"),
    ]


def test_sample_articles_and_bylines(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    issue = import_text(sample_text, house).issue
    titled = [a for a in issue.articles if a.title]
    briefs = [a for a in issue.articles if not a.title]
    assert len(titled) == 6 and len(briefs) == 3
    assert [(a.column, a.title) for a in titled] == [
        ("助力攻坚", "拱墅区：多措并举护航新质生产力“加速跑”"),
        ("助力攻坚", "西湖区:高效履职助力推动企业场景服务迭代升级"),
        ("助力攻坚", "钱塘区：“三聚三助”助推新质生产力高质量发展"),
        ("监督纵横", "萧山区:紧扣“三大关键”强化监督助力共同富裕"),
        ("情况交流", "上城区：“四步走”助力交出“八五”普法亮眼答卷"),
        ("情况交流", "滨江区：“三力”齐发助推教育科技人才一体改革"),
    ]
    assert [a.byline for a in issue.articles] == [
        Byline("拱墅区人大常委会办公室", ["宋玉凤"]),
        Byline("西湖区人大常委会办公室", ["方敏杰"]),
        Byline("钱塘区人大常委会办公室", ["石晗", "刘鹏"]),
        Byline("萧山区人大常委会办公室", ["郭彧杰"]),
        Byline("上城区人大常委会办公室", []),
        Byline("滨江区人大常委会教科文卫和民宗侨工委", ["应明芮"]),
        Byline("余杭区人大常委会办公室", ["英颖"]),
        Byline("临平区人大常委会办公室", ["孔铮"]),
        Byline("建德市人大常委会办公室", ["吴静之"]),
    ]
    assert all(a.column == "信息摘登" for a in briefs)
    assert [b.paragraphs[0][:5] for b in briefs] == ["余杭区人大", "临平区人大", "建德市人大"]


def test_sample_paragraphs_are_joined_and_kept_as_written(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    issue = import_text(sample_text, house).issue
    counts = [len(a.paragraphs) for a in issue.articles]
    assert counts == [4, 4, 4, 4, 5, 4, 1, 1, 1]
    gongshu = issue.articles[0].paragraphs
    # a paragraph broken across a page is one paragraph again
    assert "开展穿透式监督,实现大武林商圈" in gongshu[2]
    # punctuation is kept as written: half-width commas stay for the checker
    assert "穿透式监督,实现" in gongshu[2]
    # extraction spaces between Chinese and digits or Latin are dropped
    assert "人工智能产业48家" in gongshu[2] and "走访deepseek等公司" in gongshu[2]
    # spaces between Chinese words are meaningful and stay
    assert "“三推两助 双岗建功”" in gongshu[3]
    assert all(not p.startswith(("　", " ")) for a in issue.articles for p in a.paragraphs)


def test_sample_endblock(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    e = import_text(sample_text, house).issue.endblock
    assert e.distribution == [
        "省人大常委会办公厅、研究室",
        "市人大常委会组成人员，市人大机关各部门，各区、县(市)人大常委会",
    ]
    assert (e.editor, e.phone) == ("杨青青", "(0571)85250657")


def test_sample_findings(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    result = import_text(sample_text, house)
    found = rules(result)
    assert found.count("contents.title-mismatch") == 4  # 拱墅区, 钱塘区, 上城区, 滨江区: “:” in the contents
    assert found.count("byline.parenthesis") == 9  # half-width in the PDF text
    spacing = next(f for f in result.findings if f.rule == "import.spacing")
    assert "55" in spacing.message.zh
    assert "contents.missing-article" not in found and "import.unplaced" not in found
    assert all(f.severity.value == "info" for f in result.findings)


def test_shipped_sample_issue_is_the_import_of_the_sample(sample_text: str, house, sample_toml: Path) -> None:  # type: ignore[no-untyped-def]
    result = import_text(sample_text, house)
    assert replace(result.issue, notes=[]) == load_issue(
        sample_toml
    )  # the shipped file's notes were resolved
    assert len(result.issue.notes) == len(result.findings)  # every finding of the import is kept as a note


def test_export_then_import_is_identity_for_sample(sample_toml: Path, house) -> None:  # type: ignore[no-untyped-def]
    issue = load_issue(sample_toml)
    again = import_text(render_text(issue, house.style), house)
    assert again.issue == issue
    assert again.findings == []


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(house_style_issues())
def test_export_then_import_is_identity_for_generated(issue: Issue) -> None:
    from tui.files.config import default_house

    house = default_house()
    assert replace(import_text(render_text(issue, house.style), house).issue, notes=[]) == replace(
        issue, notes=[]
    )


# ------------------------------------------------------------ damaged sources


def _damage(sample_text: str, old: str, new: str) -> str:
    assert old in sample_text
    return sample_text.replace(old, new, 1)


def test_byline_mixed_and_missing_parentheses(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "(拱墅区人大常委会办公室 宋玉凤)", "(拱墅区人大常委会办公室 宋玉凤）")
    text = _damage(text, "(西湖区人大常委会办公室 方敏杰)", "西湖区人大常委会办公室 方敏杰")
    result = import_text(text, house)
    warnings = [
        f for f in result.findings if f.rule == "byline.parenthesis" and f.severity.value == "warning"
    ]
    assert [(f.location.article, f.message.zh) for f in warnings] == [
        (0, "署名括号全角半角混用"),
        (1, "署名缺少括号"),
    ]
    assert result.issue.articles[1].byline == Byline("西湖区人大常委会办公室", ["方敏杰"])


def test_unpadded_two_character_names(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "石 晗 刘 鹏", "石晗 刘鹏")
    result = import_text(text, house)
    assert result.issue.articles[2].byline == Byline("钱塘区人大常委会办公室", ["石晗", "刘鹏"])
    padding = [f for f in result.findings if f.rule == "byline.name-padding"]
    assert len(padding) == 1 and "石晗、刘鹏" in padding[0].message.zh


def test_odd_single_characters_are_a_guess(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "石 晗 刘 鹏", "石 晗 刘")
    result = import_text(text, house)
    assert result.issue.articles[2].byline.authors == ["石晗", "刘"]  # type: ignore[union-attr]
    assert "import.byline-guess" in rules(result)


def test_brief_count_and_missing_article(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "信息摘登** 3 则", "信息摘登** 4 则")
    text = _damage(text, "滨江区:“三力”齐发助推教育科技人才一体改革\n", "")
    result = import_text(text, house)
    found = rules(result)
    assert "contents.brief-count" in found
    missing = [f for f in result.findings if f.rule == "contents.missing-article"]
    assert len(missing) == 1 and missing[0].location.article == 5
    # the article is still imported, in the right column
    assert result.issue.articles[5].column == "情况交流"


def test_contents_title_that_differs_from_body(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(
        sample_text,
        "萧山区:紧扣“三大关键”强化监督助力共同富裕\n\n萧山区人大",
        "萧山区:紧扣“三大关键”强化监督助推共同富裕\n\n萧山区人大",
    )
    result = import_text(text, house)
    mismatch = [
        f for f in result.findings if f.rule == "contents.title-mismatch" and f.severity.value == "warning"
    ]
    assert len(mismatch) == 1 and mismatch[0].location.article == 3
    assert result.issue.articles[3].title == "萧山区:紧扣“三大关键”强化监督助推共同富裕"


def test_empty_column_in_contents(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "- 信息摘登** 3 则", "- 信息摘登** 3 则\n- 代表风采**")
    result = import_text(text, house)
    assert "contents.empty-column" in rules(result)


def test_page_footer_removed_and_reported(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "开展穿\n\n透式监督", "开展穿\n\n— 3 —\n\n透式监督")
    result = import_text(text, house)
    assert "开展穿透式监督" in result.issue.articles[0].paragraphs[2]
    assert "import.page-footer" in rules(result)


def test_unrecognised_end_lines_are_kept_and_reported(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = sample_text + "\n\n（内部资料 注意保存）\n"
    result = import_text(text, house)
    assert "import.unplaced" in rules(result)
    assert result.issue.articles[-1].paragraphs[-1] == "（内部资料 注意保存）"


def test_missing_byline_is_reported(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    text = _damage(sample_text, "(萧山区人大常委会办公室 郭彧杰)\n", "")
    result = import_text(text, house)
    no_byline = [f for f in result.findings if f.rule == "import.no-byline"]
    assert [f.location.article for f in no_byline] == [3]
    assert result.issue.articles[3].byline is None
    assert result.issue.articles[4].title.startswith("上城区")


def test_every_source_character_survives(sample_text: str, house) -> None:  # type: ignore[no-untyped-def]
    """Nothing is dropped silently: every Han character of the source is in the issue."""
    issue = import_text(sample_text, house).issue
    from tui.files.codec import dumps

    stored = dumps(issue)
    body_start = sample_text.index("拱墅区：多措并举")  # the contents is derived, not stored
    body = sample_text[body_start:]
    for label in ("送：", "本期责任编辑：", "电话："):  # structure, stored as keys
        body = body.replace(label, "")
    source_han = [c for c in body if "\u4e00" <= c <= "\u9fff"]
    stored_han = "".join(c for c in stored if "\u4e00" <= c <= "\u9fff")
    from collections import Counter

    assert not Counter(source_han) - Counter(stored_han)


# ------------------------------------------------------------ the command


def test_cli_import_writes_toml_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "issue.toml"
    r = run_cli("import", str(SAMPLE_TEXT), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert load_issue(out).masthead.cumulative == 718
    assert "[contents.title-mismatch]" in r.stderr and r.stderr.rstrip().splitlines()[-1].startswith(
        "共 15 条"
    )


def test_cli_import_json(tmp_path: Path) -> None:
    r = run_cli(
        "import", str(SAMPLE_TEXT), "-o", str(tmp_path / "x.toml"), "--format", "json", "--lang", "en"
    )
    doc = json.loads(r.stderr)
    (entry,) = doc["files"]
    assert entry["summary"] == {"error": 0, "warning": 0, "info": 15, "waived": 0}
    first = entry["findings"][0]
    assert set(first) >= {"rule", "severity", "message", "location", "fix"}
    assert set(first["location"]) >= {"article", "title", "field", "paragraph", "start", "end"}
    assert first["message"].startswith("the contents title")


def test_cli_import_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "issue.toml"
    out.write_text("keep me", encoding="utf-8")
    r = run_cli("import", str(SAMPLE_TEXT), "-o", str(out))
    assert r.returncode == 2 and "已存在" in r.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run_cli("import", str(SAMPLE_TEXT), "-o", str(out), "--force").returncode == 0


def test_cli_import_gb18030(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes(SAMPLE_TEXT.read_text(encoding="utf-8").encode("gb18030"))
    r = run_cli("import", str(source))
    assert r.returncode == 0, r.stderr
    assert "拱墅区：多措并举" in r.stdout


def test_cli_import_binary_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "scan.txt"
    fake.write_bytes(b"PK\x03\x04\x00\x00garbage")
    r = run_cli("import", str(fake))
    assert r.returncode == 2 and "二进制" in r.stderr and "Traceback" not in r.stderr
    fake = tmp_path / "submission.docx"
    fake.write_bytes(b"PK\x03\x04\x00\x00garbage")
    r = run_cli("import", str(fake))
    assert r.returncode == 2 and "不是 Word 文档" in r.stderr and "Traceback" not in r.stderr


def test_cli_export_text(sample_toml: Path, tmp_path: Path) -> None:
    out = tmp_path / "issue.txt"
    r = run_cli("export", str(sample_toml), "--to", "text", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("杭州人大信息\n\n（普刊）\n\n第12期（总第718期）")
    assert "（钱塘区人大常委会办公室　石　晗　刘　鹏）" in text
    assert "（上城区人大常委会办公室）" in text
    assert "【信息摘登】3则" in text


def test_a_contents_title_mismatch_says_what_differs(sample_text: str) -> None:
    from tui.files.config import default_house
    from tui.model.textutil import differences

    changed = sample_text.replace(
        "高效履职助力推动企业场景服务迭代升级", "高效履职助力推动企业场景服务迭代提升", 1
    )
    result = import_text(changed, default_house())
    (finding,) = [
        f for f in result.findings if f.rule == "contents.title-mismatch" and f.severity.value == "warning"
    ]
    assert "目录作“提升”，正文作“升级”" in finding.message.zh
    assert differences("代表联络站亮灯", "代表联络站点亮") == ("亮灯", "点亮")
    assert differences("监督纵横", "监督") == ("纵横", "")


def test_titles_printed_over_two_lines_are_one_title_again(house) -> None:  # type: ignore[no-untyped-def]
    """A PDF breaks a long title (jianbao's own proof, into balanced lines): no phantom articles."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synth import make_issue

    from tui.model.titlebreak import balanced_lines

    issue = make_issue(300)
    text = render_text(issue, house.style)
    titles = {a.title for a in issue.articles if a.title}
    lines: list[str] = []
    for line in text.split("\n"):  # in the contents and in the body, as the page breaks them
        lines += balanced_lines(line) if line in titles else [line]
    wrapped = sum(1 for t in titles if len(balanced_lines(t)) > 1)
    assert wrapped > 50
    result = import_text("\n".join(lines), house)
    assert len(result.issue.articles) == 300
    got = [a.title.replace(" ", "") for a in result.issue.articles]
    assert got == [a.title.replace(" ", "") for a in issue.articles]  # a space at a line break is not printed
    assert [f.rule for f in result.findings] == ["import.joined-title"]


def test_a_short_first_paragraph_is_not_taken_for_half_a_title(house) -> None:  # type: ignore[no-untyped-def]
    text = (
        "杭州人大信息\n（普刊）\n第13期（总第719期）\n杭州市人大常委会研究室编\n2025年11月28日\n目　录\n"
        "【助力攻坚】拱墅区：开展专题调研\n"
        "【助力攻坚】\n拱墅区：开展专题调研\n一、坚持问题导向\n　　区人大常委会组织代表走访企业。\n"
        "（拱墅区人大常委会办公室　宋玉凤）\n送：市人大常委会各位副主任\n本期责任编辑：杨青青\n电话：(0571)85250657\n"
    )
    result = import_text(text, house)
    assert [a.title for a in result.issue.articles] == ["拱墅区：开展专题调研"]
    assert result.issue.articles[0].paragraphs[0] == "一、坚持问题导向"

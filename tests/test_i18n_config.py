"""Language choice, and the house configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, run_cli
from tui.files.config import archive_dir, default_house, load_house, loads_house
from tui.model.errors import LoadError
from tui.model.i18n import counted, resolve_lang


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        (None, {}, "zh"),
        (None, {"LANG": "C"}, "zh"),
        (None, {"LANG": "POSIX"}, "zh"),
        (None, {"LANG": "C.UTF-8"}, "zh"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"JIANBAO_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"JIANBAO_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        ("en", {"JIANBAO_LANG": "zh"}, "en"),
        ("zh", {"LANG": "en_US.UTF-8"}, "zh"),
    ],
)
def test_resolve_lang(explicit: str | None, env: dict[str, str], expected: str) -> None:
    assert resolve_lang(explicit, env) == expected


def test_cli_help_is_chinese_by_default_and_english_on_request() -> None:
    zh = run_cli("--help")
    assert "在档案中新建下一期" in zh.stdout
    for heading in ("参数", "选项"):  # Chinese headings end in a full-width colon, as Chinese prose does
        assert f"\n{heading}：\n" in zh.stdout and f"{heading}:" not in zh.stdout
    assert "\n参数：\n" in run_cli("check", "--help").stdout
    en = run_cli("--help", env={"LANG": "en_US.UTF-8"})
    assert "write the next issue into the archive" in en.stdout
    assert "write the next issue" in run_cli("--lang", "en", "--help").stdout


def test_shipped_house_matches_packaged_default() -> None:
    assert load_house(DATA / "issues") == default_house()


def test_house_has_the_catalogue_units_and_style() -> None:
    house = default_house()
    names = [c.name for c in house.columns]
    for name in (
        "助力攻坚",
        "监督纵横",
        "情况交流",
        "信息摘登",
        "代表工作",
        "代表风采",
        "立法动态",
        "调查研究",
        "工作动态",
        "专题报道",
    ):
        assert name in names
    assert house.catalogue_column("信息摘登").kind == "briefs"  # type: ignore[union-attr]
    assert len(house.districts) == 13
    assert house.is_known_unit("拱墅区人大常委会办公室")
    assert house.is_known_unit("滨江区人大常委会教科文卫和民宗侨工委")
    assert house.is_known_unit("杭州市人大常委会研究室")
    assert not house.is_known_unit("拱墅区人大常委办公室")
    assert house.style.byline_parentheses == "full" and house.style.byline_separator == "\u3000"
    assert not house.style.space_between_cjk_and_latin


def test_house_beside_archive_wins(tmp_path: Path) -> None:
    (tmp_path / "issues").mkdir()
    text = (
        (DATA / "bulletin.toml")
        .read_text(encoding="utf-8")
        .replace('name = "杭州人大信息"', 'name = "西湖人大"')
    )
    (tmp_path / "bulletin.toml").write_text(text, encoding="utf-8")
    assert load_house(tmp_path / "issues").name == "西湖人大"
    assert load_house(tmp_path / "elsewhere" / "issues").name == "杭州人大信息"


def test_bad_house_names_file_line_and_field() -> None:
    text = (DATA / "bulletin.toml").read_text(encoding="utf-8").replace('kind = "briefs"', 'kind = "brief"')
    with pytest.raises(LoadError) as info:
        loads_house(text, "bulletin.toml")
    assert info.value.field == "columns[9].kind" and info.value.line is not None
    assert "brief" in str(info.value)


def test_archive_dir_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert archive_dir() == Path("data/issues")
    monkeypatch.setenv("JIANBAO_ARCHIVE", "/srv/archive")
    assert archive_dir() == Path("/srv/archive")
    assert archive_dir("x") == Path("x")


def test_english_counts_are_singular_for_one() -> None:
    from tui.app.strings import t

    assert t("n_error", "en", n=1) == "1 error" and t("n_error", "en", n=2) == "2 errors"
    assert t("counts", "en", chars=1, paras=1) == "1 character · 1 paragraph"
    assert t("briefs_count", "en", n=0) == "0 briefs"
    assert t("n_error", "zh", n=1) == "1 错误"
    assert counted(1, "issue") == "1 issue" and counted(0, "issue") == "0 issues"
    assert counted(2, "info") == "2 info"


def test_english_stats_count_one_issue_as_one(tmp_path: Path) -> None:
    """The command line's English counts as the editor's do (the shipped archive holds one issue)."""
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    out = run_cli("stats", "--archive", str(tmp_path / "data" / "issues"), "--lang", "en").stdout
    assert ": 1 issue, 6 articles, 3 briefs," in out.splitlines()[0]


def test_no_select_says_select_in_chinese() -> None:
    """Every Select of the app is given a Chinese prompt (Textual's default is “Select”)."""
    import ast
    from pathlib import Path

    app_dir = Path(__file__).resolve().parents[1] / "src" / "tui" / "app"
    for path in app_dir.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Select":
                assert any(k.arg == "prompt" for k in node.keywords), f"{path.name}:{node.lineno}"

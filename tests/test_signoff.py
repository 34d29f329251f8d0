"""A sign-off approves the text as it was: a later change is reported until the issue is signed again."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from rulekit import ARCHIVE, HOUSE, clean_issue
from tui.files.storage import save_issue
from tui.session import Session


def _session() -> Session:
    session = Session(path=Path("issue.toml"), issue=clean_issue(), house=HOUSE, archive=ARCHIVE)
    session.revalidate()
    return session


def _changed(session: Session) -> list[str]:
    session.revalidate()
    return [f.message.zh for f in session.findings() if f.rule == "signoff.changed"]


def test_a_change_after_signing_is_reported_until_signed_again() -> None:
    session = _session()
    session.sign_off("editor", "杨青青")
    assert session.issue.signoffs[-1].digest and _changed(session) == []
    session.add_comment(0, "李四", "请核实数据")  # a comment is not content
    assert _changed(session) == []
    session.set_field("title", "拱墅区：多措并举护航新质生产力“加速跑”（修订）", 0)
    (message,) = _changed(session)
    assert message.startswith("签发后已修改：杨青青于")
    session.sign_off("proofreader", "王五")
    assert _changed(session) == []


def test_check_strict_fails_on_a_changed_signed_issue(tmp_path: Path) -> None:
    session = _session()
    session.sign_off("editor", "杨青青")
    session.issue.articles[0].paragraphs.append("签发之后又加了一段。")
    path = tmp_path / "issue.toml"
    save_issue(session.issue, path)
    assert run_cli("check", str(path)).returncode == 0  # a warning
    r = run_cli("check", "--strict", str(path))
    assert r.returncode == 1 and "签发后已修改" in r.stdout

"""The versions the changes view compares with: the last save, the signed text, a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulekit import clean_issue
from tui.files.signed import keep_signed, signed_version
from tui.files.storage import save_issue
from tui.session import Refused, Session


def _session(tmp_path: Path) -> Session:
    path = tmp_path / "issue.toml"
    save_issue(clean_issue(), path)
    return Session.open(path)


def test_since_save_is_the_file_as_last_written(tmp_path: Path) -> None:
    session = _session(tmp_path)
    assert session.changes_since_save().changes.empty
    session.set_field("title", session.issue.articles[0].title + "（续）", 0)
    assert session.changes_since_save().changes.counts["retitled"] == 1
    session.save()
    assert session.changes_since_save().changes.empty


def test_since_the_sign_off_uses_the_signed_text(tmp_path: Path) -> None:
    session = _session(tmp_path)
    with pytest.raises(Refused):
        session.changes_since_signoff()  # not signed yet
    session.revalidate()
    session.sign_off("proofreader", "李校对")
    assert session.changes_since_signoff().changes.empty
    session.set_field("paragraphs", [*session.issue.articles[0].paragraphs, "补充一段。"], 0)
    compared = session.changes_since_signoff()
    assert "李校对" in compared.basis.zh and compared.changes.counts["changed"] == 1


def test_a_signed_text_that_was_not_kept_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("JIANBAO_STATE_DIR", str(blocker))  # nothing can be kept: the sign-off stands
    session = _session(tmp_path)
    session.revalidate()
    session.sign_off("proofreader", "李校对")
    assert session.issue.signoffs[-1].name == "李校对"
    with pytest.raises(Refused) as caught:
        session.changes_since_signoff()
    assert "没有保存在这台电脑上" in caught.value.message.zh


def test_a_digest_from_a_file_never_names_a_path_outside_the_store(tmp_path: Path) -> None:
    issue = clean_issue()
    assert not keep_signed(issue, "../../etc/x")
    assert signed_version("../../etc/x") is None
    assert keep_signed(issue, "0123456789abcdef")
    kept = signed_version("0123456789abcdef")
    assert kept is not None and kept.articles[0].title == issue.articles[0].title


def test_against_a_file_that_is_not_an_issue_names_it(tmp_path: Path) -> None:
    from tui.model.errors import LoadError

    session = _session(tmp_path)
    bad = tmp_path / "坏.toml"
    bad.write_text("[masthead\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        session.changes_against(bad)
    assert "坏.toml" in caught.value.render("zh")

"""No write replaces a file that changed since it was read, a file the user did not name, or the wrong node."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from apphelp import dead_pid
from conftest import run_cli
from tui.files.storage import load_issue, load_issue_stamped, read_text, save_issue
from tui.files.writing import atomic_write
from tui.model.errors import ChangedOnDisk, SaveError


def _edited(path: Path, title: str = "改过的标题"):  # type: ignore[no-untyped-def]
    issue = load_issue(path)
    issue.articles[0].title = title
    return issue


def test_a_save_through_a_symlink_writes_its_target(sample_toml: Path, tmp_path: Path) -> None:
    link = tmp_path / "current.toml"
    link.symlink_to(sample_toml)
    save_issue(_edited(link), link)
    assert link.is_symlink() and link.resolve() == sample_toml.resolve()
    assert load_issue(sample_toml).articles[0].title == "改过的标题"


def test_a_save_keeps_mode_owner_and_group(sample_toml: Path) -> None:
    os.chmod(sample_toml, 0o640)
    if os.geteuid() == 0:
        os.chown(sample_toml, 1234, 5678)
    save_issue(_edited(sample_toml), sample_toml)
    st = sample_toml.stat()
    assert stat.S_IMODE(st.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 5678)


def test_a_save_keeps_hard_links(sample_toml: Path, tmp_path: Path) -> None:
    other = tmp_path / "also.toml"
    os.link(sample_toml, other)
    save_issue(_edited(sample_toml), sample_toml)
    assert os.path.samefile(sample_toml, other)
    assert load_issue(other).articles[0].title == "改过的标题"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_fifo_or_folder_at_the_path_is_refused_not_replaced(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "issue.toml"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(SaveError) as info:
        atomic_write(target, b"format = 'jianbao/1'\n")
    assert str(target) in info.value.render("zh")
    assert stat.S_ISFIFO(target.stat().st_mode) if kind == "fifo" else target.is_dir()


def test_a_save_refuses_a_file_changed_since_it_was_read(sample_toml: Path) -> None:
    issue, read = load_issue_stamped(sample_toml)
    issue.articles[0].title = "我的修改"
    colleague = sample_toml.read_text(encoding="utf-8").replace("杨青青", "同事保存的")
    sample_toml.write_text(colleague, encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        save_issue(issue, sample_toml, expect=read)
    assert sample_toml.read_text(encoding="utf-8") == colleague


def test_a_same_size_change_in_the_same_second_is_still_seen(sample_toml: Path) -> None:
    issue, read = load_issue_stamped(sample_toml)
    before = sample_toml.stat()
    text = sample_toml.read_text(encoding="utf-8").replace("杨青青", "杨青红")  # same length
    sample_toml.write_text(text, encoding="utf-8")
    os.utime(sample_toml, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(ChangedOnDisk):
        save_issue(issue, sample_toml, expect=read)


def test_temporaries_of_interrupted_saves_are_cleaned_at_the_next_save(sample_toml: Path) -> None:
    folder = sample_toml.parent
    dead = folder / f".{sample_toml.name}.{dead_pid()}.abcd1234.tmp"
    live = folder / f".{sample_toml.name}.1.abcd1234.tmp"  # pid 1 is alive: not ours to remove
    old_style = folder / f".{sample_toml.name}.k2j3h4.tmp"
    for tmp in (dead, live, old_style):
        tmp.write_text("half a save", encoding="utf-8")
    os.utime(old_style, (0, 0))
    save_issue(_edited(sample_toml), sample_toml)
    assert not dead.exists() and not old_style.exists() and live.exists()


def test_check_fix_leaves_a_file_held_by_a_live_editor_alone(sample_toml: Path) -> None:
    lock = {"pid": 1, "host": socket.gethostname(), "user": "editor", "since": "2025-11-20T09:00:00+08:00"}
    (sample_toml.parent / f".{sample_toml.name}.lock").write_text(json.dumps(lock), encoding="utf-8")
    before = sample_toml.read_bytes()
    r = run_cli("check", "--fix", str(sample_toml))
    assert r.returncode == 2 and "editor@" in r.stderr and "正在编辑" in r.stderr
    assert sample_toml.read_bytes() == before


RACE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tui.checks.checking import open_check
    from tui.model.errors import ChangedOnDisk
    from tui.files.storage import save_issue
    path = Path(sys.argv[1])
    check = open_check(path)
    check.fix()
    Path(sys.argv[2]).write_text("ready")
    while not Path(sys.argv[3]).exists():
        pass
    try:
        save_issue(check.issue, check.path, expect=check.stamp)
    except ChangedOnDisk:
        sys.exit(3)
    """
)


def test_check_fix_never_overwrites_a_save_made_while_it_worked(sample_toml: Path, tmp_path: Path) -> None:
    ready, go = tmp_path / "ready", tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-c", RACE, str(sample_toml), str(ready), str(go)])
    while not ready.exists():
        assert proc.poll() is None
    colleague = sample_toml.read_text(encoding="utf-8").replace("杨青青", "同事保存的")
    sample_toml.write_text(colleague, encoding="utf-8")  # a colleague saves while the fixes are made
    go.write_text("go")
    assert proc.wait(timeout=60) == 3
    assert sample_toml.read_text(encoding="utf-8") == colleague


def test_export_never_replaces_the_issue_or_an_existing_file_unasked(sample_toml: Path) -> None:
    before = sample_toml.read_bytes()
    r = run_cli("export", str(sample_toml), "--to", "md", "-o", str(sample_toml))
    assert r.returncode == 2 and "输入文件本身" in r.stderr
    r = run_cli("export", str(sample_toml), "--to", "md", "-o", str(sample_toml), "--force")
    assert r.returncode == 2
    assert sample_toml.read_bytes() == before

    page = sample_toml.with_suffix(".html")
    page.write_text("someone's page", encoding="utf-8")
    r = run_cli("export", str(sample_toml), "--to", "html", "-o", str(page))
    assert r.returncode == 2 and "--force" in r.stderr
    assert page.read_text(encoding="utf-8") == "someone's page"
    r = run_cli("export", str(sample_toml), "--to", "html", "-o", str(page), "--force")
    assert r.returncode == 0 and "<html" in page.read_text(encoding="utf-8")

    docx = sample_toml.with_suffix(".docx")
    docx.write_bytes(b"an earlier print")
    r = run_cli("export", str(sample_toml), "--to", "docx")
    assert r.returncode == 2 and docx.read_bytes() == b"an earlier print"


def test_import_never_replaces_its_own_source(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "第12期.txt"
    source.write_text(sample_text, encoding="utf-8")
    r = run_cli("import", str(source), "-o", str(source), "--force")
    assert r.returncode == 2 and source.read_text(encoding="utf-8") == sample_text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_text_from_notepad_is_read_by_its_bom(
    tmp_path: Path, sample_text: str, encoding: str
) -> None:
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-32": b""}[encoding]
    path = tmp_path / "第12期.txt"
    path.write_bytes(bom + sample_text.encode(encoding))
    assert read_text(path) == sample_text
    r = run_cli("import", str(path))
    assert r.returncode == 0, r.stderr
    assert "杭州人大信息" in r.stdout


FAULT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tui.files.writing import atomic_write
    path, a, b = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()
    print("go", flush=True)
    while True:
        atomic_write(path, a)
        atomic_write(path, b)
    """
)


def test_a_save_killed_at_any_point_leaves_the_old_or_the_new_file(sample_toml: Path, tmp_path: Path) -> None:
    """Fault injection: SIGKILL at random moments (JIANBAO_FAULT_ROUNDS sets how many; `make faults`: 200)."""
    import random

    rounds = int(os.environ.get("JIANBAO_FAULT_ROUNDS", "10"))
    a_text = sample_toml.read_bytes()
    b_text = a_text.replace("杨青青".encode(), ("新" * 3000).encode())
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(a_text)
    b.write_bytes(b_text)
    rng = random.Random(20251127)
    for _ in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", FAULT, str(sample_toml), str(a), str(b)], stdout=subprocess.PIPE
        )
        assert proc.stdout is not None and proc.stdout.readline() == b"go\n"
        try:
            proc.wait(timeout=rng.uniform(0.0, 0.05))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        assert sample_toml.read_bytes() in (a_text, b_text)
    save_issue(load_issue(sample_toml), sample_toml)
    assert not list(sample_toml.parent.glob(".*.tmp"))  # the killed saves' leftovers are gone

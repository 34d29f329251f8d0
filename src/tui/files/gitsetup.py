"""Setting up an archive kept in git: jianbao as the diff and merge driver of its issue files.

``.gitattributes`` (committed, so every clone has it) says which files are
issues; the drivers themselves are commands, so they go into the
repository's own config (``.git/config``: git never takes commands from a
cloned file), and each editor runs ``jianbao git-setup`` once in a clone.
The commands name this installation's Python, so they work without an
activated virtual environment.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.files.writing import atomic_write
from tui.model.errors import UsageError
from tui.model.i18n import Text

DRIVER = "jianbao"
BEGIN = "# jianbao: issue files are diffed and merged as issues (jianbao git-setup)"


@dataclass(frozen=True)
class Setup:
    repository: Path
    attributes: Path
    added: list[str]  # lines added to .gitattributes
    config: dict[str, str]


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise UsageError(Text("找不到 git 命令，请先安装 git", "git is not installed")) from None
    if done.returncode != 0:
        raise UsageError(
            Text(
                f"不是 git 仓库（请先在档案所在文件夹运行 git init）：{done.stderr.strip()}",
                f"not a git repository (run git init in the archive's folder first): {done.stderr.strip()}",
            ),
            file=folder,
        )
    return done.stdout.strip()


def attribute_lines(relative: str) -> list[str]:
    """The .gitattributes lines for an archive folder at ``relative`` (posix, "" for the top)."""
    prefix = f"{relative}/" if relative else ""
    return [
        BEGIN,
        f"{prefix}*.toml diff={DRIVER} merge={DRIVER}",
        f"{prefix}bulletin.toml !diff !merge",  # the house file is not an issue
    ]


def command() -> str:
    """How git starts this jianbao: this Python, this package."""
    return f"{shlex.quote(sys.executable)} -m tui"


def set_up(archive: Path) -> Setup:
    """Write .gitattributes lines (those missing) and the repository config for the drivers."""
    top = Path(_git(archive, "rev-parse", "--show-toplevel"))
    relative = archive.resolve().relative_to(top.resolve()).as_posix()
    attributes = top / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
    present = set(existing.splitlines())
    added = [line for line in attribute_lines("" if relative == "." else relative) if line not in present]
    if added:
        text = existing + ("" if not existing or existing.endswith("\n") else "\n") + "\n".join(added) + "\n"
        atomic_write(attributes, text.encode("utf-8"))
    jianbao = command()
    config = {
        f"diff.{DRIVER}.command": f"{jianbao} diff",
        f"diff.{DRIVER}.textconv": f"{jianbao} export --to text",
        f"merge.{DRIVER}.name": "jianbao: merge issues article by article",
        f"merge.{DRIVER}.driver": f"{jianbao} merge-driver %O %A %B %P",
    }
    for key, value in config.items():
        _git(top, "config", "--local", key, value)
    return Setup(top, attributes, added, config)

"""The per-user folders: the XDG places worked out in jianbao are platformdirs' own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from tui.files import user_dirs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rules apply on Linux")

SETTINGS = [
    {},  # neither variable: the defaults under the home folder
    {"XDG_CACHE_HOME": "/srv/缓存", "XDG_STATE_HOME": "/srv/状态"},
    {"XDG_CACHE_HOME": "relative/cache", "XDG_STATE_HOME": "relative/state"},  # not absolute: ignored
    {"XDG_CACHE_HOME": "", "XDG_STATE_HOME": ""},
]


@pytest.mark.parametrize("env", SETTINGS)
def test_same_places_as_platformdirs(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "家"))
    for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "JIANBAO_CACHE_DIR", "JIANBAO_STATE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert user_dirs.cache_dir() == Path(platformdirs.user_cache_dir("jianbao", appauthor=False))
    assert user_dirs.state_dir() == Path(platformdirs.user_state_dir("jianbao", appauthor=False))
    assert not (tmp_path / "家").exists()  # asking for a place makes nothing


def test_overrides_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/cache")
    monkeypatch.setenv("JIANBAO_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("JIANBAO_STATE_DIR", str(tmp_path / "s"))
    assert user_dirs.cache_dir() == tmp_path / "c"
    assert user_dirs.state_dir() == tmp_path / "s"


def test_check_does_not_load_platformdirs(sample_toml: Path, tmp_path: Path) -> None:
    """`jianbao check` asks for the cache folder on every run; on Linux it does without platformdirs."""
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"sys.argv = ['jianbao', 'check', {str(sample_toml)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('platformdirs' in sys.modules)\n"
    )
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr
    assert (tmp_path / "cache" / "jianbao").is_dir()  # the check cache and the archive index went there


def test_elsewhere_platformdirs_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Where XDG does not apply (macOS, Windows, Android) the places are platformdirs' own."""
    monkeypatch.setenv("HOME", str(tmp_path / "家"))
    for name in ("JIANBAO_CACHE_DIR", "JIANBAO_STATE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(user_dirs, "_follows_xdg", lambda: False)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda app, appauthor: f"/平台/{app}/cache")
    monkeypatch.setattr(platformdirs, "user_state_dir", lambda app, appauthor: f"/平台/{app}/state")
    assert user_dirs.cache_dir() == Path("/平台/jianbao/cache")
    assert user_dirs.state_dir() == Path("/平台/jianbao/state")

"""The format as another tool sees it: tomllib + jsonschema, nothing from tui.

These tests stand in for the typesetting, archive and website tools that
consume issue files.  They must not import jianbao's code.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "src" / "tui" / "schema" / "issue.schema.json"
SAMPLE = ROOT / "data" / "issues" / "2025-12.toml"


def as_json(value: object) -> object:
    """TOML to JSON the way TOML tools map it: dates and date-times become RFC 3339 strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sample_validates_with_only_tomllib_and_jsonschema() -> None:
    with SAMPLE.open("rb") as handle:
        data = tomllib.load(handle)
    validator().validate(as_json(data))
    assert data["format"] == "jianbao/1"
    assert data["masthead"]["date"] == dt.date(2025, 11, 14)
    assert [a["byline"]["authors"] for a in data["articles"] if a["title"].startswith("钱塘区")] == [
        ["石晗", "刘鹏"]
    ]


def test_schema_rejects_what_the_loader_rejects() -> None:
    with SAMPLE.open("rb") as handle:
        data = as_json(tomllib.load(handle))
    v = validator()
    for mutate in (
        lambda d: d.update(format="jianbao/2"),
        lambda d: d["masthead"].update(edition="周刊"),
        lambda d: d["masthead"].pop("date"),
        lambda d: d["articles"][0].update(titel="x"),
        lambda d: d["articles"][0]["byline"].update(unit=3),
        lambda d: d["columns"][0].update(kind="list"),
    ):
        broken = json.loads(json.dumps(data))
        mutate(broken)
        assert not v.is_valid(broken)


def test_cli_prints_the_shipped_schema() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tui", "schema"], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_wheel_ships_the_schema_and_default_house(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    import zipfile

    (wheel,) = tmp_path.glob("jianbao-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/schema/issue.schema.json" in names
    assert "tui/defaults/bulletin.toml" in names
    assert "tui/app/jianbao.tcss" in names

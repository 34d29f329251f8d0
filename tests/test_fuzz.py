"""Bounded fuzzing of every way text comes in: the TOML loader, the text importer, the Word importer.

Whatever the input, the outcome is a result or a JianbaoError (which the CLI
turns into a message and exit 2); never another exception (exit 70).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE_TOML
from tui.files.config import default_house
from tui.files.storage import loads_issue
from tui.importers.docx import import_issue_docx, import_submission
from tui.importers.text import import_text
from tui.model.errors import JianbaoError

HOUSE = default_house()
SAMPLE = SAMPLE_TOML.read_text(encoding="utf-8")
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TOML_BITS = [
    "[",
    "]",
    "[[",
    "=",
    '"',
    "'''",
    '"""',
    "\n",
    "#",
    "\\",
    "1e999",
    "9" * 5000,
    "{",
    "}",
    ",",
    "\x00",
]


def _mutate(text: str, rng: random.Random, bits: list[str], times: int) -> str:
    for _ in range(times):
        at = rng.randrange(len(text) + 1)
        op = rng.choice(["insert", "cut", "swap"])
        if op == "insert":
            text = text[:at] + rng.choice(bits) + text[at:]
        elif op == "cut":
            text = text[:at] + text[at + rng.randrange(1, 80) :]
        else:
            other = rng.randrange(len(text) + 1)
            a, b = sorted((at, other))
            text = text[:a] + text[b : b + 20] + text[a + 20 : b] + text[a : a + 20] + text[b + 20 :]
    return text


@FUZZ
@given(st.integers(0, 2**32 - 1), st.integers(1, 6))
def test_the_toml_loader_gives_an_issue_or_a_load_error(seed: int, times: int) -> None:
    text = _mutate(SAMPLE, random.Random(seed), TOML_BITS, times)
    try:
        loads_issue(text, "fuzz.toml")
    except JianbaoError as exc:
        assert "fuzz.toml" in exc.render("zh")


@FUZZ
@given(st.text(max_size=400))
def test_the_text_importer_takes_any_text(text: str) -> None:
    import_text(text, HOUSE)


@FUZZ
@given(st.integers(0, 2**32 - 1), st.integers(1, 6))
def test_the_text_importer_takes_any_damaged_bulletin(sample_text: str, seed: int, times: int) -> None:
    bits = [
        "【",
        "】",
        "目 录",
        "送：",
        "本期责任编辑：",
        "（",
        "）",
        "\n",
        "第 1 期(总第 2 期)",
        "3 则",
        "— 3 —",
    ]
    import_text(_mutate(sample_text, random.Random(seed), bits, times), HOUSE)


def _docx_parts() -> dict[str, bytes]:
    document = docx.Document()
    document.add_paragraph("富阳区：标题", style="Title")
    document.add_paragraph("正文。", style="List Number")
    document.add_paragraph("（富阳区人大常委会办公室　李　明）")
    buffer = io.BytesIO()
    document.save(buffer)
    archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    return {info.filename: archive.read(info.filename) for info in archive.infolist()}


PARTS = _docx_parts()
XML_BITS = [b"<", b">", b"&", b'"', b"<w:p>", b"</w:body>", b"<w:ins>", b"<w:numPr>", b"\x00", b"\xff"]


@FUZZ
@given(st.integers(0, 2**32 - 1))
def test_the_word_importer_gives_an_article_or_a_load_error(tmp_path: Path, seed: int) -> None:
    """Parts of a real .docx damaged (XML broken, bytes changed) or the zip itself damaged."""
    rng = random.Random(seed)
    parts = dict(PARTS)
    name = rng.choice(sorted(parts))
    data = bytearray(parts[name])
    for _ in range(rng.randrange(1, 6)):
        if not data:
            break
        at = rng.randrange(len(data))
        op = rng.choice(["flip", "cut", "insert"])
        if op == "flip":
            data[at] ^= 1 << rng.randrange(8)
        elif op == "cut":
            del data[at : at + rng.randrange(1, 40)]
        else:
            data[at:at] = rng.choice(XML_BITS)
    parts[name] = bytes(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for part, content in parts.items():
            target.writestr(part, content)
    package = bytearray(out.getvalue())
    if rng.random() < 0.3:  # the zip's own bytes
        package[rng.randrange(len(package))] ^= 0xFF
    path = tmp_path / "fuzz.docx"
    path.write_bytes(bytes(package))
    for importer in (import_submission, import_issue_docx):
        try:
            importer(path, HOUSE)
        except JianbaoError as exc:
            assert "fuzz.docx" in exc.render("zh")

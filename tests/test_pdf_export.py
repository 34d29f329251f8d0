"""`jianbao export --to pdf`: the proof typeset by Typst, measured with pypdf as a typesetter would.

Where no Chinese font is installed (a bare CI machine) the measuring tests
skip, saying so; the refusal without a Chinese font is tested everywhere.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from conftest import run_cli
from tui.exporters import docx_style as S
from tui.exporters import pdf
from tui.files.config import load_house
from tui.files.storage import load_issue
from tui.model.errors import JianbaoError

MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM


def _has_cjk_font() -> bool:
    available = pdf._available()
    return any(pdf.choose(name, pdf.SERIF, available) for name in ("仿宋_GB2312",))


needs_cjk = pytest.mark.skipif(not _has_cjk_font(), reason="no Chinese font installed: nothing to measure")


def _lines(data: bytes) -> list[list[tuple[float, float, float, str]]]:
    """Per page, each text piece as (top-down baseline mm, x pt, font size, text)."""
    from pypdf import PdfReader

    pages: list[list[tuple[float, float, float, str]]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            pages[-1].append(((PAGE_HEIGHT - cm[5]) / MM, cm[4], size, text))

    for page in PdfReader(io.BytesIO(data)).pages:
        pages.append([])
        page.extract_text(visitor_text=visit)
    return pages


def _places(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2E80 and c not in "“”‘’—…·" else 1 for c in text)


@pytest.fixture(scope="module")
def proof(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from conftest import DATA

    issue = load_issue(DATA / "issues" / "2025-12.toml")
    return pdf.render_pdf(issue, load_house(DATA / "issues").style).data


def _rows(page: list[tuple[float, float, float, str]]) -> dict[float, list[tuple[float, float, str]]]:
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for y, x, size, text in page:
        rows.setdefault(round(y, 1), []).append((x, size, text))
    return rows


@needs_cjk
def test_28_characters_a_line_and_22_lines_a_page(proof: bytes) -> None:
    pages = _lines(proof)
    widest = 0.0
    full_pages = 0
    for page in pages[1:]:
        rows = _rows(page)
        body = [r for y, r in rows.items() if y < 37 + 225 and all(size == 16 for _, size, _ in r)]
        for row in body:
            text = "".join(t for _, _, t in sorted(row))
            if all(ord(c) >= 0x2E80 or c in "“”‘’—…·" for c in text):  # full-width characters only
                widest = max(widest, _places(text))
        slots = [y for y in rows if y < 37 + 225]
        assert len(slots) <= 22
        full_pages += len(slots) == 22
    assert widest == 28  # a full body line: 28 characters, not 27 (nor 29 with squeezed punctuation)
    assert full_pages >= 1  # a page of body text only: 22 lines


@needs_cjk
def test_the_text_block_and_the_page_number_sit_where_gb_t_9704_puts_them(proof: bytes) -> None:
    page = _lines(proof)[2]
    rows = _rows(page)
    body = sorted(y for y, r in rows.items() if all(size == 16 for _, size, _ in r) and y < 262)
    first_top = body[0] - 0.8 * 16 / MM  # the line's box starts 0.8 em above its baseline
    assert abs(first_top - S.TOP_MM) < 1
    pitch = S.LINE_PITCH_PT / MM
    if len(body) == 22:
        last_bottom = body[-1] + (S.LINE_PITCH_PT - 0.8 * 16) / MM
        assert abs(last_bottom - (S.TOP_MM + S.BLOCK_HEIGHT_MM)) < 1
    steps = [(b - a) / pitch for a, b in itertools.pairwise(body)]
    assert all(abs(step - round(step)) < 0.01 for step in steps)  # every line on the grid
    left = min(x for y, r in rows.items() for x, _, _ in r if y < 262) / MM
    assert abs(left - S.LEFT_MM) < 1
    number = max(rows)  # the lowest line: the page number
    top_of_number = number - 0.8 * 14 / MM
    assert abs(top_of_number - (S.TOP_MM + S.BLOCK_HEIGHT_MM) - S.PAGE_NUMBER_GAP_MM) < 1
    assert "".join(t for _, _, t in sorted(rows[number])).replace("\u3000", "").replace(" ", "") == "—3—"


@needs_cjk
def test_no_title_ends_a_page_and_the_end_block_is_at_the_foot(proof: bytes) -> None:
    pages = _lines(proof)
    for page in pages[1:]:
        rows = _rows(page)
        text_rows = [y for y in sorted(rows) if y < 262]
        if not text_rows:
            continue
        last = rows[text_rows[-1]]
        assert not all(size == 22 for _, size, _ in last), "a title is the last line of a page"
    last_page = _rows(pages[-1])
    phone = next(y for y, r in last_page.items() if any("电话" in t for _, _, t in r))
    assert phone > 240  # at the foot of the text block


def test_without_a_chinese_font_the_export_is_refused_saying_what_to_install(
    sample_toml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "_available", lambda: {"dejavu serif"})
    with pytest.raises(JianbaoError) as info:
        pdf.render_pdf(load_issue(sample_toml), load_house(sample_toml.parent).style)
    assert "没有可用的中文字体" in str(info.value) and "仿宋_GB2312" in str(info.value)


def test_a_missing_house_font_is_replaced_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    available = {"noto serif cjk sc", "noto sans cjk sc", "dejavu serif"}
    assert pdf.choose("仿宋_GB2312", pdf.SERIF, available) == "Noto Serif CJK SC"
    assert pdf.choose("黑体", pdf.SANS, available | {"simhei"}) == "SimHei"  # the Word substitute first
    assert pdf.choose("FangSong", pdf.SERIF, {"fangsong"}) == "FangSong"


@needs_cjk
def test_cli_writes_the_pdf_beside_the_issue_and_names_substitutes(sample_toml: Path) -> None:
    r = run_cli("export", str(sample_toml), "--to", "pdf")
    assert r.returncode == 0, r.stderr
    out = sample_toml.with_suffix(".pdf")
    assert r.stdout.strip() == str(out) and out.read_bytes()[:5] == b"%PDF-"
    if "未安装" in r.stderr:  # the house fonts are rarely on a Linux machine
        assert "改用" in r.stderr and str(out) in r.stderr


def test_text_reaches_typst_only_as_strings(sample_toml: Path) -> None:
    """An article holding Typst markup (#, *, $, [ ]) is printed as it is, never run."""
    issue = load_issue(sample_toml)
    issue.articles[0].paragraphs[0] = '#set page(paper: "a5") *粗体* $x$ [链接] \\ "引号"'
    source = pdf.typst_source(
        issue,
        load_house(sample_toml.parent).style,
        dict.fromkeys(("body", "title", "heading", "masthead", "number", "latin"), "Noto Serif CJK SC"),
    )
    assert '#body("#set page(paper: \\"a5\\") *粗体* $x$ [链接] \\\\ \\"引号\\"", keep: false)' in source


@needs_cjk
def test_a_run_of_digits_longer_than_a_line_breaks_inside_the_text_block() -> None:
    """Typst breaks a Latin run only where its letters allow: 120 digits in a row ran past the right margin."""
    import re

    from conftest import DATA

    issue = load_issue(DATA / "issues" / "2025-12.toml")
    issue.articles[0].paragraphs[0] = "编号" + "0123456789" * 12 + "，电话0571-85100000。"
    data = pdf.render_pdf(issue, load_house(DATA / "issues").style).data
    rows = [  # each line's pieces as extracted (in reading order), without break points and spacing
        "".join(t for _, _, t in row).replace("\u200b", "").replace(" ", "")
        for page in _lines(data)[1:]
        for _, row in sorted(_rows(page).items())
    ]
    assert max(len(run) for row in rows for run in re.findall(r"\d+", row)) <= 56  # 28 places a line
    assert "编号" + "0123456789" * 12 in "".join(rows)  # every digit printed, in order, over the lines
    assert any("0571-85100000" in row for row in rows)  # a phone number keeps together

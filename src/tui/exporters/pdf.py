"""A print-exact PDF proof without Word, typeset by Typst (the ``typst`` package bundles the compiler).

The layout is the Word export's (``docx_style``): A4, the 156 × 225 mm text
block, 22 lines of 28 characters (each line a 28.95 pt slot; the body set
0.25 pt tighter so 28 full-width characters fill the line), balanced titles
kept with their text, bylines kept with the last paragraph, the end block at
the foot of the last page between its rules, ``— N —`` page numbers 7 mm
under the block.  Text reaches Typst only as string literals, so nothing in
an article can be read as Typst markup.

Fonts are the house's (bulletin.toml ``[fonts]``); a family that is not
installed is replaced by the first available of its fallbacks, and the
export says which (``PdfResult.substitutions``).  With no Chinese font at all
the export is refused, naming what to install: a proof of empty boxes is
worse than none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from tui.exporters import docx_style as S
from tui.exporters.text import masthead_lines
from tui.model import Issue
from tui.model.bylines import render_byline
from tui.model.errors import JianbaoError
from tui.model.house import Style
from tui.model.i18n import Text
from tui.model.titlebreak import title_lines

# Fallbacks after the house family and its Word substitute, by the kind of face a role needs.
SERIF = ("FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif CJK TC")
SONG = ("SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC")
SANS = ("SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans CJK TC")
LATIN = ("Times New Roman", "Liberation Serif", "TeX Gyre Termes", "DejaVu Serif", "Libertinus Serif")
CJK_HINTS = ("CJK", "Han", "Song", "Hei", "Fang", "Kai", "宋", "黑", "仿", "楷")


@dataclass
class PdfResult:
    data: bytes
    substitutions: list[Text] = field(default_factory=list)  # 仿宋_GB2312 未安装，改用 Noto Serif CJK SC


def _available() -> set[str]:
    import typst

    return {name.casefold() for name in typst.Fonts().families()}


def choose(family: str, fallbacks: tuple[str, ...], available: set[str]) -> str | None:
    """The house family if installed, else its Word substitute, else the first fallback installed."""
    for name in (family, S.FALLBACKS.get(family, ""), *fallbacks):
        if name and name.casefold() in available:
            return name
    return None


def _fonts(style: Style, available: set[str]) -> tuple[dict[str, str], list[Text]]:
    f = style.fonts
    wanted = {
        "body": (f.body, SERIF),
        "title": (f.title, SONG + SERIF),
        "heading": (f.heading, SANS + SERIF),
        "masthead": (f.masthead, SONG + SERIF),
        "number": (f.page_number, SONG + SERIF),
        "latin": (f.latin, LATIN),
    }
    chosen: dict[str, str] = {}
    notes: list[Text] = []
    for role, (family, fallbacks) in wanted.items():
        name = choose(family, fallbacks, available)
        if name is None and role != "latin":
            raise JianbaoError(
                Text(
                    f"没有可用的中文字体（{family} 及其替代字体都未安装）：请安装该字体或 Noto Serif CJK / Noto Sans CJK 后再导出 PDF",
                    f"no Chinese font is installed ({family} nor any substitute): install it, or Noto Serif CJK / Noto Sans CJK, to export a PDF",
                ),
                field=f"fonts.{role}",
            )
        chosen[role] = name or "New Computer Modern"  # Typst's own Latin face
        if name != family:
            used = chosen[role]
            notes.append(
                Text(f"{family} 未安装，改用 {used}", f"{family} is not installed; {used} is used instead")
            )
    return chosen, list({n.zh: n for n in notes}.values())


def _s(text: str) -> str:
    """A Typst string literal (JSON's escapes are Typst's, and \\u{…} is not needed for CJK)."""
    return json.dumps(text, ensure_ascii=False)


TEMPLATE = r"""
#let pitch = {pitch}pt
// The Latin face sets Latin letters and digits only ("latin-in-cjk"): “”‘’—… take the Chinese one.
#let latin = (name: {f_latin}, covers: "latin-in-cjk")
#let fonts = (body: (latin, {f_body}), title: (latin, {f_title}), heading: (latin, {f_heading}),
  masthead: (latin, {f_masthead}), number: (latin, {f_number}))
#set document(title: {doc_title}, author: {author})
#set page(
  paper: "a4",
  margin: (top: {top}mm, bottom: {bottom}mm, left: {left}mm, right: {right}mm),
  footer-descent: {number_gap}mm,
  footer: context {{
    let n = counter(page).get().first()
    set text(font: fonts.number, size: 14pt, tracking: 0pt, top-edge: 0.8em, bottom-edge: -0.2em)
    if calc.odd(n) {{ align(right, pad(right: 1em)[— #n —]) }} else {{ align(left, pad(left: 1em)[— #n —]) }}
  }},
)
// Each body line is a 28.95 pt slot: a 16 pt box and the rest as leading; paragraphs keep the rhythm.
#set text(font: fonts.body, size: 16pt, lang: "zh", region: "cn", tracking: {tracking}pt,
  top-edge: 0.8em, bottom-edge: -0.2em, costs: (widow: 100%, orphan: 100%))
#set par(leading: pitch - 16pt, spacing: pitch - 16pt, justify: {justify}, first-line-indent: (amount: 2em, all: true))
#set block(spacing: pitch - 16pt)
// A run of Latin letters, digits and signs too long for a line (a file number, a path) may break
// anywhere: Typst breaks a run only where its letters allow, and such a run ran into the margin.
// Shorter runs (a date, a phone number) keep together and go to the next line whole.
#show regex("[!-~]{{{long_run},}}"): it => it.text.clusters().join("\u{{200B}}")

#let heading-line(name) = block(sticky: true, par(first-line-indent: 0pt,
  text(font: fonts.heading, "【" + name + "】")))
#let title(lines) = block(sticky: true, above: pitch + pitch - 22pt, below: pitch - 16pt, {{
  set par(first-line-indent: 0pt, justify: false, leading: pitch - 22pt)
  set text(font: fonts.title, size: 22pt, tracking: 0pt)
  align(center, lines.map(l => [#l]).join(linebreak()))
}})
#let body(text-of, keep: false) = block(sticky: keep, par(text-of))
#let byline(text-of) = block(par(first-line-indent: 0pt, align(right, text-of)))

// The masthead: the name in red, edition, numbers, the unit and the date, the red rule 4 mm below.
#align(center, text(font: fonts.masthead, size: 42pt, fill: rgb("#E60012"), top-edge: "ascender",
  bottom-edge: "descender", tracking: 0pt, {name}))
#align(center, text({edition}))
#align(center, text({numbers}))
#block(par(first-line-indent: 0pt, [#{unit} #h(1fr) #{date}]))
#v({rule_gap}mm - (pitch - 16pt))
#line(length: 100%, stroke: 2.25pt + rgb("#E60012"))

#v(pitch)
#align(center, text(font: fonts.heading, "目　录"))
#grid(columns: (auto, 1fr), column-gutter: 0.5em, row-gutter: pitch - 16pt,
{contents})
#pagebreak()

{body}

// The end block at the foot of the last page (a float: on the next page's foot if it does not fit),
// thick rules first and last, a thin one between.
#place(bottom, float: true, clearance: pitch, block(breakable: false, {{
  set text(size: 14pt, tracking: 0pt)
  set par(first-line-indent: 0pt, justify: false, leading: 0.5em, spacing: 0.5em)
  line(length: 100%, stroke: 1pt)
  pad(left: 1em, par(hanging-indent: 2em, {distribution}))
  line(length: 100%, stroke: 0.75pt)
  pad(left: 1em, {editor})
  pad(left: 1em, {phone})
  line(length: 100%, stroke: 1pt)
}}))
"""


# Half-width characters in a run that may break anywhere: a line holds 56 digits, fewer capitals.
LONG_RUN = 30


def typst_source(issue: Issue, style: Style, fonts: dict[str, str]) -> str:
    """The Typst document of ``issue`` with the chosen families."""
    name, edition, numbers, unit, date = masthead_lines(issue)
    contents: list[str] = []
    for column in issue.columns:
        articles = issue.articles_in(column.name)
        head = _s(f"【{column.name}】")
        if column.kind == "briefs" or not articles:
            tail = _s(f"{len(articles)}则") if column.kind == "briefs" else '""'
            contents.append(f"  text(font: fonts.heading, {head}), par(first-line-indent: 0pt, {tail}),")
            continue
        for n, article in enumerate(articles):
            left = f"text(font: fonts.heading, {head})" if n == 0 else "[]"
            contents.append(f"  {left}, par(first-line-indent: 0pt, {_s(article.title)}),")
    body: list[str] = []
    for printed, articles in issue.in_print_order():
        if printed is not None:
            body.append(f"#heading-line({_s(printed.name)})")
        for article in articles:
            if article.title:
                printed_lines = ", ".join(_s(line) for line in title_lines(article))
                body.append(f"#title(({printed_lines},))")
            for k, paragraph in enumerate(article.paragraphs):
                keep = "true" if article.byline is not None and k == len(article.paragraphs) - 1 else "false"
                body.append(f"#body({_s(paragraph)}, keep: {keep})")
            if article.byline is not None:
                body.append(f"#byline({_s(render_byline(article.byline, style))})")
    e = issue.endblock
    lines = [f"送：{e.distribution[0] if e.distribution else ''}", *e.distribution[1:]]
    distribution = " + linebreak() + ".join(_s(line) for line in lines)
    quoted = {f"f_{k}": _s(v) for k, v in fonts.items()}
    return TEMPLATE.format(
        pitch=S.LINE_PITCH_PT,
        tracking=-0.25,
        long_run=LONG_RUN,
        justify="false",  # Typst squeezes CJK punctuation when it justifies: 29 a line, off the grid
        top=S.TOP_MM,
        bottom=S.BOTTOM_MM,
        left=S.LEFT_MM,
        right=S.RIGHT_MM,
        number_gap=S.PAGE_NUMBER_GAP_MM,
        rule_gap=S.RED_RULE_GAP_MM,
        doc_title=_s(f"{issue.masthead.name} 第{issue.masthead.number}期"),
        author=_s(issue.masthead.unit),
        name=_s(name),
        edition=_s(edition),
        numbers=_s(numbers),
        unit=_s(unit),
        date=_s(date),
        contents="\n".join(contents),
        body="\n".join(body),
        distribution=distribution,
        editor=_s(f"本期责任编辑：{e.editor}"),
        phone=_s(f"电话：{e.phone}"),
        **quoted,
    )


def render_pdf(issue: Issue, style: Style) -> PdfResult:
    """The issue as a PDF, and which house fonts were replaced by which."""
    import typst

    fonts, notes = _fonts(style, _available())
    source = typst_source(issue, style, fonts)
    try:
        data, _warnings = typst.compile_with_warnings(source.encode("utf-8"), format="pdf")
    except typst.TypstError as exc:  # a bug of ours, not of the issue: say so plainly
        raise JianbaoError(Text(f"PDF 排版失败：{exc}", f"typesetting the PDF failed: {exc}")) from None
    assert isinstance(data, bytes)
    return PdfResult(data, notes)

"""The 校对单 as one self-contained web page (no external assets) that prints well on A4.

Tables repeat their header on every printed page and a row never breaks
across pages; the text around a finding shows the offending part marked.
"""

from __future__ import annotations

from html import escape

from tui.exporters.proof import made_line, people, totals_line
from tui.model.findings import MARK_CLOSE, MARK_OPEN
from tui.model.proof_report import ProofReport

CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "FangSong", "STFangsong", "仿宋", "仿宋_GB2312", serif; font-size: 11pt; line-height: 1.5;
       color: #111; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-family: "方正小标宋简体", "SimSun", "Songti SC", serif; font-size: 18pt; text-align: center; margin: .2em 0 .8em; }
h2 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 13pt; margin: 1.2em 0 .4em;
     border-bottom: 1px solid #999; break-after: avoid; }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
dl.about dt { font-family: "SimHei", "黑体", sans-serif; }
dl.about dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #888; padding: .2em .4em; text-align: left; vertical-align: top; }
th { background: #eee; font-family: "SimHei", "黑体", sans-serif; font-weight: normal; }
td.n { text-align: right; white-space: nowrap; }
mark { background: #ffe08a; }
p.none { color: #555; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
""".strip()


def _marked(context: str) -> str:
    """The context with its ⟦span⟧ as <mark>span</mark>, the rest escaped."""
    out, rest = [], context
    while MARK_OPEN in rest and MARK_CLOSE in rest.split(MARK_OPEN, 1)[1]:
        before, after = rest.split(MARK_OPEN, 1)
        span, rest = after.split(MARK_CLOSE, 1)
        out.append(f"{escape(before)}<mark>{escape(span)}</mark>")
    out.append(escape(rest))
    return "".join(out)


def _table(head: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> list[str]:
    """A table whose cells are already HTML."""
    out = [
        "<table>",
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        cells = "".join(
            f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    return out


def render_proof_html(r: ProofReport) -> str:
    h, e = r.heading, escape
    zh = r.lang == "zh"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if zh else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(r.title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{e(r.title)}</h1>",
        '<dl class="about">',
    ]
    about = [*r.masthead, (h("made"), made_line(r)), (h("checked_by"), people(r)), (h("status"), r.status)]
    about.append((h("totals"), totals_line(r)))
    out += [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in about]
    out.append("</dl>")

    def section(
        key: str, n: int, head: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()
    ) -> None:
        title = f"{h(key)}（{n}）" if zh else f"{h(key)} ({n})"
        out.append(f'<section class="{key}"><h2>{e(title)}</h2>')
        out.extend(_table(head, rows, numeric) if rows else [f'<p class="none">{e(h("none"))}</p>'])
        out.append("</section>")

    section(
        "counts",
        len(r.counts),
        [h("rule"), h("severity"), h("open_n"), h("waived_n")],
        [
            [f"{e(c.name)}<br><small>{e(c.rule)}</small>", e(c.severity), str(c.open), str(c.waived)]
            for c in r.counts
        ],
        frozenset({2, 3}),
    )
    section(
        "open",
        len(r.open),
        [h("number"), h("where"), h("rule"), h("message"), h("context"), h("correction")],
        [
            [
                str(o.number),
                e(o.where),
                f"{e(o.name)}（{e(o.severity)}）" if zh else f"{e(o.name)} ({e(o.severity)})",
                e(o.message),
                _marked(o.context),
                e(o.correction),
            ]
            for o in r.open
        ],
        frozenset({0}),
    )
    section(
        "waived",
        len(r.waived),
        [h("number"), h("where"), h("rule"), h("context"), h("reason"), h("by"), h("at")],
        [
            [str(w.number), e(w.where), e(w.name), _marked(w.context), e(w.reason), e(w.by), e(w.at)]
            for w in r.waived
        ],
        frozenset({0}),
    )
    section(
        "comments",
        len(r.comments),
        [h("article"), h("author"), h("text"), h("at"), h("resolved")],
        [[e(c.article), e(c.author), e(c.text), e(c.at), "✓" if c.resolved else ""] for c in r.comments],
    )
    section(
        "signoffs",
        len(r.signoffs),
        [h("role"), h("name"), h("at")],
        [[e(s.role), e(s.name), e(s.at)] for s in r.signoffs],
    )
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"

"""The 校对单 as plain text: for the terminal, e-mail, or a file beside the issue."""

from __future__ import annotations

from tui.exporters.proof import made_line, people, totals_line
from tui.model.proof_report import ProofReport


def render_proof_text(r: ProofReport) -> str:
    zh = r.lang == "zh"
    colon = "：" if zh else ": "
    h = r.heading
    out = [r.title, "=" * 40]
    out.append(h("masthead") + colon + ("；" if zh else "; ").join(f"{k} {v}" for k, v in r.masthead))
    out.append(h("made") + colon + made_line(r))
    out.append(h("checked_by") + colon + people(r))
    out.append(h("status") + colon + r.status)
    out.append(h("totals") + colon + totals_line(r))

    def section(key: str, n: int | None = None) -> None:
        out.append("")
        out.append(h(key) + (f"（{n}）" if zh and n is not None else f" ({n})" if n is not None else ""))
        out.append("-" * 40)

    section("counts")
    for rc in r.counts:
        out.append(
            f"{rc.name}（{rc.rule}） {rc.severity}  {h('open_n')} {rc.open}  {h('waived_n')} {rc.waived}"
        )
    if not r.counts:
        out.append(h("none"))

    section("open", len(r.open))
    for o in r.open:
        out.append(f"{o.number}. {o.where} · {o.severity} · {o.name}")
        out.append(f"   {o.message}")
        if o.context:
            out.append(f"   {h('context')}{colon}{o.context}")
        if o.correction:
            out.append(f"   {h('correction')}{colon}{o.correction}")
    if not r.open:
        out.append(h("none"))

    section("waived", len(r.waived))
    for w in r.waived:
        out.append(f"{w.number}. {w.where} · {w.name}")
        if w.context:
            out.append(f"   {h('context')}{colon}{w.context}")
        out.append(
            f"   {h('reason')}{colon}{w.reason}（{w.by}，{w.at}）"
            if zh
            else f"   {h('reason')}{colon}{w.reason} ({w.by}, {w.at})"
        )
    if not r.waived:
        out.append(h("none"))

    section("comments", len(r.comments))
    for c in r.comments:
        done = f"〔{h('resolved')}〕" if zh and c.resolved else f" [{h('resolved')}]" if c.resolved else ""
        out.append(
            f"{c.article} {c.author}（{c.at}）{colon}{c.text}{done}"
            if zh
            else f"{c.article} {c.author} ({c.at}){colon}{c.text}{done}"
        )
    if not r.comments:
        out.append(h("none"))

    section("signoffs", len(r.signoffs))
    for s in r.signoffs:
        out.append(f"{s.role} {s.name} {s.at}")
    if not r.signoffs:
        out.append(h("none"))
    return "\n".join(out) + "\n"

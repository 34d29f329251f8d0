"""jianbao's performance budgets, each a ratio against a baseline measured in the same run.

    make bench                      # prints the table
    python bench/run.py --write     # also records it in docs/performance.md

Medians of >= 5 runs after a warm-up.  Peak RSS comes from the OS
(getrusage of a child process).  See docs/performance.md for the budgets.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from synth import make_article, make_issue  # noqa: E402

RUNS = 7
PY = sys.executable


@dataclass
class Row:
    budget: str
    measured: str
    target: str
    ok: bool


def median_time(func: Callable[[], object], runs: int = RUNS) -> float:
    func()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_times(*funcs: Callable[[], object], runs: int = RUNS) -> list[float]:
    """Median seconds of each function, run in turns (A B A B …) after one warm-up of each.

    The in-process twin of :func:`measure_pair`: a ratio of two medians taken
    one loop after the other catches different weather on a shared machine
    (a noisy neighbour during one loop only), run in turns both sides share it.
    """
    for func in funcs:
        func()
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(runs):
        for func, spent in zip(funcs, times, strict=True):
            start = time.perf_counter()
            func()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def _run_once(cmd: list[str], env: dict[str, str] | None) -> dict[str, float]:
    out = subprocess.run(
        [PY, str(ROOT / "bench" / "measure.py"), *cmd], capture_output=True, text=True, env=env, check=True
    )
    return dict(json.loads(out.stdout))


def measure_pair(
    a: list[str], b: list[str], runs: int = RUNS, env: dict[str, str] | None = None
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median wall seconds and peak RSS (KB) of two commands, run alternately: A B A B …

    Each run is a fresh process, after one warm-up of each.  Run in turns,
    a noisy neighbour or a drifting clock slows both sides alike, so the
    ratio holds where two separate loops would each catch different weather.
    """
    _run_once(a, env), _run_once(b, env)
    results: tuple[list[dict[str, float]], list[dict[str, float]]] = ([], [])
    for _ in range(runs):
        results[0].append(_run_once(a, env))
        results[1].append(_run_once(b, env))
    return (
        (
            statistics.median(r["wall"] for r in results[0]),
            statistics.median(r["rss_kb"] for r in results[0]),
        ),
        (
            statistics.median(r["wall"] for r in results[1]),
            statistics.median(r["rss_kb"] for r in results[1]),
        ),
    )


def write_issues(folder: Path) -> dict[int, Path]:
    from tui.files import codec

    paths = {}
    for n in (10, 50, 100, 300):
        issue_dir = folder / f"n{n}"
        issue_dir.mkdir()
        paths[n] = issue_dir / "issue.toml"
        paths[n].write_text(codec.dumps(make_issue(n)), encoding="utf-8")
    return paths


def write_archive(folder: Path, count: int) -> Path:
    """An archive of ``count`` small issues, one a fortnight from 1990 on, numbered in sequence."""
    import datetime as dt

    from tui.files import codec

    if folder.exists():  # a step measured again reuses what it wrote
        return folder
    folder.mkdir()
    issue = make_issue(3)
    for k in range(count):
        m = issue.masthead
        m.date = dt.date(1990, 1, 5) + dt.timedelta(days=14 * k)
        m.number, m.cumulative = k % 24 + 1, k + 1
        (folder / f"{k:04d}.toml").write_text(codec.dumps(issue), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- the budgets


def startup(paths: dict[int, Path], sample: Path, env: dict[str, str]) -> list[Row]:
    rows = []
    script = str(ROOT / "bench" / "startup.py")
    for label, path, limit in (("sample", sample, 1.2), ("300 articles", paths[300], 1.5)):
        (bare_wall, bare_rss), (jb_wall, jb_rss) = measure_pair(
            [PY, script, "bare", str(path)], [PY, script, "jianbao", str(path)], env=env
        )
        w, r = jb_wall / bare_wall, jb_rss / bare_rss
        rows.append(
            Row(
                f"1. start-up, {label}: wall vs bare Textual app",
                f"{w:.2f}× ({jb_wall * 1000:.0f} / {bare_wall * 1000:.0f} ms)",
                f"≤ {limit}×",
                w <= limit,
            )
        )
        rss_limit = 1.3 if label == "sample" else None
        rows.append(
            Row(
                f"1. start-up, {label}: peak RSS vs bare app",
                f"{r:.2f}× ({jb_rss / 1024:.1f} / {bare_rss / 1024:.1f} MB)",
                f"≤ {rss_limit}×" if rss_limit else "(reported)",
                rss_limit is None or r <= rss_limit,
            )
        )
        # The editor paints first and checks after; this is the time until the findings show.
        _, (ck_wall, ck_rss) = measure_pair(
            [PY, script, "bare", str(path)], [PY, script, "jianbao-checked", str(path)], runs=3, env=env
        )
        rows.append(
            Row(
                f"1. start-up, {label}, until the first check's findings show: wall and peak RSS vs bare app",
                f"{ck_wall / bare_wall:.2f}× ({ck_wall * 1000:.0f} ms), {ck_rss / bare_rss:.2f}× ({ck_rss / 1024:.1f} MB)",
                "(reported)",
                True,
            )
        )
    return rows


def headless_check(sample: Path, env: dict[str, str]) -> list[Row]:
    """``check`` on the sample: a full check (``--no-cache``), and the same run again (answered from the cache)."""
    floor = [PY, "-c", "import tomllib"]
    (base, _), (check, _) = measure_pair(
        floor, [PY, "-m", "tui", "check", "--no-cache", str(sample)], env=env
    )
    (base2, _), (again, _) = measure_pair(floor, [PY, "-m", "tui", "check", str(sample)], env=env)
    ratio, ratio2 = check / base, again / base2
    code = "import sys; from tui.cli.main import main; main(['check', '--no-cache', sys.argv[1]]); print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m == 'rich.live'))"
    leaked = (
        subprocess.run([PY, "-c", code, str(sample)], capture_output=True, text=True, env=env)
        .stdout.strip()
        .splitlines()[-1]
    )
    return [
        Row(
            "2. jianbao check (sample), a full check (--no-cache) vs python -c 'import tomllib'",
            f"{ratio:.2f}× ({check * 1000:.0f} / {base * 1000:.0f} ms)",
            "≤ 3×",
            ratio <= 3,
        ),
        Row(
            "2. jianbao check (sample) run again, nothing changed (the cache) vs python -c 'import tomllib'",
            f"{ratio2:.2f}× ({again * 1000:.0f} / {base2 * 1000:.0f} ms)",
            "≤ 3×",
            ratio2 <= 3,
        ),
        Row(
            "2. jianbao check imports textual or rich.live",
            "no" if leaked == "[]" else leaked,
            "no",
            leaked == "[]",
        ),
    ]


def archive_size(folder: Path, sample: Path, env: dict[str, str]) -> list[Row]:
    """``check`` against a large archive, and of many files of one archive (the index at work)."""
    big = write_archive(folder / "archive-1000", 1000)
    one = write_archive(folder / "archive-1", 1)
    empty = folder / "archive-0"
    empty.mkdir(exist_ok=True)
    (with_big, _), (with_one, _) = measure_pair(
        [PY, "-m", "tui", "check", "--no-cache", str(sample), "--archive", str(big)],
        [PY, "-m", "tui", "check", "--no-cache", str(sample), "--archive", str(one)],
        env=env,
    )
    many = write_archive(folder / "archive-100", 100)
    files = [str(p) for p in sorted(many.glob("*.toml"))]
    (all_in, _), (all_out, _) = measure_pair(
        [PY, "-m", "tui", "check", "--no-cache", *files],
        [PY, "-m", "tui", "check", "--no-cache", *files, "--archive", str(empty)],
        runs=5,
        env=env,
    )
    r1, r2 = with_big / with_one, all_in / all_out
    return [
        Row(
            "7. check (sample) with a 1,000-issue archive vs a 1-issue archive",
            f"{r1:.2f}× ({with_big * 1000:.0f} / {with_one * 1000:.0f} ms)",
            "≤ 1.2×",
            r1 <= 1.2,
        ),
        Row(
            "7. check of all 100 issues of an archive vs the same files against an empty archive",
            f"{r2:.2f}× ({all_in * 1000:.0f} / {all_out * 1000:.0f} ms)",
            "≤ 1.5×",
            r2 <= 1.5,
        ),
    ]


def archive_startup(folder: Path, sample: Path, env: dict[str, str]) -> list[Row]:
    """``new`` and the editor with a 1,000-issue archive vs an empty one (the index warm, as after any start)."""
    big = write_archive(folder / "archive-1000", 1000)
    empty = folder / "archive-empty"
    empty.mkdir(exist_ok=True)
    rows = []
    new = [PY, str(ROOT / "bench" / "new_issue.py")]
    (with_big, _), (with_empty, _) = measure_pair([*new, str(big)], [*new, str(empty)], env=env)
    r = with_big / with_empty
    rows.append(
        Row(
            "7. jianbao new with a 1,000-issue archive vs an empty one",
            f"{r:.2f}× ({with_big * 1000:.0f} / {with_empty * 1000:.0f} ms)",
            "≤ 1.1×",
            r <= 1.1,
        )
    )
    script = [PY, str(ROOT / "bench" / "startup.py")]
    for kind, what in (("jianbao", "first paint"), ("jianbao-checked", "the first check's findings shown")):
        (with_big, _), (with_empty, _) = measure_pair(
            [*script, kind, str(sample), str(big)], [*script, kind, str(sample), str(empty)], env=env
        )
        r = with_big / with_empty
        rows.append(
            Row(
                f"7. editor start-up ({what}) with a 1,000-issue archive vs an empty one",
                f"{r:.2f}× ({with_big * 1000:.0f} / {with_empty * 1000:.0f} ms)",
                "≤ 1.1×",
                r <= 1.1,
            )
        )
    return rows


def docx_export() -> list[Row]:
    """The .docx exporter grows with the issue, not with its square."""
    from tui.exporters import render
    from tui.files.config import default_house

    style = default_house().style
    small, large = make_issue(300), make_issue(3000)
    t_small, t_large = median_times(
        lambda: render(small, style, "docx"), lambda: render(large, style, "docx"), runs=3
    )
    ratio = t_large / t_small
    return [
        Row(
            "8. .docx export, 3,000 vs 300 articles",
            f"{ratio:.2f}× ({t_large * 1000:.0f} / {t_small * 1000:.0f} ms)",
            "≤ 12×",
            ratio <= 12,
        )
    ]


def archive_tools(folder: Path) -> list[Row]:
    """The archive as a tool: the search index against reading the files it indexes, a query, a diff."""
    import copy
    import random

    from synth import make_archive

    from tui.files import codec
    from tui.files.search_index import SearchIndex
    from tui.files.storage import load_issue
    from tui.model.changes import compare

    archive = folder / "search500"
    files = sorted(archive.glob("*.toml")) if archive.exists() else make_archive(archive, 500, 9, chars=700)
    db = folder / "search500.sqlite"

    def build() -> None:
        db.unlink(missing_ok=True)
        index = SearchIndex(archive, db)
        index.update()
        index.close()

    t_read, t_build = median_times(lambda: [load_issue(p) for p in files], build, runs=3)
    index = SearchIndex(archive, db)

    def query(text: str) -> None:
        index.update()  # as every `jianbao search` does: stat the files, read none
        index.search(text)

    t_long = median_time(lambda: query("代表联络站"))
    t_short = median_time(lambda: query("人大"))
    index.close()
    old = make_issue(300)
    new = copy.deepcopy(old)
    rng = random.Random(5)
    for a in rng.sample(new.articles, 30):
        k = rng.randrange(len(a.paragraphs))
        a.paragraphs[k] = a.paragraphs[k].replace("，", "，进一步", 1)
    new.articles.insert(10, new.articles.pop(200))
    old_text, new_text = codec.dumps(old), codec.dumps(new)
    t_load, t_diff = median_times(
        lambda: (codec.loads(old_text), codec.loads(new_text)), lambda: compare(old, new), runs=3
    )
    return [
        Row(
            "10. search index of 500 issues vs reading them",
            f"{t_build / t_read:.2f}× ({t_build * 1000:.0f} / {t_read * 1000:.0f} ms)",
            "≤ 2×",
            t_build / t_read <= 2,
        ),
        Row(
            "11. search query, 500 issues (up-to-date check included)",
            f"{t_long * 1000:.0f} ms (代表联络站), {t_short * 1000:.0f} ms (人大)",
            "≤ 50 ms",
            max(t_long, t_short) <= 0.05,
        ),
        Row(
            "12. diff of two 300-article issues vs loading them",
            f"{t_diff / t_load:.2f}× ({t_diff * 1000:.0f} / {t_load * 1000:.0f} ms)",
            "≤ 1×",
            t_diff / t_load <= 1,
        ),
    ]


def throughput(paths: dict[int, Path]) -> list[Row]:
    import autocorrect_py

    from tui.checks.rules import check_issue
    from tui.checks.rules.autocorrect import LINT_CACHE, _engine
    from tui.files.config import default_house
    from tui.files.storage import load_issue

    house = default_house()
    _engine()
    issues = {n: load_issue(paths[n]) for n in (100, 300)}
    segments = [s for a in issues[300].articles for s in (a.title, *a.paragraphs) if s]
    # Cold: the lint cache (texts already linted) is emptied before each run.
    lint, full100, full300 = median_times(
        lambda: [autocorrect_py.lint_for(s, "text") for s in segments],
        lambda: (LINT_CACHE.clear(), check_issue(issues[100], house)),
        lambda: (LINT_CACHE.clear(), check_issue(issues[300], house)),
        runs=5,
    )
    full = {100: full100, 300: full300}
    ratio, growth = full[300] / lint, full[300] / full[100]
    chars = sum(a.char_count for a in issues[300].articles)
    return [
        Row(
            f"3. full check, 300 articles ({chars:,} chars) vs autocorrect lint_for alone",
            f"{ratio:.2f}× ({full[300] * 1000:.0f} / {lint * 1000:.0f} ms)",
            "≤ 2×",
            ratio <= 2,
        ),
        Row("3. full check, 300 vs 100 articles", f"{growth:.2f}×", "≤ 3.3×", growth <= 3.3),
    ]


def live_recheck(paths: dict[int, Path]) -> list[Row]:
    from tui.checks.rules import check_article, check_cross
    from tui.files.config import default_house
    from tui.files.storage import load_issue

    house = default_house()
    issue = load_issue(paths[300])
    article = issue.articles[42]

    def keystroke_then_check() -> None:
        article.paragraphs = [*article.paragraphs[:-1], article.paragraphs[-1] + "字"]
        check_article(issue, 42, house)
        check_cross(issue, house)

    t = median_time(keystroke_then_check, 21)
    return [
        Row(
            "4. re-check after a keystroke, 300 articles (article + cross rules)",
            f"{t * 1000:.2f} ms",
            "≤ 10 ms",
            t <= 0.010,
        )
    ]


async def _visible_refresh(path: Path) -> float:
    """Median time from an article's new findings to the checks pane and outline repainted."""
    from tui.app.app import JianbaoApp
    from tui.app.main_screen import MainScreen

    app = JianbaoApp(path)
    times = []
    async with app.run_test(size=(140, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if isinstance(app.screen, MainScreen) and app.screen.session.checked:
                break
        screen = app.screen
        assert isinstance(screen, MainScreen)
        session = screen.session
        for _ in range(8):
            article = session.issue.articles[5]
            article.paragraphs[0] += "好,"  # one more finding in article 5, as typing would make
            session.checker.revalidate(session.issue, 5)
            start = time.perf_counter()
            screen.refresh_findings()
            await pilot.pause()  # the repaint
            times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def visible_refresh(folder: Path) -> list[Row]:
    """What the user waits for after the rules ran: the checks pane and the outline (budget 9)."""
    from tui.files import codec

    rows = []
    for n, limit in ((300, 0.050), (3000, 0.150)):
        path = folder / f"visible-{n}.toml"
        path.write_text(codec.dumps(make_issue(n)), encoding="utf-8")
        t = asyncio.run(_visible_refresh(path))
        rows.append(
            Row(
                f"9. checks pane and outline refreshed after a re-check, {n:,} articles (one repaint)",
                f"{t * 1000:.0f} ms",
                f"≤ {limit * 1000:.0f} ms",
                t <= limit,
            )
        )
    return rows


def _outline_app(path: Path, bare: bool) -> Any:
    """The editor on ``path``, or the start-up baseline's widgets with a tree of its columns and articles."""
    from startup import Bare
    from textual.widgets import Tree

    class BareTree(Bare):
        """The start-up baseline's widgets, its tree holding the columns and their articles; it stays open.

        (Textual runs every class's ``on_mount``: overriding it here once left the
        baseline's own, which exits after the first paint, so the keys went to
        an app that had gone and the baseline measured only Pilot's waiting.)
        """

        exit_after_first_paint = False

        def fill_tree(self, tree: Tree[None]) -> None:
            tree.show_root = False
            nodes = {c["name"]: tree.root.add(c["name"], expand=True) for c in self.data["columns"]}
            for a in self.data["articles"]:
                nodes[a["column"]].add_leaf(a["title"] or a["paragraphs"][0][:12])

    if bare:
        return BareTree(path)
    from tui.app.app import JianbaoApp
    from tui.files.recovery import discard_found, find_pending

    # Each run opens the file as saved: the edits of an earlier run are not, and the
    # recovery file its autosave may have left would have the editor ask first.
    for found in find_pending(path):
        discard_found(found)
    app = JianbaoApp(path, blink=False)
    app.owns_process = True  # as run() sets it: the checked issue is frozen out of the collector's walks
    return app


async def _ready_tree(app: Any, pilot: Any, bare: bool) -> Any:
    """The app's tree, focused, a few lines down, once the editor's first check has landed."""
    from textual.widgets import Tree

    from tui.app.main_screen import MainScreen

    for _ in range(1200):
        await pilot.pause(0.05)
        screen = app.screen
        if bare or (isinstance(screen, MainScreen) and screen.session.checked):
            break
    tree = app.screen.query_one(Tree)
    tree.focus()
    for _ in range(3):
        await pilot.press("down")
    await pilot.pause(0.3)
    return tree


async def _outline_keys(path: Path, keys: tuple[str, ...], bare: bool) -> float:
    """Median time from a key in the outline to the screen repainted (Pilot: press, then one pause)."""
    app = _outline_app(path, bare)
    times = []
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready_tree(app, pilot, bare)
        for k in range(9):
            key = keys[k % len(keys)]
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            await pilot.pause(0.1)
    gc.unfreeze()  # the next measurement starts as this one did
    return statistics.median(times[1:])


HELD = 30  # ↓ keys at a terminal's key-repeat rate
REPEAT = 1 / 30


async def _held_down(path: Path, bare: bool) -> float:
    """Median time from the first of HELD ↓ keys (sent at the key-repeat rate) until the cursor has
    reached the last line and, in the editor, the editor pane shows that node: holding ↓ in the outline."""
    app = _outline_app(path, bare)
    times = []
    async with app.run_test(size=(140, 40)) as pilot:
        tree = await _ready_tree(app, pilot, bare)

        def arrived(line: int) -> bool:
            if tree.cursor_line != line:
                return False
            return bare or (app.screen.node == tree.cursor_node.data and app.screen.panes_ready)

        for _ in range(4):
            target = tree.cursor_line + HELD
            start = time.perf_counter()
            for _ in range(HELD):
                app.simulate_key("down")
                await asyncio.sleep(REPEAT)
            while not arrived(target):
                await asyncio.sleep(0.002)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            await pilot.pause(0.3)
    gc.unfreeze()
    return statistics.median(times)


async def _stalls(path: Path) -> dict[str, float]:
    """The longest the editor's event loop stalls (a 1 ms heartbeat) from a structural edit's key
    until its findings are shown, medians of four: delete the first article, undo that, move one."""
    app = _outline_app(path, bare=False)
    stalls: dict[str, list[float]] = {"delete": [], "undo": [], "move": []}
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready_tree(app, pilot, bare=False)
        screen = app.screen
        gaps: list[float] = []
        beating = True

        async def heartbeat() -> None:
            last = time.perf_counter()
            while beating:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        beat = asyncio.create_task(heartbeat())

        async def stall(label: str, *keys: str) -> None:
            await pilot.pause(0.3)
            gaps.clear()
            await pilot.press(*keys)
            await pilot.pause()
            while not screen.session.checked or screen.session.settling:
                await asyncio.sleep(0.005)
            await pilot.pause(0.3)
            stalls[label].append(max(gaps))

        for _ in range(4):
            await pilot.press("home")
            await pilot.pause(0.2)
            await pilot.press("down", "down")  # the first article
            await pilot.pause(0.3)
            await pilot.press("delete")
            await pilot.pause(0.3)
            await stall("delete", "enter")  # 是
            await stall("undo", "u")
            await stall("move", "shift+down")
        beating = False
        await beat
    gc.unfreeze()
    return {label: statistics.median(values) for label, values in stalls.items()}


def outline_keys(folder: Path) -> list[Row]:
    """Moving in the outline, and moving an article, at 3,000 articles, vs a bare Tree moving (budget 9)."""
    from tui.files import codec

    path = folder / "outline-3000.toml"
    if not path.exists():
        path.write_text(codec.dumps(make_issue(3000)), encoding="utf-8")
    held_bare = asyncio.run(_held_down(path, bare=True))
    held = asyncio.run(_held_down(path, bare=False))
    bare = asyncio.run(_outline_keys(path, ("down",), bare=True))
    move = asyncio.run(_outline_keys(path, ("down",), bare=False))
    edit = asyncio.run(_outline_keys(path, ("shift+down", "shift+up"), bare=False))
    stalls = asyncio.run(_stalls(path))
    return [
        Row(
            f"9. holding ↓ in the outline, 3,000 articles: {HELD} keys at 30/s until the cursor rests and the pane shows its node, vs a bare Tree",
            f"{held / held_bare:.2f}× ({held * 1000:.0f} / {held_bare * 1000:.0f} ms)",
            "≤ 1.2×",
            held / held_bare <= 1.2,
        ),
        Row(
            "9. one ↓ in the outline, 3,000 articles: key to the article shown (Pilot) vs a bare Tree's ↓",
            f"{move / bare:.2f}× ({move * 1000:.0f} / {bare * 1000:.0f} ms)",
            "(reported)",
            True,
        ),
        # The issue's budget for a keystroke to the updated checks pane and outline.  Beyond a
        # bare Tree's move it was held to 50 ms while one repaint showed both; a large issue's
        # pane now repaints a moment after the outline (the longest stall rows below), so the
        # time to both is reported and the stall is what is held (docs/performance.md).
        Row(
            "9. moving an article (Shift+↓/↑), 3,000 articles: key to the outline and the checks pane updated",
            f"{edit * 1000:.0f} ms",
            "≤ 150 ms",
            edit <= 0.150,
        ),
        Row(
            "9. moving an article (Shift+↓/↑), 3,000 articles: key to repaint, beyond a bare Tree's move",
            f"{(edit - bare) * 1000:.0f} ms ({edit * 1000:.0f} / {bare * 1000:.0f} ms)",
            "(reported)",
            True,
        ),
        *(
            Row(
                f"9. the longest the editor stalls, 3,000 articles: {what}, key to its findings shown",
                f"{stalls[label] * 1000:.0f} ms",
                "≤ 50 ms",
                stalls[label] <= 0.050,
            )
            for label, what in (
                ("move", "moving an article"),
                ("delete", "deleting the first article"),
                ("undo", "undoing that delete"),
            )
        ),
    ]


def load_save(paths: dict[int, Path]) -> list[Row]:
    import tomllib

    import tomli_w

    from tui.files import codec
    from tui.files.storage import loads_issue

    text = paths[300].read_text(encoding="utf-8")
    data = tomllib.loads(text)
    issue = loads_issue(text, paths[300])
    load, base_load = median_times(lambda: loads_issue(text, paths[300]), lambda: tomllib.loads(text))

    def cold_save() -> None:
        codec.forget_rendered()  # a first save has no article texts kept
        codec.dumps(issue)

    save, base_save = median_times(cold_save, lambda: tomli_w.dumps(data))
    big = loads_issue(codec.dumps(make_issue(3000)), Path("autosave-3000.toml"))
    codec.dumps(big)
    edits = iter(range(1_000_000))

    def autosave_after_a_keystroke() -> None:
        big.articles[7].paragraphs[0] += str(next(edits) % 10)
        codec.dumps(big)

    autosave = median_time(autosave_after_a_keystroke)
    return [
        Row(
            "6. load, 300 articles",
            f"{load * 1000:.0f} ms, {load / base_load:.2f}× tomllib.loads",
            "≤ 150 ms, ≤ 1.5×",
            load <= 0.150 and load / base_load <= 1.5,
        ),
        Row(
            "6. save, 300 articles",
            f"{save * 1000:.0f} ms, {save / base_save:.2f}× tomli_w.dumps",
            "≤ 150 ms, ≤ 1.5×",
            save <= 0.150 and save / base_save <= 1.5,
        ),
        Row(
            "6. autosave's rendering after a keystroke, 3,000 articles (a worker's CPU while typing)",
            f"{autosave * 1000:.1f} ms",
            "≤ 50 ms",
            autosave <= 0.050,
        ),
    ]


TYPED = "四是强化保障abc，护航发展def。" * 10  # 200 characters, Chinese and ASCII mixed


async def _type(app, text: str, target: str) -> float:  # type: ignore[no-untyped-def]
    from textual import events
    from textual.keys import _character_to_key

    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await app.prepare(pilot)
        widget = app.screen.query_one(target)
        widget.focus()
        widget.move_cursor(widget.document.end)
        await pilot.pause()
        start = time.perf_counter()
        for ch in text:
            key = ch if ch.isalnum() else _character_to_key(ch)
            event = events.Key(key, ch)
            event.set_sender(app)
            app._driver.send_message(event)
            await pilot.pause()
        elapsed = time.perf_counter() - start
        app.workers.cancel_all()
        return elapsed


def typing(paths: dict[int, Path], folder: Path) -> list[Row]:
    import random

    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    from tui.app.app import JianbaoApp
    from tui.app.outline import OutlineTree
    from tui.app.outline_nodes import NodeRef
    from tui.files import codec
    from tui.files.storage import load_issue

    issue = load_issue(paths[300])
    rng = random.Random(20000)
    from synth import _clauses

    big = make_article(rng, _clauses(), issue.articles[0].column, chars=20_000)
    issue.articles[0] = big
    path = folder / "typing" / "issue.toml"
    path.parent.mkdir()
    path.write_text(codec.dumps(issue), encoding="utf-8")
    body = "\n\n".join(big.paragraphs)

    class Editor(JianbaoApp):
        async def prepare(self, pilot) -> None:  # type: ignore[no-untyped-def]
            await pilot.pause(0.5)
            await self.workers.wait_for_complete()
            outline = self.screen.query_one(OutlineTree)
            outline.select_ref(NodeRef("article", 0))
            for _ in range(400):  # the pane shows the article once the cursor rests, its form mounted
                await pilot.pause(0.02)
                if self.screen.panes_ready and self.screen.query("#article-body"):
                    break
            await pilot.pause()

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(body, soft_wrap=True)

        async def prepare(self, pilot) -> None:  # type: ignore[no-untyped-def]
            pass

    ours, bare = [], []
    for i in range(6):
        o = asyncio.run(_type(Editor(path, blink=False), TYPED, "#article-body"))
        b = asyncio.run(_type(Bare(), TYPED, "TextArea"))
        if i:  # the first pair is the warm-up
            ours.append(o)
            bare.append(b)
    ratio = statistics.median(ours) / statistics.median(bare)
    return [
        Row(
            "5. typing 200 chars into a 20,000-char article (300 articles) vs bare TextArea",
            f"{ratio:.2f}× ({statistics.median(ours) * 1000:.0f} / {statistics.median(bare) * 1000:.0f} ms)",
            "≤ 1.2×",
            ratio <= 1.2,
        )
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    one, five, fifteen = os.getloadavg()
    load = f", load {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min)"
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}{load}"


def table(rows: list[Row]) -> str:
    lines = ["| budget | measured (median) | target | |", "|---|---|---|---|"]
    lines += [f"| {r.budget} | {r.measured} | {r.target} | {'pass' if r.ok else 'MISS'} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the table in docs/performance.md")
    args = parser.parse_args()
    # Our modules load from bytecode, as Textual's installed ones do: a checkout run
    # under PYTHONDONTWRITEBYTECODE would otherwise compile every module at each start.
    compileall.compile_dir(ROOT / "src", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # The per-user folders go to the temporary folder the way a user's own
        # settings would move them (XDG), not by jianbao's overrides: the runs
        # then look their folders up as a user's runs do (files/user_dirs.py).
        places = {"XDG_STATE_HOME": str(folder / "state"), "XDG_CACHE_HOME": str(folder / "cache")}
        for name in ("JIANBAO_STATE_DIR", "JIANBAO_CACHE_DIR"):
            os.environ.pop(name, None)
        if sys.platform == "win32":  # no XDG there: the overrides keep the user's folders out of it
            places |= {
                "JIANBAO_STATE_DIR": places["XDG_STATE_HOME"],
                "JIANBAO_CACHE_DIR": places["XDG_CACHE_HOME"],
            }
        os.environ.update(places)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        paths = write_issues(folder)
        sample_dir = folder / "sample"
        sample_dir.mkdir()
        sample = sample_dir / "2025-12.toml"
        shutil.copy(ROOT / "data" / "issues" / "2025-12.toml", sample)
        rows = []
        for step in (
            lambda: startup(paths, sample, env),
            lambda: headless_check(sample, env),
            lambda: archive_size(folder, sample, env),
            lambda: archive_startup(folder, sample, env),
            lambda: throughput(paths),
            lambda: live_recheck(paths),
            lambda: visible_refresh(folder),
            lambda: outline_keys(folder),
            lambda: typing(paths, folder),
            lambda: load_save(paths),
            docx_export,
            lambda: archive_tools(folder),
        ):
            found = step()
            if not all(r.ok for r in found):
                # A miss is measured again once: a noisy neighbour is not a regression.  Both are kept.
                again = step()
                found = [
                    replace(r2, budget=r2.budget + " (measured twice; first: " + r1.measured + ")")
                    if not r1.ok
                    else r1
                    for r1, r2 in zip(found, again, strict=True)
                ]
            rows += found
            print(table(found), file=sys.stderr)
    text = table(sorted(rows, key=lambda r: r.budget))
    print(f"\n{machine()}\n\n{text}")
    if args.write:
        doc = ROOT / "docs" / "performance.md"
        head = doc.read_text(encoding="utf-8").split("<!-- results -->")[0] if doc.exists() else ""
        stamp = time.strftime("%Y-%m-%d")
        doc.write_text(
            f"{head}<!-- results -->\n\nLast run {stamp} on {machine()}.\n\n{text}\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()

"""Synthetic issues of N articles, drawn from the sample's vocabulary and structure.

Each article has a district title, an opening paragraph and an 一是/二是/三是
enumeration, a byline, and a few typography errors of the kinds the sample
has (half-width commas and semicolons between Chinese).  About 2,000
characters an article: N = 300 gives about 600,000 characters.

    python bench/synth.py 300 -o /tmp/issue-300.toml
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tui.files import codec  # noqa: E402
from tui.files.config import default_house  # noqa: E402
from tui.files.storage import load_issue  # noqa: E402
from tui.model import Article, Byline, Column, EndBlock, Issue, Masthead  # noqa: E402

SAMPLE = ROOT / "data" / "issues" / "2025-12.toml"
DISTRICTS = list(default_house().districts)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "明华强军平芳敏静丽伟磊洋勇艳杰娟涛超秀霞辉晗鹏颖铮"
ORDINALS = "一二三四五六七八九"
ARTICLE_CHARS = 2000


def _clauses() -> list[str]:
    """Clauses of the sample's body text (split at ，。；)."""
    issue = load_issue(SAMPLE)
    text = "".join(p for a in issue.articles for p in a.paragraphs)
    parts = [p.strip() for p in re.split(r"[，。；,;]", text)]
    return [p for p in parts if 4 <= len(p) <= 40 and not re.match(r"^[一二三四五六七八九]是", p)]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _sentence(rng: random.Random, clauses: list[str], errors: bool) -> str:
    parts = rng.sample(clauses, rng.randint(2, 4))
    sep = "," if errors and rng.random() < 0.05 else "，"
    return sep.join(parts) + "。"


def make_article(
    rng: random.Random, clauses: list[str], column: str, *, brief: bool = False, chars: int = ARTICLE_CHARS
) -> Article:
    district = rng.choice(DISTRICTS)
    if brief:
        return Article(
            column,
            "",
            [district + "人大常委会" + _sentence(rng, clauses, True)],
            Byline(f"{district}人大常委会办公室", [_name(rng)]),
        )
    title = f"{district}：{rng.choice(clauses)}"[:30]
    paragraphs = [district + "人大常委会" + _sentence(rng, clauses, True)]
    n = 0
    while sum(len(p) for p in paragraphs) < chars:
        ordinal = ORDINALS[n % len(ORDINALS)]
        body = "".join(_sentence(rng, clauses, True) for _ in range(rng.randint(3, 6)))
        if rng.random() < 0.1:
            body = body.replace("。", ";", 1)
        paragraphs.append(f"{ordinal}是{body}")
        n += 1
    authors = [_name(rng) for _ in range(rng.choice((0, 1, 1, 2)))]
    return Article(column, title, paragraphs, Byline(f"{district}人大常委会办公室", authors))


def make_issue(n: int, seed: int = 718) -> Issue:
    """An issue of ``n`` articles: most titled in three columns, one in ten a brief."""
    rng = random.Random(seed)
    clauses = _clauses()
    columns = [Column("助力攻坚"), Column("监督纵横"), Column("情况交流"), Column("信息摘登", "briefs")]
    articles = []
    for i in range(n):
        if i % 10 == 9:
            articles.append(make_article(rng, clauses, "信息摘登", brief=True))
        else:
            articles.append(make_article(rng, clauses, columns[i % 3].name))
    articles.sort(key=lambda a: [c.name for c in columns].index(a.column))
    sample = load_issue(SAMPLE)
    return Issue(
        masthead=Masthead("杭州人大信息", "普刊", 13, 719, "杭州市人大常委会研究室", dt.date(2025, 11, 28)),
        columns=columns,
        articles=articles,
        endblock=EndBlock(list(sample.endblock.distribution), sample.endblock.editor, sample.endblock.phone),
    )


def make_archive(
    folder: Path,
    issues: int,
    articles: int = 8,
    *,
    chars: int = 300,
    quiet: tuple[str, ...] = (),
    seed: int = 1,
) -> list[Path]:
    """``issues`` issue files in ``folder``, two weeks apart from 2020-01-03, 第1期 each year.

    Districts in ``quiet`` send nothing to the last ten issues (for coverage checks).
    """
    rng = random.Random(seed)
    clauses = _clauses()
    columns = [Column("助力攻坚"), Column("监督纵横"), Column("情况交流"), Column("信息摘登", "briefs")]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    date = dt.date(2020, 1, 3)
    number = 0
    for k in range(issues):
        number = 1 if k == 0 or date.year != (date - dt.timedelta(days=14)).year else number + 1
        body = []
        for i in range(articles):
            column = "信息摘登" if i % 4 == 3 else columns[i % 3].name
            article = make_article(rng, clauses, column, brief=column == "信息摘登", chars=chars)
            while k >= issues - 10 and article.byline and article.byline.unit.startswith(quiet):
                article = make_article(rng, clauses, column, brief=column == "信息摘登", chars=chars)
            body.append(article)
        body.sort(key=lambda a: [c.name for c in columns].index(a.column))
        issue = Issue(
            masthead=Masthead("杭州人大信息", "普刊", number, 100 + k, "杭州市人大常委会研究室", date),
            columns=columns,
            articles=body,
            endblock=EndBlock(["市人大常委会领导"], "王编辑", "85000000"),
        )
        path = folder / f"{date.year}-{number:02d}.toml"
        path.write_text(codec.dumps(issue), encoding="utf-8")
        paths.append(path)
        date += dt.timedelta(days=14)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    issue = make_issue(args.n)
    Path(args.output).write_text(codec.dumps(issue), encoding="utf-8")
    chars = sum(a.char_count for a in issue.articles)
    print(f"{args.output}: {len(issue.articles)} articles, {chars} characters")


if __name__ == "__main__":
    main()

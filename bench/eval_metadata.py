"""Page metadata against known answers: nuqta beside htmldate and trafilatura.

Scores the publication date (right to the day) and the title on the pages of
``eval/boilerplate_html`` whose date is known: ``htmldate/`` (its ``expected_dates.json``; the
title is the first line of each page's gold, the headline), ``unseen_2026/`` (each
``NAME.meta.json`` gives the date and title) and ``fundus/`` (its json's ``publishing_date``
and ``title``). Every tool reads the same HTML and nothing else (no URL is given). A title
counts as right when it equals the known one once white space is collapsed and quotation
marks are dropped (fundus's titles leave out the quotes that the page's headline shows). A peer
that is not installed is reported as skipped.

    pip install htmldate trafilatura
    python bench/eval_metadata.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nuqta

DATE_TARGET = 0.95
TITLE_TARGET = 0.95


@dataclass
class Page:
    """One page with its known publication day and title."""

    name: str
    html: str
    date: str
    title: str | None


@dataclass
class Answer:
    """What a tool says of a page: its publication date (ISO) and title, or None."""

    date: str | None
    title: str | None


def load_pages(shared: Path) -> list[Page]:
    """The pages whose publication date is known."""
    root = shared / "eval/boilerplate_html"
    pages: list[Page] = []
    expected = root / "htmldate/expected_dates.json"
    if expected.exists():
        for file, meta in sorted(json.loads(expected.read_text(encoding="utf-8")).items()):
            path = root / "htmldate" / file
            gold = path.with_suffix(".gold.txt")
            title = gold.read_text(encoding="utf-8").splitlines()[0] if gold.exists() else None
            pages.append(
                Page(file.split("_")[0], path.read_text(encoding="utf-8"), meta["date"], title)
            )
    for meta_path in sorted((root / "unseen_2026").glob("*.meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        html_path = meta_path.with_name(meta_path.name.replace(".meta.json", ".html"))
        pages.append(
            Page(
                f"unseen_2026/{html_path.stem}",
                html_path.read_text(encoding="utf-8"),
                str(meta["publish_date"]),
                meta.get("title"),
            )
        )
    fundus = root / "fundus"
    for json_path in sorted(fundus.glob("*.json")):
        v1 = json.loads(json_path.read_text(encoding="utf-8")).get("V1", {})
        htmls = sorted(fundus.glob(f"{json_path.stem}*.html"))
        if v1.get("publishing_date") and htmls:
            pages.append(
                Page(
                    json_path.stem,
                    htmls[0].read_text(encoding="utf-8"),
                    str(v1["publishing_date"]),
                    v1.get("title"),
                )
            )
    return pages


def nuqta_tool(html: str) -> Answer:
    """nuqta.clean's date and title."""
    c = nuqta.clean(html, html=True)
    return Answer(c.date, c.title)


def htmldate_tool() -> Callable[[str], Answer]:
    """htmldate.find_date with its defaults (it gives no title)."""
    m = importlib.import_module("htmldate")
    return lambda html: Answer(m.find_date(html), None)


def trafilatura_tool() -> Callable[[str], Answer]:
    """trafilatura.extract_metadata's date and title."""
    m = importlib.import_module("trafilatura")

    def run(html: str) -> Answer:
        meta = m.extract_metadata(html)
        return Answer(meta.date, meta.title) if meta is not None else Answer(None, None)

    return run


QUOTES = str.maketrans("", "", "\"'«»“”„‘’")


def same_title(got: str | None, want: str | None) -> bool:
    """Equal once white space is collapsed and quotation marks dropped."""
    if got is None or want is None:
        return False
    return " ".join(got.translate(QUOTES).split()) == " ".join(want.translate(QUOTES).split())


def main() -> None:
    """Scores every tool and prints a row per page, then the rates and the targets."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared"
    ap.add_argument("--shared", type=Path, default=default, help="the ../shared folder")
    args = ap.parse_args()
    if not (args.shared / "eval").is_dir():
        print(f"no evaluation data at {args.shared}: nothing to score")
        return
    pages = load_pages(args.shared)
    tools: dict[str, Callable[[str], Answer]] = {"nuqta": nuqta_tool}
    for name, make in (("htmldate", htmldate_tool), ("trafilatura", trafilatura_tool)):
        try:
            tools[name] = make()
        except ImportError as e:
            print(f"skipped {name}: not installed ({e})")
    seconds = dict.fromkeys(tools, 0.0)
    dates = dict.fromkeys(tools, 0)
    titles = dict.fromkeys(tools, 0)
    print(f"{'page':<34} {'known':<11} " + " ".join(f"{n:>24}" for n in tools))
    for page in pages:
        want = page.date[:10]
        cells = []
        for name, tool in tools.items():
            t0 = time.perf_counter()
            try:
                ans = tool(page.html)
            except Exception as e:  # a peer failing on a page scores nothing there
                print(f"  ! {name} failed: {type(e).__name__}: {e}")
                ans = Answer(None, None)
            seconds[name] += time.perf_counter() - t0
            day_ok = (ans.date or "")[:10] == want
            title_ok = same_title(ans.title, page.title)
            dates[name] += day_ok
            titles[name] += title_ok
            mark = "title ok" if title_ok else ("-" if name == "htmldate" else "title NO")
            cells.append(f"{(ans.date or 'None')[:10]}{'' if day_ok else '(x)'} {mark}")
        print(f"{page.name:<34} {want:<11} " + " ".join(f"{c:>24}" for c in cells))
    n = max(1, len(pages))
    print(f"\n{len(pages)} pages with a known date")
    for name in tools:
        title_rate = f", title {titles[name] / n:.0%}" if name != "htmldate" else ""
        print(f"  {name:<12} date {dates[name] / n:.0%}{title_rate}  ({seconds[name]:.2f} s)")

    def say(ok: bool, what: str) -> None:
        print(f"[{'met' if ok else 'MISSED'}] {what}")

    print()
    rate = dates["nuqta"] / n
    say(rate >= DATE_TARGET, f"publication date right on {rate:.0%} >= {DATE_TARGET:.0%}")
    if "htmldate" in tools:
        other = dates["htmldate"] / n
        say(rate >= other, f"date rate {rate:.0%} >= htmldate's {other:.0%}")
    rate = titles["nuqta"] / n
    say(rate >= TITLE_TARGET, f"title right on {rate:.0%} >= {TITLE_TARGET:.0%}")


if __name__ == "__main__":
    main()

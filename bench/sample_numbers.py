"""Draws number mentions at random from real news, for reading by hand.

Run: ``python bench/sample_numbers.py [--seed 0] [--n 200] [--shared ../shared]``. The news
is the ANT corpus v2.1 (``shared/data/unlabeled/ant_corpus``; not shipped, only read here):
articles are drawn with the seed, each read with its publication date as
``reference_date``, and ``--n`` of all their mentions drawn with the same seed. Each line
shows the mention's index, the article's date, kind, value (with ``high``, ``qualifier`` and ``unit``) and the
text around it, the mention in [brackets], for a reader to judge right or wrong.
"""

from __future__ import annotations

import argparse
import datetime
import email.utils
import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

import nuqta

ANT = Path("data", "unlabeled", "ant_corpus", "ant_v2.1_multisource.jsonl.gz")


def articles(path: Path) -> Iterator[tuple[str, datetime.date | None]]:
    """Each article's title and text, and the date it was published (if it says)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = f"{row.get('title') or ''}\n{row.get('text') or ''}"
            try:
                date = email.utils.parsedate_to_datetime(row.get("time") or "").date()
            except (TypeError, ValueError):
                date = None
            yield text, date


def draw(shared: Path, seed: int, n: int) -> list[str]:
    """``n`` mentions drawn with ``seed``, each as one line to read."""
    rng = random.Random(seed)
    docs = list(articles(shared / ANT))
    picked = rng.sample(docs, min(len(docs), 4 * n))
    pool: list[tuple[str, datetime.date | None, nuqta.NumberMention]] = []
    for text, date in picked:
        pool += [(text, date, m) for m in nuqta.numbers(text, reference_date=date)]
    lines = []
    for k, (text, date, m) in enumerate(rng.sample(pool, min(n, len(pool)))):
        before = text[max(0, m.start - 50) : m.start].replace("\n", " / ")
        after = text[m.end : m.end + 30].replace("\n", " / ")
        extra = "".join(
            f" {name}={value!r}"
            for name, value in (("high", m.high), ("q", m.qualifier), ("unit", m.unit))
            if value is not None
        )
        lines.append(f"{k:3} ({date}) {m.kind} {m.value!r}{extra} | …{before}[{m.text}]{after}…")
    return lines


def main() -> None:
    """Prints the drawn mentions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n", type=int, default=200)
    default = Path(__file__).resolve().parent.parent.parent / "shared"
    parser.add_argument("--shared", type=Path, default=default)
    args = parser.parse_args()
    if not (args.shared / ANT).is_file():
        print(f"no ANT corpus under {args.shared}; nothing to draw")
        return
    for line in draw(args.shared, args.seed, args.n):
        print(line)


if __name__ == "__main__":
    main()

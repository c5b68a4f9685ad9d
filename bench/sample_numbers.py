"""Draws number mentions at random from real news, for reading by hand.

Run: ``python bench/sample_numbers.py [--seed 0] [--n 200] [--shared ../shared]``. The news
is the ANT corpus v2.1 (``shared/data/unlabeled/ant_corpus``; not shipped, only read here),
each article read with its publication date as ``reference_date``. Each draw is a random
character of a random article (seeded), and the mention drawn the first one that ends
after it. Each line shows the draw's index, the article's date, the kind, the value (with
``high``, ``qualifier`` and ``unit``) and the text around it, the mention in [brackets],
for a reader to judge right or wrong.
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
    """``n`` mentions drawn with ``seed``, each as one line to read.

    Each draw picks an article and a character in it, and takes the first mention that
    ends after that character: what is drawn does not depend on how many mentions other
    articles have, so a change to the extractor changes only the draws it touches."""
    rng = random.Random(seed)
    docs = list(articles(shared / ANT))
    lines: list[str] = []
    found: dict[int, list[nuqta.NumberMention]] = {}
    while len(lines) < n:
        k = rng.randrange(len(docs))
        text, date = docs[k]
        at = rng.randrange(max(len(text), 1))
        if k not in found:
            found[k] = nuqta.numbers(text, reference_date=date)
        m = next((m for m in found[k] if m.end > at), None)
        if m is None:
            continue
        before = text[max(0, m.start - 50) : m.start].replace("\n", " / ")
        after = text[m.end : m.end + 30].replace("\n", " / ")
        extra = "".join(
            f" {name}={value!r}"
            for name, value in (("high", m.high), ("q", m.qualifier), ("unit", m.unit))
            if value is not None
        )
        lines.append(
            f"{len(lines):3} ({date}) {m.kind} {m.value!r}{extra} | …{before}[{m.text}]{after}…"
        )
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

"""Number extraction speed on one core over news text, and how it scales with the text.

The text is news: articles of the ANT corpus when ``../shared/data/unlabeled/ant_corpus``
is there (read, never stored), else the bundled sample pages repeated. Prints MB of UTF-8
per second of CPU time for ``nuqta.numbers`` called per article, then the time for one text
of ``--mb`` megabytes against ten times that text (target: at most 11x the time, at least
20 MB/s).

    python bench/number_extraction.py --mb 2
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path

from corpus import documents
from timing import best_time

import nuqta

ANT_PARTS = ("shared", "data", "unlabeled", "ant_corpus", "ant_v2.1_multisource.jsonl.gz")

TARGET_MBS = 20.0
TARGET_RATIO = 11.0


def _ant_articles(path: Path) -> Iterator[str]:
    seen: set[int] = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = f"{row.get('title') or ''}\n{row.get('text') or ''}"
            key = hash(text)
            if key not in seen:
                seen.add(key)
                yield text


def news(min_bytes: int) -> tuple[str, list[str]]:
    """At least ``min_bytes`` of news articles, and where they came from."""
    ant = Path(__file__).resolve().parent.parent.parent.joinpath(*ANT_PARTS)
    if ant.is_file():
        docs: list[str] = []
        size = 0
        for doc in _ant_articles(ant):
            docs.append(doc)
            size += len(doc.encode("utf-8"))
            if size >= min_bytes:
                return "ANT corpus v2.1", docs
        if docs:
            return "ANT corpus v2.1 (repeated)", (docs * (min_bytes // max(size, 1) + 1))
    return "bundled sample pages (repeated)", documents(min_bytes)


def main() -> None:
    """Measures and prints the figures the module docstring describes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=2.0, help="size of the 1x text (MB)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    source, docs = news(size * 10)

    one_x: list[str] = []
    total = 0
    for doc in docs:
        one_x.append(doc)
        total += len(doc.encode("utf-8"))
        if total >= size:
            break
    mb = total / 1e6
    mentions = sum(len(nuqta.numbers(doc)) for doc in one_x)
    per_doc = best_time(lambda: [nuqta.numbers(doc) for doc in one_x], args.runs, time.process_time)
    speed = mb / per_doc
    print(f"corpus: {source}; {len(one_x)} articles, {mb:.2f} MB, {mentions} mentions")
    print(
        f"per article, one core: {speed:.1f} MB/s "
        f"({'meets' if speed >= TARGET_MBS else 'SHORT of'} {TARGET_MBS:.0f} MB/s)"
    )

    small = "\n".join(one_x)
    large = "\n".join([small] * 10)
    t1 = best_time(lambda: nuqta.numbers(small), args.runs, time.process_time)
    t10 = best_time(lambda: nuqta.numbers(large), max(1, args.runs - 1), time.process_time)
    ratio = t10 / t1
    print(f"one text of {mb:.2f} MB: {t1:.3f} s ({mb / t1:.1f} MB/s)")
    print(f"one text of {10 * mb:.2f} MB: {t10:.3f} s ({10 * mb / t10:.1f} MB/s)")
    print(
        f"10x text / 1x text time: {ratio:.2f}x "
        f"({'meets' if ratio <= TARGET_RATIO else 'SHORT of'} <= {TARGET_RATIO:.0f}x)"
    )


if __name__ == "__main__":
    main()

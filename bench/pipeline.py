"""The whole job, page in → article, normalized text, entities and numbers out: nuqta's
``analyze_batch`` on one thread and on all, against a Python stack doing the same job
(trafilatura for the article, camel-tools for normalization, pyarabic for numbers).

    pip install trafilatura pyarabic && pip install --no-deps camel-tools six emoji
    python bench/pipeline.py --pages 2000
"""

from __future__ import annotations

import argparse
import html
import importlib
import os
from collections.abc import Callable
from functools import partial
from typing import Any

from timing import best_time

import nuqta


def corpus(n: int) -> list[str]:
    """The bundled sample pages, repeated to ``n`` pages."""
    pages = list(nuqta.sample_pages().values())
    return [pages[i % len(pages)] for i in range(n)]


def python_stack() -> Callable[[str], Any] | None:
    """trafilatura + camel-tools + pyarabic, or None when one is missing."""
    try:
        trafilatura = importlib.import_module("trafilatura")
        dediac = importlib.import_module("camel_tools.utils.dediac").dediac_ar
        norm = importlib.import_module("camel_tools.utils.normalize")
        numbers = importlib.import_module("pyarabic.number")
    except ImportError as e:
        print(f"python stack skipped: {e}")
        return None

    def run(page: str) -> Any:
        # trafilatura reads HTML: each line of the text page becomes a paragraph.
        markup = "".join(f"<p>{html.escape(line)}</p>" for line in page.splitlines())
        text = trafilatura.extract(f"<html><body>{markup}</body></html>") or ""
        text = norm.normalize_alef_maksura_ar(norm.normalize_alef_ar(dediac(text)))
        return text, numbers.extract_number_phrases(text)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    pages = corpus(args.pages)
    mb = sum(len(p.encode()) for p in pages) / 1e6
    print(f"{len(pages)} pages, {mb:.1f} MB")

    nuqta.analyze_batch(pages[:10])  # build the thread pool and load the model
    threads = nuqta.num_threads()
    rates: dict[str, tuple[float, float]] = {}
    jobs = [
        ("whole job (clean, entities, numbers)", True),
        ("same job as the stack (clean, numbers)", False),
    ]
    for job, with_entities in jobs:
        job_run = partial(nuqta.analyze_batch, pages, entities=with_entities)
        all_threads = best_time(job_run, args.repeat)
        os.environ["NUQTA_NUM_THREADS"] = "1"
        one_thread = best_time(job_run, args.repeat)
        del os.environ["NUQTA_NUM_THREADS"]
        one, many = len(pages) / one_thread, len(pages) / all_threads
        rates[job] = (one, many)
        print(f"nuqta {job}: {one:,.0f} pages/s on 1 thread, {many:,.0f} on {threads} ", end="")
        print(f"({many / one:.2f}x)")

    stack = python_stack()
    if stack is not None:
        sample = pages[: max(50, len(pages) // 20)]
        rate = len(sample) / best_time(lambda: [stack(p) for p in sample])
        print(f"python stack (trafilatura + camel-tools + pyarabic), 1 core: {rate:,.1f} pages/s")
        for job, (one, many) in rates.items():
            print(f"nuqta {job} / python stack: {one / rate:.1f}x on 1 thread, ", end="")
            print(f"{many / rate:.1f}x on {threads}")


if __name__ == "__main__":
    main()

"""Normalization throughput: nuqta against the Python tools it replaces.

Same corpus (the bundled sample pages, half of them diacritized, repeated to
``--mb`` megabytes of UTF-8), same operation for every tool: remove diacritics and
tatweel, fold alef variants to ا and alef maqsura to ي. Prints MB/s per document on
one core, batch throughput on all cores, and how many times faster nuqta is.

    pip install arabic-norm arabic-normalize pyarabic
    pip install --no-deps camel-tools six emoji
    python bench/normalize.py --mb 50
"""

from __future__ import annotations

import argparse
import importlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from corpus import documents
from timing import best_time

import nuqta

Fn = Callable[[str], str]
BatchFn = Callable[[list[str]], list[str]]


@dataclass
class Tool:
    """A tool under test: how to normalize one text, and a batch when it has one."""

    name: str
    single: Fn
    batch: BatchFn | None = None


def nuqta_tool() -> Tool:
    rules = {"diacritics", "quranic_marks", "tatweel", "alef", "alef_maqsura"}
    n = nuqta.Normalizer(**{name: name in rules for name in nuqta.Normalizer().options})
    return Tool("nuqta", n.normalize, n.normalize_batch)


def arabic_norm_tool() -> Tool:
    m = importlib.import_module("arabic_norm")
    kw = {"strip_tashkeel": True, "strip_tatweel": True, "normalize_alif": True}
    kw |= {"normalize_ya": True, "ta_marbuta": False}
    return Tool(
        "arabic-norm", lambda t: m.normalize(t, **kw), lambda ts: m.normalize_batch(ts, **kw)
    )


def arabic_normalize_tool() -> Tool:
    m = importlib.import_module("arabic_normalize")
    n = m.Normalizer(alef_maqsura=True, bidi_marks=False)
    return Tool("arabic-normalize", n.normalize, n.normalize_many)


def camel_tool() -> Tool:
    dediac = importlib.import_module("camel_tools.utils.dediac").dediac_ar
    norm = importlib.import_module("camel_tools.utils.normalize")

    def run(t: str) -> str:
        t = dediac(t).replace("\u0640", "")
        result: str = norm.normalize_alef_maksura_ar(norm.normalize_alef_ar(t))
        return result

    return Tool("camel-tools", run)


def pyarabic_tool() -> Tool:
    ar = importlib.import_module("pyarabic.araby")

    def run(t: str) -> str:
        t = ar.strip_tatweel(ar.strip_tashkeel(t))
        result: str = ar.normalize_alef(t).replace("ى", "ي")
        return result

    return Tool("pyarabic", run)


FACTORIES = [nuqta_tool, arabic_norm_tool, arabic_normalize_tool, camel_tool, pyarabic_tool]


def batch_speedup(tool: Tool, docs: list[str], repeat: int) -> float:
    """Wall time of ``tool.batch`` on one thread over its time on all threads."""
    assert tool.batch is not None
    batch = partial(tool.batch, docs)
    previous = os.environ.get("NUQTA_NUM_THREADS")
    os.environ["NUQTA_NUM_THREADS"] = "1"
    try:
        one = best_time(batch, repeat, enough=5)
    finally:
        if previous is None:
            del os.environ["NUQTA_NUM_THREADS"]
        else:
            os.environ["NUQTA_NUM_THREADS"] = previous
    return one / best_time(batch, repeat, enough=5)


def map_all(fn: Fn, docs: list[str]) -> list[str]:
    """Calls ``fn`` on each document, one at a time."""
    return [fn(d) for d in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50, help="corpus size in MB (default 50)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    docs = documents(int(args.mb * 1e6))
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB; cores: {os.cpu_count()}; ", end="")
    print(f"nuqta threads: {nuqta.num_threads()}")

    tools: list[Tool] = []
    for factory in FACTORIES:
        try:
            tools.append(factory())
        except ImportError as e:
            print(f"skipped {factory.__name__.removesuffix('_tool')}: {e}")

    # One core: CPU time of this thread, so other load on the machine does not count.
    # Batch: wall time, since it is the parallel speed-up that is measured.
    cpu = time.thread_time
    rows: list[tuple[str, float, float | None]] = []
    for tool in tools:
        single = mb / best_time(partial(map_all, tool.single, docs), args.repeat, cpu, enough=5)
        batch = None
        if tool.batch is not None:
            batch = mb / best_time(partial(tool.batch, docs), args.repeat, enough=5)
        rows.append((tool.name, single, batch))

    ours_single, ours_batch = rows[0][1], rows[0][2] or rows[0][1]
    print()
    print("| tool | per document, 1 core (MB/s) | batch, all cores (MB/s) | nuqta is × faster |")
    print("|---|---:|---:|---:|")
    for name, single, batch in rows:
        batch_text = f"{batch:.0f}" if batch is not None else "—"
        print(f"| {name} | {single:.1f} | {batch_text} | {ours_single / single:.1f} |")
    print()
    print(f"nuqta batch / nuqta per document: {ours_batch / ours_single:.2f}x")
    speedup = batch_speedup(tools[0], docs, args.repeat)
    print(f"nuqta batch on {nuqta.num_threads()} threads / batch on 1 thread: {speedup:.2f}x")
    for name, single, _ in rows[1:]:
        print(f"ratio nuqta/{name} (per document): {ours_single / single:.2f}")


if __name__ == "__main__":
    main()

"""Threads and processes: the same results as serial calls, and no deadlock after fork."""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import nuqta

PAGES = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("data/0*.txt"))]


def test_batches_from_many_threads_match_serial() -> None:
    expected = [nuqta.analyze(p) for p in PAGES]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: nuqta.analyze_batch(PAGES), range(8)))
    assert all(r == expected for r in results)


def _child(queue: multiprocessing.Queue[object]) -> None:
    docs = nuqta.analyze_batch(PAGES)
    queue.put([len(d.entities) for d in docs if isinstance(d, nuqta.Document)])


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX only")
# Python 3.12+ warns about fork() in a process with threads: exactly what is tested here.
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_use_then_fork_then_use_in_the_child() -> None:
    # Warm the thread pool in the parent, then fork.
    parent = [len(d.entities) for d in nuqta.analyze_batch(PAGES) if isinstance(d, nuqta.Document)]
    ctx = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[object] = ctx.Queue()
    child = ctx.Process(target=_child, args=(queue,))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 0
    assert queue.get(timeout=5) == parent

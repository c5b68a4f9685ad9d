"""The one timer the benchmark scripts share: the fastest of repeated runs."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(
    fn: Callable[[], object],
    repeat: int = 1,
    clock: Callable[[], float] = time.perf_counter,
    enough: float = float("inf"),
) -> float:
    """The fastest of ``repeat`` runs of ``fn`` on ``clock``, in seconds (at least one run;
    no more once a run has taken over ``enough`` seconds).

    The fastest run is the one other work on a shared machine slowed least. Pass
    ``time.process_time`` as ``clock`` for work on this thread alone: CPU time does not
    count the time other processes hold the core.
    """
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = clock()
        fn()
        best = min(best, clock() - start)
        if best > enough:
            break
    return best

"""Entity recognition speed: tokens per second on one core and in a batch on all cores,
over news text (the bundled sample pages), in the default news scheme and (one core) the
ANERcorp one, and how long ``import nuqta`` takes (the models load on first use, not at
import).

    python bench/entities.py
"""

from __future__ import annotations

import subprocess
import sys
import time

import nuqta


def import_time() -> float:
    """Seconds for ``import nuqta`` in a fresh interpreter (best of three)."""
    code = "import time; s = time.perf_counter(); import nuqta; print(time.perf_counter() - s)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return min(runs)


def main() -> None:
    pages = list(nuqta.sample_pages().values()) * 40
    tokens = sum(len(p.split()) for p in pages)
    mb = sum(len(p.encode()) for p in pages) / 1e6
    nuqta.entities(pages[0])  # load the models
    nuqta.entities(pages[0], scheme="anercorp")

    start = time.perf_counter()
    for page in pages:
        nuqta.entities(page, scheme="anercorp")
    anercorp = time.perf_counter() - start
    start = time.perf_counter()
    for page in pages:
        nuqta.entities(page)
    one = time.perf_counter() - start
    start = time.perf_counter()
    nuqta.entities_batch(pages)
    many = time.perf_counter() - start

    print(f"{len(pages)} pages, {tokens:,} tokens, {mb:.1f} MB")
    print(f"one core: {tokens / one:,.0f} tokens/s ({mb / one:.2f} MB/s)")
    print(f"one core, scheme='anercorp': {tokens / anercorp:,.0f} tokens/s")
    print(
        f"batch on {nuqta.num_threads()} threads: {tokens / many:,.0f} tokens/s ({one / many:.2f}x)"
    )
    print(f"import nuqta: {import_time() * 1000:.0f} ms")
    print(f"target >= 300,000 tokens/s on one core: {'met' if tokens / one >= 3e5 else 'MISSED'}")


if __name__ == "__main__":
    main()

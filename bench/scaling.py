"""Time and peak memory against input size: each public function on 1x, 10x and 100x
inputs, and the command line over a JSONL stream of up to ~100 MB.

Every measurement runs in a fresh subprocess, so its peak resident memory
(``resource.getrusage``) is its own. A function scales linearly when its 100x input takes
about 100 times its 1x input: the table shows that ratio against linear (1.00 is exactly
linear; the target is at most 1.3). The command line streams, so its peak memory must stay
flat however long the stream.

    python bench/scaling.py            # 0.1 to 10 million chars per call; CLI 1 to 100 MB
    python bench/scaling.py --quick    # 30,000 to 3 million chars; CLI 0.2 to 20 MB (for CI)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nuqta

SCALES = (1, 10, 100)
TARGET = 1.3


def page_text(size: int) -> str:
    """Copies of the bundled sample pages, cut to ``size`` characters (at a line end). In
    each copy the words of every line are shuffled, so that no line repeats (a repeated
    line would be dropped as a duplicate, leaving the later steps nothing to do); every
    size is a prefix of the larger ones, so the text is alike at every scale."""
    pages = "\n\n".join(nuqta.sample_pages().values())
    copies: list[str] = []
    rng = random.Random(0)
    length = 0
    while length < size:
        lines = []
        for line in pages.splitlines():
            words = line.split(" ")
            rng.shuffle(words)
            lines.append(" ".join(words))
        copies.append("\n".join(lines))
        length += len(copies[-1]) + 2
    text = "\n\n".join(copies)
    cut = text.rfind("\n", 0, size)
    return text[: cut if cut > 0 else size]


def as_html(text: str) -> str:
    """``text`` as an HTML page: a navigation bar, one ``<p>`` per line, a footer."""
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    nav = "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/x'>أخبار</a></li></ul></nav>"
    return (
        "<!doctype html><html><head><title>صفحة</title></head><body>"
        f"{nav}<article>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def plain(text: str) -> str:
    """``text`` as it is."""
    return text


# Each function: how its input is made from plain text, and the call measured.
FUNCTIONS: dict[str, tuple[Callable[[str], str], Callable[[str], Any]]] = {
    "normalize": (plain, nuqta.normalize),
    "clean text": (plain, lambda t: nuqta.clean(t, html=False)),
    "clean HTML": (as_html, lambda t: nuqta.clean(t, html=True)),
    "numbers": (plain, nuqta.numbers),
    "entities": (plain, nuqta.entities),
    "analyze": (plain, nuqta.analyze),
}


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(name: str, size: int, total: int, min_seconds: float) -> None:
    """Times ``name`` on inputs of ``size`` characters: the first ``total`` characters of
    the text cut into ``total // size`` distinct pieces, so that every scale runs over the
    same text (a small input called again and again would sit warm in the caches and
    flatter the small scale). Prints one JSON line with the best time per call."""
    wrap, call = FUNCTIONS[name]
    text = page_text(total)
    cuts = range(0, size * max(1, total // size), size)
    pieces = [wrap(text[i : i + size]) for i in cuts]
    call(wrap(page_text(2000)))  # loads lexicons and models, which are not what is measured
    before = peak_mb()
    started = time.perf_counter()
    best = float("inf")
    runs = 0
    # At least three runs at every scale: a single run of the largest input is at the
    # mercy of whatever else the machine does meanwhile.
    while runs < 3 or time.perf_counter() - started < min_seconds:
        runs += 1
        t0 = time.perf_counter()
        for piece in pieces:
            call(piece)
        best = min(best, (time.perf_counter() - t0) / len(pieces))
    mb = sum(len(p.encode()) for p in pieces) / len(pieces) / 1e6
    print(json.dumps({"mb": mb, "seconds": best, "peak": peak_mb(), "base": before}))


def measure(name: str, size: int, total: int, min_seconds: float) -> dict[str, float]:
    """Runs ``worker`` in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, __file__, "--worker", name, str(size), str(total), str(min_seconds)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, float] = json.loads(out.splitlines()[-1])
    return result


def jsonl_stream(path: Path, megabytes: float) -> float:
    """Writes about ``megabytes`` of JSONL records, each a page of ``page_text``, to ``path``."""
    text = page_text(2_000_000)
    pages = [text[i : i + 8000] for i in range(0, len(text), 8000)]
    records = [json.dumps({"text": page}, ensure_ascii=False) + "\n" for page in pages]
    written = 0
    with path.open("w", encoding="utf-8") as f:
        while written < megabytes * 1e6:
            for record in records:
                f.write(record)
                written += len(record.encode())
                if written >= megabytes * 1e6:
                    break
    return written / 1e6


def measure_cli(path: Path) -> dict[str, float]:
    """``nuqta analyze`` over ``path``, output discarded: wall time and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "nuqta", "analyze", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"nuqta analyze exited with {process.returncode}")
    return {"seconds": seconds, "peak": usage.ru_maxrss / 1024}


def row(cells: list[str]) -> str:
    """One line of the table."""
    widths = [12, 6, 9, 9, 8, 9, 18]
    padded = (
        c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    )
    return "  ".join(padded)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--only", action="append", help="measure only these functions (or cli)")
    args = parser.parse_args()
    if args.worker:
        name, size, total, min_seconds = args.worker
        worker(name, int(size), int(total), float(min_seconds))
        return 0
    base = 30_000 if args.quick else 100_000
    cli_mb = 0.2 if args.quick else 1.0
    min_seconds = 0.3 if args.quick else 1.0
    chosen = args.only or [*FUNCTIONS, "cli"]
    print(f"nuqta scaling: 1x = {base:,} chars per call; 1x CLI stream = {cli_mb:g} MB")
    print(row(["function", "scale", "MB", "seconds", "MB/s", "peak MB", "time vs linear"]))
    print("(functions: peak MB is what the calls added to the process; CLI: the whole process)")
    worst = 0.0
    for name in [n for n in FUNCTIONS if n in chosen]:
        first = 0.0
        for scale in SCALES:
            r = measure(name, base * scale, base * SCALES[-1], min_seconds)
            first = first or r["seconds"]
            ratio = r["seconds"] / (first * scale)
            worst = max(worst, ratio)
            cells = [name, f"{scale}x", f"{r['mb']:.2f}", f"{r['seconds']:.4f}"]
            grew = r["peak"] - r["base"]
            cells += [f"{r['mb'] / r['seconds']:.1f}", f"+{grew:.0f}", f"{ratio:.2f}"]
            print(row(cells), flush=True)
    if "cli" in chosen:
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "empty.jsonl"
            empty.touch()
            startup = measure_cli(empty)["seconds"]
            print(f"(cli: {startup:.2f} s of start-up, subtracted before comparing)")
            first = 0.0
            peaks = []
            for scale in SCALES:
                path = Path(tmp) / f"stream_{scale}.jsonl"
                mb = jsonl_stream(path, cli_mb * scale)
                r = measure_cli(path)
                path.unlink()
                work = max(r["seconds"] - startup, 1e-6)
                first = first or work
                ratio = work / (first * scale)
                worst = max(worst, ratio)
                peaks.append(r["peak"])
                cells = ["cli analyze", f"{scale}x", f"{mb:.1f}", f"{r['seconds']:.2f}"]
                cells += [f"{mb / work:.1f}", f"{r['peak']:.0f}", f"{ratio:.2f}"]
                print(row(cells), flush=True)
        print(f"CLI peak memory, 100x against 1x: {peaks[-1] / peaks[0]:.2f}x (flat is 1.0)")
    verdict = "within" if worst <= TARGET else "OUTSIDE"
    print(f"worst time ratio against linear: {worst:.2f} ({verdict} the {TARGET} target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

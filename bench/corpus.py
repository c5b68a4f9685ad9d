"""Benchmark and golden-file corpus: the bundled sample pages, partly diacritized.

Diacritics are added with a seeded generator so every run sees the same text.
"""

from __future__ import annotations

import random

import nuqta

HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0652", "\u0651", "\u064b", "\u064c", "\u064d"]


def diacritize(line: str, rng: random.Random, share: float = 0.5) -> str:
    """Adds a random haraka after a ``share`` of the Arabic letters of ``line``."""
    out = []
    for ch in line:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and rng.random() < share:
            out.append(rng.choice(HARAKAT))
    return "".join(out)


def sample_lines() -> list[str]:
    """Every non-empty line of the bundled sample pages, in page order."""
    return [
        line.strip()
        for page in nuqta.sample_pages().values()
        for line in page.splitlines()
        if line.strip()
    ]


def documents(min_bytes: int, seed: int = 13) -> list[str]:
    """Sample pages, every other one diacritized, repeated until ``min_bytes`` of UTF-8."""
    rng = random.Random(seed)
    pages = list(nuqta.sample_pages().values())
    docs: list[str] = []
    size = 0
    while size < min_bytes:
        for i, page in enumerate(pages):
            doc = diacritize(page, rng) if i % 2 == 0 else page
            docs.append(doc)
            size += len(doc.encode("utf-8"))
    return docs

"""Writes tests/data/camel_golden.jsonl: CAMeL Tools' own output on a fixed corpus.

Run once, by hand, where camel-tools is installed (it is not a test dependency):

    pip install --no-deps camel-tools six emoji
    python bench/make_camel_golden.py

Each line is {"input": ..., "expected": dediac_ar + normalize_alef_ar +
normalize_alef_maksura_ar + normalize_teh_marbuta_ar of the input}.
The "camel" preset of nuqta must reproduce every expected string exactly.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)
from corpus import diacritize, sample_lines

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "camel_golden.jsonl"


def camel(text: str) -> str:
    """CAMeL Tools' normalization chain, in its documented order."""
    result: str = normalize_teh_marbuta_ar(
        normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text)))
    )
    return result


def inputs() -> list[str]:
    """Sample lines, the same lines diacritized, and every Arabic-block character."""
    rng = random.Random(7)
    lines = sample_lines()
    texts = lines + [diacritize(line, rng, share=0.8) for line in lines]
    # Every character of the Arabic block and the presentation forms, each in context.
    for start, end in [(0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00)]:
        texts.append(" ".join(f"ب{chr(cp)}ت" for cp in range(start, end)))
    texts.append("Latin, Кириллица, 中文, 😀, € £ $ and ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹")
    return texts


def main() -> None:
    with OUT.open("w", encoding="utf-8") as f:
        for text in inputs():
            f.write(json.dumps({"input": text, "expected": camel(text)}, ensure_ascii=False))
            f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

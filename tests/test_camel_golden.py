"""The "camel" preset reproduces CAMeL Tools exactly, on a golden file CAMeL generated
(bench/make_camel_golden.py)."""

from __future__ import annotations

import json
from pathlib import Path

from nuqta import Normalizer

GOLDEN = Path(__file__).parent / "data" / "camel_golden.jsonl"


def test_camel_preset_matches_camel_tools() -> None:
    normalizer = Normalizer.preset("camel")
    cases = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(cases) > 200
    mismatches = [c["input"] for c in cases if normalizer.normalize(c["input"]) != c["expected"]]
    assert mismatches == []
    # The golden file does exercise the rules.
    assert sum(c["input"] != c["expected"] for c in cases) > 100

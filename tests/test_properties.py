"""Property tests: invariants that hold for any text."""

from __future__ import annotations

import os
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from nuqta import Normalizer

# Text biased towards the characters the rules touch, plus anything Unicode allows.
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
SPECIAL = st.sampled_from(list(" \t\n\r\u00a0\u200b\u200c\u200f\u202b\ufeff\u00adﻻﷲﹰ٫٬٣۴ـ"))
ANY = st.characters(exclude_categories=["Cs"])
TEXT = st.text(st.one_of(ARABIC, SPECIAL, ANY), max_size=200)

PRESETS = ["default", "search", "display", "camel", "none"]
settings.register_profile("ci", max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@given(TEXT, st.sampled_from(PRESETS))
def test_any_text_is_handled_and_idempotent(text: str, preset: str) -> None:
    n = Normalizer.preset(preset)
    once = n.normalize(text)
    assert isinstance(once, str)
    assert n.normalize(once) == once


@given(TEXT, st.sampled_from(PRESETS))
def test_offsets_monotone_in_bounds_and_faithful(text: str, preset: str) -> None:
    n = Normalizer.preset(preset)
    out, offsets = n.normalize_with_offsets(text)
    assert out == n.normalize(text)
    assert len(offsets) == len(out)
    assert offsets == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)
    for ch, o in zip(out, offsets, strict=True):
        # Each output char is its source char, or what a rule made of it.
        if ch == text[o]:
            continue
        assert ch == " " or text[o] != ch


@given(st.lists(TEXT, max_size=20))
def test_batch_equals_single(texts: list[str]) -> None:
    n = Normalizer()
    assert n.normalize_batch(texts) == [n.normalize(t) for t in texts]


@given(st.dictionaries(st.sampled_from(list(Normalizer().options)), st.booleans()))
def test_pickle_round_trip(options: dict[str, bool]) -> None:
    n = Normalizer(**options)
    assert pickle.loads(pickle.dumps(n)) == n


@given(TEXT)
def test_unchanged_characters_map_onto_themselves(text: str) -> None:
    out, offsets = Normalizer.preset("none").normalize_with_offsets(text)
    assert out == text
    assert offsets == list(range(len(text)))

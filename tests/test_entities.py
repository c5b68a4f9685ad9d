"""Entities through the public API: what a reader expects from the sample pages, clitics
left out of spans, and any text handled."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nuqta

PAGES = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("data/0*.txt"))]

EXPECTED = [
    ("سامح شكري", "PER"),
    ("سيرغي لافروف", "PER"),
    ("معمر القذافي", "PER"),
    ("عبد الفتاح السيسي", "PER"),
    ("ليبيا", "LOC"),
    ("درنة", "LOC"),
    ("القاهرة", "LOC"),
    ("مصر", "LOC"),
    ("روسيا", "LOC"),
    ("الولايات المتحدة", "LOC"),
    ("الأمم المتحدة", "ORG"),
    ("داعش", "ORG"),
]


@pytest.fixture(scope="module")
def found() -> set[tuple[str, str]]:
    return {(e.text, e.label) for page in PAGES for e in nuqta.entities(page)}


@pytest.mark.parametrize(("name", "label"), EXPECTED)
def test_sample_pages_name_the_obvious_entities(
    found: set[tuple[str, str]], name: str, label: str
) -> None:
    assert (name, label) in found


def test_spans_leave_out_attached_words() -> None:
    text = "التقى وزير الخارجية سامح شكري بنظيره الروسي وسيرغي لافروف بمدينة جنيف"
    names = {e.text: e.label for e in nuqta.entities(text)}
    assert names.get("سامح شكري") == "PER"
    assert names.get("سيرغي لافروف") == "PER"
    assert names.get("جنيف") == "LOC"


@given(st.text(max_size=300))
def test_any_text_gives_spans_that_slice_back(text: str) -> None:
    try:
        found = nuqta.entities(text)
    except nuqta.NuqtaValueError:
        return  # lone surrogates
    for e in found:
        assert text[e.start : e.end] == e.text
        assert e.label in ("PER", "LOC", "ORG")

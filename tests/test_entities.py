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


# Named institutions in news sentences: the news convention tags them ORG with their head.
INSTITUTIONS = [
    "وزارة الخارجية الأمريكية",
    "وزارة الصحة الفلسطينية",
    "بلدية نابلس",
    "جامعة بيرزيت",
    "الجيش المصري",
    "حزب العدالة والتنمية",
    "مجلس الأمن",
    "حركة حماس",
]
FRAMES = [
    "وقالت {} في بيان صدر اليوم إن الوضع يتطلب تحركا عاجلا .",
    "وأعلنت {} أمس عن خطة جديدة لمواجهة الأزمة .",
]


def test_news_scheme_tags_named_institutions_with_their_head() -> None:
    hits = 0
    cases = [(name, frame.format(name)) for name in INSTITUTIONS for frame in FRAMES]
    for name, text in cases:
        hits += any(e.text == name and e.label == "ORG" for e in nuqta.entities(text))
    assert hits >= 0.75 * len(cases), f"{hits} of {len(cases)}"


def test_sample_pages_give_institutions_in_the_news_convention(
    found: set[tuple[str, str]],
) -> None:
    assert ("الجيش الوطني الليبي", "ORG") in found


def test_anercorp_scheme_follows_anercorp() -> None:
    text = "وقالت وزارة الخارجية الأمريكية في بيان إن الوزير سيزور القاهرة ."
    news = {(e.text, e.label) for e in nuqta.entities(text)}
    anercorp = {(e.text, e.label) for e in nuqta.entities(text, scheme="anercorp")}
    assert ("وزارة الخارجية الأمريكية", "ORG") in news
    assert ("وزارة الخارجية الأمريكية", "ORG") not in anercorp
    assert ("القاهرة", "LOC") in anercorp


def test_scheme_reaches_batch_and_analyze() -> None:
    text = "وقالت وزارة الخارجية الأمريكية إن الوزير سيزور القاهرة ."
    for scheme in ("news", "anercorp"):
        one = nuqta.entities(text, scheme=scheme)
        assert nuqta.entities_batch([text], scheme=scheme) == [one]
        assert list(nuqta.analyze(text, scheme=scheme).entities) == one


def test_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(nuqta.NuqtaValueError, match="scheme"):
        nuqta.entities("القاهرة", scheme="conll")  # type: ignore[arg-type]
    with pytest.raises(nuqta.NuqtaTypeError, match="scheme"):
        nuqta.entities_batch(["القاهرة"], scheme=None)  # type: ignore[arg-type]
    with pytest.raises(nuqta.NuqtaValueError, match="scheme"):
        nuqta.analyze("القاهرة", scheme="ANERcorp")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["CNN", "IBM", "Google", "Flickr", "BBC"])
def test_latin_script_names_among_arabic_words(name: str) -> None:
    text = f"وذكرت {name} في تقرير نشرته اليوم أن الشركة ستوسع أعمالها ."
    assert (name, "ORG") in {(e.text, e.label) for e in nuqta.entities(text)}


def test_latin_words_next_to_numbers_are_not_names() -> None:
    text = "GMT 14:01 2026 السبت ,10 كانون الثاني / يناير"
    assert all(e.text != "GMT" for e in nuqta.entities(text))

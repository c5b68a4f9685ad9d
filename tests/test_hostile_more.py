"""Hostile inputs through clean, numbers, entities and analyze: each returns with every
span slicing back to its text, or raises a documented nuqta exception. (Normalization's
hostile inputs are in test_hostile.py.) No timing is asserted here; bench/scaling.py
measures time against size."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nuqta

MB = 1_000_000


def check_clean(page: str, *, html: bool) -> nuqta.Cleaned:
    cleaned = nuqta.clean(page, html=html)
    last = 0
    for line in cleaned.lines:
        assert 0 <= line.start <= line.end <= len(page)
        assert line.start >= last
        last = line.start
        if not html:
            assert page[line.start : line.end] == line.text
    assert cleaned.text == "\n".join(line.text for line in cleaned.lines if line.keep)
    return cleaned


def check_mentions(text: str) -> None:
    found = nuqta.numbers(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    named = nuqta.entities(text)
    for e in named:
        assert text[e.start : e.end] == e.text
        assert e.label in ("PER", "LOC", "ORG")


def check_analyze(page: str, *, html: bool) -> nuqta.Document:
    doc = nuqta.analyze(page, html=html)
    base = doc.text if html else page
    for entity in doc.entities:
        assert base[entity.start : entity.end] == entity.text
    for number in doc.numbers:
        assert base[number.start : number.end] == number.text
    return doc


def check_everything(page: str) -> None:
    """Every public function on ``page``, read both as text and as HTML."""
    for html in (False, True):
        check_clean(page, html=html)
        check_analyze(page, html=html)
    check_mentions(page)


SENTENCE = "قال وزير المالية محمد معيط في القاهرة إن 2.5 مليار دولار وصلت يوم 5 مايو 2024. "


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("", id="empty"),
        pytest.param(" \n\t\r\n ", id="blank"),
        pytest.param("ـ" * MB, id="megabyte-of-tatweel"),
        pytest.param("٣" * MB, id="megabyte-of-one-digit"),
        pytest.param("7" * MB, id="megabyte-of-ascii-digit"),
        pytest.param("\u064e" * MB, id="megabyte-of-fatha"),
        pytest.param("ب" + "\u0651" * MB, id="letter-with-a-megabyte-of-shadda"),
        pytest.param("\u200f\u202b\u2066\u200e\u202e\u2069\u061c" * (MB // 7), id="bidi-soup"),
        pytest.param("نص\x00عربي\x00" * 50_000 + "\x00" * 1000, id="nul-bytes"),
        pytest.param("<" * MB, id="megabyte-of-angle-brackets"),
        pytest.param("&#" * (MB // 2), id="megabyte-of-entity-starts"),
    ],
)
def test_degenerate_pages(page: str) -> None:
    check_everything(page)


def test_five_megabyte_single_line() -> None:
    line = (SENTENCE * (5 * MB // len(SENTENCE) + 1))[: 5 * MB].replace("\n", " ")
    check_clean(line, html=False)
    doc = check_analyze(line, html=False)
    assert doc.numbers
    assert doc.entities
    check_mentions(line)


def test_two_hundred_thousand_short_lines() -> None:
    page = "".join(f"سطر {i}\n" for i in range(200_000))
    cleaned = check_clean(page, html=False)
    assert len(cleaned.lines) == 200_000
    check_analyze(page, html=False)
    check_mentions(page)


@pytest.mark.parametrize("tag", ["div", "b", "table", "li", "p"])
def test_hundred_thousand_nested_elements(tag: str) -> None:
    depth = 100_000
    page = f"<html><body>{f'<{tag}>' * depth}<p>{SENTENCE}</p>{f'</{tag}>' * depth}</body></html>"
    cleaned = check_clean(page, html=True)
    assert "معيط" in cleaned.text
    check_analyze(page, html=True)
    unclosed = f"<html><body>{f'<{tag}>نص ' * depth}"
    check_clean(unclosed, html=True)
    check_analyze(unclosed, html=True)


MALFORMED = [
    "<html><body><p>غير مغلق <b>عريض <i>مائل<p>فقرة",
    "<p>" * 10_000 + SENTENCE,
    "</div>" * 10_000 + SENTENCE,
    "<table><tr><td>" * 5_000 + SENTENCE,
    "<html><head><title>" + "عنوان " * 10_000,
    "<script>" + "if (a < b) { '<p>' }" * 5_000,
    "<!--" + SENTENCE * 1_000,
    "<![CDATA[" + SENTENCE * 100,
    '<a href="' + "x" * 100_000,
    "<div " + 'a="1" ' * 50_000 + ">" + SENTENCE,
    "<div " + " ".join(f"a{i}=1" for i in range(100_000)) + ">" + SENTENCE,
    "<input " + " ".join(f"a{i}" for i in range(100_000)) + ">" + SENTENCE,
    "<p>&amp &lt; &#x; &#99999999; &#0; &#xD800; &unknown; &" + SENTENCE,
    "<svg><math><p>" + SENTENCE + "</math></svg><template><p>قالب</template>",
    "<meta property=og:title content='" + "ـ" * 10_000,
    "\ufeff<!DOCTYPE html>\x00<body\x00>" + SENTENCE + "</bo",
]


@pytest.mark.parametrize("page", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_html(page: str) -> None:
    check_everything(page)


@pytest.mark.parametrize(
    "call",
    [
        lambda t: nuqta.clean(t, html=False),
        lambda t: nuqta.clean(t, html=True),
        lambda t: nuqta.clean(t),
        nuqta.numbers,
        nuqta.entities,
        nuqta.analyze,
        lambda t: nuqta.analyze_batch(["ok", t]),
        lambda t: nuqta.Cleaner().clean(t),
    ],
    ids=[
        "clean-text",
        "clean-html",
        "clean-sniff",
        "numbers",
        "entities",
        "analyze",
        "batch",
        "cleaner",
    ],
)
def test_lone_surrogate_raises_a_value_error(call: object) -> None:
    assert callable(call)
    for text in ["\ud800", "نص \udfff عربي"]:
        with pytest.raises(nuqta.NuqtaValueError, match="lone surrogate"):
            call(text)


def test_lone_surrogate_collected_in_a_batch() -> None:
    docs = nuqta.analyze_batch(["نص", "\udc00", "نص"], errors="collect")
    assert isinstance(docs[1], nuqta.AnalyzeError)
    assert isinstance(docs[0], nuqta.Document)
    assert isinstance(docs[2], nuqta.Document)


def test_random_code_points_in_bulk() -> None:
    rng = random.Random(7)
    valid = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000]
    for _ in range(5):
        check_everything("".join(chr(rng.choice(valid)) for _ in range(100_000)))


ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(" \n.،:%$<>/&;#\"'=-0123456789ـ\u200f\u202b\u00a0\ufeff\x00")),
        st.characters(codec="utf-8"),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_random_text(page: str) -> None:
    check_everything(page)


@settings(max_examples=300, deadline=None)
@given(ARABIC_HEAVY)
def test_random_arabic_and_markup(page: str) -> None:
    check_everything(page)
    check_everything(f"<html><body><p>{page}</p><div>{page}</div></body></html>")

"""numbers, entities, clean, Cleaner, analyze and analyze_batch through the public API."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path
from typing import Any

import pytest

import nuqta

DATA = Path(__file__).parent / "data"
PAGES = {p.name: p.read_text(encoding="utf-8") for p in sorted(DATA.glob("0*.txt"))}


def test_numbers_values_units_and_offsets() -> None:
    text = "دفع 2.5 مليار دولار خلال 3 ساعات يوم 5 مايو 2024، ونسبة ١٥٪"
    found = {m.text: m for m in nuqta.numbers(text)}
    money = found["2.5 مليار دولار"]
    assert (money.kind, money.value, money.unit) == ("money", 2_500_000_000, "USD")
    assert found["3 ساعات"].value == 3 * 3600
    assert found["5 مايو 2024"].value == "2024-05-05"
    for m in found.values():
        assert text[m.start : m.end] == m.text


def test_numbers_reference_date() -> None:
    found = nuqta.numbers("في 5 مايو", reference_date=datetime.date(2024, 1, 1))
    assert [m.value for m in found if m.kind == "date"] == ["2024-05-05"]
    assert nuqta.numbers("في 5 مايو", reference_date="2024-01-01") == found
    with pytest.raises(nuqta.NuqtaTypeError, match=r"datetime\.date"):
        nuqta.numbers("5 مايو", reference_date=20240101)  # type: ignore[arg-type]


def test_entities_leave_out_clitics() -> None:
    text = "التقى وزير الخارجية سامح شكري بنظيره سيرغي لافروف في القاهرة"
    found = nuqta.entities(text)
    assert any(e.label == "LOC" and e.text == "القاهرة" for e in found)
    assert any(e.label == "PER" and "لافروف" in e.text for e in found)
    for e in found:
        assert text[e.start : e.end] == e.text
        assert not e.text.startswith(("و", "ب")) or e.text in text.split()


def test_clean_keeps_a_page_without_chrome_whole() -> None:
    page = PAGES["001_01ccc8792b294ebf.txt"]
    cleaned = nuqta.clean(page)
    kept = [line.text for line in cleaned.lines if line.keep]
    assert kept == [line.strip() for line in page.splitlines() if line.strip()]
    assert cleaned.text == "\n".join(kept)


def test_clean_says_why() -> None:
    cleaned = nuqta.clean(PAGES["000_b9b3c63502130dbb.txt"])
    reasons = {line.reason for line in cleaned.lines if not line.keep}
    assert "timestamp" in reasons
    assert cleaned.title is not None
    assert cleaned.byline == "القاهرة – علي السيد"


def test_clean_html() -> None:
    page = (
        "<html><head><title>موقع | عنوان</title><script>alert(1)</script></head><body>"
        "<nav><a href='/'>الرئيسية</a></nav><h1>عنوان الخبر</h1>"
        "<p>قال مسؤولون في القاهرة إن المحادثات مستمرة منذ أسبوعين بين الجانبين.</p>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    cleaned = nuqta.clean(page)
    assert "المحادثات مستمرة" in cleaned.text
    assert "alert" not in cleaned.text
    assert "الحقوق" not in cleaned.text


@pytest.mark.parametrize("name", list(PAGES))
def test_analyze_spans_index_the_page(name: str) -> None:
    page = PAGES[name]
    doc = nuqta.analyze(page)
    assert not doc.html
    for line in doc.lines:
        assert page[line.start : line.end] == line.text
    mentions: list[nuqta.Entity | nuqta.NumberMention] = [*doc.entities, *doc.numbers]
    for m in mentions:
        assert page[m.start : m.end] == m.text
    for group in doc.entity_groups:
        assert group.mentions
        assert all(doc.entities[i].label == group.label for i in group.mentions)
    assert doc.to_dict()["title"] == doc.title


def test_analyze_html_spans_index_the_text() -> None:
    page = (
        "<html><body><h1>عنوان</h1>"
        "<p>زار الرئيس القاهرة يوم 5 مايو 2024 مع 300 شخص.</p></body></html>"
    )
    doc = nuqta.analyze(page)
    assert doc.html
    mentions: list[nuqta.Entity | nuqta.NumberMention] = [*doc.entities, *doc.numbers]
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text


def test_analyze_batch_in_order_and_collects_errors() -> None:
    pages = list(PAGES.values())
    docs = nuqta.analyze_batch(pages)
    assert docs == [nuqta.analyze(p) for p in pages]
    mixed = nuqta.analyze_batch([pages[0], 42, "نص\ud800"], errors="collect")  # type: ignore[call-overload]
    assert isinstance(mixed[0], nuqta.Document)
    assert isinstance(mixed[1], nuqta.AnalyzeError)
    assert mixed[1].index == 1
    assert "must be str" in mixed[1].message
    assert isinstance(mixed[2], nuqta.AnalyzeError)
    assert "surrogate" in mixed[2].message
    with pytest.raises(nuqta.NuqtaTypeError, match=r"pages\[1\]"):
        nuqta.analyze_batch([pages[0], 42])  # type: ignore[list-item]
    with pytest.raises(nuqta.NuqtaValueError):
        nuqta.analyze_batch(pages, errors="ignore")  # type: ignore[call-overload]


def test_results_pickle_and_are_frozen() -> None:
    doc = nuqta.analyze(PAGES["000_b9b3c63502130dbb.txt"])
    assert pickle.loads(pickle.dumps(doc)) == doc
    with pytest.raises(AttributeError):
        doc.title = "x"  # type: ignore[misc]


def test_cleaner_learns_a_template_and_pickles() -> None:
    chrome = "اشترك في النشرة البريدية لموقعنا الآن"
    pages = [
        f"خبر رقم {i} عن الاقتصاد\n{chrome}\n"
        f"قال مسؤولون إن الاقتصاد نما بنسبة {i} في المئة خلال العام الماضي بحسب التقرير."
        for i in range(6)
    ]
    cleaner = nuqta.Cleaner()
    cleaner.learn(pages)
    assert cleaner.pages_learned == 6
    cleaned = cleaner.clean(pages[0])
    assert chrome not in cleaned.text
    assert "الاقتصاد نما" in cleaned.text
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy.clean(pages[1]) == cleaner.clean(pages[1])
    assert cleaner.clean_batch(pages) == [cleaner.clean(p) for p in pages]


def test_repr_html_escapes_everything() -> None:
    page = "عنوان <script>alert('x')</script>\nقال الرئيس في القاهرة إن <b>300</b> شخص حضروا."
    html = nuqta.analyze(page, html=False)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'dir="rtl"' in html
    assert 'lang="ar"' in html


@pytest.mark.parametrize(
    "call",
    [nuqta.numbers, nuqta.entities, nuqta.clean, nuqta.analyze],
)
def test_bad_arguments(call: object) -> None:
    assert callable(call)
    with pytest.raises(nuqta.NuqtaTypeError):
        call(None)
    with pytest.raises(nuqta.NuqtaValueError, match="surrogate"):
        call("\udc80")


def test_entities_batch_equals_single() -> None:
    texts = list(PAGES.values())
    assert nuqta.entities_batch(texts) == [nuqta.entities(t) for t in texts]
    with pytest.raises(nuqta.NuqtaTypeError, match=r"texts\[1\]"):
        nuqta.entities_batch(["نص", 3])  # type: ignore[list-item]


def test_analyze_can_skip_steps() -> None:
    page = PAGES["000_b9b3c63502130dbb.txt"]
    full = nuqta.analyze(page)
    no_entities = nuqta.analyze(page, entities=False)
    assert no_entities.entities == ()
    assert no_entities.numbers == full.numbers
    assert nuqta.analyze(page, numbers=False).numbers == ()
    with pytest.raises(nuqta.NuqtaTypeError, match="entities must be True or False"):
        nuqta.analyze(page, entities="no")  # type: ignore[arg-type]


def test_to_dict_is_what_dataclasses_asdict_gives() -> None:
    import dataclasses

    kinds = set()
    for page in nuqta.sample_pages().values():
        doc = nuqta.analyze(page)
        assert doc.to_dict() == dataclasses.asdict(doc)
        cleaned = nuqta.clean(page)
        assert cleaned.to_dict() == dataclasses.asdict(cleaned)
        items: list[Any] = [*doc.entity_groups, *doc.numbers, *doc.entities, *doc.lines]
        for item in items:
            assert item.to_dict() == dataclasses.asdict(item)
            kinds.add(type(item).__name__)
    assert kinds == {"EntityGroup", "NumberMention", "Entity", "Line"}
    error = nuqta.analyze_batch([1], errors="collect")[0]  # type: ignore[call-overload]
    assert error.to_dict() == dataclasses.asdict(error)

"""Classes found by reading news, over generated variants: a qualifier after ل or ب, لا
يتجاوز as a bound, family names with آل, titles of works in quotes, the day of a month
written الـ20, a bare weekday in a sentence on the day it names or the day before it,
square units in the accusative, the spoken half (نص لتر), a day before a date of the same
month, and future verbs before a month."""

from __future__ import annotations

import datetime

import pytest

import nuqta


def mentions(text: str, **options: object) -> list[nuqta.NumberMention]:
    found = nuqta.numbers(text, **options)  # type: ignore[arg-type]
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [
        ("نحو", "approx"),
        ("حوالي", "approx"),
        ("أكثر من", "more_than"),
        ("أقل من", "less_than"),
        ("ما يزيد على", "more_than"),
        ("ما يقارب", "approx"),
    ],
)
@pytest.mark.parametrize("prep", ["ل", "ب"])
@pytest.mark.parametrize("amount", ["56", "90 دقيقة", "3 ملايين دولار"])
def test_a_qualifier_after_a_preposition(
    words: str, qualifier: str, prep: str, amount: str
) -> None:
    [m] = mentions(f"اجتمعا {prep}{words} {amount} في القصر")
    assert m.qualifier == qualifier
    assert m.text == f"{words} {amount}"


@pytest.mark.parametrize("verb", ["لا يتجاوز", "لا تتجاوز", "لا يتعدى", "لا تتعدى"])
@pytest.mark.parametrize("amount", ["26 سنة", "500 دولار", "20"])
def test_not_exceeding_is_at_most(verb: str, amount: str) -> None:
    [m] = mentions(f"عددهم {verb} {amount} في المعدل")
    assert (m.qualifier, m.text) == ("at_most", f"{verb} {amount}")


@pytest.mark.parametrize("word", ["ثاني", "خامس", "ثالث"])
def test_family_names_with_al(word: str) -> None:
    assert mentions(f"قال الشيخ سعود بن عبدالرحمن آل {word}، سفير قطر") == []


@pytest.mark.parametrize("work", ["برنامج", "مسلسل", "فيلم", "رواية", "كتاب"])
@pytest.mark.parametrize(
    ("title", "quotes"), [("60 دقيقة", '""'), ("300", "«»"), ("ثلاثة أيام", "“”")]
)
def test_titles_of_works_in_quotes(work: str, title: str, quotes: str) -> None:
    assert mentions(f"في مقابلة مع {work} {quotes[0]}{title}{quotes[1]} الشهير") == []


@pytest.mark.parametrize("title", ["60 دقيقة", "300"])
def test_a_quoted_amount_without_a_work_is_kept(title: str) -> None:
    assert len(mentions(f'قال إنه انتظر "{title}" كاملة')) == 1


@pytest.mark.parametrize("name", ["هايابوسا", "حماة الصداقة", "المرحلة"])
@pytest.mark.parametrize("n", [2, 3])
def test_a_small_number_closing_a_quoted_name(name: str, n: int) -> None:
    assert mentions(f'ثم يتوقع أن تهبط "{name} {n} " داخل الحفرة') == []


@pytest.mark.parametrize("day", [1, 9, 20, 28])
@pytest.mark.parametrize(("which", "month"), [("الماضي", "2018-01"), ("الجاري", "2018-02")])
@pytest.mark.parametrize("article", ["الـ", "الـ "])
def test_the_day_of_a_month_after_the_article(
    day: int, which: str, month: str, article: str
) -> None:
    [m] = mentions(f"منذ {article}{day} من الشهر {which}.", reference_date="2018-02-19")
    assert (m.kind, m.value) == ("date", f"{month}-{day:02d}")
    assert m.text.startswith("الـ")


WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


@pytest.mark.parametrize("day", range(7))
@pytest.mark.parametrize("reference", ["2018-03-05", "2024-07-15"])
def test_a_weekday_in_a_sentence_on_that_day_is_that_day(day: int, reference: str) -> None:
    ref = datetime.date.fromisoformat(reference) + datetime.timedelta(days=day)
    name = WEEKDAYS[ref.weekday()]
    for text in (
        f"ويعقد مجلس الأمن الدولي بطلب من فرنسا {name} جلسة طارئة",
        f"قال وزير الخارجية {name} إن المفاوضات مستمرة",
    ):
        [m] = mentions(text, reference_date=ref)
        assert m.value == ref.isoformat()
    [m] = mentions(f"ويعقد مجلس الأمن {name} المقبل جلسة", reference_date=ref)
    assert m.value == (ref + datetime.timedelta(days=7)).isoformat()


@pytest.mark.parametrize("day", range(7))
def test_tomorrow_by_name_without_a_verb_of_the_past(day: int) -> None:
    ref = datetime.date(2018, 6, 25) + datetime.timedelta(days=day)
    tomorrow = ref + datetime.timedelta(days=1)
    name = WEEKDAYS[tomorrow.weekday()]
    [m] = mentions(f"تتجه الأنظار يوم {name} صوب استاد المدينة", reference_date=ref)
    assert m.value == tomorrow.isoformat()
    # A verb of the past still makes it last week's.
    [m] = mentions(f"وقال الوزير {name} إن الاتفاق صامد", reference_date=ref)
    assert m.value == (tomorrow - datetime.timedelta(days=7)).isoformat()


@pytest.mark.parametrize(
    ("unit", "code"),
    [
        ("قدما مربعا", "ft2"),
        ("قدم مربع", "ft2"),
        ("ميلا مربعا", "mi2"),
        ("كيلومترا مربعا", "km2"),
        ("مترا مربعا", "m2"),
        ("مترا مكعبا", "m3"),
    ],
)
@pytest.mark.parametrize("n", [15, 2150, 99])
def test_square_and_cubic_units_in_the_accusative(unit: str, code: str, n: int) -> None:
    [m] = mentions(f"تغطي {n} {unit} في الساعة")
    assert (m.kind, m.value, m.unit, m.text) == ("quantity", n, code, f"{n} {unit}")


@pytest.mark.parametrize(
    ("unit", "value", "code"),
    [("لتر", 0.5, "l"), ("كيلو", 0.5, "kg"), ("ساعة", 1800, "second"), ("متر", 0.5, "m")],
)
def test_the_spoken_half_before_a_unit(unit: str, value: float, code: str) -> None:
    [m] = mentions(f"اشتريت نص {unit} من السوق")
    assert (m.value, m.unit) == (value, code)


@pytest.mark.parametrize("text", ["قرأت نص القانون", "نص البيان الختامي", "في نص الاتفاق"])
def test_nass_alone_is_a_text(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    ("first", "second", "day"),
    [("التاسع", "والعاشر", 9), ("الأول", "والثاني", 1), ("3", "و4", 3), ("20", "و 21", 20)],
)
@pytest.mark.parametrize(("month", "number"), [("من أيار/مايو", 5), ("من شهر يوليو", 7)])
def test_a_day_before_a_date_of_the_same_month(
    first: str, second: str, day: int, month: str, number: int
) -> None:
    found = mentions(f"كان آخرها ليلة {first} {second} {month}، حيث", reference_date="2018-09-18")
    assert [m.value for m in found] == [
        f"2018-{number:02d}-{day:02d}",
        f"2018-{number:02d}-{day + 1:02d}",
    ]


@pytest.mark.parametrize("verb", ["ستتحدد", "سيعقد", "ستجري", "سيتم"])
@pytest.mark.parametrize(("month", "number"), [("نوفمبر", 11), ("أيلول", 9)])
def test_a_future_verb_puts_a_month_ahead(verb: str, month: str, number: int) -> None:
    [m] = mentions(
        f"النتائج {verb} بعد انتهاء التجارب في شهر {month}.", reference_date="2018-04-11"
    )
    assert m.value == f"2018-{number:02d}"

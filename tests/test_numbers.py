"""nuqta.numbers: the traps of issue 3 on the sample pages, invariants for any text, values."""

from __future__ import annotations

import datetime
import math
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nuqta

DATA = Path(__file__).parent / "data"
PAGES = sorted(DATA.glob("0*.txt"))

# Phrases that hold a number word or a digit but are no number, and the kinds a mention
# that overlaps them may have (none, or a date that merely includes a weekday or the
# relative "اول من امس", the day before yesterday).
TRAPS: dict[str, frozenset[str]] = {
    r"\bالفريق\b": frozenset(),
    r"\bالفتاح\b": frozenset(),
    r"\bستنال\b": frozenset(),
    r"\bاول من امس\b": frozenset({"date"}),
    r"\b(?:ال)?(?:اثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت|أحد)\b": frozenset({"date"}),
    r"2\+2": frozenset(),
    r"حماة الصداقة 2": frozenset(),
}

REFERENCE = datetime.date(2024, 3, 1)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_sample_pages_are_bundled() -> None:
    assert len(PAGES) >= 5


@pytest.mark.parametrize("reference", [None, REFERENCE])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:3])
def test_no_false_positive_from_traps(path: Path, reference: datetime.date | None) -> None:
    text = _read(path)
    mentions = nuqta.numbers(text, reference_date=reference)
    hits = 0
    for pattern, allowed in TRAPS.items():
        for trap in re.finditer(pattern, text):
            hits += 1
            for m in mentions:
                if m.start < trap.end() and trap.start() < m.end:
                    assert m.kind in allowed, f"{m!r} inside trap {trap.group()!r}"
    assert hits > 0


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:3])
def test_bare_weekdays_are_dates_without_a_value_without_a_reference(path: Path) -> None:
    text = _read(path)
    for m in nuqta.numbers(text):
        if re.fullmatch(r"(?:ال)?(?:اثنين|ثلاثاء|خميس|جمعة|سبت|أحد)", m.text):
            assert (m.kind, m.value) == ("date", None), m


def test_phone_numbers_are_not_cardinals() -> None:
    text = "للاستفسار اتصل على 0123456789 أو +20 2 2345 6789"
    for m in nuqta.numbers(text):
        assert m.kind != "cardinal" or (isinstance(m.value, int | float) and abs(m.value) < 1e6)


# Text biased towards digits, number words and the symbols around them.
PIECES = st.sampled_from(
    [
        "ثلاثة",
        "وعشرون",
        "ألف",
        "مليون",
        "مليار",
        "نصف",
        "الأول",
        "دولار",
        "بالمئة",
        "%",
        "يوم",
        "مايو",
        "كانون الثاني",
        "الساعة",
        "صباحا",
        "هـ",
        "عام",
        ":",
        "/",
        "-",
        ".",
        "٫",
        "،",
        " ",
        "و",
        "ب",
        "١٢٣",
        "۴۵",
        "9" * 30,
        "e308",
    ]
)
TEXT = st.lists(
    st.one_of(
        PIECES,
        st.integers(min_value=0, max_value=10**25).map(str),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=5),
    ),
    max_size=30,
).map(" ".join)

settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@given(TEXT, st.sampled_from([None, REFERENCE, datetime.date(1, 1, 1)]))
def test_spans_slice_back_and_values_are_finite(text: str, reference: datetime.date | None) -> None:
    mentions = nuqta.numbers(text, reference_date=reference)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        if isinstance(m.value, float):
            assert math.isfinite(m.value)
        assert isinstance(m.value, int | float | str)


@given(st.text())
def test_any_str_returns_or_raises_a_nuqta_error(text: str) -> None:
    try:
        mentions = nuqta.numbers(text)
    except nuqta.NuqtaError:
        return
    assert isinstance(mentions, list)


def test_wrong_argument_types_raise_nuqta_errors() -> None:
    with pytest.raises(nuqta.NuqtaError):
        nuqta.numbers(42)  # type: ignore[arg-type]
    with pytest.raises(nuqta.NuqtaTypeError):
        nuqta.numbers("3", reference_date=20240101)  # type: ignore[arg-type]
    with pytest.raises(nuqta.NuqtaValueError):
        nuqta.numbers("3", reference_date="yesterday")
    with pytest.raises(nuqta.NuqtaValueError):
        nuqta.numbers("3", country="Algeria")
    with pytest.raises(nuqta.NuqtaTypeError):
        nuqta.numbers("3", relative_ordinals=1)  # type: ignore[arg-type]


VALUES: list[tuple[str, str, str, int | float | str, str | None]] = [
    ("قتل ثلاثة وعشرون شخصا", "ثلاثة وعشرون", "cardinal", 23, None),
    ("ألف وتسعمائة وخمسة وتسعون", "ألف وتسعمائة وخمسة وتسعون", "cardinal", 1995, None),
    ("بلغ عدد السكان 3 ملايين", "3 ملايين", "cardinal", 3_000_000, None),
    ("قرض بقيمة 2.5 مليار دولار", "2.5 مليار دولار", "money", 2_500_000_000, "USD"),
    ("ارتفع بنسبة 15.5%", "15.5%", "percent", 15.5, None),
    ("تراجع ١٠٠ في المئة", "١٠٠ في المئة", "percent", 100, None),
    ("حل في المركز الرابع", "الرابع", "ordinal", 4, None),
    ("قطع 30 كيلومتر", "30 كيلومتر", "quantity", 30, "km"),
    ("انتظر ساعتين", "ساعتين", "duration", 7200, "second"),
    ("في 27 مايو/آيار 2017", "27 مايو/آيار 2017", "date", "2017-05-27", None),
    ("منذ عام 2014", "عام 2014", "date", "2014", None),
    ("عند الساعة 10 مساء", "الساعة 10 مساء", "time", "22:00", None),
    ("عند 23:29", "23:29", "time", "23:29", None),
    ("وصل يوم 5 مايو", "5 مايو", "date", "2024-05-05", None),
    ("وصل يوم الخامس من مايو", "الخامس من مايو", "date", "2024-05-05", None),
]


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit"), VALUES)
def test_values(
    text: str, span: str, kind: str, value: int | float | str, unit: str | None
) -> None:
    mentions = nuqta.numbers(text, reference_date=REFERENCE)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert (m.text, m.kind, m.unit) == (span, kind, unit)
    if isinstance(value, float):
        assert m.value == pytest.approx(value)
    else:
        assert m.value == value


def test_relative_dates_follow_the_reference() -> None:
    [yesterday] = nuqta.numbers("وصل أمس", reference_date=REFERENCE)
    assert (yesterday.kind, yesterday.value) == ("date", "2024-02-29")
    # Without a reference it is still a date, with no value; an ISO string is a reference.
    [unknown] = nuqta.numbers("وصل أمس")
    assert (unknown.kind, unknown.value, unknown.text) == ("date", None, "أمس")
    assert nuqta.numbers("وصل أمس", reference_date="2024-03-01") == [yesterday]


def test_hijri_date_keeps_its_form() -> None:
    [m] = nuqta.numbers("في 15 رمضان 1445 هـ")
    assert m.kind == "date"
    assert isinstance(m.value, str)
    assert m.value.startswith("2024-03")
    assert m.unit == "islamic:1445-09-15"


# Relative ordinals, with relative_ordinals=True: a rank counted from the end of a list or
# from the current item, as an offset from the unit "end" or "current".
RELATIVE = [
    ("احذف الجملة الأخيرة.", "الأخيرة", 0, "end"),
    ("أريد آخر كتاب", "آخر", 0, "end"),
    ("أرني ما قبل الأخير", "قبل الأخير", -1, "end"),
    ("أريني الواحد قبل الاخير.", "الواحد قبل الاخير", -1, "end"),
    ("أرني تلك التي سبقت الأخيرة", "سبقت الأخيرة", -1, "end"),
    ("اختر الثالث من الأخير", "الثالث من الأخير", -2, "end"),
    ("انتقل الى الصفحة السابقة.", "السابقة", -1, "current"),
    ("أعطني البند التالي.", "التالي", 1, "current"),
    ("انظر إلى الصفحة الحالية", "الحالية", 0, "current"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), RELATIVE)
def test_relative_ordinals(text: str, span: str, value: int, unit: str) -> None:
    assert nuqta.numbers(text, reference_date=REFERENCE) == []
    [m] = nuqta.numbers(text, reference_date=REFERENCE, relative_ordinals=True)
    assert (m.text, m.kind, m.value, m.unit) == (span, "ordinal", value, unit)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "أطاح الجيش بالرئيس السابق",  # former, not a place in a list
        "التقى الوزير الحالي",
        "قال مسؤول آخر إن",  # another, not the last
        "جرى الأمر في مكان آخر",
        "وبالتالي أصبحت كلماتها",  # therefore
        "كما حدث في السابق",  # formerly
        "سمح للأخير بارتداء",  # the latter
    ],
)
def test_relative_words_that_are_no_rank(text: str) -> None:
    assert [m for m in nuqta.numbers(text) if m.kind == "ordinal"] == []


def test_relative_words_of_time_stay_dates() -> None:
    kinds = [m.kind for m in nuqta.numbers("الأسبوع القادم", reference_date=REFERENCE)]
    assert kinds == ["date"]
    assert nuqta.numbers("سأخرج 3 أيام القادمة")[0].kind == "duration"
    assert all(m.kind != "ordinal" for m in nuqta.numbers("في الأشهر الثلاثة القادمة"))


@pytest.mark.parametrize(
    ("text", "value"), [("شهر", 2592000), ("أسبوع.", 604800), ("ساعة", 3600), ("- يوم", 86400)]
)
def test_unit_word_alone_is_one_unit(text: str, value: int) -> None:
    [m] = nuqta.numbers(text)
    assert (m.kind, m.value, m.unit) == ("duration", value, "second")
    assert text[m.start : m.end] == m.text


def test_unit_word_in_a_sentence_is_no_duration() -> None:
    assert nuqta.numbers("اشترى ساعة جديدة") == []
    assert all(m.kind != "duration" for m in nuqta.numbers("بدأ شهر رمضان"))


AUTUMN = datetime.date(2016, 11, 7)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("سأخرج في مارس", "مارس", "2017-03", None),
        ("سأخرج هذا آب", "آب", "2017-08", None),
        ("يصوم في رمضان", "رمضان", "2017-05", "islamic:1438-09"),
        ("حتى شهر صفر", "صفر", "2016-11", "islamic:1438-02"),
        ("بني عام 247", "عام 247", "0247", None),
        ("حدث عام ألفين وعشرين", "عام ألفين وعشرين", "2020", None),
    ],
)
def test_cued_months_and_spelled_years(text: str, span: str, value: str, unit: str | None) -> None:
    [m] = nuqta.numbers(text, reference_date=AUTUMN)
    assert (m.text, m.kind, m.value, m.unit) == (span, "date", value, unit)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text", ["مارس الرياضة", "انتهت في صفر", "عام 500 ألف", "بلغ العدد عام 300 مليون"]
)
def test_month_words_and_big_numbers_are_no_dates(text: str) -> None:
    assert all(m.kind != "date" for m in nuqta.numbers(text, reference_date=AUTUMN))


@pytest.mark.parametrize(
    "text", ["خلال الفترة 2014-2018 شهدت", "من عام 2014 إلى 2018", "في 2014 - 2018"]
)
def test_ranges_of_years(text: str) -> None:
    mentions = nuqta.numbers(text)
    assert [(m.kind, m.value) for m in mentions] == [("date", "2014"), ("date", "2018")]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_codes_that_look_like_years_stay_out() -> None:
    assert nuqta.numbers("الرمز 2014-2018-1234") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سأعود في 15.", [("15", "2016-11-15")]),
        ("الاسبوع بعد القادم", [("الاسبوع بعد القادم", "2016-11-21")]),
        ("العام قبل الماضي", [("العام قبل الماضي", "2014")]),
        ("من 4 إلى 22 هذا الشهر", [("4", "2016-11-04"), ("22 هذا الشهر", "2016-11-22")]),
        ("نوفمبر بين 15 و 19", [("نوفمبر بين 15", "2016-11-15"), ("19", "2016-11-19")]),
        ("في العاشر من سبتمبر ، ألفين", [("العاشر من سبتمبر ، ألفين", "2000-09-10")]),
        ("من ألفين إلى ألفين وأربعة عشر", [("ألفين", "2000"), ("ألفين وأربعة عشر", "2014")]),
    ],
)
def test_more_dates(text: str, expected: list[tuple[str, str]]) -> None:
    mentions = nuqta.numbers(text, reference_date=AUTUMN)
    assert [(m.text, m.value) for m in mentions] == expected
    assert all(m.kind == "date" and text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    "text", ["فاز في 15 مباراة", "ارتفع العدد إلى 27.", "من 1500 إلى 2000 شخص"]
)
def test_counts_stay_cardinals(text: str) -> None:
    assert all(m.kind == "cardinal" for m in nuqta.numbers(text, reference_date=AUTUMN))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الأسبوع الأول من عام 2015", "2014-12-29"),  # ISO week 1 holds 4 January
        ("الأسبوع الثالث من هذا الشهر", "2016-11-21"),
        ("الأسبوع الثاني من شهر مارس", "2016-03-14"),
        ("سأخرج 2015/3", "2015-03"),
        ("سأخرج 3-2015", "2015-03"),
    ],
)
def test_weeks_and_numeric_months(text: str, value: str) -> None:
    [m] = nuqta.numbers(text, reference_date=AUTUMN)
    assert (m.kind, m.value) == ("date", value)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25799\u202a,\u202a52", 25799.52),  # marks of direction inside a number
        ("26،013\u202a,94", 26013.94),
        ("1\u202f234\u202f567.89 هو", 1234567.89),  # thin spaces between thousands
        ("مئة أجزاء من خمسة وثلاثين", 100 / 35),  # parts, more than a whole
    ],
)
def test_more_cardinals(text: str, value: float) -> None:
    [m] = nuqta.numbers(text)
    assert m.kind == "cardinal"
    assert m.value == pytest.approx(value)
    assert text[m.start : m.end] == m.text


def test_one_as_a_pronoun_is_no_count() -> None:
    assert nuqta.numbers("قال كل واحد منهم") == []
    assert nuqta.numbers("أي واحد تفضل؟") == []
    assert [m.value for m in nuqta.numbers("ربح واحد وعشرين")] == [21]


def test_a_hundred_after_the_article_is_a_rank() -> None:
    [m] = nuqta.numbers("الذكرى المئة لتأسيس المدينة")
    assert (m.text, m.kind, m.value) == ("المئة", "ordinal", 100)
    assert [m.kind for m in nuqta.numbers("زاد 5 في المائة")] == ["percent"]
    assert nuqta.numbers("نسبة المئة بالمئة") == []


def test_ordinal_day_of_a_relative_month() -> None:
    text = "في العشرين من الشهر الجاري"
    [m] = nuqta.numbers(text, reference_date=AUTUMN)
    assert (m.text, m.kind, m.value) == ("العشرين من الشهر الجاري", "date", "2016-11-20")
    [m] = nuqta.numbers("الأول من الشهر المقبل", reference_date=AUTUMN)
    assert m.value == "2016-12-01"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("سأعود في عيد الشكر 2010", "2010-11-25"),  # the fourth Thursday of November
        ("سأعود في يوم الشكر", "2016-11-24"),
        ("سأعود ليلة رأس السنة الجديدة", "2016-12-31"),
    ],
)
def test_more_holidays(text: str, value: str) -> None:
    [m] = nuqta.numbers(text, reference_date=AUTUMN)
    assert (m.kind, m.value) == ("date", value)
    assert nuqta.numbers("وجه الشكر للجميع", reference_date=AUTUMN) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("خلال عام 2017 بعدما", [("عام 2017", "date", "2017")]),
        ("خلال شهر يناير 2018 تضمنت", [("يناير 2018", "date", "2018-01")]),
        ("لمدة ساعة", [("ساعة", "duration", 3600)]),
    ],
)
def test_a_unit_before_a_date_is_no_length(
    text: str, expected: list[tuple[str, str, int | str]]
) -> None:
    assert [(m.text, m.kind, m.value) for m in nuqta.numbers(text)] == expected

"""The numbers API's product decisions: typed values, qualifiers and ranges, ages,
relative dates without a reference, countries' currencies, the batch call and the frame."""

from __future__ import annotations

import datetime
import itertools

import pytest

import nuqta

NUMERIC = {"cardinal", "ordinal", "fraction", "percent", "money", "quantity", "duration", "age"}


def one(text: str, **options: object) -> nuqta.NumberMention:
    found = nuqta.numbers(text, **options)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


QUALIFIED = [
    ("نحو", "approx"),
    ("حوالي", "approx"),
    ("قرابة", "approx"),
    ("زهاء", "approx"),
    ("أكثر من", "more_than"),
    ("ما يزيد على", "more_than"),
    ("ما يزيد عن", "more_than"),
    ("أزيد من", "more_than"),
    ("أقل من", "less_than"),
    ("دون", "less_than"),
    ("ما لا يقل عن", "at_least"),
    ("لا يقل عن", "at_least"),
    ("ما لا يزيد عن", "at_most"),
]
AMOUNTS = [
    ("200 ألف شخص", "cardinal", 200_000),
    ("مئتي ألف شخص", "cardinal", 200_000),
    ("50 مليون دولار", "money", 50_000_000),
    ("ثلاثين بالمئة", "percent", 30),
    ("10 كيلومترات", "quantity", 10),
]


@pytest.mark.parametrize(
    ("qualifier", "amount"),
    list(itertools.product(QUALIFIED, AMOUNTS)),
    ids=lambda x: x[1] if isinstance(x[1], str) else str(x[2]),
)
def test_qualifiers_bound_amounts(qualifier: tuple[str, str], amount: tuple[str, str, int]) -> None:
    words, name = qualifier
    text, kind, value = amount
    sentence = f"قال المسؤول إن {words} {text} تأثروا"
    found = [m for m in nuqta.numbers(sentence) if m.kind in NUMERIC]
    assert len(found) == 1, found
    m = found[0]
    assert (m.kind, m.value, m.qualifier) == (kind, value, name)
    assert m.text.startswith(words)
    assert sentence[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "span", "value", "high", "unit"),
    [
        ("بين 10 و20 دولارا", "بين 10 و20 دولارا", 10, 20, "USD"),
        ("من 5 إلى 7 آلاف", "من 5 إلى 7 آلاف", 5000, 7000, None),
        ("من 8 إلى 10 ملايين برميل", "من 8 إلى 10 ملايين برميل", 8_000_000, 10_000_000, "barrel"),
        ("ارتفع بين 3 و5 بالمئة", "بين 3 و5 بالمئة", 3, 5, None),
        ("سعره 10-20 دولار", "10-20 دولار", 10, 20, "USD"),
    ],
)
def test_ranges_are_one_mention(
    text: str, span: str, value: float, high: float, unit: str | None
) -> None:
    m = one(text)
    assert (m.text, m.value, m.high, m.unit) == (span, value, high, unit)
    assert m.qualifier is None


def test_a_score_is_not_a_range() -> None:
    assert [m.value for m in nuqta.numbers("فاز 3-1")] == [3, 1]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("البالغ من العمر 27 عاما", 27),
        ("عمره 40 سنة", 40),
        ("توفي عن عمر ناهز 85 عاما", 85),
        ("الطفل محمد (7 أعوام)", 7),
        ("في سن 18 عاما", 18),
    ],
)
def test_ages_are_years(text: str, years: int) -> None:
    m = one(text)
    assert (m.kind, m.value, m.unit) == ("age", years, "year")


def test_a_length_of_years_is_not_an_age() -> None:
    m = one("استمرت الحرب 8 سنوات")
    assert (m.kind, m.value) == ("duration", 8 * 365 * 86400)


@pytest.mark.parametrize(
    ("text", "span", "with_reference"),
    [
        ("وصل قبل يومين", "قبل يومين", "2024-02-28"),
        ("وصل أمس", "أمس", "2024-02-29"),
        ("يصل غدا", "غدا", "2024-03-02"),
        ("الأسبوع الماضي", "الأسبوع الماضي", "2024-02-19"),
        ("بعد ثلاثة أيام", "بعد ثلاثة أيام", "2024-03-04"),
    ],
)
def test_relative_dates_keep_their_kind(text: str, span: str, with_reference: str) -> None:
    m = one(text)
    assert (m.kind, m.value, m.text) == ("date", None, span)
    r = one(text, reference_date=datetime.date(2024, 3, 1))
    assert (r.kind, r.value, r.text) == ("date", with_reference, span)
    assert one(text, reference_date="2024-03-01") == r


@pytest.mark.parametrize(
    ("noun", "country", "code"),
    [
        ("دينار", "DZ", "DZD"),
        ("دينار", "tn", "TND"),
        ("دينار", "JO", "JOD"),
        ("ريال", "QA", "QAR"),
        ("ريال", "OM", "OMR"),
        ("جنيه", "SD", "SDG"),
        ("درهم", "MA", "MAD"),
        ("ليرة", "SY", "SYP"),
        ("ليرة", "TR", "TRY"),
    ],
)
def test_a_country_picks_the_currency(noun: str, country: str, code: str) -> None:
    text = f"دفع 500 {noun}"
    default = one(text)
    assert default.unit != code
    assert one(text, country=country).unit == code
    # A named currency stays what it says.
    assert one("دفع 500 دولار أمريكي", country=country).unit == "USD"
    doc = nuqta.analyze(text, country=country, entities=False)
    assert [n.unit for n in doc.numbers] == [code]


def test_numbers_batch_matches_numbers() -> None:
    texts = [f"قتل {n} شخصا في {n} مايو" for n in range(1, 29)] * 20
    batch = nuqta.numbers_batch(texts, reference_date="2024-01-01")
    assert batch == [nuqta.numbers(t, reference_date="2024-01-01") for t in texts]
    with pytest.raises(nuqta.NuqtaError):
        nuqta.numbers_batch(["٣", 3])  # type: ignore[list-item]


def test_every_numeric_value_is_a_number() -> None:
    text = (
        "أنفق 2.5 مليار دولار بنسبة 15% على 30 كيلومترا خلال ساعتين، وحل في المركز الرابع، "
        "ونصف السكان، والبالغ من العمر 30 عاما، وبين 5 و10 أشخاص"
    )
    for m in nuqta.numbers(text, relative_ordinals=True):
        if m.kind in NUMERIC:
            assert isinstance(m.value, int | float), m
            assert m.high is None or isinstance(m.high, int | float), m


def test_mentions_frame_has_typed_columns() -> None:
    pd = pytest.importorskip("pandas")
    docs = nuqta.analyze_batch(
        ["قتل 12 شخصا في 27 مايو 2017 عند الساعة 10:30 وبين 5 و10 دولارات"], entities=False
    )
    _, mentions = nuqta.to_pandas(docs)
    assert pd.api.types.is_float_dtype(mentions["value"])
    assert pd.api.types.is_float_dtype(mentions["high"])
    by_type = mentions.set_index("type")
    assert by_type.loc["date", "date"] == "2017-05-27"
    assert by_type.loc["time", "time"] == "10:30"
    assert by_type.loc["money", "high"] == 10.0
    assert by_type.loc["cardinal", "value"] == 12.0


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("في 15 رمضان 1445 هـ", "2024-03-25", "islamic:1445-09-15"),
        ("في 1 شوال 1445", "2024-04-10", "islamic:1445-10-01"),
        ("خلال رمضان 1445", "2024-03", "islamic:1445-09"),
        ("في عام 1445 هـ", "2023", "islamic:1445"),
        ("منذ 1400 هجري", "1979", "islamic:1400"),
        # Outside the Umm al-Qura tables (1343-1500 AH): the tabular calendar.
        ("في 10 محرم 61 هـ", "0680-10-13", "islamic:0061-01-10"),
    ],
)
def test_hijri_dates_are_marked_and_never_gregorian_years(text: str, value: str, unit: str) -> None:
    m = one(text)
    assert (m.kind, m.value, m.unit) == ("date", value, unit)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("قال الوزير الخميس إن المحادثات انتهت", "2024-03-07"),
        ("أعلنت الشرطة الأحد اعتقال ثلاثة", "2024-03-10"),
        ("وقع الانفجار الأربعاء", "2024-03-13"),
        ("سيعقد المجلس اجتماعه الخميس", "2024-03-14"),
        ("من المقرر أن يصل الأحد", "2024-03-17"),
        ("الخميس", "2024-03-14"),
    ],
)
def test_a_weekday_follows_the_tense(sentence: str, value: str) -> None:
    # 2024-03-13 is a Wednesday.
    found = [m for m in nuqta.numbers(sentence, reference_date="2024-03-13") if m.kind == "date"]
    assert [m.value for m in found] == [value]

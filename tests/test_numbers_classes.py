"""Classes of number spellings that real news uses, each tested over generated variants
(not only the example that showed the class): currency subunits, six after و, a scale
word repeated, إحدى with tens, decimals with several words, duals in -ي, a spelled day
before a month, a half after a scale, a currency noun for its own count, units, ال +
digits, agency times, years, and phrases that are not numbers at all."""

from __future__ import annotations

import itertools

import pytest

import nuqta

REFERENCE = "2024-03-13"


def amounts(text: str, **options: object) -> list[tuple[str, object, str | None]]:
    """(kind, value, unit) of every mention in ``text``."""
    found = nuqta.numbers(text, **options)  # type: ignore[arg-type]
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.kind, m.value, m.unit) for m in found]


def close(a: object, b: float) -> bool:
    return isinstance(a, int | float) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


SUBUNITS = [
    ("جنيهات", "قرشا", "EGP", 100),
    ("جنيها", "قرشا", "EGP", 100),
    ("ريالا", "هللة", "SAR", 100),
    ("دولارا", "سنتا", "USD", 100),
    ("دولارات", "سنتات", "USD", 100),
    ("دينارا", "فلسا", "KWD", 1000),
    ("دينارات", "فلس", "KWD", 1000),
    ("دراهم", "فلسا", "AED", 100),
]


@pytest.mark.parametrize(
    ("currency", "whole", "part"),
    list(itertools.product(SUBUNITS, [3, 10, 12, 25, 99], [5, 25, 50, 75])),
)
def test_subunits_add_to_their_currency(
    currency: tuple[str, str, str, int], whole: int, part: int
) -> None:
    noun, sub, code, per = currency
    [(kind, value, unit)] = amounts(f"دفع {whole} {noun} و{part} {sub} ثمنا له")
    assert (kind, unit) == ("money", code)
    assert value == whole + part / per  # exact to the subunit


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("اثنا عشر ريالاً و خمسون هللة", 12.5, "SAR"),
        ("عشرة جنيهات و خمسون قرشا", 10.5, "EGP"),
        ("50 سنتا", 0.5, "USD"),
        ("75 قرشا", 0.75, "EGP"),
        ("خمسون هللة", 0.5, "SAR"),
    ],
)
def test_subunits_in_words_and_alone(text: str, value: float, code: str) -> None:
    assert amounts(text) == [("money", value, code)]


HUNDREDS = [("مائة", 100), ("مئتان", 200), ("ثلاثمائة", 300), ("ستمائة", 600), ("تسعمائة", 900)]
TENS = [("عشرون", 20), ("ثلاثون", 30), ("أربعون", 40), ("خمسون", 50), ("تسعون", 90)]


@pytest.mark.parametrize(("hundred", "ten"), list(itertools.product(HUNDREDS, TENS)))
def test_six_after_wa(hundred: tuple[str, int], ten: tuple[str, int]) -> None:
    text = f"بلغ العدد {hundred[0]} وست و{ten[0]} حالة"
    assert amounts(text) == [("cardinal", hundred[1] + 6 + ten[1], None)]


@pytest.mark.parametrize("noun", ["مدارس", "مستشفيات", "سيارات", "قرى"])
def test_six_after_wa_in_a_list(noun: str) -> None:
    values = [v for _, v, _ in amounts(f"بنت خمس عيادات وست {noun}")]
    assert values == [5, 6]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("مائة ألف وألف", 101_000),
        ("ثلاثمائة ألف وألفان", 302_000),
        ("مائتا ألف وألفان وخمسمائة", 202_500),
        ("أربعة ملايين وثمانمائة ألف وألفان وستون", 4_802_060),
        ("سبعة ملايين ومليون", 8_000_000),
        ("ثلاثة مليارات ومليار", 4_000_000_000),
    ],
)
def test_a_scale_word_repeated_adds_to_its_group(text: str, value: int) -> None:
    assert amounts(f"بلغ {text} شخص") == [("cardinal", value, None)]


@pytest.mark.parametrize(("ten", "hundred"), list(itertools.product(TENS, [("", 0), *HUNDREDS])))
def test_ihda_with_tens(ten: tuple[str, int], hundred: tuple[str, int]) -> None:
    head = f"{hundred[0]} و" if hundred[0] else ""
    text = f"شاركت {head}إحدى و{ten[0]} دولة"
    assert amounts(text) == [("cardinal", hundred[1] + 1 + ten[1], None)]


INTS = [("ثلاث", 3), ("ستة وأربعون", 46), ("مائة", 100), ("اثنان", 2)]
FRACTIONS = [("أربع عشرة", "14"), ("خمسة وثلاثون", "35"), ("سبعة", "7"), ("تسعة وتسعون", "99")]


@pytest.mark.parametrize(("whole", "part"), list(itertools.product(INTS, FRACTIONS)))
def test_decimals_with_several_words(whole: tuple[str, int], part: tuple[str, str]) -> None:
    [(kind, value, _)] = amounts(f"سجل {whole[0]} فاصلة {part[0]} درجة")
    assert kind in ("cardinal", "quantity")
    assert close(value, float(f"{whole[1]}.{part[1]}"))


DUALS = [("ألفي", 2_000), ("مليوني", 2_000_000), ("ملياري", 2_000_000_000), ("مئتي", 200)]


@pytest.mark.parametrize("dual", DUALS)
def test_duals_in_yi(dual: tuple[str, int]) -> None:
    word, value = dual
    assert amounts(f"أنفقت {word} دولار") == [("money", value, "USD")]
    assert amounts(f"حضر أكثر من {word} شخص")[0][1] == value


@pytest.mark.parametrize(("scale", "value"), [("ألف", 1_000), ("مليون", 10**6), ("مليار", 10**9)])
def test_two_hundred_times_a_scale(scale: str, value: int) -> None:
    assert amounts(f"قيمته مئتي {scale} دولار") == [("money", 200 * value, "USD")]


DAYS = [
    ("سبعة عشر", 17),
    ("خمسة", 5),
    ("عشرين", 20),
    ("واحد وثلاثين", 31),
    ("ثلاثة وعشرين", 23),
]
MONTHS = [("يناير", 1), ("أكتوبر", 10), ("ديسمبر", 12), ("كانون الثاني", 1), ("تموز", 7)]


@pytest.mark.parametrize(("day", "month"), list(itertools.product(DAYS, MONTHS)))
def test_a_spelled_day_before_a_month(day: tuple[str, int], month: tuple[str, int]) -> None:
    text = f"ولد في {day[0]} {month[0]} عام ألف وتسعمئة وتسعة وسبعون"
    assert amounts(text) == [("date", f"1979-{month[1]:02}-{day[1]:02}", None)]


SCALES = [("ألف", "آلاف", 10**3), ("مليون", "ملايين", 10**6), ("مليار", "مليارات", 10**9)]


@pytest.mark.parametrize(("scale", "count"), list(itertools.product(SCALES, [1, 3, 7])))
def test_half_after_a_scale(scale: tuple[str, str, int], count: int) -> None:
    single, plural, value = scale
    counts = {1: "", 3: "ثلاثة ", 7: "سبعة "}
    noun = single if count == 1 else plural
    expected = (count + 0.5) * value
    assert amounts(f"بلغ {counts[count]}{noun} ونصف")[0][1] == expected
    spelled = f"بلغ {counts[count]}{noun} ونصف ال{single} دولار"
    assert amounts(spelled) == [("money", expected, "USD")]


@pytest.mark.parametrize("n", [1, 7, 57, 120])
def test_half_after_money(n: int) -> None:
    assert amounts(f"سعره {n} دولارا ونصف") == [("money", n + 0.5, "USD")]


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("دفع دولارين", 2, "USD"),
        ("دفع دينارين", 2, "KWD"),
        ("دفع ريالين", 2, "SAR"),
        ("دفع جنيهين", 2, "EGP"),
        ("دفع درهمين", 2, "AED"),
        ("دفع دينار واحد", 1, "KWD"),
        ("دفع دولارا واحدا", 1, "USD"),
        ("دفع ثلاثة دينارات", 3, "KWD"),
        ("دفع عشرة دولارات", 10, "USD"),
    ],
)
def test_a_currency_noun_counts(text: str, value: int, code: str) -> None:
    assert amounts(text) == [("money", value, code)]


UNITS = [
    ("كيلومترا", "km"),
    ("كلم", "km"),
    ("مترا", "m"),
    ("ميلا", "mile"),
    ("ميل", "mile"),
    ("طنا", "ton"),
    ("لترا", "l"),
    ("برميلا", "barrel"),
]


@pytest.mark.parametrize(("unit", "n"), list(itertools.product(UNITS, [15, 20, 99])))
def test_units_in_every_case(unit: tuple[str, str], n: int) -> None:
    assert amounts(f"قطع {n} {unit[0]} يوميا") == [("quantity", n, unit[1])]


@pytest.mark.parametrize(
    ("text", "decades"), [("خلال عقدين", 2), ("لمدة عقد", 1), ("منذ 3 عقود", 3)]
)
def test_decades(text: str, decades: int) -> None:
    assert amounts(text) == [("duration", decades * 10 * 365 * 86400, "second")]


@pytest.mark.parametrize("n", [2, 23, 100, 1001])
@pytest.mark.parametrize("article", ["الـ", "ال"])
def test_article_and_digits_is_an_ordinal(n: int, article: str) -> None:
    assert amounts(f"الدورة {article}{n} للمهرجان") == [("ordinal", n, None)]


@pytest.mark.parametrize(("h", "m"), [(13, 5), (9, 30), (0, 45), (23, 59)])
def test_agency_times(h: int, m: int) -> None:
    clock = f"{h:02}:{m:02}"
    assert amounts(f"وقع الانفجار الساعة {h},{m:02}") == [("time", clock, None)]
    assert amounts(f"{h},{m:02} بتوقيت غرينتش") == [("time", clock, None)]


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("الساعة الخامسة من مساء اليوم", "17:00"),
        ("الساعة الخامسة و10 دقائق من مساء اليوم", "17:10"),
        ("الساعة السابعة من صباح أمس", "07:00"),
    ],
)
def test_a_part_of_a_named_day(text: str, clock: str) -> None:
    assert amounts(text) == [("time", clock, None)]


@pytest.mark.parametrize("year", [1998, 2009, 2017, 2024])
def test_years(year: int) -> None:
    y = str(year)
    for text in [f"في {y}،", f"أعوام {y}", f"العام الجاري {y}", f"العام الماضي {y}"]:
        assert amounts(text, reference_date=REFERENCE) == [("date", y, None)], text
    assert amounts(f"مايو/ أيّار من العام {y}") == [("date", f"{y}-05", None)]
    assert amounts(f"18 كانون ثاني {y}") == [("date", f"{y}-01-18", None)]


NOT_NUMBERS = [
    "تأهل الفريق إلى نصف النهائي",
    "بلغ ربع النهائي",
    "تتحسن الأمور يوما بعد يوم",
    "تتغير عاما بعد عام",
    "اجتمع فريقي آذار",
    "قمة مجموعة العشرين",
    "التقى مسؤولا آخر",
    "قال الفريق أول ركن",
    "اشترى سيارة نيسان",
    "ألف مبروك للفائزين",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_phrases_that_are_not_numbers(text: str) -> None:
    assert amounts(text, reference_date=REFERENCE) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("الحلقة الأولى بعد المئة", "ordinal", 101),
        ("الدورة الخامسة بعد المئة", "ordinal", 105),
        ("وصل أمس الأول", "date", "2024-03-11"),
    ],
)
def test_phrases_read_whole(text: str, kind: str, value: object) -> None:
    assert amounts(text, reference_date=REFERENCE) == [(kind, value, None)]

"""Bounds and lengths over generated variants: an amount bounded on both sides (أكثر من 10
وأقل من 20), comparisons with أو يساوي and with signs (<= 100), a bound after the amount,
round ranges with a dash, ordinal forms after a comparison, age groups, and lengths of time
made of several units."""

from __future__ import annotations

import itertools

import pytest

import nuqta

LOWER = ["أكثر من", "أكبر من", "أعلى من", "فوق", "لا يقل عن", "على الأقل", "ما لا يقل عن"]
UPPER = ["أقل من", "أصغر من", "أدنى من", "تحت", "لا يزيد عن", "على الأكثر", "ما لا يزيد على"]
SPELLED = {10: "عشرة", 20: "عشرين", 30: "ثلاثين", 100: "مائة", 300: "ثلاثمائة"}
PAIRS = [(10, 20), (20, 30), (100, 300), (15, 250), (1000, 1500)]


def mentions(text: str) -> list[nuqta.NumberMention]:
    found = nuqta.numbers(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def spell(n: int, spelled: bool) -> str:
    return SPELLED[n] if spelled and n in SPELLED else str(n)


@pytest.mark.parametrize(
    ("low", "high", "pair", "swap", "spelled"),
    [
        (lo, hi, pair, swap, spelled)
        for lo, hi in itertools.product(LOWER, UPPER)
        for pair in PAIRS[:3]
        for swap in (False, True)
        for spelled in (False, True)
    ],
)
def test_two_bounds_make_one_range(
    low: str, high: str, pair: tuple[int, int], swap: bool, spelled: bool
) -> None:
    a, b = (spell(n, spelled) for n in pair)
    first, second = (f"{high} {b}", f"{low} {a}") if swap else (f"{low} {a}", f"{high} {b}")
    # و glued to the second bound or standing alone.
    for wa in ("و", "و "):
        phrase = f"{first} {wa}{second}"
        [m] = mentions(f"العدد {phrase} في القائمة")
        assert (m.value, m.high, m.qualifier, m.text) == (pair[0], pair[1], None, phrase)


@pytest.mark.parametrize(("low", "high"), list(itertools.product(LOWER[:3], UPPER[:3])))
def test_crossed_bounds_stay_two(low: str, high: str) -> None:
    found = mentions(f"{low} 40 و{high} 10")
    assert [(m.value, m.high) for m in found] == [(40, None), (10, None)]


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [
        ("أكبر من أو يساوي", "at_least"),
        ("أكثر من او يساوي", "at_least"),
        ("أعلى من أو تساوي", "at_least"),
        ("أقل من أو يساوي", "at_most"),
        ("أصغر من أو تساوي", "at_most"),
        ("على الأقل أو يساوي", "at_least"),
        ("على الأكثر او يساوي", "at_most"),
    ],
)
@pytest.mark.parametrize("n", ["30", "٣٠", "مائة", "2500"])
def test_or_equal_closes_a_bound(words: str, qualifier: str, n: str) -> None:
    [m] = mentions(f"نقاطه {words} {n} نقطة")
    assert (m.qualifier, m.text) == (qualifier, f"{words} {n}")


@pytest.mark.parametrize(
    ("sign", "qualifier"),
    [
        ("<", "less_than"),
        (">", "more_than"),
        ("<=", "at_most"),
        (">=", "at_least"),
        ("< =", "at_most"),
        ("≤", "at_most"),
        ("≥", "at_least"),
    ],
)
@pytest.mark.parametrize(("n", "value"), [("10", 10), ("-30", -30), ("١٠٠", 100)])
@pytest.mark.parametrize("space", ["", " "])
def test_comparison_signs(sign: str, qualifier: str, n: str, value: int, space: str) -> None:
    [m] = mentions(f"القيمة {sign}{space}{n} دائما")
    assert (m.value, m.qualifier, m.text) == (value, qualifier, f"{sign}{space}{n}")


@pytest.mark.parametrize("signs", ["=>", "=<", "<>"])
def test_signs_that_say_nothing(signs: str) -> None:
    [m] = mentions(f"الرقم {signs}30")
    assert (m.value, m.qualifier) == (30, None)


@pytest.mark.parametrize(("after", "qualifier"), [("أقل", "less_than"), ("أكثر", "more_than")])
@pytest.mark.parametrize("n", [4500, 6000, 70])
def test_or_less_than_belongs_to_the_next_amount(after: str, qualifier: str, n: int) -> None:
    found = mentions(f"نقاطه تساوي 5000 أو {after} من {n}")
    assert [(m.value, m.qualifier) for m in found] == [(5000, None), (n, qualifier)]


@pytest.mark.parametrize("bound", ["أو أقل", "أو أكثر"])
@pytest.mark.parametrize("approx", ["حوالي", "نحو"])
def test_a_bound_after_outweighs_an_approximation(bound: str, approx: str) -> None:
    [m] = mentions(f"هناك {approx} 500 {bound} في المخزن")
    assert m.qualifier == ("at_most" if bound == "أو أقل" else "at_least")
    assert m.text == f"{approx} 500 {bound}"


@pytest.mark.parametrize("n", ["خمس مائة", "500", "عشرين"])
def test_and_more_after_an_amount(n: str) -> None:
    [m] = mentions(f"يحتاج المشروع {n} وأكثر")
    assert m.qualifier == "at_least"


@pytest.mark.parametrize(
    ("low", "high"), [(1000, 5000), (200, 300), (2000, 10000), (150, 900), (100, 250)]
)
@pytest.mark.parametrize("dash", ["-", " - ", " – ", " ~ "])
def test_ranges_with_a_dash(low: int, high: int, dash: str) -> None:
    [m] = mentions(f"المدى {low}{dash}{high} في العادة")
    assert (m.value, m.high, m.qualifier) == (low, high, None)
    [m] = mentions(f"المدى {low}{dash}{high} تقريبا")
    assert (m.value, m.high, m.qualifier) == (low, high, "approx")


@pytest.mark.parametrize("score", ["3-1", "2-2", "45-43", "98-102"])
def test_scores_are_not_ranges(score: str) -> None:
    assert all(m.high is None for m in mentions(f"انتهت المباراة {score}"))


@pytest.mark.parametrize("number", ["0100-123-4567", "1234-5678", "2221-3333"])
def test_phone_numbers_are_not_ranges(number: str) -> None:
    assert all(m.high is None for m in mentions(f"اتصل على {number}"))


@pytest.mark.parametrize(
    ("word", "value"),
    [("الثلاثين", 30), ("الخمسين", 50), ("العاشر", 10), ("الخامسة", 5), ("الثامنة عشرة", 18)],
)
@pytest.mark.parametrize(
    ("comparison", "qualifier"),
    [("فوق", "more_than"), ("دون", "less_than"), ("تحت", "less_than"), ("أعلى من", "more_than")],
)
def test_an_ordinal_form_after_a_comparison_counts(
    word: str, value: int, comparison: str, qualifier: str
) -> None:
    [m] = mentions(f"الأطفال {comparison} {word} من العمر")
    assert (m.kind, m.value, m.qualifier) == ("cardinal", value, qualifier)


@pytest.mark.parametrize("under", ["تحت", "دون"])
@pytest.mark.parametrize("years", ["17 عاما", "20 سنة", "23 سنة", "18 عاماً"])
def test_age_groups(under: str, years: str) -> None:
    [m] = mentions(f"فاز منتخب {under} {years} بالبطولة")
    assert (m.kind, m.value, m.qualifier) == ("age", int(years.split()[0]), "less_than")


@pytest.mark.parametrize("bound", ["لا يقل عن", "أكثر من", "حوالي"])
@pytest.mark.parametrize("n", [30, 45])
def test_an_age_after_a_qualifier(bound: str, n: int) -> None:
    [m] = mentions(f"عمره {bound} {n} عاما")
    assert (m.kind, m.value) == ("age", n)


DAY, HOUR, MONTH, YEAR = 86400, 3600, 2592000, 31536000


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("لمدة ساعة ونصف", 1.5 * HOUR),
        ("لمدة يوم ونصف", 1.5 * DAY),
        ("لمدة عام واحد و شهر و 21 يوما", YEAR + MONTH + 21 * DAY),
        ("لمدة 2 أيام و شهر واحد", 2 * DAY + MONTH),
        ("لمدة أسبوع واحد ثلاثة أيام", 10 * DAY),
        ("خلال شهر و10 أيام", MONTH + 10 * DAY),
        ("مدة سنة و 6 أشهر", YEAR + 6 * MONTH),
    ],
)
def test_lengths_of_several_units_add_up(text: str, seconds: float) -> None:
    [m] = mentions(f"سأغادر {text} ثم أعود")
    assert (m.kind, m.value) == ("duration", seconds)

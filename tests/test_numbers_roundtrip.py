"""Round trips through two independent Arabic number spellers (test-only dependencies):
num2words (``lang="ar"``: cardinals, ordinals, money) and pyarabic's number-to-words (both
genders, nominative and oblique case). Every value drawn, up to 10^12, and the edge cases
must be read back, alone and inside a sentence.

Spellings the spellers get wrong are left out, each with its reason:

- num2words writes a group ending in 01 of a scale as the scale twice ("مائة و ألف ألف"
  for 101,000, "مليون مليون", "مليار مليار");
- num2words writes exactly two of a scale as the bare construct dual ("ألفا" for 2,000),
  which alone reads as the accusative "a thousand": it is tested before a counted noun;
- num2words spells ordinals above ten as cardinals, and the fils of a Kuwaiti dinar (a
  thousandth) as hundredths, and names riyals for dollars and euros;
- num2words writes no riyals for an amount under one (" و خمسون هللة"), and reads money
  as a float, dropping the cents of amounts in the millions;
- pyarabic spells up to 999,999,999,999 (it has no word for 10^12), and the first as
  الحادي (the first of الحادي عشر) rather than الأول.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import nuqta

num2words = pytest.importorskip("num2words").num2words
pyarabic_number = pytest.importorskip("pyarabic.number")

EDGES = [
    0, 1, 2, 3, 10, 11, 12, 19, 20, 21, 99, 100, 101, 102, 110, 111, 200, 999, 1_000, 1_001,
    1_100, 2_001, 10_000, 11_000, 100_000, 1_000_000, 3_000_000, 1_000_000_001, 10**9,
    999_999_999_999, 10**12,
]  # fmt: skip

VALUES = st.one_of(
    st.sampled_from(EDGES),
    st.integers(0, 10**12),
    st.integers(0, 12).flatmap(lambda e: st.integers(0, 10**e)),
)
SENTENCE = "وقال التقرير الصادر أمس إن {} شخصا تأثروا بالأزمة"


def cardinals(text: str) -> list[int | float]:
    """The values of the cardinals in ``text`` (spans checked)."""
    found = nuqta.numbers(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [m.value for m in found if m.kind == "cardinal" and isinstance(m.value, int | float)]


def n2w_is_right(words: str) -> bool:
    """False for num2words's known misspellings (see the module docstring)."""
    return not any(f"{scale} {scale}" in words for scale in ("ألف", "مليون", "مليار"))


@settings(max_examples=300, deadline=None)
@given(VALUES)
@example(2_000)
@example(2_000_000)
@example(101_000)
def test_num2words_cardinals(n: int) -> None:
    words = num2words(n, lang="ar")
    if not n2w_is_right(words):
        return
    if words in ("ألفا", "مليونا", "مليارا"):
        # The construct dual stands before a counted noun.
        assert cardinals(f"حضر {words} شخص") == [n]
        return
    assert cardinals(words) == [n]
    assert cardinals(SENTENCE.format(words)) == [n]


@settings(max_examples=300, deadline=None)
@given(VALUES.filter(lambda n: n < 10**12), st.sampled_from([1, 2]), st.sampled_from([1, 2]))
@example(9_001_582_107, 1, 1)
@example(2, 1, 2)
@example(12, 2, 2)
@example(1_000_001, 1, 1)
def test_pyarabic_cardinals(n: int, gender: int, case: int) -> None:
    speller = pyarabic_number.ArNumbers()
    speller.set_feminine(gender)
    speller.set_format(case)
    words = speller.int2str(str(n))
    assert cardinals(words) == [n], words
    assert cardinals(SENTENCE.format(words)) == [n], words


@pytest.mark.parametrize("n", range(1, 11))
def test_num2words_ordinals(n: int) -> None:
    word = num2words(n, lang="ar", to="ordinal")
    found = nuqta.numbers(f"حل في المركز ال{word} في السباق")
    assert [(m.kind, m.value) for m in found] == [("ordinal", n)], word


@pytest.mark.parametrize("n", [*range(2, 31), 45, 99, 100])
def test_pyarabic_ordinals(n: int) -> None:
    word = pyarabic_number.number2ordinal(n)
    found = nuqta.numbers(f"حل في المركز {word} في السباق")
    assert [(m.kind, m.value) for m in found] == [("ordinal", n)], word


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**6), st.integers(1, 99), st.sampled_from([("SAR", "SAR"), ("EGP", "EGP")]))
@example(12, 50, ("SAR", "SAR"))
@example(10, 50, ("EGP", "EGP"))
@example(1_003, 25, ("SAR", "SAR"))
def test_num2words_money(whole: int, cents: int, currency: tuple[str, str]) -> None:
    words = num2words(whole + cents / 100, lang="ar", to="currency", currency=currency[0])
    if not n2w_is_right(words) or whole in (2_000, 2_000_000):
        return
    found = [m for m in nuqta.numbers(f"دفع {words} ثمنا") if m.kind == "money"]
    # Exact to the subunit: 1.39, not 1.3900000000000001.
    assert [(m.value, m.unit) for m in found] == [(round(whole + cents / 100, 2), currency[1])]

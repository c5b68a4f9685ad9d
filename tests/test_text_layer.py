"""Every stage reads the same characters, words and clitics: invisible characters and marks
inside a word never split it, a ZWNJ between two names is a space, a name's first letter is
not taken for a proclitic, and entities carry a canonical name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nuqta

# Common names that start with a letter that can be a proclitic (و ف ب ل ك س), in a sentence
# that names a person or a place.
PEOPLE = (
    "وليد وائل وسام وسيم فيصل فؤاد فاطمة فادي فراس فارس فهد فتحي فريد بشار بلال بوتين بسام "
    "باسل بدر ليلى لينا لطفي كمال كريم كامل كاظم كيري سعيد سامح سلمان سمير سامي سالم سليم"
)
PLACES = (
    "فرنسا فلسطين فنزويلا فيينا بغداد بيروت بريطانيا باريس برلين بروكسل بلجيكا لبنان ليبيا "
    "لندن لشبونة كندا كوريا كينيا كابول كركوك سوريا سنغافورة"
)


def names(text: str) -> list[tuple[str, str, str]]:
    """(span text, label, canonical name) of the entities of ``text``."""
    found = nuqta.entities(text)
    for e in found:
        assert text[e.start : e.end] == e.text
    return [(e.text, e.label, e.name) for e in found]


def test_a_zwnj_between_two_names_is_a_space() -> None:
    text = "التقى سامح شكري بنظيره سيرغي\u200cلافروف في موسكو."
    assert ("سيرغي\u200cلافروف", "PER", "سيرغي لافروف") in names(text)


def test_a_mark_inside_a_name_stays_in_its_span() -> None:
    text = "وصل الوفد إلى القا\u0615هرة أمس."
    assert names(text) == [("القا\u0615هرة", "LOC", "القا\u0615هرة")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قال الأمين العام بان كي مون إن", "بان كي مون"),
        ("وقال وبان كي مون إن", "بان كي مون"),
        ("قال وليد جنبلاط إن", "وليد جنبلاط"),
        ("قال كوفي أنان إن", "كوفي أنان"),
        ("التقى الأمير فيصل بالرئيس", "فيصل"),
    ],
)
def test_a_name_keeps_its_first_letter(text: str, name: str) -> None:
    # the model may take a title in (الأمير فيصل), but never cut the name
    found = names(text)
    assert any(s.endswith(name) and n.endswith(name) for s, _, n in found), found


def test_the_canonical_name_drops_clitics_and_restores_the_article() -> None:
    text = "قال الأمين العام للأمم المتحدة إن الأمم المتحدة ستساعد."
    found = names(text)
    assert [(label, name) for _, label, name in found] == [("ORG", "الأمم المتحدة")] * 2
    doc = nuqta.analyze(text)
    assert [(g.label, g.name, g.mentions) for g in doc.entity_groups] == [
        ("ORG", "الأمم المتحدة", (0, 1))
    ]


@pytest.mark.parametrize("clitic", ["", "و", "ب", "ل", "وب", "ف"])
def test_names_come_out_whole_with_and_without_a_proclitic(clitic: str) -> None:
    wrong = []
    for template, label, pool in [
        ("قال الرئيس {} في بيان إن المحادثات مستمرة", "PER", PEOPLE),
        ("وصل الوفد إلى {} أمس في زيارة رسمية", "LOC", PLACES),
    ]:
        for name in pool.split():
            text = template.format(clitic + name)
            found = names(text)
            # no entity may cut the name, and the name itself must come out whole
            cut = [f for f in found if f[2] != name and name.endswith(f[2]) and f[2]]
            whole = any(n == name for _, _, n in found)
            if cut or (not whole and any(label == lb for _, lb, _ in found)):
                wrong.append((text, found))
    assert not wrong, wrong


def test_a_zwnj_after_a_number_word_parts_nothing() -> None:
    found = nuqta.numbers("دفع خمسة\u200c آلاف دولار")
    assert [(n.kind, n.value, n.unit) for n in found] == [("money", 5000, "USD")]


def test_a_bidi_mark_inside_a_word_is_removed_not_a_space() -> None:
    assert nuqta.normalize("مر\u200fحبا") == "مرحبا"
    assert nuqta.normalize("مرحبا\u200bبك") == "مرحبا بك"


# Sentences that name people, places and organizations and give numbers.
SENTENCES = [
    "التقى وزير الخارجية سامح شكري نظيره الروسي سيرغي لافروف في القاهرة.",
    "قالت الأمم المتحدة إن خمسة آلاف شخص غادروا مدينة حلب خلال ثلاثة أيام.",
    "دفع البنك المركزي المصري مليوني دولار في مايو 2024 لشركة سامسونغ.",
    "زار الرئيس عبد الفتاح السيسي محافظة أسوان يوم الخميس مع 25 وزيرا.",
]

INVISIBLE = ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2067", "\u0640"]
MARKS = [chr(c) for c in [*range(0x064B, 0x0653), 0x0670, *range(0x0610, 0x061B), 0x06D6, 0x06ED]]


def word_interiors(text: str) -> list[int]:
    """Indices strictly inside an Arabic word (between two of its letters)."""
    return [
        i
        for i in range(1, len(text))
        if "\u0621" <= text[i - 1] <= "\u064a" and "\u0621" <= text[i] <= "\u064a"
    ]


def labels(text: str) -> list[str]:
    found = nuqta.entities(text)
    for e in found:
        assert text[e.start : e.end] == e.text
    return [e.label for e in found]


def values(text: str) -> list[object]:
    found = nuqta.numbers(text)
    for n in found:
        assert text[n.start : n.end] == n.text
    return [(n.kind, n.value, n.unit) for n in found]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(SENTENCES),
    st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from(INVISIBLE + MARKS)),
        min_size=1,
        max_size=4,
    ),
)
def test_invisible_characters_and_marks_inside_words_change_no_entity_or_number(
    sentence: str, inserts: list[tuple[int, str]]
) -> None:
    text = sentence
    for at, char in inserts:
        inside = word_interiors(text)
        i = inside[at % len(inside)]
        text = text[:i] + char + text[i:]
    assert labels(text) == labels(sentence), text
    assert values(text) == values(sentence), text

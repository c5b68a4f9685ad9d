"""The normalizer through the public Python API: one test per rule, then the contract."""

from __future__ import annotations

import pickle

import pytest

import nuqta
from nuqta import Normalizer

RULES = [
    "diacritics",
    "quranic_marks",
    "tatweel",
    "alef",
    "alef_maqsura",
    "teh_marbuta",
    "hamza",
    "digits",
    "presentation_forms",
    "persian",
    "invisible",
    "whitespace",
    "punctuation",
]


def only(rule: str, text: str) -> str:
    """Normalizes with every rule off but ``rule``."""
    options = dict.fromkeys(RULES, False)
    options[rule] = True
    return nuqta.normalize(text, **options)


def test_readme_example() -> None:
    assert nuqta.normalize("مُحَمَّدٌ") == "محمد"


def test_options_lists_every_rule() -> None:
    assert list(Normalizer().options) == RULES


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        ("diacritics", "مُحَمَّدٌ", "محمد"),
        ("diacritics", "هٰذا", "هذا"),
        ("tatweel", "جميـــل", "جميل"),
        ("alef", "أحمد إلى آخر ٱلله", "احمد الى اخر الله"),
        ("alef_maqsura", "على مستوى", "علي مستوي"),
        ("teh_marbuta", "مدرسة جميلة", "مدرسه جميله"),
        ("hamza", "مؤتمر رئيس", "موتمر رييس"),
        ("digits", "٢٠٢٦ و۱۴", "2026 و14"),
        ("digits", "٣٫٥ و١٬٠٠٠", "3.5 و1,000"),
        ("digits", "فاصلة ٫ وحدها", "فاصلة ٫ وحدها"),
        ("presentation_forms", "ﻻ ﷲ ﺑﺴﻢ", "لا الله بسم"),
        ("persian", "کی ھە ۀ", "كي هه ه"),
        ("invisible", "word\u200bword", "word word"),
        ("invisible", "\ufeffنص\u00ad\u200f", "نص"),
        ("invisible", "(\u200fمصر)", "(مصر)"),
        ("whitespace", "  a\u00a0\u00a0b \t\n  c  ", "a b\nc"),
        ("punctuation", "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
    ],
)
def test_rule(rule: str, text: str, expected: str) -> None:
    assert only(rule, text) == expected
    # And the rule alone is what makes the change.
    assert nuqta.normalize(text, **dict.fromkeys(RULES, False)) == text


def test_quranic_marks_follow_diacritics() -> None:
    text = "الرَّحِيمِۖ"
    assert nuqta.normalize(text) == "الرحيم"
    assert nuqta.normalize(text, quranic_marks=False) == "الرحيمۖ"
    assert nuqta.normalize(text, diacritics=False) == text


def test_defaults_leave_teh_marbuta_hamza_persian_punctuation() -> None:
    text = "مدرسة مؤتمر کتاب، نعم؟"
    assert nuqta.normalize(text) == text


def test_unknown_characters_pass_through() -> None:
    text = "Hello Привет 你好 😀 € £ $ ©"
    for preset in ["default", "search", "display", "camel"]:
        assert Normalizer.preset(preset).normalize(text) == text


def test_presets() -> None:
    assert Normalizer.preset("default") == Normalizer()
    assert Normalizer.preset("display").options == {
        rule: rule in {"invisible", "presentation_forms", "whitespace"} for rule in RULES
    }
    assert Normalizer.preset("search").normalize("مدرسة، مؤتمر") == "مدرسه, موتمر"
    assert Normalizer.preset("none").normalize(" أَ ") == " أَ "


def test_unknown_preset() -> None:
    with pytest.raises(nuqta.NuqtaValueError, match="unknown preset"):
        Normalizer.preset("fast")
    with pytest.raises(ValueError, match="camel"):
        Normalizer.preset("Camel")


def test_unknown_option_is_type_error() -> None:
    with pytest.raises(TypeError, match="unknown option 'diacritic'"):
        Normalizer(diacritic=True)  # type: ignore[call-arg]
    with pytest.raises(nuqta.NuqtaTypeError):
        nuqta.normalize("x", tashkeel=False)  # type: ignore[call-arg]


def test_option_values_must_be_bool() -> None:
    with pytest.raises(TypeError, match="True or False"):
        Normalizer(diacritics="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 1, b"bytes", ["list"]])
def test_non_str_text_is_type_error(bad: object) -> None:
    with pytest.raises(nuqta.NuqtaTypeError, match="text must be str"):
        nuqta.normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Normalizer().normalize_with_offsets(bad)  # type: ignore[arg-type]


def test_lone_surrogate_is_value_error() -> None:
    with pytest.raises(nuqta.NuqtaValueError, match="lone surrogate at index 2"):
        nuqta.normalize("اب\ud800ت")


def test_errors_are_nuqta_errors() -> None:
    assert issubclass(nuqta.NuqtaTypeError, nuqta.NuqtaError)
    assert issubclass(nuqta.NuqtaValueError, nuqta.NuqtaError)
    err = nuqta.NuqtaTypeError("x")
    assert type(pickle.loads(pickle.dumps(err))) is nuqta.NuqtaTypeError


def test_unchanged_text_is_the_same_object() -> None:
    text = "نص بلا تغيير " * 3
    text = text.strip()
    assert Normalizer().normalize(text) is text


def test_offsets() -> None:
    text = "  أَحْمَد\u200bو ﻻ"
    out, offsets = Normalizer().normalize_with_offsets(text)
    assert out == "احمد و لا"
    assert len(offsets) == len(out)
    assert offsets == [2, 4, 6, 8, 9, 10, 11, 12, 12]
    # Unchanged characters map onto themselves.
    for i, ch in enumerate(out):
        if ch not in " ال":
            assert text[offsets[i]] == ch


def test_batch() -> None:
    n = Normalizer(teh_marbuta=True)
    texts = ["مُحَمَّد", "", "مدرسة", "abc"] * 50
    assert n.normalize_batch(texts) == [n.normalize(t) for t in texts]
    assert n.normalize_batch(iter(texts[:3])) == [n.normalize(t) for t in texts[:3]]
    assert n.normalize_batch([]) == []


def test_batch_names_the_failing_item() -> None:
    with pytest.raises(nuqta.NuqtaTypeError, match=r"texts\[2\] must be str"):
        Normalizer().normalize_batch(["a", "b", 3])  # type: ignore[list-item]
    with pytest.raises(nuqta.NuqtaTypeError, match="not a single str"):
        Normalizer().normalize_batch("abc")


def test_normalizer_is_immutable() -> None:
    n = Normalizer()
    with pytest.raises(AttributeError):
        n.options = {}  # type: ignore[misc]


def test_pickle_round_trip() -> None:
    for n in [Normalizer(), Normalizer(hamza=True, whitespace=False), Normalizer.preset("camel")]:
        copy = pickle.loads(pickle.dumps(n))
        assert copy == n
        assert hash(copy) == hash(n)
        assert copy.options == n.options


def test_repr() -> None:
    assert repr(Normalizer()) == "Normalizer()"
    assert repr(Normalizer(hamza=True, digits=False)) == "Normalizer(hamza=True, digits=False)"


def test_num_threads_honours_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUQTA_NUM_THREADS", "3")
    assert nuqta.num_threads() == 3
    monkeypatch.setenv("NUQTA_NUM_THREADS", "1")
    texts = ["مُحَمَّد"] * 10
    assert Normalizer().normalize_batch(texts) == ["محمد"] * 10


@pytest.mark.parametrize(
    "text", ["abc\u064e", "é\u064e", "مَ", "😀مَ", "ﷲ", "\u064e", "x" * 999 + "ـ"]
)
def test_results_are_canonical_strings(text: str) -> None:
    # Built straight from code units: must still equal, and hash like, the same text
    # built by Python itself (CPython compares strings of different widths as unequal).
    out = nuqta.normalize(text)
    rebuilt = "".join(list(out))
    assert out == rebuilt
    assert hash(out) == hash(rebuilt)
    assert out.isascii() == rebuilt.isascii()

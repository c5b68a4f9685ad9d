"""Hostile inputs through every public function: each returns, or raises a documented
exception, and nothing crashes or hangs."""

from __future__ import annotations

import pytest

import nuqta

BIG = 5_000_000


@pytest.fixture(scope="module")
def normalizer() -> nuqta.Normalizer:
    return nuqta.Normalizer()


@pytest.mark.parametrize(
    ("text", "expected_len"),
    [
        ("", 0),
        ("ـ" * 1_000_000, 0),
        ("\u064e" * 1_000_000, 0),
        ("٣" * 1_000_000, 1_000_000),
        ("\u200f\u202b\u2066\u200e" * 250_000, 0),
        (" " * 1_000_000, 0),
        ("\n" * 200_000, 200_000),
    ],
)
def test_megabyte_runs(normalizer: nuqta.Normalizer, text: str, expected_len: int) -> None:
    assert len(normalizer.normalize(text)) == expected_len
    out, offsets = normalizer.normalize_with_offsets(text)
    assert len(out) == len(offsets) == expected_len


def test_five_megabyte_line(normalizer: nuqta.Normalizer) -> None:
    line = ("كَلِمَةٌ " * (BIG // 16))[:BIG]
    out = normalizer.normalize(line)
    assert out.startswith("كلمة كلمة")
    assert "\n" not in out


def test_many_short_lines(normalizer: nuqta.Normalizer) -> None:
    text = "سطر\n" * 200_000
    assert normalizer.normalize(text) == text


def test_nul_and_control_characters_pass_through(normalizer: nuqta.Normalizer) -> None:
    text = "a\x00b\x01c\x7f"
    assert normalizer.normalize(text) == text


def test_lone_surrogates_are_rejected_clearly(normalizer: nuqta.Normalizer) -> None:
    for text in ["\ud800", "abc\udfff", "ب" * 10 + "\udc00"]:
        with pytest.raises(nuqta.NuqtaValueError, match="lone surrogate"):
            normalizer.normalize(text)
        with pytest.raises(ValueError, match="lone surrogate"):
            normalizer.normalize_with_offsets(text)
    with pytest.raises(nuqta.NuqtaValueError, match=r"texts\[1\]"):
        normalizer.normalize_batch(["ok", "\ud800"])


def test_every_code_point(normalizer: nuqta.Normalizer) -> None:
    text = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    for preset in ["default", "search", "display", "camel", "none"]:
        n = nuqta.Normalizer.preset(preset)
        out = n.normalize(text)
        assert n.normalize(out) == out

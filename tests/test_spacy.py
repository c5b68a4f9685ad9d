"""The spaCy component on a blank Arabic pipeline: entities in ``doc.ents``, numbers with
their values in a span group, the same spans as nuqta's own calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import nuqta

if TYPE_CHECKING:
    from spacy.language import Language

spacy = pytest.importorskip("spacy")

from nuqta.integrations.spacy import NuqtaComponent  # noqa: E402

TEXT = "قال وزير الخارجية الروسي سيرغي لافروف في القاهرة إن 3 آلاف جندي وصلوا يوم 5 مايو 2024"
PAGES = list(nuqta.sample_pages().values())


def blank() -> Language:
    nlp: Language = spacy.blank("ar")
    nlp.add_pipe("nuqta")
    return nlp


def test_entities_and_numbers_on_a_blank_arabic_pipeline() -> None:
    nlp = blank()
    doc = nlp(TEXT)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("سيرغي لافروف", "PER") in ents
    assert ("القاهرة", "LOC") in ents
    numbers = {(s.text, s.label_, s._.value) for s in doc.spans["numbers"]}
    assert ("3 آلاف", "cardinal", 3000) in numbers
    assert any(label == "date" and value == "2024-05-05" for _, label, value in numbers)


@pytest.mark.parametrize("page", PAGES[:3])
def test_spans_match_nuqta_on_real_pages(page: str) -> None:
    nlp = blank()
    doc = nlp(page)
    expected = nuqta.entities(page)
    # Every entity that spaCy's tokens allow is there, covering nuqta's span.
    assert doc.ents
    assert len(doc.ents) <= len(expected)
    for ent in doc.ents:
        assert any(
            ent.start_char <= e.start and e.end <= ent.end_char and e.label == ent.label_
            for e in expected
        ), ent
    mentions = nuqta.numbers(page)
    for span in doc.spans["numbers"]:
        assert any(
            span.start_char <= n.start
            and n.end <= span.end_char
            and (n.kind, n.value, n.unit) == (span.label_, span._.value, span._.unit)
            for n in mentions
        ), span
    assert len(doc.spans["numbers"]) >= len(mentions) // 2


def test_pipe_batches_equal_single_calls() -> None:
    nlp = blank()
    one = [[(e.start_char, e.end_char, e.label_) for e in nlp(p).ents] for p in PAGES]
    many = [
        [(e.start_char, e.end_char, e.label_) for e in d.ents]
        for d in nlp.pipe(PAGES, batch_size=2)
    ]
    assert one == many


def test_existing_entities_are_kept_and_options_apply() -> None:
    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "TITLE", "pattern": "وزير الخارجية"}])
    nlp.add_pipe("nuqta", config={"numbers": False})
    doc = nlp(TEXT)
    assert ("وزير الخارجية", "TITLE") in [(e.text, e.label_) for e in doc.ents]
    assert ("سيرغي لافروف", "PER") in [(e.text, e.label_) for e in doc.ents]
    assert "numbers" not in doc.spans
    component = NuqtaComponent(entities=False, spans_key="n", reference_date="2024-01-01")
    doc = component(spacy.blank("ar")("وصلوا يوم 5 مايو"))
    assert not doc.ents
    assert [s._.value for s in doc.spans["n"]] == ["2024-05-05"]

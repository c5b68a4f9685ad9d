"""nuqta as a spaCy pipeline component: people, places and organizations in ``doc.ents``,
and every number, amount, date and time in a span group with its value.

spaCy has no Arabic entity recognizer of its own; this component gives a blank Arabic
pipeline one (``pip install 'nuqta[spacy]'``)::

    import spacy
    import nuqta.integrations.spacy  # registers the "nuqta" factory

    nlp = spacy.blank("ar")
    nlp.add_pipe("nuqta")
    doc = nlp("قال وزير الخارجية سيرغي لافروف إن 3 آلاف جندي وصلوا")
    [(e.text, e.label_) for e in doc.ents]      # [('سيرغي لافروف', 'PER')]
    [(s.text, s.label_, s._.value) for s in doc.spans["numbers"]]

Mentions are found on ``doc.text``; a mention that starts or ends inside a token (an
entity glued to a proclitic, بالقاهرة) covers the whole token. Entities overlapping
entities already in ``doc.ents`` (from an earlier component) are left out, as are
overlapping numbers. Each number span has the extension attributes ``value`` and ``unit``
(``span._.value``), and its label is the mention's kind (money, date, percent ...).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nuqta import _api
from nuqta.results import Entity

__all__ = ["NuqtaComponent", "make_nuqta"]

for _name in ("value", "unit"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class NuqtaComponent:
    """Sets ``doc.ents`` from nuqta's entities and ``doc.spans[spans_key]`` to its number
    mentions.

    Args:
        entities: set ``doc.ents`` (existing entities are kept; new ones that overlap
            them are left out).
        numbers: fill the span group ``spans_key`` with the number mentions.
        spans_key: the span group's name (``"numbers"``).
        reference_date: an ISO date (``"2024-05-01"``) that resolves dates without a year
            and relative ones, as ``nuqta.numbers``'s ``reference_date``.
    """

    def __init__(
        self,
        *,
        entities: bool = True,
        numbers: bool = True,
        spans_key: str = "numbers",
        reference_date: str | None = None,
    ) -> None:
        self.entities = entities
        self.numbers = numbers
        self.spans_key = spans_key
        self.reference_date = (
            datetime.date.fromisoformat(reference_date) if reference_date else None
        )

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, _api.entities(doc.text) if self.entities else [])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The docs of a stream, their entities found ``batch_size`` docs at a time on all
        cores."""
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            found = (
                _api.entities_batch([d.text for d in batch])
                if self.entities
                else [[] for _ in batch]
            )
            for doc, ents in zip(batch, found, strict=True):
                yield self._annotate(doc, ents)

    def _annotate(self, doc: Doc, found: list[Entity]) -> Doc:
        """Sets the entities ``found`` in ``doc``'s text, and its number mentions."""
        if self.entities:
            spans = [
                doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand") for e in found
            ]
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            new = [
                s
                for s in filter_spans([s for s in spans if s is not None])
                if taken.isdisjoint(range(s.start, s.end))
            ]
            doc.ents = sorted([*doc.ents, *new], key=lambda s: s.start)
        if self.numbers:
            group: list[Span] = []
            for n in _api.numbers(doc.text, reference_date=self.reference_date):
                span = doc.char_span(n.start, n.end, label=n.kind, alignment_mode="expand")
                if span is not None:
                    span._.value = n.value
                    span._.unit = n.unit
                    group.append(span)
            doc.spans[self.spans_key] = filter_spans(group)
        return doc


@Language.factory(
    "nuqta",
    default_config={
        "entities": True,
        "numbers": True,
        "spans_key": "numbers",
        "reference_date": None,
    },
)
def make_nuqta(
    nlp: Language,
    name: str,
    entities: bool,
    numbers: bool,
    spans_key: str,
    reference_date: str | None,
) -> NuqtaComponent:
    """The ``"nuqta"`` factory: ``nlp.add_pipe("nuqta", config={...})``."""
    return NuqtaComponent(
        entities=entities, numbers=numbers, spans_key=spans_key, reference_date=reference_date
    )

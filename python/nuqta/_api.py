"""The public functions over the native core: they validate arguments, call the core
and wrap its rows in the result classes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Literal

from nuqta import _nuqta
from nuqta.errors import NuqtaError, NuqtaTypeError, NuqtaValueError
from nuqta.results import (
    AnalyzeError,
    Cleaned,
    Document,
    Entity,
    EntityGroup,
    Line,
    NumberMention,
)

__all__ = [
    "Cleaner",
    "analyze",
    "analyze_batch",
    "clean",
    "entities",
    "entities_batch",
    "numbers",
]


_nuqta._use_result_classes(Line, NumberMention, Entity)

_ERRORS: dict[str, type[NuqtaError]] = {
    "NuqtaTypeError": NuqtaTypeError,
    "NuqtaValueError": NuqtaValueError,
}


def _date(value: datetime.date | None) -> tuple[int, int, int] | None:
    if value is None:
        return None
    if not isinstance(value, datetime.date):
        raise NuqtaTypeError(f"reference_date must be a datetime.date, not {type(value).__name__}")
    return (value.year, value.month, value.day)


def _html(value: bool | None) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise NuqtaTypeError(f"html must be True, False or None, not {type(value).__name__}")
    return value


def _cleaned(row: tuple[Any, ...]) -> Cleaned:
    title, byline, text, lines = row
    return Cleaned._with_pending_lines(lines, title=title, byline=byline, text=text)


def _document(row: tuple[Any, ...]) -> Document:
    html, title, byline, text, lines, entities, numbers, groups = row
    return Document._with_pending_lines(
        lines,
        title=title,
        byline=byline,
        text=text,
        entities=entities,
        numbers=numbers,
        entity_groups=tuple(EntityGroup(lb, name, tuple(m)) for lb, name, m in groups),
        html=html,
    )


def numbers(text: str, *, reference_date: datetime.date | None = None) -> list[NumberMention]:
    """Every number, amount, percentage, date, time and duration in ``text``, with its value.

    ``reference_date`` resolves dates without a year and relative ones ("yesterday").
    """
    return list(_nuqta._numbers(text, _date(reference_date)))


def entities(text: str) -> list[Entity]:
    """The people (PER), places (LOC) and organizations (ORG) named in ``text``."""
    return list(_nuqta._entities(text))


def entities_batch(texts: Iterable[str]) -> list[list[Entity]]:
    """``entities`` of many texts, on all cores, in order."""
    texts = list(texts)
    rows = _nuqta._entities_batch(texts)
    return [list(found) for found in rows]


def clean(page: str, *, html: bool | None = None) -> Cleaned:
    """The article in a scraped page: title, byline, text, and a verdict on every line.

    ``html=None`` sniffs whether the page is HTML.
    """
    return _cleaned(_nuqta._clean(page, _html(html)))


class Cleaner:
    """Boilerplate removal that also learns a site's template across pages.

    >>> cleaner = Cleaner()
    >>> cleaner.learn(pages_of_one_site)       # doctest: +SKIP
    >>> cleaner.clean(page).text               # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        html: bool | None = None,
        min_pages: int = 3,
        min_share: float = 0.1,
        max_hashes: int = 1 << 20,
    ) -> None:
        self._state = _nuqta._CleanerState(_html(html), min_pages, min_share, max_hashes)

    @property
    def pages_learned(self) -> int:
        """How many pages the template was learned from."""
        return self._state.pages_learned

    def learn(self, pages: Iterable[str]) -> None:
        """Counts the lines and blocks of ``pages``; those repeated across enough pages
        become the template that ``clean`` drops."""
        self._state.learn(pages)

    def clean(self, page: str) -> Cleaned:
        """Cleans one page, dropping the learned template too."""
        return _cleaned(self._state.clean(page))

    def clean_batch(self, pages: Iterable[str]) -> list[Cleaned]:
        """Cleans many pages on all cores."""
        return [_cleaned(row) for row in self._state.clean_batch(pages)]

    def __getstate__(self) -> bytes:
        return bytes(self._state.to_bytes())

    def __setstate__(self, state: bytes) -> None:
        self._state = _nuqta._CleanerState.from_bytes(state)

    def __repr__(self) -> str:
        return f"Cleaner(pages_learned={self.pages_learned})"


def _flag(name: str, value: bool) -> bool:
    if not isinstance(value, bool):
        raise NuqtaTypeError(f"{name} must be True or False, not {type(value).__name__}")
    return value


def analyze(
    page: str,
    *,
    html: bool | None = None,
    reference_date: datetime.date | None = None,
    entities: bool = True,
    numbers: bool = True,
) -> Document:
    """The whole job: clean ``page``, then find its entities and numbers.

    Spans index ``page`` (plain text) or ``Document.text`` (HTML). ``entities=False`` or
    ``numbers=False`` skip a step (entities are the costliest).
    """
    row = _nuqta._analyze(
        page,
        _html(html),
        _date(reference_date),
        _flag("entities", entities),
        _flag("numbers", numbers),
    )
    return _document(row)


def analyze_batch(
    pages: Iterable[str],
    *,
    errors: Literal["raise", "collect"] = "raise",
    html: bool | None = None,
    reference_date: datetime.date | None = None,
    entities: bool = True,
    numbers: bool = True,
) -> list[Document | AnalyzeError]:
    """``analyze`` on many pages, on all cores, in order.

    ``errors="raise"`` raises for the first page that fails, naming its index;
    ``errors="collect"`` returns an ``AnalyzeError`` in that page's place instead.
    """
    if errors not in ("raise", "collect"):
        raise NuqtaValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    pages = list(pages)

    def build(index: int, ok: bool, payload: Any) -> Document | AnalyzeError:
        # Called by the core for each page in order, while it analyzes the later ones.
        if ok:
            return _document(payload)
        kind, message = payload
        if errors == "raise":
            raise _ERRORS.get(kind, NuqtaError)(message)
        return AnalyzeError(index, kind, message)

    return _nuqta._analyze_batch(
        pages,
        build,
        _html(html),
        _date(reference_date),
        _flag("entities", entities),
        _flag("numbers", numbers),
    )

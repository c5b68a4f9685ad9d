"""The public functions over the native core: they validate arguments, call the core
and wrap its rows in the result classes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypeAlias, TypedDict, overload

from nuqta import _nuqta
from nuqta.errors import NuqtaError, NuqtaTypeError, NuqtaValueError
from nuqta.results import (
    AnalyzeError,
    Cleaned,
    Decoded,
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
    "decode",
    "entities",
    "entities_batch",
    "numbers",
    "numbers_batch",
]


_nuqta._use_result_classes(Line, NumberMention, Entity)

Page: TypeAlias = str | bytes | bytearray | memoryview
"""A page: text, or bytes that nuqta decodes (BOM, the ``content_type``'s charset,
``<meta charset>``, then detection)."""

_ERRORS: dict[str, type[NuqtaError]] = {
    "NuqtaTypeError": NuqtaTypeError,
    "NuqtaValueError": NuqtaValueError,
}


def _date(value: datetime.date | str | None) -> tuple[int, int, int] | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            raise NuqtaValueError(
                f"reference_date must be an ISO date such as '2024-03-11', not {value!r}"
            ) from None
    if not isinstance(value, datetime.date):
        raise NuqtaTypeError(
            f"reference_date must be a datetime.date or an ISO string, not {type(value).__name__}"
        )
    return (value.year, value.month, value.day)


def _country(value: str | None) -> str | None:
    if value is not None and not isinstance(value, str):
        raise NuqtaTypeError(f"country must be a str such as 'DZ', not {type(value).__name__}")
    return value


def _html(value: bool | None) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise NuqtaTypeError(f"html must be True, False or None, not {type(value).__name__}")
    return value


def _items(value: Iterable[Any], what: str) -> list[Any]:
    """The items of a batch argument as a list. A ``str`` or ``bytes`` (one text where a
    list of texts is expected) or a value that is not iterable raises ``NuqtaTypeError``."""
    if isinstance(value, (str, bytes, bytearray)):
        raise NuqtaTypeError(
            f"{what} must be a list of texts, not a single {type(value).__name__}"
            f" (wrap one text in a list: [{what[:-1]}])"
        )
    try:
        return list(value)
    except TypeError:
        raise NuqtaTypeError(
            f"{what} must be a list of texts, not {type(value).__name__}"
        ) from None


def _count(name: str, value: int, low: int, high: int) -> int:
    """An integer option between ``low`` and ``high``, or ``NuqtaTypeError`` /
    ``NuqtaValueError``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise NuqtaTypeError(f"{name} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        raise NuqtaValueError(f"{name} must be between {low} and {high}, not {value}")
    return value


def _content_type(value: str | None, name: str = "content_type") -> str | None:
    if value is not None and not isinstance(value, str):
        raise NuqtaTypeError(f"{name} must be a str or None, not {type(value).__name__}")
    return value


def _types(content_types: Sequence[str | None] | None) -> list[str | None] | None:
    """The ``content_types`` of a batch call, checked."""
    if content_types is None:
        return None
    return [_content_type(t, f"content_types[{i}]") for i, t in enumerate(content_types)]


def _cleaned_fields(row: _nuqta._CleanedRow) -> dict[str, Any]:
    """The fields of a ``Cleaned`` (and of a ``Document``) but its lines."""
    return {
        "title": row.title,
        "byline": row.byline,
        "text": row.text,
        "date": row.date,
        "modified": row.modified,
        "authors": tuple(row.authors),
        "site_name": row.site_name,
        "description": row.description,
        "url": row.url,
        "language": row.language,
        "encoding": row.encoding,
        "replacements": row.replacements,
    }


def _cleaned(row: _nuqta._CleanedRow) -> Cleaned:
    return Cleaned._with_pending_lines(row.lines, **_cleaned_fields(row))


def _document(row: _nuqta._DocumentRow) -> Document:
    return Document._with_pending_lines(
        row.cleaned.lines,
        **_cleaned_fields(row.cleaned),
        entities=row.entities,
        numbers=row.numbers,
        entity_groups=tuple(
            EntityGroup(label, name, tuple(mentions)) for label, name, mentions in row.entity_groups
        ),
        html=row.html,
    )


def decode(data: Page, *, content_type: str | None = None) -> Decoded:
    """The text of ``data`` as nuqta reads a page given as bytes: a byte order mark, then
    the charset of ``content_type`` (an HTTP ``Content-Type``), then ``<meta charset>`` in
    the first 1024 bytes, then detection. Bytes that are valid UTF-8 with non-ASCII are
    read as UTF-8, and bytes that are not UTF-8 under a UTF-8 declaration are detected.
    Malformed bytes never raise: each malformed sequence becomes U+FFFD, counted in
    ``replacements``. A ``str`` comes back as it is, with ``encoding=None``.
    """
    text, encoding, replacements = _nuqta._decode(data, _content_type(content_type))
    return Decoded(text, encoding, replacements)


class _NumberArgs(TypedDict):
    """The options of ``numbers`` and ``numbers_batch``, checked, as the core takes them."""

    reference_date: tuple[int, int, int] | None
    relative_ordinals: bool
    country: str | None


def _number_args(
    reference_date: datetime.date | str | None, relative_ordinals: bool, country: str | None
) -> _NumberArgs:
    return {
        "reference_date": _date(reference_date),
        "relative_ordinals": _flag("relative_ordinals", relative_ordinals),
        "country": _country(country),
    }


def numbers(
    text: str,
    *,
    reference_date: datetime.date | str | None = None,
    relative_ordinals: bool = False,
    country: str | None = None,
) -> list[NumberMention]:
    """Every number, amount, percentage, date, time, duration and age in ``text``.

    Options:

    - ``reference_date``: a ``datetime.date`` or an ISO string (``"2024-03-11"``) that
      resolves dates without a year and relative ones ("yesterday"); without it they come
      with ``value=None`` (``XXXX`` for a missing year).
    - ``relative_ordinals`` (False): ``True`` also reports ranks such as التالي (next) and
      الأخير (last), as an offset (``value``) from the ``unit`` "current" or "end".
    - ``country``: an ISO 3166 code (``"DZ"``) that picks the currency of a bare دينار,
      ريال, جنيه, درهم or ليرة; ``None`` keeps the documented defaults.
    """
    return list(_nuqta._numbers(text, **_number_args(reference_date, relative_ordinals, country)))


def numbers_batch(
    texts: Iterable[str],
    *,
    reference_date: datetime.date | str | None = None,
    relative_ordinals: bool = False,
    country: str | None = None,
) -> list[list[NumberMention]]:
    """``numbers`` of many texts, on all cores, in order.

    A failing text raises, naming its index (``texts[3]``). Options:

    - ``reference_date``, ``relative_ordinals``, ``country``: as for ``numbers``.
    """
    options = _number_args(reference_date, relative_ordinals, country)
    rows = _nuqta._numbers_batch(_items(texts, "texts"), **options)
    return [list(found) for found in rows]


EntityScheme = Literal["news", "anercorp"]


def _scheme(scheme: object) -> str:
    """The entity scheme argument, checked."""
    if not isinstance(scheme, str):
        raise NuqtaTypeError(f"scheme must be a str, not {type(scheme).__name__}")
    if scheme not in ("news", "anercorp"):
        raise NuqtaValueError(f"scheme must be 'news' or 'anercorp', not {scheme!r}")
    return scheme


def entities(text: str, scheme: EntityScheme = "news") -> list[Entity]:
    """The people (PER), places (LOC) and organizations (ORG) named in ``text``.

    ``scheme="news"`` (the default) follows what a news reader expects: وزارة الصحة
    الفلسطينية and الجيش المصري are organizations, nationalities are not entities.
    ``scheme="anercorp"`` follows the ANERcorp corpus, for comparison with published scores.
    """
    return list(_nuqta._entities(text, _scheme(scheme)))


def entities_batch(texts: Iterable[str], scheme: EntityScheme = "news") -> list[list[Entity]]:
    """``entities`` of many texts, on all cores, in order.

    A failing text raises, naming its index (``texts[3]``).
    """
    texts = _items(texts, "texts")
    rows = _nuqta._entities_batch(texts, _scheme(scheme))
    return [list(found) for found in rows]


def clean(page: Page, *, html: bool | None = None, content_type: str | None = None) -> Cleaned:
    """The article in a scraped page: title, byline, text, and a verdict on every line.

    ``page`` is text, or bytes (``bytearray``, ``memoryview``) decoded as by ``decode``;
    ``Cleaned.encoding`` says what was read.

    Options:

    - ``html``: ``True`` reads the page as HTML, ``False`` as plain text, ``None`` (the
      default) sniffs which it is, unless ``content_type`` says.
    - ``content_type``: the page's HTTP ``Content-Type``, when known: its charset decodes
      bytes, and ``text/html`` or ``text/plain`` stand in for ``html=None``.

    Plain-text lines index ``page`` (its decoded text, for bytes); HTML blocks keep their
    range in the HTML source.
    """
    return _cleaned(_nuqta._clean(page, _html(html), _content_type(content_type)))


class Cleaner:
    """Boilerplate removal that also learns a site's template across pages.

    Options:

    - ``html``: as for ``clean`` (``None`` sniffs each page).
    - ``min_pages`` (3): a line or block is template once it was seen on at least this many
      of the learned pages (1 or more)...
    - ``min_share`` (0.1): ...and on at least this share of them (0 to 1).
    - ``max_hashes`` (1,048,576): at most this many distinct lines and blocks are counted,
      which bounds the memory a cleaner uses (1 or more).

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
        if isinstance(min_share, bool) or not isinstance(min_share, (int, float)):
            raise NuqtaTypeError(f"min_share must be a number, not {type(min_share).__name__}")
        self._state = _nuqta._CleanerState(
            _html(html),
            _count("min_pages", min_pages, 1, 2**32 - 1),
            min_share,
            _count("max_hashes", max_hashes, 1, 2**63 - 1),
        )

    @property
    def pages_learned(self) -> int:
        """How many pages the template was learned from."""
        return self._state.pages_learned

    def learn(self, pages: Iterable[Page]) -> None:
        """Counts the lines and blocks of ``pages``; those repeated across enough pages
        become the template that ``clean`` drops."""
        self._state.learn(pages)

    def clean(self, page: Page, *, content_type: str | None = None) -> Cleaned:
        """Cleans one page, dropping the learned template too. Bytes are decoded as by
        ``decode``, with the charset of ``content_type`` when given."""
        return _cleaned(self._state.clean(page, _content_type(content_type)))

    def clean_batch(
        self, pages: Iterable[Page], *, content_types: Sequence[str | None] | None = None
    ) -> list[Cleaned]:
        """Cleans many pages (text or bytes) on all cores, in order; a failing page
        raises, naming its index (``pages[3]``). ``content_types``, when given, holds each
        page's ``content_type`` (or ``None``), as for ``clean``."""
        return [
            _cleaned(row)
            for row in self._state.clean_batch(_items(pages, "pages"), _types(content_types))
        ]

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


class _AnalyzeArgs(TypedDict):
    """The options of ``analyze`` and ``analyze_batch`` but the content types, checked, as
    the core takes them."""

    html: bool | None
    reference_date: tuple[int, int, int] | None
    entities: bool
    numbers: bool
    country: str | None
    scheme: str


def _analyze_args(
    html: bool | None,
    reference_date: datetime.date | str | None,
    entities: bool,
    numbers: bool,
    country: str | None,
    scheme: EntityScheme,
) -> _AnalyzeArgs:
    return {
        "html": _html(html),
        "reference_date": _date(reference_date),
        "entities": _flag("entities", entities),
        "numbers": _flag("numbers", numbers),
        "country": _country(country),
        "scheme": _scheme(scheme),
    }


def analyze(
    page: Page,
    *,
    html: bool | None = None,
    reference_date: datetime.date | str | None = None,
    entities: bool = True,
    numbers: bool = True,
    country: str | None = None,
    content_type: str | None = None,
    scheme: EntityScheme = "news",
) -> Document:
    """The whole job: clean ``page``, then find its entities and numbers.

    ``page`` is text, or bytes (``bytearray``, ``memoryview``) decoded as by ``decode``;
    ``Document.encoding`` says what was read, and spans index the decoded text.

    Options:

    - ``html``: ``True`` reads the page as HTML, ``False`` as plain text, ``None`` (the
      default) sniffs which it is, unless ``content_type`` says.
    - ``reference_date``: a ``datetime.date`` or an ISO string that resolves dates without
      a year and relative ones ("yesterday"); without it the page's publication date
      (``Document.date``) does, and without that they come with ``value=None``.
    - ``entities`` (True): ``False`` skips finding entities (the costliest step).
    - ``numbers`` (True): ``False`` skips finding numbers.
    - ``country``: an ISO 3166 code (``"DZ"``) that picks the currency of a bare دينار,
      ريال, جنيه, درهم or ليرة in the numbers.
    - ``content_type``: the page's HTTP ``Content-Type``, when known: its charset decodes
      bytes, and ``text/html`` or ``text/plain`` stand in for ``html=None``.
    - ``scheme`` ("news"): the entity convention (see ``entities``).

    Spans index ``page`` (plain text) or ``Document.text`` (HTML).
    """
    options = _analyze_args(html, reference_date, entities, numbers, country, scheme)
    return _document(_nuqta._analyze(page, content_type=_content_type(content_type), **options))


@overload
def analyze_batch(
    pages: Iterable[Page],
    *,
    errors: Literal["raise"] = "raise",
    html: bool | None = None,
    reference_date: datetime.date | str | None = None,
    entities: bool = True,
    numbers: bool = True,
    country: str | None = None,
    content_types: Sequence[str | None] | None = None,
    scheme: EntityScheme = "news",
) -> list[Document]: ...


@overload
def analyze_batch(
    pages: Iterable[Page],
    *,
    errors: Literal["collect"],
    html: bool | None = None,
    reference_date: datetime.date | str | None = None,
    entities: bool = True,
    numbers: bool = True,
    country: str | None = None,
    content_types: Sequence[str | None] | None = None,
    scheme: EntityScheme = "news",
) -> list[Document | AnalyzeError]: ...


def analyze_batch(
    pages: Iterable[Page],
    *,
    errors: Literal["raise", "collect"] = "raise",
    html: bool | None = None,
    reference_date: datetime.date | str | None = None,
    entities: bool = True,
    numbers: bool = True,
    country: str | None = None,
    content_types: Sequence[str | None] | None = None,
    scheme: EntityScheme = "news",
) -> list[Document] | list[Document | AnalyzeError]:
    """``analyze`` on many pages (text or bytes), on all cores, in order.

    Options:

    - ``errors``: ``"raise"`` (the default) raises for the first page that fails, naming
      its index (``pages[3]``); ``"collect"`` returns an ``AnalyzeError`` (index, error,
      message) in that page's place instead, and the other pages' documents.
    - ``html``, ``reference_date``, ``entities``, ``numbers``, ``country``, ``scheme``: as for
      ``analyze``.
    - ``content_types``: each page's ``content_type`` (or ``None``), as for ``analyze``.
    """
    if errors not in ("raise", "collect"):
        raise NuqtaValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    pages = _items(pages, "pages")
    types = _types(content_types)
    options = _analyze_args(html, reference_date, entities, numbers, country, scheme)

    def build(
        index: int, payload: _nuqta._DocumentRow | tuple[str, str]
    ) -> Document | AnalyzeError:
        # Called by the core for each page in order, while it analyzes the later ones.
        if not isinstance(payload, tuple):
            return _document(payload)
        kind, message = payload
        if errors == "raise":
            raise _ERRORS.get(kind, NuqtaError)(message)
        return AnalyzeError(index, kind, message)

    return _nuqta._analyze_batch(pages, build, content_types=types, **options)

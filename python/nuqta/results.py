"""The result classes: immutable, picklable, with a readable ``repr`` and ``to_dict()``.

Every span is a pair of Python ``str`` indices, so ``text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from nuqta._nuqta import _PendingLines

__all__ = [
    "AnalyzeError",
    "Cleaned",
    "Decoded",
    "Document",
    "Entity",
    "EntityGroup",
    "Line",
    "NumberMention",
]

NumberKind = Literal[
    "cardinal",
    "ordinal",
    "fraction",
    "percent",
    "money",
    "quantity",
    "duration",
    "age",
    "date",
    "time",
]
Qualifier = Literal["approx", "more_than", "less_than", "at_least", "at_most"]
Label = Literal["PER", "LOC", "ORG"]


_NAMES: dict[type, tuple[str, ...]] = {}
"""The field names of each result class, in order (looked up once per class)."""


def _names(cls: type) -> tuple[str, ...]:
    """The field names of the result class ``cls``, in order."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _fields(result: Any) -> dict[str, Any]:
    """A result's fields by name. For the classes here this is what ``dataclasses.asdict``
    returns, without its recursive deep copy (which took a third of the command line's
    time): their values are immutable, and the nested results are replaced by dicts.

    ``Line``, ``Entity`` and ``NumberMention`` (thousands a page) spell their ``to_dict``
    out instead, which is twice as fast as this (a subclass of one, which may add fields,
    comes here)."""
    return {name: getattr(result, name) for name in _names(type(result))}


_SHORT = 60
"""How many characters of a text a ``repr`` shows."""


def _short(text: str | None, limit: int = _SHORT) -> str:
    """``repr(text)``, cut to its first ``limit`` characters and an ellipsis when longer:
    a result's ``repr`` stays short however long its text."""
    if text is None or len(text) <= limit:
        return repr(text)
    return repr(text[:limit] + "…")


def _dicts(results: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    """``to_dict()`` of each result."""
    return tuple(r.to_dict() for r in results)


# Line, Entity and NumberMention are slots classes: the native core builds thousands a page,
# as object.__new__ and object.__setattr__ do (src/py/results.rs). They have no __dict__ and
# no weak references.


@dataclass(frozen=True, slots=True, repr=False)
class NumberMention:
    """A number, amount, percentage, date, time, duration or age found in a text.

    ``value`` is an int or a float for every kind but ``date`` and ``time`` (ISO 8601
    strings; a relative date read without a reference date has ``None``). ``qualifier`` is
    a word that bounds or blurs the amount (``"approx"``, ``"more_than"``, ``"less_than"``,
    ``"at_least"``, ``"at_most"``); ``high`` is the upper end of a range (``value`` the
    lower); the span covers both.
    """

    text: str
    start: int
    end: int
    kind: NumberKind
    value: int | float | str | None
    unit: str | None = None
    qualifier: Qualifier | None = None
    high: int | float | None = None

    def __repr__(self) -> str:
        # qualifier and high only when set: most mentions have neither.
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (("qualifier", self.qualifier), ("high", self.high))
            if value is not None
        )
        return (
            f"NumberMention(text={_short(self.text)}, start={self.start}, end={self.end},"
            f" kind={self.kind!r}, value={self.value!r}, unit={self.unit!r}{extra})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The mention as a JSON-ready dict."""
        if type(self) is not NumberMention:
            return _fields(self)
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "high": self.high,
        }


@dataclass(frozen=True, slots=True, repr=False)
class Entity:
    """A person (PER), place (LOC) or organization (ORG) named in a text.

    ``text`` is the span as written (``text[start:end]`` of the input); ``name`` is the
    canonical name: without the conjunction or preposition attached to the first word, with
    ال restored where ل + ال is written لل (للأمم المتحدة → الأمم المتحدة), without invisible
    characters, its words parted by single spaces.
    """

    text: str
    start: int
    end: int
    label: Label
    name: str

    def __repr__(self) -> str:
        return (
            f"Entity(text={_short(self.text)}, start={self.start}, end={self.end},"
            f" label={self.label!r}, name={_short(self.name)})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The entity as a JSON-ready dict."""
        if type(self) is not Entity:
            return _fields(self)
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "name": self.name,
        }


@dataclass(frozen=True, slots=True, repr=False)
class Line:
    """One line (or HTML block) of a page, whether it was kept, and why."""

    text: str
    start: int
    end: int
    keep: bool
    reason: str

    def __repr__(self) -> str:
        return (
            f"Line(text={_short(self.text)}, start={self.start}, end={self.end},"
            f" keep={self.keep}, reason={self.reason!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The line as a JSON-ready dict."""
        if type(self) is not Line:
            return _fields(self)
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "keep": self.keep,
            "reason": self.reason,
        }


_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
"""The field values of an object of each slots class, by class."""


def _reduce(result: Any) -> tuple[Any, ...]:
    """Pickles (and copies) a slots result as a call of its class with its field values: as
    fast as the instance dict it had before it had slots, and smaller (the dataclass's own
    ``__getstate__`` took three times as long)."""
    cls = type(result)
    get = _GETTERS.get(cls)
    if get is not None:
        return cls, get(result)
    # A subclass: its fields, and whatever else its instance dict holds, set back as they are.
    return _restore, (cls, _fields(result) | getattr(result, "__dict__", {}))


def _restore(cls: type, state: dict[str, Any]) -> Any:
    """Unpickles an object of a subclass of a slots result."""
    result: Any = object.__new__(cls)
    _setstate(result, state)
    return result


def _setstate(result: Any, state: Any) -> None:
    """Sets a slots result's fields from a pickle's state: the dict of them that a pickle
    made before these classes had slots holds (which the dataclass's own ``__setstate__``
    would read as the list of the field names), or the list of the field values that the
    dataclass's own ``__getstate__`` returns. Fields added since the pickle was made take
    their defaults; an ``Entity`` pickled before entities had a canonical name gets its text
    as its name."""
    names = _names(type(result))
    if not isinstance(state, dict):
        state = dict(zip(names[: len(state)], state, strict=True))
    if isinstance(result, Entity) and "name" not in state:
        state = {**state, "name": state.get("text")}
    # Fields added since the pickle was made take their defaults.
    missing = [f for f in fields(type(result)) if f.name not in state]
    state = {**{f.name: f.default for f in missing}, **state}
    for name, value in state.items():
        object.__setattr__(result, name, value)


_SLOTS_CLASSES: tuple[Any, ...] = (NumberMention, Entity, Line)
for _cls in _SLOTS_CLASSES:
    _GETTERS[_cls] = attrgetter(*_names(_cls))
    _cls.__reduce__ = _reduce
    # Set after the decorator, which puts in its own (early 3.10 releases even over one
    # defined in the class).
    _cls.__setstate__ = _setstate
del _cls


_R = TypeVar("_R", bound="_LinesWhenRead")


class _LinesWhenRead:
    """The ``lines`` field of ``Cleaned`` and ``Document``, made when first read.

    A large page has thousands of lines and blocks, and making a ``Line`` object of each
    took 14% of cleaning it (``bench/clean.py``'s large pages), for callers who read only
    ``text``. So the native core
    hands a result over with its lines pending: ``_pending_lines`` in its ``__dict__`` and
    no ``lines``. The first read of ``lines`` finds no attribute, comes to ``__getattr__``
    and stores the tuple of ``Line``s as the field. Whatever reads the field by name
    (``dataclasses.asdict`` and ``replace``, equality, hashing, ``to_dict``, copying and
    pickling) sees the same tuple as for a result made with its lines.
    """

    __slots__ = ()
    if TYPE_CHECKING:
        lines: tuple[Line, ...]

    @classmethod
    def _with_pending_lines(cls: type[_R], pending: _PendingLines, **fields: Any) -> _R:
        """A result with the fields ``fields`` and ``lines`` made from ``pending`` when
        first read."""
        result = object.__new__(cls)
        result.__dict__.update(fields, _pending_lines=pending)
        return result

    if not TYPE_CHECKING:  # a __getattr__ would hide misspelt attributes from type checkers

        def __getattr__(self, name: str) -> Any:
            pending = self.__dict__.get("_pending_lines") if name == "lines" else None
            if pending is None:
                raise AttributeError(
                    f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self
                )
            lines = self.__dict__["lines"] = pending.lines()
            self.__dict__.pop("_pending_lines", None)
            return lines

    def __getstate__(self) -> dict[str, Any]:
        """The fields, ``lines`` made (a pickle holds no pending lines)."""
        _ = self.lines
        return self.__dict__


@dataclass(frozen=True, repr=False)
class _PageText(_LinesWhenRead):
    """The fields that ``Cleaned`` and ``Document`` start with.

    A dataclass takes its bases' fields in the reverse order of its MRO, so a page class
    names its bases in the reverse order of its fields."""

    title: str | None
    byline: str | None
    text: str
    lines: tuple[Line, ...] = field(repr=False)


@dataclass(frozen=True, repr=False)
class _PageMetadata:
    """The fields that ``Cleaned`` and ``Document`` end with: what the page says of itself,
    and how its bytes were read."""

    date: str | None = None
    """When the article was published, ISO 8601 (``2020-06-03``, with the time and zone
    when the page gives them); ``analyze`` resolves the relative dates of the text against
    it unless given a ``reference_date``."""
    modified: str | None = None
    """When it was last modified, ISO 8601."""
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    description: str | None = None
    url: str | None = None
    """The canonical URL."""
    language: str | None = None
    """The language's primary subtag (``"ar"``): the markup's, unless the text's script
    shows another, else the script's."""
    encoding: str | None = None
    """The encoding a page given as bytes was read in (``None`` for a ``str``)."""
    replacements: int = 0
    """How many malformed byte sequences of a page given as bytes became U+FFFD."""


@dataclass(frozen=True, repr=False)
class Cleaned(_PageMetadata, _PageText):
    """A page with its boilerplate removed: ``title``, ``byline``, ``text`` (the kept
    lines), ``lines`` (every line, each with why it was kept or dropped), then the page's
    metadata (``date``, ``modified``, ``authors``, ``site_name``, ``description``, ``url``,
    ``language``).

    ``encoding`` is the encoding a page given as bytes was decoded from (None for a
    ``str``), and ``replacements`` how many malformed byte sequences became U+FFFD.
    """

    def to_dict(self) -> dict[str, Any]:
        """The cleaned page as a JSON-ready dict."""
        return _fields(self) | {"lines": _dicts(self.lines)}

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(title={_short(self.title, 40)},"
            f" byline={_short(self.byline, 30)}, text={_short(self.text)})"
        )


@dataclass(frozen=True, repr=False)
class EntityGroup:
    """The mentions of one entity (لافروف with سيرغي لافروف)."""

    label: Label
    name: str
    mentions: tuple[int, ...]
    """Indices into ``Document.entities``."""

    def to_dict(self) -> dict[str, Any]:
        """The group as a JSON-ready dict."""
        return _fields(self)

    def __repr__(self) -> str:
        shown = ", ".join(map(str, self.mentions[:8]))
        more = f", … {len(self.mentions) - 8} more" if len(self.mentions) > 8 else ""
        comma = "," if len(self.mentions) == 1 else ""
        return (
            f"EntityGroup(label={self.label!r}, name={_short(self.name, 40)},"
            f" mentions=({shown}{comma}{more}))"
        )


@dataclass(frozen=True, repr=False)
class _Annotations:
    """The fields of a ``Document`` between its text and its metadata."""

    entities: tuple[Entity, ...]
    numbers: tuple[NumberMention, ...]
    entity_groups: tuple[EntityGroup, ...] = field(repr=False)
    html: bool = False


@dataclass(frozen=True, repr=False)
class Document(_PageMetadata, _Annotations, _PageText):
    """A page through the whole pipeline: the fields of ``Cleaned`` with ``entities``,
    ``numbers``, ``entity_groups`` and ``html`` (whether it was read as HTML) after
    ``lines``.

    Spans of a plain-text page index the page; spans of an HTML page index ``text``
    (markup has no place to point at), and ``lines`` keep each block's range in the HTML.
    A page given as bytes is decoded first (``encoding``, with ``replacements`` malformed
    byte sequences made U+FFFD), and its spans index the decoded text
    (``nuqta.decode(page).text``).
    """

    def to_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dict."""
        return _fields(self) | {
            "lines": _dicts(self.lines),
            "entities": _dicts(self.entities),
            "numbers": _dicts(self.numbers),
            "entity_groups": _dicts(self.entity_groups),
        }

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(title={_short(self.title, 40)}, text={_short(self.text)},"
            f" entities={len(self.entities)}, numbers={len(self.numbers)}, html={self.html})"
        )

    def _repr_html_(self) -> str:
        from nuqta.display import document_html

        return document_html(self)


@dataclass(frozen=True, repr=False)
class Decoded:
    """Bytes decoded to text: the text, the encoding read, and how many malformed byte
    sequences became U+FFFD."""

    text: str
    encoding: str | None
    replacements: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The decoded text as a JSON-ready dict."""
        return _fields(self)

    def __repr__(self) -> str:
        return (
            f"Decoded(text={_short(self.text)}, encoding={self.encoding!r},"
            f" replacements={self.replacements})"
        )


@dataclass(frozen=True, repr=False)
class AnalyzeError:
    """A page that ``analyze_batch(..., errors="collect")`` could not process."""

    index: int
    error: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict."""
        return _fields(self)

    def __repr__(self) -> str:
        return (
            f"AnalyzeError(index={self.index}, error={self.error!r},"
            f" message={_short(self.message, 100)})"
        )

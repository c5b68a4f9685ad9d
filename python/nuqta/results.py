"""The result classes: immutable, picklable, with a readable ``repr`` and ``to_dict()``.

Every span is a pair of Python ``str`` indices, so ``text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "AnalyzeError",
    "Cleaned",
    "Document",
    "Entity",
    "EntityGroup",
    "Line",
    "NumberMention",
]

NumberKind = Literal[
    "cardinal", "ordinal", "fraction", "percent", "money", "quantity", "duration", "date", "time"
]
Label = Literal["PER", "LOC", "ORG"]


def _fields(result: Any) -> dict[str, Any]:
    """A result's fields by name. For the classes here this is what ``dataclasses.asdict``
    returns, without its recursive deep copy (which took a third of the command line's
    time): their values are immutable, and the nested results are replaced by dicts."""
    return dict(result.__dict__)


def _dicts(results: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    """``to_dict()`` of each result."""
    return tuple(r.to_dict() for r in results)


@dataclass(frozen=True)
class NumberMention:
    """A number, amount, percentage, date, time or duration found in a text."""

    text: str
    start: int
    end: int
    kind: NumberKind
    value: int | float | str
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The mention as a JSON-ready dict."""
        return _fields(self)


@dataclass(frozen=True)
class Entity:
    """A person (PER), place (LOC) or organization (ORG) named in a text."""

    text: str
    start: int
    end: int
    label: Label

    def to_dict(self) -> dict[str, Any]:
        """The entity as a JSON-ready dict."""
        return _fields(self)


@dataclass(frozen=True)
class Line:
    """One line (or HTML block) of a page, whether it was kept, and why."""

    text: str
    start: int
    end: int
    keep: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The line as a JSON-ready dict."""
        return _fields(self)


@dataclass(frozen=True)
class Cleaned:
    """A page with its boilerplate removed."""

    title: str | None
    byline: str | None
    text: str
    lines: tuple[Line, ...] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The cleaned page as a JSON-ready dict."""
        return _fields(self) | {"lines": _dicts(self.lines)}


@dataclass(frozen=True)
class EntityGroup:
    """The mentions of one entity (لافروف with سيرغي لافروف)."""

    label: Label
    name: str
    mentions: tuple[int, ...]
    """Indices into ``Document.entities``."""

    def to_dict(self) -> dict[str, Any]:
        """The group as a JSON-ready dict."""
        return _fields(self)


@dataclass(frozen=True)
class Document:
    """A page through the whole pipeline.

    Spans of a plain-text page index the page; spans of an HTML page index ``text``
    (markup has no place to point at), and ``lines`` keep each block's range in the HTML.
    """

    title: str | None
    byline: str | None
    text: str
    lines: tuple[Line, ...] = field(repr=False)
    entities: tuple[Entity, ...]
    numbers: tuple[NumberMention, ...]
    entity_groups: tuple[EntityGroup, ...] = field(repr=False)
    html: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dict."""
        return _fields(self) | {
            "lines": _dicts(self.lines),
            "entities": _dicts(self.entities),
            "numbers": _dicts(self.numbers),
            "entity_groups": _dicts(self.entity_groups),
        }

    def _repr_html_(self) -> str:
        from nuqta.display import document_html

        return document_html(self)


@dataclass(frozen=True)
class AnalyzeError:
    """A page that ``analyze_batch(..., errors="collect")`` could not process."""

    index: int
    error: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict."""
        return _fields(self)

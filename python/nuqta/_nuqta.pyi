"""Type stubs of the native module. The public API is re-exported by ``nuqta``."""

from collections.abc import Callable, Iterable
from typing import Literal, TypeVar, final

from nuqta.results import Entity, Label, Line, NumberMention

__version__: str

__all__ = [
    "Normalizer",
    "_CleanedRow",
    "_CleanerState",
    "_DocumentRow",
    "_PendingLines",
    "_WarcOther",
    "_WarcPage",
    "_WarcRecords",
    "__version__",
    "_analyze",
    "_analyze_batch",
    "_clean",
    "_decode",
    "_entities",
    "_entities_batch",
    "_normalizer_from_options",
    "_numbers",
    "_numbers_batch",
    "_use_result_classes",
    "normalize",
    "num_threads",
]

@final
class _PendingLines:
    def lines(self) -> tuple[Line, ...]: ...

@final
class _CleanedRow:
    """A cleaned page on its way to a ``nuqta.Cleaned``."""

    @property
    def title(self) -> str | None: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def lines(self) -> _PendingLines: ...
    @property
    def date(self) -> str | None: ...
    @property
    def modified(self) -> str | None: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def site_name(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def encoding(self) -> str | None: ...
    @property
    def replacements(self) -> int: ...

@final
class _DocumentRow:
    """An analyzed page on its way to a ``nuqta.Document``."""

    @property
    def cleaned(self) -> _CleanedRow: ...
    @property
    def html(self) -> bool: ...
    @property
    def entities(self) -> tuple[Entity, ...]: ...
    @property
    def numbers(self) -> tuple[NumberMention, ...]: ...
    @property
    def entity_groups(self) -> list[tuple[Label, str, list[int]]]: ...

@final
class Normalizer:
    """A reusable, immutable, picklable Arabic normalizer. Every rule is a keyword
    argument (see ``help(nuqta.Normalizer)`` for what each does); unset rules keep their
    defaults."""

    def __new__(
        cls,
        *,
        diacritics: bool = True,
        quranic_marks: bool = True,
        tatweel: bool = True,
        alef: bool = True,
        alef_maqsura: bool = True,
        teh_marbuta: bool = False,
        hamza: bool = False,
        digits: bool = True,
        presentation_forms: bool = True,
        persian: bool = False,
        invisible: bool = True,
        whitespace: bool = True,
        punctuation: bool = False,
    ) -> Normalizer: ...
    @staticmethod
    def preset(name: str) -> Normalizer: ...
    @property
    def options(self) -> dict[str, bool]: ...
    def normalize(self, text: str) -> str: ...
    def normalize_batch(self, texts: Iterable[str]) -> list[str]: ...
    def normalize_with_offsets(self, text: str) -> tuple[str, list[int]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(
        self,
    ) -> tuple[Callable[[dict[str, bool]], Normalizer], tuple[dict[str, bool]]]: ...

def normalize(
    text: str,
    *,
    diacritics: bool = True,
    quranic_marks: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    alef_maqsura: bool = True,
    teh_marbuta: bool = False,
    hamza: bool = False,
    digits: bool = True,
    presentation_forms: bool = True,
    persian: bool = False,
    invisible: bool = True,
    whitespace: bool = True,
    punctuation: bool = False,
) -> str: ...
def num_threads() -> int: ...
def _normalizer_from_options(options: dict[str, bool]) -> Normalizer: ...

_T = TypeVar("_T")

def _use_result_classes(
    line: type[Line], number: type[NumberMention], entity: type[Entity]
) -> None: ...
def _numbers(
    text: str,
    reference_date: tuple[int, int, int] | None = None,
    relative_ordinals: bool = False,
    country: str | None = None,
) -> tuple[NumberMention, ...]: ...
def _numbers_batch(
    texts: Iterable[str],
    reference_date: tuple[int, int, int] | None = None,
    relative_ordinals: bool = False,
    country: str | None = None,
) -> list[tuple[NumberMention, ...]]: ...
def _entities(text: str, scheme: str = "news") -> tuple[Entity, ...]: ...
def _entities_batch(texts: Iterable[str], scheme: str = "news") -> list[tuple[Entity, ...]]: ...

_Page = str | bytes | bytearray | memoryview

def _decode(data: _Page, content_type: str | None = None) -> tuple[str, str | None, int]: ...
def _clean(
    page: _Page, html: bool | None = None, content_type: str | None = None
) -> _CleanedRow: ...
def _analyze(
    page: _Page,
    html: bool | None = None,
    reference_date: tuple[int, int, int] | None = None,
    entities: bool = True,
    numbers: bool = True,
    country: str | None = None,
    content_type: str | None = None,
    scheme: str = "news",
) -> _DocumentRow: ...
def _analyze_batch(
    pages: Iterable[_Page],
    build: Callable[[int, _DocumentRow | tuple[str, str]], _T],
    html: bool | None = None,
    reference_date: tuple[int, int, int] | None = None,
    entities: bool = True,
    numbers: bool = True,
    country: str | None = None,
    content_types: list[str | None] | None = None,
    scheme: str = "news",
) -> list[_T]: ...

@final
class _WarcPage:
    """A record of a WARC file that holds a page: a response with an HTML or plain-text
    body."""

    @property
    def number(self) -> int: ...
    @property
    def url(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def html(self) -> bool: ...
    @property
    def body(self) -> bytes: ...

@final
class _WarcOther:
    """A record of a WARC file that gave no page: ``kind`` "skipped" (``why`` is its
    WARC-Type, with the content type of a response of another kind) or "error"."""

    @property
    def number(self) -> int: ...
    @property
    def kind(self) -> Literal["skipped", "error"]: ...
    @property
    def why(self) -> str: ...

@final
class _WarcRecords:
    """The records of a WARC file, in order."""

    def __new__(cls, path: str, max_bytes: int) -> _WarcRecords: ...
    def __iter__(self) -> _WarcRecords: ...
    def __next__(self) -> _WarcPage | _WarcOther: ...

@final
class _CleanerState:
    def __new__(
        cls,
        html: bool | None = None,
        min_pages: int = 3,
        min_share: float = 0.1,
        max_hashes: int = 1048576,
    ) -> _CleanerState: ...
    @property
    def pages_learned(self) -> int: ...
    def learn(self, pages: Iterable[_Page]) -> None: ...
    def clean(self, page: _Page, content_type: str | None = None) -> _CleanedRow: ...
    def clean_batch(
        self, pages: Iterable[_Page], content_types: list[str | None] | None = None
    ) -> list[_CleanedRow]: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> _CleanerState: ...

"""nuqta: clean, normalized Arabic text and the facts in it, from raw web pages.

>>> import nuqta
>>> nuqta.normalize("مُحَمَّدٌ")
'محمد'
"""

from __future__ import annotations

from nuqta._api import (
    Cleaner,
    EntityScheme,
    analyze,
    analyze_batch,
    clean,
    decode,
    entities,
    entities_batch,
    numbers,
    numbers_batch,
)
from nuqta._nuqta import Normalizer, normalize, num_threads
from nuqta._nuqta import __version__ as __version__
from nuqta.errors import NuqtaError, NuqtaImportError, NuqtaTypeError, NuqtaValueError
from nuqta.frames import to_pandas
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
from nuqta.sample import sample_pages

__all__ = [
    "AnalyzeError",
    "Cleaned",
    "Cleaner",
    "Decoded",
    "Document",
    "Entity",
    "EntityGroup",
    "EntityScheme",
    "Line",
    "Normalizer",
    "NumberMention",
    "NuqtaError",
    "NuqtaImportError",
    "NuqtaTypeError",
    "NuqtaValueError",
    "analyze",
    "analyze_batch",
    "clean",
    "decode",
    "entities",
    "entities_batch",
    "normalize",
    "num_threads",
    "numbers",
    "numbers_batch",
    "sample_pages",
    "to_pandas",
]

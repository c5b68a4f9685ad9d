"""nuqta: clean, normalized Arabic text and the facts in it, from raw web pages.

>>> import nuqta
>>> nuqta.normalize("مُحَمَّدٌ")
'محمد'
"""

from __future__ import annotations

from nuqta._nuqta import Normalizer, normalize, num_threads
from nuqta.errors import NuqtaError, NuqtaTypeError, NuqtaValueError
from nuqta.sample import sample_pages

__all__ = [
    "Normalizer",
    "NuqtaError",
    "NuqtaTypeError",
    "NuqtaValueError",
    "normalize",
    "num_threads",
    "sample_pages",
]

__version__ = "0.1.0"

"""nuqta on dask: every partition goes through ``nuqta.analyze_batch`` (all cores of the
worker, GIL released), and failures come back as ``AnalyzeError`` records, never lost.

>>> import dask.bag as db
>>> from nuqta.integrations.dask import analyze_bag
>>> docs = analyze_bag(db.from_sequence(pages, npartitions=8)).compute()   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from nuqta._api import analyze_batch
from nuqta.results import AnalyzeError, Document

__all__ = ["analyze_bag", "analyze_dataframe"]

COLUMNS = ["title", "byline", "article", "entities", "numbers", "error"]


def _analyze_partition(pages: list[str], html: bool | None) -> list[Document | AnalyzeError]:
    return analyze_batch(list(pages), errors="collect", html=html)


def analyze_bag(pages: db.Bag, *, html: bool | None = None) -> db.Bag:
    """A bag of ``Document`` (or ``AnalyzeError``) for a bag of pages, in order."""
    return pages.map_partitions(_analyze_partition, html=html)


def _analyze_frame(frame: pd.DataFrame, column: str, html: bool | None) -> pd.DataFrame:
    docs = analyze_batch(frame[column].tolist(), errors="collect", html=html)
    rows: list[dict[str, Any]] = []
    for doc in docs:
        if isinstance(doc, AnalyzeError):
            rows.append(dict.fromkeys(COLUMNS) | {"error": doc.message})
            continue
        rows.append(
            {
                "title": doc.title,
                "byline": doc.byline,
                "article": doc.text,
                "entities": [e.to_dict() for e in doc.entities],
                "numbers": [n.to_dict() for n in doc.numbers],
                "error": None,
            }
        )
    return frame.assign(**pd.DataFrame(rows, columns=COLUMNS, index=frame.index))


def analyze_dataframe(
    frame: dd.DataFrame, *, column: str = "text", html: bool | None = None
) -> dd.DataFrame:
    """``frame`` with the columns title, byline, article, entities, numbers and error
    added from analyzing ``frame[column]``."""
    meta = frame._meta.assign(**{name: pd.Series(dtype=object) for name in COLUMNS})
    return frame.map_partitions(_analyze_frame, column, html, meta=meta)

"""``nuqta.to_pandas``: documents and their mentions as pandas DataFrames.

pandas is an optional extra: ``pip install 'nuqta[pandas]'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nuqta.errors import NuqtaImportError, NuqtaTypeError
from nuqta.results import AnalyzeError, Document

__all__ = ["to_pandas"]


def to_pandas(docs: Iterable[Document | AnalyzeError]) -> tuple[Any, Any]:
    """Two DataFrames: one row per document, and one row per entity or number mention
    (``doc`` is the document's position in ``docs``). Failed pages are left out.

    In the mentions frame ``value`` and ``high`` are floats (NaN where there is none:
    entities, dates, times), ``date`` and ``time`` hold the ISO strings of dates and times,
    and ``qualifier`` the word that bounds an amount."""
    documents: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise NuqtaTypeError(f"docs must be a list of Document, not {type(docs).__name__}")
    docs = list(docs)
    for i, doc in enumerate(docs):
        if not isinstance(doc, (Document, AnalyzeError)):
            raise NuqtaTypeError(f"docs[{i}] must be a Document, not {type(doc).__name__}")
    try:
        import pandas as pd
    except ImportError as missing:
        raise NuqtaImportError(
            "to_pandas needs pandas: pip install 'nuqta[pandas]'", name="pandas"
        ) from missing
    for i, doc in enumerate(docs):
        if isinstance(doc, AnalyzeError):
            continue
        documents.append(
            {
                "doc": i,
                "title": doc.title,
                "byline": doc.byline,
                "text": doc.text,
                "entities": len(doc.entities),
                "numbers": len(doc.numbers),
                "dropped_lines": sum(not line.keep for line in doc.lines),
            }
        )
        group_of = {m: g.name for g in doc.entity_groups for m in g.mentions}
        for j, e in enumerate(doc.entities):
            mentions.append(
                {
                    "doc": i,
                    "mention": "entity",
                    "type": e.label,
                    "text": e.text,
                    "start": e.start,
                    "end": e.end,
                    "value": None,
                    "high": None,
                    "qualifier": None,
                    "date": None,
                    "time": None,
                    "unit": None,
                    "entity": group_of.get(j, e.text),
                }
            )
        for n in doc.numbers:
            mentions.append(
                {
                    "doc": i,
                    "mention": "number",
                    "type": n.kind,
                    "text": n.text,
                    "start": n.start,
                    "end": n.end,
                    "value": n.value if isinstance(n.value, int | float) else None,
                    "high": n.high,
                    "qualifier": n.qualifier,
                    "date": n.value if n.kind == "date" else None,
                    "time": n.value if n.kind == "time" else None,
                    "unit": n.unit,
                    "entity": None,
                }
            )
    columns = [
        "doc",
        "mention",
        "type",
        "text",
        "start",
        "end",
        "value",
        "high",
        "qualifier",
        "date",
        "time",
        "unit",
        "entity",
    ]
    frame = pd.DataFrame(mentions, columns=columns)
    for numeric in ("value", "high"):
        frame[numeric] = pd.to_numeric(frame[numeric], errors="coerce").astype("float64")
    return pd.DataFrame(documents), frame

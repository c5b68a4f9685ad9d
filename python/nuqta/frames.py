"""``nuqta.to_pandas``: documents and their mentions as pandas DataFrames.

pandas is an optional extra: ``pip install 'nuqta[pandas]'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nuqta.errors import NuqtaError
from nuqta.results import AnalyzeError, Document

__all__ = ["to_pandas"]


def to_pandas(docs: Iterable[Document | AnalyzeError]) -> tuple[Any, Any]:
    """Two DataFrames: one row per document, and one row per entity or number mention
    (``doc`` is the document's position in ``docs``). Failed pages are left out."""
    try:
        import pandas as pd
    except ImportError as missing:
        raise NuqtaError("to_pandas needs pandas: pip install 'nuqta[pandas]'") from missing
    documents: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
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
                    "value": n.value,
                    "unit": n.unit,
                    "entity": None,
                }
            )
    columns = ["doc", "mention", "type", "text", "start", "end", "value", "unit", "entity"]
    return pd.DataFrame(documents), pd.DataFrame(mentions, columns=columns)

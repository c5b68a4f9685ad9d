"""Analyzed documents as a Parquet file: one row per document, its lines, entities, number
mentions and entity groups nested in list columns, written in row groups as the documents
come, so that memory stays flat however many there are (``nuqta analyze ... -o
out.parquet``). pyarrow is an optional extra: ``pip install 'nuqta[parquet]'``.

A number's ``value`` is an int, a float or a string (dates, times): Parquet columns have
one type, so the file holds it in ``value`` (a double, for numeric values) or
``value_text`` (for the others); ``high`` is a double too. Read back, a whole double comes
back as an int (a float value that is whole, 3.0, reads back as 3, which compares equal).
``records`` reads a file back into the dicts that the JSON lines output holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nuqta.errors import NuqtaImportError

__all__ = ["ROW_GROUP", "ParquetWriter", "records"]

ROW_GROUP = 256
"""Documents per row group: what the writer holds in memory at most."""


_WARC_FIELDS = ("warc_record_id", "page_url", "page_date")
"""The fields only a WARC record's document has; null in other rows."""


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as missing:
        raise NuqtaImportError(
            "Parquet output needs pyarrow: pip install 'nuqta[parquet]'", name="pyarrow"
        ) from missing
    return pa, pq


def schema() -> Any:
    """The Arrow schema of an analyzed document with its ``source``."""
    pa, _ = _pyarrow()
    span = [("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    line = pa.struct([*span, ("keep", pa.bool_()), ("reason", pa.string())])
    entity = pa.struct([*span, ("label", pa.string()), ("name", pa.string())])
    number = pa.struct(
        [
            *span,
            ("kind", pa.string()),
            ("value", pa.float64()),
            ("value_text", pa.string()),
            ("unit", pa.string()),
            ("qualifier", pa.string()),
            ("high", pa.float64()),
        ]
    )
    group = pa.struct(
        [("label", pa.string()), ("name", pa.string()), ("mentions", pa.list_(pa.int64()))]
    )
    return pa.schema(
        [
            ("source", pa.string()),
            ("title", pa.string()),
            ("byline", pa.string()),
            ("text", pa.string()),
            ("lines", pa.list_(line)),
            ("entities", pa.list_(entity)),
            ("numbers", pa.list_(number)),
            ("entity_groups", pa.list_(group)),
            ("html", pa.bool_()),
            # The page's metadata.
            ("date", pa.string()),
            ("modified", pa.string()),
            ("authors", pa.list_(pa.string())),
            ("site_name", pa.string()),
            ("description", pa.string()),
            ("url", pa.string()),
            ("language", pa.string()),
            ("encoding", pa.string()),
            ("replacements", pa.int64()),
            # A WARC record's fields (its url and date are in url and date, the page's own in
            # page_url and page_date); null for documents from other inputs.
            *((name, pa.string()) for name in _WARC_FIELDS),
        ]
    )


def _to_row(record: dict[str, Any]) -> dict[str, Any]:
    """A JSON lines record as a row of the schema (a number's value split by type)."""
    numbers = []
    for n in record["numbers"]:
        value = n["value"]
        text = value if isinstance(value, str) else None
        numbers.append(n | {"value": None if text is not None else value, "value_text": text})
    return record | {"numbers": numbers}


def _from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the schema as the JSON lines record it was written from."""
    numbers = []
    for n in row["numbers"]:
        n = dict(n)
        text = n.pop("value_text")
        if text is not None:
            n["value"] = text
        for name in ("value", "high"):
            if isinstance(n[name], float) and n[name].is_integer():
                n[name] = int(n[name])
        numbers.append(n)
    if row["warc_record_id"] is None:
        row = {k: v for k, v in row.items() if k not in _WARC_FIELDS}
    return row | {"numbers": numbers}


class ParquetWriter:
    """Writes analyzed documents (``{"source": ..., **Document.to_dict()}``) to ``path``
    in row groups of ``row_group`` documents (default ``ROW_GROUP``)."""

    def __init__(self, path: str | Path, row_group: int | None = None) -> None:
        pa, pq = _pyarrow()
        self._pa = pa
        self._schema = schema()
        self._writer = pq.ParquetWriter(str(path), self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._row_group = row_group or ROW_GROUP

    @staticmethod
    def check() -> None:
        """Raises ``NuqtaImportError`` unless pyarrow is installed."""
        _pyarrow()

    def write(self, record: dict[str, Any]) -> None:
        """Adds one document; a full row group is written out."""
        self._rows.append(_to_row(record))
        if len(self._rows) >= self._row_group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        """Writes the last row group and the file's footer."""
        self._flush()
        self._writer.close()


def records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The documents of a Parquet file that ``ParquetWriter`` wrote, as the dicts of the
    JSON lines output, one row group at a time."""
    _, pq = _pyarrow()
    file = pq.ParquetFile(str(path))
    for i in range(file.num_row_groups):
        for row in file.read_row_group(i).to_pylist():
            yield _from_row(row)

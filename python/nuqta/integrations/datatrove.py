"""nuqta as datatrove pipeline steps. ``NuqtaAnnotator``: each document's text becomes the
cleaned article, and ``metadata["nuqta"]`` holds its title, byline, entities and numbers.
``NuqtaWarcReader``: the HTML and text pages of WARC archives, read and decoded by nuqta
(the HTTP charset, ``<meta charset>``, detection), with no extra dependency; datatrove's
own ``WarcReader`` (which needs ``warcio``, ``cchardet`` and ``python-magic``) feeds the
annotator as well.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from nuqta.integrations.datatrove import NuqtaAnnotator, NuqtaWarcReader
>>> steps = [NuqtaWarcReader("crawl/"), NuqtaAnnotator(), writer]   # doctest: +SKIP
>>> LocalPipelineExecutor(steps, tasks=4).run()                     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from datatrove.data import Document as TroveDocument
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader

from nuqta._api import analyze_batch, decode
from nuqta._nuqta import _WarcPage, _WarcRecords
from nuqta.results import AnalyzeError

__all__ = ["NuqtaAnnotator", "NuqtaWarcReader"]


class NuqtaWarcReader(BaseDiskReader):
    """Reads the ``response`` records with an HTML or plain-text page from WARC files
    (``.warc`` or ``.warc.gz``, WARC/1.0 and 1.1) on the local disk: one document per
    page, its text the page decoded as ``nuqta.decode`` does with the HTTP charset, its
    ``id`` the ``WARC-Record-ID``, and ``url``, ``date``, ``content_type``, ``encoding``
    and ``replacements`` in its metadata. Other records are skipped and counted (stat
    ``skipped``), unreadable ones too (``failed``).

    Args:
        data_folder: the folder of the archives (local).
        max_bytes: the largest record read; larger ones are skipped as failed.
        glob_pattern: which files to read (default: ``*.warc*``).
        Every other argument is ``BaseDiskReader``'s.
    """

    name = "🕷 nuqta WARC"

    def __init__(
        self,
        data_folder: Any,
        max_bytes: int = 1 << 30,
        glob_pattern: str | None = "*.warc*",
        **kwargs: Any,
    ) -> None:
        super().__init__(data_folder, glob_pattern=glob_pattern, **kwargs)
        self.max_bytes = max_bytes

    def read_file(self, filepath: str) -> Iterator[TroveDocument]:
        """The documents of one archive, in order."""
        path = self.data_folder.resolve_paths(filepath)
        for record in _WarcRecords(path, self.max_bytes):
            if not isinstance(record, _WarcPage):
                self.stat_update("skipped" if record.kind == "skipped" else "failed")
                continue
            with self.track_time():
                decoded = decode(record.body, content_type=record.content_type)
                data = {
                    "text": decoded.text,
                    "id": record.record_id,
                    "metadata": {
                        "url": record.url,
                        "date": record.date,
                        "content_type": record.content_type,
                        "encoding": decoded.encoding,
                        "replacements": decoded.replacements,
                    },
                }
                document = self.get_document_from_dict(data, filepath, record.number)
            if document:
                yield document


class NuqtaAnnotator(PipelineStep):
    """Cleans and annotates documents in batches on all cores of the task.

    Args:
        batch_size: documents analyzed together.
        html: the input is HTML (True), plain text (False), or sniffed (None).
        drop_empty: drop documents whose article came out empty.
        keep_failed: keep documents nuqta could not process, unchanged, with
            ``metadata["nuqta_error"]`` (otherwise they are dropped and counted).
    """

    name = "🔤 nuqta"
    type = "🔻 - FILTER"

    def __init__(
        self,
        batch_size: int = 256,
        html: bool | None = None,
        drop_empty: bool = True,
        keep_failed: bool = True,
    ) -> None:
        super().__init__()
        self.batch_size = batch_size
        self.html = html
        self.drop_empty = drop_empty
        self.keep_failed = keep_failed

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[TroveDocument]:
        """Yields the annotated documents, in order."""
        if data is None:
            return
        stream = iter(data)
        while batch := list(islice(stream, self.batch_size)):
            with self.track_time(unit="batch"):
                results = analyze_batch([d.text for d in batch], errors="collect", html=self.html)
            for document, result in zip(batch, results, strict=True):
                self.stat_update("documents")
                if isinstance(result, AnalyzeError):
                    self.stat_update("failed")
                    if self.keep_failed:
                        document.metadata["nuqta_error"] = result.message
                        yield document
                    continue
                if self.drop_empty and not result.text.strip():
                    self.stat_update("dropped_empty")
                    continue
                document.text = result.text
                document.metadata["nuqta"] = {
                    "title": result.title,
                    "byline": result.byline,
                    "html": result.html,
                    "entities": [e.to_dict() for e in result.entities],
                    "numbers": [n.to_dict() for n in result.numbers],
                }
                yield document

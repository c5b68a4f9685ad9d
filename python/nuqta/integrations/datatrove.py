"""nuqta as a datatrove pipeline step: each document's text becomes the cleaned article,
and ``metadata["nuqta"]`` holds its title, byline, entities and numbers.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from nuqta.integrations.datatrove import NuqtaAnnotator
>>> LocalPipelineExecutor([reader, NuqtaAnnotator(), writer], tasks=4).run()   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from datatrove.data import Document as TroveDocument
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from nuqta._api import analyze_batch
from nuqta.results import AnalyzeError

__all__ = ["NuqtaAnnotator"]


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

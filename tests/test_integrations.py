"""The distributed-engine integrations, each really run: dask on a LocalCluster with two
worker processes, datatrove with its LocalPipelineExecutor."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import nuqta

if TYPE_CHECKING:
    from conftest import Datatrove

PAGES = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("data/0*.txt"))]


@pytest.fixture(scope="module")
def dask_client():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_dask_bag_and_dataframe(dask_client: object) -> None:
    db = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    from nuqta.integrations.dask import analyze_bag, analyze_dataframe

    pages = [*PAGES, 42]
    docs = analyze_bag(db.from_sequence(pages, npartitions=3)).compute()
    assert docs[:-1] == [nuqta.analyze(p) for p in PAGES]
    assert isinstance(docs[-1], nuqta.AnalyzeError)

    frame = dd.from_pandas(pd.DataFrame({"text": PAGES, "id": range(len(PAGES))}), npartitions=2)
    out = analyze_dataframe(frame).compute()
    assert list(out["id"]) == list(range(len(PAGES)))
    titles = [t if isinstance(t, str) else None for t in out["title"]]
    assert titles == [nuqta.analyze(p).title for p in PAGES]
    assert out["error"].isna().all()
    assert all(len(e) > 0 for e in out["entities"])


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_datatrove_pipeline(datatrove_jsonl: Datatrove) -> None:
    from datatrove.data import Document

    from nuqta.integrations.datatrove import NuqtaAnnotator

    documents = [Document(text=p, id=str(i)) for i, p in enumerate(PAGES)]
    written = datatrove_jsonl([documents, NuqtaAnnotator(batch_size=2)])
    assert [w["id"] for w in written] == [str(i) for i in range(len(PAGES))]
    for record, page in zip(written, PAGES, strict=True):
        doc = nuqta.analyze(page)
        assert record["text"] == doc.text
        assert record["metadata"]["nuqta"]["title"] == doc.title
        assert len(record["metadata"]["nuqta"]["entities"]) == len(doc.entities)

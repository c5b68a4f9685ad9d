"""``nuqta analyze -o out.parquet``: one row per document with its mentions nested, the
same records as the JSON lines output, written in row groups so that memory stays flat."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import nuqta
from nuqta.cli import main

pq = pytest.importorskip("pyarrow.parquet")

from nuqta.parquet import ROW_GROUP, records  # noqa: E402

if TYPE_CHECKING:
    from conftest import CliPeak, Warc

SENTENCES = [
    line.strip()
    for page in nuqta.sample_pages().values()
    for line in page.splitlines()
    if len(line.strip()) > 60
]


def documents(count: int) -> list[str]:
    """``count`` different short documents, each a few sentences of the sample pages."""
    n = len(SENTENCES)
    return [f"{SENTENCES[i % n]}\n{SENTENCES[(i * 7 + 3) % n]} {i}" for i in range(count)]


def write_jsonl(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for text in texts:
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return path


def test_10000_documents_stream_with_flat_memory_and_read_back_as_the_json_lines(
    tmp_path: Path, cli_peak: CliPeak
) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", documents(1_000))
    large = write_jsonl(tmp_path / "large.jsonl", documents(10_000))
    done, before = cli_peak("analyze", str(small), "-o", str(tmp_path / "small.parquet"))
    assert done.returncode == 0, done.stderr
    parquet = tmp_path / "large.parquet"
    done, after = cli_peak("analyze", str(large), "-o", str(parquet))
    assert done.returncode == 0, done.stderr
    # Held until the end, 9,000 more documents raise the peak by more than 100 MB (their
    # results as Python objects, then as Arrow arrays); streamed, by about 10 MB.
    growth = after - before
    assert growth < 40 << 20, f"peak grew by {growth / 2**20:.1f} MB"

    jsonl = tmp_path / "large.jsonl.out"
    assert main(["analyze", str(large), "-o", str(jsonl)]) == 0
    expected = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    back = list(records(parquet))
    assert len(back) == len(expected) == 10_000
    assert back == expected
    file = pq.ParquetFile(str(parquet))
    assert file.metadata.num_rows == 10_000
    assert file.num_row_groups >= 10_000 // ROW_GROUP  # written as they came
    # The nested columns hold the mentions, with their values.
    assert any(n["value"] is not None for row in back[:50] for n in row["numbers"])
    assert any(row["entities"] for row in back[:50])


def test_parquet_needs_pyarrow_and_is_for_analyze(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "docs.jsonl", documents(3))
    with pytest.raises(SystemExit) as exited:
        main(["entities", str(source), "-o", str(tmp_path / "x.parquet")])
    assert exited.value.code == 2
    assert "for nuqta analyze" in capsys.readouterr().err
    for name in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(SystemExit) as exited:
        main(["analyze", str(source), "-o", str(tmp_path / "x.parquet")])
    assert exited.value.code == 2
    assert "nuqta[parquet]" in capsys.readouterr().err
    assert not (tmp_path / "x.parquet").exists()


def test_a_document_of_every_kind_of_value_round_trips(tmp_path: Path) -> None:
    text = "دفع 2.5 مليار دولار و١٥٪ و3.75 كيلوغرام في 5 مايو 2024 الساعة 5:30 في القاهرة"
    source = write_jsonl(tmp_path / "one.jsonl", [text, ""])
    out = tmp_path / "one.parquet"
    assert main(["analyze", str(source), "-o", str(out)]) == 0
    rows: list[dict[str, Any]] = list(records(out))
    doc = nuqta.analyze(text)
    assert rows[0] == json.loads(json.dumps({"source": f"{source}:1", **doc.to_dict()}))
    assert {type(n["value"]) for n in rows[0]["numbers"]} == {int, float, str}
    assert rows[1]["numbers"] == []
    assert rows[1]["text"] == ""


def test_a_warc_record_keeps_its_fields(tmp_path: Path, warc: type[Warc]) -> None:
    page = "<html><head><title>خبر</title></head><body><p>" + SENTENCES[0] + "</p></body></html>"
    response = warc.http("text/html; charset=utf-8", page.encode())
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(warc.record("response", response, 1))
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert main(["analyze", str(archive), "-o", str(jsonl)]) == 0
    assert main(["analyze", str(archive), "-o", str(parquet)]) == 0
    expected = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert expected[0]["warc_record_id"]
    assert list(records(parquet)) == expected

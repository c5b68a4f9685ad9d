"""WARC archives through the command line and the datatrove reader: a file built here from
the real pages (gzip per record, with request, response, metadata and non-HTML records, one
windows-1256 response) gives one JSON line per HTML or text response, in order; hostile
files give per-record errors, never a crash or a hang."""

from __future__ import annotations

import gzip
import json
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import nuqta
from nuqta._nuqta import _WarcPage, _WarcRecords

if TYPE_CHECKING:
    from conftest import Cli, Datatrove, NewsPage, Warc


def crawl(
    pages: list[str], news_page: NewsPage, warc: type[Warc]
) -> tuple[list[bytes], list[tuple[str, str | bytes, str]]]:
    """The records of a crawl of ``pages``, and for each HTML or text response, in order:
    its URL, the page as the server sent it, and its content type."""
    records = [warc.record("warcinfo", b"software: nuqta tests\r\n", 0, version="1.0")]
    expected: list[tuple[str, str | bytes, str]] = []
    for i, page in enumerate(pages, start=1):
        number = 10 * i
        html = news_page(page, '<meta charset="utf-8">')
        content_type, body = "text/html; charset=utf-8", html.encode()
        if i == 2:  # windows-1256, declared by the HTTP header only
            html = news_page("".join(c for c in page if c.encode("cp1256", "ignore")), "")
            html = html.replace("©", "")
            content_type, body = "text/html; charset=windows-1256", html.encode("cp1256")
        if i == 4:
            content_type, body = "text/plain", page.encode()
            html = page
        request = f"GET /{number} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode()
        records.append(warc.record("request", request, number))
        records.append(warc.record("response", warc.http(content_type, body), number + 1))
        expected.append((f"https://news.example/{number + 1}", html, content_type))
        records.append(warc.record("metadata", b"fetchTimeMs: 120\r\n", number + 2))
        image = warc.http("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        records.append(warc.record("response", image, number + 3))
    return records, expected


def gzip_each(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(r) for r in records)


@pytest.mark.parametrize("suffix", [".warc.gz", ".warc"])
def test_one_line_per_html_response_in_order(
    tmp_path: Path,
    seed_pages: list[str],
    as_news_page: NewsPage,
    warc: type[Warc],
    cli: Cli,
    suffix: str,
) -> None:
    records, expected = crawl(seed_pages, as_news_page, warc)
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(gzip_each(records) if suffix.endswith(".gz") else b"".join(records))
    result = cli("analyze", str(path))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["url"] for line in lines] == [url for url, _, _ in expected]
    for line, (url, page, content_type) in zip(lines, expected, strict=True):
        number = int(url.rsplit("/", 1)[1])
        assert line["warc_record_id"] == f"<urn:uuid:00000000-0000-0000-0000-{number:012}>"
        assert line["date"] == f"2024-02-{number % 28 + 1:02}T12:00:00Z"
        assert line["source"].startswith(f"{path}#")
        doc = nuqta.analyze(page, html=content_type.startswith("text/html"))
        assert line["text"] == doc.text
        assert line["html"] == doc.html
        assert (line["page_url"], line["page_date"]) == (doc.url, doc.date)
        assert len(line["entities"]) == len(doc.entities)
    assert lines[1]["encoding"] == "windows-1256"
    assert {line["encoding"] for line in lines[2:]} == {"UTF-8"}
    n = len(seed_pages)
    summary = result.stderr.strip().splitlines()[-1]
    assert summary == (
        f"nuqta: {n} records written, ok; WARC records skipped: {3 * n + 1} "
        f"(metadata {n}, request {n}, response (not HTML or text) {n}, warcinfo 1)"
    )
    cleaned = cli("clean", str(path))
    assert [json.loads(line)["text"] for line in cleaned.stdout.splitlines()] == [
        line["text"] for line in lines
    ]


def test_directory_walk_finds_archives(
    tmp_path: Path, seed_pages: list[str], as_news_page: NewsPage, warc: type[Warc], cli: Cli
) -> None:
    records, expected = crawl(seed_pages[:2], as_news_page, warc)
    (tmp_path / "crawl.warc.gz").write_bytes(gzip_each(records))
    result = cli("numbers", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(expected)


def hostile(cli: Cli, tmp_path: Path, name: str, data: bytes) -> subprocess.CompletedProcess[str]:
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    result = cli("analyze", str(path))
    assert time.monotonic() - started < 120
    assert "Traceback" not in result.stderr
    return result


def test_truncated_gzip(
    tmp_path: Path, seed_pages: list[str], as_news_page: NewsPage, warc: type[Warc], cli: Cli
) -> None:
    records, expected = crawl(seed_pages[:3], as_news_page, warc)
    data = gzip_each(records)
    result = hostile(cli, tmp_path, "cut.warc.gz", data[: len(data) * 2 // 3])
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["url"] for line in lines] == [url for url, _, _ in expected[: len(lines)]]
    assert len(lines) >= 1
    assert "nuqta: error:" in result.stderr


def test_a_lying_content_length_costs_one_record(
    tmp_path: Path, seed_pages: list[str], as_news_page: NewsPage, warc: type[Warc], cli: Cli
) -> None:
    records, expected = crawl(seed_pages[:3], as_news_page, warc)
    liar = 2  # the first response: said to be 100 bytes longer than it is
    block_start = records[liar].index(b"\r\n\r\n") + 4
    length = len(records[liar]) - block_start - 4
    records[liar] = records[liar].replace(
        f"Content-Length: {length}".encode(), f"Content-Length: {length + 100}".encode()
    )
    result = hostile(cli, tmp_path, "liar.warc.gz", gzip_each(records))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["url"] for line in lines] == [url for url, _, _ in expected[1:]]
    errors = [e for e in result.stderr.splitlines() if e.startswith("nuqta: error:")]
    assert len(errors) == 1
    assert "#3:" in errors[0]
    # uncompressed, nothing marks the next record: the rest of the file is reported lost
    result = hostile(cli, tmp_path, "liar.warc", b"".join(records))
    assert result.returncode == 1
    assert "the rest of the file is skipped" in result.stderr


def test_a_gigabyte_declared_length_is_not_allocated(
    tmp_path: Path, warc: type[Warc], cli: Cli
) -> None:
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 1073741824\r\n\r\n"
    )
    data = head + warc.http("text/html", b"<p>\xd9\x86\xd8\xb5</p>" * 1000)
    result = hostile(cli, tmp_path, "huge.warc.gz", gzip.compress(data))
    assert result.returncode == 1
    assert "ends inside a record (Content-Length 1073741824" in result.stderr
    result = cli("analyze", "--max-bytes", "1M", str(tmp_path / "huge.warc.gz"))
    assert "more than the limit" in result.stderr or "ends inside" in result.stderr


def test_binary_garbage_declared_html(tmp_path: Path, warc: type[Warc], cli: Cli) -> None:
    garbage = bytes((i * 7919 + 13) % 256 for i in range(50_000))
    data = warc.record("response", warc.http("text/html; charset=utf-8", garbage), 1)
    result = hostile(cli, tmp_path, "garbage.warc.gz", gzip.compress(data))
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert line["url"] == "https://news.example/1"
    assert line["encoding"]


def test_chunked_responses_read_as_the_page(
    tmp_path: Path, seed_pages: list[str], as_news_page: NewsPage, warc: type[Warc]
) -> None:
    """A body sent with Transfer-Encoding: chunked (in chunks of any size, gzipped first or
    not, windows-1256) is the page; one cut short keeps what arrived."""
    page = "".join(c for c in seed_pages[0] if c.encode("cp1256", "ignore")).replace("©", "")
    html = as_news_page(page, "").encode("cp1256")
    records = []
    for number, (size, coding) in enumerate([(1, ""), (97, ""), (4096, "gzip, ")], start=1):
        data = gzip.compress(html) if coding else html
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
        http = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n"
            b"Transfer-Encoding: " + coding.encode() + b"chunked\r\n\r\n" + body
        )
        records.append(warc.record("response", http, number))
    path = tmp_path / "chunked.warc.gz"
    path.write_bytes(gzip_each(records))
    pages = [row for row in _WarcRecords(str(path), 1 << 22) if isinstance(row, _WarcPage)]
    assert [p.body for p in pages] == [html] * 3
    assert nuqta.clean(pages[0].body).text == nuqta.clean(as_news_page(page, "")).text
    # a record cut inside its chunked body (WARC-Truncated): the chunks before the cut
    http = records[1][records[1].index(b"HTTP/1.1") : -4]
    path.write_bytes(gzip.compress(warc.record("response", http[: len(http) // 2], 1)))
    (row,) = list(_WarcRecords(str(path), 1 << 22))
    assert isinstance(row, _WarcPage)
    assert 0 < len(row.body) < len(html)
    assert html.startswith(row.body)


def test_not_a_warc_file(tmp_path: Path, cli: Cli) -> None:
    result = hostile(cli, tmp_path, "notes.warc", b"hello\r\n\r\nworld")
    assert result.returncode == 1
    assert "not a WARC record header" in result.stderr
    result = hostile(cli, tmp_path, "empty.warc.gz", b"")
    assert result.returncode == 0
    with pytest.raises(OSError, match="missing"):
        _WarcRecords(str(tmp_path / "missing.warc"), 1 << 20)
    with pytest.raises(nuqta.NuqtaValueError):
        _WarcRecords(str(tmp_path / "notes.warc"), 0)


def test_records_come_as_typed_rows(
    tmp_path: Path, seed_pages: list[str], as_news_page: NewsPage, warc: type[Warc]
) -> None:
    records, expected = crawl(seed_pages[:2], as_news_page, warc)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip_each(records))
    rows = list(_WarcRecords(str(path), 1 << 20))
    assert [row.number for row in rows] == list(range(1, len(records) + 1))
    pages = [row for row in rows if isinstance(row, _WarcPage)]
    assert [(p.url, p.content_type, p.html) for p in pages] == [
        (url, content_type, True) for url, _, content_type in expected
    ]
    first = expected[0][1]
    assert isinstance(first, str)
    assert pages[0].body == first.encode()
    assert pages[0].record_id == "<urn:uuid:00000000-0000-0000-0000-000000000011>"
    assert pages[0].date == "2024-02-12T12:00:00Z"
    others = [(row.kind, row.why) for row in rows if not isinstance(row, _WarcPage)]
    kinds = ["request", "metadata", "response image/png"]
    assert others == [("skipped", "warcinfo"), *[("skipped", k) for k in kinds * 2]]
    with pytest.raises(AttributeError):
        pages[0].url = "https://elsewhere.example/"  # type: ignore[misc]
    # with a limit below every block, the first response (record 3) is an error
    error = list(_WarcRecords(str(path), 10))[2]
    assert not isinstance(error, _WarcPage)
    assert (error.number, error.kind) == (3, "error")
    assert "more than the limit of 10" in error.why


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_datatrove_warc_reader(
    tmp_path: Path,
    seed_pages: list[str],
    as_news_page: NewsPage,
    warc: type[Warc],
    datatrove_jsonl: Datatrove,
) -> None:
    from nuqta.integrations.datatrove import NuqtaAnnotator, NuqtaWarcReader

    records, expected = crawl(seed_pages, as_news_page, warc)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc.gz").write_bytes(gzip_each(records))
    written = datatrove_jsonl(
        [NuqtaWarcReader(str(tmp_path / "in")), NuqtaAnnotator(batch_size=2, drop_empty=False)]
    )
    assert [w["metadata"]["url"] for w in written] == [url for url, _, _ in expected]
    for record, (_, page, _content_type) in zip(written, expected, strict=True):
        assert record["text"] == nuqta.analyze(page).text
    assert written[1]["metadata"]["encoding"] == "windows-1256"

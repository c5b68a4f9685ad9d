"""Fixtures shared by the test modules. Their types are imported by the modules for the type
checker only (``if TYPE_CHECKING: from conftest import ...``): pytest imports this file
itself."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Protocol

import pytest

DATA = Path(__file__).parent / "data"

NewsPage = Callable[[str, str], str]
"""``as_news_page``: a sample page laid out as a news page."""

Datatrove = Callable[[list[Any]], list[dict[str, Any]]]
"""``datatrove_jsonl``: the documents a datatrove pipeline writes."""

CliPeak = Callable[..., tuple[subprocess.CompletedProcess[str], int]]
"""``run_cli_peak``: the command line run, and its peak memory."""


class Cli(Protocol):
    """``run_cli``: the command line run as a user would."""

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """The finished run of ``python -m nuqta ARGS``."""
        ...


def news_page(page: str, charset: str = "") -> str:
    """A sample page laid out as a news page (menu, headline, article, footer), with
    ``charset`` (a ``<meta>``, or nothing) in its head."""
    lines = [html.escape(s.strip()) for s in page.splitlines() if s.strip()]
    menu = "".join(f'<li><a href="/s/{k}">قسم {k}</a></li>' for k in range(8))
    body = "".join(f"<p>{s}</p>" for s in lines[1:])
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head>{charset}<title>{lines[0]}</title>'
        f"</head><body><nav><ul>{menu}</ul></nav><article><h1>{lines[0]}</h1>{body}</article>"
        f"<footer><p>جميع الحقوق محفوظة © 2024</p></footer></body></html>"
    )


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m nuqta ARGS`` in a subprocess, given ``stdin``, its output read as UTF-8
    text; a run that hangs fails after five minutes."""
    return subprocess.run(
        [sys.executable, "-m", "nuqta", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )


# Runs a command, then appends its peak resident memory (KiB, as Linux counts it) to stderr.
PEAK = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:]).returncode
sys.stderr.write(f"peak_kb={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
sys.exit(status)
"""


def run_cli_peak(*args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """``run_cli`` (without stdin), measured: the finished run, its stderr without the
    measurement, and its peak resident memory in bytes."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "nuqta", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )
    done.stderr, _, peak = done.stderr.rpartition("peak_kb=")
    return done, int(peak) * 1024


class Warc:
    """WARC archives built byte by byte, as crawlers write them."""

    TYPES: ClassVar[dict[str, str]] = {
        "warcinfo": "application/warc-fields",
        "request": "application/http; msgtype=request",
        "response": "application/http; msgtype=response",
        "metadata": "application/warc-fields",
    }

    @staticmethod
    def record(kind: str, block: bytes, number: int, version: str = "1.1", **more: str) -> bytes:
        """One record of WARC-Type ``kind``: its headers (record ``number`` gives its id,
        date and target URI https://news.example/NUMBER; ``more`` adds headers), ``block``,
        and the two CRLFs after it."""
        headers = {
            "WARC-Type": kind,
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012}>",
            "WARC-Date": f"2024-02-{number % 28 + 1:02}T12:00:00Z",
            "WARC-Target-URI": f"https://news.example/{number}",
            "Content-Type": Warc.TYPES[kind],
            **more,
            "Content-Length": str(len(block)),
        }
        head = f"WARC/{version}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        return head.encode() + b"\r\n" + block + b"\r\n\r\n"

    @staticmethod
    def http(content_type: str, body: bytes) -> bytes:
        """An HTTP 200 response with ``body``: a response record's block."""
        return (
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body


def run_datatrove(steps: list[Any], folder: Path) -> list[dict[str, Any]]:
    """Runs a datatrove pipeline of ``steps`` and a JSONL writer in one local task, in
    ``folder``, and returns the documents written, in order."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    writer = JsonlWriter(str(folder / "out"), compression=None)
    executor = LocalPipelineExecutor(
        pipeline=[*steps, writer], tasks=1, logging_dir=str(folder / "logs")
    )
    executor.run()
    return [
        json.loads(line)
        for path in sorted((folder / "out").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


@pytest.fixture(scope="session")
def seed_pages() -> list[str]:
    """The bundled real pages (plain text)."""
    return [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("0*.txt"))]


@pytest.fixture(scope="session")
def as_news_page() -> NewsPage:
    """``news_page``: a sample page as a news page, with a charset declaration."""
    return news_page


@pytest.fixture(scope="session")
def cli() -> Cli:
    """``run_cli``: ``python -m nuqta ARGS`` in a subprocess."""
    return run_cli


@pytest.fixture(scope="session")
def cli_peak() -> CliPeak:
    """``run_cli_peak``: ``python -m nuqta ARGS`` with its peak memory."""
    return run_cli_peak


@pytest.fixture(scope="session")
def warc() -> type[Warc]:
    """``Warc``: builds WARC records."""
    return Warc


@pytest.fixture
def datatrove_jsonl(tmp_path: Path) -> Datatrove:
    """``run_datatrove`` in ``tmp_path``; skips the test without datatrove."""
    pytest.importorskip("datatrove")
    return lambda steps: run_datatrove(steps, tmp_path)

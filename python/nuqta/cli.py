"""The ``nuqta`` command line: run nuqta over files, directories, JSONL, WARC and stdin.

Every record becomes one JSON line on stdout (or in ``-o FILE``; ``nuqta analyze -o
FILE.parquet`` writes Parquet, one row per document; the file is written to a temporary
file and renamed, so an interrupted run leaves no half-written file, also when stopped by
SIGINT, SIGTERM or SIGHUP). Files are read as bytes and decoded as ``nuqta.decode`` does
(byte order mark, ``<meta charset>``, detection), so a windows-1256 page reads as well as
a UTF-8 one. A WARC archive (``.warc``, ``.warc.gz``) gives one record per HTML or text
``response``, decoded with its HTTP charset, with the record's ``url``, ``warc_record_id``
and ``date`` (the page's own ``url`` and ``date``, from its markup, become ``page_url`` and
``page_date``); its other records are skipped and counted in the summary. A file that
cannot be read, or that holds (once decompressed) more than ``--max-bytes`` (for WARC: a
record that does), is reported on stderr and the run goes on. Exit status: 0 when every
input was processed, 1 when some failed, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any

from tqdm import tqdm

from nuqta._api import (
    Cleaner,
    analyze_batch,
    decode,
    entities,
    entities_batch,
    numbers,
    numbers_batch,
)
from nuqta._nuqta import Normalizer, __version__, _WarcPage, _WarcRecords
from nuqta.errors import NuqtaError
from nuqta.results import AnalyzeError

__all__ = ["main"]

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".warc")

DEFAULT_MAX_BYTES = 1 << 30
"""How much one input may hold once decompressed, unless ``--max-bytes`` says otherwise."""


@dataclass(frozen=True)
class Record:
    """One input page and where it came from (a path, ``path:line``, ``path#record`` or
    ``-``): text, or bytes still to decode, with the HTTP ``Content-Type`` of a WARC
    record and the fields that go into its output line."""

    source: str
    page: str | bytes
    content_type: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The page as text."""
        if isinstance(self.page, str):
            return self.page
        return decode(self.page, content_type=self.content_type).text


@dataclass(frozen=True)
class Skipped:
    """A WARC record that holds no page (a request, metadata, an image), by kind."""

    kind: str


class InputError(Exception):
    """An input that could not be read; the run reports it and goes on."""


class _Bounded(io.RawIOBase):
    """A binary stream that raises ``InputError`` once more than ``limit`` bytes came out
    of ``raw``: a gzip bomb is stopped after ``limit`` bytes, not when memory runs out."""

    def __init__(self, raw: IO[bytes] | gzip.GzipFile, source: str, limit: int) -> None:
        super().__init__()
        self._raw = raw
        self._source = source
        self._limit = limit
        self._seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        # Reads at most one byte past the limit: enough to tell that it was passed.
        want = min(len(view), self._limit - self._seen + 1) if self._limit else len(view)
        data = self._raw.read(want)
        self._seen += len(data)
        if self._limit and self._seen > self._limit:
            raise InputError(
                f"{self._source}: more than --max-bytes {self._limit} bytes"
                " (once decompressed); skipped the rest"
            )
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._raw is not sys.stdin.buffer:
            self._raw.close()
        super().close()


def _open_bytes(source: str, limit: int) -> io.BufferedReader:
    """The bytes of ``source`` (a path, maybe gzipped, or ``-``), decompressed and bounded."""
    # The files are closed with the stream returned (``_Bounded.close``).
    raw: IO[bytes] | gzip.GzipFile
    if source == "-":
        raw = sys.stdin.buffer
    elif source.endswith(".gz"):
        raw = gzip.open(source, "rb")  # noqa: SIM115
    else:
        raw = Path(source).open("rb")  # noqa: SIM115
    return io.BufferedReader(_Bounded(raw, source, limit))


def _expand(paths: list[str]) -> Iterator[str]:
    """Paths as given, with directories walked recursively (sorted) for text inputs."""
    for p in paths:
        if p != "-" and Path(p).is_dir():
            for child in sorted(Path(p).rglob("*")):
                name = child.name.removesuffix(".gz")
                if child.is_file() and name.endswith(TEXT_SUFFIXES):
                    yield str(child)
        else:
            yield p


def _warc_records(source: str, limit: int) -> Iterator[Record | Skipped | InputError]:
    """The pages of a WARC archive, its other records as ``Skipped``, and the records
    that could not be read as ``InputError``s (reading goes on after them where it can)."""
    try:
        records = _WarcRecords(source, limit or (1 << 63))
    except OSError as e:
        raise InputError(str(e)) from e
    for record in records:
        where = f"{source}#{record.number}"
        if isinstance(record, _WarcPage):
            fields = {"url": record.url, "warc_record_id": record.record_id, "date": record.date}
            yield Record(where, record.body, record.content_type, fields)
        elif record.kind == "skipped":
            # "response image/png" and the like count as one kind
            kind, _, content_type = record.why.partition(" ")
            yield Skipped(f"{kind} (not HTML or text)" if content_type else kind)
        else:
            yield InputError(f"{where}: {record.why}")


def _field(value: Any) -> str | bytes | None:
    """A JSONL field as a page: a string, or bytes given as a list of byte values."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(type(b) is int and 0 <= b < 256 for b in value):
        return bytes(value)
    return None


def _records(source: str, text_field: str, limit: int) -> Iterator[Record | Skipped | InputError]:
    """The records of one input: a whole file, one per JSONL line, or one per page of a
    WARC archive, reading at most ``limit`` bytes of decompressed text (0: no limit). A
    JSONL line that is not JSON with a string (or byte list) ``text_field`` comes as an
    ``InputError`` and the lines after it still follow (a line that is not UTF-8 is
    decoded as a page would be); an input that cannot be read raises ``InputError``."""
    name = source.removesuffix(".gz")
    if name.endswith(".warc"):
        yield from _warc_records(source, limit)
        return
    try:
        with _open_bytes(source, limit) as f:
            if not name.endswith(".jsonl"):
                yield Record(source, f.read())
                return
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                where = f"{source}:{number}"
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:
                    text = decode(line).text
                try:
                    value = _field(json.loads(text)[text_field])
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    yield InputError(f"{where}: no string field {text_field!r} ({e})")
                    continue
                if value is None:
                    yield InputError(f"{where}: field {text_field!r} is not a string or bytes")
                    continue
                yield Record(where, value)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{source}: {e}") from e


@dataclass
class Tally:
    """Counts for the summary line."""

    records: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """The summary line."""
        status = "ok" if self.failed == 0 else f"{self.failed} failed"
        line = f"nuqta: {self.records} records written, {status}"
        if self.skipped:
            kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.skipped.items()))
            line += f"; WARC records skipped: {self.skipped.total()} ({kinds})"
        return line


Outcome = dict[str, Any] | Exception
Processor = Callable[[list[Record]], list[Outcome]]

CHUNK = 64


def _chunks(inputs: list[str], text_field: str, limit: int, tally: Tally) -> Iterator[list[Record]]:
    """Records in chunks of ``CHUNK``; unreadable inputs and records are reported and
    skipped."""
    chunk: list[Record] = []
    for source in _expand(inputs):
        records = _records(source, text_field, limit)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except InputError as e:
                print(f"nuqta: error: {e}", file=sys.stderr)
                tally.failed += 1
                break
            if isinstance(record, InputError):
                print(f"nuqta: error: {record}", file=sys.stderr)
                tally.failed += 1
                continue
            if isinstance(record, Skipped):
                tally.skipped[record.kind] += 1
                continue
            chunk.append(record)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


Write = Callable[[dict[str, Any]], None]
"""Where each output record goes: a JSON line, or a Parquet row."""


def _json_lines(out: IO[str]) -> Write:
    def write(record: dict[str, Any]) -> None:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")

    return write


def _run(args: argparse.Namespace, write: Write, process: Processor, tally: Tally) -> None:
    progress = _progress(args)
    for chunk in _chunks(args.paths, args.text_field, args.max_bytes, tally):
        for record, outcome in zip(chunk, process(chunk), strict=True):
            if isinstance(outcome, Exception):
                print(f"nuqta: error: {record.source}: {outcome}", file=sys.stderr)
                tally.failed += 1
                continue
            write({"source": record.source, **record.fields, **_beside(record.fields, outcome)})
            tally.records += 1
        if progress is not None:
            progress.update(len(chunk))
    if progress is not None:
        progress.close()


def _beside(fields: dict[str, Any], outcome: dict[str, Any]) -> dict[str, Any]:
    """The result's fields, those named as one of a WARC record's ``fields`` (the page's
    own ``url`` and ``date``) renamed ``page_url`` and ``page_date``."""
    if not fields:
        return outcome
    return {f"page_{k}" if k in fields else k: v for k, v in outcome.items()}


def _progress(args: argparse.Namespace) -> tqdm[Any] | None:
    """A progress bar on stderr when asked for or when stderr is a terminal."""
    if not (args.progress or sys.stderr.isatty()):
        return None
    return tqdm(unit=" records", file=sys.stderr)


def _each(fn: Callable[[Record], dict[str, Any]]) -> Processor:
    """A processor calling ``fn`` per record, turning nuqta's errors into outcomes."""

    def process(records: list[Record]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for record in records:
            try:
                outcomes.append(fn(record))
            except NuqtaError as e:
                outcomes.append(e)
        return outcomes

    return process


def _batched(
    batch: Callable[[list[Record]], list[dict[str, Any]]], one: Callable[[Record], dict[str, Any]]
) -> Processor:
    """A processor calling the batch function ``batch`` on a chunk (on all cores, or
    ``--jobs``); when the batch fails, the chunk's records go one at a time through ``one``,
    so that the failing record is reported and the others are written."""
    each = _each(one)

    def process(records: list[Record]) -> list[Outcome]:
        try:
            return list(batch(records))
        except NuqtaError:
            return each(records)

    return process


def _processor(args: argparse.Namespace) -> Processor:
    """What the chosen command does to a chunk of texts; every command runs through a
    batch call."""
    if args.command == "normalize":
        normalizer = _normalizer(args)
        return _batched(
            lambda rs: [{"text": t} for t in normalizer.normalize_batch([r.text for r in rs])],
            lambda r: {"text": normalizer.normalize(r.text)},
        )
    html = {"auto": None, "yes": True, "no": False}[getattr(args, "html", "auto")]
    if args.command == "analyze":

        def analyze(records: list[Record]) -> list[Outcome]:
            docs = analyze_batch(
                [r.page for r in records],
                errors="collect",
                html=html,
                content_types=[r.content_type for r in records],
            )
            return [
                NuqtaError(d.message) if isinstance(d, AnalyzeError) else d.to_dict() for d in docs
            ]

        return analyze
    if args.command == "clean":
        # A cleaner that learned nothing cleans a page as ``nuqta.clean`` does.
        cleaner = Cleaner(html=html)
        return _batched(
            lambda rs: [
                c.to_dict()
                for c in cleaner.clean_batch(
                    [r.page for r in rs], content_types=[r.content_type for r in rs]
                )
            ],
            lambda r: cleaner.clean(r.page, content_type=r.content_type).to_dict(),
        )
    if args.command == "entities":
        return _batched(
            lambda rs: [
                {"entities": [e.to_dict() for e in es]}
                for es in entities_batch([r.text for r in rs])
            ],
            lambda r: {"entities": [e.to_dict() for e in entities(r.text)]},
        )
    return _batched(
        lambda rs: [
            {"numbers": [n.to_dict() for n in ns]} for ns in numbers_batch([r.text for r in rs])
        ],
        lambda r: {"numbers": [n.to_dict() for n in numbers(r.text)]},
    )


def _write_atomically(path: str, write: Callable[[str], None]) -> None:
    """Has ``write`` write a temporary file beside ``path`` (it gets the file's path), then
    renames it to ``path``."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _byte_count(value: str) -> int:
    """``--max-bytes``: a byte count, with an optional K, M or G suffix (powers of 1024)."""
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(value[-1:].upper(), 1)
    digits = value[:-1] if scale > 1 else value
    try:
        count = int(digits) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a byte count: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError(f"not a byte count: {value!r}")
    return count


def _stop_on_signal(signum: int, frame: FrameType | None) -> None:
    """Turns SIGTERM and SIGHUP into an exit that unwinds, so the output's temporary file
    is removed rather than left behind."""
    raise SystemExit(128 + signum)


def _normalizer(args: argparse.Namespace) -> Normalizer:
    base = Normalizer.preset(args.preset).options
    for change in args.set or []:
        name, _, value = change.partition("=")
        if value.lower() not in ("true", "false", "1", "0", "on", "off"):
            raise NuqtaError(f"--set {change!r}: expected NAME=true or NAME=false")
        base[name] = value.lower() in ("true", "1", "on")
    return Normalizer(**base)


COMMANDS = {
    "analyze": "clean each page, then find its entities and numbers",
    "normalize": "normalize Arabic text",
    "clean": "remove boilerplate: keep headline, byline and article",
    "entities": "find people, places and organizations",
    "numbers": "find numbers, amounts, dates and times with their values",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nuqta", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"nuqta {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text.capitalize() + ".")
        sub.add_argument(
            "paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin"
        )
        sub.add_argument("--text-field", default="text", help="JSONL field holding the text")
        sub.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write here (atomically) instead of stdout"
            + ("; FILE.parquet writes Parquet (needs pyarrow)" if name == "analyze" else ""),
        )
        sub.add_argument("--jobs", type=int, help="threads to use (default: all cores)")
        sub.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
        sub.add_argument(
            "--max-bytes",
            type=_byte_count,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help="skip (as failed) any input holding more than N bytes once decompressed;"
            " K, M, G suffixes; 0 for no limit (default: 1G)",
        )
        if name == "normalize":
            sub.add_argument(
                "--preset", default="default", help="default, search, display, camel or none"
            )
            sub.add_argument(
                "--set", action="append", metavar="RULE=BOOL", help="e.g. teh_marbuta=true"
            )
        if name in ("analyze", "clean"):
            sub.add_argument(
                "--html", choices=["auto", "yes", "no"], default="auto", help="input is HTML"
            )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs is not None:
        if args.jobs < 1:
            parser.error("--jobs must be at least 1")
        os.environ["NUQTA_NUM_THREADS"] = str(args.jobs)
    try:
        process = _processor(args)
    except NuqtaError as e:
        parser.error(str(e))
    parquet = bool(args.output) and args.output.endswith(".parquet")
    if parquet:
        if args.command != "analyze":
            parser.error("Parquet output (-o FILE.parquet) is for nuqta analyze")
        try:
            from nuqta.parquet import ParquetWriter

            ParquetWriter.check()
        except NuqtaError as e:
            parser.error(str(e))
    tally = Tally()

    def write_file(tmp: str) -> None:
        if parquet:
            writer = ParquetWriter(tmp)
            try:
                _run(args, writer.write, process, tally)
            finally:
                writer.close()
        else:
            with Path(tmp).open("w", encoding="utf-8") as out:
                _run(args, _json_lines(out), process, tally)

    if args.output:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _stop_on_signal)
        _write_atomically(args.output, write_file)
    else:
        try:
            _run(args, _json_lines(sys.stdout), process, tally)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (`nuqta analyze ... | head`): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    print(tally.summary(), file=sys.stderr)
    return 0 if tally.failed == 0 else 1

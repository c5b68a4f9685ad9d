"""The ``nuqta`` command line: run nuqta over files, directories, JSONL and stdin.

Every record becomes one JSON line on stdout (or in ``-o FILE``, written to a temporary
file and renamed, so an interrupted run leaves no half-written file). A file that cannot
be read or decoded is reported on stderr and the run goes on. Exit status: 0 when every
input was processed, 1 when some failed, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from nuqta._nuqta import Normalizer
from nuqta.errors import NuqtaError

__all__ = ["main"]

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")


@dataclass(frozen=True)
class Record:
    """One input text and where it came from (a path, ``path:line`` or ``-``)."""

    source: str
    text: str


class InputError(Exception):
    """An input that could not be read; the run reports it and goes on."""


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="strict")
    return path.open("r", encoding="utf-8", errors="strict")


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


def _records(source: str, text_field: str) -> Iterator[Record]:
    """The records of one input: a whole file, or one per JSONL line."""
    name = source.removesuffix(".gz")
    try:
        if source == "-":
            yield Record("-", sys.stdin.read())
            return
        path = Path(source)
        with _open_text(path) as f:
            if not name.endswith(".jsonl"):
                yield Record(source, f.read())
                return
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                where = f"{source}:{number}"
                try:
                    value = json.loads(line)[text_field]
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    raise InputError(f"{where}: no string field {text_field!r} ({e})") from e
                if not isinstance(value, str):
                    raise InputError(f"{where}: field {text_field!r} is not a string")
                yield Record(where, value)
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{source}: {e}") from e


@dataclass
class Tally:
    """Counts for the summary line."""

    records: int = 0
    failed: int = 0


def _run(
    inputs: list[str],
    text_field: str,
    out: IO[str],
    process: Callable[[str], dict[str, Any]],
    tally: Tally,
) -> None:
    for source in _expand(inputs):
        records = _records(source, text_field)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except InputError as e:
                print(f"nuqta: error: {e}", file=sys.stderr)
                tally.failed += 1
                break
            try:
                result = process(record.text)
            except NuqtaError as e:
                print(f"nuqta: error: {record.source}: {e}", file=sys.stderr)
                tally.failed += 1
                continue
            out.write(json.dumps({"source": record.source, **result}, ensure_ascii=False))
            out.write("\n")
            tally.records += 1


def _write_atomically(path: str, write: Callable[[IO[str]], None]) -> None:
    """Writes through ``write`` into a temporary file beside ``path``, then renames it."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            write(f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _normalizer(args: argparse.Namespace) -> Normalizer:
    base = Normalizer.preset(args.preset).options
    for change in args.set or []:
        name, _, value = change.partition("=")
        if value.lower() not in ("true", "false", "1", "0", "on", "off"):
            raise NuqtaError(f"--set {change!r}: expected NAME=true or NAME=false")
        base[name] = value.lower() in ("true", "1", "on")
    return Normalizer(**base)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nuqta", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    norm = commands.add_parser(
        "normalize",
        help="normalize Arabic text",
        description="Normalize each input; print one JSON line {source, text} per record.",
    )
    norm.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    norm.add_argument("--preset", default="default", help="default, search, display, camel, none")
    norm.add_argument(
        "--set", action="append", metavar="RULE=BOOL", help="switch one rule, e.g. teh_marbuta=true"
    )
    norm.add_argument("--text-field", default="text", help="JSONL field holding the text")
    norm.add_argument("-o", "--output", help="write here (atomically) instead of stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        normalizer = _normalizer(args)
    except NuqtaError as e:
        parser.error(str(e))

    def process(text: str) -> dict[str, Any]:
        return {"text": normalizer.normalize(text)}

    tally = Tally()

    def write(out: IO[str]) -> None:
        _run(args.paths, args.text_field, out, process, tally)

    if args.output:
        _write_atomically(args.output, write)
    else:
        write(sys.stdout)
        sys.stdout.flush()
    status = "ok" if tally.failed == 0 else f"{tally.failed} failed"
    print(f"nuqta: {tally.records} records written, {status}", file=sys.stderr)
    return 0 if tally.failed == 0 else 1

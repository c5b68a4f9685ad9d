"""The command line loses nothing: bad inputs among good ones, interrupted runs and
decompression bombs. Run in subprocesses, as a user would."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli, CliPeak

DATA = Path(__file__).parent / "data"
SEEDS = sorted(DATA.glob("0*.txt"))


def good_files(tmp_path: Path) -> list[Path]:
    paths = []
    for seed in SEEDS[:3]:
        path = tmp_path / seed.name
        path.write_bytes(seed.read_bytes())
        paths.append(path)
    return paths


def test_bad_files_among_good_ones_lose_nothing(tmp_path: Path, cli: Cli) -> None:
    first, second, third = good_files(tmp_path)
    truncated = tmp_path / "truncated.txt.gz"
    truncated.write_bytes(gzip.compress("نص عربي".encode() * 1000)[:40])
    missing = tmp_path / "missing.txt"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\u00e9 \u00e0 la cr\u00e8me".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    args = [first, truncated, second, latin1, missing, third]
    result = cli("analyze", *map(str, args), "-o", str(out))
    assert result.returncode == 1, result.stderr
    written = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    # the Latin-1 file is not UTF-8, and decoded all the same
    assert [w["source"] for w in written] == [str(first), str(second), str(latin1), str(third)]
    assert written[2]["text"] == "caf\u00e9 \u00e0 la cr\u00e8me"
    errors = [line for line in result.stderr.splitlines() if line.startswith("nuqta: error:")]
    assert len(errors) == 2, result.stderr
    assert str(truncated) in errors[0]
    assert str(missing) in errors[1]
    assert "No such file" in errors[1]
    assert "4 records written, 2 failed" in result.stderr


def test_bad_jsonl_lines_lose_no_other_line(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        b'{"text": "\xd8\xa3"}\n{"text": "\xff"}\n{not json\n{"text": 5}\n{"text": "3"}\n'
    )
    good = good_files(tmp_path)[0]
    result = cli("numbers", str(path), str(good))
    assert result.returncode == 1
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    # line 2 is not UTF-8: decoded as a page would be, not lost
    assert sources == [f"{path}:1", f"{path}:2", f"{path}:5", str(good)]
    for number in (3, 4):
        assert f"{path}:{number}: " in result.stderr
    assert "4 records written, 2 failed" in result.stderr


def big_jsonl(path: Path, records: int) -> None:
    page = SEEDS[0].read_text("utf-8")
    with path.open("w", encoding="utf-8") as f:
        for _ in range(records):
            f.write(json.dumps({"text": page}, ensure_ascii=False) + "\n")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_interrupted_run_leaves_no_output_file(tmp_path: Path, signum: int) -> None:
    source = tmp_path / "in.jsonl"
    big_jsonl(source, 20_000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "docs.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "nuqta", "analyze", str(source), "-o", str(out), "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # A shell that starts the tests in the background ignores SIGINT, and the child would
        # inherit that: give it the default disposition, which Python turns into
        # KeyboardInterrupt.
        preexec_fn=_default_sigint,
    )
    # Waits until the temporary output holds something, so the signal lands mid-run.
    deadline = time.monotonic() + 120
    while not any(p.stat().st_size > 0 for p in out_dir.iterdir()):
        assert process.poll() is None, "finished before it could be interrupted"
        assert time.monotonic() < deadline, "no output appeared"
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0, stderr
    assert list(out_dir.iterdir()) == []


def test_gzip_bomb_is_bounded(tmp_path: Path, cli_peak: CliPeak) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    block = b"\xd9\x80" * (1 << 19)  # a megabyte of tatweel
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        for _ in range(400):
            f.write(block)
    assert bomb.stat().st_size < 2_000_000
    (good,) = good_files(tmp_path)[:1]
    limit = ["--max-bytes", "1M"]
    paths = [str(bomb), str(good)]
    result, peak = cli_peak("clean", *limit, *paths)
    stderr = result.stderr
    assert result.returncode == 1, stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(good)]
    assert f"nuqta: error: {bomb}: more than --max-bytes 1048576 bytes" in stderr
    # Decompressed, the bomb is 400 MB; the run never holds more than a sliver of it.
    assert peak < 200_000 * 1024, f"peak memory {peak >> 20} MB"


def test_max_bytes_rejects_garbage(cli: Cli) -> None:
    result = cli("clean", "--max-bytes", "lots", "-")
    assert result.returncode == 2
    assert "not a byte count" in result.stderr

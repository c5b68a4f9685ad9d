"""The command line, run in a subprocess as a user would."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli

DATA = Path(__file__).parent / "data"
SEEDS = sorted(DATA.glob("0*.txt"))


def test_normalize_directory_gives_one_line_per_page(tmp_path: Path, cli: Cli) -> None:
    nested = tmp_path / "pages" / "nested"
    nested.mkdir(parents=True)
    for seed in SEEDS:
        (nested / seed.name).write_bytes(seed.read_bytes())
    (nested / "notes.bin").write_bytes(b"\0skipped")
    result = cli("normalize", str(tmp_path / "pages"))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(nested / s.name) for s in SEEDS]
    first = lines[0]
    assert first["text"].startswith("توقيت القاهرة المحلي 05:21:51 اخر تحديث")
    assert "records written, ok" in result.stderr


def test_stdin_and_options(cli: Cli) -> None:
    result = cli("normalize", "--set", "teh_marbuta=true", "-", stdin="مدرسةٌ")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"source": "-", "text": "مدرسه"}


def test_preset(cli: Cli) -> None:
    result = cli("normalize", "--preset", "display", "-", stdin="مُحَمَّد  ﻻ")
    assert json.loads(result.stdout)["text"] == "مُحَمَّد لا"


def test_jsonl_and_gzip(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"body": "أَهلاً"}) + "\n\n" + json.dumps({"body": "بِك"}) + "\n")
    result = cli("normalize", "--text-field", "body", str(path))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"source": f"{path}:1", "text": "اهلا"},
        {"source": f"{path}:3", "text": "بك"},
    ]


def test_bad_file_is_reported_and_the_rest_kept(tmp_path: Path, cli: Cli) -> None:
    good = tmp_path / "a.txt"
    good.write_text("نَص", encoding="utf-8")
    legacy = tmp_path / "b.txt"  # not UTF-8, and read all the same
    sentence = "قال الرئيس في القاهرة إن الاجتماع كان ناجحا"
    legacy.write_bytes(sentence.encode("cp1256"))
    missing = tmp_path / "missing.txt"
    result = cli("normalize", str(good), str(legacy), str(missing))
    assert result.returncode == 1
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ["نص", "قال الرئيس في القاهرة ان الاجتماع كان ناجحا"]
    assert str(legacy) not in result.stderr
    assert str(missing) in result.stderr


def test_output_file_is_written_atomically(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "out.jsonl"
    result = cli("normalize", str(SEEDS[0]), "-o", str(out))
    assert result.returncode == 0
    assert result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli().returncode == 2
    assert cli("normalize", "--set", "teh_marbuta=maybe", "-", stdin="").returncode == 2
    assert cli("normalize", "--preset", "nope", "-", stdin="").returncode == 2


def test_analyze_sample_pages(tmp_path: Path, cli: Cli) -> None:
    result = cli("analyze", *map(str, SEEDS))
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(s) for s in SEEDS]
    for doc, seed in zip(docs, SEEDS, strict=True):
        page = seed.read_text(encoding="utf-8")
        assert doc["text"]
        assert doc["entities"]
        for m in doc["entities"] + doc["numbers"]:
            assert page[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize("command", ["clean", "entities", "numbers"])
def test_other_commands(command: str, cli: Cli) -> None:
    result = cli(command, "-", stdin="قال الرئيس في القاهرة إن 300 شخص حضروا يوم 5 مايو 2024.")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "-"


def test_jobs_and_bad_records(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"text": "زار الرئيس القاهرة"}) + "\n" + "{not json\n", encoding="utf-8"
    )
    result = cli("analyze", "--jobs", "1", str(path))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert f"{path}:2" in result.stderr
    assert cli("analyze", "--jobs", "0", str(path)).returncode == 2


def test_progress_bar_goes_to_stderr(cli: Cli) -> None:
    result = cli("normalize", "--progress", *map(str, SEEDS))
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == len(SEEDS)
    assert "records" in result.stderr
    assert "%" in result.stderr or "it/s" in result.stderr or "records/s" in result.stderr

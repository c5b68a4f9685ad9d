"""Score ``nuqta.numbers`` on the converted Duckling and Recognizers-Text Arabic suites.

Run: ``python bench/eval_numbers.py [DIR] [--show FILE] [--breakdown FILE]`` (DIR defaults
to ``../shared/eval/numbers``; see its README for the format and the reference times).
``--show`` prints each miss and false positive of a file; ``--breakdown`` counts them by
cause (see :func:`breakdown`).

A gold mention is found when a predicted mention overlaps its span, has the same kind
(cardinal, fraction, quantity and duration may stand in for one another: Recognizers'
"number" covers fractions) and an equal value:

- numbers within a relative 1e-6, in the same unit: Duckling durations after converting
  their grain to seconds, Recognizers durations against their resolution in seconds,
  Duckling cents as hundredths of the currency, and Duckling's grams and litres against
  nuqta's kg, mg, ton, l and ml after conversion;
- Duckling dates and times after truncating the timestamp (already resolved against the
  record's reference time) to its grain; Recognizers TIMEX with ``X`` as a wildcard, or equal
  to one of its resolutions against the record's reference time;
- a Recognizers range ("(T13:30,T16,PT2H30M)") by either end;
- an interval (``{"from", "to"}``) when the overlapping predictions hold each numeric bound,
  or, for dates and times, its start (a prediction of its last day or hour is then matched
  too, since ``to`` is exclusive);
- gold with no value (extractor specs) or flagged ``ignore_resolution`` once found.

nuqta reports a range (من 5 إلى 6 مساء, 13-15 تموز) as its two ends, so once a range gold
(a Recognizers ``*range`` type or a Duckling interval) is found, the other predictions of its
kind that lie inside its span go with it rather than count as false positives.

The record's reference time is passed as ``reference_date``. Gold flagged
``span_not_in_text`` is skipped; every prediction that finds no gold is a false positive, so
lines that expect nothing count only false positives. Each prediction finds at most one gold
with its ``value`` and one with its ``high`` (a range such as بين 10 و20 is one mention).

Rules for the Recognizers-Text files:

- on NumberModel lines (recognizers_cardinal), a money, quantity, percent or duration
  mention whose amount (``value`` or ``high``) equals the gold number finds it: the model
  reads the number inside ``10 دولار`` where nuqta reads the amount of money;
- OrdinalModelSuppressExtendedTypes lines are read in the default mode; OrdinalModel lines
  whose gold holds a relative ordinal ("end-1", "current+1") are read with
  ``relative_ordinals=True``, nuqta's offset and base (``value`` -1, ``unit`` "end")
  compared as that string;
- a ``number_range`` gold ("[20,30)", "(30,)", "(,100]", "[20,20]") is found by an amount
  whose ``value`` and ``high`` are its two ends, or, for an open interval, whose
  ``qualifier`` bounds it the same way (more_than or at_least for a lower end, less_than or
  at_most for an upper one) at its value; an equality is found by the bare number;
- an ``age`` stands for a duration of as many years;
- the gold records in :data:`WRONG_GOLD` are wrong and skipped (each with its reason),
  with the predictions that overlap them, and so are the lines in :data:`WRONG_LINES`;
  lines the .NET reference itself fails (``not_supported: dotnet``) stay in.

A Duckling negative line (``negative_for``) says only that the text holds no mention of that
dimension (``١٢٣٤٥`` is no phone number, but it is a number): there, only a prediction of the
dimension's kinds (:data:`_NEGATIVE_KINDS`) is a false positive; the others are not scored.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import math
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nuqta

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "numbers"

#: Recognizers' default reference time, for records that give none.
RECOGNIZERS_REFERENCE = datetime.date(2016, 11, 7)

#: The targets: value F1 per file (duckling_negative: no false positive at all).
TARGETS: dict[str, float] = {
    "duckling_cardinal": 0.95,
    "recognizers_cardinal": 0.95,
    "duckling_ordinal": 0.95,
    "recognizers_ordinal": 0.95,
    "duckling_money": 0.95,
    "recognizers_percent": 0.95,
    "duckling_quantity": 0.95,
    "duckling_duration": 0.95,
    "recognizers_duration": 0.95,
    "duckling_date": 0.90,
    "recognizers_date": 0.90,
    "duckling_time": 0.90,
    "recognizers_time": 0.90,
    "recognizers_number_range": 0.90,
    "duckling_negative": 1.0,
}

_NUMBER_KINDS = frozenset({"cardinal", "fraction", "quantity", "duration", "age"})

#: Amount kinds that find a NumberModel line's number.
_AMOUNT_KINDS = frozenset({"money", "quantity", "percent", "duration"})

#: Seconds in a year (an age's unit; nuqta's durations count a year as 365 days).
_YEAR_SECONDS = 31536000.0

#: Gold records that are wrong, by (text, gold span text): the reason. They are skipped.
WRONG_GOLD: dict[tuple[str, str], str] = {
    ("٣٢٢ ألف", "٣٢٢ ألف"): "322 thousand is 322000, not the gold's 32200",
    ("اثني عشر مليار", "اثني عشر مليار"): "twelve billion is 12e9, not the gold's 1.2e9",
    **{
        (spelled, spelled): "a cardinal spelling (no ordinal form, no article) labelled ordinal"
        for spelled in (
            "ثلاثة تريليون",
            "مائة تريليون",
            "تريليون",
            "واحد و عشرون تريليون و ثلاثمائة و اثنان و عشرون",
        )
    },
}

#: Lines whose expectation is wrong, by text: the reason. They are skipped.
WRONG_LINES: dict[str, str] = {
    "الرقم هو ٢٠٠ الى ٣٠٠ في ٢٠٠٨": "its one gold record is empty (no span, no value)",
    "ومن 200 إلى 300 في عام 2008": "expects nothing, though من 200 إلى 300 is a range "
    "(the source marks the case PendingValidation)",
}

#: What a Duckling negative line (``negative_for``) rules out: its dimension's kinds.
_NEGATIVE_KINDS: dict[str, frozenset[str]] = {
    "Quantity": frozenset({"quantity"}),
    "Time": frozenset({"date", "time"}),
    "PhoneNumber": frozenset({"phone"}),
}

_GRAIN_SECONDS: dict[str, float] = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 604800.0,
    "month": 2592000.0,
    "year": 31536000.0,
}

#: How many of Duckling's unit one of nuqta's unit makes (nuqta unit, Duckling unit).
_UNIT_FACTORS: dict[tuple[str, str], float] = {
    ("kg", "gram"): 1000.0,
    ("g", "gram"): 1.0,
    ("mg", "gram"): 0.001,
    ("ton", "gram"): 1e6,
    ("l", "litre"): 1.0,
    ("ml", "litre"): 0.001,
    ("l", "millilitre"): 1000.0,
    ("ml", "millilitre"): 1.0,
}

Record = dict[str, Any]


@dataclass
class Counts:
    """Gold and predicted mentions of one file, and how many of each were matched."""

    gold: int = 0
    pred: int = 0
    found_gold: int = 0
    found_pred: int = 0

    def add(self, other: Counts) -> None:
        """Adds ``other`` into these counts."""
        self.gold += other.gold
        self.pred += other.pred
        self.found_gold += other.found_gold
        self.found_pred += other.found_pred

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 (1.0 for an empty denominator)."""
        p = self.found_pred / self.pred if self.pred else 1.0
        r = self.found_gold / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _group(kind: str) -> str:
    return "number" if kind in _NUMBER_KINDS else kind


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-3)


def _as_float(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _truncate(stamp: str, grain: str) -> str:
    """A Duckling timestamp cut to the precision nuqta reports at ``grain``."""
    if grain == "year":
        return stamp[:4]
    if grain == "month":
        return stamp[:7]
    if grain in ("day", "week"):
        return stamp[:10]
    if grain in ("hour", "minute"):
        return stamp[11:16]
    return stamp[11:19]


def _wildcard(pattern: str, ours: str) -> bool:
    return len(pattern) == len(ours) and all(
        p in ("X", o) for p, o in zip(pattern, ours, strict=True)
    )


def _resolutions(gold: Record) -> list[str]:
    resolution = gold.get("resolution")
    alternatives: list[str] = []
    if not isinstance(resolution, dict):
        return alternatives
    for side in ("FutureResolution", "PastResolution"):
        entry = resolution.get(side)
        if isinstance(entry, dict):
            keys = ("date", "time", "startDate", "startTime")
            alternatives += [v for k, v in entry.items() if k in keys and v]
    values = resolution.get("values")
    if isinstance(values, list):
        alternatives += [v["value"] for v in values if isinstance(v, dict) and "value" in v]
    return [a for a in alternatives if isinstance(a, str)]


def _duckling_number(gold: Record, value: object, unit: str | None) -> float | None:
    """A Duckling amount in the unit nuqta reported (``unit``)."""
    number = _as_float(value)
    if number is None:
        return None
    gold_unit = str(gold.get("unit", ""))
    if gold["kind"] == "duration":
        return number * _GRAIN_SECONDS.get(gold_unit or "second", 1.0)
    if gold_unit == "Cent":
        return number / 100
    if unit is not None and (unit, gold_unit) in _UNIT_FACTORS:
        return number / _UNIT_FACTORS[unit, gold_unit]
    return number


def _relative_label(m: nuqta.NumberMention) -> str | None:
    """A relative ordinal as Recognizers writes it ("end-1", "current+0"), or None."""
    if m.kind != "ordinal" or m.unit not in ("end", "current") or not isinstance(m.value, int):
        return None
    return f"{m.unit}{'-' if m.value < 0 else '+'}{abs(m.value)}"


def _views(m: nuqta.NumberMention, gold: Record) -> list[object]:
    """The values of ``m`` that may find ``gold``: its value (as the gold would write it)
    and the upper end of a range."""
    label = _relative_label(m)
    if label is not None:
        return [label]
    values: list[object] = [m.value] if m.high is None else [m.value, m.high]
    if m.kind == "age" and gold["kind"] == "duration":
        return [v * _YEAR_SECONDS for v in values if isinstance(v, int | float)]
    return values


def _scalar_equal(
    record: Record, gold: Record, value: object, ours: object, unit: str | None = None
) -> bool:
    """Whether one gold value (not an interval) equals our value, reported in ``unit``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        expect = (
            _duckling_number(gold, value, unit)
            if record.get("source") == "duckling"
            else float(value)
        )
        mine = _as_float(ours) if not isinstance(ours, str) else None
        return expect is not None and mine is not None and _close(expect, mine)
    if not isinstance(value, str):
        return False
    if record.get("source") == "duckling":
        return isinstance(ours, str) and _truncate(value, str(gold.get("grain", "day"))) == ours
    if gold["kind"] == "duration":
        seconds = gold.get("resolution", {}).get("FutureResolution", {}).get("duration")
        expect, mine = _as_float(seconds), _as_float(ours)
        return expect is not None and mine is not None and _close(expect, mine)
    if not isinstance(ours, str):
        expect, mine = _as_float(value), _as_float(ours)
        return expect is not None and mine is not None and _close(expect, mine)
    if value.startswith("(") and value.endswith(")"):
        # A Recognizers range, "(T13:30,T16,PT2H30M)": found by either end.
        ends = value[1:-1].split(",")[:2]
        return any(_scalar_equal(record, gold, end, ours) for end in ends if end)
    timex = value.removeprefix("T")
    if _wildcard(timex, ours) or (len(timex) == 2 and ours[:2] == timex):
        return True
    return any(alt == ours or alt[: len(ours)] == ours for alt in _resolutions(gold))


def _interval(value: str) -> tuple[str, float | None, float | None, str] | None:
    """A Recognizers interval "[20,30)": its brackets and ends (None where open)."""
    if len(value) < 3 or value[0] not in "[(" or value[-1] not in "])":
        return None
    parts = value[1:-1].split(",")
    if len(parts) != 2:
        return None
    low, high = (_as_float(p) if p.strip() else None for p in parts)
    return value[0], low, high, value[-1]


def _range_found(gold: Record, candidates: list[nuqta.NumberMention]) -> list[int]:
    """A number_range gold: found by an amount with the same ends, or bounded the same way."""
    interval = _interval(str(gold.get("value", "")))
    if interval is None:
        return []
    _, low, high, _ = interval

    def equal(a: object, b: float | None) -> bool:
        mine = _as_float(a) if not isinstance(a, str) else None
        return b is not None and mine is not None and _close(b, mine)

    for k, m in enumerate(candidates):
        if low is not None and high is not None:
            found = equal(m.value, low) and (
                equal(m.high, high) or (low == high and m.high is None)
            )
        elif low is not None:
            found = m.qualifier in ("more_than", "at_least") and equal(m.value, low)
        else:
            found = m.qualifier in ("less_than", "at_most") and equal(m.value, high)
        if found:
            return [k]
    return []


def _found_by(record: Record, gold: Record, candidates: list[nuqta.NumberMention]) -> list[int]:
    """Indices into ``candidates`` of the predictions that find ``gold`` (empty: not found)."""
    if not candidates:
        return []
    value = gold.get("value")
    if record.get("ignore_resolution") or value is None:
        return [0]
    if gold["kind"] == "number_range":
        return _range_found(gold, candidates)
    if isinstance(value, dict):
        if any(isinstance(v, str) for v in value.values()):
            return _interval_found(record, gold, value, candidates)
        hits: list[int] = []
        for bound in value.values():
            matching = [
                k
                for k, m in enumerate(candidates)
                if any(_scalar_equal(record, gold, bound, v, m.unit) for v in _views(m, gold))
            ]
            if not matching:
                return []
            hits.append(matching[0])
        return sorted(set(hits))
    for k, m in enumerate(candidates):
        if any(_scalar_equal(record, gold, value, v, m.unit) for v in _views(m, gold)):
            return [k]
    return []


def _last_unit(stamp: str, grain: str) -> str | None:
    """The last day or hour before an exclusive Duckling bound, cut to its grain."""
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    step = datetime.timedelta(hours=1) if grain in ("hour", "minute") else datetime.timedelta(1)
    return _truncate((moment - step).isoformat(), grain)


def _interval_found(
    record: Record, gold: Record, value: dict[str, Any], candidates: list[nuqta.NumberMention]
) -> list[int]:
    """A date or time interval: found by its start; a prediction of its end goes with it."""
    start, end = value.get("from"), value.get("to")
    first = [k for k, m in enumerate(candidates) if _scalar_equal(record, gold, start, m.value)]
    if not first:
        return []
    last = _last_unit(end, str(gold.get("grain", "day"))) if isinstance(end, str) else None
    tail = [k for k, m in enumerate(candidates) if last is not None and m.value == last]
    return sorted({first[0], *tail[:1]})


def _is_range(gold: Record) -> bool:
    return str(gold.get("type_name", "")).endswith("range") or isinstance(gold.get("value"), dict)


def gold_span(record: Record, gold: Record) -> tuple[int, int] | None:
    """The gold mention's span in ``record["text"]`` (Python str offsets), if it can be placed."""
    text: str = record["text"]
    if record.get("span_is_whole_text"):
        return 0, len(text)
    start = gold.get("start")
    if isinstance(start, int) and start >= 0:
        end = gold.get("end")
        if isinstance(end, int):
            return start, end + 1
        length = gold.get("length")
        if isinstance(length, int):
            return start, start + length
    span_text = gold.get("text")
    if isinstance(span_text, str) and span_text:
        at = text.find(span_text)
        if at >= 0:
            return at, at + len(span_text)
    return None


def reference_date(record: Record) -> datetime.date:
    """The record's reference time as a date (Recognizers' default when it gives none)."""
    stamp = record.get("reference_time")
    if isinstance(stamp, str):
        try:
            return datetime.date.fromisoformat(stamp[:10])
        except ValueError:
            pass
    return RECOGNIZERS_REFERENCE


def _relative(record: Record) -> bool:
    """Whether an OrdinalModel line expects relative ordinals ("end-1", "current+1")."""
    return "OrdinalModel.json" in str(record.get("origin", "")) and any(
        isinstance(g.get("value"), str) and g["value"].startswith(("end", "current"))
        for g in record.get("expected", [])
    )


def _golds(record: Record) -> list[Record]:
    """The gold mentions of a record that are scored: placed in its text, and right."""
    return [
        g
        for g in record.get("expected", [])
        if not g.get("span_not_in_text") and (record["text"], g.get("text")) not in WRONG_GOLD
    ]


def _predict(record: Record) -> list[nuqta.NumberMention]:
    """nuqta's mentions in a record's text, read as the rules above say (on a negative
    line, only those of the kinds it rules out)."""
    found = nuqta.numbers(
        record["text"], reference_date=reference_date(record), relative_ordinals=_relative(record)
    )
    wrong = [
        span
        for g in record.get("expected", [])
        if (record["text"], g.get("text")) in WRONG_GOLD and (span := gold_span(record, g))
    ]
    # A mention where the gold is wrong is not scored either way.
    found = [m for m in found if not any(m.start < e and s < m.end for s, e in wrong)]
    negative = record.get("negative_for")
    if isinstance(negative, str):
        ruled_out = _NEGATIVE_KINDS.get(negative, frozenset())
        return [m for m in found if m.kind in ruled_out]
    return found


def _compatible(record: Record, m: nuqta.NumberMention, gold_kind: str) -> bool:
    """Whether a prediction of ``m``'s kind may find a gold of ``gold_kind``."""
    if _group(m.kind) == _group(gold_kind):
        return True
    if gold_kind == "number_range":
        return _group(m.kind) == "number" or m.kind in _AMOUNT_KINDS
    number_model = "NumberModel.json" in str(record.get("origin", ""))
    return number_model and _group(gold_kind) == "number" and m.kind in _AMOUNT_KINDS


def score_record(record: Record, show: bool = False) -> Counts:
    """Counts for one record; with ``show``, prints its misses and false positives."""
    text: str = record["text"]
    preds = _predict(record)
    golds = _golds(record)
    counts = Counts(gold=len(golds), pred=len(preds))
    used = [False] * len(preds)
    for gold in golds:
        span = gold_span(record, gold)
        if span is None:
            continue
        start, end = span
        indices = [
            k
            for k, m in enumerate(preds)
            if (not used[k] or preds[k].high is not None)
            and m.start < end
            and start < m.end
            and _compatible(record, m, str(gold["kind"]))
        ]
        hits = _found_by(record, gold, [preds[k] for k in indices])
        if hits:
            counts.found_gold += 1
            for h in hits:
                used[indices[h]] = True
            if _is_range(gold):
                for k in indices:
                    used[k] = used[k] or (start <= preds[k].start and preds[k].end <= end)
        elif show:
            ours = [(preds[k].text, preds[k].value) for k in indices]
            print(f"  MISS {gold['kind']} {gold.get('text')!r} {gold.get('value')!r} ours {ours}")
            print(f"       in {text!r}")
    counts.found_pred = sum(used)
    if show:
        for k, m in enumerate(preds):
            if not used[k]:
                print(f"  FP {m.kind} {m.text!r} {m.value!r} in {text!r}")
    return counts


def read_records(path: Path) -> Iterable[Record]:
    """The records of one JSONL file, skipping blank or unreadable lines and the lines in
    :data:`WRONG_LINES`."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if (
                isinstance(record, dict)
                and isinstance(record.get("text"), str)
                and record["text"] not in WRONG_LINES
            ):
                yield record


def score_file(path: Path, show: bool = False) -> Counts:
    """Counts over every record of one file; a record that fails to score is reported."""
    total = Counts()
    for record in read_records(path):
        try:
            total.add(score_record(record, show))
        except Exception as e:  # the eval must finish whatever one record holds
            print(f"  ERROR {type(e).__name__}: {e} in {record.get('text')!r}", file=sys.stderr)
    return total


def breakdown(path: Path) -> collections.Counter[str]:
    """Misses and false positives of one file by cause: a miss where nuqta found the span
    as another kind (the amount of a money mention, say), found it with another value or
    span, or found nothing; a false positive on a line that expects nothing, on a line of
    a Recognizers model that suppresses relative ordinals, or on a line with gold. Each is
    split by whether the .NET reference passes the line (``not_supported`` lists dotnet)."""
    counts: collections.Counter[str] = collections.Counter()
    for record in read_records(path):
        failing = "dotnet" in str(record.get("not_supported", ""))
        reference = "dotnet fails the line" if failing else "dotnet passes the line"
        preds = _predict(record)
        golds = _golds(record)
        for gold in golds:
            span = gold_span(record, gold)
            if span is None:
                continue
            over = [m for m in preds if m.start < span[1] and span[0] < m.end]
            same = [m for m in over if _compatible(record, m, str(gold["kind"]))]
            if _found_by(record, gold, same):
                continue
            cause = "same kind, other value or span" if same else "found nothing"
            if not same and over:
                cause = "found as another kind"
            counts[f"miss: {cause}; {reference}"] += 1
        tally = score_record(record)
        if tally.pred > tally.found_pred:
            where = "line with gold"
            if not golds:
                where = "line expecting nothing"
            if "SuppressExtendedTypes" in str(record.get("origin", "")):
                where = "line of a model that suppresses relative ordinals"
            counts[f"false positive: {where}; {reference}"] += tally.pred - tally.found_pred
    return counts


def _row(name: str, counts: Counts) -> str:
    p, r, f = counts.prf()
    return (
        f"{name:<32} gold {counts.gold:>5} pred {counts.pred:>5}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Prints P/R/F1 per file and overall, and which targets are met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show", metavar="FILE", help="print misses and false positives of FILE")
    parser.add_argument("--breakdown", metavar="FILE", help="count FILE's errors by cause")
    args = parser.parse_args(argv)
    if args.breakdown:
        for cause, n in sorted(breakdown(Path(args.dir) / f"{args.breakdown}.jsonl").items()):
            print(f"{n:>4}  {cause}")
        return 0
    files = sorted(Path(args.dir).glob("*.jsonl"))
    if not files:
        print(f"no .jsonl files in {args.dir}; nothing to score")
        return 0
    began = time.perf_counter()
    overall = Counts()
    scores: dict[str, float] = {}
    for path in files:
        counts = score_file(path, show=args.show == path.stem)
        overall.add(counts)
        scores[path.stem] = counts.prf()[2]
        print(_row(path.stem, counts))
    print(_row("OVERALL", overall))
    print("\ntargets (value F1):")
    met = 0
    for name, target in TARGETS.items():
        f1 = scores.get(name)
        if f1 is None:
            print(f"  {name:<24} missing       target {target:.2f}")
            continue
        ok = f1 >= target
        met += ok
        print(f"  {name:<24} F1 {f1:.3f}  target {target:.2f}  {'met' if ok else 'SHORT'}")
    print(f"{met}/{len(TARGETS)} targets met in {time.perf_counter() - began:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Entity-level (CoNLL exact match) precision, recall and F1 of ``nuqta.entities`` on
ANERcorp's test split (CAMeL Lab split), per type and micro overall; MISC is ignored.

Each sentence's tokens joined by single spaces are the input text; predicted spans are
mapped back onto the tokens they cover.

    python bench/eval_entities.py [../shared/data/ner/anercorp_camel/test.txt]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import nuqta

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared/data/ner/anercorp_camel/test.txt"
LABELS = {"PER": "PER", "PERS": "PER", "LOC": "LOC", "ORG": "ORG"}

Span = tuple[int, int, int, str]  # sentence, first token, end token, label


def read(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, BIO tags), blank lines between sentences."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        token, _, tag = line.rpartition(" ")
        tokens.append(token or tag)
        tags.append(tag if token else "O")
    return sentences


def gold_spans(index: int, tags: list[str]) -> set[Span]:
    """The PER/LOC/ORG spans of one sentence; an I- tag that does not continue starts one."""
    spans: set[Span] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        kind = LABELS.get(name, "")
        continues = prefix == "I" and kind == label and start >= 0
        if start >= 0 and not continues:
            spans.add((index, start, i, label))
            start, label = -1, ""
        if kind and not continues:
            start, label = i, kind
    return spans


def predicted_spans(index: int, tokens: list[str], entities: list[nuqta.Entity]) -> set[Span]:
    """Each predicted entity as the run of tokens it overlaps."""
    bounds = []
    at = 0
    for token in tokens:
        bounds.append((at, at + len(token)))
        at += len(token) + 1
    spans: set[Span] = set()
    for e in entities:
        covered = [i for i, (s, end) in enumerate(bounds) if s < e.end and e.start < end]
        if covered:
            spans.add((index, covered[0], covered[-1] + 1, e.label))
    return spans


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    sentences = read(path)
    texts = [" ".join(tokens) for tokens, _ in sentences]
    n_tokens = sum(len(tokens) for tokens, _ in sentences)

    start = time.perf_counter()
    found = [nuqta.entities(t) for t in texts]
    one_core = time.perf_counter() - start
    start = time.perf_counter()
    batch = nuqta.entities_batch(texts)
    all_cores = time.perf_counter() - start
    assert batch == found, "entities_batch must equal entities"

    gold: set[Span] = set()
    pred: set[Span] = set()
    for i, ((tokens, tags), entities) in enumerate(zip(sentences, found, strict=True)):
        gold |= gold_spans(i, tags)
        pred |= predicted_spans(i, tokens, entities)

    print(f"{path}: {len(sentences)} sentences, {n_tokens} tokens")
    print("| type | gold | predicted | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    gold_by = Counter(s[3] for s in gold)
    pred_by = Counter(s[3] for s in pred)
    hits_by = Counter(s[3] for s in gold & pred)
    for label in ["PER", "LOC", "ORG", "micro"]:
        if label == "micro":
            g, p, h = len(gold), len(pred), len(gold & pred)
        else:
            g, p, h = gold_by[label], pred_by[label], hits_by[label]
        precision = h / p if p else 0.0
        recall = h / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {label} | {g} | {p} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    rate = n_tokens / one_core
    print(f"speed: {rate:,.0f} tokens/s on one core (one call per sentence); ", end="")
    print(f"{n_tokens / all_cores:,.0f} tokens/s batch on {nuqta.num_threads()} threads")


if __name__ == "__main__":
    main()

"""Entity-level precision, recall and F1 of ``nuqta.entities`` on every gold set in
``../shared/data/ner``, per type (PER, LOC, ORG) and micro overall, strict (same tokens and
label) and lenient (overlapping tokens, same label):

- ANERcorp test (CAMeL split), ANERcorp's conventions, sentence by sentence and whole
  articles at a time (``test_docs.tsv``), and the recall on names never seen in training;
- the Wojood sample test split, the AQMAR Topcoder test split and our WikiFANE Gold test
  split, mapped to the news convention;
- IDRISI-R dev, places only (predicted people and organizations are not scored).

The corpus readers and mappings are ``train/corpora.py``. Each sentence's tokens joined by
single spaces are the input text (articles: sentences joined by line breaks); predicted spans
are mapped back onto the tokens they overlap.

    python bench/eval_entities.py [SHARED_DIR]   (default ../shared)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import nuqta

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import corpora

DEFAULT = Path(__file__).resolve().parents[2] / "shared"
TYPES = ("PER", "LOC", "ORG")

Span = tuple[int, int, int, str]  # sentence, first token, end token, label
Tagger = Callable[[list[str]], list[list[nuqta.Entity]]]


def gold_spans(sentences: Sequence[corpora.Sentence]) -> set[Span]:
    """Every gold span, keyed by sentence."""
    return {
        (i, a, b, label)
        for i, (_, tags) in enumerate(sentences)
        for a, b, label in corpora.spans_of(tags, {t: t for t in TYPES})
    }


def token_bounds(tokens: list[str], at: int = 0) -> list[tuple[int, int]]:
    """Character range of each token in the tokens joined by single spaces, from ``at``."""
    bounds = []
    for token in tokens:
        bounds.append((at, at + len(token)))
        at += len(token) + 1
    return bounds


def covered(bounds: list[tuple[int, int]], e: nuqta.Entity) -> tuple[int, int] | None:
    """The run of tokens an entity overlaps."""
    hit = [i for i, (s, end) in enumerate(bounds) if s < e.end and e.start < end]
    return (hit[0], hit[-1] + 1) if hit else None


def by_sentence(sentences: Sequence[corpora.Sentence], tag: Tagger) -> set[Span]:
    """Predicted spans with one text per sentence."""
    found = tag([" ".join(tokens) for tokens, _ in sentences])
    spans: set[Span] = set()
    for i, ((tokens, _), entities) in enumerate(zip(sentences, found, strict=True)):
        bounds = token_bounds(tokens)
        for e in entities:
            run = covered(bounds, e)
            if run:
                spans.add((i, *run, e.label))
    return spans


def by_article(
    sentences: Sequence[corpora.Sentence], articles: list[list[int]], tag: Tagger
) -> set[Span]:
    """Predicted spans with one text per article (its sentences joined by line breaks)."""
    texts = ["\n".join(" ".join(sentences[i][0]) for i in ids) for ids in articles]
    spans: set[Span] = set()
    for ids, entities in zip(articles, tag(texts), strict=True):
        at = 0
        for i in ids:
            tokens = sentences[i][0]
            bounds = token_bounds(tokens, at)
            at = bounds[-1][1] + 1 if bounds else at + 1
            for e in entities:
                run = covered(bounds, e)
                if run:
                    spans.add((i, *run, e.label))
    return spans


def prf(hits_p: int, pred: int, hits_r: int, gold: int) -> tuple[float, float, float]:
    p = hits_p / pred if pred else 0.0
    r = hits_r / gold if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def overlaps(s: Span, others: dict[int, list[Span]]) -> bool:
    """True when a span of ``others`` (keyed by sentence) has the label and shares a token."""
    return any(o[3] == s[3] and o[1] < s[2] and s[1] < o[2] for o in others.get(s[0], ()))


def index(spans: set[Span]) -> dict[int, list[Span]]:
    """Spans keyed by sentence."""
    out: dict[int, list[Span]] = {}
    for s in spans:
        out.setdefault(s[0], []).append(s)
    return out


class Report:
    """Scores of one set: strict and lenient, per type and micro."""

    def __init__(self, name: str, gold: set[Span], pred: set[Span], types: Sequence[str]):
        self.name = name
        pred = {s for s in pred if s[3] in types}
        self.rows: dict[str, tuple[tuple[float, float, float], float, int]] = {}
        for label in [*types, "micro"]:
            g = {s for s in gold if label in ("micro", s[3])}
            p = {s for s in pred if label in ("micro", s[3])}
            strict = prf(len(g & p), len(p), len(g & p), len(g))
            gi, pi = index(g), index(p)
            lenient = prf(
                sum(overlaps(s, gi) for s in p), len(p), sum(overlaps(s, pi) for s in g), len(g)
            )
            self.rows[label] = (strict, lenient[2], len(g))

    def print(self) -> None:
        print(f"\n### {self.name}")
        print("| type | gold | strict P | strict R | strict F1 | lenient F1 |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, ((p, r, f), lenient, g) in self.rows.items():
            print(f"| {label} | {g} | {p:.3f} | {r:.3f} | {f:.3f} | {lenient:.3f} |")

    def micro(self) -> tuple[float, float]:
        (_, _, f), lenient, _ = self.rows["micro"]
        return f, lenient


def normal(name: str) -> str:
    """A mention's form for the unseen-name test: no diacritics or tatweel, one alef, ى → ي,
    ة → ه."""
    out = "".join(c for c in name if not ("\u064b" <= c <= "\u0652" or c == "\u0640"))
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")):
        out = out.replace(a, b)
    return out


def variants(name: str) -> set[str]:
    """The normalised name, also without one leading و ف ب ل ك (لل → ال)."""
    n = normal(name)
    out = {n}
    if n.startswith("لل"):
        out.add("ال" + n[2:])
    if n[:1] in "وفبلك" and len(n) > 3:
        out.add(n[1:])
    return out


def unseen_recall(
    name: str, train: Sequence[corpora.Sentence], test: Sequence[corpora.Sentence], pred: set[Span]
) -> Report:
    """Recall on the test mentions whose name never occurs with that type in ``train``."""
    seen = {
        (v, label)
        for tokens, tags in train
        for a, b, label in corpora.spans_of(tags, {t: t for t in TYPES})
        for v in variants(" ".join(tokens[a:b]))
    }
    gold = {
        s
        for s in gold_spans(test)
        if not any((v, s[3]) in seen for v in variants(" ".join(test[s[0]][0][s[1] : s[2]])))
    }
    # Precision is meaningless here (recall is the figure): only the predictions that overlap
    # an unseen name are kept.
    by = index(gold)
    kept = {s for s in pred if overlaps(s, by)}
    return Report(name, gold, kept, TYPES)


def tagger(scheme: nuqta.EntityScheme) -> Tagger:
    """``entities_batch`` in one scheme."""

    def tag(texts: list[str]) -> list[list[nuqta.Entity]]:
        return nuqta.entities_batch(texts, scheme=scheme)

    return tag


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    ner = shared / "data" / "ner"
    if not ner.is_dir():
        print(f"skipped: {ner} not found")
        return
    anercorp = tagger("anercorp")
    news = tagger("news")
    reports = []

    test = corpora.anercorp(ner / "anercorp_camel/test.txt", "anercorp")
    gold = gold_spans(test)
    pred = by_sentence(test, anercorp)
    reports.append(
        Report("ANERcorp test, scheme=anercorp, sentence by sentence", gold, pred, TYPES)
    )
    articles = corpora.anercorp_articles(ner / "anercorp_csabty_corrected/test_docs.tsv")
    reports.append(
        Report(
            "ANERcorp test, scheme=anercorp, by article",
            gold,
            by_article(test, articles, anercorp),
            TYPES,
        )
    )
    train = corpora.anercorp(ner / "anercorp_camel/train.txt", "anercorp")
    reports.append(unseen_recall("ANERcorp names unseen in ANERcorp train", train, test, pred))
    every = [s for c in corpora.training_sets(ner)["news"].values() for s in c]
    reports.append(unseen_recall("ANERcorp names unseen in any training split", every, test, pred))

    for name, sentences in [
        ("Wojood sample test, news", corpora.wojood(ner / "wojood_sample/test.txt")),
        ("AQMAR Topcoder test, news", corpora.aqmar(ner / "aqmar/topcoder_split/test.txt")),
        ("WikiFANE Gold test, news", corpora.wikifane(ner / "wikifane_gold/test.txt")),
    ]:
        reports.append(Report(name, gold_spans(sentences), by_sentence(sentences, news), TYPES))
    idrisi = corpora.idrisi(ner / "idrisi_r_ar/gold-random-bilou", "dev")
    reports.append(
        Report("IDRISI-R dev, places only", gold_spans(idrisi), by_sentence(idrisi, news), ["LOC"])
    )
    for r in reports:
        r.print()

    print("\n### summary (micro F1)")
    print("| set | strict | lenient |")
    print("|---|---:|---:|")
    for r in reports:
        strict, lenient = r.micro()
        if "unseen" in r.name:
            recall = r.rows["micro"][0][1]
            print(f"| {r.name} | recall {recall:.3f} | |")
        else:
            print(f"| {r.name} | {strict:.3f} | {lenient:.3f} |")

    texts = [" ".join(tokens) for tokens, _ in test]
    n_tokens = sum(len(tokens) for tokens, _ in test)
    start = time.perf_counter()
    found = [nuqta.entities(t, scheme="anercorp") for t in texts]
    one_core = time.perf_counter() - start
    start = time.perf_counter()
    batch = nuqta.entities_batch(texts, scheme="anercorp")
    all_cores = time.perf_counter() - start
    assert batch == found, "entities_batch must equal entities"
    print(
        f"\nspeed (ANERcorp test): {n_tokens / one_core:,.0f} tokens/s on one core (one call "
        f"per sentence); {n_tokens / all_cores:,.0f} tokens/s batch "
        f"on {nuqta.num_threads()} threads"
    )


if __name__ == "__main__":
    main()

"""Readers of the gold NER corpora in ``../shared/data/ner``, each mapped to PER/LOC/ORG in
one of nuqta's two conventions (see "Entity conventions" in ``data/README.md``):

- ``news`` (the default of ``nuqta.entities``): named institutions are ORG with their head
  word (وزارة الصحة الفلسطينية, بلدية نابلس, الجيش المصري), مدينة X is X, nationalities and
  events are not entities;
- ``anercorp``: ANERcorp's own tags (MISC dropped), for comparison with the literature.

Every reader returns sentences as ``(tokens, tags)`` with BIO tags over PER/LOC/ORG.
``bench/eval_entities.py`` scores with these readers; run as a script, this module writes
the training files of ``train_ner`` (``token TAG`` lines, blank line between sentences):

    python train/corpora.py ../shared/data/ner /tmp/nuqta_ner

writes ``news/{anercorp,wikifane,aqmar,wojood,idrisi_places}.txt`` and
``anercorp/anercorp.txt``, training splits only (``idrisi_places`` annotates places only).
Test splits (and NewsFANE and the CSabty files, which are the ANERcorp text) are never
written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

Sentence = tuple[list[str], list[str]]


def words(text: str) -> list[str]:
    """The space-separated words of a literal list."""
    return text.split()


Span = tuple[int, int, str]  # first token, end token, label

# ANERcorp PERS/LOC/ORG, AQMAR PER/LOC/ORG (MIS dropped).
SIMPLE = {"PER": "PER", "PERS": "PER", "LOC": "LOC", "ORG": "ORG"}

# WikiFANE fine types (README of wikifane_gold): Group (nationalities), vehicles, weapons and
# products are dropped.
WIKIFANE = {
    **dict.fromkeys(
        words(
            "Politician Athlete Artist Scientist Businessperson Lawyer Engineer Police "
            "Religious_PER Other_PER"
        ),
        "PER",
    ),
    **dict.fromkeys(
        words(
            "Government Non-Governmental Commercial Educational Media Sports Religious_ORG "
            "Medical-Science Entertainment"
        ),
        "ORG",
    ),
    **dict.fromkeys(
        words(
            "Nation Population-Center State-or-Province County-or-District Continent GPE-Cluster "
            "Water-Body Land-Region-Natural Celestial Building-Grounds Path Airport "
            "Subarea-Facility Plant"
        ),
        "LOC",
    ),
}

# Wojood: outermost PER/LOC/ORG, GPE and FAC are places; nothing inside an EVENT is kept.
WOJOOD = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

# Heads of institution names: in the news convention وزارة الصحة, بلدية نابلس, الجيش المصري
# are ORG with their head; ANERcorp leaves most of them O.
INSTITUTION_HEADS = set(
    words(
        "وزارة حكومة حزب حركة جامعة بلدية منتخب جيش مجلس هيئة شركة مؤسسة منظمة وكالة جمعية "
        "اتحاد نادي بنك مصرف محكمة لجنة صحيفة جبهة حرس قوات سلطة برلمان كلية معهد مجموعة "
        "رابطة نقابة"
    )
)

# Words starting with ال that never continue an institution's name.
NOT_NAME = set(
    words(
        "الذي التي الذين اللذين اللتين اللواتي الى الآن اليوم الأحد الاثنين الثلاثاء الأربعاء "
        "الخميس الجمعة السبت الماضي المقبل الحالي الأسبوع الشهر العام السنة الأول الثاني "
        "الأولى الثانية الأخير الأخيرة ان الا الأمر السابق السابقة الجديد الجديدة "
        "المقبلة الحالية الأولي الواقعة المعنية المختصة المذكورة نفسها نفسه ذاتها ذاته"
    )
)

# Descriptors a place's span leaves out (مدينة القدس → القدس).
PLACE_DESCRIPTORS = {"مدينة", "بلدة", "قرية", "العاصمة", "عاصمة"}


def read_columns(path: Path, sep: str | None = None) -> list[tuple[list[str], list[list[str]]]]:
    """Sentences of a CoNLL-style file as (tokens, tag columns per token): one token per
    line followed by one or more tags, blank line between sentences; U+200E/U+200F and a
    BOM are removed."""
    out: list[tuple[list[str], list[list[str]]]] = []
    tokens: list[str] = []
    columns: list[list[str]] = []
    text = path.read_text(encoding="utf-8-sig")
    for raw in [*text.splitlines(), ""]:
        line = raw.replace("\u200e", "").replace("\u200f", "").strip()
        parts = line.split(sep) if line else []
        parts = [p.strip() for p in parts if p.strip()]
        if not parts:
            if tokens:
                out.append((tokens, columns))
                tokens, columns = [], []
            continue
        tokens.append(parts[0])
        columns.append(parts[1:] or ["O"])
    return out


def spans_of(tags: list[str], mapping: dict[str, str]) -> list[Span]:
    """Spans of one BIO (or BILOU) tag column; an I- tag that does not continue starts one.
    Types missing from ``mapping`` end spans and are dropped."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        kind = mapping.get(name, "")
        continues = prefix in ("I", "L") and kind == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if kind and not continues:
            start, label = i, kind
        if prefix in ("U", "L") and start >= 0:
            spans.append((start, i + 1, label))
            start, label = -1, ""
    return spans


def bio(n: int, spans: Iterable[Span]) -> list[str]:
    """BIO tags of ``n`` tokens from non-overlapping spans."""
    tags = ["O"] * n
    for a, b, label in sorted(spans):
        if any(t != "O" for t in tags[a:b]):
            continue
        tags[a] = f"B-{label}"
        for i in range(a + 1, b):
            tags[i] = f"I-{label}"
    return tags


def forms(word: str) -> set[str]:
    """The word and its readings without leading conjunctions and prepositions (و ف ب ل ك,
    لل for ل + ال) and without ال: بوزارة → وزارة, وللجيش → جيش."""
    out = {word}
    for w in list(out):
        if w[:1] in ("و", "ف") and len(w) > 3:
            out.add(w[1:])
    for w in list(out):
        if w.startswith("لل") and len(w) > 4:
            out.add(w[2:])
        elif w[:1] in ("ب", "ل", "ك") and len(w) > 3:
            out.add(w[1:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.add(w[2:])
    return out | {w.replace("ه", "ة") for w in out if w.endswith("ه")}


def head_of(word: str) -> bool:
    """True when ``word`` (with or without ال and proclitics) is an institution head."""
    return not forms(word).isdisjoint(INSTITUTION_HEADS)


def institutions(tokens: list[str], spans: list[Span]) -> list[Span]:
    """ANERcorp-style spans → news convention: an untagged institution head takes the words
    that name it (ال words, up to three, and a place or organization right after them) into
    one ORG: وزارة/O الخارجية/O الأمريكية/O → ORG, بلدية/O نابلس/LOC → ORG."""
    starts = {a: (b, label) for a, b, label in spans}
    inside = {i for a, b, _ in spans for i in range(a, b)}
    out = list(spans)
    i = 0
    while i < len(tokens):
        if i in inside or not head_of(tokens[i]):
            i += 1
            continue
        j = i + 1
        # A definite head (المجلس, الحكومة) needs an adjective of origin: الحكومة العراقية.
        definite = tokens[i].startswith(("ال", "وال", "بال", "لل", "فال"))
        named = j < len(tokens) and (not definite or tokens[j].endswith(("ي", "ية", "يه")))
        while (
            named
            and j < len(tokens)
            and j - i <= 3
            and j not in inside
            and tokens[j].startswith("ال")
            and tokens[j] not in NOT_NAME
            and len(tokens[j]) > 3
        ):
            j += 1
        if named and j in starts and starts[j][1] in ("LOC", "ORG"):
            b = starts[j][0]
            out = [s for s in out if s[0] != j]
            j = b
        if j > i + 1:
            out.append((i, j, "ORG"))
            inside.update(range(i, j))
        i = max(j, i + 1)
    return sorted(out)


def drop_place_descriptors(tokens: list[str], spans: list[Span]) -> list[Span]:
    """مدينة القدس → القدس: a place span loses a leading descriptor that is not part of
    the name."""
    out = []
    for a, b, label in spans:
        if label == "LOC" and b - a > 1 and not forms(tokens[a]).isdisjoint(PLACE_DESCRIPTORS):
            a += 1
        out.append((a, b, label))
    return out


def simple(path: Path) -> list[Sentence]:
    """ANERcorp or AQMAR Topcoder: its own PER/LOC/ORG tags (MISC/MIS dropped)."""
    return [
        (toks, bio(len(toks), spans_of([c[0] for c in cols], SIMPLE)))
        for toks, cols in read_columns(path)
    ]


def anercorp(path: Path, scheme: str) -> list[Sentence]:
    """ANERcorp in ANERcorp's convention or mapped to the news one."""
    sentences = simple(path)
    if scheme == "anercorp":
        return sentences
    return [(t, bio(len(t), institutions(t, spans_of(tags, SIMPLE)))) for t, tags in sentences]


def wikifane(path: Path) -> list[Sentence]:
    """WikiFANE Gold, fine types mapped to PER/LOC/ORG (nationalities and products O)."""
    out = []
    for toks, cols in read_columns(path, "\t"):
        spans = spans_of([c[0] for c in cols], WIKIFANE)
        out.append((toks, bio(len(toks), drop_place_descriptors(toks, spans))))
    return out


def aqmar(path: Path) -> list[Sentence]:
    """AQMAR Topcoder split: PER/LOC/ORG (MIS dropped)."""
    return simple(path)


def wojood(path: Path) -> list[Sentence]:
    """Wojood (nested): the outermost PER/LOC/ORG spans (GPE and FAC are LOC), none inside
    an EVENT, place descriptors left out."""
    out = []
    for toks, cols in read_columns(path):
        depth = max(len(c) for c in cols)
        layers = [[c[k] if k < len(c) else "O" for c in cols] for k in range(depth)]
        wanted: list[Span] = []
        events: list[Span] = []
        for layer in layers:
            wanted += spans_of(layer, WOJOOD)
            events += spans_of(layer, {"EVENT": "EVENT"})
        kept = [
            s
            for s in wanted
            if not any(e[0] <= s[0] and s[1] <= e[1] for e in events)
            and not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in wanted)
        ]
        out.append((toks, bio(len(toks), drop_place_descriptors(toks, kept))))
    return out


def idrisi(root: Path, split: str) -> list[Sentence]:
    """IDRISI-R (every event of the random setup), all location types as LOC; the corpus
    has no PER/ORG annotation."""
    out = []
    for path in sorted(root.glob(f"*/{split}.txt")):
        for toks, cols in read_columns(path):
            tags = [c[0] for c in cols]
            mapped = [t if t == "O" else t[:2] + "LOC" for t in tags]
            out.append((toks, bio(len(toks), spans_of(mapped, {"LOC": "LOC"}))))
    return out


def anercorp_articles(docs: Path) -> list[list[int]]:
    """Sentence ids of the ANERcorp CAMeL test split grouped by article (test_docs.tsv)."""
    by_doc: dict[str, list[int]] = {}
    for line in docs.read_text(encoding="utf-8").splitlines()[1:]:
        sent, doc, *_ = line.split("\t")
        by_doc.setdefault(doc, []).append(int(sent))
    return list(by_doc.values())


def training_sets(ner: Path) -> dict[str, dict[str, list[Sentence]]]:
    """The training splits, by scheme and corpus (never a test split)."""
    return {
        "news": {
            "anercorp": anercorp(ner / "anercorp_camel/train.txt", "news"),
            "wikifane": wikifane(ner / "wikifane_gold/train.txt"),
            "aqmar": aqmar(ner / "aqmar/topcoder_split/train.txt"),
            "wojood": wojood(ner / "wojood_sample/train.txt"),
            # Places only: train_ner reads it with --known LOC.
            "idrisi_places": idrisi(ner / "idrisi_r_ar/gold-random-bilou", "train"),
        },
        "anercorp": {"anercorp": anercorp(ner / "anercorp_camel/train.txt", "anercorp")},
    }


def write(path: Path, sentences: list[Sentence]) -> None:
    """``token TAG`` lines, blank line between sentences."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for tokens, tags in sentences:
            for token, tag in zip(tokens, tags, strict=True):
                f.write(f"{token} {tag}\n")
            f.write("\n")


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: python train/corpora.py SHARED_NER_DIR OUT_DIR")
    ner, out = Path(sys.argv[1]), Path(sys.argv[2])
    for scheme, corpora in training_sets(ner).items():
        for name, sentences in corpora.items():
            write(out / scheme / f"{name}.txt", sentences)
            n = sum(len(t) for t, _ in sentences)
            print(f"{scheme}/{name}.txt: {len(sentences)} sentences, {n} tokens")


if __name__ == "__main__":
    main()

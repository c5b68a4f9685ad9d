"""Writes the ANT corpus's title and body text as plain lines for `build_clusters`.

Reads ../shared/data/unlabeled/ant_corpus/*.jsonl.gz, drops exact duplicate articles and
every article that shares an 8-gram (diacritics and tatweel removed, alef, ya and ta marbuta
folded) with a test split of the entity evaluation (ANERcorp, Wojood, AQMAR, WikiFANE,
IDRISI-R dev), so no test text reaches the clusters or the silver statistics. The output
stays outside the repository: the corpus text is never committed.

    python3 train/extract_ant.py ../shared/data /tmp/nuqta_ant.txt
"""

import gzip
import json
import re
import sys
from pathlib import Path

import corpora

MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
FOLD = str.maketrans("أإآٱىة", "اااايه")


def words(text: str) -> list[str]:
    return MARKS.sub("", text).translate(FOLD).split()


def eight_grams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 8]) for i in range(len(tokens) - 7)}


def main() -> None:
    shared, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    ner = shared / "ner"
    tests = [
        corpora.anercorp(ner / "anercorp_camel/test.txt", "anercorp"),
        corpora.wojood(ner / "wojood_sample/test.txt"),
        corpora.aqmar(ner / "aqmar/topcoder_split/test.txt"),
        corpora.wikifane(ner / "wikifane_gold/test.txt"),
        corpora.idrisi(ner / "idrisi_r_ar/gold-random-bilou", "dev"),
    ]
    test_grams: set[tuple[str, ...]] = set()
    for sentences in tests:
        for tokens, _ in sentences:
            test_grams |= eight_grams(words(" ".join(tokens)))
    seen: set[int] = set()
    kept = dropped_dup = dropped_test = 0
    with out_path.open("w", encoding="utf-8") as out:
        for name in ("ant_v2.1_multisource.jsonl.gz", "ant_v1.1_jawharafm.jsonl.gz"):
            with gzip.open(shared / "unlabeled/ant_corpus" / name, "rt", encoding="utf-8") as f:
                for line in f:
                    doc = json.loads(line)
                    text = f"{doc.get('title') or ''}\n{doc.get('text') or ''}"
                    key = hash(text)
                    if key in seen:
                        dropped_dup += 1
                        continue
                    seen.add(key)
                    if eight_grams(words(text)) & test_grams:
                        dropped_test += 1
                        continue
                    kept += 1
                    for para in text.splitlines():
                        if para.strip():
                            out.write(para.strip() + "\n")
    print(
        f"kept {kept} articles; dropped {dropped_dup} duplicates, {dropped_test} overlapping test"
    )


if __name__ == "__main__":
    main()

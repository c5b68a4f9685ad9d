"""Writes ``data/entities/lists.tsv``, the permissively licensed name lists the tagger reads
as features: person-name tokens (Wikidata labels, CC0; arabnamer, CC BY 4.0; Faker, MIT) and
place names (GeoNames cities and continents, CC BY 4.0; CLDR territories and time-zone
cities, Unicode License v3), one ``LABEL TAB name`` per line, sorted and deduplicated.

The most frequent news words are left out as one-word entries when the crate loads the
lists (``LIST_STOP_RANK`` in ``src/entities/gazetteer.rs``), so the file keeps every entry.

    python train/build_lists.py ../shared/data/gazetteers data/entities/lists.tsv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ARABIC = re.compile("^[\u0621-\u064a\u0671-\u06d3 ]+$")
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of a TSV with a header line."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(name: str) -> str | None:
    """The name without diacritics and extra spaces, if it is in Arabic letters."""
    name = " ".join(MARKS.sub("", name).split())
    return name if name and ARABIC.match(name) else None


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: python train/build_lists.py GAZETTEERS_DIR OUT.tsv")
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    names: set[tuple[str, str]] = set()
    person = [
        (src / "wikidata_person_name_tokens/person_name_tokens_ar.tsv", "name_ar"),
        (src / "arabnamer/names_ar.tsv", "name_ar"),
        (src / "faker_ar_names/person_names_ar.tsv", "name_ar"),
    ]
    place = [
        (src / "geonames_ar/places_ar.tsv", "name_ar"),
        (src / "cldr_ar/exemplar_cities_ar.tsv", "city_ar"),
    ]
    for label, sources in (("PER", person), ("LOC", place)):
        for path, column in sources:
            for row in rows(path):
                name = clean(row[column])
                if name:
                    names.add((label, name))
    # CLDR territories; the numeric codes are world regions (العالم, ...), not places' names.
    for row in rows(src / "cldr_ar/territories_ar.tsv"):
        name = clean(row["name_ar"])
        if name and not row["code"].isdigit():
            names.add(("LOC", name))
    out.write_text("".join(f"{label}\t{name}\n" for label, name in sorted(names)), "utf-8")
    print(f"{out}: {len(names)} names")


if __name__ == "__main__":
    main()

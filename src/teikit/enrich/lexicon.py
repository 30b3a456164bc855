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

import marshal
import math
from functools import lru_cache
from pathlib import Path

from teikit import packaged
from teikit.authority.forms import fold
from teikit.parts import InParts, part_name
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
    """wordfreq's table (word -> frequency) in parts (``teikit.parts``): each part the marshalled
    list of (frequency, its words joined by line breaks), made into a dict when first asked about
    (building the whole table took a sixth of a second of every start)."""

    def __init__(self, parts: dict[str, bytes]):
        self._parts = InParts(parts, self._build)

    @staticmethod
    def _build(part: bytes | None) -> dict[str, float]:
        table: dict[str, float] = {}
        for frequency, words in marshal.loads(part) if part is not None else ():
            table.update(dict.fromkeys(words.split("\n"), frequency))
        return table

    def get(self, word: str) -> float | None:
        return self._parts.part(word).get(word)


def _parts(table: dict[str, float]) -> dict[str, bytes]:
    """The table as parts by a word's first two characters, each the marshalled list of
    (frequency, its words joined by line breaks): a compact form, quick to read (no word of the
    list holds a line break)."""
    grouped: dict[str, dict[float, list[str]]] = {}
    for word, frequency in table.items():
        grouped.setdefault(part_name(word), {}).setdefault(frequency, []).append(word)
    return {prefix: marshal.dumps([(frequency, "\n".join(words)) for frequency, words in by_frequency.items()])
            for prefix, by_frequency in grouped.items()}


class _WordSet:
    """A set of words (Webster's 236,000, the given names) in parts (``teikit.parts``): each part
    its words joined by line breaks (no word holds one), made into a set when first asked about."""

    def __init__(self, parts: dict[str, str]):
        self._parts = InParts(parts, self._build)

    @staticmethod
    def _build(part: str | None) -> frozenset[str]:
        return frozenset(part.split("\n")) if part is not None else frozenset()

    def __contains__(self, word: str) -> bool:
        return word in self._parts.part(word)


def _word_parts(words) -> dict[str, str]:
    """Words (none holding a line break) in the parts _WordSet takes."""
    grouped: dict[str, list[str]] = {}
    for word in words:
        if "\n" in word:
            raise ValueError(f"a word with a line break: {word!r}")
        grouped.setdefault(part_name(word), []).append(word)
    return {prefix: "\n".join(part) for prefix, part in grouped.items()}


def _is_parts(value, kind: type) -> bool:
    """A cached value of the shape the parts above take (another shape is built again)."""
    return isinstance(value, dict) and all(isinstance(part, kind) for part in value.values())


@lru_cache(maxsize=1)
def _frequencies() -> _Frequencies:
    """word -> frequency in English (wordfreq's large list: down to Zipf 1), kept in teikit's
    cache between processes (importing wordfreq and reading its list takes a quarter second)."""

    def build() -> dict[str, bytes]:
        from wordfreq import get_frequency_dict

        return _parts(get_frequency_dict("en", wordlist="large"))

    parts = cached_value("wordfreq-en-marshalled-parts", (*_package_versions("wordfreq"), _layout()), build,
                         check=lambda value: _is_parts(value, bytes))
    return _Frequencies(parts)


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case English word (0 when unknown)."""
    frequency = _frequencies().get(word.replace("’", "'"))
    return math.log10(frequency) + 9 if frequency else 0.0


@lru_cache(maxsize=1)
def _layout() -> str:
    """This module's text, part of the word lists' cache keys: the parts' layout is read here, so
    a change to it gives new keys (an entry of the old layout could have the shape of the new)."""
    return Path(__file__).read_text(encoding="utf-8")


def _package_versions(*names: str) -> tuple[str, ...]:
    return tuple(f"{name} {package_version(name)}" for name in names)


@lru_cache(maxsize=1)
def _webster() -> tuple[_WordSet, _WordSet]:
    """Webster's Second: its lower-case entries (ordinary words) and its capitalised ones
    (proper nouns, among them the given names that are also words: "Tom", "Will", "Grace").
    Kept in teikit's cache between processes."""

    def build() -> tuple[dict[str, str], dict[str, str]]:
        words = packaged.webster_words()
        return _word_parts(w for w in words if w[:1].islower()), _word_parts(w for w in words if w[:1].isupper())

    lower, upper = cached_value("webster-parts", (packaged.fingerprint("webster.txt.gz"), _layout()), build,
                                check=lambda value: isinstance(value, tuple) and len(value) == 2
                                and all(_is_parts(part, str) for part in value))
    return _WordSet(lower), _WordSet(upper)


def _dictionary() -> _WordSet:
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
def _given_names() -> _WordSet:
    """The packaged given names (case-sensitive), kept in teikit's cache between processes."""
    parts = cached_value("given-names-parts", (packaged.fingerprint("given-names.txt.gz"), _layout()),
                         lambda: _word_parts(packaged.given_names()), check=lambda value: _is_parts(value, str))
    return _WordSet(parts)


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """A given name in some country's use (case-sensitive: 'Tom', not 'tom'). A given name
    that is also an ordinary word counts only if the dictionary also lists it as a name
    ("Tom", "Will", "Grace"; not "Royal", "Five", "Even")."""
    if len(word) < 2 or not word[0].isupper() or word not in _given_names():
        return False
    return not is_common_word(word) or is_proper_noun(word)

"""Large word-keyed data read at every start, kept in parts by a word's first two characters and
each part built the first time a word of it is asked about: a process reads the whole of it at once
(raw parts are cheap to read) and builds only the parts a text asks about. The word lists
(``enrich.lexicon``) and the gazetteer's packed index (``authority.index``) are kept so."""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

Built = TypeVar("Built")


def part_name(word: str) -> str:
    """The part that holds ``word``."""
    return word[:2]


class InParts(Generic[Built]):
    """Raw parts (part name -> stored form) and the parts built from them (``build``, given the stored
    form or None for a part that has none). ``setdefault``: threads building the same part at once
    get one object (a caller may change a part it was given, as the packed index does)."""

    def __init__(self, parts: dict[str, Hashable], build: Callable[[object], Built]):
        self._raw = parts
        self._build = build
        self._built: dict[str, Built] = {}

    def part(self, word: str) -> Built:
        name = part_name(word)
        built = self._built.get(name)
        if built is None:
            built = self._built.setdefault(name, self._build(self._raw.get(name)))
        return built

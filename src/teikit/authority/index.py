"""An index of name forms -> entries, looked up word by word in running text."""

from __future__ import annotations

import marshal
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from teikit.authority.entries import AuthorityEntry
from teikit.authority.forms import Key, name_key
from teikit.parts import InParts, part_name


# Readings of one form kept for a match ("Victoria": a dozen cities; the first few decide).
MAX_READINGS = 8


@dataclass(frozen=True, slots=True)
class Match:
    entry: AuthorityEntry
    stated: bool  # a form the list states (not one derived from it)
    length: int  # words of the text the form covers


class FormIndex:
    """Name-form keys -> entries, with the longest form per first word for greedy matching."""

    def __init__(self) -> None:
        self._forms: dict[Key, list[tuple[AuthorityEntry, bool]]] = defaultdict(list)
        self._longest: dict[str, int] = {}

    def add(self, form: str | Key, entry: AuthorityEntry, stated: bool = True) -> None:
        key = form if isinstance(form, tuple) else name_key(form)
        if not key:
            return
        bucket = self._forms[key]
        if any(e.id == entry.id for e, _ in bucket):
            return
        bucket.append((entry, stated))
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    @classmethod
    def from_records(cls, records: Iterable[tuple[Key, AuthorityEntry, bool]]) -> "FormIndex":
        """An index from (key, entry, stated) records already keyed and free of repeats."""
        index = cls()
        forms, longest = index._forms, index._longest
        for key, entry, stated in records:
            forms[key].append((entry, stated))
            if len(key) > longest.get(key[0], 0):
                longest[key[0]] = len(key)
        return index

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, key: Key) -> bool:
        return key in self._forms

    def get(self, key: Key) -> list[tuple[AuthorityEntry, bool]]:
        return self._forms.get(key, [])

    def longest_at(self, words: Sequence[str], start: int, limit: int | None = None) -> list[Match]:
        """The entries of the longest form starting at ``words[start]`` (keys of words), or []
        (at most MAX_READINGS of them: the first added are the likeliest)."""
        longest = self._longest.get(words[start])
        if not longest:
            return []
        stop = min(len(words), start + longest, limit if limit is not None else len(words))
        for end in range(stop, start, -1):
            found = self._forms.get(tuple(words[start:end]))
            if found:
                return [Match(entry, stated, end - start) for entry, stated in found[:MAX_READINGS]]
        return []

    def entries(self) -> Iterable[AuthorityEntry]:
        seen = set()
        for bucket in self._forms.values():
            for entry, _ in bucket:
                if entry.id not in seen:
                    seen.add(entry.id)
                    yield entry


# Joins the words of a key in a packed index: no key word holds it (name_key splits on
# everything that is not a letter or digit), so a joined string stands for exactly one key.
KEY_SEPARATOR = "\x00"

Packed = tuple[int, dict[str, bytes], bytes]


def pack(records: Iterable[tuple[Key, int, bool]]) -> Packed:
    """(key, entry number, stated) records, already keyed and free of repeats, as plain data that
    marshal reads in a fraction of a millisecond: the number of forms; the forms in parts by the
    first two characters of their first word, each part marshalled on its own: the readings of
    each form (its key's words joined by KEY_SEPARATOR -> ``number * 2 + stated``, or a tuple of
    those in order when the form has several) and, for the first words that begin forms of more
    than one word, the longest such form's length (a first word that is not there begins at most
    its one-word form); and the joined forms in the order they came (marshalled: read only to
    list the entries)."""
    parts: dict[str, tuple[dict[str, int | tuple[int, ...]], dict[str, int]]] = {}
    order: dict[str, None] = {}
    for key, number, stated in records:
        if not key or any(KEY_SEPARATOR in word for word in key):
            raise ValueError(f"not a packable key: {key!r}")
        joined = KEY_SEPARATOR.join(key)
        forms, longest = parts.setdefault(part_name(key[0]), ({}, {}))
        reading = number * 2 + bool(stated)
        known = forms.get(joined)
        forms[joined] = reading if known is None else (*known, reading) if isinstance(known, tuple) \
            else (known, reading)
        if len(key) > 1 and len(key) > longest.get(key[0], 0):
            longest[key[0]] = len(key)
        order[joined] = None
    return len(order), {name: marshal.dumps(part) for name, part in parts.items()}, marshal.dumps(list(order))


def is_packed(value) -> bool:
    """Whether ``value`` has the shape :func:`pack` gives (e.g. read back from a cache)."""
    return (isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], int)
            and isinstance(value[1], dict) and isinstance(value[2], bytes)
            and all(isinstance(part, bytes) for part in value[1].values()))


class PackedFormIndex(FormIndex):
    """A FormIndex kept in the packed form of :func:`pack`, answering as the FormIndex of the same
    records would (same readings, in the same order, the same entry objects each time), for an
    index of tens of thousands of forms read at every start (the gazetteer's) of which a text
    asks about a few hundred: a part of the forms is decoded when a word of it is first looked
    up, an entry made (``entry(number)``) when a lookup first returns it, and a form's readings
    when it is first asked for. Adding to it turns it into a plain FormIndex holding everything
    (nothing adds to the gazetteer; the lists' indexes are built by ``add``)."""

    def __init__(self, packed: Packed, entry) -> None:
        self._count, self._packed_parts, self._order = packed
        # decoded parts (``teikit.parts``): forms, and longest lengths
        self._parts: InParts[tuple[dict, dict[str, int]]] = InParts(
            self._packed_parts, lambda data: marshal.loads(data) if data is not None else ({}, {}))
        self._longest_of: dict[str, int] = {}  # first words looked up -> their longest form's length, or 0
        self._entry = entry  # number -> entry, memoised by the caller (the same object each time)

    def _part(self, first_word: str) -> tuple[dict, dict[str, int]]:
        return self._parts.part(first_word)

    def _bucket(self, forms: dict, words: Sequence[str]) -> list[tuple[AuthorityEntry, bool]] | None:
        """The readings of the form of these key words in their part's forms, or None. A form's
        packed readings are replaced by its list of readings when first asked for (the same list
        from then on)."""
        joined = KEY_SEPARATOR.join(words)
        found = forms.get(joined)
        if found is None or joined.count(KEY_SEPARATOR) != len(words) - 1:
            return None  # unknown, or a word holding the separator (no form has one)
        if found.__class__ is list:
            return found
        entry = self._entry
        bucket = forms[joined] = [(entry(r >> 1), bool(r & 1))
                                  for r in (found if found.__class__ is tuple else (found,))]
        return bucket

    def _get(self, key: Key) -> list[tuple[AuthorityEntry, bool]] | None:
        if not isinstance(key, tuple):
            hash(key)  # as a dict would: an unhashable key is an error, any other is not a form
            return None
        if not key or not isinstance(key[0], str):
            return None
        return self._bucket(self._part(key[0])[0], key)

    def _keys(self) -> list[str]:
        """Every form, joined, in the order they came."""
        return marshal.loads(self._order)

    def add(self, form: str | Key, entry: AuthorityEntry, stated: bool = True) -> None:
        forms: defaultdict[Key, list[tuple[AuthorityEntry, bool]]] = defaultdict(list)
        longest: dict[str, int] = {}
        for joined in self._keys():
            key = tuple(joined.split(KEY_SEPARATOR))
            forms[key] = self._get(key)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        self.__dict__.clear()
        self._forms, self._longest = forms, longest
        self.__class__ = FormIndex  # from now on a plain index, holding the same readings
        self.add(form, entry, stated)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: Key) -> bool:
        if not isinstance(key, tuple):
            hash(key)
            return False
        if not key or not isinstance(key[0], str):
            return False
        joined = KEY_SEPARATOR.join(key)
        return joined in self._part(key[0])[0] and joined.count(KEY_SEPARATOR) == len(key) - 1

    def get(self, key: Key) -> list[tuple[AuthorityEntry, bool]]:
        found = self._get(key)
        return [] if found is None else found

    def longest_at(self, words: Sequence[str], start: int, limit: int | None = None) -> list[Match]:
        first = words[start]
        longest = self._longest_of.get(first)  # one dict lookup for most words, as in a FormIndex
        if longest is None:
            forms, multi = self._part(first)
            longest = self._longest_of[first] = \
                multi.get(first) or (1 if first in forms and KEY_SEPARATOR not in first else 0)
        if not longest:
            return []
        forms = self._part(first)[0]
        stop = min(len(words), start + longest, limit if limit is not None else len(words))
        for end in range(stop, start, -1):
            found = self._bucket(forms, words[start:end])
            if found:
                return [Match(entry, stated, end - start) for entry, stated in found[:MAX_READINGS]]
        return []

    def entries(self) -> Iterable[AuthorityEntry]:
        seen = set()
        for joined in self._keys():
            for entry, _ in self._get(tuple(joined.split(KEY_SEPARATOR))):
                if entry.id not in seen:
                    seen.add(entry.id)
                    yield entry

"""An index of name forms -> entries, looked up word by word in running text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from teikit.authority.entries import AuthorityEntry
from teikit.authority.forms import Key, name_key


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

"""Loading the authority lists a conversion uses, once per process and list version.

The index is cached by the lists' paths and modification times, so that a long-running
process (tests, ``teikit build``) reads each list once, and sees an edited list at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from teikit.authority.entries import AuthorityEntry, list_files, read_list
from teikit.authority.forms import entry_forms
from teikit.authority.index import FormIndex
from teikit.errors import InputError


@dataclass(frozen=True)
class Authority:
    """The entries of a set of lists and the index of their name forms."""

    entries: tuple[AuthorityEntry, ...]
    index: FormIndex

    def __bool__(self) -> bool:
        return bool(self.entries)


EMPTY = Authority((), FormIndex())


@lru_cache(maxsize=16)
def _load(files: tuple[tuple[str, int], ...]) -> Authority:
    entries: list[AuthorityEntry] = []
    seen: dict[str, Path] = {}
    for name, _mtime in files:
        for entry in read_list(Path(name)):
            if entry.id in seen:
                raise InputError.at(name, f"xml:id '{entry.id}' is also an entry of {seen[entry.id]}",
                                    engine="authority")
            seen[entry.id] = Path(name)
            entries.append(entry)
    index = FormIndex()
    for entry in entries:
        for form, stated in entry_forms(entry):
            index.add(form, entry, stated)
    return Authority(tuple(entries), index)


def load_authority(paths: Sequence[Path]) -> Authority:
    """The entries of the lists at ``paths`` (files or folders of TEI files)."""
    files = list_files(list(paths))
    if not files:
        return EMPTY
    return _load(tuple((str(f), f.stat().st_mtime_ns) for f in files))

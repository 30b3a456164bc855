"""Fewer garbage collections while a text is converted.

A conversion makes millions of small objects that live until it ends (a token per word, spans,
evidence) next to the word lists and the gazetteer, which live as long as the process. Python's
cyclic collector starts a young-generation collection every 700 allocations, and the older
generations' collections walk everything alive: on a 1 MB text that was about a seventh of the
conversion's time, and none of it freed anything (the objects are still in use). Collecting the
young generation every 100,000 allocations instead leaves the cost at a few hundredths of a
second; reference counting frees everything else as before, so the output and what is kept in
memory do not change (cyclic garbage waits a little longer).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

# Allocations between two collections of the youngest generation while converting (Python: 700).
YOUNG_COLLECTION_EVERY = 100_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the body with young-generation collections every ``YOUNG_COLLECTION_EVERY``
    allocations; the process's own thresholds afterwards (also after an error)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_COLLECTION_EVERY), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)

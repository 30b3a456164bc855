"""What belongs to names of many languages at once, whatever the language of the text."""

from __future__ import annotations

# Particles inside personal names ("Rosa de la Cruz", "Ludwig van Beethoven", "Leonardo da Vinci"),
# and the conjunctions of a name list ("Marx and Engels").
NAME_PARTICLES = frozenset({"de", "von", "van", "der", "da", "di", "le", "la", "du"})
NAME_LIST_WORDS = frozenset({"y", "and", "et", "&"})

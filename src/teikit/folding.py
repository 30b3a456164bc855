"""Comparable spellings of words: case, accents and the kind of apostrophe removed.

A leaf module (it imports nothing from teikit) because both the tokens every pass reads
(``teikit.tokens``) and the name forms of authority lists (``teikit.authority.forms``) compare
words this way, and the model's token stream must not depend on the authority package.
"""

from __future__ import annotations

import unicodedata


def _latin_table() -> dict[int, str]:
    """Accented Latin letters -> their base letters (a fast path for the common accents)."""
    table = {ord("’"): "'"}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_LATIN_TABLE = _latin_table()


def fold(text: str) -> str:
    """Case, accents and apostrophe kind removed."""
    quick = text.translate(_LATIN_TABLE)
    if quick.isascii():
        return quick.lower()
    decomposed = unicodedata.normalize("NFKD", quick)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()

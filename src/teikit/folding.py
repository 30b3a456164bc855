"""Comparable spellings of words: case, accents and the kind of apostrophe removed; and where a
text's lower case may stand for its words lowered one by one.

A leaf module (it imports nothing from teikit) because both the tokens every pass reads
(``teikit.tokens``) and the name forms of authority lists (``teikit.authority.forms``) compare
words this way, and the model's token stream must not depend on the authority package.
"""

from __future__ import annotations

import re
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


# Characters whose lower case is not theirs alone, one for one, as re.IGNORECASE sees it: dotless i and
# long s (re matches them as i and s), the micro sign and mu, and sigma's forms (Σ lowers to σ or ς by
# what follows it, beyond a word). A character whose lower case is longer (İ) changes the text's length.
# Every other character lowers to one character of the same classes, which re.IGNORECASE matches
# exactly when its lower case is matched (both tried on every code point by the tests).
NOT_LOWERED_ALONE = "ıſµμΣσς"
_NOT_LOWERED_ALONE = re.compile(f"[{NOT_LOWERED_ALONE}]")
# The letters other than A-Z and a-z that re.IGNORECASE matches to an ASCII letter (re's documentation:
# "İ", "ı", "ſ" and the Kelvin sign "K").
IGNORECASE_ODD_LETTERS = "\u0130\u0131\u017f\u212a"


def lowered(text: str) -> str | None:
    """``text`` in lower case when it is lowered character for character (each character alone, to
    one character): a pattern of lower-case words then finds in it what the pattern case ignored
    finds in ``text``, and its words are the text's words lowered one by one; else None."""
    low = text.lower()
    return low if len(low) == len(text) and not _NOT_LOWERED_ALONE.search(text) else None

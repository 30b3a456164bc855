"""Word lists, one module per language (as spaCy keeps ``lang/xx/``): ``en``, ``fr``, ``de``,
``es``, ``it``, ``pt``, and ``xx`` for what belongs to names of many languages.

A module holds what is general knowledge of its language: the words of a title block, a
letter, a web page, dates, and (for English) the words around names and quotations. No list
names particular persons or places. Code builds its patterns from these lists; where a list
holds regular-expression fragments (a word and its plural, "liebe[rn]?") its comment says so.
"""

from __future__ import annotations

from types import ModuleType

from teikit.lang import de, en, es, fr, it, pt, xx  # noqa: F401  (xx: used as teikit.lang.xx)

# The languages of the structure reader, in the order their patterns are tried.
LANGUAGES: tuple[ModuleType, ...] = (en, fr, de, es, it)
# Languages whose month and weekday names the date reader knows.
DATE_LANGUAGES: tuple[ModuleType, ...] = (en, fr, de, es, it, pt)


def gather(name: str, languages: tuple[ModuleType, ...] = LANGUAGES) -> list:
    """The list ``name`` of every language that has one, in order (entries of several lists)."""
    out: list = []
    for module in languages:
        out.extend(getattr(module, name, ()))
    return out


def alternation(fragments) -> str:
    """Regular-expression fragments as one alternation (no group)."""
    return "|".join(fragments)

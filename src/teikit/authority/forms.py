"""Name forms: the comparable key of a name, and the forms an entry may be mentioned by.

A key ignores what varies between spellings of the same name in running text: case,
accents, dots of abbreviations ("U.S.S.R." = "USSR"), hyphens ("Alma-Ata" = "Alma Ata")
and the kind of apostrophe. A person listed as "Sir Walter Citrine" is also found as
"Walter Citrine", "W. Citrine" and "Citrine"; the derived forms are weaker evidence than the
forms the list states.
"""

from __future__ import annotations

import re

from teikit.authority.entries import PERSON, AuthorityEntry
from teikit.folding import fold

Key = tuple[str, ...]

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# particles that belong to a surname ("de Gaulle", "van Gogh")
SURNAME_PARTICLES = frozenset("de del della der di du da das dos van von ten ter la le st st. ibn bin al".split())
# titles before a person's name that are not part of the name itself
TITLE_WORDS = frozenset("""
mr mrs miss ms mx dr sir dame lady lord rev revd reverend fr father prof professor capt captain col colonel
gen general maj major lieut lieutenant sgt sergeant adm admiral cmdr commander hon comrade madame mme mlle
mademoiselle monsieur m herr frau signor signora senor senora don dona saint st king queen prince princess
duke duchess earl count countess baron baroness marquis marquess emperor empress tsar czar president
""".split())


_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


def name_key(text: str) -> Key:
    """The comparable form of a name, as a tuple of words ('U.S.S.R.' -> ('ussr',))."""
    if text.isalpha() and text.isascii():  # the common cases, fast (gazetteers have 50,000 names)
        return (text.lower(),)
    if not text.isascii():
        text = fold(text)
    if text.isascii() and "." not in text:
        return tuple(w for w in _ASCII_SEPARATORS.split(text.lower().replace("'", "")) if w)
    folded = fold(text)
    folded = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", folded)  # U.S.S.R. -> US.S.R. -> ... -> USSR.
    folded = re.sub(r"(?<=\b\w)\.(?=\w)", "", folded)
    return tuple(m.group().replace("'", "") for m in _WORDS.finditer(folded))


def _is_initial(word: str) -> bool:
    return len(word) == 1 or (len(word) == 2 and word.endswith("."))


def person_forms(name: str) -> list[str]:
    """Forms derived from a person's full name: without titles, initials + surname, surname."""
    words = name.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in TITLE_WORDS:
        words = words[1:]
    if len(words) < 2:
        return [" ".join(words)] if words else []
    # the surname starts at the first particle or is the last word
    cut = len(words) - 1
    for i in range(1, len(words) - 1):
        if fold(words[i]) in SURNAME_PARTICLES:
            cut = i
            break
    given, surname = words[:cut], " ".join(words[cut:])
    forms = [" ".join(words), surname]
    if given and not all(_is_initial(g) for g in given):
        forms.append(f"{given[0]} {surname}")
        forms.append(" ".join(f"{g[0]}." for g in given) + f" {surname}")
        forms.append(f"{given[0][0]}. {surname}")
    return forms


def entry_forms(entry: AuthorityEntry) -> list[tuple[str, bool]]:
    """(form, stated) for every form ``entry`` may be mentioned by; stated forms are the list's own."""
    stated = list(entry.names)
    derived: list[str] = []
    if entry.kind == PERSON:
        for name in stated:
            derived += person_forms(name)
    seen: dict[Key, bool] = {}
    out = []
    for form, is_stated in [*((n, True) for n in stated), *((d, False) for d in derived)]:
        key = name_key(form)
        if key and key not in seen:
            seen[key] = is_stated
            out.append((form, is_stated))
    return out

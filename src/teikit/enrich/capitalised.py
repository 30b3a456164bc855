"""Ordinary words a text uses only as a name ("Ginger", "Sparrow", "Baker" as nicknames and surnames).

A capital on a word of the dictionary proves nothing by itself (a sentence starts, a title, a
writer's "Party"), so the scanner ignores such words unless something else says they are names.
This module supplies that something from the whole document: the word is written with a capital,
mid-sentence, several times; never in lower case; never after an article or a possessive (persons
take none); never inside a run of capitalised words (where it is part of a longer name or a title);
and at least once it does what persons do (owns something, speaks, is addressed: "Ginger’s bonnet",
"said Sparrow", "Dear Ginger").
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from teikit.lang import en
from teikit.enrich.lexicon import is_common_word
from teikit.enrich.tokens import Token
from teikit.weights.names import NAME_GATE

_DETERMINERS = en.PLURAL_DETERMINERS | frozenset(
    "a an this that my our your his her its their every no any each".split())
_ADDRESS = frozenset("dear poor good old little".split())  # "Dear Ginger!", "poor Sparrow"
_KEYWORDS = en.ORG_KEYWORDS | en.PLACE_KEYWORDS | en.INSTITUTIONS | en.ORG_HEADS | en.NEVER_NAMES


def _capitalised_alone(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.sentence_start or before is None:
        return False
    if before.cap and not before.gap.endswith(("—", "–")) and before.key not in _ADDRESS:
        return False  # "Central Committee", "Vanity Fair"
    return not (after is not None and after.cap and after.kind == "word" and not after.sentence_start
                and after.gap == " ")


def _acts_as_person(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return token.possessive or (before is not None and (before.key in en.SPEECH_VERBS or
                                                      before.key in en.PERSON_NOUNS or
                                                      before.key in _ADDRESS)) or \
        (after is not None and after.key in en.SPEECH_VERBS and not after.cap)


def names_among_words(blocks: Iterable[list[Token]]) -> frozenset[str]:
    """The keys of dictionary words this document uses as names only."""
    capitalised: dict[str, int] = defaultdict(int)
    person_like: set[str] = set()
    excluded: set[str] = set()
    for tokens in blocks:
        for i, token in enumerate(tokens):
            if token.kind != "word" or len(token.text) < 3 or "’" in token.text or "'" in token.text:
                continue  # "I’d": a contraction, not a name
            if not token.cap or token.is_function_word:
                excluded.add(token.key)  # written in lower case somewhere: an ordinary word
                continue
            if i > 0 and tokens[i - 1].key in _DETERMINERS and not token.gap.strip():
                excluded.add(token.key)  # "the Party", "our Lady"
                continue
            if _capitalised_alone(tokens, i):
                capitalised[token.key] += 1
                if _acts_as_person(tokens, i):
                    person_like.add(token.key)
    return frozenset(
        key for key, count in capitalised.items()
        if count >= NAME_GATE.threshold("document-name-mentions") and key in person_like and key not in excluded and
        key.capitalize() not in _KEYWORDS and is_common_word(key))

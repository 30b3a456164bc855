"""Ordinary words a text uses as a name: nicknames, surnames that are words, and a character's
designation ("Ginger", "Sparrow", "the Psychologist", "the Night Porter").

A capital on a word of the dictionary proves nothing by itself (a sentence starts, a title, a
writer's "Party"), so the scanner ignores such words unless something else says they are names.
This module supplies that something from the whole document. A run of one to three capitalised
dictionary words is a document name when the text writes it with capitals mid-sentence several
times; never in lower case (a single word), or rarely as a lower-case phrase (several words, where a
writer's slip is no evidence against the many capitals); mostly
without an article or a possessive other than "the" ("a Dodo" may introduce it); never beside
other capitalised words that are not part of it; and it does what persons do: owns something, speaks, is addressed ("Ginger’s bonnet",
"said Sparrow", "Dear Ginger"). After "the" (a designation: "said the Psychologist") only speech
counts, since things are owned too ("the Sun’s rays").
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from teikit.authority.forms import Key
from teikit.enrich.lexicon import is_common_word
from teikit.tokens import Token
from teikit.lang import en
from teikit.weights.names import NAME_GATE

_DETERMINERS = en.PLURAL_DETERMINERS | frozenset(
    "a an this that my our your his her its their every no any each".split())
_ADDRESS = frozenset("dear poor good old little".split())  # "Dear Ginger!", "poor Sparrow"
_KEYWORDS = en.ORG_KEYWORDS | en.PLACE_KEYWORDS | en.INSTITUTIONS | en.ORG_HEADS | en.NEVER_NAMES
_LONGEST = 3  # words of a designation ("the Very Young Man")


def _word(token: Token) -> bool:
    """A capitalised word that could be part of a document name (no contraction: "I’d")."""
    contraction = ("’" in token.text or "'" in token.text) and not token.possessive
    return token.kind == "word" and token.cap and len(token.text) >= 2 and not contraction and \
        not token.is_function_word and not token.dot


def _runs(tokens: list[Token]) -> Iterable[tuple[int, int]]:
    """Runs of capitalised words, mid-sentence, joined by single spaces."""
    i = 0
    while i < len(tokens):
        if not _word(tokens[i]) or tokens[i].sentence_start:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _word(tokens[j]) and not tokens[j].sentence_start and tokens[j].gap == " ":
            j += 1
        yield i, j
        i = j


def _speaks(tokens: list[Token], first: int, last: int) -> bool:
    """A verb of speech next to the run ("said the X", "the X replied")."""
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.key == "the":
        before = tokens[first - 2] if first > 1 else None
    after = tokens[last] if last < len(tokens) else None
    return (before is not None and before.key in en.SPEECH_VERBS) or \
        (after is not None and after.key in en.SPEECH_VERBS and not after.cap)


def _acts_as_person(tokens: list[Token], first: int, last: int) -> bool:
    """The run owns something, speaks, or is addressed or named as a person ("comrade X")."""
    before = tokens[first - 1] if first > 0 else None
    return tokens[last - 1].possessive or _speaks(tokens, first, last) or \
        (before is not None and (before.key in en.PERSON_NOUNS or before.key in _ADDRESS) and not before.cap)


def names_among_words(blocks: Iterable[list[Token]]) -> frozenset[Key]:
    """The keys (one to three words) of dictionary words this document uses as names only."""
    blocks = list(blocks)
    capitalised: dict[Key, int] = defaultdict(int)
    determined: dict[Key, int] = defaultdict(int)  # after "a", "my", "this": used as a noun
    person_like: set[Key] = set()
    lower_words: set[str] = set()
    for tokens in blocks:
        lower_words.update([token.key for token in tokens if token.kind == "word" and not token.cap])
        for first, last in _runs(tokens):
            key = tuple(t.key for t in tokens[first:last])
            if last - first > _LONGEST or (last - first > 1 and tokens[first].is_honorific):
                continue  # "Mr Hall", "General Gordon": a title and a name, for the scanner
            before = tokens[first - 1] if first > 0 else None
            designation = before is not None and before.key == "the" and not tokens[first].gap.strip()
            if before is not None and before.key in _DETERMINERS and not designation:
                determined[key] += 1  # "our Lady", "a Thermidor": a word used as a noun
                continue
            if before is not None and before.cap and not designation and not before.gap.endswith(("—", "–")) and \
                    before.key not in _ADDRESS:
                continue  # part of a longer run ("Central Committee", "Vanity Fair")
            capitalised[key] += 1
            if _speaks(tokens, first, last) if designation else _acts_as_person(tokens, first, last):
                person_like.add(key)
    found = [key for key, count in capitalised.items()
             if count >= NAME_GATE.threshold("document-name-mentions") and key in person_like and
             determined[key] * 2 < count
             and all(is_common_word(word) and word.capitalize() not in _KEYWORDS for word in key)
             and (len(key) > 1 or key[0] not in lower_words)]
    phrases = _lower_phrases(blocks, {key[:2] for key in found if len(key) > 1})
    return frozenset(key for key in found if len(key) == 1 or
                     phrases.get(key[:2], 0) * NAME_GATE.threshold("document-name-lower-ratio") < capitalised[key])


def _lower_phrases(blocks: list[list[Token]], pairs: set[Key]) -> dict[Key, int]:
    """How often each of ``pairs`` is written in lower case, as two words in a row: counted only
    for the few phrases that need it (not for every pair of words of the document)."""
    counts: dict[Key, int] = defaultdict(int)
    firsts = {first for first, _ in pairs}
    for tokens in blocks if pairs else ():
        for before, token in zip(tokens, tokens[1:]):
            if before.key in firsts and token.kind == "word" and not token.cap and before.kind == "word" and \
                    not before.cap and (before.key, token.key) in pairs:
                counts[before.key, token.key] += 1
    return counts

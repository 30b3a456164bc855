"""Words of a block with what name recognition needs to know about each: its comparable key,
capitals, a following dot or possessive, whether it starts a sentence, and what separates
it from the word before.

The model keeps each block's tokens once (``Block.tokens``), for every pass that reads words;
this module imports nothing from teikit but the word lists and ``folding``, so the model can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from sys import intern

from teikit.folding import fold
from teikit.lang.en import ABBREVIATIONS, DASHES, FUNCTION_WORDS, HONORIFICS

# What lies before a token (anything but letters and digits: ``[\W_]``), then the token: a dotted
# abbreviation ("U.S.S.R.", "i.e."), a word with inner apostrophes ("O’Callaghan") or a number; or
# the end of the text (so that the pattern never fails, and is never retried along a long run of
# punctuation). A letter or digit always starts a token, so the gap is exactly the text between two.
_GAP_TOKEN = re.compile(r"([\W_]*+)(?:((?:[^\W\d_]\.){2,})|([^\W\d_]+(?:['’][^\W\d_]+)*)|(\d+)|\Z)")
_POSSESSIVE = ("’s", "'s")
_SENTENCE_END = frozenset(".!?…")
_OPENING_QUOTES = frozenset("“«„\"‘")
# word -> (the word interned, its key interned, capitalised, honorific, function word): a document's
# words repeat, so each distinct word is keyed once and every token of it shares two strings. Bounded: cleared
# when a long-running process (a build) has seen this many distinct words.
_SEEN: dict[str, tuple[str, str, bool, bool, bool]] = {}
_SEEN_LIMIT = 200_000


@dataclass(slots=True)
class Token:
    start: int
    end: int  # end of the word itself (a possessive "’s" is after it)
    text: str
    kind: str  # word | abbr | num
    key: str
    dot: bool = False  # a "." follows at once
    possessive: bool = False
    sentence_start: bool = False
    gap: str = ""  # the text between the previous token (with its possessive) and this one
    cap: bool = False  # starts with a capital
    # Facts of the word itself, read many times per token by name recognition: computed once per
    # distinct word (``_SEEN``), stored, not derived at each reading. Only words (not abbreviations
    # or numbers) are honorifics or function words.
    is_honorific: bool = False
    is_function_word: bool = False

    @property
    def is_initial(self) -> bool:
        return self.kind == "word" and len(self.text) == 1 and self.text.isupper() and self.dot

    @property
    def is_acronym(self) -> bool:
        """'GPU', 'U.S.S.R.' (a dotted lower-case 'i.e.' is not)."""
        if self.kind == "abbr":
            return self.text[0].isupper()
        return self.kind == "word" and 2 <= len(self.text) <= 6 and self.text.isupper()


def _word(word: str) -> tuple[str, str, bool, bool, bool]:
    """(word, key, capitalised, honorific, function word) of a word or abbreviation, the strings
    interned, remembered in ``_SEEN``."""
    key = word.lower() if word.isascii() else fold(word)
    if len(_SEEN) >= _SEEN_LIMIT:
        _SEEN.clear()
    seen = _SEEN[word] = (intern(word), intern(key.replace("'", "").replace(".", "")), word[0].isupper(),
                          word in HONORIFICS, word.lower() in FUNCTION_WORDS)
    return seen


def tokenize(text: str, start: int = 0) -> list[Token]:
    """The tokens of ``text[start:]`` with offsets into ``text``.

    The hot loop of name recognition (every word of a document passes here once): one regex
    pass returns each token with the gap before it (no match objects), offsets are summed from
    their lengths, and a word's key is computed once per distinct word."""
    tokens: list[Token] = []
    append = tokens.append
    seen = _SEEN.get
    end = start
    for gap, abbr, word, num in _GAP_TOKEN.findall(text, start):
        begin = end + len(gap)
        if word:
            end = stop = begin + len(word)
            possessive = False
            if len(word) > 2 and word.endswith(_POSSESSIVE):
                word, stop, possessive = word[:-2], stop - 2, True
            elif word[-1] == "s" and text[stop:stop + 1] in ("’", "'") and not text[stop + 1:stop + 2].isalpha():
                possessive = True  # "Engels’ expression"
            word, key, cap, honorific, function = seen(word) or _word(word)
            append(Token(begin, stop, word, "word", key, text[stop:stop + 1] == ".", possessive, False, gap, cap,
                         honorific, function))
        elif abbr:
            end = begin + len(abbr)
            abbr, key, cap, _, _ = seen(abbr) or _word(abbr)
            append(Token(begin, end, abbr, "abbr", key, False, False, False, gap, cap))
        elif num:
            end = begin + len(num)
            num = intern(num)
            append(Token(begin, end, num, "num", num, False, False, False, gap, False))
    _mark_sentence_starts(tokens)
    return tokens


def _mark_sentence_starts(tokens: list[Token]) -> None:
    if not tokens:
        return
    tokens[0].sentence_start = True
    before = tokens[0]
    for token in tokens[1:]:
        gap = token.gap
        if gap == " ":  # the most common gap: a sentence starts only after a dotted abbreviation
            token.sentence_start = before.kind == "abbr"
        elif before.kind == "abbr" and not gap.strip():
            token.sentence_start = True  # "... in the U.S.S.R. These lines": cannot tell; assume a sentence
        elif not _SENTENCE_END.isdisjoint(gap):
            stripped = gap.strip()
            abbreviation = before.dot and stripped == "." and _abbreviated(before)
            token.sentence_start = not abbreviation
        elif ":" in gap or not _OPENING_QUOTES.isdisjoint(gap):
            token.sentence_start = True
        elif "\n\n" in gap:
            token.sentence_start = True
        before = token


def _abbreviated(token: Token) -> bool:
    """A word whose dot marks an abbreviation, not a sentence's end: an initial, an abbreviated title
    ("Mr.", "Capt.", "St."); not a title written in full ("the Vicar. Then ...")."""
    return token.is_initial or token.key in ABBREVIATIONS or (token.is_honorific and len(token.text) <= 3)


def joinable(before: Token, token: Token) -> bool:
    """Whether two tokens can be words of one name: only spaces, one line break, a hyphen, or
    the dot of an initial or abbreviated title lie between them."""
    if before.possessive or token.sentence_start:
        return False
    gap = token.gap
    if before.dot and _abbreviated(before):
        gap = gap[1:] if gap.startswith(".") else gap
    if gap == "-":
        return before.kind != "num" and token.kind != "num"
    return gap != "" and not gap.strip() and gap.count("\n") <= 1 and not any(c in DASHES for c in gap)

"""Words of a block with what name recognition needs to know about each: its comparable key,
capitals, a following dot or possessive, whether it starts a sentence, and what separates
it from the word before."""

from __future__ import annotations

import re
from dataclasses import dataclass
from sys import intern

from teikit.authority.forms import fold
from teikit.lang.en import ABBREVIATIONS, DASHES, FUNCTION_WORDS, HONORIFICS

# Dotted abbreviations ("U.S.S.R.", "i.e."), words with inner apostrophes ("O’Callaghan"), numbers.
_TOKEN = re.compile(r"(?P<abbr>(?:[^\W\d_]\.){2,})|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<num>\d+)")
_POSSESSIVE = ("’s", "'s")
_SENTENCE_END = frozenset(".!?…")
_OPENING_QUOTES = frozenset("“«„\"‘")


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

    @property
    def is_initial(self) -> bool:
        return self.kind == "word" and len(self.text) == 1 and self.text.isupper() and self.dot

    @property
    def is_honorific(self) -> bool:
        return self.kind == "word" and self.text in HONORIFICS

    @property
    def is_function_word(self) -> bool:
        return self.kind == "word" and self.text.lower() in FUNCTION_WORDS

    @property
    def is_acronym(self) -> bool:
        """'GPU', 'U.S.S.R.' (a dotted lower-case 'i.e.' is not)."""
        if self.kind == "abbr":
            return self.text[0].isupper()
        return self.kind == "word" and 2 <= len(self.text) <= 6 and self.text.isupper()


def tokenize(text: str, start: int = 0) -> list[Token]:
    """The tokens of ``text[start:]`` with offsets into ``text``.

    The hot loop of name recognition (every word of a document passes here once): the token's
    fields are computed inline and passed by position, and the common case of a plain word
    between spaces takes the shortest path."""
    tokens: list[Token] = []
    append = tokens.append
    previous_end = start
    for match in _TOKEN.finditer(text, start):
        kind = match.lastgroup or "word"
        word = match.group()
        begin = match.start()
        end = match_end = match.end()
        possessive = False
        if kind == "word":
            if len(word) > 2 and word.endswith(_POSSESSIVE):
                word, end, possessive = word[:-2], end - 2, True
            elif word[-1] == "s" and text[end:end + 1] in ("’", "'") and not text[end + 1:end + 2].isalpha():
                possessive = True  # "Engels’ expression"
            key = word.lower().replace("'", "").replace(".", "") if word.isascii() else \
                fold(word).replace("'", "").replace(".", "")
            dot = text[end:end + 1] == "."
        else:
            key = word if kind == "num" else word.lower().replace("'", "").replace(".", "") if word.isascii() else \
                fold(word).replace("'", "").replace(".", "")
            dot = False
        # a document's words repeat: one string per distinct word and key, not one per token
        append(Token(begin, end, intern(word), kind, intern(key), dot, possessive, False, text[previous_end:begin],
                     word[0].isupper()))
        previous_end = match_end
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

"""The reader's language hint lowers a whole text at once when that gives the same words as
lowering each word: the two characters for which it may not are the only exceptions."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.folding import lowered
from teikit.readers.signals import _WORD, _lowered_words


def test_lowering_any_other_character_keeps_its_length_and_classes():
    letter, word = r"[^\W\d_]", r"[\w’'\-.]"
    assert _WORD.pattern == f"{letter}{word}*"  # the classes whose membership lowering must keep
    letter_class, word_class = re.compile(letter), re.compile(word)
    apart = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        lower = char.lower()
        if lower == char:
            continue
        if len(lower) != 1 or bool(letter_class.match(char)) != bool(letter_class.match(lower)) or \
                bool(word_class.match(char)) != bool(word_class.match(lower)):
            apart.append(char)
    # "Σ" lowers to "σ" or "ς" by what follows it: one character of the same classes, but context-bound
    assert apart == ["\u0130"] and all(lowered(c) is None for c in apart + ["Σ"])


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("aAİıiΣσςΟΔ’'.:-_ 1½ÉßK\u212a\n"), max_size=40))
def test_the_words_lowered_at_once_equal_each_word_lowered(text: str):
    assert _lowered_words(text) == [w.lower() for w in _WORD.findall(text)]


def test_a_final_sigma_before_a_colon_is_lowered_as_the_word_ends():
    assert _lowered_words("ΟΔΟΣ:Α") == ["οδος", "α"]

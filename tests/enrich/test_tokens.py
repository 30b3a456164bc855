"""The token stream: the fast tokenizer gives exactly the tokens of the plain formulation (one
match object per token, each field computed from the text), and the model tokenises a block once
for every pass."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from teikit.folding import fold
from teikit.lang.en import FUNCTION_WORDS, HONORIFICS
from teikit.model import Block
from teikit.tokens import Token, _mark_sentence_starts, tokenize

# The specification: a token is a dotted abbreviation, a word with inner apostrophes or a number;
# the gap is the text since the previous token's end (with its possessive).
_TOKEN = re.compile(r"(?P<abbr>(?:[^\W\d_]\.){2,})|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<num>\d+)")


def _key(word: str) -> str:
    return (word.lower() if word.isascii() else fold(word)).replace("'", "").replace(".", "")


def reference(text: str, start: int = 0) -> list[Token]:
    tokens = []
    previous_end = start
    for match in _TOKEN.finditer(text, start):
        kind, word, begin, end = match.lastgroup, match.group(), match.start(), match.end()
        possessive = False
        if kind == "word" and len(word) > 2 and word.endswith(("’s", "'s")):
            word, end, possessive = word[:-2], end - 2, True
        elif kind == "word" and word[-1] == "s" and text[end:end + 1] in ("’", "'") and \
                not text[end + 1:end + 2].isalpha():
            possessive = True
        tokens.append(Token(begin, end, word, kind, word if kind == "num" else _key(word),
                            kind == "word" and text[end:end + 1] == ".", possessive, False,
                            text[previous_end:begin], word[0].isupper(),
                            kind == "word" and word in HONORIFICS, kind == "word" and word.lower() in FUNCTION_WORDS))
        previous_end = match.end()
    _mark_sentence_starts(tokens)
    return tokens


# Letters of several scripts and cases, digits of other scripts, marks that split or join words.
ALPHABET = "aAbBzZéÉßİıçÇ½²٣ _.'’-—,;:!?“”\"«»()\n\t\u00a0\u0301…"
TEXTS = st.text(st.sampled_from(ALPHABET), max_size=60) | st.lists(
    st.sampled_from(["Mr.", "U.S.S.R.", "i.e.", "John’s", "Engels’", "O’Callaghan", "1923", "St. Paul", "’s",
                     "Dr.", "A.", "the", "said", "—", ". ", "\n\n", " ", "«Oui»", "___", "x1y"]),
    max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, start=st.integers(0, 8))
def test_tokens_equal_the_plain_formulation(text: str, start: int):
    start = min(start, len(text))
    assert tokenize(text, start) == reference(text, start)


def test_tokens_of_the_samples_and_development_set_equal_the_plain_formulation():
    texts = sorted((ROOT / "texts").glob("*.txt")) + sorted((ROOT / "bench" / "devset").glob("*.txt"))
    assert texts
    for path in texts:
        for block in Path(path).read_text(encoding="utf-8").split("\n\n"):
            assert tokenize(block) == reference(block), path


def test_a_text_of_punctuation_alone_has_no_token():
    assert tokenize("-" * 5000 + " ...!") == []
    assert [t.gap for t in tokenize("--- word ---")] == ["--- "]


def test_a_block_is_tokenised_once_from_its_value():
    block = Block("meta", "Author: Jane Doe", 3, label="Author", value_start=8)
    tokens = block.tokens
    assert [t.text for t in tokens] == ["Jane", "Doe"] and tokens[0].start == 8
    assert block.tokens is tokens  # shared by every pass that reads words
    assert [t.text for t in Block("p", "Jane Doe wrote.", 1).tokens] == ["Jane", "Doe", "wrote"]


def test_the_token_stream_is_not_part_of_the_model_dump():
    block = Block("p", "Jane Doe wrote.", 1)
    assert block.tokens
    assert block == Block("p", "Jane Doe wrote.", 1)
    from dataclasses import asdict

    assert "tokens" not in asdict(block)


def test_a_conversion_lets_the_token_streams_go_before_writing():
    from teikit.convert import read_and_enrich
    from teikit.textio import decode

    document = read_and_enrich(decode("t.txt", "A Title\n\nJane Doe wrote to John Smith in London.\n".encode()))
    assert all("tokens" not in vars(block) for block in document.blocks())
    assert any(block.tokens for block in document.blocks())  # and they are made again if asked for

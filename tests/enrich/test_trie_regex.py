"""Word lists as prefix-tree regexes match exactly the words of the list."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from teikit.trie_regex import alternation, words

WORD = st.text(st.sampled_from("abc é'-"), min_size=1, max_size=5)


@given(listed=st.lists(WORD, min_size=1, max_size=12), other=WORD)
def test_the_tree_matches_exactly_the_listed_words(listed: list[str], other: str):
    pattern = re.compile(alternation(listed))
    assert all(pattern.fullmatch(word) for word in listed)
    assert bool(pattern.fullmatch(other)) == (other in listed)


def test_longer_words_first_and_phrases():
    pattern = re.compile(rf"\b{alternation(words('say|said|says|went on|went'))}\b")
    assert [m.group() for m in pattern.finditer("he said, she says, they went on, I say")] == [
        "said", "says", "went on", "say"]

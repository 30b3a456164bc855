"""wordfreq's table and the word lists kept in parts by first characters answer every lookup as
the table and the lists do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teikit import cache, packaged
from teikit.enrich import lexicon
from teikit.enrich.lexicon import _Frequencies, _parts, _word_parts, _WordSet

WORD = st.text(st.sampled_from("abé'’ -x"), max_size=6)


@given(table=st.dictionaries(WORD, st.sampled_from([1e-9, 2.5e-7, 3e-5, 0.01])), asked=st.lists(WORD, max_size=8))
def test_parts_answer_as_the_table(table: dict[str, float], asked: list[str]):
    frequencies = _Frequencies(_parts(table))
    for word in [*table, *asked]:
        assert frequencies.get(word) == table.get(word)


@given(words=st.sets(WORD.filter(bool)), asked=st.lists(st.text(st.sampled_from("abé'’ -x\n"), max_size=6), max_size=8))
def test_word_parts_answer_as_the_set(words: set[str], asked: list[str]):
    kept = _WordSet(_word_parts(words))
    for word in [*words, *asked]:
        assert (word in kept) == (word in words)


def test_a_word_with_a_line_break_cannot_be_kept_in_parts():
    with pytest.raises(ValueError):
        _word_parts(["two\nwords"])


def test_the_cached_word_lists_answer_as_the_packaged_lists(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    words = packaged.webster_words()
    given = packaged.given_names()
    for round in ("built", "read back from the cache"):
        if round != "built":
            monkeypatch.setattr(packaged, "webster_words", None)
            monkeypatch.setattr(packaged, "given_names", None)
        for function in (lexicon._webster, lexicon._given_names):
            function.cache_clear()
        lower, upper = lexicon._webster()
        assert all(w in lower for w in words if w[:1].islower()) and all(w in upper for w in words if w[:1].isupper())
        assert not any(w in lower for w in words if not w[:1].islower())
        assert not any(w in upper for w in words if not w[:1].isupper())
        assert all(name in lexicon._given_names() for name in given)
        assert "Tom" in lexicon._given_names() and "tom" not in lexicon._given_names()
    for function in (lexicon._webster, lexicon._given_names):
        function.cache_clear()  # the next user reads the lists from its own cache


def test_a_changed_layout_of_the_parts_builds_the_word_lists_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    reads = []

    def given_names():
        reads.append(1)
        return ["Tom", "Anna"]

    monkeypatch.setattr(packaged, "given_names", given_names)
    for layout in ("old layout", "old layout", "new layout"):
        monkeypatch.setattr(lexicon, "_layout", lambda layout=layout: layout)
        lexicon._given_names.cache_clear()
        assert "Anna" in lexicon._given_names()
    lexicon._given_names.cache_clear()
    assert len(reads) == 2  # built, read back, built again for the new layout

"""wordfreq's table kept in parts by first characters answers every lookup as the table does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from teikit.enrich.lexicon import _Frequencies, _parts

WORD = st.text(st.sampled_from("abé'’ -x"), max_size=6)


@given(table=st.dictionaries(WORD, st.sampled_from([1e-9, 2.5e-7, 3e-5, 0.01])), asked=st.lists(WORD, max_size=8))
def test_parts_answer_as_the_table(table: dict[str, float], asked: list[str]):
    frequencies = _Frequencies(_parts(table))
    for word in [*table, *asked]:
        assert frequencies.get(word) == table.get(word)

"""Property: whatever names, titles, initials, abbreviations and punctuation a text holds, and
whatever lists are given, conversion loses nothing, stays valid, and every @ref resolves."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import tei_all_errors
from name_helpers import convert, write_list
from teikit.reading import reading_text
from teikit.textio import comparable

LISTED = ["Tom Halloran", "Kraków", "G.P.U.", "Zyxlan Guild", "St. Petersburg", "O’Brien", "the Abbey"]
NAMES = st.one_of(
    st.sampled_from(LISTED + ["Moscow", "Paris", "Reading", "U.S.S.R.", "Stalin", "Kirov", "Engels", "Mary"]),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéøß"), min_size=2, max_size=9).map(str.capitalize),
)
PIECES = st.one_of(
    NAMES,
    NAMES.map(lambda n: n + "’s"), NAMES.map(lambda n: n + "s"), NAMES.map(lambda n: "all the " + n + "s"),
    st.sampled_from(["Mr.", "Mrs.", "Sir", "Dr.", "comrade", "S.", "A. B.", "the city of", "by name", "in", "to",
                     "from", "the", "and", "or", ",", ".", ";", " –", "“", "”", "(", ")", "[1]", "—", "-", "’",
                     "1923–1926", "in 1934", "December 11, 1933", "May", "the 1920s", "\u00a0", "..."]),
    st.text(st.sampled_from("abcdefghij klmnop"), min_size=1, max_size=12),
)
PARAGRAPH = st.lists(PIECES, min_size=1, max_size=30).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n\n".join)

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def lists(folder: Path) -> list[Path]:
    if not (folder / "entries.xml").exists():
        write_list(folder / "entries.xml", """<listPerson>
   <person xml:id="p1"><persName>Tom Halloran</persName><persName>O’Brien</persName></person></listPerson>
  <listPlace><place xml:id="pl1"><placeName>Kraków</placeName><placeName>St. Petersburg</placeName></place>
   <place xml:id="pl2"><placeName>the Abbey</placeName></place></listPlace>
  <listOrg><org xml:id="o1"><orgName>G.P.U.</orgName><orgName>Zyxlan Guild</orgName></org></listOrg>
""")
    return [folder]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=TEXT, use_lists=st.booleans())
def test_names_never_lose_text_or_validity(text: str, use_lists: bool, tmp_path: Path, tei_all_rng: Path):
    _, root = convert(text, lists(tmp_path) if use_lists else [], name="prop")
    assert comparable(reading_text(root)) == comparable(text)
    assert tei_all_errors(tei_all_rng, root) == []
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    for element in root.iter():
        ref = element.get("ref")
        if ref and ref.startswith("#"):
            assert ref[1:] in ids
    assert len(ids) == len([e for e in root.iter() if e.get(XML_ID)])  # no id twice

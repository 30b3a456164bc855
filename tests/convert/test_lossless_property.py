"""Property: whatever the text, conversion loses nothing and gives valid TEI.

Texts are generated from the pieces transcriptions are made of (title blocks, labelled
metadata, headings, paragraphs with quotes and odd punctuation, footnote markers, notes
blocks, closers, chrome, runs of blank lines, very long lines) plus arbitrary Unicode.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from helpers import convert_string, tei_all_errors
from teikit.reading import reading_text
from teikit.textio import comparable

# Any character a text file may hold (no controls, no surrogates, no non-characters).
CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"), blacklist_characters="\ufffe\uffff")
WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéàçüßøæœ"), min_size=1, max_size=10)
CAP_WORD = WORD.map(str.capitalize)
PUNCT = st.sampled_from([",", ".", ";", ":", "!", "?", " –", " —", "…", " ...", "’s", "’", " (", ")", " «", "» ",
                         " “", "” ", " ‘", "’ ", '"', "'", " *", "[1]", "[2]", "¹", " &", " <", "> ", " \u00a0:",
                         "\u202f;", " i.e.", " U.S.S.R.", " --", "/"])


def sentence() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(WORD, CAP_WORD, PUNCT, st.text(CHARS, max_size=4)), min_size=1, max_size=40).map(
        lambda parts: " ".join(parts))


LINE = st.one_of(
    sentence(),  # a paragraph
    st.lists(sentence(), min_size=5, max_size=60).map(" ".join),  # a long paragraph
    st.lists(CAP_WORD, min_size=1, max_size=6).map(" ".join),  # a heading
    st.lists(CAP_WORD, min_size=1, max_size=5).map(lambda w: " ".join(w) + " !"),
    st.sampled_from(["L. Trotsky", "By Tarov", "A. Tarov", "Notes", "Note by ETOL", "Editor’s note",
                     "(6 September 1935)", "September 6, 1935", "Paris, 4 August 1935", "1935",
                     "Written: September 6, 1935.", "Source: New Militant, Vol. 1 No. 45, 1935, pp. 7 & 8.",
                     "Transcription/HTML Markup: Einde O’Callaghan.", "Last updated on: 6 February 2018",
                     "Copyleft: Archive (www.example.org) 2018. Creative Commons.", "[1] A note.", "* A star note.",
                     "Accueil > Rubrique > Article", "samedi 31 décembre 2022, par Robert Paris",
                     "Un message, un commentaire ?", "Votre message", "With best wishes,", "Dear Comrades,",
                     "From New International, Vol. 3 No. 3, June 1936, pp. 71–75.",
                     # title blocks, credits, letters, books (issue 12)
                     "Grace Holloway: The Women's Vote", "Edwin Carr to Lucy Brand", "Letters of Rhoda Gaskell",
                     "Written | 1931", "Transcription | Karl Bauer", "Author: Simon Feld",
                     "[Source: The Torch, Vol. 2, No. 6, June 1919. Transcribed by Helen Marsh.]",
                     "Transcribed by A. Penrose; marked up by N. Lind.", "This speech was delivered on 7 June 1921.",
                     "To the Editor of The Evening Courier", "Whitehall, London.", "Sir,", "Yours faithfully,",
                     "I remain, my Lord,", "P.S. Send more leaflets.", "* * *", "***", "[Illustration]",
                     "[Illustration: A cottage.]", "CHAPTER VII", "THE GREAT LOCKOUT", "I", "2", "Introduction",
                     "March 3–9, 1902", "(1–3 May 1920)", "Tom Hewlett (1868–1931)", "The Strike Committee",
                     "Last updated 19.11.2004", "© 2001 Archive of Writing. All rights reserved.",
                     "The Project Gutenberg EBook of A Book, by An Author",
                     "*** START OF THIS PROJECT GUTENBERG EBOOK A BOOK ***",
                     "*** END OF THIS PROJECT GUTENBERG EBOOK A BOOK ***", "Produced by A Volunteer",
                     "Notes and References", "(1) A parenthesised note.", "Contents", "Part I. The War"]),
    st.text(CHARS, min_size=1, max_size=80),  # anything at all
)
SEPARATOR = st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n", "\n\t\n\n\n\n", "\r\n", "\n\u00a0\n", "\f", "\n\v"])


@st.composite
def documents(draw) -> str:
    lines = draw(st.lists(LINE, min_size=1, max_size=25))
    out = []
    for line in lines:
        out.append(line)
        out.append(draw(SEPARATOR))
    text = "".join(out)
    return text if text.strip() else "x"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents())
def test_any_text_converts_lossless_and_valid(text: str, tei_all_rng_if_present: Path | None):
    result = convert_string(text, "generated")
    root = etree.fromstring(result.tei)
    assert comparable(reading_text(root)) == comparable(text)
    if tei_all_rng_if_present is not None:  # validity needs ../shared/tei-p5 (skipped without it)
        assert tei_all_errors(tei_all_rng_if_present, root) == []


@settings(max_examples=60, deadline=None)
@given(text=st.text(CHARS, min_size=1, max_size=400).filter(str.strip))
def test_arbitrary_unicode_is_lossless(text: str):
    root = etree.fromstring(convert_string(text, "unicode").tei)
    assert comparable(reading_text(root)) == comparable(text)

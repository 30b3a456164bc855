"""Passages in another language than the document's carry xml:lang, judged per division or block."""

from __future__ import annotations

from helpers import NS, tei_tree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENGLISH = ("The committee met in the evening and decided, after a long discussion about the state of the "
           "roads, that the work should begin in the spring.")


def test_a_french_paragraph_in_an_english_text_is_marked():
    french = ("Le comité s’est réuni le soir et a décidé, après une longue discussion sur l’état des routes, "
              "que les travaux commenceraient au printemps.")
    root = tei_tree(f"A Report\n\n{ENGLISH}\n\n{french}\n\n{ENGLISH}\n")
    langs = [p.get(XML_LANG) for p in root.iterfind(".//t:body/t:p", NS)]
    assert langs == [None, "fr", None]
    assert [lang.get("ident") for lang in root.iterfind(".//t:langUsage/t:language", NS)] == ["en", "fr"]


def test_short_lines_alone_are_not_judged():
    root = tei_tree(f"A Report\n\n{ENGLISH}\n\nMerci.\n\n{ENGLISH}\n")
    # only the document and its text state the language (text/@xml:lang: the whole text's)
    assert not [e for e in root.iter() if e.get(XML_LANG) and e.tag.split("}")[1] not in ("TEI", "teiCorpus", "text")]

"""Rules of language switches: a passage in another language than the document's."""

from teikit.evidence import RuleTable

LANGUAGE = RuleTable("language", "xml:lang on a division or block in another language", {
    "detected": (1.0, "times the detector's confidence in the other language"),
}, {"high": 0.9, "medium": 0.75, "min-letters-division": 20, "min-letters-block": 40,
    # a block with this many of its language's commonest words, and several times more than
    # of any other's, is in that language without asking the detector
    "clear-stopwords": 6, "clear-ratio": 4})

TEXT_LANGUAGE = RuleTable("text-language", "the language of the whole text (TEI, text and langUsage)", {
    "majority": (1.0, "times the share of the text's paragraphs (by letters) the detector finds in another "
                      "language than the reader's guess"),
}, {"high": 0.9, "medium": 0.6, "majority": 0.6,
    # too few letters for a judgement: the reader's guess (its common words, else English) stands
    "min-letters": 200,
    # the paragraphs judged: enough text, not the whole of a long book
    "sample": 4000})

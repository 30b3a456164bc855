"""Rules of footnote markers: which marks in the text are a note's marker."""

from teikit.evidence import RuleTable
from teikit.weights.structure import CERT

NOTE_MARKER = RuleTable("note-marker", "a mark in the text that points at a note", {
    "bracketed": (0.9, "the note's number or symbol in brackets ('[1]', '[*]')"),
    "parenthesised": (0.8, "the note's number in parentheses ('(1)') where the notes open so"),
    "superscript": (0.9, "the note's number in superscript digits"),
    "symbol": (0.9, "the note's symbol right after a word ('phrase.*')"),
    "glued-number": (0.7, "the note's number glued to a word or punctuation ('revolution.12')"),
}, CERT)

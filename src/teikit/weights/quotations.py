"""Rules of the quotation pass: a marked quotation's type and speaker, speech no mark shows,
verse set off in prose, a paragraph the one before introduces, and a written source named.

The type of a marked quotation is a decision list (``teikit.enrich.quote_types.classify``):
the branches are tried in the order below and the first whose rule fires decides; the rule's
weight is the certainty it gives (from 0.8 ``high``, from 0.6 ``medium``, below ``low``:
``CERT``). A rule weighing ``STEP`` raises the certainty of the branch that fired by one level;
one weighing ``-STEP`` lowers it. Rules weighing 0 say why something holds (whose words, what
stops a finding) without changing how sure it is. A switched-off rule never fires: its branch
is passed over and the next one decides.
"""

from teikit.evidence import RuleTable
from teikit.weights.structure import CERT, GUESS, LIKELY, SURE

# One level of certainty (low to medium, medium to high).
STEP = 0.2

QUOTATION_TYPE = RuleTable("quotation-type", "a marked quotation's element: said, quote, soCalled or q", {
    # the words right around it
    "so-called-cue": (SURE, "soCalled: the text calls it so ('the so-called “…”', 'dubbed “…”')"),
    "reference-after": (SURE, "quote: a reference in brackets follows it ('“…” (Capital, vol. 1, p. 12)')"),
    "speech-tag": (SURE, "said: a speech tag follows it ('“…,” said she', '“…,” the old man remarked')"),
    "ascribed-after": (LIKELY, "quote: the words are ascribed after it ('“…”, to use his expression', "
                               "'“…”, as the song has it')"),
    "mention-cue": (LIKELY, "q: introduced as a name or term ('the word “…”', 'entitled “…”'), a few words"),
    # a short phrase that is no sentence, with no colon, no speech or writing verb just before
    # it, no clause, no question
    "greeting": (GUESS, "said: it opens with a greeting or an interjection ('Hurrah for …', 'Good night')"),
    "phrase": (GUESS, "quote: a phrase of three words or more with no clause: someone else's words, longer "
                      "than scare quotes"),
    "short-phrase": (LIKELY, "soCalled: a short phrase, not a sentence (a word or two, or a few words after a "
                             "written source): scare quotes"),
    "lower-case-words": (STEP, "... one or two words in lower case"),
    # what introduces it (the cue nearest the quotation decides between speech and writing)
    "written-cue": (LIKELY, "quote: a writing verb or a written thing before it, nearer than any speech verb "
                            "('the resolution states: “…”')"),
    "source-named-earlier": (LIKELY, "quote: no speech verb, and its sentence points back ('it', 'this') at a "
                                     "written thing named earlier in the paragraph"),
    "author-says": (LIKELY, "quote: 'says' in a paragraph that names a written thing: an author cited"),
    "writing-verb-and-thing": (STEP, "... both a writing verb and a written thing name its source"),
    "writing-verb-near": (STEP, "... the writing verb a few words before it, or with a colon"),
    "speech-verb": (LIKELY, "said: a speech verb before it ('she cried, “…”')"),
    "speech-verb-near": (STEP, "... the speech verb a few words before it, or a colon before it"),
    # the fallbacks: what the quotation says, and whether the work reports speech
    "fragment-in-dialogue": (GUESS, "said: a fragment of a clause, no colon before it, in a work that reports "
                                    "speech: someone's words"),
    "fragment": (GUESS, "q: a fragment of a clause, no colon before it: someone's words"),
    "personal-paragraph": (LIKELY, "said: a paragraph of first- or second-person speech, or of questions"),
    "personal-sentences": (GUESS, "said: first- or second-person sentences, or questions"),
    "dialogue-sentences": (GUESS, "said: sentences in a work that reports speech"),
    "long-block": (GUESS, "quote: a long block quotation"),
    "clause-in-dialogue": (GUESS, "said: words of a clause (a pronoun, an auxiliary) in a work that reports "
                                  "speech, nothing else telling"),
    "nothing-tells": (GUESS, "q: nothing tells its kind"),
}, {**CERT,
    # how much of the text around a quotation is read (characters)
    "cue-chars": 40, "sentence-before-chars": 300, "sentence-after-chars": 200, "earlier-chars": 1500,
    # words: a mention, a verb "near" a quotation, a short phrase, scare quotes, a sentence, a long block
    "mention-words": 12, "near-words": 4,
    # a written thing with no writing verb names the quotation's source only this close before it
    "source-near-words": 6, "short-phrase-words": 5, "scare-quote-words": 2,
    "sentence-words": 3, "long-sentence-words": 8, "long-block-words": 30,
    # quotations with a speech tag (high) and speech without marks (medium) that make a work one
    # that reports speech
    "dialogue": 3})

QUOTATION_SPEAKER = RuleTable("quotation-speaker", "who speaks direct speech (@who): which rule found the "
                                                   "speaker, and which person it is", {
    "tag-inverted": (0.0, "the subject after the verb of the speech tag after it ('“…,” said Mrs Brown')"),
    "tag-subject": (0.0, "the subject before the verb of the speech tag after it ('“…,” Mrs Brown said')"),
    "inverted-subject": (0.0, "the subject right after the speech verb before it ('said Mrs Brown: “…”')"),
    "narrator": (0.0, "'I' just before the speech verb: the narrator"),
    "subject-before": (0.0, "the nearest name before the speech verb ('Brown, rising, said: “…”'), not after a "
                            "preposition nor a common word opening the sentence"),
    "narrator-is-author": (0.0, "the narrator is the work's (first) author"),
    "no-name": (0.0, "the speaker found names nobody: a pronoun or its contraction ('I’ve'), a description "
                     "('his father'), a word that opens a sentence ('If'): no person entry"),
    "same-name": (0.0, "a person of the document has the speaker's name"),
    "same-last-word": (0.0, "a person of the document has a name ending with the speaker's last word"),
})

SPEAKER_PERSON = RuleTable("speaker-person", "a person entry the quotation pass makes for a speaker", {
    "named-speaker": (LIKELY, "named in the text as the speaker of direct speech, and no person of the "
                              "document has the name"),
}, CERT)

UNMARKED_SPEECH = RuleTable("unmarked-speech", "speech only a closing quotation mark shows: said, low or medium", {
    "closing-mark": (GUESS, "a closing mark no mark opened: the speech opens at a turn or at its sentence"),
    "narration": (0.0, "the words before it read as narration (a person acting in the past, nobody addressed): "
                       "the mark proves nothing"),
    "cued-at-turn": (STEP, "speech cues in it (someone addressed, the speaker's own present, a question or "
                           "exclamation, an interjection, a greeting), and it opens where a turn may (a dash, a "
                           "reporting clause) or at the paragraph's start"),
}, {**CERT, "dash-after-sentence-chars": 8})

QUOTED_VERSE = RuleTable("quoted-verse", "lines of verse set off in prose, with no quotation marks: quote", {
    "motto": (GUESS, "they stand right under a heading: a motto"),
    "in-prose": (GUESS, "they stand after a paragraph of prose"),
}, {**CERT,
    # the longest line of verse (characters; a quotation over paragraphs this short is verse too),
    # its fewest words, and the fewest lines of a run (one indented line only when introduced)
    "line-chars": 70, "line-words": 2, "run-lines": 2,
    # a work is prose when paragraphs longer than this hold this share of its text
    "prose-paragraph-chars": 100, "prose-share": 0.5,
    # lines say something only where this share of its prose paragraphs is parted by blank lines
    "blank-line-share": 0.8})

WRITTEN_SOURCE = RuleTable("written-source", "the written source of a quotation: bibl (and cit)", {
    "bracketed-reference": (SURE, "a reference in brackets right after it: the quotation and the reference in "
                                  "cit (no @cert)"),
    "title": (LIKELY, "a title ending with a written thing before it ('The Open Letter')"),
    "written-thing": (LIKELY, "a written thing with its determiner before it ('a truly remarkable letter')"),
    "points-back": (0.0, "its sentence points back ('it states'): the source is sought in the sentence before"),
}, {**CERT, "earlier-chars": 400, "determiner-words": 4})

QUOTATION_MARKS = RuleTable("quotation-marks", "marks that prove no quotation, reported for review", {
    "unclosed": (0.0, "an opening mark never closed: nothing marked"),
    "unopened": (0.0, "a closing mark never opened, that no speech without marks explains: nothing marked"),
})

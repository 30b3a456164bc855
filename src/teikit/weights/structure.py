"""Rules of the structure reader: what role each block of the input plays.

Gate rules (a labelled line is metadata) carry the weight of the certainty they give: from
0.8 a decision is ``high``, from 0.6 ``medium``, below ``low`` (``CERT``). Scored rules
(heading shape, heading in context) add up to a score compared with a threshold.
"""

from teikit.evidence import RuleTable

# Certainty from a score, for every table of this module.
CERT = {"high": 0.8, "medium": 0.6}
SURE, LIKELY, GUESS = 0.9, 0.7, 0.5

SIGNALS = RuleTable("signals", "the limits of the signals a block is judged by (no rules: what a signal is)", {}, {
    # a date alone, and "Place, date": at most so many characters, the place so many words
    "date-chars": 60, "dateline-chars": 80, "dateline-place-words": 5,
    # a "Label: value" line, its label's words; a metadata sentence, its sentences
    "label-line-chars": 400, "label-words": 5, "metadata-sentence-chars": 250, "metadata-sentences": 2,
    # a byline; a name alone (words, characters); a salutation (characters, words); a notes heading
    "byline-chars": 80, "name-words": 5, "name-chars": 50, "salute-chars": 60, "salute-words": 8,
    "notes-heading-chars": 60, "numbered-heading-chars": 80,
    # page chrome: a breadcrumb's parts and their length, a navigation line, a comment form's line, a posting line
    "breadcrumb-parts": 3, "breadcrumb-part-chars": 120, "navigation-chars": 120, "comment-chars": 300,
    "posting-chars": 120,
    # prose (sentences), a line in capitals (letters), a language guessed (words, commonest words)
    "prose-sentences": 3, "all-caps-letters": 3, "language-words": 3, "language-stopwords": 2,
})

PARAGRAPH = RuleTable("paragraph", "prose that anchors the reading: a paragraph or a note's text", {
    "long": (SURE, "paragraph-sized: long, or several sentences, or many words"),
    "sentence": (LIKELY, "a sentence of eight words or more that ends like prose and is not heading-shaped"),
}, {**CERT, "long-chars": 200, "long-sentences-chars": 100, "long-words": 30, "sentence-words": 8,
    "heading-shape-below": 0.5})

HEADING_SHAPE = RuleTable("heading-shape", "how much a block alone looks like a heading (0..1)", {
    "numbered": (0.9, "a numbered heading ('II. The Machine', 'CHAPTER IV')"),
    "all-caps": (0.85, "written in capitals"),
    "capitalised": (0.25, "starts with a capital"),
    "capital-words": (0.45, "times the share of content words with a capital"),
    "short": (0.1, "eight words or fewer"),
    "lowercase": (0.05, "starts in lower case: hardly a heading"),
    "ends-comma": (-0.6, "ends with a comma or semicolon: runs on"),
    "ends-full-stop": (-0.45, "ends with a full stop"),
    "ends-colon-dash": (-0.45, "ends with a colon or dash: runs on into what follows"),
    "lone-exclamation": (-0.3, "a one-word exclamation"),
    "attribution-or-turn": (-0.6, "an attribution ('— Karl Marx') or a speaker's turn ('Question: ...?')"),
    "closes-quotation": (-0.5, "ends someone's words with a closing mark it never opened"),
    "dialogue": (-0.5, "someone's words with their speech tag, or one quoted sentence"),
    "sentences": (-0.4, "more than one sentence"),
    "many-words": (-0.15, "more than ten words"),
}, {"max-chars": 110, "max-words": 16, "short-words": 8, "many-words": 10, "list-item-words": 4,
    # below this share of capitalised words, a labelled or quoted line is speech, not a title
    "quoted-cap-share": 0.6})

HEADING = RuleTable("heading", "a short block in the body: a section heading or a paragraph", {
    "shape": (1.0, "times the block's heading shape"),
    "last-block": (-0.3, "nothing follows it in the body"),
    "before-paragraph": (0.2, "a paragraph starting with a capital follows"),
    "before-lowercase": (-0.5, "what follows starts in lower case: the sentence runs on"),
    "runs-on": (-0.3, "short lines running on with no blank line: verse, a list, an address"),
    "after-short-line": (-0.2, "right under a short line that is no paragraph"),
    "stands-alone": (0.1, "a short line standing alone between blank lines"),
}, {**CERT, "head": 0.6, "doubtful-paragraph": 0.45, "alone-words": 8, "heading-like-next": 0.8})

TITLE_BLOCK = RuleTable("title-block", "the lines above the text: title, subtitle, author, byline, date", {
    "date-line": (SURE, "a date alone, or 'Place, date'"),
    "byline": (SURE, "'by' and a name"),
    "author-initials": (SURE, "a name with initials above the title"),
    "author-first": (LIKELY, "a name-shaped first line of several"),
    "title": (SURE, "the first title-like line of a block of several"),
    "title-alone": (LIKELY, "a title-like line standing alone"),
    "title-continued": (LIKELY, "a lower-case line continuing the title"),
    "byline-mentions-author": (LIKELY, "a line naming the author found above"),
    "subtitle": (LIKELY, "a further title-like line"),
}, {**CERT,
    # a title-like line: heading-shaped, or a short line in sentence case (words); a heading-like line
    # after a date line or byline opens the body; with nothing title-like, the first lines (at most)
    "title-shape": 0.4, "title-words": 12, "opens-body-shape": 0.6, "first-lines": 3})

METADATA = RuleTable("metadata", "labelled lines about the text ('Written: 1936', 'Transcribed by ...')", {
    "labelled": (SURE, "a known label and a value, or a metadata sentence"),
    "in-labelled-group": (LIKELY, "an unlabelled line of the labelled lines' group"),
}, CERT)

CHROME = RuleTable("chrome", "a web page's own lines: navigation, posting line, comment form", {
    "breadcrumb": (SURE, "'Home › Section › Page'"),
    "posting": (SURE, "a date and a poster ('posted by ...')"),
    "comment-form": (SURE, "the words of a comment form"),
    "navigation": (GUESS, "the site's navigation ('Top of the page', 'Archive | Index')"),
    "page-title": (LIKELY, "the page's heading repeating the title, or heading-shaped above it"),
    "page-header": (GUESS, "above the title, nothing else"),
    "page-footer": (GUESS, "below the text with navigation, comment or foreign lines"),
}, {**CERT, "page-title-shape": 0.6})

NOTES = RuleTable("notes", "notes, their heading and editors' notes before the text", {
    "heading": (SURE, "a notes heading ('Notes', 'Editor's note', 'Note by ...')"),
    "under-heading": (SURE, "a block under a notes heading"),
    "bracketed-marker": (LIKELY, "a trailing block opening with a bracketed marker ('[1] ...')"),
    "symbol-marker": (LIKELY, "a trailing block opening with a symbol the text uses as a marker"),
    "editor-note-first": (LIKELY, "an editor's notes heading and one paragraph before the text"),
}, {**CERT, "heading-like": 0.6})

CONTENTS = RuleTable("contents", "a table of contents before the text", {
    "heading": (SURE, "a 'Contents' heading"),
    "entry": (SURE, "an entry, up to the first entry's heading in the text"),
}, CERT)

LETTER = RuleTable("letter", "a letter's opening and closing lines", {
    "opening-salute": (LIKELY, "the first line of the body is a salutation ('Dear comrades,')"),
    "dateline": (SURE, "a date (and place) just before the end"),
    "place-dateline": (LIKELY, "a place with a date that is not a calendar date alone"),
    "place-under-signature": (GUESS, "'Place, Region' right under a name"),
    "signature-initials": (SURE, "a name with initials at the end"),
    "signature": (LIKELY, "a name-shaped line at the end"),
    "closing-salute": (LIKELY, "a line ending with a comma above the signature"),
}, {**CERT, "closer-lines": 3})

LAYOUT = RuleTable("layout", "blocks the reader keeps together or moves", {
    "joins-previous": (0.0, "continues the block above (a wrapped title, lines of verse or a list)"),
    "no-paragraph": (0.0, "a text with no paragraph: its lines become the body"),
    "unclaimed": (0.0, "kept where it stands, no rule claimed it (what follows a text's notes)"),
}, CERT)

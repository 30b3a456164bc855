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
    # a website's section line (words); a line of a postal address (characters)
    "section-words": 4, "address-chars": 90,
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
    "quoted-exclamation": (-0.6, "a few words in quotation marks ending with '!' or '?': someone's words"),
    "salutation": (-0.6, "a letter's salutation ('Dear Jenny:') quoted in the text"),
    "attribution-or-turn": (-0.6, "an attribution ('— Karl Marx') or a speaker's turn ('Question: ...?')"),
    "closes-quotation": (-0.5, "ends someone's words with a closing mark it never opened"),
    "dialogue": (-0.5, "someone's words with their speech tag, or one quoted sentence"),
    "sentences": (-0.4, "more than one sentence"),
    "many-words": (-0.15, "more than ten words"),
}, {"max-chars": 110, "max-words": 16, "short-words": 8, "many-words": 10, "list-item-words": 4,
    "quoted-exclamation-words": 3,
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
    "lone-number": (-0.7, "a number alone that is no step of a count (a page's number)"),
    "dated-entry": (0.6, "a date alone between paragraphs: a diary's or a chronicle's entry"),
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
    "date-range": (SURE, "a range of dates alone ('March 3–9, 1902')"),
    "described-date": (LIKELY, "a short line stating one date ('Speech in the House, 10 July 1908')"),
    "by-alone": (SURE, "'BY' alone on its line, the name on the next"),
    "name-colon-title": (SURE, "'Name: Title': the name is the author, the rest the title"),
    "letter-heading": (SURE, "'Name to Name': a letter's heading, naming its writer"),
    "collection": (LIKELY, "a collection the work belongs to ('Collected Writings of X, 1922'): not the title"),
    "series": (LIKELY, "a series and its number ('Pamphlets of the League — No. 14'): not the title"),
    "group-author": (LIKELY, "a line naming a group ('The Strike Committee') above or below the title"),
    "author-after-title": (LIKELY, "a name-shaped line under the title, no author above"),
    "chapter-title": (LIKELY, "a chapter's heading on a page of that chapter only: the work's title"),
    "book-title": (LIKELY, "the book's title above its chapter's, on a chapter's page: a subtitle"),
    "publication-line": (LIKELY, "'Periodical, 1909' under the author: where the work was published"),
    "imprint": (LIKELY, "a title page's imprint: the place or the publisher"),
    "section-heading-opens-body": (LIKELY, "'Introduction', 'Preface' under the title: the text's first heading"),
    "sentence-opens-body": (LIKELY, "a short sentence under the title block: the text's first paragraph"),
    "epigraph-opens-body": (LIKELY, "a quoted sentence or its attribution ('— Luke x. 7') under the title block"),
    "page-title": (LIKELY, "a title above the first work's own, on a page of several works: the page's"),
}, {**CERT,
    # a title-like line: heading-shaped, or a short line in sentence case (words); a heading-like line
    # after a date line or byline opens the body; with nothing title-like, the first lines (at most)
    "title-shape": 0.4, "title-words": 12, "opens-body-shape": 0.6, "first-lines": 3,
    # a short sentence under the title block that opens the body (words at least); a title ending with a
    # full stop (its share of capitalised words at least)
    "sentence-words": 4, "stopped-title-capitals": 0.6})

METADATA = RuleTable("metadata", "labelled lines about the text ('Written: 1936', 'Transcribed by ...')", {
    "labelled": (SURE, "a known label and a value, or a metadata sentence"),
    "in-labelled-group": (LIKELY, "an unlabelled line of the labelled lines' group"),
    "table-row": (SURE, "a row of a two-column table copied from a wiki ('Written | 1931')"),
    "bracketed-note": (LIKELY, "a bracketed source note whose clauses are credits ('[Source: ...]')"),
    "headnote": (LIKELY, "an editor's sentence about the text before or after it ('This speech was delivered ...')"),
}, CERT)

CHROME = RuleTable("chrome", "a web page's own lines: navigation, posting line, comment form", {
    "breadcrumb": (SURE, "'Home › Section › Page'"),
    "posting": (SURE, "a date and a poster ('posted by ...')"),
    "comment-form": (SURE, "the words of a comment form"),
    "navigation": (GUESS, "the site's navigation ('Top of the page', 'Archive | Index')"),
    "page-title": (LIKELY, "the page's heading repeating the title, or heading-shaped above it"),
    "page-header": (GUESS, "above the title, nothing else"),
    "page-footer": (GUESS, "below the text with navigation, comment or foreign lines"),
    "site-section": (LIKELY, "a website's section named above the title ('Articles', 'Speeches')"),
    "site-name": (LIKELY, "the page's first line naming the website ('Labour History Archive') above the title"),
    "footer": (LIKELY, "the site's own lines at the foot: copyright, upkeep, contact, last changes"),
    "archive-header": (SURE, "a text archive's banner and header (a named convention)"),
    "archive-footer": (SURE, "a text archive's closing lines and licence (a named convention)"),
}, {**CERT, "page-title-shape": 0.6})

NOTES = RuleTable("notes", "notes, their heading and editors' notes before the text", {
    "heading": (SURE, "a notes heading ('Notes', 'Editor's note', 'Note by ...')"),
    "under-heading": (SURE, "a block under a notes heading"),
    "bracketed-marker": (LIKELY, "a trailing block opening with a bracketed marker ('[1] ...')"),
    "symbol-marker": (LIKELY, "a trailing block opening with a symbol the text uses as a marker"),
    "editor-note-first": (LIKELY, "an editor's notes heading and one paragraph before the text"),
    "parenthesised-marker": (LIKELY, "a trailing block opening with '(1)' where the text has '(1)'"),
    "continues-note": (LIKELY, "a block without a marker under a note with one: the note's next paragraph"),
}, {**CERT, "heading-like": 0.6})

CONTENTS = RuleTable("contents", "a table of contents before the text", {
    "heading": (SURE, "a 'Contents' heading"),
    "entry": (SURE, "an entry, up to the first entry's heading in the text"),
    "unheaded": (LIKELY, "numbered entries one under another before the text, with no 'Contents' heading"),
}, {**CERT, "unheaded-entries": 3})

LETTER = RuleTable("letter", "a letter's opening and closing lines", {
    "opening-salute": (LIKELY, "the first line of the body is a salutation ('Dear comrades,')"),
    "opener-dateline": (SURE, "a date (and place) right above the salutation"),
    "addressee": (LIKELY, "'To the Editor of ...' between the title and the salutation"),
    "address": (LIKELY, "a postal address above the salutation: lines ending with a comma or full stop"),
    "closing-formula": (SURE, "a closing formula ('Yours fraternally,', 'I remain, my Lord,')"),
    "signature-group": (LIKELY, "a group signing at the end ('The Strike Committee')"),
    "signature-line": (LIKELY, "a short line under a closing salutation: the signature"),
    "signature-office": (LIKELY, "the signer's office or address under the name ('General Secretary')"),
    "closer-dateline-above": (LIKELY, "a date (and place) right above the signature"),
    "postscript": (SURE, "a postscript after the closer ('P.S. ...')"),
    "signatories": (LIKELY, "names one under another at the end: those who sign a manifesto"),
    "dateline": (SURE, "a date (and place) just before the end"),
    "place-dateline": (LIKELY, "a place with a date that is not a calendar date alone"),
    "place-under-signature": (GUESS, "'Place, Region' right under a name"),
    "signature-initials": (SURE, "a name with initials at the end"),
    "signature": (LIKELY, "a name-shaped line at the end"),
    "closing-salute": (LIKELY, "a line ending with a comma above the signature"),
}, {**CERT, "closer-lines": 3, "signature-lines": 3, "closing-salutes": 3, "address-lines": 6,
    # names one under another that sign a text: at least, at most
    "signatories-least": 3, "signatories-most": 40})

HEADER_FACTS = RuleTable("header-facts", "facts of the header chosen among what the text states", {
    "author-line": (SURE, "a line names the author: an author line, a byline, 'Name: Title', a letter's heading"),
    "author-collection": (LIKELY, "no line names the author: the collection line does ('Letters of X')"),
    "author-headnote": (LIKELY, "no line names the author: the editor's headnote does ('This leaflet by X ...')"),
    "author-signature": (LIKELY, "no line names the author: the text's signature does"),
    "author-archive": (SURE, "a text archive's own 'Author:' field or banner"),
    "date-written": (SURE, "the date of writing the credits state ('Written: ...')"),
    "date-opener": (SURE, "a letter's opening dateline"),
    "date-title-block": (SURE, "the title block's date line"),
    "date-closer": (LIKELY, "the closing dateline"),
    "date-headnote": (LIKELY, "the date an editor's headnote gives ('delivered ... on 7 June 1921')"),
    "date-title": (LIKELY, "a date in brackets closing the title ('The Crisis (May 1917)')"),
    "date-first-published": (GUESS, "nothing else dates the work: its first publication"),
    "date-source": (GUESS, "nothing else dates the work: the issue of its source ('Vol. 2, No. 6, June 1919')"),
    "letter": (LIKELY, "a letter's salutation and its date, address or signature: sent by, to, from, when"),
}, CERT)

GENRE = RuleTable("genre", "the kind of text (profileDesc/textClass), from what the reader decided", {
    "letter": (LIKELY, "the reader took the work for a letter (its correspDesc)"),
    "chapter": (LIKELY, "the work's title is a chapter's heading under the book's title"),
    "speech": (LIKELY, "its date line, headnote or credits say it was a speech ('Delivered 12 May 1922')"),
    "article": (GUESS, "it was first published in a periodical (a journal's title, volume or issue)"),
}, CERT)

BLOCK = RuleTable("block", "blocks that are neither prose nor headings", {
    "separator": (SURE, "a line that only separates sections ('* * *', '***', '*')"),
    "figure": (SURE, "a transcription's mark of an illustration ('[Illustration: ...]')"),
}, CERT)

WORKS = RuleTable("works", "where a file's next work starts", {
    "title-block": (LIKELY, "a title block after an earlier work's body"),
    "letter-boundary": (LIKELY, "a letter's opener after another letter's closer"),
}, CERT)

LAYOUT = RuleTable("layout", "blocks the reader keeps together or moves", {
    "joins-previous": (0.0, "continues the block above (a wrapped title, lines of verse or a list)"),
    "no-paragraph": (0.0, "a text with no paragraph: its lines become the body"),
    "unclaimed": (0.0, "kept where it stands, no rule claimed it (what follows a text's notes)"),
    "heading-continued": (0.0, "a heading's second line, with no blank line between them"),
}, {**CERT,
    # a text is hard-wrapped when the line at this quantile of lengths (the width) is between these widths,
    # no more than this share of its lines is longer than so many times the width, this share of its lines
    # is followed by another line, and this share of its lines is within so many characters under the
    # width, or this share of the lines followed by another ends there with the next line going on from it
    "wrap-quantile": 0.9, "wrap-max-width": 110, "wrap-min-width": 30, "wrap-over": 1.5, "wrap-over-share": 0.1,
    "wrap-near": 20, "wrap-near-share": 0.4, "wrap-continued-share": 0.3, "wrap-run-share": 0.7,
    # a line goes on on the next when the next one's first word would not have fitted within this slack
    "wrap-slack": 6})

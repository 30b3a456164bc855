"""Per-block signals the structure reader weighs: shape, case, punctuation, cues.

Each signal is cheap and weak on its own; ``structure`` combines them with position and
neighbours. Nothing here decides a role.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from teikit.dates import find_dates, parse_date, parse_range
from teikit.evidence import Evidence
from teikit.folding import lowered
from teikit.lang import LANGUAGES, alternation, en, gather, xx
from teikit.readers import credits as cr
from teikit.readers.layout import SourceBlock
from teikit.weights.structure import HEADING_SHAPE, PARAGRAPH, SIGNALS

_S = SIGNALS.thresholds

# Words a title leaves in lower case, in every language the reader knows.
FUNCTION_WORDS = frozenset(gather("TITLE_SMALL_WORDS"))

TERMINAL = ".;:,—–"
SENTENCE_BREAK = re.compile(r"[.!?…][”’\"»)]?\s+[“‘\"«(]?[A-Z]")
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*", re.UNICODE)
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.(?:-[A-Z]\.)?$")
OPENING_SALUTE = re.compile(rf"^(?:{alternation(gather('OPENING_SALUTE_PATTERNS'))})\b", re.I)
# The word some languages put between a dateline's place and its date ("Paris, le 28 août 1936",
# "Berlin, den 5. Mai 1920", "Madrid, el 3 de mayo de 1937").
_DATELINE_ARTICLE = re.compile(rf"(?:^|\s)(?:{alternation(dict.fromkeys(gather('DATELINE_ARTICLES')))})$", re.I)
# A speaker's label before their words ("Question:", "Rivera:", "Q.:").
_SPEAKER_LABEL = re.compile(r"^[A-Z][\w’'.-]{0,24}(?:\s[A-Z][\w’'.-]{0,24})?\s?:\s+\S")
_QUOTE_PAIRS = {"’": "‘", "”": "“", "»": "«"}
# A quotation with words of its own around it: a comma, "!" or "?" closing it before a lower-case
# word ("‘Very,’ said Alice"; not "The “Reward” for Capitulation"), or a
# clause opening a quotation after ";" or ":"; or a line of exclamations in marks. A line that is one
# quoted sentence in sentence case is a line of dialogue ("“And your uncle?”"), not a title in marks
# ("“What Is To Be Done?”").
_DIALOGUE_LINE = re.compile(r"[,!?][’”»\"]\s+[a-z]|[;:]\s+[‘“«\"]|^\s*[‘“«\"][^‘“«\"]*[!?][^‘“«\"]*[!?]")
_QUOTED_LINE = re.compile(r"^\s*[‘“«\"][^‘“«\"]{2,}[’”»\"][.,]?\s*$")
_QUOTED_SENTENCE = re.compile(r"^\s*[‘“«\"][^‘“«\"]+[.!?…][’”»\"]\s*$")


def _closes_a_quotation(text: str) -> bool:
    """The text ends with a closing quotation mark it never opened."""
    last = text.rstrip()[-1:]
    if last == '"':
        return text.count('"') % 2 == 1
    return last in _QUOTE_PAIRS and _QUOTE_PAIRS[last] not in text


BYLINE_WORDS = frozenset(gather("BYLINE_WORDS"))
BYLINE = re.compile(rf"^(?:{alternation(dict.fromkeys(gather('BYLINE_WORDS')))})\s+(?P<name>\S.*)$", re.I)
NUMBERED_HEADING = re.compile(
    rf"^(?:(?:{alternation(gather('DIVISION_WORDS'))})\s+\w+\.?(?:[.:—–]\s+\S.*)?|"
    r"[IVXLC]{1,6}\.?|\d{1,2}\.?|[IVXLC]{1,6}\.\s+\S.*|\d{1,2}\.\s+[A-Z].*)$", re.I)
NOTES_HEADING = re.compile(
    rf"^(?:(?P<plain>{alternation(gather('NOTES_HEADING_PATTERNS'))})|"
    rf"(?P<editor>{alternation(gather('EDITOR_NOTES_PATTERNS'))})|"
    rf"(?P<translator>{alternation(gather('TRANSLATOR_NOTES_PATTERNS'))})|"
    rf"(?:{alternation(gather('NOTES_BY_PATTERNS'))}) (?P<by>[^\s].{{0,40}}?))\s*:?$", re.I)
NOTE_START = re.compile(r"^\s*(?:\[(?P<b>\d{1,3}|[*†‡§]+)\]|\((?P<p>\d{1,3})\)\s|(?P<d>\d{1,3})[.)]\s|(?P<s>[*†‡§]+)\s?|"
                        r"(?P<u>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s?)")
METADATA_LABEL = re.compile(r"^(?P<label>[A-Z][\w’' /\\&.-]{0,38}?)\s?:\s+(?P<value>\S.*)$", re.S)
SEPARATOR = re.compile(r"^\s*(?:[*·•~§#=_+]\s*){1,9}$|^\s*(?:[-–—]\s*){3,}$")
FIGURE = re.compile(rf"^\s*\[\s*(?:{alternation(gather('FIGURE_WORDS'))})s?\b[^\[\]]*\]\s*$", re.I)
POSTSCRIPT = re.compile(rf"^\s*(?:{alternation(gather('POSTSCRIPT_PATTERNS'))})", re.I)
CLOSING_SALUTE = re.compile(rf"^\s*(?:{alternation(gather('CLOSING_SALUTE_PATTERNS'))})$", re.I)
SECTION_HEADING = re.compile(rf"^\s*(?:{alternation(gather('SECTION_HEADINGS'))})\W*$", re.I)
COLLECTION = tuple(re.compile(rf"^\s*{pattern}\W*(?:,?\s*(?:\d{{4}}(?:\s*[-–—]\s*\d{{2,4}})?))?\W*$", re.I)
                   for pattern in gather("COLLECTION_PATTERNS"))
SERIES = re.compile(rf"^\s*(?:{alternation(gather('SERIES_PATTERNS'))})\W*$", re.I)
IMPRINT = re.compile(alternation(gather("IMPRINT_PATTERNS")), re.I)
FOOTER_CUES = re.compile(alternation(gather("FOOTER_PATTERNS")), re.I)
SITE_CUES = re.compile(alternation(gather("SITE_PATTERNS")), re.I)
SECTION_WORDS = frozenset(gather("SECTION_WORDS"))
TITLE_NOUNS = frozenset(gather("TITLE_NOUNS"))
NOT_IN_NAMES = frozenset(gather("NOT_IN_NAMES"))
GROUP_LINKS = frozenset(gather("GROUP_NAME_LINKS"))
ARTICLES = frozenset(gather("INDEFINITE_ARTICLES"))
ORG_WORDS = frozenset(w.lower() for w in en.ORG_KEYWORDS)
ADDRESSEE = re.compile(rf"^\s*(?:(?:[IVXLC]+|\d+)\.\s+)?(?:{alternation(gather('ADDRESSEE_PATTERNS'))})\s+"
                       rf"(?P<who>\S.*?)[.,:]?\s*$", re.I)
_HEADING_TO = alternation(gather("LETTER_HEADING_TO"))
LETTER_FROM = re.compile(rf"^\s*(?:{alternation(gather('LETTER_HEADING_FROM'))})\s+(?P<a>.+?)\s+"
                         rf"(?:{_HEADING_TO})\s+(?P<b>.+?)\W*$", re.I)
LETTER_NAME_TO = re.compile(rf"^\s*(?P<a>[^\s:,;].*?)\s+(?:{_HEADING_TO})\s+(?P<b>.+?)[.,;:]?\s*$")
NAME_COLON_TITLE = re.compile(r"^\s*(?P<a>[^:]{3,50}?)\s*:\s+(?P<b>\S.{2,})$")
HEADNOTE_AUTHOR = re.compile(rf"(?:{alternation(gather('HEADNOTE_AUTHOR_PATTERNS'))})(?P<name>(?:[A-Z][\w’'.-]*\s+)"
                             rf"{{0,3}}[A-Z][\w’'-]+)\b")
_TRAILING_YEAR = re.compile(r",\s*(1[5-9]\d\d|20\d\d)\W*$")
# a person's life dates after the name ("(1868–1931)", "(b. 1880)")
LIFE_DATES = re.compile(r"\s*\((?:b\.\s*|born\s+|d\.\s*)?\d{4}\s*(?:[-–—]\s*\d{0,4})?\)\s*$", re.I)
BREADCRUMB_SEP = re.compile(r"\s(?:>|»|›|→|/|\|)\s")

# A comment form's words: English ones count as a line of their own or in their phrases only (a
# title may be "Comments on the Draft Programme" or "A Reply to Our Critics").
COMMENT_CUES = re.compile(alternation(gather("COMMENT_PATTERNS")), re.I)
# A site's navigation at the foot of a page: "Top of the page", "Works Index", "Archive | Index".
NAV_CUES = re.compile(rf"^\W*(?:{alternation(gather('NAVIGATION_PATTERNS'))})\W*$|\S\s+\|\s+\S", re.I)
POSTING_CUES = re.compile(rf"(?:,|\s)(?:{alternation(gather('POSTED_BY_PATTERNS'))})\s+\S|"
                          rf"^(?:{alternation(gather('POSTED_PATTERNS'))})", re.I)

_STOPWORDS = {module.__name__.rsplit(".", 1)[-1]: module.STOPWORDS for module in LANGUAGES}


# word -> the languages it is a common word of (one dictionary look-up per word)
_STOPWORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _stops in _STOPWORDS.items():
    for _word in _stops:
        _STOPWORD_LANGS[_word] = _STOPWORD_LANGS.get(_word, ()) + (_lang,)


def _stopword_counts(words: list[str]) -> dict[str, int]:
    """Each language's count of its common words among ``words`` (each distinct word looked up once)."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    languages = _STOPWORD_LANGS.get
    for word, times in Counter(words).items():
        for lang in languages(word, ()):
            counts[lang] += times
    return counts


def _lowered_words(text: str) -> list[str]:
    """The words of ``text`` in lower case: the text lowered in one call where that lowers it
    character for character (``teikit.folding.lowered``), else each word."""
    low = lowered(text)
    return _WORD.findall(low) if low is not None else [w.lower() for w in _WORD.findall(text)]


def stopword_counts(text: str) -> dict[str, int]:
    """How many of each language's commonest words ``text`` holds."""
    return _stopword_counts(_lowered_words(text))


def guess_language(text: str) -> str | None:
    """A structural cue only (teikit's language pass decides xml:lang): the language whose
    common words dominate ``text``, or None when there is too little evidence."""
    words = _lowered_words(text)
    if len(words) < _S["language-words"]:
        return None
    scores = _stopword_counts(words)
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < _S["language-stopwords"] or ranked[0] == ranked[1]:
        return None
    return best


@dataclass
class Signals:
    """Facts about one source block."""

    block: SourceBlock

    @cached_property
    def text(self) -> str:
        return self.block.text.strip()

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @property
    def length(self) -> int:
        return len(self.text)

    @cached_property
    def sentences(self) -> int:
        return len(SENTENCE_BREAK.findall(self.text)) + 1

    @cached_property
    def is_long(self) -> bool:
        """Paragraph-sized: prose no heading or title block line would be."""
        th = PARAGRAPH.thresholds
        return self.length >= th["long-chars"] or (self.sentences >= 2 and self.length >= th["long-sentences-chars"]) \
            or len(self.words) >= th["long-words"]

    @cached_property
    def paragraph(self) -> Evidence | None:
        """Why the block is prose that anchors the reading (a paragraph, a note's text), or None."""
        if self.label and self.label[1]:
            return None  # a labelled metadata line is no paragraph, however long
        evidence = PARAGRAPH.evidence()
        th = PARAGRAPH.thresholds
        if evidence.check(PARAGRAPH.long, self.is_long, chars=self.length, words=len(self.words),
                          sentences=self.sentences):
            return evidence
        # a line ending with a comma runs on (an address, a salutation): no sentence ends there
        if evidence.check(PARAGRAPH.sentence, ((self.ends_terminal and self.last_char != ",") or self.ends_exclaim) and
                          len(self.words) >= th["sentence-words"] and self.heading_shape < th["heading-shape-below"],
                          words=len(self.words), ends=self.last_char):
            return evidence
        return None

    @cached_property
    def cap_ratio(self) -> float:
        """Share of content words that start with a capital."""
        content = [w for w in self.words if w.lower() not in FUNCTION_WORDS]
        if not content:
            return 0.0
        return sum(w[0].isupper() for w in content) / len(content)

    @cached_property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= _S["all-caps-letters"] and all(c.isupper() for c in letters)

    @cached_property
    def first_alpha(self) -> str:
        for char in self.text:
            if char.isalnum():
                return char
        return ""

    @property
    def starts_lower(self) -> bool:
        return self.first_alpha.islower()

    @property
    def starts_upper(self) -> bool:
        return self.first_alpha.isupper() or self.first_alpha.isdigit()

    @cached_property
    def last_char(self) -> str:
        stripped = self.text.rstrip("”’\"»)]* ")
        return stripped[-1:] if stripped else ""

    @property
    def ends_terminal(self) -> bool:
        return self.last_char in TERMINAL

    @property
    def ends_exclaim(self) -> bool:
        return self.last_char in "!?"

    @cached_property
    def date(self) -> str | None:
        """ISO date when the whole block is a date (parentheses allowed)."""
        if self.length > _S["date-chars"]:
            return None
        return parse_date(self.text)

    @cached_property
    def is_parenthesised(self) -> bool:
        return self.text.startswith(("(", "[")) and self.text.endswith((")", "]"))

    @cached_property
    def dateline(self) -> str | None:
        """ISO date of a closing dateline: a date alone, or 'Place, date'."""
        if self.date:
            return self.date
        if self.length > _S["dateline-chars"] or self.is_long:
            return None
        found = find_dates(self.text)
        if len(found) != 1:
            return None
        match = found[0]
        rest = self.text[match.end:].strip(" .")
        place = _DATELINE_ARTICLE.sub("", self.text[:match.start].strip(" ,")).strip(" ,")
        if rest or not place or len(place.split()) > _S["dateline-place-words"]:
            return None
        if not all(w[0].isupper() for w in _WORD.findall(place)):
            return None
        return match.when

    @cached_property
    def credits(self) -> list[cr.Clause]:
        """The clauses of a credits line (labels, table rows, metadata sentences, a bracketed source
        note), with offsets into the block's text; [] when it is none."""
        if self.length > _S["label-line-chars"]:
            return []
        found = cr.line_clauses(self.block.text)
        if found and not found[0].label and (self.length > _S["metadata-sentence-chars"] or
                                             self.sentences > _S["metadata-sentences"]):
            return []  # a sentence about the text is a headnote only while it is short
        if found and found[0].label and not found[0].table and cr.LABELLED.match(self.text) is None and \
                (self.length > _S["metadata-sentence-chars"] or self.sentences > _S["metadata-sentences"]):
            return []  # a phrase opening a long paragraph ("From the first ...") is prose
        return found

    @cached_property
    def label(self) -> tuple[str, str, int] | None:
        """(label, field, value offset) for a 'Label: value' metadata line, or a metadata
        sentence such as 'Transcribed & marked up by ...' (its first clause); an unknown label has
        the field ""."""
        if self.credits:
            first = self.credits[0]
            return first.label, first.field, first.value_start
        if self.length > _S["label-line-chars"]:
            return None
        match = METADATA_LABEL.match(self.text)
        if not match:
            return None
        label = match.group("label").strip()
        if len(label.split()) > _S["label-words"]:
            return None
        offset = self.block.text.index(self.text) + match.start("value")
        return label, "", offset

    @cached_property
    def byline_name(self) -> str | None:
        if self.length > _S["byline-chars"]:
            return None
        match = BYLINE.match(self.text)
        if match and self._name_shape(match.group("name")):
            return match.group("name").strip()
        return None

    @staticmethod
    def _name_shape(text: str) -> bool:
        tokens = text.strip().rstrip(".").split()
        if not 1 <= len(tokens) <= _S["name-words"]:
            return False
        capitalised = 0
        for token in tokens:
            if token.lower() in xx.NAME_PARTICLES or token.lower() in xx.NAME_LIST_WORDS:
                continue
            if not (token[0].isupper() or _INITIAL.match(token)):
                return False
            if any(ch.isdigit() for ch in token):
                return False
            capitalised += 1
        return capitalised >= 1

    @cached_property
    def has_initials(self) -> bool:
        return any(_INITIAL.match(tok) for tok in self.text.split())

    @cached_property
    def name_like(self) -> bool:
        """Shaped like a personal name ('L. Trotsky', 'A. Tarov', 'Rosa Luxemburg', 'Tom Hewlett (1868–1931)',
        'Rosa Luxemburg, 1913')."""
        text = self.name_part
        if len(text) > _S["name-chars"] or self.ends_exclaim or ":" in text or \
                (self.numbered_heading and len(self.words) <= 1):  # "I.", "V." number a section
            return False
        if any(w.lower() in FUNCTION_WORDS - xx.NAME_PARTICLES or w.lower() in NOT_IN_NAMES for w in _WORD.findall(text)):
            return False
        return self._name_shape(text)

    @cached_property
    def name_part(self) -> str:
        """The text without life dates after a name or a date after a comma ('Rosa Luxemburg, 1913')."""
        text = LIFE_DATES.sub("", self.text)
        head, comma, tail = text.rpartition(",")
        if comma and (parse_date(tail) or _TRAILING_YEAR.search(text)):
            return head.rstrip()
        return text

    @cached_property
    def salute(self) -> bool:
        """A salutation line: short and ending with a comma ('With comradely greetings,')."""
        return self.length <= _S["salute-chars"] and self.text.endswith(",") and len(self.words) <= _S["salute-words"]

    @cached_property
    def opening_salute(self) -> bool:
        return bool(OPENING_SALUTE.match(self.text))

    @cached_property
    def notes_heading(self) -> re.Match | None:
        if self.length > _S["notes-heading-chars"]:
            return None
        return NOTES_HEADING.match(self.text)

    @cached_property
    def note_start(self) -> re.Match | None:
        return NOTE_START.match(self.block.text)

    @cached_property
    def is_breadcrumb(self) -> bool:
        parts = BREADCRUMB_SEP.split(self.text)
        return len(parts) >= _S["breadcrumb-parts"] and all(0 < len(p.strip()) <= _S["breadcrumb-part-chars"]
                                                          for p in parts) and not self.is_long_prose

    @property
    def is_long_prose(self) -> bool:
        return self.sentences >= _S["prose-sentences"]

    @cached_property
    def nav_cue(self) -> bool:
        """A line of the site's navigation (never prose)."""
        return self.length <= _S["navigation-chars"] and not self.is_long_prose and bool(NAV_CUES.search(self.text))

    @cached_property
    def comment_cue(self) -> bool:
        return self.length <= _S["comment-chars"] and bool(COMMENT_CUES.search(self.text))

    @cached_property
    def posting(self) -> bool:
        """A site's posting line: a date and a poster ('samedi 31 décembre 2022, par Robert Paris')."""
        return self.length <= _S["posting-chars"] and bool(find_dates(self.text)) and \
            bool(POSTING_CUES.search(self.text))

    @cached_property
    def language(self) -> str | None:
        return guess_language(self.text)

    @cached_property
    def numbered_heading(self) -> bool:
        return self.length <= _S["numbered-heading-chars"] and bool(NUMBERED_HEADING.match(self.text))

    @cached_property
    def heading_shape(self) -> float:
        """0..1: how much the block alone looks like a heading (not where it stands)."""
        return max(0.0, min(1.0, self.heading_evidence.score))

    @cached_property
    def heading_evidence(self) -> Evidence:
        """The rules of the heading shape (``teikit.weights.structure.HEADING_SHAPE``)."""
        rules, th = HEADING_SHAPE, HEADING_SHAPE.thresholds
        evidence = rules.evidence()
        words = len(self.words)
        if self.is_long or self.length > th["max-chars"] or words > th["max-words"]:
            return evidence
        # "II. The Machine", a bare "3"; not "1. The eight-hour day in every industry." (a list item)
        if evidence.check(rules.numbered, self.numbered_heading and not (
                self.text.endswith(".") and words > th["list-item-words"])):
            return evidence
        if not self.words:
            return evidence
        if self.all_caps:
            evidence.add(rules.all_caps)
        elif self.starts_upper:
            evidence.add(rules.capitalised)
            evidence.add(rules.capital_words, rules.capital_words.weight * self.cap_ratio, share=round(self.cap_ratio, 2))
            evidence.check(rules.short, words <= th["short-words"], words=words)
        else:
            evidence.add(rules.lowercase)
            return evidence
        if self.last_char in ",;":
            evidence.add(rules.ends_comma, last=self.last_char)
        elif self.last_char == "." and not self.all_caps:
            evidence.add(rules.ends_full_stop)
        elif self.last_char in ":—–-":
            evidence.add(rules.ends_colon_dash, last=self.last_char)
        evidence.check(rules.lone_exclamation, self.ends_exclaim and words < 2)
        # "‘Hullo!’", "‘Alone?’": a few words someone says, in their marks
        evidence.check(rules.quoted_exclamation, self.quoted_sentence and self.text.rstrip(" ’”»\"'")[-1:] in "!?"
                       and words <= th["quoted-exclamation-words"])
        # "Dear Jenny:", "My dear Sir,": a salutation opens a letter quoted in the text
        evidence.check(rules.salutation, OPENING_SALUTE.match(self.text) and self.text.rstrip()[-1:] in ",:"
                       and words <= _S["salute-words"])
        evidence.check(rules.attribution_or_turn, self.text[:1] in "—–-" or (
            _SPEAKER_LABEL.match(self.text) and self.cap_ratio < th["quoted-cap-share"] and
            self.text.rstrip()[-1:] in ".?!…"))
        if not evidence.check(rules.closes_quotation, _closes_a_quotation(self.text)):
            evidence.check(rules.dialogue, _DIALOGUE_LINE.search(self.text) or (
                _QUOTED_SENTENCE.match(self.text) and self.cap_ratio < th["quoted-cap-share"]))
        evidence.check(rules.sentences, self.sentences > 1, sentences=self.sentences)
        evidence.check(rules.many_words, words > th["many-words"], words=words)
        return evidence

    # -- cues of a title block, a letter, a book and the foot of a page ---------------------------

    @cached_property
    def separator(self) -> bool:
        """A line that only separates sections ("* * *", "***", "*", "-----")."""
        return bool(SEPARATOR.match(self.block.text)) and "\n" not in self.text

    @cached_property
    def figure(self) -> bool:
        """A transcription's mark of an illustration ("[Illustration]", "[Illustration: A cottage.]")."""
        return bool(FIGURE.match(self.block.text))

    @cached_property
    def postscript(self) -> bool:
        """A letter's postscript ("P.S. ...", "P.P.S. ...")."""
        return bool(POSTSCRIPT.match(self.text))

    @cached_property
    def closing_salute(self) -> bool:
        """A letter's closing formula ("Yours fraternally,", "With love from", "I remain, my Lord,")."""
        return self.length <= _S["salute-chars"] and bool(CLOSING_SALUTE.match(self.text))

    @cached_property
    def section_heading(self) -> bool:
        """A heading that opens a text's first section ("Introduction", "Preface")."""
        return self.length <= _S["notes-heading-chars"] and bool(SECTION_HEADING.match(self.text))

    @cached_property
    def collection(self) -> tuple[str | None] | None:
        """A line naming a collection the work belongs to ("Collected Writings of Agnes Marlow, 1922",
        "Letters of Rhoda Gaskell"): (the author it names, or None), or None."""
        if self.length > _S["byline-chars"] or self.ends_terminal and self.last_char != ".":
            return None
        for pattern in COLLECTION:
            match = pattern.match(self.text)
            if match:
                name = match.groupdict().get("name")
                name = name.strip() if name and self._name_shape(name) else None
                return (name,)
        return None

    @cached_property
    def series(self) -> bool:
        """A line naming a series and a number ("Pamphlets of the Reform League — No. 14")."""
        return self.length <= _S["byline-chars"] and not self.is_long and bool(SERIES.match(self.text))

    @cached_property
    def imprint(self) -> bool:
        """A title page's imprint line: a publisher ("Fenwick & Sons", "The People's Press")."""
        return self.length <= _S["byline-chars"] and bool(IMPRINT.search(self.text))

    @cached_property
    def footer_cue(self) -> bool:
        """A line a website puts at the foot of its pages: copyright, upkeep, contact, last changes."""
        return self.length <= _S["navigation-chars"] and not self.is_long_prose and not self.ends_exclaim and \
            bool(FOOTER_CUES.search(self.text))

    @cached_property
    def site_name(self) -> bool:
        """A line naming a website ("The Workers' Library Online", "Labour History Archive")."""
        return self.length <= _S["byline-chars"] and not self.is_long and bool(SITE_CUES.search(self.text))

    @cached_property
    def site_section(self) -> bool:
        """A website's section named above a title ("Articles", "Speeches and Addresses")."""
        words = [w.lower() for w in self.words]
        return 0 < len(words) <= _S["section-words"] and not self.ends_terminal and \
            words[0] in SECTION_WORDS and all(w in SECTION_WORDS or w in FUNCTION_WORDS for w in words)

    @cached_property
    def group_name(self) -> bool:
        """A line naming a group ("The National Council of Co-operative Guilds", "The Strike Committee")."""
        words = self.words
        if not words or self.length > _S["name-chars"] + _S["name-chars"] // 2 or self.ends_terminal or \
                self.ends_exclaim:
            return False
        content = [w for w in words if w.lower() not in FUNCTION_WORDS]
        if words[0].lower() in ARTICLES or any(w.lower() in TITLE_NOUNS for w in content):
            return False  # "A Message to the Congress" names a text, not a group
        if any(w.lower() in FUNCTION_WORDS and w.lower() not in GROUP_LINKS for w in words):
            return False  # "The Truth about the Wages Board", "The Congress at Stuttgart": no group's name
        return bool(content) and all(w[0].isupper() for w in content) and \
            any(w.lower().rstrip("s’'") in ORG_WORDS or w.lower() in ORG_WORDS for w in content)

    @cached_property
    def addressee(self) -> str | None:
        """Whom a letter's line addresses ("To the Editor of The Evening Courier" -> "the Editor of The
        Evening Courier"), or None."""
        if self.length > _S["byline-chars"] or self.is_long:
            return None
        match = ADDRESSEE.match(self.text)
        if not match or not match.group("who")[:1].isupper() and not match.group("who").startswith("the "):
            return None
        who = match.group("who")
        found = find_dates(who)
        if found:  # "TO HENRY PAGE, 12 April 1912.": the name before the date
            who = who[:found[0].start].rstrip(" ,;")
        return who.strip() or None

    @cached_property
    def letter_heading(self) -> tuple[str, str] | None:
        """A heading naming a letter's writer and addressee ("Edwin Carr to Lucy Brand", "Letter from
        Florence Alcott to her Sister"): (writer, addressee), or None."""
        if self.length > _S["byline-chars"] or self.is_long:
            return None
        match = LETTER_FROM.match(self.text)
        if match and self._name_shape(match.group("a")):
            return match.group("a").strip(), match.group("b").strip()
        match = LETTER_NAME_TO.match(self.text)
        writer = match.group("a").split() if match else []
        if match and self._name_shape(match.group("a")) and len(writer) >= 2 and \
                not any(w.lower() in TITLE_NOUNS or w.lower() in FUNCTION_WORDS - xx.NAME_PARTICLES for w in writer) and (
                self._name_shape(match.group("b")) or match.group("b").lower().startswith("the ")):
            return match.group("a").strip(), match.group("b").strip()
        return None

    @cached_property
    def name_title(self) -> tuple[str, str] | None:
        """A line 'Name: Title' ("Grace Holloway: The Women's Vote"): (name, title), or None."""
        if self.length > _S["byline-chars"] + _S["name-chars"] or self.credits:
            return None
        match = NAME_COLON_TITLE.match(self.text)
        if not match or not self._name_shape(match.group("a")) or len(match.group("a").split()) < 2:
            return None
        if any(w.lower() in FUNCTION_WORDS - xx.NAME_PARTICLES for w in match.group("a").split()):
            return None
        return match.group("a").strip(), match.group("b").strip()

    @cached_property
    def address_like(self) -> bool:
        """A line of a postal address: short, ending with a comma or full stop ("17 Larch Street,",
        "Whitehall, London.")."""
        return self.length <= _S["address-chars"] and not self.is_long and self.last_char in ",." and \
            self.starts_upper and self.sentences == 1 and not self.credits and not self.note_start

    @cached_property
    def headnote_author(self) -> str | None:
        """The author an editor's headnote names ("This leaflet by Walter Grieve was ...")."""
        match = HEADNOTE_AUTHOR.search(self.text)
        return match.group("name") if match and self._name_shape(match.group("name")) else None

    @cached_property
    def date_range(self) -> tuple[str, str] | None:
        """(from, to) when the whole block is a range of dates ("March 3–9, 1902", "1903–1923")."""
        if self.length > _S["date-chars"]:
            return None
        return parse_range(self.text)

    @cached_property
    def described_date(self) -> str | None:
        """ISO date of a short line that states one date among a few words ("Speech in the House of
        Commons, 10 July 1908", "Delivered 12 May 1922"), or None."""
        if self.dateline or self.length > _S["dateline-chars"] or self.is_long or self.ends_exclaim:
            return None
        found = find_dates(self.text)
        if len(found) == 1 and "-" in found[0].when[1:]:
            return found[0].when
        year = _TRAILING_YEAR.search(self.text)  # "Presented to the Conference, Leicester, 1922"
        return year.group(1) if not found and year and "," in self.text else None

    @cached_property
    def quoted_sentence(self) -> bool:
        """A line that is one quotation in marks ("“The labourer is worthy of his hire.”")."""
        return bool(_QUOTED_LINE.match(self.text))

    @cached_property
    def attribution(self) -> bool:
        """A line giving a quotation's author ("— Luke x. 7", "– Karl Marx")."""
        return self.text[:1] in "—–" and len(self.words) <= _S["name-words"] + 2 and not self.is_long

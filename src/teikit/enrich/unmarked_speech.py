"""Direct speech that only a closing quotation mark shows.

An **orphan closing mark** ("—And who is to carry the basket?”—") ends speech whose opening
mark the transcription lost: the speech opens where a turn of dialogue may begin (a dialogue
dash, the end of a reporting clause such as "said she,", "dit-il", the paragraph's start), or
at its own sentence, and takes in the sentences before it while they read as speech. A finding
carries ``low`` or ``medium`` certainty; narration before a closing mark proves nothing;
marked quotations are never touched. Spaced en dashes inside a paragraph are parentheses.

(Reporting clauses and dialogue dashes with no mark at all were taken as speech once; on
teikit's development set they found nothing right that was not marked, so now they only tell
where speech before a closing mark may open: see ``bench/ablate.py``.)
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Sequence

from teikit import lang
from teikit.enrich.quote_types import SAID, SOURCE_NOUN, decide, sentence_starts
from teikit.trie_regex import alternation
from teikit.evidence import Evidence
from teikit.lang import de, en, fr
from teikit.weights.quotations import UNMARKED_SPEECH

# The languages whose reporting clauses and cues of speech are known.
LANGUAGES = (en, fr, de)


def _either(name: str) -> str:
    """The fragments of the lists ``name`` of every known language, as one alternation."""
    return lang.alternation(lang.gather(name, LANGUAGES))


_EN, _FR, _DE = (alternation(m.REPORTING_VERBS) for m in (en, fr, de))
_ANY_VERB = re.compile(rf"\b(?:{_EN}|{_FR}|{_DE})")
# Honorifics that open a name ("Mrs. Smith", "Aunt Jane", "Herr Braun").
_TITLE = rf"(?:{_either('SPEAKER_TITLES')})"
_NAME = rf"(?:{_TITLE}\.?\s+)?(?:[A-Z]\.\s*)*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
# Words a described speaker never ends with: relatives ("the man who") and times ("one day").
_NOT_SPEAKER = rf"(?!(?:{_either('NOT_A_SPEAKER')})\b)"


def _described(determiners: tuple[str, ...]) -> str:
    """A described speaker ("the old man", "her mother", "la vieille")."""
    return (rf"(?:{lang.alternation(determiners)})\s+(?:{_NOT_SPEAKER}[a-z][\w’'-]*\s+){{0,2}}"
            rf"{_NOT_SPEAKER}[^\W\d_][\w’'-]*")


_DESCRIBED_EN = _described(en.SPEAKER_DETERMINERS)
_SUBJECT_EN = rf"(?:{lang.alternation(en.REPORTING_PRONOUNS)}|{_NAME}|{_DESCRIBED_EN})"
_SUBJECT_FR = (rf"(?:{_NAME}|{_described(fr.SPEAKER_DETERMINERS)}|"
               rf"(?:{lang.alternation(fr.ELIDED_ARTICLE_PATTERNS)})[^\W\d_][\w’'-]*)")
_SUBJECT_DE = rf"(?:{lang.alternation(de.REPORTING_PRONOUNS)}|{_NAME}|{_described(de.SPEAKER_DETERMINERS)})"
# After the verb and subject: an addressee ("to me", "to his wife"), a manner ("gravely",
# "in a whisper", "with a sigh", "at last"), a participle with its object ("shaking her head").
_TAIL = (rf"(?:\s+to\s+(?:{lang.alternation(en.ADDRESSEES)}|"
         rf"(?:{lang.alternation(en.ADDRESSEE_DETERMINERS)})\s+[a-z][\w’'-]*|[A-Z][\w’'-]+))?"
         rf"(?:,?\s+(?:{lang.alternation(en.MANNER_PATTERNS)}|(?:{lang.alternation(en.MANNER_PREPOSITIONS)})\s+"
         rf"(?:{lang.alternation(en.MANNER_DETERMINERS)})\s+(?:[a-z]+\s+){{0,2}}?[a-z]+))?"
         r"(?:,\s+[a-z]+ing\b(?:\s+[\w’'-]+){0,3}?)?"
         # a speaker in apposition ("said Mary, the cook, …")
         rf"(?:,\s+(?:{lang.alternation(en.DESCRIBED_DETERMINERS)})\s+(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*"
         r"(?=\s*,))?")
# What a reporting clause follows: the speech's own pause, a dialogue dash.
_PRE = r"(?:[,!?…]|—|--|―)"
# What it is followed by: a pause, a full stop, a dash, or the paragraph's end.
_POST = r"\s*(?P<post>[,;:.!?…]|—|--|―|$)"


def _inverted(verbs: str, subjects: str, tail: str = _TAIL) -> re.Pattern:
    return re.compile(rf"(?P<pre>{_PRE})\s*(?P<clause>(?P<verb>{verbs})\s+(?P<subj>{subjects}){tail}){_POST}")


# Inverted clauses ("said she", "dit le vieillard", "sagte er") and plain ones ("she said").
_INVERTED = (_inverted(_EN, _SUBJECT_EN), _inverted(_FR, _SUBJECT_FR, ""), _inverted(_DE, _SUBJECT_DE, ""),
             # French inversion with a hyphen: "dit-il", "répondit-elle", "s’écria-t-il"
             re.compile(rf"(?P<pre>{_PRE})\s*(?P<clause>(?P<verb>{_FR})(?:-t)?-"
                        rf"(?P<subj>{lang.alternation(fr.INVERTED_PRONOUNS)})){_POST}"))
_PLAIN = re.compile(rf"(?P<pre>{_PRE})\s*(?P<clause>(?P<subj>{_SUBJECT_EN})(?:\s+[a-z]+ly)?\s+"
                    rf"(?P<verb>{_EN}){_TAIL}){_POST}")
# A clause that opens a sentence and introduces what follows: "She answered: …", "Then he said, …".
_LEADING = re.compile(rf"\s*(?P<clause>(?:(?:{lang.alternation(en.LEADING_CONJUNCTIONS)})\s+)?"
                      rf"(?P<subj>{lang.alternation(en.LEADING_PRONOUNS)}|{_NAME}|"
                      rf"The\s+[a-z][\w’'-]*)\s+(?P<verb>{_EN}){_TAIL})\s*(?P<post>[:,])\s+")

# Dashes that may set off a turn of dialogue (a spaced en dash only at a paragraph's start).
_DASH = re.compile(r"[—―]|--|–(?=\s)")
_MARKS = frozenset("“”‘’„‚«»‹›\"'`")
_ENDS_SENTENCE = re.compile(r"[.!?…][”’»\"']*\s*$")

# Cues that a stretch of text is someone speaking: someone addressed, the speaker's own
# present ("I think", "we shall"), a question or exclamation, an interjection opening it.
# ("I" alone is no cue: a narrator may write in the first person.)
_ADDRESSED = re.compile(rf"\b(?:{_either('ADDRESSED_WORDS')})\b", re.IGNORECASE)
_VOCATIVE = re.compile(rf",\s*(?:{_either('VOCATIVE_PATTERNS')})\b", re.IGNORECASE)
_SPEAKER_PRESENT = re.compile(rf"{_either('SPEAKER_PRESENT_PATTERNS')}|\b(?:{_either('FIRST_PERSON_PATTERNS')})\b")
_ASKS_OR_EXCLAIMS = re.compile(r"[?!]")
_GREETS = re.compile(rf"\b(?:{_either('GREETING_PATTERNS')})\b", re.IGNORECASE)
_INTERJECTION = re.compile(rf"^\W*(?:{_either('INTERJECTIONS')})\b", re.IGNORECASE)
# Cues that a sentence is narration: a person acting in the past.
_PERSON = re.compile(rf"\b(?:{_either('PERSON_WORDS')})\b", re.IGNORECASE)
_PAST = re.compile(rf"\b(?:{lang.alternation(en.PAST_PATTERNS)})\b", re.IGNORECASE)

CLOSER = "closing mark"  # the convention, as the review names it


@dataclass(frozen=True)
class Speech:
    """Speech found without (or with only a closing) quotation mark, in one block."""

    block: int
    start: int
    end: int
    cert: str
    reason: str
    convention: str  # CLOSER (the convention that shows it, as the review names it)
    speaker: str | None = None  # the clause's subject when it is a name
    evidence: Evidence | None = field(default=None, compare=False)  # the rules that found it


@dataclass(frozen=True)
class _Clause:
    start: int  # of the clause's words (its pre punctuation stays with the speech before)
    end: int  # after its closing punctuation
    verb: str
    subject: str
    inverted: bool
    before: bool  # speech may precede it
    after: bool  # speech may follow it
    post: str
    evidence: Evidence | None = field(default=None, compare=False)  # the reporting-clause rule


def speech_cues(text: str) -> list[str]:
    """What in ``text`` tells someone speaking."""
    cues = []
    if _ADDRESSED.search(text) or _VOCATIVE.search(text):
        cues.append("someone addressed")
    if _SPEAKER_PRESENT.search(text):
        cues.append("the speaker's own present")
    if _ASKS_OR_EXCLAIMS.search(text):
        cues.append("a question or an exclamation")
    if _INTERJECTION.match(text):
        cues.append("an interjection")
    if _GREETS.search(text):
        cues.append("a greeting")
    return cues


def narration(text: str) -> bool:
    """A sentence that reads as narration: a person acting in the past, nobody addressed."""
    return not speech_cues(text) and bool(_PERSON.search(text)) and bool(_PAST.search(text))


class _Paragraph:
    """One block: where speech may run (between barriers) and its sentences."""

    def __init__(self, text: str, barriers: list[tuple[int, int]]):
        self.text = text
        self.barriers = sorted(barriers)
        self.dashes = self._turn_dashes()

    @functools.cached_property
    def sentences(self) -> list[int]:
        return [0] + sentence_starts(self.text)

    def _turn_dashes(self) -> list[tuple[int, int]]:
        """Dashes that may change turns: at the paragraph's start or end, or after a sentence."""
        text = self.text
        found = []
        # (nothing but white space before the first, or after the last, printed character)
        first, last = len(text) - len(text.lstrip()), len(text.rstrip())
        for match in _DASH.finditer(text):
            start, end = match.span()
            opens, closes = start <= first, end >= last
            if match.group() == "–" and not opens:
                continue  # a spaced en dash inside a paragraph is a parenthesis
            if opens or closes or _ENDS_SENTENCE.search(
                    text, max(0, start - UNMARKED_SPEECH.threshold("dash-after-sentence-chars")), start):
                found.append((start, end))
        return found

    def add_barriers(self, ranges: list[tuple[int, int]]) -> None:
        self.barriers = sorted(self.barriers + ranges)

    def free(self, start: int, end: int, own: tuple[int, int] | None = None) -> bool:
        """Whether ``[start, end)`` crosses no barrier (but ``own``, the range it is made for)."""
        return not any(lo < end and start < hi and (lo, hi) != own for lo, hi in self.barriers)

    def left(self, pos: int) -> int:
        """Where the stretch of free text ending at ``pos`` starts."""
        ends = [hi for lo, hi in self.barriers if hi <= pos]
        return max(ends, default=0)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        chunk = self.text[start:end]
        return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())

    def _sentence_start(self, pos: int, lo: int) -> int:
        index = bisect.bisect_right(self.sentences, pos) - 1
        return max(self.sentences[index], lo) if index >= 0 else lo

    def back(self, end: int, lo: int) -> int:
        """The start of the speech ending at ``end``: its sentence, and the sentences before it
        (down to ``lo``) while they read as speech."""
        start = self._sentence_start(max(lo, end - 1), lo)
        while start > lo:
            previous = self._sentence_start(start - 1, lo)
            sentence = self.text[previous:start]
            if narration(sentence) or not speech_cues(sentence):
                break
            start = previous
        return start

def _clauses(text: str, starts: Sequence[int]) -> list[_Clause]:
    """Reporting clauses set off by punctuation, in order, none overlapping; a clause that
    introduces what follows ("She answered: …") only at one of the sentence ``starts``."""
    if not _ANY_VERB.search(text):
        return []  # (most paragraphs: one quick search instead of five)
    found: list[_Clause] = []
    for pattern, inverted in [(p, True) for p in _INVERTED] + [(_PLAIN, False)]:
        for match in pattern.finditer(text):
            post = match.group("post")
            # after the clause, speech resumes after a pause or a dash; a full stop ends it
            after = post in (",", ";", ":", "—", "--", "―")
            # "…, she said: …" introduces what follows; "…, said she: …" ends speech too
            before = inverted or post != ":"
            found.append(_Clause(match.start("clause"), match.end(), match.group("verb"), match.group("subj"),
                                 inverted, before, after, post))
    for start in starts:
        match = _LEADING.match(text, start)
        if match is None:
            continue
        found.append(_Clause(match.start("clause"), match.end("post"), match.group("verb"), match.group("subj"),
                             False, False, True, match.group("post")))
    # a written thing that "says" is cited, not speaking ("…, says the report")
    found = [c for c in found if not SOURCE_NOUN.search(c.subject)]
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Clause] = []
    for clause in found:
        if not kept or clause.start >= kept[-1].end:
            kept.append(clause)
    return kept


class _BlockSpeech:
    def __init__(self, index: int, text: str, covered: list[tuple[int, int]], closers: list[tuple[int, int]]):
        self.index = index
        self.text = text
        self.para = _Paragraph(text, covered + closers)
        self.closers = closers
        self.found: list[Speech] = []
        self.turn_starts: set[int] = set()

    def _add(self, start: int, end: int, ev: Evidence, reason: str, convention: str, speaker: str | None = None,
             own: tuple[int, int] | None = None) -> bool:
        start, end = self.para.trim(start, end)
        segment = self.text[start:end]
        if not re.search(r"[^\W\d_]", segment) or not self.para.free(start, end, own):
            return False
        if convention != CLOSER and (segment[0] in _MARKS or segment[-1] in _MARKS):
            return False  # a mark the scanner could not pair stands at its edge: not for guessing
        cert = decide(UNMARKED_SPEECH, ev, SAID)
        self.found.append(Speech(self.index, start, end, cert, reason, convention, speaker, ev))
        self.para.add_barriers([(start, end)])
        return True

    def run(self) -> list[Speech]:
        if not self.closers:
            return []
        marked = list(self.para.barriers)
        starts = self.para.sentences + [hi for _, hi in self.para.dashes]
        clauses = [c for c in _clauses(self.text, starts) if self.para.free(c.start, c.end)
                   and not self._beside(c, marked)]
        self.para.add_barriers(self.para.dashes + [(c.start, c.end) for c in clauses])
        # where a turn of speech may begin: after a dialogue dash or a reporting clause
        self.turn_starts = {hi for _, hi in self.para.dashes} | {c.end for c in clauses}
        for closer in self.closers:
            self._closer(closer)
        self.found.sort(key=lambda s: s.start)
        return self.found

    def _beside(self, clause: _Clause, marked: list[tuple[int, int]]) -> bool:
        """A clause right after or before a quotation with marks belongs to it: where a writer
        marks speech, both its parts are marked (“Yes,” said he, and left)."""
        text = self.text
        before = max((hi for lo, hi in marked if hi <= clause.start), default=None)
        after = min((lo for lo, hi in marked if lo >= clause.end), default=None)
        return (before is not None and not re.search(r"\w", text[before:clause.start])) or (
            after is not None and not text[clause.end:after].strip())

    def _closer(self, closer: tuple[int, int]) -> None:
        """The quotation a closing mark ends opens where a turn may begin (a dialogue dash,
        the end of a reporting clause, the paragraph's start), or at its own sentence."""
        para, rules = self.para, UNMARKED_SPEECH
        ev = rules.evidence()
        if not ev.check(rules.closing_mark, True, mark=self.text[closer[0]:closer[1]]):
            return
        lo = para.left(closer[0])
        start = para.back(closer[0], lo)
        segment = self.text[start:closer[0]]
        at_turn = start == lo and lo in self.turn_starts
        cues = speech_cues(segment)
        if not at_turn and ev.check(rules.narration, narration(segment)):
            return  # "He left the house at noon.”": the mark proves nothing
        ev.check(rules.cued_at_turn, cues and (at_turn or start == 0), at_turn=at_turn)
        reason = "a closing mark with no opening mark" + (f", {', '.join(cues)}" if cues else "")
        self._add(start, closer[1], ev, reason, CLOSER, own=closer)

def find_speech(texts: Sequence[str], eligible: Sequence[bool], covered: Sequence[list[tuple[int, int]]],
                closers: Sequence[list[tuple[int, int]]]) -> list[Speech]:
    """Unmarked speech in each eligible block. ``covered[i]``: ranges of block ``i`` that
    marked quotations (and marks that proved nothing) hold, never crossed; ``closers[i]``:
    closing marks of block ``i`` that no mark opened."""
    found: list[Speech] = []
    for index, text in enumerate(texts):
        if eligible[index] and closers[index]:  # (speech is found only before a closing mark)
            found.extend(_BlockSpeech(index, text, list(covered[index]), list(closers[index])).run())
    return found

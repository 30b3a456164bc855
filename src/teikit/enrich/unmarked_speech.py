"""Direct speech that no quotation mark shows: the conventions of written dialogue.

Older prose (and French and German prose after it) often writes speech without marks; three
conventions still show where it is:

- a **reporting clause** set off by punctuation: "Well, said she, why not?", "Yes, she
  answered.", "…, replied he: …", "— Bonjour, dit-il." The speech is on either side of
  the clause, up to a dialogue dash, the paragraph's edge, a marked quotation or the
  sentence's edge (and on over the sentences next to it that read as speech);
- **dialogue dashes**: in a paragraph that shows dialogue, the sentences between dashes
  ("—Not yet!—and when do you sail?—") are turns of speech; a paragraph that opens with a
  dash before a capital is a turn in the French manner;
- an **orphan closing mark** ("—And who is to carry the basket?”—"): the speech opens at the
  nearest dialogue dash, reporting clause or paragraph start before it.

Every finding is judged with several signals (the clause's form, the segment's persons,
questions and exclamations, the sentences around) and carries ``low`` or ``medium``
certainty; the marks-proved quotations are never touched. Dashes stay outside the speech, its
own punctuation and an orphan closing mark inside. Spaced en dashes inside a paragraph are
parentheses, never dialogue.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from teikit import lang
from teikit.enrich.quote_types import SAID, SOURCE_NOUN, decide, sentence_starts
from teikit.enrich.trie_regex import alternation
from teikit.evidence import Evidence, Rule
from teikit.lang import de, en, fr
from teikit.weights.quotations import QUOTATION_SPEAKER, UNMARKED_SPEECH

# The languages whose reporting clauses and cues of speech are known.
LANGUAGES = (en, fr, de)


def _either(name: str) -> str:
    """The fragments of the lists ``name`` of every known language, as one alternation."""
    return lang.alternation(lang.gather(name, LANGUAGES))


# Verbs that may also take an object ("answered the purpose", "returned the favour"):
# inverted before a described subject, they report speech only before words that sound spoken.
_TRANSITIVE = en.TRANSITIVE_REPORTING_VERBS
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
# After a dash, a name alone (and perhaps where or when): who wrote the lines above ("— Karl Marx",
# "— Goethe, Faust"), not a turn of dialogue.
_ATTRIBUTION = re.compile(r"\s*(?:[A-Z][\w’'.-]*\.?\s+){0,3}[A-Z][\w’'-]*\.?\s*(?:,\s*[^.!?]{0,60})?\s*$")
_OPENS_TURN = re.compile(r"\s*[“‘«„\"']?[A-ZÀ-ÖØ-Þ]")

# Cues that a stretch of text is someone speaking: someone addressed, the speaker's own
# present ("I think", "we shall"), a question or exclamation, an interjection opening it.
# ("I" alone is no cue: a narrator may write in the first person.)
_ADDRESSED = re.compile(rf"\b(?:{_either('ADDRESSED_WORDS')})\b", re.IGNORECASE)
_VOCATIVE = re.compile(rf",\s*(?:{_either('VOCATIVE_PATTERNS')})\b", re.IGNORECASE)
_SPEAKER_PRESENT = re.compile(rf"{_either('SPEAKER_PRESENT_PATTERNS')}|\b(?:{_either('FIRST_PERSON_PATTERNS')})\b")
_ASKS_OR_EXCLAIMS = re.compile(r"[?!]")
_GREETS = re.compile(rf"\b(?:{_either('GREETING_PATTERNS')})\b", re.IGNORECASE)
_INTERJECTION = re.compile(rf"^\W*(?:{_either('INTERJECTIONS')})\b", re.IGNORECASE)
# The present tense: what someone says now, rarely what a narrator tells.
_PRESENT = re.compile(rf"\b(?:{lang.alternation(en.PRESENT_PATTERNS)})\b", re.IGNORECASE)
# Cues that a sentence is narration: a person acting in the past.
_PERSON = re.compile(rf"\b(?:{_either('PERSON_WORDS')})\b", re.IGNORECASE)
_PAST = re.compile(rf"\b(?:{lang.alternation(en.PAST_PATTERNS)})\b", re.IGNORECASE)

_NOT_NAMES = en.NOT_CLAUSE_NAMES
# How the first sentence of a stretch of speech is judged (``_Paragraph.forth``).
ANY, SPEECH, CUED = "any", "speech", "cued"
REPORTING, DASHES, CLOSER = "reporting clause", "dialogue dash", "closing mark"


@dataclass(frozen=True)
class Speech:
    """Speech found without (or with only a closing) quotation mark, in one block."""

    block: int
    start: int
    end: int
    cert: str
    reason: str
    convention: str  # REPORTING, DASHES or CLOSER
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
        for match in _DASH.finditer(text):
            start, end = match.span()
            opens, closes = not text[:start].strip(), not text[end:].strip()
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

    def right(self, pos: int) -> int:
        starts = [lo for lo, hi in self.barriers if lo >= pos]
        return min(starts, default=len(self.text))

    def trim(self, start: int, end: int) -> tuple[int, int]:
        chunk = self.text[start:end]
        return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())

    def _sentence_start(self, pos: int, lo: int) -> int:
        index = bisect.bisect_right(self.sentences, pos) - 1
        return max(self.sentences[index], lo) if index >= 0 else lo

    def _sentence_end(self, pos: int, hi: int) -> int:
        index = bisect.bisect_right(self.sentences, pos)
        return min(self.sentences[index], hi) if index < len(self.sentences) else hi

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

    def forth(self, start: int, hi: int, first: str = SPEECH) -> int:
        """The end of the speech starting at ``start``: its sentence (taken as ``first`` says:
        ANY, SPEECH when not narration, CUED when it also shows a cue) and the sentences after
        it (up to ``hi``) while they read as speech."""
        start += len(self.text[start:hi]) - len(self.text[start:hi].lstrip())
        end = self._sentence_end(start, hi)
        sentence = self.text[start:end]
        if first != ANY and (narration(sentence) or first == CUED and not speech_cues(sentence)):
            return start
        while end < hi:
            following = self._sentence_end(end, hi)
            sentence = self.text[end:following]
            if narration(sentence) or not speech_cues(sentence):
                break
            end = following
        return end


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


def _name(subject: str) -> str | None:
    """The speaker's name when the clause names one (not a pronoun or a description)."""
    first = subject.split()[0]
    return subject if first[:1].isupper() and first not in _NOT_NAMES else None


def _reported(clause: _Clause) -> _Clause | None:
    """The clause with the evidence of the reporting-clause rule (None when it is switched off)."""
    ev = UNMARKED_SPEECH.evidence()
    if not ev.check(UNMARKED_SPEECH.reporting_clause, True, verb=clause.verb, subject=clause.subject,
                    inverted=clause.inverted, post=clause.post):
        return None
    return replace(clause, evidence=ev)


def _raise(ev: Evidence, *rules: tuple[Rule, object]) -> None:
    """Record the first raising rule whose condition holds (one level at most)."""
    any(ev.check(rule, condition) for rule, condition in rules)


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
        marked = list(self.para.barriers)
        starts = self.para.sentences + [hi for _, hi in self.para.dashes]
        found = [c for c in _clauses(self.text, starts) if self.para.free(c.start, c.end)
                 and not self._beside(c, marked)]
        clauses = [c for c in map(_reported, found) if c is not None]
        self.para.add_barriers(self.para.dashes + [(c.start, c.end) for c in clauses])
        # where a turn of speech may begin: after a dialogue dash or a reporting clause
        self.turn_starts = {hi for _, hi in self.para.dashes} | {c.end for c in clauses}
        for clause in clauses:
            self._clause(clause)
        for closer in self.closers:
            self._closer(closer)
        if clauses or self.closers or self._opens_with_turn():
            self._turns()
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

    @staticmethod
    def _side(clause: _Clause) -> tuple[Evidence, str | None]:
        """The evidence of speech on one side of a reporting clause, and its speaker (the
        clause's subject when it is a name)."""
        ev = UNMARKED_SPEECH.evidence().extend(clause.evidence)
        name = _name(clause.subject)
        return ev, name if ev.check(QUOTATION_SPEAKER.clause_subject, name, speaker=name) else None

    def _clause(self, clause: _Clause) -> None:
        para, text, rules = self.para, self.text, UNMARKED_SPEECH
        form = f"“{' '.join(text[clause.start:clause.end].split())}”"
        taken = None  # whether the words before the clause were taken as speech (None: none)
        if clause.before:
            end = clause.start
            lo = para.left(end)
            start = para.back(end, lo)
            segment = text[start:end]
            if re.search(r"[^\W\d_]", segment):
                ev, speaker = self._side(clause)
                cues = speech_cues(segment)
                after_dash = any(hi == lo for _, hi in para.dashes)
                # "…, answered the purpose": an object, unless the words before sound spoken
                object_like = clause.verb in _TRANSITIVE and clause.subject.split()[0].islower()
                taken = not ev.check(rules.narration, narration(segment)) and (
                    ev.check(rules.speech_cues, cues, cues=", ".join(cues)) or ev.check(rules.after_dash, after_dash)
                    or not ev.check(rules.transitive_verb, object_like, verb=clause.verb)
                    and (ev.check(rules.inverted_clause, clause.inverted)
                         or ev.check(rules.present_tense, _PRESENT.search(segment))))
                if taken:
                    if cues:
                        _raise(ev, (rules.cued_inverted, clause.inverted), (rules.cued_after_dash, after_dash),
                               (rules.several_cues, len(cues) > 1))
                    self._add(start, end, ev, _reason(form, cues), REPORTING, speaker)
        if taken is False:
            return  # the words before are narration, and so is the clause
        if clause.after or (clause.post == "." and clause.inverted):
            # after a full stop, speech resumes only when the next sentence asks or exclaims
            stop = clause.post == "."
            # a clause inside a sentence of speech: the sentence's rest is the same speech
            inside = taken and not stop and not _ENDS_SENTENCE.search(text, 0, clause.start)
            start = clause.end
            end = para.forth(start, para.right(start), ANY if inside else CUED if stop or not clause.inverted
                             else SPEECH)
            segment = text[start:end]
            cues = speech_cues(segment)
            ev, speaker = self._side(clause)
            if stop and not ev.check(rules.resumes_asking, _ASKS_OR_EXCLAIMS.search(segment)):
                return
            if ev.check(rules.leading_comma, not clause.before and clause.post == "," and len(cues) < 2 and not (
                    _ADDRESSED.search(segment) or _ASKS_OR_EXCLAIMS.search(segment))):
                return  # "I remarked, indeed, …": a leading clause with a comma needs more
            ev.check(rules.cued_inverted, cues and clause.inverted and not stop)
            self._add(start, end, ev, _reason(form, cues), REPORTING, speaker)

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

    def _opens_with_turn(self) -> bool:
        dashes = self.para.dashes
        return bool(dashes) and not self.text[:dashes[0][0]].strip() and bool(
            _OPENS_TURN.match(self.text, dashes[0][1])) and not _ATTRIBUTION.match(self.text, dashes[0][1])

    def _turns(self) -> None:
        """Turns between dialogue dashes in a paragraph that shows dialogue."""
        para, rules = self.para, UNMARKED_SPEECH
        opening = self._opens_with_turn()
        for n, (_, dash_end) in enumerate(para.dashes):
            hi = para.right(dash_end)
            if hi <= dash_end or not para.free(dash_end, hi):
                continue
            first = n == 0 and opening
            end = para.forth(dash_end, hi, SPEECH if first else CUED)
            segment = self.text[dash_end:end]
            cues = speech_cues(segment)
            if end <= dash_end or not (cues or first):
                continue
            ev = rules.evidence()
            if not ev.check(rules.dialogue_dash, True, opens_paragraph=first) or ev.check(rules.narration,
                                                                                          narration(segment)):
                continue
            ev.check(rules.cued_opening_dash, first and cues)
            reason = "a turn of dialogue set off by dashes" + (f", {', '.join(cues)}" if cues else "")
            self._add(dash_end, end, ev, reason, DASHES)


def _reason(form: str, cues: list[str]) -> str:
    return f"a reporting clause ({form})" + (f", {', '.join(cues)}" if cues else "")


def find_speech(texts: Sequence[str], eligible: Sequence[bool], covered: Sequence[list[tuple[int, int]]],
                closers: Sequence[list[tuple[int, int]]]) -> list[Speech]:
    """Unmarked speech in each eligible block. ``covered[i]``: ranges of block ``i`` that
    marked quotations (and marks that proved nothing) hold, never crossed; ``closers[i]``:
    closing marks of block ``i`` that no mark opened."""
    found: list[Speech] = []
    for index, text in enumerate(texts):
        if eligible[index]:
            found.extend(_BlockSpeech(index, text, list(covered[index]), list(closers[index])).run())
    return found

"""What kind of quotation a quotation is, and how sure teikit is (TEI ``@cert``).

- ``said``: direct speech, told by a speech verb next to it ("she said", "I told him :") or,
  with less certainty, by what it says (first and second persons, questions).
- ``quote``: text cited from a written source: a writing verb ("states", "wrote") or a
  written thing ("letter", "resolution") introduces it, or a reference in brackets follows it.
- ``soCalled``: scare quotes: a short phrase that is not a sentence, or one the text itself
  calls "so-called".
- ``q``: the rest (a title, a word mentioned, a quotation with nothing to tell its kind).

The rules read only the quotation and the words around it; they are English cues of any
prose, not lists made from particular texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from teikit import lang
from teikit.enrich.lexicon import is_common_word
from teikit.trie_regex import alternation
from teikit.evidence import Evidence, RuleTable
from teikit.folding import lowered
from teikit.lang import en
from teikit.model import HIGH
from teikit.weights.quotations import QUOTATION_SPEAKER, QUOTATION_TYPE, WRITTEN_SOURCE

SAID, QUOTE, SO_CALLED, Q = "said", "quote", "soCalled", "q"

# Patterns searched on every quotation come in twins: the pattern case ignored (re.IGNORECASE), and
# the same made of its lists in lower case, case kept, for a text's lower case (``teikit.folding.lowered``).
# The twin finds the same matches at the same places several times faster: re folds the case of every
# character at every position it tries otherwise. (tests/enrich/test_quote_types_fast.py)
# A text not lowered character for character is searched as written.
# What may not stand in a fragment lowered for a twin: an escape (\S, \W, \B), an inline flag or
# named group ("(?P<", "(?i)"), a class holding a letter (re.IGNORECASE widens classes otherwise).
_NOT_PLAIN = re.compile(r"\\|\(\?[^:=!<]|\[[^\]]*[^\W\d_]")


def _twins(make: Callable[..., str], *lists: Iterable[str], tree: bool = False) -> tuple[re.Pattern, re.Pattern | None]:
    """``make(*lists)`` compiled case ignored, and its twin: ``make`` of the lists in lower case,
    case kept; None when a fragment is not plain. A prefix tree (``tree``) sorts its words:
    they must be in lower case already, for the twin to try them in the same order."""
    lists = tuple(tuple(fragments) for fragments in lists)
    ignored = re.compile(make(*lists), re.IGNORECASE)
    plain = all(not _NOT_PLAIN.search(f) and (not tree or f == f.lower()) for fragments in lists for f in fragments)
    return ignored, (re.compile(make(*(tuple(f.lower() for f in fragments) for fragments in lists))) if plain else None)


def _starts(pattern: re.Pattern, twin: re.Pattern | None, text: str, low: str | None, pos: int = 0) -> list[int]:
    """Where the matches of ``pattern.finditer(text)`` start, found by the twin in ``low``
    (``lowered(text)``) where it can be (``pattern.match(text, start)`` is the match). The
    search starts at ``pos``: where no match starts before it, that finds the same."""
    return [m.start() for m in (pattern.finditer(text, pos) if twin is None or low is None
                                else twin.finditer(low, pos))]


def _last(pattern: re.Pattern, twin: re.Pattern | None, text: str, low: str | None, pos: int = 0) -> re.Match | None:
    """The last match of ``pattern.finditer(text)`` (``low``, ``pos``: as for ``_starts``)."""
    starts = _starts(pattern, twin, text, low, pos)
    return pattern.match(text, starts[-1]) if starts else None


def _search(pattern: re.Pattern, twin: re.Pattern | None, text: str, low: str | None) -> re.Match | None:
    """``pattern.search(text)``, found by the twin in ``low`` (``lowered(text)``) where it can be."""
    if twin is None or low is None:
        return pattern.search(text)
    found = twin.search(low)
    return None if found is None else pattern.match(text, found.start())


def _found(pattern: re.Pattern, twin: re.Pattern | None, text: str, low: str | None) -> bool:
    """Whether ``pattern`` matches anywhere in ``text`` (``low``: ``lowered(text)``)."""
    return (pattern.search(text) if twin is None or low is None else twin.search(low)) is not None


def _words_pattern(words: tuple[str, ...]) -> str:
    return rf"\b{alternation(words)}\b"


# (the verb and noun lists as prefix trees: long windows are searched for them on every quotation)
_SPEECH = alternation(en.SPEECH_CUE_VERBS)
SPEECH_VERB, _SPEECH_TWIN = _twins(_words_pattern, en.SPEECH_CUE_VERBS, tree=True)
WRITING_VERB, _WRITING_TWIN = _twins(_words_pattern, en.WRITING_VERBS, tree=True)
SOURCE_NOUN, _SOURCE_TWIN = _twins(_words_pattern, en.SOURCE_NOUNS, tree=True)
# A word of any of the three: where one of them matches, this matches too (it may match another
# word there), so none of them matches before the first place this matches.
CUE_WORD, _CUE_WORD_TWIN = _twins(_words_pattern, en.SPEECH_CUE_VERBS | en.WRITING_VERBS | en.SOURCE_NOUNS, tree=True)

_WORD = r"[^\W\d_][\w’'.-]*"
_NAME = r"(?:[A-Z]\.\s*)*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
_PRONOUN = rf"(?:{lang.alternation(en.SUBJECT_PRONOUNS)})"
_DESCRIBED = rf"(?:{lang.alternation(en.DESCRIBED_DETERMINERS)})\s+(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*"
# A speech tag right after the closing mark: ", said he", " she cried", " replied Mr Brown"; not
# after a full stop outside the marks ("… annexations”. Trotsky said:" begins another sentence).
_TAG_AFTER = re.compile(
    rf"^[\s,;:—–-]*(?:(?:(?P<v1>{_SPEECH})\s+(?P<s1>{_PRONOUN}|{_NAME}|{_DESCRIBED}))|"
    # "…,” the ferryman remarked", "…,” as the old ferryman remarked"
    rf"(?:as\s+)?(?P<s2>{_PRONOUN}|{_NAME}|{_DESCRIBED})\s+(?:\w+ly\s+)?(?P<v2>{_SPEECH}))\b")
_CUE_BEFORE, _CUE_TWIN = _twins(lambda so, mention: rf"(?:(?P<so>{lang.alternation(so)})|"
                                rf"(?P<mention>{lang.alternation(mention)}))[\s,:]*$",
                                en.SO_CALLED_CUES, en.MENTION_PATTERNS)
# Words ascribed after the closing mark: "to use Engels’ expression", "in Lenin’s words".
_CITED_AFTER = re.compile(rf"^[\s,;—–-]*(?:{lang.alternation(en.ASCRIBING_WORDS)})\s+(?:[\w’'.-]+\s+){{0,3}}?"
                          rf"(?:{lang.alternation(en.ASCRIBED_WORDS)})\b")
# Words that make a phrase a clause (pronouns, auxiliaries, negation).
_CLAUSE, _CLAUSE_TWIN = _twins(lambda words: rf"\b(?:{lang.alternation(words)})\b", en.CLAUSE_PATTERNS)
# What opens a greeting or an exclamation, words spoken rather than scare quotes.
_GREETING = re.compile(rf"\W*(?:{lang.alternation(en.EXCLAMATION_PATTERNS)})\b", re.IGNORECASE)
_ASKS = re.compile(r"[?!][^\w]*$")
_PERSONAL = re.compile(rf"\b(?:{lang.alternation(en.FIRST_SECOND_PERSON)})\b|"
                       rf"\b(?:{lang.alternation(en.FIRST_SECOND_PERSON_CAPITALISED)})\b")
_SENTENCE_END = re.compile(r"[.!?…][”’\"»)]*\s+(?=[“‘\"«(]?[A-Z])")
_REFERENCE = re.compile(rf"^\s*\((?P<ref>[^()]{{2,200}}?(?:\d|{lang.alternation(en.REFERENCE_PATTERNS)})"
                        r"[^()]{0,200})\)")
# A sentence that points back at a written thing named before it ("it states", "which reads").
_POINTS_BACK, _POINTS_BACK_TWIN = _twins(lambda words: rf"\b(?:{lang.alternation(words)})\b", en.POINTING_WORDS)
# (every pattern with its twin, for the tests that hold them equal)
TWINS = ((SPEECH_VERB, _SPEECH_TWIN), (WRITING_VERB, _WRITING_TWIN), (SOURCE_NOUN, _SOURCE_TWIN),
         (CUE_WORD, _CUE_WORD_TWIN),
         (_CUE_BEFORE, _CUE_TWIN), (_CLAUSE, _CLAUSE_TWIN), (_POINTS_BACK, _POINTS_BACK_TWIN))


@dataclass
class Context:
    """A quotation and the words around it."""

    inner: str  # what the marks enclose (parts joined by a space)
    before: str  # the text before the opening mark, back to the start of its sentence
    after: str  # the text after the closing mark, to the end of its sentence
    block_quote: bool = False  # the paragraph is nothing but the quotation
    depth: int = 0
    earlier: str = ""  # the text of the paragraph before ``before`` (for a source named earlier)
    dialogue: bool = False  # the work reports speech (several quotations with speech tags)


@dataclass
class Typing:
    tag: str
    cert: str
    reason: str
    speaker: str | None = None  # a name as written, or "I" for the narrator
    # a reference in brackets after the closing mark, brackets included (offsets in ``after``)
    reference: tuple[int, int] | None = None
    fallback: bool = False  # told by the last cues only, which read ``Context.dialogue``
    # the rules that typed it (and found its speaker), with what was decided
    evidence: Evidence | None = None


def decide(table: RuleTable, evidence: Evidence, decided: str,
           alternatives: tuple[tuple[str, float], ...] = ()) -> str:
    """Record ``decided`` with the certainty the evidence's score earns by ``table``'s
    thresholds, and the threshold that told (the one reached, or the medium one missed)."""
    cert = table.cert(evidence.score)
    evidence.decide(decided, cert, table.threshold("high" if cert == HIGH else "medium"), alternatives)
    return cert


def _typed(evidence: Evidence, tag: str, reason: str, **found) -> Typing:
    return Typing(tag, decide(QUOTATION_TYPE, evidence, tag), reason, evidence=evidence, **found)


def sentence_starts(text: str) -> list[int]:
    """Offsets where a new sentence starts in ``text`` (not after initials or abbreviations)."""
    return list(_sentence_starts(text))


def _sentence_starts(text: str) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(text):
        if _starts_sentence(text, match):
            yield match.end()


def _starts_sentence(text: str, match: re.Match) -> bool:
    """Whether a full stop and space (``_SENTENCE_END``) end a sentence: not an initial's or
    an abbreviation's."""
    end = match.start() + 1  # after the full stop
    token = text[max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("\t", 0, end)) + 1:end]
    # "S. Kossior", "U.S.S.R. The", "Mr. Brown"
    return not (token.endswith(".") and (len(token) <= 2 or "." in token[:-1]
                                         or token[:-1].lower() in en.SENTENCE_ABBREVIATIONS))


def sentence_before(text: str, end: int, limit: int | None = None) -> str:
    """The text of ``text[:end]`` back to the start of its sentence (at most ``limit`` chars)."""
    limit = QUOTATION_TYPE.threshold("sentence-before-chars") if limit is None else limit
    head = text[max(0, end - limit):end]
    # (the last start is the sentence's: the ones before it are not told apart)
    last = next((m for m in reversed(list(_SENTENCE_END.finditer(head))) if _starts_sentence(head, m)), None)
    return head[last.end():] if last is not None else head


def sentence_after(text: str, start: int, limit: int | None = None) -> str:
    limit = QUOTATION_TYPE.threshold("sentence-after-chars") if limit is None else limit
    tail = text[start:start + limit]
    first = next(_sentence_starts(tail), None)  # (the first start is the end: the rest is not looked for)
    return tail[:first] if first is not None else tail


_WORD_RUN = re.compile(r"[^\W_][\w’'-]*")


def _words(text: str) -> list[str]:
    return _WORD_RUN.findall(text)


# A name right after a preposition is a place or an object, not the subject of the speech verb.
_AFTER_PREPOSITION = re.compile(rf"\b(?:{lang.alternation(en.OBJECT_PREPOSITIONS)})\s+$", re.IGNORECASE)


def _speaker_before(evidence: Evidence, before: str, verb: re.Match) -> str | None:
    """The subject of a speech verb: "I" when the narrator speaks, else the nearest name.
    An inverted subject ("said he", "said Mrs Brown") comes first; the words of another
    quotation are nobody's name. The rule that found it goes into ``evidence``."""
    inverted = re.match(rf"\s+(?:(?P<pronoun>{_PRONOUN})|(?P<name>{_NAME}))\b", before[verb.end():])
    if inverted and evidence.check(QUOTATION_SPEAKER.inverted_subject, True, subject=inverted.group().strip()):
        return inverted.group("name") if inverted.group("name") not in en.NOT_SPEAKER_NAMES else None
    head = re.sub(r"[“‘«„\"][^”’»“\"]*[”’»“\"]", lambda m: " " * len(m.group()), before[:verb.start()])
    words = _words(head)
    narrator = words and words[-1] == "I" or re.search(r"\bI\s+(?:\w+\s+){0,2}$", head)
    if evidence.check(QUOTATION_SPEAKER.narrator, narrator):
        return "I"
    names = [m for m in re.finditer(_NAME, head) if m.group().split()[0] not in en.NOT_SPEAKER_NAMES
             and m.group().split()[0] not in en.NEVER_NAMES  # "in March", "God knows"
             and not _AFTER_PREPOSITION.search(head, 0, m.start())  # "a delegate from Tambov told us"
             and not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", m.group())]
    # a capitalised word at the start of the sentence is not evidence of a name, unless it is the
    # verb's subject and no ordinary word ("Trotsky said at Brest:", not "Then said the other:")
    names = [m for m in names if m.start() > 0 or len(m.group().split()) > 1 or
             (not head[m.end():].strip() and not is_common_word(m.group()))]
    if names and evidence.check(QUOTATION_SPEAKER.subject_before, True, speaker=names[-1].group()):
        return names[-1].group()
    return None


def _tag_speaker(evidence: Evidence, tag: re.Match) -> str | None:
    """The subject of a speech tag after the quotation: inverted ("said she") or not."""
    inverted, plain = tag.group("s1"), tag.group("s2")
    if evidence.check(QUOTATION_SPEAKER.tag_inverted, inverted, speaker=inverted):
        return inverted
    if evidence.check(QUOTATION_SPEAKER.tag_subject, plain, speaker=plain):
        return plain
    return None


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _speech_verb(before: str, low: str | None = None, pos: int = 0) -> re.Match | None:
    """The last speech verb of ``before`` used as a verb ("in answer", "the question" are nouns).
    (``low``: ``lowered(before)``, when the caller has it; ``pos``: as for ``_starts``.)"""
    for start in reversed(_starts(SPEECH_VERB, _SPEECH_TWIN, before, low, pos)):
        previous = _LAST_WORD.search(before[:start])
        if previous is None or previous.group(1).lower() not in en.NOUN_MARKERS:
            return SPEECH_VERB.match(before, start)
    return None


_MARKS = " “”‘’\"'«»‹›„"


def _unmarked(inner: str) -> str:
    """A quotation's words without its marks (and the spaces next to them)."""
    return inner.strip(_MARKS)


_ENDS_AS_SENTENCE = re.compile(r"[.!?…]\W*$")
_SENTENCE_INSIDE = re.compile(r"[.!?;:]\s")


def _sentence_like(inner: str, words: int) -> bool:
    """Whether a quotation of ``words`` words (``len(_words(inner))``: the marks stripped from
    its ends take no word away) reads as a sentence or more."""
    if not words:
        return False
    core = _unmarked(inner)
    th = QUOTATION_TYPE.thresholds
    return core[:1].isupper() and (bool(_ENDS_AS_SENTENCE.search(core)) and words >= th["sentence-words"]
                                   or words >= th["long-sentence-words"]
                                   or bool(_SENTENCE_INSIDE.search(core)))


def classify(ctx: Context) -> Typing:
    """The TEI element for a quotation, with its certainty and what told: the first rule of
    ``QUOTATION_TYPE`` that fires (``teikit.weights.quotations``)."""
    rules, th = QUOTATION_TYPE, QUOTATION_TYPE.thresholds
    ev = rules.evidence()
    inner = ctx.inner
    words = _words(inner)
    n = len(words)

    low = lowered(ctx.before)
    tail = -th["cue-chars"]
    cue = _search(_CUE_BEFORE, _CUE_TWIN, ctx.before[tail:], None if low is None else low[tail:])
    if cue and ev.check(rules.so_called_cue, cue.group("so"), cue=cue.group("so")):
        return _typed(ev, SO_CALLED, f"the text calls it “{cue.group('so')}”")
    reference = _REFERENCE.match(ctx.after)
    if reference and ev.check(rules.reference_after, not SPEECH_VERB.search(reference.group("ref")),
                              reference=reference.group("ref")):
        return _typed(ev, QUOTE, "a reference in brackets follows",
                      reference=(reference.start("ref") - 1, reference.end()))
    tag = _TAG_AFTER.match(ctx.after)
    if tag and ev.check(rules.speech_tag, not ctx.after.lstrip().startswith("("),
                        verb=tag.group("v1") or tag.group("v2")):
        return _typed(ev, SAID, "a speech tag follows", speaker=_tag_speaker(ev, tag))
    cited = _CITED_AFTER.match(ctx.after)
    if cited and ev.check(rules.ascribed_after, True, words=" ".join(cited.group().split())):
        return _typed(ev, QUOTE, f"the words are ascribed after it (“{' '.join(cited.group().split())}”)")
    if cue and ev.check(rules.mention_cue, cue.group("mention") and n <= th["mention-words"], cue=cue.group("mention"),
                        words=n):
        return _typed(ev, Q, f"introduced as a name or term (“{cue.group('mention')}”)")

    # (most sentences hold no word of the three lists: one search of them all tells)
    first = _search(CUE_WORD, _CUE_WORD_TWIN, ctx.before, low)
    speech = first and _speech_verb(ctx.before, low, first.start())
    writing = first and _last(WRITING_VERB, _WRITING_TWIN, ctx.before, low, first.start())
    source = first and _last(SOURCE_NOUN, _SOURCE_TWIN, ctx.before, low, first.start())
    points_back = not ctx.before.strip() or _search(_POINTS_BACK, _POINTS_BACK_TWIN, ctx.before, low)
    named: list[bool] = []

    def named_earlier() -> bool:
        """Whether the paragraph before names a written thing (the longest text searched for a
        quotation: searched only when a rule asks)."""
        if not named:
            named.append(_found(SOURCE_NOUN, _SOURCE_TWIN, ctx.earlier, lowered(ctx.earlier)))
        return named[0]

    # whether a written source introduces it, and by which rule (recorded where that decides)
    why_written = rules.evidence()
    # a written thing far back in the sentence is what it is about, not what the quotation comes from
    source_near = source if source is not None and \
        len(_words(ctx.before[source.end():])) <= th["source-near-words"] else None
    written = _written(why_written, speech, writing, source_near, bool(points_back), named_earlier)
    short_phrase = n <= th["short-phrase-words"] and not _sentence_like(inner, n)
    colon = ctx.before.rstrip().endswith(":") or ctx.block_quote
    speech_near = speech is not None and len(_words(ctx.before[speech.end():])) <= th["near-words"]
    writing_near = writing is not None and len(_words(ctx.before[writing.end():])) <= th["near-words"]
    clause = _found(_CLAUSE, _CLAUSE_TWIN, inner, lowered(inner))
    if short_phrase and not (colon or speech_near or writing_near) and not clause and not _ASKS.search(inner):
        greeting = _GREETING.match(inner)
        if greeting and ev.check(rules.greeting, True, greeting=greeting.group().strip()):
            return _typed(ev, SAID, "a greeting or an interjection")
        if ev.check(rules.phrase, n > th["scare-quote-words"] and not written, words=n):
            # scare quotes hold a word or two; a longer phrase is someone else's words
            return _typed(ev, QUOTE, "a phrase of someone else's words, longer than scare quotes")
        if ev.check(rules.short_phrase, True, words=n):
            ev.check(rules.lower_case_words, n <= th["scare-quote-words"] and _unmarked(inner)[:1].islower())
            return _typed(ev, SO_CALLED, "a short phrase, not a sentence")
    if written:
        ev.extend(why_written)
        verb = writing.group() if writing else None
        # (a thing named earlier counts when the sentence points back at it)
        thing = source or not speech and points_back and named_earlier()
        if not ev.check(rules.writing_verb_and_thing, writing and thing, verb=verb):
            ev.check(rules.writing_verb_near, writing and (writing_near or colon), verb=verb, colon=bool(colon))
        return _typed(ev, QUOTE, "a written source introduces it")
    if speech and ev.check(rules.speech_verb, True, verb=speech.group()):
        ev.check(rules.speech_verb_near, speech_near or colon, colon=bool(colon))
        speaker = _speaker_before(ev, ctx.before, speech)
        return _typed(ev, SAID, f"introduced by “{speech.group()}”", speaker=speaker)
    return _fallback(ev, ctx, inner, n, clause, short_phrase and clause and not colon)


def _written(ev: Evidence, speech: re.Match | None, writing: re.Match | None, source: re.Match | None,
             points_back: bool, named_earlier: Callable[[], bool]) -> bool:
    """Whether a written source introduces the quotation; the rule that tells goes into ``ev``.
    The cue nearest the quotation decides between speech and writing ("said in his letter")."""
    rules = QUOTATION_TYPE
    cue = None
    for c in (writing, source):
        if c and (speech is None or c.start() > speech.start()):
            cue = c
            break
    return (ev.check(rules.written_cue, cue, cue=cue.group() if cue else None)
            or ev.check(rules.source_named_earlier, not speech and points_back and named_earlier())
            # "says Engels" in a paragraph about his letter: an author cited
            or ev.check(rules.author_says, speech and speech.group().lower() in en.AUTHOR_SAYS and named_earlier(),
                        verb=speech.group() if speech else None))


def _fallback(ev: Evidence, ctx: Context, inner: str, n: int, clause: bool, fragment: bool) -> Typing:
    """The type told by what the quotation says, and by whether the work reports speech."""
    rules, th = QUOTATION_TYPE, QUOTATION_TYPE.thresholds
    personal = bool(_PERSONAL.search(inner)) or bool(re.search(r"[?!]", inner))
    sentences = _sentence_like(inner, n)
    phrase = n > th["scare-quote-words"]
    # scare quotes hold a word or a name, not a clause: a fragment is someone's words
    if ctx.dialogue and ev.check(rules.fragment_in_dialogue, fragment, words=n):
        tag, reason = SAID, "a fragment of someone's words in a work that reports speech"
    elif ev.check(rules.fragment, fragment, words=n):
        tag, reason = Q, "a fragment of someone's words"
    elif ev.check(rules.personal_paragraph, personal and ctx.block_quote):
        tag, reason = SAID, "a paragraph of first- or second-person speech"
    elif ev.check(rules.personal_sentences, personal and sentences):
        tag, reason = SAID, "first- or second-person sentences"
    elif ev.check(rules.dialogue_sentences, ctx.dialogue and sentences):
        tag, reason = SAID, "sentences in a work that reports speech"
    elif ev.check(rules.long_block, ctx.block_quote and n >= th["long-block-words"], words=n):
        tag, reason = QUOTE, "a long block quotation"
    elif ev.check(rules.phrase, phrase and not clause, words=n):
        tag, reason = QUOTE, "a phrase of someone else's words, longer than scare quotes"
    elif ev.check(rules.clause_in_dialogue, ctx.dialogue and clause, words=n):
        tag, reason = SAID, "words of a clause in a work that reports speech"
    else:
        ev.add(rules.nothing_tells)
        tag, reason = Q, "nothing tells its kind"
    typing = _typed(ev, tag, reason)
    typing.fallback = True
    return typing


# -- a written source named before a quotation --------------------------------------------

_DETERMINERS = rf"(?:{lang.alternation(en.SOURCE_DETERMINERS)})"
_TITLE_PHRASE = re.compile(rf"\b(?:The|the)\s+(?:[A-Z][\w’'-]*\s+){{0,5}}"
                           rf"{alternation(w.title() for w in en.SOURCE_NOUNS)}\b")
_POINTS_BACK_TO_SOURCE = re.compile(rf"\b(?:{lang.alternation(en.POINTING_BACK_WORDS)})\b", re.IGNORECASE)


def source_phrase(text: str, opener: int, evidence: Evidence) -> tuple[int, int] | None:
    """Where the text names the written source of the quotation opening at ``opener``:
    a title ("The Open Letter") or a written thing ("a truly remarkable letter") in the
    same sentence, or in the sentence before when the quotation's own sentence points back
    ("it states"). Offsets in ``text``; None when no such name is found. The rules of
    ``WRITTEN_SOURCE`` that tell go into ``evidence``."""
    sentence = sentence_before(text, opener)
    start = opener - len(sentence)
    found = _source_in(evidence, text, start, opener)
    if found is None and evidence.check(WRITTEN_SOURCE.points_back, _POINTS_BACK_TO_SOURCE.search(sentence)):
        earlier = sentence_before(text, start, WRITTEN_SOURCE.threshold("earlier-chars"))
        found = _source_in(evidence, text, start - len(earlier), start)
    return found


def _source_in(evidence: Evidence, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    window = text[lo:hi]
    titles = list(_TITLE_PHRASE.finditer(window))
    if titles and evidence.check(WRITTEN_SOURCE.title, True, title=titles[-1].group()):
        match = titles[-1]
        return lo + match.start(), lo + match.end()
    noun = _last(SOURCE_NOUN, _SOURCE_TWIN, window, lowered(window))
    if noun is None or not evidence.check(WRITTEN_SOURCE.written_thing, True, noun=noun.group()):
        return None
    head = window[:noun.start()]
    det = list(re.finditer(rf"\b{_DETERMINERS}\b", head, re.IGNORECASE))
    begin = noun.start()
    if det and len(_words(head[det[-1].start():])) <= WRITTEN_SOURCE.threshold("determiner-words") \
            and not re.search(r"[,;:.–—()]", head[det[-1].start():]):
        begin = det[-1].start()
    return lo + begin, lo + noun.end()

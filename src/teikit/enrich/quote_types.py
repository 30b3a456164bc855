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

from teikit import lang
from teikit.enrich.lexicon import is_common_word
from teikit.enrich.trie_regex import alternation
from teikit.lang import en
from teikit.model import HIGH, LOW, MEDIUM

SAID, QUOTE, SO_CALLED, Q = "said", "quote", "soCalled", "q"

# (the verb and noun lists as prefix trees: long windows are searched for them on every quotation)
_SPEECH = alternation(en.SPEECH_CUE_VERBS)
SPEECH_VERB = re.compile(rf"\b{_SPEECH}\b", re.IGNORECASE)
WRITING_VERB = re.compile(rf"\b{alternation(en.WRITING_VERBS)}\b", re.IGNORECASE)
SOURCE_NOUN = re.compile(rf"\b{alternation(en.SOURCE_NOUNS)}\b", re.IGNORECASE)

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
_CUE_BEFORE = re.compile(rf"(?:(?P<so>{lang.alternation(en.SO_CALLED_CUES)})|"
                         rf"(?P<mention>{lang.alternation(en.MENTION_PATTERNS)}))[\s,:]*$", re.IGNORECASE)
# Words ascribed after the closing mark: "to use Engels’ expression", "in Lenin’s words".
_CITED_AFTER = re.compile(rf"^[\s,;—–-]*(?:{lang.alternation(en.ASCRIBING_WORDS)})\s+(?:[\w’'.-]+\s+){{0,3}}?"
                          rf"(?:{lang.alternation(en.ASCRIBED_WORDS)})\b"
                          # "…, as the old song has it", "…, the proverb says"
                          rf"|^[\s,;—–-]*(?:as\s+)?(?:{lang.alternation(en.CITED_DETERMINERS)})\s+"
                          r"(?:[\w’'-]+\s+){0,2}?"
                          rf"{alternation(en.SOURCE_NOUNS | en.SAYINGS)}\s+"
                          rf"(?:{lang.alternation(en.SAYING_VERBS)})\b")
# Words that make a phrase a clause (pronouns, auxiliaries, negation).
_CLAUSE = re.compile(rf"\b(?:{lang.alternation(en.CLAUSE_PATTERNS)})\b", re.IGNORECASE)
# Words of verse and of the older literary language: a quotation that uses them is cited.
_POETIC = re.compile(rf"\b(?:{lang.alternation(en.POETIC_PATTERNS)})\b", re.IGNORECASE)
# What opens a greeting or an exclamation, words spoken rather than scare quotes.
_GREETING = re.compile(rf"\W*(?:{lang.alternation(en.EXCLAMATION_PATTERNS)})\b", re.IGNORECASE)
_ASKS = re.compile(r"[?!][^\w]*$")
_PERSONAL = re.compile(rf"\b(?:{lang.alternation(en.FIRST_SECOND_PERSON)})\b|"
                       rf"\b(?:{lang.alternation(en.FIRST_SECOND_PERSON_CAPITALISED)})\b")
_SENTENCE_END = re.compile(r"[.!?…][”’\"»)]*\s+(?=[“‘\"«(]?[A-Z])")
_REFERENCE = re.compile(rf"^\s*\((?P<ref>[^()]{{2,200}}?(?:\d|{lang.alternation(en.REFERENCE_PATTERNS)})"
                        r"[^()]{0,200})\)")
# A sentence that points back at a written thing named before it ("it states", "which reads").
_POINTS_BACK = re.compile(rf"\b(?:{lang.alternation(en.POINTING_WORDS)})\b", re.IGNORECASE)


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
    verse: bool = False  # the quotation runs over lines of verse (line breaks that are the text's)


@dataclass
class Typing:
    tag: str
    cert: str
    reason: str
    speaker: str | None = None  # a name as written, or "I" for the narrator
    # a reference in brackets after the closing mark, brackets included (offsets in ``after``)
    reference: tuple[int, int] | None = None
    fallback: bool = False  # told by the last cues only, which read ``Context.dialogue``


def sentence_starts(text: str) -> list[int]:
    """Offsets where a new sentence starts in ``text`` (not after initials or abbreviations)."""
    starts = []
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + 1  # after the full stop
        token = text[max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("\t", 0, end)) + 1:end]
        if token.endswith(".") and (len(token) <= 2 or "." in token[:-1]
                                    or token[:-1].lower() in en.SENTENCE_ABBREVIATIONS):
            continue  # "S. Kossior", "U.S.S.R. The", "Mr. Brown"
        starts.append(match.end())
    return starts


def sentence_before(text: str, end: int, limit: int = 300) -> str:
    """The text of ``text[:end]`` back to the start of its sentence (at most ``limit`` chars)."""
    head = text[max(0, end - limit):end]
    starts = sentence_starts(head)
    return head[starts[-1]:] if starts else head


def sentence_after(text: str, start: int, limit: int = 200) -> str:
    tail = text[start:start + limit]
    starts = sentence_starts(tail)
    return tail[:starts[0]] if starts else tail


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w’'-]*", text)


# A name right after a preposition is a place or an object, not the subject of the speech verb.
_AFTER_PREPOSITION = re.compile(rf"\b(?:{lang.alternation(en.OBJECT_PREPOSITIONS)})\s+$", re.IGNORECASE)


def _speaker_before(before: str, verb: re.Match) -> str | None:
    """The subject of a speech verb: "I" when the narrator speaks, else the nearest name.
    An inverted subject ("said he", "said Mrs Brown") comes first; the words of another
    quotation are nobody's name."""
    inverted = re.match(rf"\s+(?:(?P<pronoun>{_PRONOUN})|(?P<name>{_NAME}))\b", before[verb.end():])
    if inverted:
        return inverted.group("name") if inverted.group("name") not in en.NOT_SPEAKER_NAMES else None
    head = re.sub(r"[“‘«„\"][^”’»“\"]*[”’»“\"]", lambda m: " " * len(m.group()), before[:verb.start()])
    words = _words(head)
    if words and words[-1] == "I" or re.search(r"\bI\s+(?:\w+\s+){0,2}$", head):
        return "I"
    names = [m for m in re.finditer(_NAME, head) if m.group().split()[0] not in en.NOT_SPEAKER_NAMES
             and m.group().split()[0] not in en.NEVER_NAMES  # "in March", "God knows"
             and not _AFTER_PREPOSITION.search(head, 0, m.start())  # "a delegate from Tambov told us"
             and not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", m.group())]
    # a capitalised word at the start of the sentence is not evidence of a name, unless it is the
    # verb's subject and no ordinary word ("Trotsky said at Brest:", not "Then said the other:")
    names = [m for m in names if m.start() > 0 or len(m.group().split()) > 1 or
             (not head[m.end():].strip() and not is_common_word(m.group()))]
    return names[-1].group() if names else None


def _nearest(pattern: re.Pattern, text: str) -> re.Match | None:
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _speech_verb(before: str) -> re.Match | None:
    """The last speech verb of ``before`` used as a verb ("in answer", "the question" are nouns)."""
    found = None
    for match in SPEECH_VERB.finditer(before):
        previous = re.search(r"(\w+)\W*$", before[:match.start()])
        if previous is None or previous.group(1).lower() not in en.NOUN_MARKERS:
            found = match
    return found


_MARKS = " “”‘’\"'«»‹›„"


def _unmarked(inner: str) -> str:
    """A quotation's words without its marks (and the spaces next to them)."""
    return inner.strip(_MARKS)


def _sentence_like(inner: str) -> bool:
    core = _unmarked(inner)
    words = _words(core)
    if not words:
        return False
    return core[:1].isupper() and (bool(re.search(r"[.!?…]\W*$", core)) and len(words) >= 3 or len(words) >= 8
                                   or bool(re.search(r"[.!?;:]\s", core)))


def classify(ctx: Context) -> Typing:
    """The TEI element for a quotation, with its certainty and what told."""
    inner = ctx.inner
    words = _words(inner)
    n = len(words)

    cue = _CUE_BEFORE.search(ctx.before[-40:])
    if cue and cue.group("so"):
        return Typing(SO_CALLED, HIGH, f"the text calls it “{cue.group('so')}”")
    reference = _REFERENCE.match(ctx.after)
    if reference and not SPEECH_VERB.search(reference.group("ref")):
        return Typing(QUOTE, HIGH, "a reference in brackets follows",
                      reference=(reference.start("ref") - 1, reference.end()))
    tag = _TAG_AFTER.match(ctx.after)
    if tag and not ctx.after.lstrip().startswith("("):
        speaker = tag.group("s1") or tag.group("s2")
        return Typing(SAID, HIGH, "a speech tag follows", speaker=speaker)
    cited = _CITED_AFTER.match(ctx.after)
    if cited:
        return Typing(QUOTE, MEDIUM, f"the words are ascribed after it (“{' '.join(cited.group().split())}”)")
    if cue and cue.group("mention") and n <= 12:
        return Typing(Q, MEDIUM, f"introduced as a name or term (“{cue.group('mention')}”)")

    speech = _speech_verb(ctx.before)
    writing = _nearest(WRITING_VERB, ctx.before)
    source = _nearest(SOURCE_NOUN, ctx.before)
    # the cue nearest the quotation decides between speech and writing ("said in his letter")
    written = any(cue and (speech is None or cue.start() > speech.start()) for cue in (writing, source))
    points_back = not ctx.before.strip() or _POINTS_BACK.search(ctx.before)
    named_earlier = bool(SOURCE_NOUN.search(ctx.earlier))
    if not speech and points_back and named_earlier:
        written, source = True, SOURCE_NOUN.search(ctx.earlier)
    if speech and not written and speech.group().lower() in en.AUTHOR_SAYS and named_earlier:
        written = True  # "says Engels" in a paragraph about his letter: an author cited
    short_phrase = n <= 5 and not _sentence_like(inner)
    colon = ctx.before.rstrip().endswith(":") or ctx.block_quote
    speech_near = speech is not None and len(_words(ctx.before[speech.end():])) <= 4
    writing_near = writing is not None and len(_words(ctx.before[writing.end():])) <= 4
    clause = bool(_CLAUSE.search(inner))
    if not speech_near and (ctx.verse or _POETIC.search(inner)):
        return Typing(QUOTE, MEDIUM if ctx.verse or written else LOW,
                      "lines of verse" if ctx.verse else "the language of verse or of older writing")
    if short_phrase and not (colon or speech_near or writing_near) and not clause and not _ASKS.search(inner):
        lower = _unmarked(inner)[:1].islower()
        if _GREETING.match(inner):
            return Typing(SAID, LOW, "a greeting or an interjection")
        if n >= 3 and not written:
            # scare quotes hold a word or two; a longer phrase is someone else's words
            return Typing(QUOTE, LOW, "a phrase of someone else's words, longer than scare quotes")
        return Typing(SO_CALLED, HIGH if n <= 2 and lower else MEDIUM, "a short phrase, not a sentence")
    if written:
        both = bool(writing) and bool(source)
        return Typing(QUOTE, HIGH if both or (colon and writing) or writing_near else MEDIUM,
                      "a written source introduces it")
    if speech:
        return Typing(SAID, HIGH if speech_near or colon else MEDIUM, f"introduced by “{speech.group()}”",
                      speaker=_speaker_before(ctx.before, speech))
    return _fallback(ctx, inner, n, clause, short_phrase and clause and not colon)


def _fallback(ctx: Context, inner: str, n: int, clause: bool, fragment: bool) -> Typing:
    """The type told by what the quotation says, and by whether the work reports speech."""
    personal = bool(_PERSONAL.search(inner)) or bool(re.search(r"[?!]", inner))
    if fragment:
        # scare quotes hold a word or a name, not a clause: these are someone's words
        typing = Typing(SAID, LOW, "a fragment of someone's words in a work that reports speech") if ctx.dialogue \
            else Typing(Q, LOW, "a fragment of someone's words")
    elif personal and ctx.block_quote:
        typing = Typing(SAID, MEDIUM, "a paragraph of first- or second-person speech")
    elif personal and _sentence_like(inner):
        typing = Typing(SAID, LOW, "first- or second-person sentences")
    elif ctx.dialogue and _sentence_like(inner):
        typing = Typing(SAID, LOW, "sentences in a work that reports speech")
    elif ctx.block_quote and n >= 30:
        typing = Typing(QUOTE, LOW, "a long block quotation")
    elif _sentence_like(inner):
        # nobody is said to speak it, nobody is addressed, and the work does not report speech
        typing = Typing(QUOTE, LOW, "sentences nobody speaks: cited from writing")
    elif n >= 3 and not clause:
        typing = Typing(QUOTE, LOW, "a phrase of someone else's words, longer than scare quotes")
    elif n >= 3 and _unmarked(inner)[:1].islower():
        # a clause begun in lower case, woven into the writer's own sentence: borrowed words
        typing = Typing(QUOTE, LOW, "a clause of someone else's words inside the writer's sentence")
    else:
        typing = Typing(Q, LOW, "nothing tells its kind")
    typing.fallback = True
    return typing


# -- a written source named before a quotation --------------------------------------------

_DETERMINERS = rf"(?:{lang.alternation(en.SOURCE_DETERMINERS)})"
_TITLE_PHRASE = re.compile(rf"\b(?:The|the)\s+(?:[A-Z][\w’'-]*\s+){{0,5}}"
                           rf"{alternation(w.title() for w in en.SOURCE_NOUNS)}\b")
_POINTS_BACK_TO_SOURCE = re.compile(rf"\b(?:{lang.alternation(en.POINTING_BACK_WORDS)})\b", re.IGNORECASE)


def source_phrase(text: str, opener: int, earlier_limit: int = 400) -> tuple[int, int] | None:
    """Where the text names the written source of the quotation opening at ``opener``:
    a title ("The Open Letter") or a written thing ("a truly remarkable letter") in the
    same sentence, or in the sentence before when the quotation's own sentence points back
    ("it states"). Offsets in ``text``; None when no such name is found."""
    sentence = sentence_before(text, opener)
    start = opener - len(sentence)
    found = _source_in(text, start, opener)
    if found is None and _POINTS_BACK_TO_SOURCE.search(sentence):
        earlier = sentence_before(text, start, earlier_limit)
        found = _source_in(text, start - len(earlier), start)
    return found


def _source_in(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    window = text[lo:hi]
    titles = list(_TITLE_PHRASE.finditer(window))
    if titles:
        match = titles[-1]
        return lo + match.start(), lo + match.end()
    nouns = list(SOURCE_NOUN.finditer(window))
    if not nouns:
        return None
    noun = nouns[-1]
    head = window[:noun.start()]
    det = list(re.finditer(rf"\b{_DETERMINERS}\b", head, re.IGNORECASE))
    begin = noun.start()
    if det and len(_words(head[det[-1].start():])) <= 4 and not re.search(r"[,;:.–—()]", head[det[-1].start():]):
        begin = det[-1].start()
    return lo + begin, lo + noun.end()

"""The kind of text a work is (letter, chapter, speech, article), from what the reader decided.

Nothing new is read here: the reader has already taken the work for a letter, a chapter's
heading for its title, a date line or headnote for what it says; this names the kind for the
header's ``profileDesc/textClass``, so that a catalogue or an index can sort the works. A work
none of the rules fits gets no class (no guess).
"""

from __future__ import annotations

import re

from teikit.lang import alternation, gather
from teikit.model import Work
from teikit.readers.roles import DOCDATE, META, Judged
from teikit.weights.structure import GENRE, TITLE_BLOCK

SPEECH_CUES = re.compile(rf"\b(?:{alternation(gather('SPEECH_PATTERNS'))})", re.I)


def _chapter(judged: list[Judged]) -> bool:
    name = TITLE_BLOCK.chapter_title.name
    return any(j.evidence is not None and any(f.rule == name for f in j.evidence.fired) for j in judged)


def _speech(work: Work, judged: list[Judged]) -> bool:
    stated = [j.sig.text for j in judged if j.role in (DOCDATE, META)] + list(work.meta.credits)
    return any(SPEECH_CUES.search(text) for text in stated)


def _article(work: Work) -> bool:
    pub = work.meta.first_published
    return pub is not None and bool(pub.title) and bool(pub.volume or pub.issue or pub.pages)


def classify(work: Work, judged: list[Judged]) -> None:
    """``work.meta.genre`` (and its evidence in the header's decisions) by the first rule that holds."""
    tests = (("letter", lambda: work.meta.letter is not None), ("chapter", lambda: _chapter(judged)),
             ("speech", lambda: _speech(work, judged)), ("article", lambda: _article(work)))
    for genre, holds in tests:
        evidence = GENRE.evidence()
        if evidence.check(GENRE[genre], holds()):
            work.meta.genre = genre
            work.meta.decisions["genre"] = evidence.decide(genre, GENRE.cert(evidence.score))
            return

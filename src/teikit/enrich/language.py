"""The whole text's language, and passages in another language than the document's get ``xml:lang``.

The reader guesses the text's language from the common words of the languages it has word
lists for (``teikit.lang``), English when none dominates; a text in another language (Russian)
would be taken as English. The detector judges the whole text first, over its paragraphs.

Detection is offline (lingua, whose models ship in its wheel), restricted to the languages
such texts mix (for speed and fewer confusions), and judged over a whole division when it is
a unit of its own (a page's navigation, a comment form) or else over a whole block, never line
by line: short lines are too little evidence.
"""

from __future__ import annotations

import functools
import re

from teikit.model import HIGH, Block, Division, Document, Part, ReviewItem, iter_blocks
from teikit.readers.signals import stopword_counts
from teikit.weights.languages import LANGUAGE, TEXT_LANGUAGE

# The languages considered (ISO 639-1), the document's own always among them.
LIKELY = ("en", "fr", "de", "es", "it", "pt", "nl", "ru")
# Enough text to judge a long division or block by.
SAMPLE = 1000
CONFIDENCE_DIGITS = 9
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...], accurate: bool):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return builder.build() if accurate else builder.with_low_accuracy_mode().build()


def _ranked(text: str, codes: tuple[str, ...], accurate: bool) -> list[tuple[str, float]]:
    """The languages by lingua's confidence. Its confidences differ in their last digits from run to
    run (sums in another order), so CONFIDENCE_DIGITS are kept: the same text gives the same trace."""
    values = _detector(codes, accurate).compute_language_confidence_values(text[:SAMPLE])
    return [(v.language.iso_code_639_1.name.lower(), round(v.value, CONFIDENCE_DIGITS)) for v in values]


def detect(text: str, codes: tuple[str, ...] = LIKELY, expected: str | None = None) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) of the most likely language of ``text``, or None.

    The quick model (a tenth of the loading time) ranks the languages; when it puts another
    language than the ``expected`` one first, the accurate model, better on short texts,
    judges between the expected language and the quick model's two best."""
    quick = _ranked(text, codes, accurate=False)
    if not quick:
        return None
    if quick[0][0] == expected:
        return quick[0]
    finalists = tuple(sorted({*(code for code, _ in quick[:2]), *([expected] if expected else [])}))
    accurate = _ranked(text, finalists, accurate=True)
    return accurate[0] if accurate else None


def clearly_in(text: str, lang: str) -> bool:
    """Whether the commonest words of ``lang`` plainly dominate ``text`` (no detector needed)."""
    counts = stopword_counts(text[:SAMPLE])
    own = counts.get(lang, 0)
    th = LANGUAGE.thresholds
    return own >= th["clear-stopwords"] and \
        own >= th["clear-ratio"] * max((n for k, n in counts.items() if k != lang), default=0)


def _title_like(text: str) -> bool:
    words = _WORDS.findall(text[:SAMPLE])
    return not words or sum(w[0].isupper() for w in words) * 2 >= len(words)


def _letters(text: str) -> int:
    """The letters among the first SAMPLE characters (what is left when the rest is taken out:
    no list of one-character matches)."""
    return len(_NOT_LETTERS.sub("", text[:SAMPLE]))


class _Marker:
    def __init__(self, doc: Document, index: int, codes: tuple[str, ...]):
        self.doc = doc
        self.index = index
        self.codes = codes

    def judge(self, text: str, minimum: int) -> tuple[str, float] | None:
        if _letters(text) < minimum or clearly_in(text, self.doc.lang):
            return None
        found = detect(text, self.codes, self.doc.lang)
        if found is None or found[0] == self.doc.lang or found[1] < LANGUAGE.threshold("medium"):
            return None
        return found

    def parts(self, parts: list[Part]) -> None:
        for part in parts:
            if isinstance(part, Division):
                self.division(part)
            else:
                self.block(part, LANGUAGE.threshold("min-letters-block"))

    def division(self, div: Division) -> None:
        blocks = ([div.head] if div.head is not None else []) + [p for p in div.content if isinstance(p, Block)]
        if len(blocks) == len(div.content) + (div.head is not None):  # a division of blocks only
            text = "\n".join(b.text for b in blocks)
            found = self.judge(text, LANGUAGE.threshold("min-letters-division"))
            if found and self.mark(div, found, blocks[0].line if blocks else None, text):
                return
        if div.head is not None:
            self.block(div.head, LANGUAGE.threshold("min-letters-block"))
        self.parts(div.content)

    def block(self, block: Block, minimum: int) -> None:
        if _title_like(block.text):
            return  # names and title words are poor evidence of a language on their own
        found = self.judge(block.text, minimum)
        if found:
            self.mark(block, found, block.line, block.text)

    def mark(self, part: Block | Division, found: tuple[str, float], line: int | None, text: str) -> bool:
        """``xml:lang`` on ``part`` for the language found, with the evidence; False when the
        rule is switched off."""
        code, confidence = found
        evidence = LANGUAGE.evidence()
        if not evidence.add(LANGUAGE.detected, LANGUAGE.detected.weight * confidence, lang=code,
                            confidence=round(confidence, 3), letters=_letters(text)):
            return False
        cert = LANGUAGE.cert(evidence.score)
        evidence.decide(code, cert, LANGUAGE.threshold("medium"), [(self.doc.lang, 0.0)])
        part.attrs["xml:lang"] = code
        part.decisions.append(evidence)
        if cert != HIGH:
            self.doc.review.append(ReviewItem(
                "language", line, " ".join(text.split())[:80], f"passage taken as xml:lang='{code}'",
                cert=cert, work=self.index, data={"lang": code, "confidence": f"{confidence:.2f}"},
                evidence=evidence))
        return True


def _paragraphs(doc: Document) -> list[str]:
    """The text's paragraphs, enough of them to judge by (headings, metadata and page chrome are
    poorer evidence)."""
    texts: list[str] = []
    for work in doc.works:
        for part in work.body:
            for block in iter_blocks(part):
                if block.kind == "p" and _letters(block.text) >= LANGUAGE.threshold("min-letters-block"):
                    texts.append(block.text)
                    if sum(map(len, texts)) >= TEXT_LANGUAGE.threshold("sample"):
                        return texts
    return texts


def judge_text_language(doc: Document) -> None:
    """The whole text's language: the language most of its paragraphs are in, by letters, each
    paragraph judged by the detector. The reader's guess stands unless another language has the
    majority (then ``doc.lang`` and the works in it change, with the evidence in the header's
    decisions). The word-list shortcut (``clearly_in``) is taken paragraph by paragraph, never over
    the whole text: it cannot see a language without word lists, and one English paragraph made a
    Russian text "clearly English"."""
    paragraphs = _paragraphs(doc)
    total = sum(_letters(text) for text in paragraphs)
    if total < TEXT_LANGUAGE.threshold("min-letters"):
        return
    codes = tuple(dict.fromkeys((doc.lang, *LIKELY)))
    votes: dict[str, int] = {}
    for text in paragraphs:
        if clearly_in(text, doc.lang):  # plainly the reader's guess, by its common words: no detector
            votes[doc.lang] = votes.get(doc.lang, 0) + _letters(text)
            continue
        found = detect(text, codes, doc.lang)
        if found is not None:
            votes[found[0]] = votes.get(found[0], 0) + _letters(text)
    code = max(sorted(votes), key=votes.get, default=doc.lang)
    share = votes.get(code, 0) / total
    if code == doc.lang or share < TEXT_LANGUAGE.threshold("majority"):
        return
    evidence = TEXT_LANGUAGE.evidence()
    if not evidence.add(TEXT_LANGUAGE.majority, TEXT_LANGUAGE.majority.weight * share, lang=code,
                        share=round(share, 3), paragraphs=len(paragraphs), letters=total):
        return
    cert = TEXT_LANGUAGE.cert(evidence.score)
    evidence.decide(code, cert, TEXT_LANGUAGE.threshold("majority"), [(doc.lang, votes.get(doc.lang, 0) / total)])
    before, doc.lang = doc.lang, code
    for work in doc.works:
        if work.lang in (None, before):
            work.lang = code
            work.meta.decisions["language"] = evidence
    if cert != HIGH:
        doc.review.append(ReviewItem("language", None, " ".join(paragraphs[0].split())[:80],
                                     f"the text taken as xml:lang='{code}'", cert=cert,
                                     data={"lang": code, "share": f"{share:.2f}"}, evidence=evidence))


def mark_languages(doc: Document) -> None:
    """The enricher: the whole text's language, then xml:lang on divisions and blocks in another
    language than ``doc.lang``."""
    judge_text_language(doc)
    codes = tuple(dict.fromkeys((doc.lang, *LIKELY))) if doc.lang in LIKELY else LIKELY
    for index, work in enumerate(doc.works):
        marker = _Marker(doc, index, codes)
        marker.parts(work.front)
        marker.parts(work.body)
        marker.parts(work.back)

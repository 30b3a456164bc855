"""Likely transcription errors, proposed for ``teikit review``; never applied.

A correction only reaches the TEI when an editor's file confirms it (``teikit.enrich.edits``).
The proposals come from word frequencies (wordfreq, whose lists ship in its wheel) and from
the text itself:

- non-words: a lower-case word no list knows, with a frequent word one edit away;
- run-together words: "theBolshevik", "ofthe";
- split words: "remark ; able", "exper iment";
- real-word errors the neighbours betray: "off the" after a word that takes no "off",
  "to he a", "of coarse", "al the", a stray stop after "and", a capital mid-sentence, a
  possessive that cuts a name short ("Engel’s" where the text says "Engels"), and a word one
  letter away from a pairing the text uses elsewhere ("hanger-strikers" beside "hunger strike").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from typing import Iterator

from teikit.model import LOW, MEDIUM, Block, Division, Document, Part, ReviewItem

CATEGORY = "correction"
LANG = "en"
# Zipf frequencies (log10 of uses per billion words): a "known" word, a "common" one.
KNOWN, COMMON = 2.5, 3.5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_DETERMINERS = frozenset("the a an his her their its our my your this that these those mine yours ours theirs "
                         "all every each some any".split())
# Verbs that take "off" ("call off the strike"), in the forms the text may use.
_OFF_VERBS = frozenset(
    "bear beat blast block break bring brush buy call carry cast check clear come cool cut drive drop dust fall "
    "fend fight finish fire fly get give go hand head hold jump keep kick knock laugh lay lead leave let live log "
    "make move nod pass pay peel pull push put rip round rub run see sell send set shake show shrug shut sign slip "
    "spin start storm switch take tear throw tick tip top trail turn walk ward wash wear wipe write "
    "bore borne beaten broke broken brought bought came drove driven fell fallen fought flew got gotten gave "
    "given went gone held kept laid led left made paid ran saw seen sold sent shook shaken took taken tore torn "
    "threw thrown wore worn wrote written hit cost chop chopped dragged scrape scraped tip tipped".split())
_OFF_ALSO = frozenset("be is are was were been being far well better worse badly way right straight just "
                      "and on the".split())
_MODALS = frozenset("to will would shall should can could may might must cannot not".split())
# Idioms a real word spoils: (words as found, as meant).
_IDIOMS = {("of", "coarse"): ("of", "course"), ("unheard", "off"): ("unheard", "of"), ("could", "of"): ("could", "have"),
           ("would", "of"): ("would", "have"), ("should", "of"): ("should", "have"),
           ("must", "of"): ("must", "have"), ("more", "then"): ("more", "than"),
           ("rather", "then"): ("rather", "than"), ("less", "then"): ("less", "than"),
           ("better", "then"): ("better", "than"), ("other", "then"): ("other", "than")}
# Words a sentence never ends with: a full stop after one is stray.
_FUNCTION_BEFORE_STOP = frozenset("and or the a an of".split())
_PRONOUNS = ("he", "she", "we", "it", "you", "they")
_AUXILIARIES = frozenset("has had have is was will would does did can could shall should may might must".split())
_SENTENCE_STARTERS = frozenset("But And The This It He She We They There Then Thus So Yet".split())


@dataclass(frozen=True)
class Proposal:
    start: int
    end: int
    found: str
    proposed: str
    kind: str  # "non-word", "run-together", "split", "real-word", "punctuation", "spelling"
    cert: str
    reason: str


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.replace("’", "'"), LANG)


def known(word: str) -> bool:
    return zipf(word.lower()) >= KNOWN


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
            | {a + c + b for a, b in splits for c in _LETTERS}) - {word}


def best_neighbour(word: str, minimum: float = COMMON) -> str | None:
    """The most frequent word one edit away from ``word`` (at least ``minimum``), or None."""
    scored = [(zipf(c), c) for c in _edits1(word.lower())]
    scored = [(z, c) for z, c in scored if z >= minimum]
    return max(scored)[1] if scored else None


def _split_run_together(word: str) -> tuple[str, str] | None:
    camel = re.fullmatch(r"([a-z]{1,12})([A-Z][a-z]+)", word)
    if camel and known(camel.group(1)):
        return camel.group(1), camel.group(2)
    if word.islower() and len(word) >= 6 and zipf(word) == 0:
        splits = [(min(zipf(word[:i]), zipf(word[i:])), word[:i], word[i:]) for i in range(2, len(word) - 1)]
        score, left, right = max(splits)
        if score >= COMMON + 1:
            return left, right
    return None


class _Proposer:
    def __init__(self, text: str, vocabulary: Counter, pairs: Counter):
        self.text = text
        self.vocabulary = vocabulary  # word -> uses in the whole document
        self.pairs = pairs  # (word, next word) -> uses in the whole document
        self.tokens = list(_WORD.finditer(text))
        self.out: list[Proposal] = []

    def add(self, start: int, end: int, proposed: str, kind: str, cert: str, reason: str) -> None:
        self.out.append(Proposal(start, end, self.text[start:end], proposed, kind, cert, reason))

    def between(self, i: int) -> str:
        return self.text[self.tokens[i].end():self.tokens[i + 1].start()]

    def run(self) -> list[Proposal]:
        for i, token in enumerate(self.tokens):
            self.word(i, token)
            if i + 1 < len(self.tokens):
                self.pair(i)
        return self.out

    def word(self, i: int, token: re.Match) -> None:
        word = token.group()
        parts = _split_run_together(word) if not known(word) else None
        if parts:
            self.add(token.start(), token.end(), " ".join(parts), "run-together", MEDIUM,
                     "two words run together")
            return
        if word.islower() and len(word) >= 3 and zipf(word) == 0 and "’" not in word and "'" not in word:
            neighbour = best_neighbour(word)
            if neighbour:
                self.add(token.start(), token.end(), neighbour, "non-word", MEDIUM, "not an English word")
            return
        if word[:1].isupper() and word[1:].islower() and zipf(word.lower()) < 3 and i + 1 < len(self.tokens):
            following = self.tokens[i + 1].group().lower()
            pronoun = next((p for p in _PRONOUNS if p in _edits1(word.lower())), None)
            if pronoun and following in _AUXILIARIES and self.between(i).strip() == "":
                self.add(token.start(), token.end(), pronoun.capitalize(), "real-word", MEDIUM,
                         f"a rare word where the pronoun “{pronoun}” fits")
        self.possessive(token)
        self.near_pairing(i, token)

    def possessive(self, token: re.Match) -> None:
        match = re.fullmatch(r"([A-Z][a-z]+)[’']s", token.group())
        if match and self.vocabulary[match.group(1) + "s"] and not self.vocabulary[match.group(1)]:
            self.add(token.start(), token.end(), match.group(1) + "s’", "spelling", MEDIUM,
                     f"the text calls him or her {match.group(1)}s")

    def near_pairing(self, i: int, token: re.Match) -> None:
        """A word one letter away from one the text pairs with the same next word elsewhere."""
        if i + 1 >= len(self.tokens) or len(token.group()) < 4 or self.between(i) not in ("-", " "):
            return
        word, following = token.group().lower(), self.tokens[i + 1].group().lower()
        if zipf(word) >= COMMON or zipf(following) >= 5.5 or self.pairs[(word, following)] > 1:
            return  # a common word, a pairing with a function word, or one the text repeats
        for (a, b), uses in self.pairs.items():
            if (uses >= 2 and a != word and b[:5] == following[:5] and len(a) == len(word)
                    and a in _edits1(word) and zipf(a) > zipf(word)):
                self.add(token.start(), token.end(), a, "real-word", MEDIUM,
                         f"the text says “{a} {b}” elsewhere")
                return

    def pair(self, i: int) -> None:
        left, right = self.tokens[i], self.tokens[i + 1]
        a, b = left.group(), right.group()
        gap = self.between(i)
        if (a.lower(), b.lower()) in _IDIOMS and gap == " ":
            meant = _IDIOMS[(a.lower(), b.lower())]
            changed = 1 if meant[1] != b.lower() else 0
            token = (left, right)[changed]
            self.add(token.start(), token.end(), meant[changed], "real-word", MEDIUM, f"“{' '.join(meant)}”")
        elif gap == " ":
            self.real_word(i, a, b)
        self.split(i, a, b, gap)
        self.punctuation(i, a, b, gap)

    def real_word(self, i: int, a: str, b: str) -> None:
        previous = self.tokens[i - 1].group().lower() if i else ""
        left, right = self.tokens[i], self.tokens[i + 1]
        if a == "off" and previous not in _OFF_ALSO and not self._off_verb_before(i) \
                and (b in _DETERMINERS or (b.islower() and zipf(b) < 5.5)):
            self.add(left.start(), left.end(), "of", "real-word", MEDIUM if b in _DETERMINERS else LOW,
                     f"“{previous} off {b}”: “of” fits")
        elif a == "he" and previous in _MODALS and (b in _DETERMINERS or b.endswith(("ed", "ly", "en"))):
            self.add(left.start(), left.end(), "be", "real-word", MEDIUM, f"“{previous} he {b}”: “be” fits")
        elif a == "al" and (b in _DETERMINERS or b.endswith("s")):
            self.add(left.start(), left.end(), "all", "real-word", MEDIUM, f"“al {b}”: “all” fits")
        elif b[:1].isupper() and b.lower() in _MID_SENTENCE_LOWER and a.islower() and known(a):
            self.add(right.start(), right.end(), b.lower(), "punctuation", LOW, "a capital in mid-sentence")
        elif b in _SENTENCE_STARTERS and a.islower() and known(a) and a not in _FUNCTION_BEFORE_STOP:
            self.add(left.start(), right.end(), f"{a}. {b}", "punctuation", LOW, "a full stop seems missing")

    def _off_verb_before(self, i: int, window: int = 6) -> bool:
        """Whether the clause before token ``i`` has a verb that "off" may follow ("took the
        pot off the fire", "jumped off")."""
        for j in range(i - 1, max(-1, i - 1 - window), -1):
            word = self.tokens[j].group().lower()
            if word in _OFF_VERBS or word.endswith(("ed", "ing")):
                return True
            if re.search(r"[,;:.!?()“”\"—–]", self.between(j)):
                return False
        return False

    def split(self, i: int, a: str, b: str, gap: str) -> None:
        joined = a + b
        if len(a) < 2 or len(b) < 2 or not a[1:].islower() or not b.islower() or not re.fullmatch(r"\s*[;,.:]?\s+|\s+", gap) or zipf(joined.lower()) < COMMON:
            return
        punctuated = bool(gap.strip())
        if punctuated and min(zipf(a.lower()), zipf(b)) >= 5:
            return  # two common words on either side of a comma ("go, at")
        if punctuated or not known(a) or not known(b):
            left, right = self.tokens[i], self.tokens[i + 1]
            self.add(left.start(), right.end(), joined, "split", MEDIUM if punctuated else LOW,
                     "one word split in two")

    def punctuation(self, i: int, a: str, b: str, gap: str) -> None:
        if a.lower() in _FUNCTION_BEFORE_STOP and re.fullmatch(r"\.\s+", gap) and i:
            left = self.tokens[i]
            self.add(left.start(), left.end() + 1, a, "punctuation", MEDIUM, f"a stray full stop after “{a}”")
        elif (gap.startswith(". ") and a.islower() and b.islower() and len(a) > 2 and known(a)
              and self.text[self.tokens[i].start() - 1:self.tokens[i].start()] != "."):
            stop = self.tokens[i].end()
            self.add(stop, stop + 1, ",", "punctuation", LOW, "a full stop before a lower-case word")


def _blocks_in(lang: str, parts: list[Part]) -> Iterator[Block]:
    """The blocks of ``parts`` written in ``lang`` (passages marked with another xml:lang are
    skipped, with all they hold)."""
    for part in parts:
        if part.attrs.get("xml:lang", lang) != lang:
            continue
        if isinstance(part, Division):
            yield from _blocks_in(lang, ([part.head] if part.head is not None else []) + part.content)
        else:
            yield part


_MID_SENTENCE_LOWER = frozenset("in its with of to for on at by from as into upon".split())


def document_counts(texts: list[str]) -> tuple[Counter, Counter]:
    words: Counter = Counter()
    pairs: Counter = Counter()
    for text in texts:
        tokens = [m.group() for m in _WORD.finditer(text)]
        words.update(tokens)
        pairs.update((a.lower(), b.lower()) for a, b in zip(tokens, tokens[1:]))
    return words, pairs


def propose(text: str, vocabulary: Counter | None = None, pairs: Counter | None = None) -> list[Proposal]:
    """Proposed corrections for one block of text (offsets in ``text``)."""
    if vocabulary is None or pairs is None:
        vocabulary, pairs = document_counts([text])
    seen: set[tuple[int, int]] = set()
    out = []
    for proposal in _Proposer(text, vocabulary, pairs).run():
        if (proposal.start, proposal.end) not in seen:
            seen.add((proposal.start, proposal.end))
            out.append(proposal)
    return out


def review_item(proposal: Proposal, line: int | None, work: int | None = None) -> ReviewItem:
    return ReviewItem(CATEGORY, line, proposal.found, f"{proposal.reason}: “{proposal.found}” → “{proposal.proposed}”?",
                      cert=proposal.cert, work=work,
                      data={"found": proposal.found, "proposed": proposal.proposed, "kind": proposal.kind})


def propose_corrections(doc: Document) -> None:
    """Review items for the likely transcription errors of ``doc`` that no editor has ruled on."""
    if doc.lang != LANG:
        return
    vocabulary, pairs = document_counts([b.text for b in doc.blocks()])
    for index, work in enumerate(doc.works):
        for block in _blocks_in(doc.lang, [*work.front, *work.body, *work.back]):
            ruled = [(s.start, s.end) for s in block.spans if s.is_choice]
            for proposal in propose(block.text, vocabulary, pairs):
                if any(lo < proposal.end and proposal.start < hi for lo, hi in ruled):
                    continue  # the editor's file already decides here
                doc.review.append(review_item(proposal, block.line_at(proposal.start), index))

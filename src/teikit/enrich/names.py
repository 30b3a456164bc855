"""Persons, places and organisations: recognised, decided once per document, linked, marked.

1. Every block is scanned for candidate names with local evidence (``candidates``).
2. Mentions of one name (same key) are decided together: the evidence of all of them, plus
   what the lists, gazetteers and given-name data say of the name, picks person, place or
   organisation; a mention with strong evidence of its own keeps its own reading ("the city
   of Kirov" in a text about Kirov the man).
3. A confirmed name tags its other mentions, also where capitals prove nothing (sentence
   starts, headings), and a person's surname alone; plurals of persons' names ("the
   Tarovs") become ``rs``.
4. Mentions are linked to entries (list, gazetteer, or a new entry for a name found in the
   text only), copied into the document's standOff, and marked inline with ``@ref`` and
   ``@cert``; each name is listed for review.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from teikit.authority.entries import ORG, PERSON, PLACE, AuthorityEntry
from teikit.authority.forms import Key
from teikit.authority.gazetteer import gazetteer
from teikit.authority.index import FormIndex
from teikit.authority.load import load_authority
from teikit.lang import en
from teikit.enrich.capitalised import names_among_words
from teikit.enrich.candidates import BlockWords, Mention, generic_plural, kind_of, kind_score, scan_block
from teikit.enrich.lexicon import in_dictionary, is_common_word, is_given_name, is_rare, zipf
from teikit.enrich.link import Linker
from teikit.authority.labels import TEXT_ONLY, name_message
from teikit.snippets import context_snippet
from teikit.tokens import joinable
from teikit.evidence import Evidence, Fired, holds
from teikit.model import HIGH, LOW, MEDIUM, Block, Division, Document, ReviewItem, Span
from teikit.readers.signals import guess_language
from teikit.weights.names import NAME, NAME_GATE, NAME_MENTION

KINDS = (PERSON, PLACE, ORG)
TAGS = {PERSON: "persName", PLACE: "placeName", ORG: "orgName"}
CERT_ORDER = {LOW: 0, MEDIUM: 1, HIGH: 2}
# Blocks whose text is not searched for names (a date line is a date; labels are labels).
SKIPPED_KINDS = frozenset({"docDate", "label"})
MAJOR_FEATURES = frozenset({"country", "continent", "historical country", "state"})
_COORDINATION = re.compile(r"^(?:’s|'s)?(?:\s*,\s*|\s*,?\s+(?:and|or|nor|&)\s+)$")
_TH = NAME.thresholds
SPAN_PRIORITY = 35  # inside a quotation of the same range (30), around a correction (40)


HEADING_KINDS = frozenset({"head", "titlePart", "docAuthor", "byline", "signed", "salute"})
# Blocks shorter than this are checked for another language (chrome, a quoted line); longer
# ones are prose of the work, in its language.
GUESS_LANGUAGE_BELOW = 400
# Languages whose prose capitalises proper names only (as English does), so that a capital
# mid-sentence on a gazetteer's or list's form is evidence of a name.
CAPITALS_MARK_NAMES = frozenset("fr es it pt ca ro nl sv da no nb nn fi pl cs sk hu hr sl et lv lt ru uk".split())
# Divisions of a web page's own chrome, in the site's language, not the text's.
FOREIGN_DIVISIONS = frozenset({"breadcrumb", "commentForm"})


def _title_like(block: Block, tokens) -> bool:
    if block.kind in HEADING_KINDS:
        return True
    words = [t for t in tokens if t.kind == "word" and len(t.text) > 3 and not t.is_function_word]
    return len(words) >= 2 and sum(t.cap for t in words) >= 0.75 * len(words)


def _blocks_with_language(doc: Document):
    """(block, is it not English prose, its language) for every block, in order; the site's own
    chrome (breadcrumb, comment form; language None) and blocks in another language are not."""
    def walk(part, foreign: bool, lang: str):
        if isinstance(part, Division):
            foreign = foreign or part.type in FOREIGN_DIVISIONS
            if part.head is not None:
                yield from walk(part.head, foreign, lang)
            for child in part.content:
                yield from walk(child, foreign, lang)
            return
        guess = guess_language(part.text) if len(part.text) < GUESS_LANGUAGE_BELOW else None
        own = part.attrs.get("xml:lang") or guess or lang
        yield part, foreign or not own.startswith("en"), None if foreign else own

    for work in doc.works:
        for part in (*work.front, *work.body, *work.back):
            yield from walk(part, False, work.lang or doc.lang or "en")


def block_words(doc: Document) -> list[tuple[Block, BlockWords]]:
    out = []
    for block, foreign, lang in _blocks_with_language(doc):
        if block.kind in SKIPPED_KINDS:
            continue
        tokens = block.tokens
        if not tokens:
            continue
        letters = [t for t in tokens if t.kind == "word"]
        all_caps = bool(letters) and all(t.text.isupper() for t in letters if len(t.text) > 1)
        # in German every noun has a capital, and in chrome or an unknown language a capital tells nothing
        capitals_tell = not foreign or (lang is not None and lang.split("-")[0] in CAPITALS_MARK_NAMES)
        title = _title_like(block, tokens) or all_caps or not capitals_tell
        out.append((block, BlockWords(len(out), block.text, tokens, title, all_caps, block.kind in HEADING_KINDS,
                                      foreign)))
    return out


class NameRecogniser:
    def __init__(self, doc: Document, authority_paths: list[Path]):
        self.doc = doc
        self.authority = load_authority(authority_paths)
        self.places = gazetteer()
        self.blocks = block_words(doc)
        self.linker = Linker(doc)
        self.document_names: frozenset[Key] = frozenset()

    def run(self) -> None:
        mentions: list[Mention] = []
        proper = names_among_words(w.tokens for _, w in self.blocks if not w.title) \
            if holds(NAME_GATE.document_name, True) else frozenset()
        self.document_names = proper
        for _, words in self.blocks:
            mentions += scan_block(words, self.authority.index, self.places, proper)
        lowercase = {t.key for _, w in self.blocks for t in w.tokens if t.kind == "word" and not t.cap}
        decided = self.decide(mentions, lowercase)
        decided += self.propagate(decided)
        self.linker.link(decided)
        self.emit(decided)

    # -- deciding ----------------------------------------------------------------------

    def name_evidence(self, group: list[Mention], attested: set[str]) -> Evidence:
        """What the lists, the gazetteer and given names say of a name, once per name."""
        evidence = NAME.evidence()
        entries = {m.entry.id: m for mention in group for m in mention.matches}
        best: dict[str, tuple[float, str, str]] = {}
        for match in entries.values():
            how = "listed" if match.stated else "listed-derived" if (
                match.length > 1 or match.entry.id in attested) else "listed-unattested"
            rule = NAME[f"{match.entry.kind}.{how}"]
            if rule.weight > best.get(match.entry.kind, (0,))[0]:
                best[match.entry.kind] = (rule.weight, f"{match.entry.kind}.{how}", match.entry.id)
        for _, short, entry in best.values():
            evidence.add(NAME[short], entry=entry)
        places = [p for mention in group for p in mention.places]
        if places:
            place = places[0]
            major = place.extra.get("feature") in MAJOR_FEATURES or \
                place.extra.get("population", 0) >= _TH["major-population"]
            stated = any(m.stated for mention in group for m in self.places.longest_at(mention.key, 0))
            given = len(group[0].key) == 1 and is_given_name(group[0].text)
            how = "gazetteer-major" if major else "gazetteer-common" if group[0].ordinary or given else \
                "gazetteer" if stated else "gazetteer-alternate"
            evidence.add(NAME[f"place.{how}"], place=place.preferred, feature=place.extra.get("feature"))
        if len(group[0].key) == 1 and is_given_name(group[0].text.split()[-1]) and not entries:
            evidence.add(NAME["person.given-name"])
        if group[0].key in self.document_names:
            evidence.add(NAME["person.document-name"])
        evidence.add(NAME["person.default"])
        return evidence

    @staticmethod
    def add_mentions(evidence: Evidence, group: list[Mention]) -> None:
        """What the mentions' own words say, rule by rule, added up less than linearly (ten "to X"
        are not ten proofs)."""
        damping = math.sqrt(len(group))
        totals: dict[str, float] = {}
        counts: dict[str, int] = {}
        for mention in group:
            for fired in mention.evidence.fired:
                totals[fired.rule] = totals.get(fired.rule, 0.0) + fired.weight
                counts[fired.rule] = counts.get(fired.rule, 0) + 1
        for rule, total in totals.items():
            evidence.fired.append(Fired(rule, round(total / damping, 4), {"mentions": counts[rule]}))

    def decide(self, mentions: list[Mention], lowercase: set[str]) -> list[Mention]:
        groups: dict[Key, list[Mention]] = defaultdict(list)
        for mention in mentions:
            groups[mention.key].append(mention)
        accepted: dict[Key, tuple[list[Mention], Evidence, bool]] = {}
        surnames = {m.key[-1] for m in mentions if len(m.key) > 1 and m.pattern in ("honorific", "given", "initials")}
        # list entries the text names by a stated or a fuller form, not only by a derived surname
        attested = {m.entry.id for mention in mentions for m in mention.matches if m.stated or m.length > 1}
        for key, group in groups.items():
            evidence = self.name_evidence(group, attested)
            if len(key) == 1 and key[0] in surnames:
                evidence.add(NAME["person.surname-of-named"])  # "Bolderfield" after "John Bolderfield"
            self.add_mentions(evidence, group)
            listed = any(m.matches for m in group)
            if self.accepted(key, group, listed, lowercase) and not self.group_noun(group, evidence, listed):
                accepted[key] = (group, evidence, listed)
        verdicts = {key: self.verdict(evidence) for key, (_, evidence, _) in accepted.items()}
        lent: set[Key] = set()  # names that took the kind of a neighbour (once each)
        for _ in range(int(_TH["coordination-rounds"])):  # "Brighton or Bognor or Southend": one lends to the next
            for key, kinds in self.coordination(accepted, verdicts, lent).items():
                _, evidence, _ = accepted[key]
                for kind, neighbour in kinds:
                    evidence.add(NAME[f"{kind}.coordinated"], neighbour=neighbour)
                verdicts[key] = self.verdict(evidence)
        kept: list[Mention] = []
        for key, (group, evidence, listed) in accepted.items():
            kind, cert = verdicts[key]
            ordinary = group[0].ordinary or is_common_word(group[0].text.split()[-1])
            if holds(NAME_GATE.ordinary_place, kind == PLACE and ordinary and kind_score(evidence, PLACE) <= NAME[
                    "place.gazetteer-common"].weight and not listed):
                continue  # an ordinary word that is also a place name, with nothing to say it is one here
            if holds(NAME_GATE.everyday_word, kind == PLACE and not listed and len(key) == 1 and
                     zipf(key[0]) >= _TH["everyday-zipf"] and not _beyond_prepositions(evidence)):
                continue  # "in Time", "through Space": a very common word capitalised, with only prepositions
            evidence.decide(kind, cert, _TH[f"{kind}-high"], [(k, kind_score(evidence, k)) for k in KINDS],
                            score=kind_score(evidence, kind))
            guessed = all(m.weak for m in group)  # no more than a capital says it is a name
            for mention in group:
                mention.kind, mention.cert, mention.decision = kind, cert, evidence
                own = max(KINDS, key=lambda k: mention.score(k))
                if own != kind and mention.score(own) >= _TH["override"] and \
                        mention.score(own) >= mention.score(kind) + _TH["override-margin"] and \
                        holds(NAME_MENTION.own_evidence, True):
                    mention.kind, mention.cert = own, MEDIUM
                    mention.decision = _mention_decision(evidence, NAME_MENTION.own_evidence, own, MEDIUM,
                                                         own_score=mention.score(own))
                if guessed and mention.cert == HIGH and holds(NAME_MENTION.capital_only, True):
                    mention.cert = MEDIUM
                    mention.decision = _mention_decision(mention.decision, NAME_MENTION.capital_only,
                                                         mention.kind, MEDIUM)
                kept.append(mention)
        self.plurals(kept)
        self.misplaced_apostrophes(kept)
        return kept

    @staticmethod
    def accepted(key: Key, group: list[Mention], listed: bool, lowercase: set[str]) -> bool:
        """Whether the mentions of a name are a name at all."""
        first = group[0]
        if all(m.weak for m in group) and not listed:
            rare = len(key) > 1 or (is_rare(first.text) and key[0] not in lowercase and len(key[0]) >= 4
                                    and len(group) > 1)
            given = first.pattern == "given" and not is_common_word(first.text)
            if holds(NAME_GATE.capital_only, first.pattern not in ("unknown", "given") or not (rare or given)):
                return False
        if holds(NAME_GATE.indefinite, not listed and first.pattern == "unknown" and all(m.indefinite for m in group)):
            return False  # "a bureaucratic Thermidor": a name used as a common noun, not a name
        strong = any(m.pattern in ("honorific", "initials", "org", "place") for m in group)
        # a word the text also uses in lower case is an ordinary word
        return not holds(NAME_GATE.lowercase_elsewhere, len(key) == 1 and key[0] in lowercase and not listed and
                         not strong and not first.places)

    def coordination(self, accepted: dict, verdicts: dict, lent: set) -> dict[Key, list[tuple[str, str]]]:
        """Names joined by "and", "or" or commas are mostly of one kind ("Brighton or Bognor",
        "Stalin, Molotov and Bukharin"): a sure neighbour lends its kind to an unsure one."""
        by_block: dict[int, list[Mention]] = defaultdict(list)
        for group, _, _ in accepted.values():
            for mention in group:
                by_block[mention.block_no].append(mention)
        texts = {w.block_no: w.text for _, w in self.blocks}
        extra: dict[Key, list[tuple[str, str]]] = defaultdict(list)
        for block_no, mentions in by_block.items():
            mentions.sort(key=lambda m: m.start)
            for a, b in zip(mentions, mentions[1:]):
                if a.key == b.key or not _COORDINATION.match(texts[block_no][a.end:b.start]):
                    continue
                for this, other in ((a, b), (b, a)):
                    kind, cert = verdicts[other.key]
                    if (cert != LOW or other.key in lent) and verdicts[this.key][1] == LOW and this.key not in lent:
                        extra[this.key].append((kind, other.text))
        lent.update(extra)
        return extra

    @staticmethod
    def plurals(mentions: list[Mention]) -> None:
        """The plural of a person's name after "the", "all the", "other" ("the Tarovs") is a
        generic plural: each of its mentions becomes an rs, not the person."""
        persons = {m.key[-1] for m in mentions if m.kind == PERSON}
        groups: dict[Key, list[Mention]] = defaultdict(list)
        for mention in mentions:
            if len(mention.key) == 1 and mention.key[0].endswith("s") and mention.pattern in ("unknown", "given"):
                groups[mention.key].append(mention)
        for key, group in groups.items():
            singular = next((s for s in (key[0][:-1], key[0][:-2]) if s in persons), None)
            if singular is None or not any(m.determined for m in group):
                continue
            if not holds(NAME_MENTION.generic_plural, True):
                continue
            for mention in group:
                mention.rs, mention.key, mention.kind, mention.cert = True, (singular,), PERSON, MEDIUM
                mention.decision = _mention_decision(None, NAME_MENTION.generic_plural, "rs", MEDIUM,
                                                     singular=singular)

    @staticmethod
    def misplaced_apostrophes(mentions: list[Mention]) -> None:
        """"Engel’s" where the text means Engels’: a name seen only in the possessive, whose
        form with an s is a person's name, is that person."""
        by_key: dict[Key, list[Mention]] = defaultdict(list)
        for mention in mentions:
            by_key[mention.key].append(mention)
        for key, group in by_key.items():
            target = by_key.get((key[-1] + "s",)) if len(key) == 1 else None
            if not target or not all(m.possessive for m in group):
                continue
            person = next((m for m in target if m.kind == PERSON and not m.rs), None)
            if person is not None and holds(NAME_MENTION.misplaced_apostrophe, True):
                for mention in group:
                    mention.key, mention.kind, mention.cert = person.key, PERSON, person.cert
                    mention.decision = _mention_decision(person.decision, NAME_MENTION.misplaced_apostrophe,
                                                         PERSON, person.cert, person=person.text)

    @staticmethod
    def group_noun(group: list[Mention], evidence: Evidence, listed: bool) -> bool:
        """"the Bolsheviks", "Communists": the plural of a known word, not a name, unless
        something says it is a person's ("Engels wrote")."""
        key, first = group[0].key, group[0]
        if listed or len(key) != 1 or first.pattern != "unknown" or not key[0].endswith("s") or first.places:
            return False
        singular = key[0][:-2] if key[0].endswith("es") and zipf(key[0][:-2]) > zipf(key[0][:-1]) else key[0][:-1]
        person_cues = sum(m.score(PERSON) for m in group)
        known = zipf(singular) >= _TH["group-noun-zipf"] or in_dictionary(key[0])
        return holds(NAME_GATE.group_noun, known and not is_given_name(singular.capitalize()) and
                     person_cues < _TH["group-noun-person-cues"])

    @staticmethod
    def verdict(evidence: Evidence) -> tuple[str, str]:
        """The kind with the highest score, and the certainty its score and lead earn for that kind
        (calibrated on the development set: ``bench/calibrate.py``)."""
        scores = {k: kind_score(evidence, k) for k in KINDS}
        ranked = sorted(KINDS, key=lambda k: (-scores[k], KINDS.index(k)))
        kind = ranked[0]
        best, second = scores[kind], scores[ranked[1]]
        if best >= _TH[f"{kind}-high"] and best - second >= _TH[f"{kind}-high-margin"]:
            cert = HIGH
        elif best >= _TH[f"{kind}-medium"] and best - second >= _TH[f"{kind}-medium-margin"]:
            cert = MEDIUM
        else:
            cert = LOW
        return kind, cert

    # -- a confirmed name tags its other mentions --------------------------------------

    def propagate(self, decided: list[Mention]) -> list[Mention]:
        known = FormIndex()
        by_key: dict[Key, Mention] = {}
        for mention in decided:
            if mention.key not in by_key or mention.cert == HIGH:
                by_key[mention.key] = mention
        surnames = Counter(m.key[-1] for m in by_key.values() if m.kind == PERSON and len(m.key) > 1)
        short: dict[Key, Mention] = {}
        for key, mention in by_key.items():
            if mention.kind == PERSON and len(key) > 1 and surnames[key[-1]] == 1 and (key[-1],) not in by_key:
                short[(key[-1],)] = mention
        dummy = AuthorityEntry("doc", PERSON, ("doc",))
        for key in [*by_key, *short]:
            known.add(key, dummy)
        covered = defaultdict(set)
        for m in decided:
            covered[m.block_no].update(range(m.first, m.last))
        persons = {k for k, m in {**by_key, **short}.items() if m.kind == PERSON}
        added: list[Mention] = []
        for _, words in self.blocks:
            tokens, keys = words.tokens, [t.key for t in words.tokens]
            taken = covered[words.block_no]
            i = 0
            while i < len(tokens):
                token = tokens[i]
                if i in taken or not token.cap or token.kind == "num":
                    i += 1
                    continue
                plural = generic_plural(tokens, i, persons)
                if plural is not None and not any(k in taken for k in range(plural[0], i + 1)):
                    start, singular = plural
                    source = by_key.get(singular) or short[singular]
                    if not holds(NAME_MENTION.generic_plural, True):
                        i += 1
                        continue
                    mention = Mention(words.block_no, tokens[start].start, token.end, start, i + 1, singular,
                                      words.text[tokens[start].start:token.end], "plural", kind=PERSON,
                                      rs=True, cert=MEDIUM)
                    mention.entity = None
                    mention.decision = _mention_decision(source.decision, NAME_MENTION.generic_plural, "rs", MEDIUM,
                                                         singular=singular[0])
                    added.append(mention)
                    taken.update(range(start, i + 1))
                    i += 1
                    continue
                found = known.longest_at(keys, i)
                if not found or any(k in taken for k in range(i, i + found[0].length)):
                    i += 1
                    continue
                last = i + found[0].length
                if not all(joinable(tokens[k - 1], tokens[k]) for k in range(i + 1, last)):
                    i += 1
                    continue
                key = tuple(keys[i:last])
                source = by_key.get(key) or short[key]
                if len(key) == 1 and is_common_word(token.text) and (token.sentence_start or words.title) \
                        and not source.matches:
                    i += 1
                    continue
                if any(not tokens[k].cap for k in range(i, last)):
                    i += 1
                    continue
                if holds(NAME_GATE.part_of_longer_run, _in_longer_run(tokens, i, last)):
                    i = last  # "the Time Traveller" holds "Time", a name of its own elsewhere
                    continue
                if not holds(NAME_MENTION.known_form, True):
                    i += 1
                    continue
                start, end = tokens[i].start, tokens[last - 1].end
                cert = MEDIUM if source.cert == HIGH else source.cert or LOW
                mention = Mention(words.block_no, start, end, i, last, source.key, words.text[start:end], "known",
                                  possessive=tokens[last - 1].possessive, kind=source.kind, cert=cert,
                                  matches=source.matches, places=source.places)
                mention.decision = _mention_decision(source.decision, NAME_MENTION.known_form, source.kind or "",
                                                     cert, form=source.text)
                added.append(mention)
                taken.update(range(i, last))
                i = last
        return added

    # -- writing -----------------------------------------------------------------------

    def emit(self, mentions: list[Mention]) -> None:
        blocks = {words.block_no: block for block, words in self.blocks}
        words = {w.block_no: w for _, w in self.blocks}
        families = _families(mentions, words)
        for mention in sorted(mentions, key=lambda m: (m.block_no, m.start)):
            block = blocks[mention.block_no]
            if mention.kind == PLACE and not mention.rs:
                _add_qualifier(mention, words[mention.block_no].tokens)
            family = mention.rs and holds(NAME_MENTION.family, mention.key in families and
                                          _family(mention, words[mention.block_no]))
            if mention.rs and not family:
                _add_determiners(mention, words[mention.block_no])
            if not _fits(block, mention.start, mention.end):
                continue
            tag = "persName" if family else "rs" if mention.rs else TAGS[mention.kind]
            evidence = self.span_evidence(mention, tag)
            if family:  # "the Morleys": the family, one mention of a group (no person's entry)
                evidence.add(NAME_MENTION.family, singular=mention.key[0])
                attrs = {"type": "family", "cert": mention.cert or LOW}
            elif mention.rs:
                attrs = {"type": "person", "cert": mention.cert or LOW}
            else:
                attrs = {"ref": f"#{mention.entity}", "cert": mention.cert or LOW}
            block.add_span(Span(mention.start, mention.end, tag, attrs, priority=SPAN_PRIORITY, evidence=evidence))
        self.review(mentions, blocks)

    def span_evidence(self, mention: Mention, tag: str) -> Evidence:
        """The decision one name span shows: the name's rules (or how the mention took the name of
        another), and how it was linked to its entry."""
        base = mention.decision
        evidence = Evidence(NAME.decision, list(base.fired) if base else [],
                            base.threshold if base else None, tag, mention.cert or LOW,
                            list(base.alternatives) if base else [], base.decided_score if base else None)
        link = self.linker.how_linked(mention.entity) if mention.entity else None
        if link is not None:
            evidence.add(link[0], **link[1])
        return evidence

    def review(self, mentions: list[Mention], blocks: dict[int, Block]) -> None:
        """One review item per name (entry and kind, or generic plural), in order of first mention."""
        groups: dict[tuple, list[Mention]] = defaultdict(list)
        for mention in sorted(mentions, key=lambda m: (m.block_no, m.start)):
            groups[(mention.entity or "", mention.kind, mention.rs, mention.key if mention.rs else ())].append(mention)
        for (entity, kind, rs, _), group in groups.items():
            first = group[0]
            block = blocks[first.block_no]
            forms = Counter(m.text for m in group)
            least = min(group, key=lambda m: CERT_ORDER[m.cert or LOW])
            cert = least.cert or LOW
            entry, source = ("-", TEXT_ONLY) if rs else self.linker.entry_label(entity)
            tag = "rs" if rs else TAGS[kind]
            self.doc.review.append(ReviewItem(
                "name", block.line, forms.most_common(1)[0][0], name_message(tag, source), cert=cert,
                data={"type": tag, "count": str(len(group)), "entry": entry,
                      "context": context_snippet(block.text, first.start, first.end)},
                evidence=self.span_evidence(least, tag)))


_PREPOSITION_RULES = frozenset(f"name.place.{r}" for r in (
    "preposition-strong", "preposition", "preposition-weak", "gazetteer-common"))


def _beyond_prepositions(evidence: Evidence) -> bool:
    """Something says a place besides prepositions before it and a gazetteer's ordinary word."""
    return any(kind_of(f.rule) == PLACE and f.rule not in _PREPOSITION_RULES and f.weight > 0 for f in evidence.fired)


def _in_longer_run(tokens, first: int, last: int) -> bool:
    """The tokens [first, last) are part of a longer run of capitalised words: a word right after
    them, or right before them mid-sentence, is capitalised and joined to them."""
    after = tokens[last] if last < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    return (after is not None and after.kind == "word" and after.cap and not after.sentence_start and
            joinable(tokens[last - 1], after)) or \
        (before is not None and before.kind == "word" and before.cap and not tokens[first].sentence_start and
         not before.is_honorific and not before.is_initial and joinable(before, tokens[first]))


def _mention_decision(base: Evidence | None, rule, decided: str, cert: str | None, **features) -> Evidence:
    """A mention's own decision: the name's (``base``) with the rule that changed it for this mention."""
    evidence = Evidence(NAME.decision, list(base.fired) if base else [], base.threshold if base else None,
                        decided, cert, list(base.alternatives) if base else [],
                        base.decided_score if base else None)
    evidence.fired.append(Fired(rule.name, rule.weight, features))
    return evidence


def _add_qualifier(mention: Mention, tokens) -> None:
    """"Central Asia", "Northern Siberia": a capitalised qualifier right before a place is part of its name."""
    if mention.first == 0:
        return
    before, first = tokens[mention.first - 1], tokens[mention.first]
    if holds(NAME_MENTION.place_qualifier, before.text in en.PLACE_QUALIFIERS and not first.sentence_start and
             first.gap == " "):
        mention.start, mention.first = before.start, mention.first - 1
        mention.text = f"{before.text} {mention.text}"


def _families(mentions: list[Mention], words: dict[int, BlockWords]) -> set[Key]:
    """The names whose plural is a family's in this text: someone of that name is titled as a
    member of a family ("Mrs. Morley", "Miss Leland"), and the plural never stands for people
    like them ("all the Tarovs", "other Tarovs")."""
    titled = {m.key for m in mentions if m.pattern == "honorific" and
              m.text.split()[0].rstrip(".") in en.FAMILY_TITLES}
    generic = {m.key for m in mentions if m.rs and not _family(m, words[m.block_no])}
    return {m.key for m in mentions if m.rs and m.key in titled and m.key not in generic}


def _family(mention: Mention, words: BlockWords) -> bool:
    """The plural of a person's name after "the" alone ("the Morleys", "at the Lelands’"): the
    family; after "all the", "other", "such", "these" ... it is a generic plural."""
    tokens, first = words.tokens, mention.first
    before = tokens[first - 1] if first > 0 else None
    before2 = tokens[first - 2] if first > 1 else None
    return before is not None and before.key == "the" and not tokens[first].gap.strip() and \
        not (before2 is not None and before2.key in en.PLURAL_DETERMINERS and not before.gap.strip())


def _add_determiners(mention: Mention, words: BlockWords) -> None:
    """"all the Tarovs", "other Tarovs": a generic plural's determiners are part of the rs."""
    tokens, first = words.tokens, mention.first
    while first > 0 and mention.first - first < 2 and tokens[first - 1].key in en.PLURAL_DETERMINERS and \
            not tokens[first].gap.strip() and not tokens[first].sentence_start:
        first -= 1
    mention.first, mention.start = first, tokens[first].start
    mention.text = words.text[mention.start:mention.end]


def _fits(block: Block, start: int, end: int) -> bool:
    """A new span must nest with the block's spans (never cross one, never repeat a name)."""
    for span in block.spans:
        if span.end <= start or span.start >= end:
            continue
        if span.tag in TAGS.values() or span.tag in ("rs", "date"):
            return False
        inside = span.start <= start and end <= span.end
        around = start <= span.start and span.end <= end
        if not (inside or around):
            return False
    return True


def mark_names(doc: Document, authority: list[Path]) -> None:
    """Persons, places and organisations, linked to entries of the ``authority`` lists."""
    NameRecogniser(doc, authority).run()

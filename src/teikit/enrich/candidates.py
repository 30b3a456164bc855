"""Candidate names in one block, with the evidence the words around them give.

A run of capitalised words (with the particles and "of" that names contain) is split into
mentions by what is known of its words: forms of the authority lists and gazetteers,
titles ("Mr.", "Sir"), initials, given names, keywords of organisations and places, and
words that are neither common English words nor derived words ("Stalinist"). Each mention
carries local evidence for person, place and organisation; the document-wide decision is
made later (``teikit.enrich.names``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.authority.entries import AuthorityEntry
from teikit.authority.forms import SURNAME_PARTICLES, Key
from teikit.authority.gazetteer import best_first
from teikit.authority.index import FormIndex, Match
from teikit.enrich.lexicon import EVERYDAY_ZIPF, in_dictionary, is_common_word, is_given_name, zipf
from teikit.tokens import Token, joinable
from teikit.evidence import Evidence, holds
from teikit.lang import en
from teikit.weights.names import NAME, NAME_GATE

_TH = NAME.thresholds
# words after "of" in a name ("Bank of England", "Duke of Wellington", "Isle of Wight")
_OF_HEADS = en.ORG_HEADS | en.ORG_KEYWORDS | en.PLACE_HEADS | frozenset(
    "Duke Earl Prince Princess King Queen Bishop Archbishop Lord Lady Marquis Marquess Count Countess Baron "
    "Emperor Isles Kingdom Republic Empire City Gulf Bay Strait Sea Vale Valley Forest Principality Duchy "
    "Province County State States".split())
_PARTICLES = SURNAME_PARTICLES - {"st", "st."}


@dataclass
class Mention:
    block_no: int
    start: int  # offsets in the block's text
    end: int
    first: int  # token indexes [first, last)
    last: int
    key: Key  # the name without titles: what mentions of one name share
    text: str
    pattern: str  # what found it: authority, gazetteer, honorific, initials, given, org, place, unknown, known
    # the rules of teikit.weights.names.NAME its own words fired (each votes for one kind)
    evidence: Evidence = field(default_factory=NAME.evidence)
    matches: list[Match] = field(default_factory=list)  # authority list entries with this form
    places: list[AuthorityEntry] = field(default_factory=list)  # gazetteer entries with this form
    weak: bool = False  # only a capital at a sentence start or in a title says it is a name
    determined: bool = False  # after "the", "all the", "other": a plural may be generic
    indefinite: bool = False  # after "a", "an" (with adjectives between): "a bureaucratic Thermidor"
    ordinary: bool = False  # the name is also an ordinary word ("Reading", "China")
    possessive: bool = False
    kind: str | None = None  # decided: person, place, org
    rs: bool = False  # a generic plural ("the Tarovs"): rs, not the person
    cert: str | None = None
    entity: str | None = None
    # the decision of the whole name (all its mentions), for the trace and review
    decision: Evidence | None = None

    def score(self, kind: str) -> float:
        """What this mention's own words say for ``kind``."""
        return kind_score(self.evidence, kind)

    def vote(self, rule: str, **features) -> float:
        """Fire rule ``rule`` of NAME ("person.honorific") on this mention; 0 when it is off."""
        return self.evidence.add(NAME[rule], **features)


def kind_of(rule_name: str) -> str:
    """The kind a rule of NAME votes for ("name.person.honorific" -> "person")."""
    return rule_name.split(".", 2)[1]


def kind_score(evidence: Evidence, kind: str) -> float:
    return sum(f.weight for f in evidence.fired if kind_of(f.rule) == kind)


@dataclass
class BlockWords:
    """One block's tokens and what holds for all of them."""

    block_no: int
    text: str
    tokens: list[Token]
    title: bool  # a heading or title-cased line: capitals are no evidence
    all_caps: bool
    heading: bool = False  # a heading or title proper (not a title-cased line of a paragraph)
    foreign: bool = False  # not English prose: only list and gazetteer forms and clear patterns count


def _roman(word: str) -> bool:
    return len(word) <= 6 and all(c in en.ROMAN_NUMERAL_CHARS for c in word) and word != "I" and len(word) > 1


def _free_runs(i: int, j: int, taken: set[int]) -> list[tuple[int, int]]:
    """[i, j) without the indexes in ``taken``, as runs."""
    runs, start = [], None
    for k in range(i, j + 1):
        if k < j and k not in taken:
            start = k if start is None else start
        elif start is not None:
            runs.append((start, k))
            start = None
    return runs


def _contraction(word: str) -> bool:
    """An apostrophe inside a word that is not a name's particle ("O’Callaghan", "D'Arcy")."""
    at = max(word.find("’"), word.find("'"))
    return at >= 0 and not (at == 1 and word[0] in "ODLodl" and word[2:3].isupper())


def _possessive_place(before: Token, token: Token) -> bool:
    """A possessive name before a keyword of places is one place's name ("Martin’s Lane")."""
    return before.possessive and token.text in en.PLACE_KEYWORDS and token.gap == " "


def _personal_title(token: Token) -> bool:
    """A title that only ever stands before a person's name ("Mr.", "Councillor"), or any title
    written with its full stop ("Gen.", "Capt.")."""
    return token.is_honorific and (token.text in en.PERSONAL_TITLES or token.dot)


def _capish(token: Token) -> bool:
    return token.kind in ("word", "abbr") and token.cap


def derived_word(tokens: list[Token], i: int) -> bool:
    """Words made from names, which are not names: -ism and -ist words ('Stalinist',
    'Leninism'); known -ian, -ese, -ish, -ite words ('Ukrainian', 'Thermidorian
    annihilation'), unless a given name before a surname ('Christian Rakovsky'); and ordinary
    adjectives before their noun ('the German occupation')."""
    token = tokens[i]
    lower = token.text.lower()
    if lower.endswith(en.ISM_ENDINGS):
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    joined = after is not None and not after.gap.strip() and after.kind == "word"
    demonym = lower.endswith(en.DEMONYM_ENDINGS) and (is_common_word(lower) or zipf(lower) >= _TH["derived-min-zipf"])
    if joined and not after.cap:
        before = tokens[i - 1] if i > 0 else None
        determined = before is not None and before.key in ("the", "a", "an") and not token.gap.strip()
        return (lower.endswith(en.ADJECTIVE_ENDINGS) and is_common_word(lower)) or \
            (lower.endswith(en.DEMONYM_ENDINGS) and determined) or (demonym and not is_given_name(token.text))
    if joined and after.cap and is_given_name(token.text):
        return False
    return demonym


class BlockScanner:
    """Finds the candidate names of one block."""

    def __init__(self, words: BlockWords, authority: FormIndex, gazetteer: FormIndex,
                 names_among_words: frozenset[Key] = frozenset()):
        self.w = words
        self.names_among_words = names_among_words  # dictionary words (runs) the document uses as names only
        self.t = words.tokens
        self.keys = [t.key for t in self.t]
        self.authority = authority
        self.gazetteer = gazetteer

    # -- what a word is --------------------------------------------------------------

    def weak_capital(self, i: int) -> bool:
        return self.w.title or self.t[i].sentence_start

    def name_like(self, i: int) -> bool:
        token = self.t[i]
        if token.kind == "abbr":
            return token.cap
        if token.kind != "word" or not token.cap or token.is_function_word or token.text in en.NEVER_NAMES \
                or token.text in en.DEMONYMS:
            return False
        if holds(NAME_GATE.document_name, (token.key,) in self.names_among_words):
            return not self.weak_capital(i)  # "the Psychologist": a word this text uses as a name
        if _roman(token.text) or (len(token.text) > 6 and token.text.isupper()):
            return False  # "XIV"; a word in capitals proves nothing
        if _contraction(token.text):
            return False  # "I’ve", "Ain't", "Per'aps"
        if token.is_acronym:  # "GPU", "NKVD"; not "ABC", nor a word of a line in capitals
            return not self.w.all_caps and zipf(token.key) < _TH["acronym-max-zipf"]
        if derived_word(self.t, i):
            return False
        if is_common_word(token.text):
            if is_given_name(token.text) and self.weak_capital(i):
                # "Martin Abern had led it": a sentence may open with a name
                return holds(NAME_GATE.sentence_start_given_name, self.before_surname(i))
            return is_given_name(token.text) and not self.weak_capital(i)
        if "-" in token.gap or (i + 1 < len(self.t) and self.t[i + 1].gap == "-"):
            return self.compound_name(i)
        return True

    def before_surname(self, i: int) -> bool:
        """The next word is a capitalised word of no dictionary, joined to this one: a surname."""
        after = self.t[i + 1] if i + 1 < len(self.t) else None
        return after is not None and after.kind == "word" and after.cap and not after.is_function_word and \
            joinable(self.t[i], after) and not is_common_word(after.text) and \
            after.text not in en.NEVER_NAMES and not after.is_acronym

    def compound_name(self, i: int) -> bool:
        """A hyphenated compound is a name only if each part could be one ("Verkhne-Uralsk";
        not "Bolshevik-Leninists", "Anglo-Saxon")."""
        first = i
        while first > 0 and self.t[first].gap == "-":
            first -= 1
        last = i
        while last + 1 < len(self.t) and self.t[last + 1].gap == "-":
            last += 1
        for k in range(first, last + 1):
            token = self.t[k]
            if token.kind != "word" or not token.cap or derived_word(self.t, k) or is_common_word(token.text):
                return False
        return True

    # -- runs of capitalised words -----------------------------------------------------

    def chunks(self) -> list[tuple[int, int]]:
        out, t, n, i = [], self.t, len(self.t), 0
        while i < n:
            if not _capish(t[i]):
                i += 1
                continue
            j = i + 1
            while j < n and (joinable(t[j - 1], t[j]) or _possessive_place(t[j - 1], t[j])):
                if _capish(t[j]):
                    j += 1
                elif t[j].key in _PARTICLES and j + 1 < n and _capish(t[j + 1]) and joinable(t[j], t[j + 1]):
                    j += 2
                elif t[j].key == "of" and t[j - 1].text in _OF_HEADS:
                    k = j + 1
                    if k < n and t[k].key == "the" and joinable(t[j], t[k]):
                        k += 1
                    if k < n and _capish(t[k]) and joinable(t[k - 1], t[k]):
                        j = k + 1
                    else:
                        break
                else:
                    break
            out.append((i, j))
            i = j
        return out

    def scan(self) -> list[Mention]:
        mentions = self.listed_phrases()
        taken = {k for m in mentions for k in range(m.first, m.last)}
        for i, j in self.chunks():
            for a, b in _free_runs(i, j, taken):
                while a < b and (self.t[a].is_function_word or self.t[a].text in en.NEVER_NAMES):
                    a += 1
                if a < b:
                    mentions += self.chunk(a, b)
        for mention in mentions:
            self.add_context(mention)
        return sorted(mentions, key=lambda m: m.start)

    def listed_phrases(self) -> list[Mention]:
        """List forms of several words with lower-case words inside ("Communist party of China"):
        found wherever they start with a capital, across runs of capitalised words."""
        found: list[Mention] = []
        if not self.authority:
            return found
        i = 0
        while i < len(self.t):
            matches = self.authority.longest_at(self.keys, i) if _capish(self.t[i]) else []
            length = matches[0].length if matches else 0
            last = i + length
            if length < 2 or all(_capish(self.t[k]) for k in range(i, last)) or \
                    not all(joinable(self.t[k - 1], self.t[k]) for k in range(i + 1, last)):
                i += 1
                continue
            mention = self.mention(i, last, "authority", matches=matches)
            written = " ".join(mention.text.split())
            if not any(written in m.entry.names for m in matches):
                i += 1  # "a genuine Communist party" is not the list's "Communist Party"
                continue
            found.append(mention)
            i = last
        return found

    # -- one run -----------------------------------------------------------------------

    def mention(self, first: int, last: int, pattern: str, key_from: int | None = None, **kw) -> Mention:
        t = self.t
        start, end = t[first].start, t[last - 1].end
        if t[last - 1].kind == "word" and t[last - 1].dot and t[last - 1].is_initial:
            end += 1
        key = tuple(self.keys[key_from if key_from is not None else first:last])
        return Mention(self.w.block_no, start, end, first, last, key, self.w.text[start:end], pattern,
                       possessive=t[last - 1].possessive, **kw)

    def chunk(self, i: int, j: int) -> list[Mention]:
        t = self.t
        known = self.known(i, j)
        if known and known[0].last == j:
            return known
        if j - i == 2 and t[i].text in en.SAINTS and t[j - 1].possessive:
            found = self.mention(i, j, "place")  # "St. Mary’s": the church or parish named after her
            if self.w.text[found.end:found.end + 2] in ("’s", "'s"):
                found.end += 2  # the possessive is part of the church's name
                found.text = self.w.text[found.start:found.end]
            if found.vote("place.saints-church", saint=t[j - 1].text):
                return [found]
        if j - i > 1 and holds(NAME_GATE.document_name, tuple(self.keys[i:j]) in self.names_among_words):
            return [self.mention(i, j, "document")]  # "the Night Porter": a designation the text uses as a name
        if j == i + 1 and i > 0 and t[i - 1].key == "the" and not t[i].gap.strip() and \
                not self.weak_capital(i) and not t[i - 1].cap:
            if t[i].text in en.PLACE_KEYWORDS:
                found = self.mention(i, j, "place")  # "the Dell", "the Hall": a local place's name
                if found.vote("place.local", keyword=t[i].text):
                    return [found]
        caps = [k for k in range(i, j) if _capish(t[k])]
        plain = not self.w.heading or not any(is_common_word(t[k].text) for k in caps)
        # "Mr. Hall", "Dr. Eleanor Marsh", "Sam Field": a title or a given name before a keyword of
        # places or organisations makes a person's name
        personal = holds(NAME_GATE.person_before_keyword, _personal_title(t[i]))
        if plain and len(caps) >= 2 and not personal:
            org_at = [k for k in caps if t[k].text in en.ORG_KEYWORDS]
            if org_at and (org_at[-1] > i or (t[i].text in en.ORG_HEADS and j - i > 2)):
                last = j if any(t[k].key == "of" for k in range(org_at[-1], j)) else org_at[-1] + 1
                found = self.mention(i, last, "org")
                if found.vote("org.keyword", keyword=t[org_at[-1]].text):
                    return [found, *self.chunk(last, j)] if last < j else [found]
            if t[j - 1].text in en.PLACE_KEYWORDS or t[i].text in en.PLACE_HEADS:
                found = self.mention(i, j, "place")
                if found.vote("place.keyword", keyword=t[j - 1].text if t[j - 1].text in en.PLACE_KEYWORDS
                              else t[i].text):
                    return [found]
        return self.segment(i, j)

    def known(self, i: int, j: int) -> list[Mention]:
        """A form of a list or gazetteer starting at ``i`` (the longest), as a mention."""
        by_list = self.authority.longest_at(self.keys, i, j) if self.authority else []
        by_place = self.gazetteer.longest_at(self.keys, i, j)
        length = max([m.length for m in by_list + by_place] or [0])
        if not length:
            return []
        last = i + length
        token = self.t[i]
        if holds(NAME_GATE.title_no_place, length == 1 and not by_list and (
                token.is_honorific or token.key in en.PERSON_NOUNS)):
            return []  # "the Vicar", "the Doctor": a title or a word for a person is no town of that name
        ordinary = length == 1 and token.kind == "word" and (is_common_word(token.text, EVERYDAY_ZIPF) or
                                                             token.is_honorific)
        if ordinary and self.weak_capital(i):
            return []  # "Reading is ...", "China" in a heading
        by_list = [m for m in by_list if m.length == length]
        by_place = [m for m in by_place if m.length == length]
        if not by_list and length == 1 and last < j and _capish(self.t[last]) and \
                self.t[last].text not in en.PLACE_KEYWORDS | en.ORG_KEYWORDS and \
                (ordinary or token.text in en.PLACE_QUALIFIERS or is_given_name(token.text)):
            return []  # a word that begins a longer name ("Northern Siberia", "Victoria Jones")
        found = self.mention(i, last, "authority" if by_list else "gazetteer", matches=by_list,
                             places=best_first([m.entry for m in by_place]))
        found.ordinary = ordinary
        found.weak = length == 1 and self.weak_capital(i)
        return [found]

    def segment(self, i: int, j: int) -> list[Mention]:
        out, p = [], i
        while p < j:
            found = self.at(p, j)
            if found is None:
                p += 1
                continue
            out.append(found)
            p = max(found.last, p + 1)
        return out

    def surname_like(self, q: int, titled: bool = False) -> bool:
        """A capitalised ordinary word after a given name or title is a surname ("Walter Citrine",
        "John Smith"), unless it names a kind of organisation or place (but after a personal title:
        "Mr. Hall") or is a very frequent word ("Little", "Young", "Day")."""
        token = self.t[q]
        keyword = token.text in en.ORG_KEYWORDS or token.text in en.PLACE_KEYWORDS
        return token.kind == "word" and token.cap and not token.is_function_word and \
            token.text not in en.NEVER_NAMES and (titled or not keyword) and \
            not derived_word(self.t, q) and not self.w.heading and \
            zipf(token.key) < _TH["surname-max-zipf"] and not token.sentence_start

    def name_run(self, p: int, j: int, after_given: bool = False, strict: bool = False, titled: bool = False) -> int:
        """The end of the run of name words from ``p`` (particles inside it included); with
        ``strict`` (after "General", "King": titles that are also words) no dictionary words."""
        q = p
        while q < j:
            if strict and not is_given_name(self.t[q].text) and in_dictionary(self.t[q].text):
                break
            if self.name_like(q) or self.t[q].is_initial:
                after_given = is_given_name(self.t[q].text) or self.t[q].is_initial
                q += 1
            elif self.t[q].key in _PARTICLES and q + 1 < j and self.name_like(q + 1):
                q += 2
            elif after_given and self.surname_like(q, titled):
                after_given = False  # one ordinary word as a name part ("Walter Citrine"), not more
                q += 1
            else:
                break
        while q > p + 1 and self.t[q - 1].key in _PARTICLES:
            q -= 1
        return q

    def at(self, p: int, j: int) -> Mention | None:
        t = self.t
        token = t[p]
        if token.is_honorific and p + 1 < j:
            personal = token.text in en.PERSONAL_TITLES or token.dot
            q = self.name_run(p + 1, j, after_given=personal, strict=not personal, titled=_personal_title(token))
            # "Mrs. K.", "Lady A. B.": a personal title before initials alone names a person too
            if q > p + 1 and (_personal_title(token) or not all(t[k].is_initial for k in range(p + 1, q))):
                found = self.mention(p, q, "honorific", key_from=p + 1)
                if found.vote("person.honorific", title=token.text):
                    return found
        known = self.known(p, j)
        if known:
            return known[0]
        if token.is_initial:
            q = p
            while q < j and t[q].is_initial:
                q += 1
            # "J. Smith": an ordinary word as the surname
            end = self.name_run(q, j, after_given=holds(NAME_GATE.ordinary_surname_after_initials, True))
            if end > q:
                found = self.mention(p, end, "initials")
                if found.vote("person.initials"):
                    return found
            return None
        if self.name_like(p):
            if token.sentence_start and p + 1 < j and not is_given_name(token.text) and \
                    is_given_name(t[p + 1].text) and self.name_like(p + 1):
                return None  # "Nobbut Eliza": a word starting the sentence, then a name
            q = self.name_run(p, j, after_given=is_given_name(token.text))
            given = is_given_name(token.text)
            if self.w.foreign and not (given and q > p + 1):
                return None
            found = self.mention(p, q, "given" if given else "unknown")
            if given:
                surname = q > p + 1 and all(t[k].kind == "word" for k in range(p + 1, q))
                found.vote("person.given-and-surname" if surname else "person.given-alone", given=token.text)
            elif q == p + 1 and token.kind == "word" and len(token.key) > 4:
                if token.key.endswith(en.PLACE_ENDINGS):
                    found.vote("place.ending")
                elif token.key.endswith(en.ENGLISH_PLACE_ENDINGS):
                    found.vote("place.english-ending")
            if token.kind == "abbr":
                found.vote("org.dotted")
            elif token.is_acronym and q == p + 1:
                found.vote("org.acronym")
            found.weak = self.w.title or (token.sentence_start and q == p + 1)
            return found
        return None

    # -- the words around a mention ----------------------------------------------------

    def after_indefinite_article(self, first: int) -> bool:
        """"a Kaganovitch", "a bureaucratic Thermidor": a name used as a common noun."""
        k = first - 1
        while k >= 0 and first - k <= 3 and not self.t[k + 1].gap.strip():
            token = self.t[k]
            if token.key in ("a", "an"):
                return True
            if token.kind != "word" or token.cap or token.is_function_word:
                return False
            k -= 1
        return False

    def modifier(self, m: Mention) -> bool:
        """The name stands before a lower-case word, as a modifier ("the Kirov assassination")."""
        after = self.t[m.last] if m.last < len(self.t) else None
        return after is not None and after.kind == "word" and not after.cap and not after.gap.strip() and \
            not after.is_function_word

    def add_context(self, m: Mention) -> None:
        t = self.t
        before = t[m.first - 1] if m.first > 0 else None
        before2 = t[m.first - 2] if m.first > 1 else None
        gap = t[m.first].gap.strip()
        if before is not None and not gap and before.key in en.PLURAL_DETERMINERS:
            m.determined = True
        m.indefinite = self.after_indefinite_article(m.first)
        if before is not None and not before.cap or (before is not None and before.sentence_start):
            b = before.key
            if gap in ("", ",") and b in en.PERSON_NOUNS and not before.cap:
                m.vote("person.noun-before", word=b)
            if gap in ("", ",", "”", ",”", "’", ",’") and b in en.SPEECH_VERBS:
                m.vote("person.speech-verb", word=b)
            modifier = m.ordinary and self.modifier(m)  # "on Bank holidays"
            if not gap and not modifier:
                _preposition(m, b)
            if not gap and b == "the" and before2 is not None and not before.gap.strip():
                _preposition(m, before2.key)
            if not gap and b == "the" and m.last == m.first + 1 and not self.modifier(m) and \
                    not is_common_word(t[m.first].text):
                # "the Thames", "the Kremlin" (persons take no article); not "the Café", "the Abbey": a
                # common noun with a capital refers to one thing without naming it
                m.vote("place.the")
            if not gap and b == "of" and before2 is not None and before2.key in en.PLACE_NOUNS:
                m.vote("place.of", noun=before2.key)
            elif not gap and b in en.PLACE_NOUNS and not before.cap:
                m.vote("place.noun", noun=b)
        after = t[m.last] if m.last < len(t) else None
        if after is not None and not after.cap:
            a_gap = after.gap.strip()
            if a_gap in ("", ",") and after.key in en.PERSON_AFTER:
                m.vote("person.word-after", word=after.key)
            elif not a_gap and after.key in en.SPEECH_VERBS:
                m.vote("person.speech-verb", word=after.key)
            elif a_gap == "," and after.key == "where":
                m.vote("place.where")
            elif not a_gap and after.key in en.PLACE_AFTER:
                m.vote("place.noun", noun=after.key)  # "the Bedford road"
            if after.key == "by" and m.last + 1 < len(t) and t[m.last + 1].key == "name":
                m.vote("person.by-name")
        if m.possessive:
            m.vote("person.possessive")


def _preposition(m: Mention, word: str) -> None:
    """A preposition of place before the name (or before its article): as much as it says."""
    if word in en.PLACE_PREPOSITIONS_STRONG:
        m.vote("place.preposition-strong", word=word)
    elif word in en.PLACE_PREPOSITIONS:
        m.vote("place.preposition", word=word)
    elif word in en.PLACE_PREPOSITIONS_WEAK:
        m.vote("place.preposition-weak", word=word)


def scan_block(words: BlockWords, authority: FormIndex, gazetteer: FormIndex,
               names_among_words: frozenset[Key] = frozenset()) -> list[Mention]:
    return BlockScanner(words, authority, gazetteer, names_among_words).scan()


def generic_plural(tokens: list[Token], i: int, persons: set[Key]) -> tuple[int, Key] | None:
    """If ``tokens[i]`` is the plural of a person's name ("Tarovs"), the index where the phrase
    starts (with its determiners: "all the Tarovs") and the person's key."""
    token = tokens[i]
    if token.kind != "word" or not token.cap or not token.key.endswith("s"):
        return None
    for singular in (token.key[:-1], token.key[:-2] if token.key.endswith("es") else None):
        if singular and (singular,) in persons:
            start = i
            while start > 0 and tokens[start - 1].key in en.PLURAL_DETERMINERS and \
                    not tokens[start].gap.strip() and i - start < 3:
                start -= 1
            return start, (singular,)
    return None

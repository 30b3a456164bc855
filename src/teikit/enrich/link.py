"""Linking decided mentions to entries, and the document's own copies of those entries.

- A list entry is copied with its names, identifiers, dates and note; ``@sameAs`` gives the
  thing's URI (Wikidata, else GeoNames, else VIAF) and ``@corresp`` the list entry (the writer
  makes it a path relative to where the TEI goes: 'authority/persons.xml#trotsky').
- A gazetteer place gets an entry with its GeoNames (or ISO 3166) identifier and location.
- A name found in the text only gets an entry with no identifier. Mentions of one person
  ("Leon Trotsky", "L. Trotsky", "Trotsky") share it when their surnames agree and their
  given names or initials do not conflict.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from teikit.authority.entries import PERSON, AuthorityEntry
from teikit.authority.forms import Key, name_key
from teikit.enrich.candidates import Mention
from teikit.authority.labels import GAZETTEER, LIST, NEW, TEXT_ONLY
from teikit.evidence import Evidence, Rule
from teikit.ids import ncname, slug
from teikit.model import HIGH, LOW, MEDIUM, Document, Entity
from teikit.weights.names import NAME, NAME_LINK



def _compatible(a: Key, b: Key) -> bool:
    """Given names or initials of two forms with the same surname do not conflict."""
    for x, y in zip(a[:-1], b[:-1]):
        if not (x.startswith(y) or y.startswith(x)):
            return False
    return True


class Linker:
    def __init__(self, doc: Document):
        self.doc = doc
        self.labels: dict[str, str] = {}  # entity id -> what it was linked to, for review
        self.links: dict[str, tuple[Rule, dict]] = {}  # entity id -> the rule that linked it, what it saw
        self._by_source: dict[tuple, str] = {}
        self._used_ids = {e.id for e in doc.entities}
        # entries other passes made (the quotation pass's speakers), by kind and name
        self._earlier = {(e.kind, name_key(n)): e for e in doc.entities for n in e.names}

    def _earlier_entity(self, kind: str, names: list[str]) -> Entity | None:
        """An entry another pass already made for one of these names: names and @who share it."""
        for name in names:
            entity = self._earlier.get((kind, name_key(name)))
            if entity is not None:
                return entity
        return None

    # -- ids ---------------------------------------------------------------------------

    def _new_id(self, base: str) -> str:
        candidate = ncname(f"{self.doc.name}-{base}")
        n = 1
        while candidate in self._used_ids:
            n += 1
            candidate = ncname(f"{self.doc.name}-{base}-{n}")
        self._used_ids.add(candidate)
        return candidate

    def how_linked(self, entity_id: str) -> tuple[Rule, dict] | None:
        """The rule of NAME_LINK that gave the entity, with what it saw (for the trace)."""
        return self.links.get(entity_id)

    def _evidence(self, entity_id: str, kind: str, cert: str | None, decision: Evidence | None) -> Evidence:
        """An entry's evidence: the decision of the name it was made for, and how it was linked."""
        evidence = Evidence(NAME.decision, list(decision.fired) if decision else [],
                            decision.threshold if decision else None, kind, cert,
                            list(decision.alternatives) if decision else [],
                            decision.decided_score if decision else None)
        rule, features = self.links[entity_id]
        evidence.add(rule, **features)
        return evidence

    def entry_label(self, entity_id: str) -> tuple[str, str]:
        """(what the entity was linked to, or "new"; where its entry comes from), for review."""
        return self.labels.get(entity_id, (NEW, TEXT_ONLY))

    # -- entities ----------------------------------------------------------------------

    def _from_entry(self, entry: AuthorityEntry, forms: list[str]) -> str:
        """The document's copy of a list entry (``forms``: how the text names it, so that an entry
        another pass made under one of those names becomes this one)."""
        source = ("entry", entry.id)
        if source in self._by_source:
            return self._by_source[source]
        earlier = self._earlier_entity(entry.kind, [*entry.names, *forms])
        if earlier is not None:  # the list's facts complete the other pass's entry
            entity_id = earlier.id
            earlier.names = list(dict.fromkeys([*entry.names, *earlier.names]))
            earlier.idnos, earlier.same_as = list(entry.idnos), entry.uri()
            earlier.entry, earlier.note = entry.ref(), entry.note
            earlier.birth, earlier.death, earlier.geo, earlier.cert = entry.birth, entry.death, entry.geo, None
        else:
            entity_id = self._new_id(entry.id)
            self.doc.entities.append(Entity(
                entity_id, entry.kind, list(entry.names), list(entry.idnos), same_as=entry.uri(),
                entry=entry.ref(), note=entry.note, birth=entry.birth,
                death=entry.death, geo=entry.geo))
        self.labels[entity_id] = (entry.id, LIST)
        self.links[entity_id] = (NAME_LINK.list_entry, {"entry": entry.id})
        self._by_source[source] = entity_id
        return entity_id

    def _from_gazetteer(self, place: AuthorityEntry, cert: str, decision: Evidence | None) -> str:
        source = ("gazetteer", place.id)
        if source in self._by_source:
            return self._by_source[source]
        entity_id = self._new_id(slug(place.preferred))
        feature = place.extra.get("feature", "place")
        country = place.extra.get("country")
        note = f"Gazetteer match: {feature}" + (f" ({country})" if country and feature != "country" else "") + "."
        self.links[entity_id] = (NAME_LINK.gazetteer, {"place": place.id})
        self.doc.entities.append(Entity(entity_id, "place", [place.preferred], list(place.idnos),
                                        same_as=place.uri(), note=note, geo=place.geo, cert=cert,
                                        evidence=self._evidence(entity_id, "place", cert, decision)))
        self.labels[entity_id] = (" ".join(f"{t} {v}" for t, v in place.idnos[:1]), GAZETTEER)
        self._by_source[source] = entity_id
        return entity_id

    def _from_text(self, kind: str, key: tuple, names: list[str], cert: str, decision: Evidence | None) -> str:
        source = ("text", kind, key)
        if source in self._by_source:
            return self._by_source[source]
        earlier = self._earlier_entity(kind, names)
        if earlier is not None:
            self._by_source[source] = earlier.id
            self.links.setdefault(earlier.id, (NAME_LINK.speaker_entry, {"entry": earlier.id}))
            return earlier.id
        entity_id = self._new_id(slug(names[0]))
        self.links[entity_id] = (NAME_LINK.text_only, {"name": names[0]})
        self.doc.entities.append(Entity(entity_id, kind, names, [], note="Recognised in the text; no list entry.",
                                        cert=cert, evidence=self._evidence(entity_id, kind, cert, decision)))
        self._by_source[source] = entity_id
        return entity_id

    # -- mentions ----------------------------------------------------------------------

    def link(self, mentions: list[Mention]) -> None:
        named = [m for m in mentions if not m.rs and m.kind]
        listed_use = Counter(m.entry.id for mention in named for m in mention.matches
                             if m.stated and m.entry.kind == mention.kind and len(mention.matches) == 1)
        clusters = self._person_clusters([m for m in named if m.kind == PERSON])
        by_cluster_entry: dict[Key, AuthorityEntry] = {}
        for mention in named:
            entry = self._entry_for(mention, listed_use)
            if entry is not None and mention.kind == PERSON:
                by_cluster_entry.setdefault(clusters[mention.key], entry)
        cert_order = {LOW: 0, MEDIUM: 1, HIGH: 2}
        best_cert: dict[tuple, str] = {}
        best_mention: dict[tuple, Mention] = {}
        for mention in named:
            group = (mention.kind, clusters.get(mention.key, mention.key))
            cert = mention.cert or LOW
            if cert_order[cert] > cert_order[best_cert.get(group, LOW)] or group not in best_cert:
                best_cert[group] = cert
                best_mention[group] = mention
        forms: dict[tuple, Counter] = defaultdict(Counter)
        for mention in named:
            forms[(mention.kind, clusters.get(mention.key, mention.key))][mention.text] += 1

        def entry_of(mention: Mention) -> AuthorityEntry | None:
            entry = self._entry_for(mention, listed_use)
            if entry is None and mention.kind == PERSON:
                entry = by_cluster_entry.get(clusters.get(mention.key, mention.key))
            return entry

        resolved = [(mention, entry_of(mention)) for mention in named]
        entry_forms: dict[str, list[str]] = defaultdict(list)
        for mention, entry in resolved:
            if entry is not None:
                entry_forms[entry.id].append(_plain(mention.text))
        for mention, entry in resolved:
            cluster = clusters.get(mention.key, mention.key)
            if entry is not None:
                mention.entity = self._from_entry(entry, entry_forms[entry.id])
            elif mention.kind == "place" and mention.places:
                mention.entity = self._from_gazetteer(mention.places[0], mention.cert or LOW, mention.decision)
            else:
                group = (mention.kind, cluster)
                names = sorted(forms[group], key=lambda f: (-len(f.split()), -len(f), -forms[group][f], f))
                names = [n for n in dict.fromkeys(_plain(n) for n in names) if n]
                mention.entity = self._from_text(mention.kind, cluster, names, best_cert[group],
                                                 best_mention[group].decision)

    @staticmethod
    def _entry_for(mention: Mention, listed_use: Counter) -> AuthorityEntry | None:
        candidates = [m for m in mention.matches if m.entry.kind == mention.kind]
        if not candidates:
            return None
        return max(candidates, key=lambda m: (m.stated, listed_use[m.entry.id])).entry

    @staticmethod
    def _person_clusters(persons: list[Mention]) -> dict[Key, Key]:
        """key -> the key of the fullest form of the same person (by surname and initials)."""
        keys = sorted({m.key for m in persons}, key=lambda k: (-len(k), -sum(map(len, k)), k))
        heads: dict[str, list[Key]] = defaultdict(list)  # surname -> cluster heads
        cluster: dict[Key, Key] = {}
        for key in keys:
            candidates = [h for h in heads[key[-1]] if _compatible(h, key)]
            if candidates and (len(key) > 1 or len(candidates) == 1):
                cluster[key] = candidates[0]
            else:
                cluster[key] = key
                heads[key[-1]].append(key)
        return cluster


def _plain(form: str) -> str:
    """A name as an entry's name: without a possessive or surrounding punctuation."""
    return " ".join(form.split()).strip(" ,;:")

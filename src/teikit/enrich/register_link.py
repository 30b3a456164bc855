"""Pointing a document's names at the project's register instead of copies of its own.

Inside a project (``teikit build``, and ``teikit convert`` writing into the project's tei
folder), a name's ``@ref`` (and a speaker's ``@who``) is the register entry relative to the
document (``../authority/persons.xml#pers-trotsky``), or the entry's authority URI when the
project sets ``refs = "uri"`` and the entry has one; the document keeps no standOff lists.

- An entry of the editors' lists keeps its ``xml:id``.
- Any other entity becomes a *proposal*: its key (what names the same thing in every document:
  a gazetteer id, else the kind and the fullest name), a new id (``teikit.authority.register``)
  and its facts; the build gathers every document's proposals into ``proposed.xml``. The id a
  document gives alone may be replaced by the one the corpus settles (``hints``: a surname
  alone that the corpus establishes, two things with one name).
- The editors' decisions (``teikit.authority.decisions``) apply to every mention: a rejected
  entry or mention is no longer tagged (its words stay), a merged one points at the entry it
  went to, an accepted mention is certain.
- Each mention gets an ``xml:id`` from its place in the text (``PREFIX-mLINE.COLUMN``): the
  handle ``teikit review`` shows, stable whatever the converter's rules do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from teikit.authority.decisions import Decisions, mention_xml_id
from teikit.authority.entries import AuthorityEntry
from teikit.authority.entries import PERSON
from teikit.authority.forms import name_key, person_forms
from teikit.authority.entries import PROPOSED_FILE
from teikit.authority.register import new_id
from teikit.model import HIGH, Block, Document, Entity

POINTERS = ("ref", "who")
NAME_TAGS = frozenset({"persName", "placeName", "orgName", "name"})


@dataclass(frozen=True)
class RegisterOptions:
    """How one document points at the register."""

    folder: Path  # the register's folder (proposed.xml and decisions.toml are there)
    document: str  # the text's name, as decisions on mentions name it
    refs: str = "register"  # or "uri"
    hints: tuple[tuple[str, str], ...] = ()  # proposal key -> the id the corpus settled


@dataclass
class Proposal:
    """A proposed entry one document names (JSON-able: it travels in the build's records)."""

    key: str
    id: str
    default: str  # the id the document gave it alone (the corpus may settle another: hints)
    kind: str
    names: list[str]
    idnos: list[list[str]] = field(default_factory=list)
    same_as: str | None = None
    geo: str | None = None
    note: str | None = None
    cert: str | None = None


def bare_name(entity: Entity) -> str:
    """The entity's fullest name, a person's without titles ("Mr. John Halloran" -> "John Halloran")."""
    name = entity.names[0] if entity.names else entity.id
    if entity.kind == PERSON:
        forms = person_forms(name)
        return forms[0] if forms else name
    return name


def decided(proposal: Proposal, decisions: Decisions) -> Proposal:
    """A proposal with the editors' decisions on its entry: its preferred name, its authority ids."""
    names, idnos = list(proposal.names), [list(pair) for pair in proposal.idnos]
    renamed = decisions.name(proposal.id)
    if renamed:
        names = [renamed] + [n for n in names if n != renamed]
    idnos += [[kind, value] for kind, value in decisions.links(proposal.id) if [kind, value] not in idnos]
    return Proposal(**{**proposal.__dict__, "names": names, "idnos": idnos})


def entity_key(entity: Entity) -> str:
    """What names the same thing in every document: its gazetteer identifier, else its kind and
    its fullest name's key."""
    if entity.idnos:
        kind, value = entity.idnos[0]
        return f"{entity.kind}:{kind.lower()}:{value}"
    return f"{entity.kind}:{' '.join(name_key(bare_name(entity)))}"


def relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path.absolute(), folder.absolute())).as_posix()
    except ValueError:  # another drive (Windows)
        return path.absolute().as_uri()


class _Targets:
    """Where each of the document's entities goes in the register."""

    def __init__(self, doc: Document, options: RegisterOptions, entries: dict[str, AuthorityEntry],
                 decisions: Decisions):
        self.entries, self.decisions, self.options = entries, decisions, options
        self.hints = dict(options.hints)
        self.proposals: dict[str, Proposal] = {}
        self.target: dict[str, str] = {}  # entity id -> register id
        defaults: dict[str, str] = {}  # key -> the document's own id for it
        for entity in doc.entities:
            if entity.entry is not None and entity.entry.id in entries:
                self.target[entity.id] = decisions.merged(entity.entry.id)
                continue
            key = entity_key(entity)
            if key not in defaults:
                defaults[key] = new_id(entity.kind, bare_name(entity), set(entries) | set(defaults.values()))
            register_id = decisions.merged(self.hints.get(key, defaults[key]))
            self.target[entity.id] = register_id
            if register_id in entries:
                continue  # merged into an editor's entry
            proposal = self.proposals.get(register_id)
            if proposal is None:
                self.proposals[register_id] = Proposal(
                    key, register_id, defaults[key], entity.kind, list(dict.fromkeys([bare_name(entity), *entity.names])),
                    [list(pair) for pair in entity.idnos], entity.same_as, entity.geo, entity.note, entity.cert)
            else:
                proposal.names += [n for n in entity.names if n not in proposal.names]

    def pointer(self, register_id: str, folder: Path) -> str:
        entry = self.entries.get(register_id)
        if self.options.refs == "uri":
            uri = entry.uri() if entry is not None else self._proposal_uri(register_id)
            if uri:
                return uri
        where = entry.source if entry is not None and entry.source is not None else \
            self.options.folder / PROPOSED_FILE
        return f"{relative(where, folder)}#{register_id}"

    def _proposal_uri(self, register_id: str) -> str | None:
        proposal = self.proposals.get(register_id)
        linked = self.decisions.links(register_id)
        if linked:
            return AuthorityEntry(register_id, "", (register_id,), tuple(linked)).uri()
        return proposal.same_as if proposal is not None else None


def point_at_register(doc: Document, options: RegisterOptions, entries: dict[str, AuthorityEntry],
                      decisions: Decisions, output_dir: Path) -> list[Proposal]:
    """Point ``doc``'s names at the register (its standOff lists dropped); the proposals it makes."""
    targets = _Targets(doc, options, entries, decisions)
    rejected = decisions.rejected
    used_ids: set[str] = set()
    for block in doc.blocks():
        kept = []
        for span in block.spans:
            if _point(span, block, doc, targets, decisions, rejected, options, output_dir, used_ids):
                kept.append(span)
        block.spans = kept
        if block.wrap is not None:
            _repoint(block.wrap.attrs, targets, output_dir, rejected)
    doc.entities = []
    return [p for p in targets.proposals.values() if p.id not in rejected]


def _point(span, block: Block, doc: Document, targets: _Targets, decisions: Decisions, rejected: set[str],
           options: RegisterOptions, output_dir: Path, used_ids: set[str]) -> bool:
    """Repoint one span; False when a decision untags it."""
    ref = span.attrs.get("ref", "")
    if span.tag not in NAME_TAGS or not ref.startswith("#") or ref[1:] not in targets.target:
        _repoint(span.attrs, targets, output_dir, rejected)
        return True
    line = block.line_at(span.start)
    column = span.start - (block.text.rfind("\n", 0, span.start) + 1)
    form = " ".join(block.text[span.start:span.end].split())
    decision = decisions.mention(options.document, f"{line}:{column}", form)
    register_id = targets.target[ref[1:]]
    if decision is not None:
        if decision["verb"] == "reject":
            return False
        if decision["verb"] == "merge" and decision.get("into"):
            register_id = decisions.merged(decision["into"])
        if decision["verb"] == "accept":
            span.attrs["cert"] = HIGH
    if register_id in rejected:
        return False
    span.attrs["ref"] = targets.pointer(register_id, output_dir)
    xml_id = mention_xml_id(doc.name, line, column)
    if xml_id not in used_ids:
        used_ids.add(xml_id)
        span.attrs = {"xml:id": xml_id, **span.attrs}
    return True


def _repoint(attrs: dict[str, str], targets: _Targets, output_dir: Path, rejected: set[str]) -> None:
    """@who (and @ref of other elements) pointing at the document's entities: at the register."""
    for name in POINTERS:
        value = attrs.get(name, "")
        if not value:
            continue
        pointers = []
        for pointer in value.split():
            if pointer.startswith("#") and pointer[1:] in targets.target:
                register_id = targets.target[pointer[1:]]
                if register_id in rejected:
                    continue
                pointer = targets.pointer(register_id, output_dir)
            pointers.append(pointer)
        if pointers:
            attrs[name] = " ".join(pointers)
        else:
            del attrs[name]

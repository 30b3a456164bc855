"""The corpus layer of the register: what every document's proposals settle together.

Each document proposes entries alone (``teikit.enrich.register_link``): a key (a gazetteer id,
else the kind and the fullest name) and the id it would give. Over the corpus:

- one key is one entry: two documents naming "Leon Trotsky" share ``pers-leon-trotsky``;
- a surname alone ("Tarov", in a document that never names him in full) is the person the corpus
  establishes when exactly one person of the corpus has that surname with given names; with two
  ("A. Smith" and "John Smith") it stays an entry of its own: the evidence differs;
- two keys that would get one id (two places called Paris with different GeoNames ids) get
  ``-2``, ``-3`` in the order of their keys.

What the corpus settles differently from a document alone goes back to that document as
``hints`` (key -> id), part of its inputs: a document is built again only when its hints
change, so that a build with nothing changed rebuilds nothing. ``proposed.xml`` is written from
all the proposals, with the editors' decisions on proposed entries (renamed, linked, merged,
rejected), and only when its content changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from teikit.authority.decisions import Decisions
from teikit.authority.entries import PROPOSED_FILE
from teikit.authority.register import new_id, proposal_element, tei_lists
from teikit.build.records import DocumentResult
from teikit.enrich.register_link import Proposal, decided
from teikit.xmlio import write_atomic

LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}


def _proposals(records: Iterable[DocumentResult]) -> list[Proposal]:
    return [Proposal(**p) for record in records for p in record.proposals]


def settle(records: dict[str, DocumentResult], register_ids: set[str]) -> dict[str, dict[str, str]]:
    """document name -> the ids of its proposals' keys that the corpus settles otherwise than the
    document did alone."""
    by_key: dict[str, Proposal] = {}
    for name in sorted(records):
        for data in records[name].proposals:
            by_key.setdefault(data["key"], Proposal(**data))
    corpus: dict[str, str] = {}
    taken = set(register_ids)
    for key in sorted(by_key):
        proposal = by_key[key]
        corpus[key] = new_id(proposal.kind, proposal.names[0] if proposal.names else proposal.id, taken)
        taken.add(corpus[key])
    full = {}  # person surname -> keys with given names
    for key in by_key:
        kind, _, words = key.partition(":")
        if kind == "person" and len(words.split()) > 1:
            full.setdefault(words.split()[-1], []).append(key)
    for key in by_key:
        kind, _, words = key.partition(":")
        if kind == "person" and len(words.split()) == 1 and len(full.get(words, [])) == 1:
            corpus[key] = corpus[full[words][0]]
    hints: dict[str, dict[str, str]] = {}
    for name, record in records.items():
        own = {p["key"]: corpus[p["key"]] for p in record.proposals if corpus.get(p["key"], p["default"]) != p["default"]}
        if own:
            hints[name] = own
    return hints


def proposed_entries(records: Iterable[DocumentResult], decisions: Decisions, register_ids: set[str]
                     ) -> dict[str, list]:
    """The entries of proposed.xml by list: every proposal once by id, names from every document,
    with the decisions on it."""
    merged: dict[str, Proposal] = {}
    # the fullest names first: an entry's preferred name is its fullest form in the corpus
    for proposal in sorted(_proposals(records), key=lambda p: -len(p.names[0].split()) if p.names else 0):
        if proposal.id in register_ids or proposal.id in decisions.rejected:
            continue
        if proposal.id in merged:
            known = merged[proposal.id]
            known.names += [n for n in proposal.names if n not in known.names]
            known.idnos += [i for i in proposal.idnos if i not in known.idnos]
        else:
            merged[proposal.id] = Proposal(**{**proposal.__dict__, "names": list(proposal.names),
                                              "idnos": list(proposal.idnos)})
    lists: dict[str, list] = {name: [] for name in LISTS.values()}
    for entry_id in sorted(merged):
        proposal = decided(merged[entry_id], decisions)
        lists[LISTS[proposal.kind]].append(proposal_element(proposal))
    return lists


def write_proposed(folder: Path, records: Iterable[DocumentResult], decisions: Decisions,
                   register_ids: set[str]) -> bool:
    """Write ``proposed.xml`` when what it holds changed (or remove it when nothing is proposed);
    whether the file changed."""
    path = folder / PROPOSED_FILE
    lists = proposed_entries(records, decisions, register_ids)
    if not any(lists.values()):
        if path.exists():
            path.unlink()
            return True
        return False
    data = tei_lists(lists, "Proposed entries of the register")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True

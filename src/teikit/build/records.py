"""What building one document gives back: its status, diagnostics, and what the corpus pages
need to know about it (its works, and the persons, places and organisations it names).

Records are small, picklable (they come back from worker processes and Dask workers) and
round-trip through JSON (the state file keeps them for documents a later build skips).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from teikit.errors import Diagnostic, Severity

BUILT, SKIPPED, INVALID, FAILED = "built", "skipped", "invalid", "failed"


@dataclass
class WorkRecord:
    """One work (a TEI; each TEI of a teiCorpus) as the corpus index lists it."""

    href: str  # its page, with #id for a work inside a teiCorpus
    title: str
    author: str = ""
    date: str = ""  # ISO 8601 (@when)
    names: int = 0
    quotations: int = 0
    notes: int = 0


@dataclass
class Mention:
    """Where a document names an entity: the anchor in its page, the work it is in, and the words
    around it (what the corpus index shows a reader, instead of a bare number)."""

    href: str  # page#anchor
    work: int = 0  # the index of its work in the document's works
    before: str = ""  # a few words before the name, and after it
    name: str = ""
    after: str = ""


@dataclass
class EntityRecord:
    """A person, place or organisation one document names, with its mentions."""

    key: str  # the same in every document naming it (authority entry, identifier, or name)
    category: str  # persons, places, orgs
    label: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, URL): Wikidata, VIAF, GeoNames
    mentions: list[Mention] = field(default_factory=list)  # in text order


@dataclass
class DocumentResult:
    name: str
    status: str  # built, invalid or failed (skipped is decided before building)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str = ""  # the document's main title (a teiCorpus: the corpus's)
    page: str = ""  # the HTML page, relative to the site folder
    lang: str = ""  # the document's language (xml:lang, else the header's first), for the site's labels
    works: list[WorkRecord] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)
    seconds: float = 0.0
    worker: str = ""  # which process built it
    peak_memory: int = 0  # that process's peak resident memory so far, in bytes
    # the register entries it proposes (teikit.enrich.register_link.Proposal as JSON), and the ids
    # the corpus had settled for it when it was built (proposal key -> id)
    proposals: list[dict[str, Any]] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)
    # the TEI files written when the project splits texts into one file a work (else the task's one)
    tei_files: list[str] = field(default_factory=list)

    def count(self, what: str) -> int:
        return sum(getattr(work, what) for work in self.works)

    @property
    def warnings(self) -> int:
        return sum(d.severity != Severity.ERROR for d in self.diagnostics)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["diagnostics"] = [diagnostic_to_json(d) for d in self.diagnostics]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "DocumentResult":
        values = dict(data)
        values["diagnostics"] = [diagnostic_from_json(d) for d in data.get("diagnostics", [])]
        values["works"] = [WorkRecord(**w) for w in data.get("works", [])]
        values["entities"] = [EntityRecord(**{**e, "links": [tuple(link) for link in e.get("links", [])],
                                              "mentions": [Mention(**m) for m in e.get("mentions", [])]})
                              for e in data.get("entities", [])]
        return cls(**values)


def diagnostic_to_json(d: Diagnostic) -> dict[str, Any]:
    data = {"file": d.file, "line": d.line, "column": d.column, "severity": d.severity.value,
            "engine": d.engine, "code": d.code, "message": d.message}
    return {k: v for k, v in data.items() if v is not None}


def diagnostic_from_json(data: dict[str, Any]) -> Diagnostic:
    return Diagnostic(data["file"], data["message"], Severity(data.get("severity", "error")), data.get("line"),
                      data.get("column"), data.get("engine"), data.get("code"))

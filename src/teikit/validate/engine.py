"""What every validation engine offers the runner."""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Callable, Sequence

from teikit.errors import Diagnostic, Severity
from teikit.validate.documents import Document


@dataclass
class RunContext:
    """What a check may know about the whole run, for rules across files (see schema/teikit.sch)."""

    ids: dict[str, list[str]] = field(default_factory=dict)  # xml:id -> URIs of documents declaring it
    documents: list[str] = field(default_factory=list)  # URIs of the run's documents


class Engine(abc.ABC):
    """A compiled schema. Compiling happens once per process; ``check`` runs per batch."""

    name: str  # the engine label in diagnostics: "xsd", "rng", "schematron", "jing"
    wants_run_context = False
    per_job = False  # True: the documents of a job are checked together at its end (see open_job)

    def __init__(self, schema: str):
        self.schema = schema

    @abc.abstractmethod
    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        """Diagnostics for each readable document of the batch, in order."""

    def open_job(self) -> "JobBatch":
        """For a ``per_job`` engine: a batch for all the documents of a job, checked together once the
        job has read them (jing: one JVM for them all). Other engines are called chunk by chunk."""
        raise NotImplementedError

    def diagnostic(self, doc: Document, message: str, *, element=None, attribute: str | None = None,
                   line: int | None = None, column: int | None = None, severity: Severity | str = Severity.ERROR,
                   code: str | None = None, xpath: str | None = None) -> Diagnostic:
        """A diagnostic located at ``element`` (its start tag) when given, else at line/column."""
        if element is not None:
            line, column = doc.position(element, attribute)
            xpath = xpath or doc.xpath(element, attribute)
        return Diagnostic(doc.path, " ".join(message.split()), Severity(severity), line, column, self.name, code,
                          xpath)


class JobBatch(abc.ABC):
    """The documents of one job that an engine checks together at the job's end. ``add`` takes a
    document while its chunk is parsed and returns the list its diagnostics will be put in."""

    def __init__(self) -> None:
        self.slots: list[tuple[str, list[Diagnostic]]] = []

    def slot(self, path: str) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        self.slots.append((path, found))
        return found

    @abc.abstractmethod
    def add(self, doc: Document) -> list[Diagnostic]:
        """Keep what ``finish`` needs of ``doc`` (its parsed tree is dropped after its chunk)."""

    @abc.abstractmethod
    def finish(self) -> None:
        """Check every document added, filling their lists."""

    def fail(self, problem: Callable[[str], Diagnostic]) -> None:
        """The batch could not be checked: ``problem(path)`` for each of its documents instead."""
        for path, found in self.slots:
            found.append(problem(path))

    def close(self) -> None:
        """Release what the batch holds (temporary files)."""

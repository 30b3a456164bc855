"""What every validation engine offers the runner."""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Sequence

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

    def __init__(self, schema: str):
        self.schema = schema

    @abc.abstractmethod
    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        """Diagnostics for each readable document of the batch, in order."""

    def diagnostic(self, doc: Document, message: str, *, element=None, attribute: str | None = None,
                   line: int | None = None, column: int | None = None, severity: Severity | str = Severity.ERROR,
                   code: str | None = None, xpath: str | None = None) -> Diagnostic:
        """A diagnostic located at ``element`` (its start tag) when given, else at line/column."""
        if element is not None:
            line, column = doc.position(element, attribute)
            xpath = xpath or doc.xpath(element, attribute)
        return Diagnostic(doc.path, " ".join(message.split()), Severity(severity), line, column, self.name, code,
                          xpath)

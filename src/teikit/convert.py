"""The conversion pipeline: text -> reader -> model -> enrichers -> TEI writer.

One function for every caller (``teikit convert``, ``teikit build``, tests, benchmarks), so
that the steps and their order are decided in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from teikit.errors import Diagnostic
from teikit.model import Document
from teikit.readers.plaintext import read_plaintext
from teikit.textio import TextInput
from teikit.writers.tei import SchemaRef, TeiWriter

# An enricher takes a document and adds to it (spans, standOff entries, review items).
Enricher = Callable[[Document], None]


@dataclass
class Conversion:
    document: Document
    tei: bytes
    warnings: list[Diagnostic] = field(default_factory=list)


def default_enrichers() -> list[Enricher]:
    """The passes every conversion runs after reading, in order."""
    return []


def convert_text(source: TextInput, *, name: str | None = None, schema_refs: Sequence[SchemaRef] | None = None,
                 enrichers: Sequence[Enricher] | None = None) -> Conversion:
    """Convert one decoded plain-text input to TEI."""
    document = read_plaintext(source, name=name)
    for enrich in default_enrichers() if enrichers is None else enrichers:
        enrich(document)
    tei = TeiWriter(list(schema_refs) if schema_refs is not None else None).write(document)
    return Conversion(document, tei, list(source.warnings))

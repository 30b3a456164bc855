"""teikit's passes, registered in the order conversions run them, with their contracts.

What each pass requires, assigns and uses is stated here, next to its registration (and listed
in docs/architecture.md). Every pass requires only what the reader assigns, so any of them may
be skipped; the order lets later passes use what earlier ones made: names nest inside
quotations and reuse the quotation pass's speakers; dates leave names alone; names read the
language pass's ``xml:lang``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from teikit.model import Document
from teikit.pipeline import register_pass


@dataclass(frozen=True)
class EditsOptions:
    # The editor's file; None: NAME.edits.toml beside NAME.txt, when there is one.
    edits: Path | None = None


@dataclass(frozen=True)
class NamesOptions:
    # Authority lists (TEI listPerson/listPlace/listOrg files or folders of them).
    authority: Sequence[Path] = ()


@register_pass("edits", requires=("works",),
               assigns=("choice-spans", "edition-notes", "work.meta.supplied", "doc.contributors"),
               options=EditsOptions)
def edits(doc: Document, options: EditsOptions) -> None:
    """The editor's file: corrections, normalisations, added notes and header fields."""
    from teikit.enrich.edits import apply_edits

    apply_edits(doc, options.edits)


@register_pass("quotations", requires=("works",),
               assigns=("quotation-spans", "block-quotations", "bibl-spans", "speaker-entities"),
               uses=("choice-spans", "note-links"))
def quotations(doc: Document, options) -> None:
    """Quotations with their type, speaker and source; speech without marks."""
    from teikit.enrich.quotations import mark_quotations

    mark_quotations(doc)


@register_pass("languages", requires=("works",), assigns=("xml:lang",))
def languages(doc: Document, options) -> None:
    """xml:lang on divisions and blocks in another language than the document's."""
    from teikit.enrich.language import mark_languages

    mark_languages(doc)


@register_pass("names", requires=("works",), assigns=("name-spans", "entities"),
               uses=("xml:lang", "quotation-spans", "speaker-entities"), options=NamesOptions)
def names(doc: Document, options: NamesOptions) -> None:
    """Persons, places and organisations, linked to entries."""
    from teikit.enrich.names import mark_names

    mark_names(doc, list(options.authority))


@register_pass("dates", requires=("works",), assigns=("date-spans",), uses=("name-spans", "reader-spans"))
def dates(doc: Document, options) -> None:
    """Dates in running text with their ISO value."""
    from teikit.enrich.dates import mark_dates

    mark_dates(doc)

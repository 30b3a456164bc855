"""The conversion pipeline: text -> reader -> model -> enrichers -> TEI writer.

One function for every caller (``teikit convert``, ``teikit build``, ``teikit review``,
tests, benchmarks), so that the steps and their order are decided in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from teikit.errors import Diagnostic
from teikit.model import Document
from teikit.readers.plaintext import read_plaintext
from teikit.textio import TextInput
from teikit.writers.tei import SchemaRef, TeiWriter


@dataclass
class ConvertOptions:
    """What a conversion may use besides the text itself."""

    # Authority lists (TEI listPerson/listPlace/listOrg files or folders of them).
    authority: list[Path] = field(default_factory=list)
    # The editor's file for this text; None: NAME.edits.toml beside NAME.txt, when there is one.
    edits: Path | None = None
    # <?xml-model?> instructions to write; None: tei_all only.
    schema_refs: Sequence[SchemaRef] | None = None
    # Where the TEI will be written (relative pointers to list entries); None: the working directory.
    output_dir: Path | None = None
    # Passes not to run (names from PASSES): structure alone is much faster on very long texts.
    skip: frozenset[str] = frozenset()


# An enricher adds to a document (spans, standOff entries, review items); it never
# touches XML and may raise TeikitError for a problem in its own inputs.
Enricher = Callable[[Document, ConvertOptions], None]


@dataclass
class Conversion:
    document: Document
    tei: bytes
    warnings: list[Diagnostic] = field(default_factory=list)


# The passes a conversion runs after reading, in order (a user may skip some by name).
PASSES = ("edits", "quotations", "languages", "names", "dates")


def default_enrichers(skip: frozenset[str] = frozenset()) -> list[Enricher]:
    """The passes every conversion runs after reading, in order, less those skipped."""
    from teikit.enrich import dates, edits, language, names, quotations

    steps = {"edits": edits.apply_edits, "quotations": quotations.mark_quotations,
             "languages": language.mark_languages, "names": names.mark_names, "dates": dates.mark_dates}
    return [steps[name] for name in PASSES if name not in skip]


def conversion_inputs(source_path: str, options: ConvertOptions | None = None) -> list[Path]:
    """The files a conversion of ``source_path`` reads: the text and its editor's file when
    it has one (what an incremental build must compare with its output)."""
    from teikit.enrich.edits import edits_file

    edits = edits_file(source_path, (options or ConvertOptions()).edits)
    return [Path(source_path)] + ([edits] if edits is not None else [])


def enrich(document: Document, options: ConvertOptions, enrichers: Sequence[Enricher] | None = None) -> Document:
    for step in default_enrichers(options.skip) if enrichers is None else enrichers:
        step(document, options)
    return document


def convert_text(source: TextInput, *, name: str | None = None, options: ConvertOptions | None = None,
                 enrichers: Sequence[Enricher] | None = None) -> Conversion:
    """Convert one decoded plain-text input to TEI."""
    options = options or ConvertOptions()
    document = enrich(read_plaintext(source, name=name), options, enrichers)
    tei = TeiWriter(list(options.schema_refs) if options.schema_refs is not None else None).write(document)
    return Conversion(document, tei, list(source.warnings))

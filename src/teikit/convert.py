"""The conversion pipeline: text -> reader -> model -> passes -> TEI writer.

One function for every caller (``teikit convert``, ``teikit build``, ``teikit review``,
tests, benchmarks), so that the steps and their order are decided in one place. The passes
and their contracts are registered in ``teikit.enrich.passes`` and checked by
``teikit.pipeline.Pipeline`` before anything is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from teikit.enrich import passes as _passes  # noqa: F401  (registers teikit's passes, in order)
from teikit.enrich.register_link import Proposal, RegisterOptions, point_at_register
from teikit.errors import Diagnostic
from teikit.evidence import switched_off
from teikit.model import Block, Document, ReviewItem
from teikit.pipeline import REGISTRY, Pipeline
from teikit.readers.plaintext import read_plaintext
from teikit.runtime.collector import fewer_collections
from teikit.textio import TextInput
from teikit.trace import Trace
from teikit.writers.inline import nest
from teikit.writers.tei import SchemaRef, TeiWriter


@dataclass
class ConvertOptions:
    """What a conversion may use besides the text itself. The passes take their own typed
    options from these fields by name (``teikit.enrich.passes``)."""

    # Authority lists (TEI listPerson/listPlace/listOrg files or folders of them).
    authority: list[Path] = field(default_factory=list)
    # The editor's file for this text; None: NAME.edits.toml beside NAME.txt, when there is one.
    edits: Path | None = None
    # <?xml-model?> instructions to write; None: tei_all only.
    schema_refs: Sequence[SchemaRef] | None = None
    # Where the TEI will be written (the writer points at list entries relative to it); None: the
    # working directory.
    output_dir: Path | None = None
    # Passes not to run (names of the registry): structure alone is much faster on very long texts.
    skip: frozenset[str] = frozenset()
    # Rules switched off by name (``teikit.evidence``): what a rule is worth, measured.
    without_rules: frozenset[str] = frozenset()
    # Inside a project: names point at its register, and the document keeps no lists of its own
    # (``teikit.enrich.register_link``); None: a self-contained document with its standOff.
    register: RegisterOptions | None = None


@dataclass
class Conversion:
    document: Document
    tei: bytes
    warnings: list[Diagnostic] = field(default_factory=list)
    # every machine decision with the element it made (``Trace.records`` for the JSON trace)
    trace: Trace | None = None
    # the register entries this document proposes (when it points at a register)
    proposals: list[Proposal] = field(default_factory=list)


def passes() -> tuple[str, ...]:
    """The names of the passes a conversion runs, in order (what ``--skip`` takes)."""
    return tuple(REGISTRY)


def conversion_inputs(source_path: str, options: ConvertOptions | None = None) -> list[Path]:
    """The files a conversion of ``source_path`` reads: the text and its editor's file when
    it has one (what an incremental build must compare with its output)."""
    from teikit.enrich.edits import edits_file

    edits = edits_file(source_path, (options or ConvertOptions()).edits)
    return [Path(source_path)] + ([edits] if edits is not None else [])


def read_and_enrich(source: TextInput, *, name: str | None = None, options: ConvertOptions | None = None,
                    pipeline: Pipeline | None = None) -> Document:
    """The document model of one decoded input, with every pass run (the rules ``without_rules``
    switched off), and markup that cannot nest set aside for review."""
    options = options or ConvertOptions()
    pipeline = pipeline or Pipeline.build(options.skip)
    with switched_off(options.without_rules):
        document = read_plaintext(source, name=name)
        pipeline.run(document, options)
    document.forget_tokens()
    drop_crossing_spans(document)
    return document


def convert_text(source: TextInput, *, name: str | None = None, options: ConvertOptions | None = None,
                 pipeline: Pipeline | None = None) -> Conversion:
    """Convert one decoded plain-text input to TEI."""
    options = options or ConvertOptions()
    with fewer_collections():  # a conversion's objects live until it ends: collecting them is wasted time
        document = read_and_enrich(source, name=name, options=options, pipeline=pipeline)
        proposals = []
        if options.register is not None:
            from teikit.authority.decisions import Decisions
            from teikit.authority.load import load_authority
            from teikit.errors import InputError

            try:
                entries = {entry.id: entry for entry in load_authority(options.authority).entries}
            except InputError:  # a broken list: the names pass says so when it reads it
                entries = {}
            proposals = point_at_register(document, options.register, entries,
                                          Decisions.load(options.register.folder), options.output_dir or Path.cwd())
        writer = TeiWriter(list(options.schema_refs) if options.schema_refs is not None else None,
                           output_dir=options.output_dir)
        tei = writer.write(document)
    return Conversion(document, tei, list(source.warnings), writer.trace, proposals)


def drop_crossing_spans(document: Document) -> None:
    """Spans that cross others cannot be XML: each is taken out and listed for review, so that
    the writer only serialises."""
    for block in document.blocks():
        _drop_crossing(document, block)


def _drop_crossing(document: Document, block: Block) -> None:
    _, dropped = nest(block)
    if not dropped:
        return
    gone = {id(span) for span in dropped}
    block.spans = [span for span in block.spans if id(span) not in gone]
    for span in dropped:
        document.review.append(ReviewItem(
            "markup", block.line_at(span.start), block.text[span.start:span.end][:80],
            f"<{span.tag}> crosses other markup and was left out", cert=span.attrs.get("cert"),
            evidence=span.evidence))

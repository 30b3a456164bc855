"""One document's build, as one picklable task a worker runs (a local process or a Dask worker):
text -> TEI (written) -> validation against the project's schemas -> HTML page and plain text
(written) -> a small record for the summary and the corpus pages. An edition's TEI (source =
"tei") is read, validated and published: nothing is written in its folder.

Each process compiles the schemas and stylesheets once, on its first task (the caches of
``teikit.validate.schemas.engine_for`` and ``teikit.publish.saxon.compiled``), and runs one task
at a time: Saxon's processor is not shared between threads. Every file is written atomically,
so an interrupted task leaves the previous file or the new one, never half of one.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Mapping

from teikit.authority.register import register_text
from teikit.build import summary
from teikit.build.records import BUILT, FAILED, INVALID, DocumentResult
from teikit.errors import Diagnostic, Severity, TeikitError
from teikit.resources import data_dir
from teikit.validate.schemas import SchemaRef

# The per-document page: teikit's HTML with the site's navigation (xslt/html/site-page.xsl),
# linking the site's one copy of tei.css; and the plain text with the stylesheet's defaults.
HTML_STYLESHEET = "html/site-page.xsl"
TEXT_STYLESHEET = "text/tei-to-text.xsl"
HTML_PARAMS: Mapping[str, str] = {"css": "link"}
TEXT_PARAMS: Mapping[str, str] = {}


@dataclass(frozen=True)
class DocumentTask:
    """Everything a worker needs to build one document (absolute paths: a worker may run
    elsewhere, on the same shared file system)."""

    name: str
    text: str  # the input: a text to convert, or (source = "tei") the edition's TEI, the same as tei
    tei: str
    html: str
    txt: str
    page: str  # the HTML page's name in the site folder
    authority: tuple[str, ...] = ()
    schema_dir: str | None = None  # tei/ -> schema/ for the <?xml-model?> lines (as `teikit convert`)
    schemas: tuple[SchemaRef, ...] = ()
    generation: str = ""  # the hash of the inputs all documents share (see state.py)
    source: str = "texts"  # texts: convert text to tei; tei: read the edition's tei
    html_params: tuple[tuple[str, str], ...] = ()  # the page's parameters (default: HTML_PARAMS)
    notes: tuple[Diagnostic, ...] = ()  # warnings found before the build (an xml-model not used)
    max_size: int | None = None  # the largest input read (--max-size): a text, or an edition's TEI
    register: str | None = None  # the register's folder: names point at it (teikit.enrich.register_link)
    refs: str = "register"
    hints: tuple[tuple[str, str], ...] = ()  # ids the corpus settled for this document's proposals
    split: bool = False  # one TEI file a work (the project's ``split = true``)


_one_at_a_time = threading.Lock()
# The generation of shared inputs this process's compiled schemas and stylesheets belong to. A
# worker that outlives a build (a Dask worker) compiles again when a stylesheet or schema has changed.
_generation = [""]


def _renew(generation: str) -> None:
    if generation != _generation[0]:
        from teikit.publish.saxon import forget
        from teikit.validate.schemas import forget_engines

        forget_engines()
        forget()
        _generation[0] = generation


def build_document(task: DocumentTask) -> DocumentResult:
    """Build one document; every problem becomes a diagnostic in the result, never an exception."""
    with _one_at_a_time:
        start = time.perf_counter()
        _renew(task.generation)
        try:
            result = _build(task)
        except TeikitError as exc:
            result = DocumentResult(task.name, FAILED, [exc.diagnostic])
        except OSError as exc:
            result = DocumentResult(task.name, FAILED, [Diagnostic(exc.filename or task.text,
                                                                   f"cannot write: {exc.strerror or exc}",
                                                                   engine="build")])
        except Exception as exc:  # a bug in teikit: this document fails, the others still build
            result = DocumentResult(task.name, FAILED, [Diagnostic(task.text, f"internal error: "
                                                                   f"{type(exc).__name__}: {exc}", engine="build")])
        if result.status != BUILT:
            _remove(task.html, task.txt)  # the site shows only documents that built
        result.seconds = time.perf_counter() - start
        result.worker = f"{socket.gethostname()}:{os.getpid()}"
        result.peak_memory = peak_memory()
        return result


def build_documents(tasks: list[DocumentTask]) -> list[DocumentResult]:
    """Build several documents in turn (one task on a cluster, where each task has a cost of its own)."""
    return [build_document(task) for task in tasks]


def _build(task: DocumentTask) -> DocumentResult:
    from teikit.xmlio import parse_bytes, write_atomic

    proposals = []
    written: list[str] = []  # split: the TEI files of the works (else the task's one file)
    if task.source == "tei":
        data, diagnostics = _read_edition(task)
    else:
        data, diagnostics, proposals, written = _convert(task)
    if not written:
        diagnostics += validate(task.tei, data, task.schemas)
    if any(d.severity == Severity.ERROR for d in diagnostics):
        return DocumentResult(task.name, INVALID, diagnostics, tei_files=written)
    # the site's page shows the text whole, as its one TEI document (a teiCorpus when it has several works)
    tree = parse_bytes(task.tei, data)
    entries = register_entries(task, proposals)
    extra = {} if entries is None else {"register": register_text(entries)}
    html = publish(HTML_STYLESHEET, tree, task.tei, {**dict(task.html_params or HTML_PARAMS), **extra}, diagnostics)
    write_atomic(task.html, html, durable=False)
    write_atomic(task.txt, publish(TEXT_STYLESHEET, tree, task.tei, {**TEXT_PARAMS, **extra}, diagnostics),
                 durable=False)
    ids = summary.page_ids(html)
    root = tree.getroot()
    entities, warnings = summary.entities(root, task.page, ids, task.tei, entries or {})
    shown = summary.page_title(html)
    return DocumentResult(task.name, BUILT, diagnostics + warnings, shown or summary.title(root), task.page,
                          summary.language(root), summary.works(root, task.page, ids, shown), entities,
                          proposals=[asdict(p) for p in proposals], hints=dict(task.hints), tei_files=written)


def register_entries(task: DocumentTask, proposals) -> dict | None:
    """xml:id -> entry element of everything a register document may point at: the editors'
    lists and this document's proposals, with the decisions on them (None outside a register)."""
    if task.register is None:
        return None
    from teikit.authority.decisions import Decisions
    from teikit.authority.entries import list_files
    from teikit.authority.register import entry_elements, proposal_element
    from teikit.enrich.register_link import decided

    entries = entry_elements(list_files([Path(p) for p in task.authority]))
    decisions = Decisions.load(Path(task.register))
    for proposal in proposals:
        entries.setdefault(proposal.id, proposal_element(decided(proposal, decisions)))
    return entries


def _convert(task: DocumentTask) -> tuple[bytes, list[Diagnostic], list, list[str]]:
    """The text converted to TEI, written to the tei folder (split: one file a work, each validated);
    the conversion's warnings, the register entries it proposes, and the split files written."""
    from teikit.convert import ConvertOptions, convert_text
    from teikit.enrich.register_link import RegisterOptions
    from teikit.textio import read_text
    from teikit.writers.tei import default_schema_refs
    from teikit.xmlio import write_atomic

    register = None if task.register is None else RegisterOptions(Path(task.register), task.name, task.refs,
                                                                  task.hints)
    options = ConvertOptions(authority=[Path(p) for p in task.authority],
                             schema_refs=default_schema_refs(task.schema_dir), output_dir=Path(task.tei).parent,
                             register=register)
    conversion = convert_text(read_text(task.text, task.max_size), options=options)
    diagnostics = list(conversion.warnings)
    written = _write_split(task, conversion, diagnostics) if task.split else []
    if not written:
        write_atomic(task.tei, conversion.tei, durable=False)
    return conversion.tei, diagnostics, conversion.proposals, written


def _read_edition(task: DocumentTask) -> tuple[bytes, list[Diagnostic]]:
    """An edition's TEI as it is (read only), and what was noted in choosing its schemas."""
    from teikit.textio import read_bytes

    return read_bytes(task.tei, task.max_size), list(task.notes)


def _write_split(task: DocumentTask, conversion, diagnostics: list[Diagnostic]) -> list[str]:
    """A text of several works as one TEI file a work beside where its one file would be, each
    validated; the files written (none for a text of one work: its file is the usual one)."""
    from teikit.writers.split import split_parts
    from teikit.writers.tei import TeiWriter, default_schema_refs
    from teikit.xmlio import write_atomic

    if len(conversion.document.works) < 2:
        return []
    folder = Path(task.tei).parent
    writer = TeiWriter(default_schema_refs(task.schema_dir), output_dir=folder)
    written = []
    for part in split_parts(conversion.document, writer.split_trees(conversion.document), task.name):
        path, data = str(folder / part.name), writer.serialise(part.tree)
        write_atomic(path, data, durable=False)
        diagnostics += validate(path, data, task.schemas)
        written.append(path)
    return written


def validate(path: str, data: bytes, schemas: tuple[SchemaRef, ...]) -> list[Diagnostic]:
    """Diagnostics of one TEI document against the project's schemas (each compiled once per
    process). Rules across files see this document alone: its ids all carry its own prefix."""
    if not schemas:
        return []
    from teikit.validate.engine import RunContext
    from teikit.validate.runner import Options, check_files

    results = check_files([path], Options(schemas=list(schemas)), RunContext(), {path: data})
    return [d for result in results for d in result.diagnostics]


def publish(stylesheet: str, tree, name: str, params: Mapping[str, str], diagnostics: list[Diagnostic]) -> str:
    from teikit.publish.saxon import compiled

    result = compiled(data_dir("xslt") / stylesheet).transform(tree, name, params)
    diagnostics.extend(result.messages)
    return result.text


def _remove(*paths: str) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def peak_memory() -> int:
    """This process's peak resident memory so far, in bytes (0 where it cannot be known)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
